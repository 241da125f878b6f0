"""Fitting scikit-learn's character n-gram TF-IDF (``analyzer='char_wb'``) fast on a large corpus.

``TfidfVectorizer.fit_transform`` counts n-grams one by one in Python: about 35 s of a 100,000-program
fit. ``fit_transform_char_wb`` computes the same counts with numpy over the code points of the whole
corpus at once and leaves the vectorizer fitted exactly as scikit-learn would (same ``vocabulary_``,
``idf_`` and output; ``tests/matcher/engine/test_char_ngrams.py`` compares them), so transforming
queries and pickling are unchanged. A vectorizer set up in any way this does not reproduce is fitted
by scikit-learn itself.

Plain numpy/scipy/scikit-learn, no Django.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from numbers import Integral

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer

_MAX_N = 3
_SPACE = ord(" ")


def _reproducible(vectorizer: TfidfVectorizer) -> bool:
    """The settings whose n-grams and pruning are reproduced here (the defaults, but for the
    n-gram range, document-frequency limits, dtype and TF-IDF options)."""
    low, high = vectorizer.ngram_range
    return (
        vectorizer.analyzer == "char_wb"
        and vectorizer.input == "content"
        and vectorizer.lowercase
        and vectorizer.preprocessor is None
        and vectorizer.strip_accents is None
        and vectorizer.vocabulary is None
        and vectorizer.max_features is None
        and not vectorizer.binary
        and vectorizer.use_idf
        and 1 <= low <= high <= _MAX_N
    )


def fit_transform_char_wb(vectorizer: TfidfVectorizer, texts: Sequence[str]) -> sp.csr_matrix:
    """``vectorizer.fit_transform(texts)`` for a ``char_wb`` vectorizer, computed with numpy."""
    counted = None
    if _reproducible(vectorizer) and all(isinstance(t, str) for t in texts):
        counted = _count(texts, vectorizer.ngram_range, vectorizer.dtype)
    if counted is None:
        return vectorizer.fit_transform(texts)
    counts, decode = counted
    # Document frequency: a column holds one entry per document that has the n-gram.
    document_frequency = np.diff(counts.indptr)
    keep = _kept_columns(document_frequency, len(texts), min_df=vectorizer.min_df, max_df=vectorizer.max_df)
    kept_terms = decode(keep)
    order = sorted(range(len(kept_terms)), key=kept_terms.__getitem__)  # scikit-learn sorts them
    counts = counts[:, keep[order]].tocsr()
    tfidf = TfidfTransformer(
        norm=vectorizer.norm,
        use_idf=vectorizer.use_idf,
        smooth_idf=vectorizer.smooth_idf,
        sublinear_tf=vectorizer.sublinear_tf,
    )
    matrix = tfidf.fit_transform(counts)
    vectorizer.vocabulary_ = {kept_terms[old]: new for new, old in enumerate(order)}
    vectorizer.idf_ = tfidf.idf_
    return matrix


def _count(
    texts: Sequence[str], ngram_range: tuple[int, int], dtype
) -> tuple[sp.csc_matrix, Callable[[np.ndarray], list[str]]] | None:
    """Documents × n-grams counts (unpruned, unsorted) and a function giving the n-grams of columns
    (only the kept ones are ever spelled out); None when the corpus is too large for one sort key.

    As ``char_wb`` does, every word is padded with a space on each side and n-grams never leave a
    word. The padded words of a document are laid end to end (' ab  cd '), so a window leaves its
    word exactly when it holds two spaces in a row, and its document when its ends are in two.
    Each window becomes one integer (n-gram, then document); one sort of those groups equal pairs
    (their count) by n-gram (a column), which is a CSC matrix without any per-item Python.
    """
    padded = []
    for text in texts:
        words = text.lower().split()
        padded.append(f" {'  '.join(words)} " if words else "")
    lengths = np.fromiter((len(p) for p in padded), dtype=np.int64, count=len(padded))
    alphabet, codes = _dense_codes("".join(padded))
    symbol_bits = max(1, (len(alphabet) - 1).bit_length())
    document_bits = max(1, (len(padded) - 1).bit_length())
    low, high = ngram_range
    if high * symbol_bits + document_bits > 63:
        return None
    document = np.repeat(np.arange(len(padded), dtype=np.int32), lengths)
    space = np.searchsorted(alphabet, _SPACE)
    has_space = space < len(alphabet) and alphabet[space] == _SPACE
    is_space = codes == space if has_space else np.zeros(len(codes), dtype=bool)
    double_space = is_space[:-1] & is_space[1:]
    del is_space
    blocks, grams, sizes = [], [], []
    for n in range(low, high + 1):
        if len(codes) < n:
            continue
        # Passed on without a name here, so _columns can free the window keys as it goes.
        block, block_grams = _columns(
            _window_keys(codes, document, double_space, n, symbol_bits, document_bits),
            len(padded),
            document_bits,
            dtype,
        )
        blocks.append(block)
        grams.append(block_grams)
        sizes.append(np.full(len(block_grams), n))
    if not blocks:
        return sp.csc_matrix((len(padded), 0), dtype=dtype), lambda columns: []
    all_grams, all_sizes = np.concatenate(grams), np.concatenate(sizes)
    mask = (1 << symbol_bits) - 1

    def spell(columns: np.ndarray) -> list[str]:
        return [
            "".join(chr(alphabet[(gram >> (symbol_bits * (n - 1 - i))) & mask]) for i in range(n))
            for gram, n in zip(all_grams[columns].tolist(), all_sizes[columns].tolist(), strict=True)
        ]

    return sp.hstack(blocks, format="csc"), spell


def _dense_codes(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The distinct code points of ``text`` (sorted) and ``text`` as indices into them: numbered
    densely, in code-point order, so an n-gram and a document number fit in one int64."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    present = np.zeros(int(points.max()) + 1 if len(points) else 1, dtype=bool)
    present[points] = True
    dense = (np.cumsum(present, dtype=np.int32) - 1)[points]
    return np.flatnonzero(present), dense


def _window_keys(
    codes: np.ndarray,
    document: np.ndarray,
    double_space: np.ndarray,
    n: int,
    symbol_bits: int,
    document_bits: int,
) -> np.ndarray:
    """The sorted keys (n-gram << document_bits | document) of every n-character window in a word."""
    starts = len(codes) - n + 1
    keys = codes[:starts].astype(np.int64)
    for offset in range(1, n):
        keys <<= symbol_bits
        keys |= codes[offset : offset + starts]
    keys <<= document_bits
    keys |= document[:starts]
    inside = document[:starts] == document[n - 1 : n - 1 + starts]
    for offset in range(n - 1):
        inside &= ~double_space[offset : offset + starts]
    keys = keys[inside]
    del inside
    keys.sort()
    return keys


def _columns(
    keys: np.ndarray, n_documents: int, document_bits: int, dtype
) -> tuple[sp.csc_matrix, np.ndarray]:
    """Sorted window keys → a documents × n-grams CSC count matrix and each column's n-gram."""
    if not len(keys):
        return sp.csc_matrix((n_documents, 0), dtype=dtype), keys
    first = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    counts = np.diff(np.append(first, len(keys))).astype(dtype)
    pairs = keys[first]
    del keys, first
    grams = pairs >> document_bits
    column_start = np.flatnonzero(np.concatenate(([True], grams[1:] != grams[:-1])))
    grams = grams[column_start]
    index = np.int32 if max(n_documents, len(pairs)) < 2**31 else np.int64
    pairs &= (1 << document_bits) - 1  # now the document (row) of each pair
    rows = pairs.astype(index)
    del pairs
    indptr = np.append(column_start, len(rows)).astype(index)
    return sp.csc_matrix((counts, rows, indptr), shape=(n_documents, len(grams))), grams


def _kept_columns(
    document_frequency: np.ndarray, n_documents: int, *, min_df: float, max_df: float
) -> np.ndarray:
    """The n-grams in neither too few nor too many documents, with scikit-learn's reading of the limits."""
    high = max_df if isinstance(max_df, Integral) else max_df * n_documents
    low = min_df if isinstance(min_df, Integral) else min_df * n_documents
    if high < low:
        raise ValueError("max_df corresponds to < documents than min_df")
    keep = np.flatnonzero((document_frequency <= high) & (document_frequency >= low))
    if len(keep) == 0:
        raise ValueError("After pruning, no terms remain. Try a lower min_df or a higher max_df.")
    return keep
