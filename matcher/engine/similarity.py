"""The similarity model: a scikit-learn estimator over Korean program text.

A document is a pair ``(terms, text)``: ``terms`` are Kiwi content morphemes
(stored on programs as ``Program.search_terms``; queries are analysed live),
``text`` is the raw title and summary for character n-grams, which catch
compounds Kiwi splits differently ('이차전지' / '이차 전지', '미래차').

Three views, each L2-normalised, weighted and stacked:
- word TF-IDF over morphemes (unigrams and adjacent pairs);
- character 2–3-gram TF-IDF inside words of the raw text (counted with numpy at fit time,
  see char_ngrams);
- a latent view (TruncatedSVD of the word TF-IDF, fitted on the programs plus
  the KSIC industry names as extra documents) that links owners' words to
  program words that co-occur with them in the corpus (배터리 ↔ 이차전지 ↔ BMS).

Plain Python + scikit-learn, no Django.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, pairwise

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from matcher.engine.char_ngrams import fit_transform_char_wb
from matcher.engine.ksic import ksic_rows

Doc = tuple[str, str]  # (space-joined morphemes, raw text)


def _split(text: str) -> list[str]:
    return text.split()


@lru_cache(maxsize=1)
def ksic_documents() -> tuple[tuple[str, str, str], ...]:
    """(code, name, text) per KSIC subclass: its name with the names of its class, group and division."""
    rows = []
    for row in ksic_rows():
        text = " ".join(
            dict.fromkeys([row["subclass_name"], row["class_name"], row["group_name"], row["division_name"]])
        )
        rows.append((row["subclass_code"], row["subclass_name"], text))
    return tuple(rows)


@lru_cache(maxsize=1)
def ksic_terms() -> tuple[str, ...]:
    """The KSIC documents analysed into morphemes (once per process)."""
    from matcher.engine.analysis import analyze_to_string

    return tuple(analyze_to_string(text) for _, _, text in ksic_documents())


_HANGUL2 = re.compile(r"^[가-힣]{2}$")


def learn_abbreviations(
    documents: Sequence[str], min_documents: int = 2, min_lift: float = 3.0
) -> dict[str, str]:
    """Korean two-syllable abbreviations attested in the corpus: '방위 산업' → '방산', '중소 기업' → '중기'.

    The general rule (first syllable of each of two two-syllable nouns) proposes a candidate; it is kept
    only when the short form is itself a corpus term and at least half of the documents using it (and
    ``min_documents``) also contain the full pair, so chance collisions ('수출 산업' → '수산') are dropped,
    and when that share is ``min_lift`` times the pair's share of all documents: a pair found almost
    everywhere ('지원 사업') co-occurs with any word, so '지사' is not its abbreviation.
    Returns short form → 'first second'.
    """
    # Two passes: the two-syllable terms first, so the second keeps only pairs whose short form
    # occurs at all (most pairs do not). Membership tests on one set of the corpus's two-syllable
    # terms, not a regex per token, keep a 100k-program fit fast.
    tokenised = [doc.split() for doc in documents]
    vocabulary: set[str] = set()
    for tokens in tokenised:
        vocabulary.update(tokens)
    two = {token for token in vocabulary if _HANGUL2.match(token)}
    term_docs: dict[str, set[int]] = {}
    for index, tokens in enumerate(tokenised):
        for token in two.intersection(tokens):
            term_docs.setdefault(token, set()).add(index)
    pair_docs: dict[tuple[str, str], set[int]] = {}
    for index, tokens in enumerate(tokenised):
        for first, second in pairwise(tokens):
            if first == second or first not in two or second not in two:
                continue
            short = first[0] + second[0]
            if short in term_docs and short not in (first, second):
                pair_docs.setdefault((first, second), set()).add(index)
    out: dict[str, tuple[int, str]] = {}
    for (first, second), docs in pair_docs.items():
        short = first[0] + second[0]
        together = len(docs & term_docs[short])
        # Most documents using the short form also spell it out: an abbreviation, not another word.
        share = together / len(term_docs[short])
        if together < min_documents or share < 0.5 or share < min_lift * len(docs) / len(tokenised):
            continue
        if together > out.get(short, (0, ""))[0]:
            out[short] = (together, f"{first} {second}")
    return {short: full for short, (_, full) in out.items()}


@dataclass
class QueryVectors:
    word_indices: np.ndarray
    word_values: np.ndarray
    char_indices: np.ndarray
    char_values: np.ndarray
    latent: np.ndarray | None


def _tfidf_one(tokens: list[str], vectorizer: TfidfVectorizer) -> tuple[np.ndarray, np.ndarray]:
    """Sublinear TF-IDF of one token list, L2-normalised, as (indices, values)."""
    vocab = vectorizer.vocabulary_
    counts: dict[int, int] = {}
    for token in tokens:
        j = vocab.get(token)
        if j is not None:
            counts[j] = counts.get(j, 0) + 1
    if not counts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
    indices = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
    tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
    values = (1 + np.log(tf)) * vectorizer.idf_[indices]
    return indices, values / np.linalg.norm(values)


class ProgramSimilarity(BaseEstimator, TransformerMixin):
    """Cosine similarity between short owner queries and program documents.

    ``fit(X)`` learns the vocabularies, IDF weights and latent space from program
    documents; ``transform(X)`` maps documents (or queries) to the stacked,
    normalised vectors; ``similarity(Q, P)`` is their dot product.
    """

    def __init__(
        self,
        *,
        word_weight: float = 1.0,
        char_weight: float = 0.5,
        latent_weight: float = 0.5,
        n_components: int = 150,
        char_ngram_range: tuple[int, int] = (2, 3),
        min_df: int = 1,
        max_df: float = 0.5,
        use_ksic: bool = True,
        word_scoring: str = "tfidf",
        expand_abbreviations: bool = True,
        k1: float = 1.2,
        b: float = 0.75,
        random_state: int = 0,
    ) -> None:
        self.word_weight = word_weight
        self.char_weight = char_weight
        self.latent_weight = latent_weight
        self.n_components = n_components
        self.char_ngram_range = char_ngram_range
        self.min_df = min_df
        self.max_df = max_df
        self.use_ksic = use_ksic
        self.word_scoring = word_scoring
        self.expand_abbreviations = expand_abbreviations
        self.k1 = k1
        self.b = b
        self.random_state = random_state

    # -- fitting -------------------------------------------------------------
    def fit(self, X: Sequence[Doc], y=None) -> ProgramSimilarity:
        self._fit(X)
        return self

    def fit_transform_parts(self, X: Sequence[Doc]) -> tuple[sp.csr_matrix, np.ndarray | None]:
        """``fit(X)`` then ``transform_parts(X)``, each document tokenised once (fitting 100k programs)."""
        words, chars = self._fit(X)
        term_list = [t for t, _ in X]
        word_block = (
            normalize(words) if self.word_scoring != "bm25" else self._word_block(term_list, "document")
        )
        sparse = sp.hstack(
            [word_block * self.word_weight, normalize(chars) * self.char_weight],
            format="csr",
            dtype=np.float32,
        )
        latent = None
        if self.svd_ is not None:
            latent = (normalize(self.svd_.transform(normalize(words))) * self.latent_weight).astype(
                np.float32
            )
        return sparse, latent

    def _fit(self, X: Sequence[Doc]) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        terms = [t for t, _ in X]
        texts = [x for _, x in X]
        self.word_vectorizer_ = TfidfVectorizer(
            analyzer=_split,
            sublinear_tf=True,
            min_df=self.min_df,
            max_df=self.max_df if len(X) >= 20 else 1.0,
            dtype=np.float32,
        )
        self.char_vectorizer_ = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=self.char_ngram_range,
            sublinear_tf=True,
            min_df=max(self.min_df, 2) if len(X) >= 20 else 1,
            max_df=self.max_df if len(X) >= 20 else 1.0,
            dtype=np.float32,
        )
        words = self.word_vectorizer_.fit_transform(terms)
        # Words in so many programs that ``max_df`` dropped them ('지원'): known to the corpus, only not
        # telling; kept so that ``MatcherIndex.unmet_terms`` does not call them unmet.
        seen = set(chain.from_iterable(t.split() for t in terms))
        self.common_terms_ = frozenset(seen.difference(self.word_vectorizer_.vocabulary_))
        chars = fit_transform_char_wb(self.char_vectorizer_, texts)  # scikit-learn's result, ~5× faster
        self.svd_ = None
        n_features = words.shape[1]
        components = min(self.n_components, n_features - 1, len(X) - 1)
        if self.latent_weight > 0 and components >= 2:
            latent_input = words
            if self.use_ksic:
                extra = list(ksic_terms())
                latent_input = sp.vstack([words, self.word_vectorizer_.transform(extra)]).tocsr()
            self.svd_ = TruncatedSVD(n_components=components, random_state=self.random_state)
            self.svd_.fit(latent_input)
        self.count_vectorizer_ = CountVectorizer(
            analyzer=_split, vocabulary=self.word_vectorizer_.vocabulary_, dtype=np.float32
        )
        self.avgdl_ = 1.0
        if self.word_scoring == "bm25":
            lengths = np.asarray(self.count_vectorizer_.transform(terms).sum(axis=1)).ravel()
            self.avgdl_ = float(lengths.mean()) if len(lengths) and lengths.mean() > 0 else 1.0
        self.abbreviations_ = learn_abbreviations(terms) if self.expand_abbreviations else {}
        self.n_documents_ = len(X)
        return words, chars

    def expand_query(self, terms: str) -> str:
        """Add the full form of corpus-attested abbreviations ('방산' → '방위 산업') to a query."""
        if not getattr(self, "abbreviations_", None):
            return terms
        extra = [self.abbreviations_[t] for t in terms.split() if t in self.abbreviations_]
        return f"{terms} {' '.join(extra)}" if extra else terms

    def _word_block(self, terms: list[str], role: str) -> sp.csr_matrix:
        """Word view. TF-IDF cosine, or with ``word_scoring='bm25'`` an asymmetric BM25: documents carry
        saturated term frequencies (0..1), queries their IDF mass normalised to 1, so the dot product is
        the share of the query's IDF mass a program matches (0..1)."""
        if self.word_scoring != "bm25":
            return normalize(self.word_vectorizer_.transform(terms))
        if role == "query":
            tfidf = self.word_vectorizer_.transform(terms)
            return normalize(tfidf, norm="l1")
        counts = self.count_vectorizer_.transform(terms).tocsr().astype(np.float32)
        lengths = np.asarray(counts.sum(axis=1)).ravel()
        denom_row = self.k1 * (1 - self.b + self.b * lengths / self.avgdl_)
        counts = counts.tocoo()
        tf = counts.data
        sat = tf * (self.k1 + 1) / (tf + denom_row[counts.row]) / (self.k1 + 1)
        return sp.csr_matrix((sat.astype(np.float32), (counts.row, counts.col)), shape=counts.shape)

    # -- transforming --------------------------------------------------------
    def transform(self, X: Iterable[Doc], *, role: str = "document") -> sp.csr_matrix:
        """Stacked vectors; score a query against programs with ``similarity(transform(Q, role='query'),
        transform(P))``."""
        sparse, latent = self.transform_parts(X, role=role)
        if latent is None:
            return sparse
        return sp.hstack([sparse, sp.csr_matrix(latent)], format="csr", dtype=np.float32)

    def transform_parts(
        self, X: Iterable[Doc], *, role: str = "document"
    ) -> tuple[sp.csr_matrix, np.ndarray | None]:
        """The sparse (word + character) block and the dense latent block, weighted.

        ``role`` is 'document' for programs and 'query' for owners' queries (the BM25 word view is
        asymmetric)."""
        check_is_fitted(self, "word_vectorizer_")
        docs = list(X)
        term_list = [t for t, _ in docs]
        if role == "query":
            term_list = [self.expand_query(t) for t in term_list]
        tfidf = normalize(self.word_vectorizer_.transform(term_list))
        words = self._word_block(term_list, role)
        chars = normalize(self.char_vectorizer_.transform([x for _, x in docs]))
        sparse = sp.hstack(
            [words * self.word_weight, chars * self.char_weight], format="csr", dtype=np.float32
        )
        latent = None
        if self.svd_ is not None:
            latent = (normalize(self.svd_.transform(tfidf)) * self.latent_weight).astype(np.float32)
        return sparse, latent

    def transform_query(self, terms: str, text: str) -> QueryVectors:
        """One query's weighted word, character and latent vectors: the same numbers as
        ``transform_parts``, computed without scikit-learn's per-call validation (~30× faster)."""
        check_is_fitted(self, "word_vectorizer_")
        terms = self.expand_query(terms)
        idx_w, val_w = _tfidf_one(terms.split(), self.word_vectorizer_)
        idx_c, val_c = _tfidf_one(self._char_analyzer()(text), self.char_vectorizer_)
        latent = None
        if self.svd_ is not None:
            latent = (
                self.svd_.components_[:, idx_w] @ val_w if len(idx_w) else np.zeros(self.svd_.n_components)
            )
            norm = np.linalg.norm(latent)
            latent = ((latent / norm if norm else latent) * self.latent_weight).astype(np.float32)
        word_values = val_w
        if self.word_scoring == "bm25" and len(val_w):
            word_values = val_w / val_w.sum()
        return QueryVectors(
            word_indices=idx_w,
            word_values=(word_values * self.word_weight).astype(np.float32),
            char_indices=idx_c,
            char_values=(val_c * self.char_weight).astype(np.float32),
            latent=latent,
        )

    def _char_analyzer(self):
        analyzer = getattr(self, "_char_analyzer_cache", None)
        if analyzer is None:
            analyzer = self.char_vectorizer_.build_analyzer()
            self._char_analyzer_cache = analyzer
        return analyzer

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state.pop("_char_analyzer_cache", None)
        return state

    def similarity(self, queries: sp.spmatrix, programs: sp.spmatrix) -> np.ndarray:
        """Similarity of each query row to each program row (weighted sum of per-view cosines)."""
        return np.asarray((queries @ programs.T).todense())

    def matched_terms(self, query: Doc, program_terms: str, limit: int = 8) -> list[str]:
        """Query morphemes that also occur in the program, rarest (most telling) first."""
        vocab = self.word_vectorizer_.vocabulary_
        idf = self.word_vectorizer_.idf_
        present = set(program_terms.split())
        hits = [t for t in dict.fromkeys(query[0].split()) if t in present]
        hits.sort(key=lambda t: -idf[vocab[t]] if t in vocab else 0.0)
        return hits[:limit]

    def matched_terms_fast(self, query_terms: list[str], program_terms: str, limit: int = 8) -> list[str]:
        padded = f" {program_terms} "
        vocab = self.word_vectorizer_.vocabulary_
        idf = self.word_vectorizer_.idf_
        hits = [t for t in query_terms if f" {t} " in padded]
        hits.sort(key=lambda t: -idf[vocab[t]] if t in vocab else 0.0)
        return hits[:limit]

    @property
    def n_features_(self) -> int:
        return len(self.word_vectorizer_.vocabulary_) + len(self.char_vectorizer_.vocabulary_)
