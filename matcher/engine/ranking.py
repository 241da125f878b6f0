"""The in-memory match index and the ranking of eligible programs for a firm.

``MatcherIndex.build`` fits the similarity model on program documents and keeps,
per program, the vectors and eligibility facts. ``MatcherIndex.rank`` scores every
program against the firm's query (sparse column gather + a dense latent product),
applies eligibility per distinct region / firm-type group (so 100k programs cost a
few hundred rule evaluations), and orders the eligible ones by

    score = similarity × (1 + region_weight × specificity + type_weight × type fit)
            + kind_weight × kind fit + open_weight × open

where specificity is 0 for nationwide, 0.75 for a 시도 and 1 for a 시군구 program (a 구미시 program
above a 경상북도 one, and both well above a nationwide one, at equal fit). Openness is a small bonus:
relevance decides. Two factors then scale the score down: a notice that says it is not a support
program (a tax-scheme guide), and support only a manufacturer can use (a smart factory) offered to a
firm that does not make things. A notice posted again under another id (the same text for the same
firms) takes one place, by its best-scored posting, which names the others.

Plain Python, no Django.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from matcher.engine.eligibility import Decision, FirmFacts, ProgramFacts, decide
from matcher.engine.periods import is_open
from matcher.engine.similarity import ProgramSimilarity
from matcher.engine.support_kinds import (
    KINDS,
    KINDS_ONLY_FOR_THEIR_FIRMS,
    firm_kinds,
    is_information_only,
    program_kinds,
)
from matcher.engine.text import quotable, split_sentences

_NO_END = 10**7  # the ordinal day of a program that states no deadline: never ends
# Sorted by deadline, the results are this many best-fitting open programs with a deadline.
CLOSING_POOL = 50
# Firms whose eligibility an index remembers (about 0.9 MB each at 100,000 programs): enough for one
# page's calls and the next page of the same search, too few for the benches' rotating searches to hit.
_ELIGIBILITY_CACHE_SIZE = 4
# The facts of a program's firm-type rule; all its others make its region rule (see ``MatcherIndex``).
_TYPE_FACTS = ("firm_types", "years_min", "years_max", "employees_min")
_NO_LIMITS = ProgramFacts()


@dataclass
class ProgramDoc:
    """What the index needs of one program."""

    program_id: int | str
    terms: str  # Program.search_terms
    text: str  # title + summary (raw)
    facts: ProgramFacts
    apply_start: date | None = None
    apply_end: date | None = None
    support_types: tuple[str, ...] = ()
    kinds: frozenset[str] | None = None  # None: read from ``text``


@dataclass(frozen=True)
class Query:
    terms: str  # analysed morphemes of the owner's sector + description
    text: str
    firm: FirmFacts
    kinds: frozenset[str] = frozenset()


@dataclass
class RankWeights:
    # Chosen with bench/cv_weights.py on the dev corpus as the pipeline stores it (the folds' choices and
    # the cross-validated figures are in README "Matching and evaluation").
    region: float = 0.6
    # A 시도 program's specificity, between nationwide (0) and a 시군구 program (1): closer to the city's, as
    # both are closed to the rest of the country (every cv_weights fold picks 0.75 or 1 over 0.5).
    province: float = 0.75
    type_fit: float = 0.2
    open: float = 0.02
    title: float = 0.0  # weight of the title-only character similarity
    kind: float = 0.1  # added when the program's kind of support suits the kind of firm
    # Multipliers, chosen the same way (bench/cv_weights.py): a notice that says it is not a
    # support program, and support for another kind of firm (a smart factory for a restaurant).
    information_only: float = 0.2
    other_kind: float = 0.5
    min_similarity: float = 0.02
    rescore: int | None = 1000  # candidates re-scored with character n-grams (None: all)
    # Words no program the firm may apply for uses leave the query's word and latent views (see
    # ``MatcherIndex.focused``); their letters stay in the character view.
    drop_unmet: bool = True


@dataclass
class Ranked:
    program_id: int | str
    score: float  # 0..1 for display
    raw_score: float
    similarity: float
    decision: Decision
    matched_terms: list[str] = field(default_factory=list)
    is_open: bool | None = None
    information_only: bool = False
    # The same notice posted again under other ids (same title, summary and eligibility): one card
    # stands for all of them, and names the others.
    reposts: list[int | str] = field(default_factory=list)


class MatcherIndex:
    """A fitted model plus per-program vectors and facts; pickled as one unit by ``persistence``."""

    def __init__(
        self,
        model: ProgramSimilarity,
        docs: Sequence[ProgramDoc],
        parts: tuple[sp.csr_matrix, np.ndarray | None] | None = None,
    ) -> None:
        self.model = model
        self.program_ids = [d.program_id for d in docs]
        self.position = {pid: i for i, pid in enumerate(self.program_ids)}
        self.terms = [d.terms for d in docs]
        sparse, latent = (
            parts if parts is not None else model.transform_parts((d.terms, d.text) for d in docs)
        )
        n_words = len(model.word_vectorizer_.vocabulary_)
        # Word features × programs: a query's few words are row gathers over all programs.
        self.word_t = sparse[:, :n_words].T.tocsr()
        # Programs × character n-grams: used to re-score the best candidates only (n-grams are dense).
        self.chars = sparse[:, n_words:].tocsr()
        # The title alone in character n-grams (a title naming the firm's industry: aimed at it).
        # Built on first use: the shipped weights give the title view 0, and at 100k programs its
        # character analysis is about a tenth of the fit.
        self.titles = [d.text.split("\n", 1)[0] for d in docs]
        self._title_chars: sp.csr_matrix | None = None
        self.latent = latent
        # Eligibility groups: distinct region rules (every fact but the firm-type ones) and distinct
        # firm-type rules, each a ProgramFacts with the other half left at its defaults.
        blank_types = {name: getattr(_NO_LIMITS, name) for name in _TYPE_FACTS}
        region_key: dict[ProgramFacts, int] = {}
        type_key: dict[ProgramFacts, int] = {}
        region_ids = np.empty(len(docs), dtype=np.int32)
        type_ids = np.empty(len(docs), dtype=np.int32)
        for i, doc in enumerate(docs):
            f = doc.facts
            region_ids[i] = region_key.setdefault(replace(f, **blank_types), len(region_key))
            type_part = ProgramFacts(nationwide=True, **{name: getattr(f, name) for name in _TYPE_FACTS})
            type_ids[i] = type_key.setdefault(type_part, len(type_key))
        self.region_groups: list[ProgramFacts] = list(region_key)
        self.type_groups: list[ProgramFacts] = list(type_key)
        self.region_ids = region_ids
        self.type_ids = type_ids
        self.facts = [d.facts for d in docs]
        self.apply_start = [d.apply_start for d in docs]
        self.apply_end = [d.apply_end for d in docs]
        # Ordinal days for a vectorised periods.is_open: no start = always started, no end = never ends.
        self.start_ord = np.array(
            [d.apply_start.toordinal() if d.apply_start else 0 for d in docs], dtype=np.int32
        )
        self.end_ord = np.array(
            [d.apply_end.toordinal() if d.apply_end else _NO_END for d in docs], dtype=np.int32
        )
        self.kinds = np.zeros((len(docs), len(KINDS)), dtype=bool)
        for i, doc in enumerate(docs):
            kinds = doc.kinds if doc.kinds is not None else program_kinds(doc.text)
            for k, kind in enumerate(KINDS):
                self.kinds[i, k] = kind in kinds
        self.information_only = np.array([is_information_only(d.text) for d in docs], dtype=bool)
        self.has_period = np.array([bool(d.apply_start or d.apply_end) for d in docs], dtype=bool)
        self.support_types = [d.support_types for d in docs]
        # Re-posted notices: the positions of each notice posted more than once, and each program's group
        # (-1 for the great majority, posted once). The same notice is the same text (title and summary, as
        # copied from the source) for the same firms; the period may differ, as a re-post often only moves
        # it. Texts first: a string keeps its hash, the facts would be hashed anew for every program.
        same_text: dict[str, list[int]] = {}
        for i, doc in enumerate(docs):
            same_text.setdefault(doc.text, []).append(i)
        self.repost_groups: list[list[int]] = []
        for positions in (p for p in same_text.values() if len(p) > 1):
            same_firms: dict[ProgramFacts, list[int]] = {}
            for i in positions:
                same_firms.setdefault(docs[i].facts, []).append(i)
            self.repost_groups += [g for g in same_firms.values() if len(g) > 1]
        self.repost_group = np.full(len(docs), -1, dtype=np.int32)
        for g, positions in enumerate(self.repost_groups):
            self.repost_group[positions] = g

    @classmethod
    def build(cls, docs: Sequence[ProgramDoc], **model_params) -> MatcherIndex:
        model = ProgramSimilarity(**model_params)
        parts = model.fit_transform_parts([(d.terms, d.text) for d in docs])
        return cls(model, docs, parts)

    def __len__(self) -> int:
        return len(self.program_ids)

    def title_chars(self) -> sp.csr_matrix:
        """Programs × character n-grams of the title alone (a title naming the firm's industry)."""
        if self._title_chars is None:
            chars = self.model.char_vectorizer_.transform(self.titles)
            self._title_chars = normalize(chars).astype(np.float32).tocsr()
        return self._title_chars

    # -- scoring -------------------------------------------------------------
    def similarities(
        self,
        query: Query,
        *,
        rescore: int | None = None,
        mask: np.ndarray | None = None,
        title_weight: float = 0.0,
    ) -> np.ndarray:
        """Similarity of the query to every program, in two stages.

        First stage, over all programs: the word view (a sparse gather of the query's few terms).
        Second stage, for the ``rescore`` best programs among ``mask`` (all when None): the latent
        view and the character n-gram view are added. Programs outside the pool keep their word score.
        """
        vectors = self.model.transform_query(query.terms, query.text)
        scores = np.zeros(len(self.program_ids), dtype=np.float32)
        if len(vectors.word_indices):
            scores += self.word_t[vectors.word_indices].T @ vectors.word_values
        pool = np.flatnonzero(mask) if mask is not None else np.arange(len(scores))
        if rescore is not None and len(pool) > rescore:
            pool = pool[np.argpartition(-scores[pool], rescore - 1)[:rescore]]
        if vectors.latent is not None and self.latent is not None:
            scores[pool] += self.latent[pool] @ vectors.latent
        if len(vectors.char_indices):
            q = np.zeros(self.chars.shape[1], dtype=np.float32)
            q[vectors.char_indices] = vectors.char_values
            scores[pool] += self.chars[pool] @ q
            if title_weight and self.model.char_weight:
                scores[pool] += (self.title_chars()[pool] @ q) * (title_weight / self.model.char_weight)
        return scores

    def eligibility(self, firm: FirmFacts) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per program: eligible?, region level (0 nationwide, 1 시도, 2 시군구), type fit.

        The whole firm goes to both groups: a region group states no type limit and a type group no
        region, so each decides only its own part, and a fact added to ``FirmFacts`` reaches both.

        Remembered for the last few firms: one results page asks for the same firm's eligibility up to
        four times (ranking, its unmet words, the region's other programs, the count without filters).
        Only the three arrays are kept, not the groups' decisions: long-lived objects make Python's
        full garbage collections, pauses of ~0.1 s over the index, come more often. The arrays are
        read-only, so no caller can change another's answer."""
        cache = self.__dict__.setdefault("_eligibility_cache", {})
        found = cache.get(firm)
        if found is None:
            found = self._eligibility(firm)
            for array in found:
                array.flags.writeable = False
            if len(cache) >= _ELIGIBILITY_CACHE_SIZE:
                cache.clear()  # a plain dict, cleared whole: safe across threads without a lock
            cache[firm] = found
        return found

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state.pop("_eligibility_cache", None)
        return state

    def _eligibility(self, firm: FirmFacts) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        region_decisions = [decide(g, firm) for g in self.region_groups]
        type_decisions = [decide(g, firm) for g in self.type_groups]
        region_ok = np.array([d.eligible for d in region_decisions], dtype=bool)
        region_level = np.array([d.region_level for d in region_decisions], dtype=np.int8)
        type_ok = np.array([d.eligible for d in type_decisions], dtype=bool)
        type_fit = np.array([d.type_fit for d in type_decisions], dtype=np.float32)
        eligible = region_ok[self.region_ids] & type_ok[self.type_ids]
        return eligible, region_level[self.region_ids], type_fit[self.type_ids]

    def rank(
        self,
        query: Query,
        *,
        limit: int = 20,
        offset: int = 0,
        weights: RankWeights | None = None,
        today: date | None = None,
        open_only: bool = False,
        support_types: Sequence[str] = (),
        exclude_ineligible: bool = True,
        closing_first: bool = False,
        closing_pool: int = CLOSING_POOL,
    ) -> tuple[list[Ranked], int]:
        """The eligible programs best first (``offset``/``limit`` page) and how many have any fit.

        ``closing_first``: only programs open now with a stated deadline, the ``closing_pool`` that fit
        best, ordered by deadline (nearest first); the count is of that pool.
        """
        weights = weights or RankWeights()
        today = today or date.today()
        eligible, level, fit, sims, kind_fit, fits, share = self._fit(query, weights, exclude_ineligible)
        mask = fits & eligible if exclude_ineligible else fits
        candidates = np.flatnonzero(mask)
        if support_types:
            wanted = set(support_types)
            candidates = np.array(
                [i for i in candidates if wanted & set(self.support_types[i])], dtype=np.int64
            )
        open_now = self._open_on(today)
        if open_only or closing_first:
            candidates = candidates[open_now[candidates]]
        if closing_first:
            candidates = candidates[self.end_ord[candidates] < _NO_END]
        if not len(candidates):
            return [], 0
        # Specificity by region level (nationwide, 시도, 시군구).
        specificity = np.array([0.0, weights.province, 1.0], dtype=np.float32)[level[candidates]]
        final = sims[candidates] * (1 + weights.region * specificity + weights.type_fit * fit[candidates])
        if weights.kind:
            final = final + weights.kind * kind_fit[candidates]
        if weights.open:
            final = final + weights.open * open_now[candidates].astype(np.float32)
        info = self.information_only[candidates]
        if weights.information_only != 1.0 and info.any():
            final = np.where(info, final * weights.information_only, final)
        if weights.other_kind != 1.0:
            final = np.where(self._unsuited(query)[candidates], final * weights.other_kind, final)
        keep = self._one_per_notice(candidates, final)
        if keep is not None:
            candidates, final = candidates[keep], final[keep]
        want = offset + limit
        if closing_first:
            # The best-fitting few, then by deadline: a deadline does not make an unrelated program fit.
            pool = np.arange(len(candidates))
            if closing_pool < len(candidates):
                pool = np.argpartition(-final, closing_pool - 1)[:closing_pool]
            order = np.lexsort((-final[pool], self.end_ord[candidates[pool]]))
            top, total = pool[order][offset:want], len(pool)
        else:
            if want < len(candidates):
                top = np.argpartition(-final, want - 1)[:want]
            else:
                top = np.arange(len(candidates))
            top, total = top[np.argsort(-final[top], kind="stable")][offset:want], len(candidates)
        # The score bar follows the ranking: the final score over the best a program could reach
        # (similarity near its 1.2 ceiling with every bonus), times the share of the firm's words that
        # could meet anything (the order does not change), square-rooted to spread the low end.
        best_possible = 1.2 * (1 + weights.region + weights.type_fit) + weights.kind + weights.open
        results = []
        query_terms = list(dict.fromkeys(query.terms.split()))
        for j in top:
            i = int(candidates[j])
            decision = decide(self.facts[i], query.firm)
            results.append(
                Ranked(
                    program_id=self.program_ids[i],
                    score=float(min(1.0, max(0.0, final[j]) * share / best_possible) ** 0.5),
                    raw_score=float(final[j]),
                    similarity=float(sims[i]),
                    decision=decision,
                    matched_terms=self.model.matched_terms_fast(query_terms, self.terms[i]),
                    is_open=is_open(self.apply_start[i], self.apply_end[i], today),
                    information_only=bool(self.information_only[i]),
                    reposts=self._reposts_of(i),
                )
            )
        return results, total

    def _one_per_notice(self, candidates: np.ndarray, final: np.ndarray) -> np.ndarray | None:
        """Which ``candidates`` to keep so that a re-posted notice fills one place: its best-scored
        posting (the open one, through the open bonus), on a tie the one whose period ends last, then the
        later one. None when no candidate was posted more than once (nearly every search)."""
        groups = self.repost_group[candidates]
        posted_again = np.flatnonzero(groups >= 0)
        if not len(posted_again):
            return None
        keep = np.ones(len(candidates), dtype=bool)
        best: dict[int, int] = {}
        for j in posted_again:
            group = int(groups[j])
            other = best.setdefault(group, j)
            if other == j:
                continue
            mine = (final[j], self.end_ord[candidates[j]], candidates[j])
            theirs = (final[other], self.end_ord[candidates[other]], candidates[other])
            if mine > theirs:
                keep[other], best[group] = False, j
            else:
                keep[j] = False
        return keep

    def _reposts_of(self, i: int) -> list[int | str]:
        """The other postings of program ``i``'s notice, in index order."""
        group = int(self.repost_group[i])
        if group < 0:
            return []
        return [self.program_ids[k] for k in self.repost_groups[group] if k != i]

    def unmet_terms(self, query: Query, terms: Sequence[str]) -> list[str]:
        """The ``terms`` (the owner's own words) that no program the firm may apply for uses, in order and
        once each: '식당' when only other regions' notices say it. Only their letters, through the
        character view, can have found anything. Words too common to be features ('지원') count as met."""
        eligible = self.eligibility(query.firm)[0]
        vocabulary = self.model.word_vectorizer_.vocabulary_
        common = self.model.common_terms_
        # The programs using a word are its row of ``word_t``, read off the CSR arrays directly: slicing
        # the matrix builds a new sparse matrix per word, and on every ranking that garbage adds up.
        starts, programs = self.word_t.indptr, self.word_t.indices
        unmet = []
        for term in dict.fromkeys(terms):
            if term in common:
                continue
            row = vocabulary.get(term)
            if row is None or not eligible[programs[starts[row] : starts[row + 1]]].any():
                unmet.append(term)
        return unmet

    def met_share(self, query: Query) -> float:
        """The share of the query's word weight that its met words carry (TF-IDF squared, as in the word
        view's norm): 1 when every word can meet a program the firm may apply for. A word the corpus never
        uses weighs as its rarest word. The score bar is scaled by it: ``focused`` drops the unmet words,
        so a program found by '제작' alone, after '금형' met nothing, would otherwise show as a full fit."""
        return self._focus(query)[1]

    def focused(self, query: Query) -> Query:
        """The query without the words no program the firm may apply for uses (``unmet_terms``).

        Such a word cannot meet an eligible program in the word view, yet it shapes the latent view
        through other regions' programs, and its weight there and in the word view's norm dilutes the
        words that can meet ('금속 열처리 주조' in a city whose notices say none of them: its query was
        mostly those words' latent neighbours). Its letters stay in ``text``, so a compound the analyser
        does not know still meets programs that write it by the character view ('전지박' → '이차전지').
        """
        return self._focus(query)[0]

    def _focus(self, query: Query) -> tuple[Query, float]:
        """``focused`` and ``met_share`` from one look at which words are unmet."""
        terms = query.terms.split()
        unmet = set(self.unmet_terms(query, terms))
        if not unmet:
            return query, 1.0
        vocabulary, idf = self.model.word_vectorizer_.vocabulary_, self.model.word_vectorizer_.idf_
        rarest = float(idf.max())
        counts = Counter(t for t in terms if t not in self.model.common_terms_)
        weights = {
            term: ((1 + math.log(n)) * (float(idf[vocabulary[term]]) if term in vocabulary else rarest)) ** 2
            for term, n in counts.items()
        }
        total = sum(weights.values())
        share = sum(w for term, w in weights.items() if term not in unmet) / total if total else 1.0
        return replace(query, terms=" ".join(t for t in terms if t not in unmet)), share

    def local_unmatched(
        self, query: Query, *, limit: int = 10, weights: RankWeights | None = None, today: date | None = None
    ) -> list[Ranked]:
        """Programs for the firm's own 시도 or 시군구 that ``rank`` does not return: the firm may apply,
        but its words do not reach them. A short result list is followed by these (a restaurant's words
        meet few programs, yet its city runs several for any small business).

        City programs first, then open ones before closed ones, then by similarity. Guides that are not
        programs, and support only another kind of firm can use (a smart factory for a restaurant), are
        left out.
        """
        weights = weights or RankWeights()
        today = today or date.today()
        eligible, level, _, sims, _, fits, _ = self._fit(query, weights, exclude_ineligible=True)
        usable = eligible & (level > 0) & ~fits & ~self.information_only & ~self._unsuited(query)
        candidates = np.flatnonzero(usable)
        # Open first, closed last; a program that states no period, or opens later, in between.
        closed = self.has_period & (self.end_ord < today.toordinal())
        state = np.where(self._open_on(today), 0, np.where(closed, 2, 1))
        # np.lexsort sorts by its last key first.
        order = np.lexsort((-sims[candidates], state[candidates], -level[candidates]))
        results: list[Ranked] = []
        listed: set[int] = set()  # re-posted notices already listed, by group
        for i in (int(i) for i in candidates[order]):
            group = int(self.repost_group[i])
            if group >= 0:
                if group in listed:
                    continue
                listed.add(group)
            results.append(
                Ranked(
                    program_id=self.program_ids[i],
                    score=0.0,
                    raw_score=0.0,
                    similarity=float(sims[i]),
                    decision=decide(self.facts[i], query.firm),
                    is_open=is_open(self.apply_start[i], self.apply_end[i], today),
                    reposts=self._reposts_of(i),
                )
            )
            if len(results) >= limit:
                break
        return results

    def _fit(
        self, query: Query, weights: RankWeights, exclude_ineligible: bool
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]:
        """Per program: eligible?, region level, type fit, similarity, kind fit, and whether it fits at
        all (similarity above the floor, or the kind of support the firm's kind wants); then the query's
        ``met_share`` (1 when no word was dropped)."""
        eligible, level, fit = self.eligibility(query.firm)
        share = 1.0
        if weights.drop_unmet and exclude_ineligible:
            query, share = self._focus(query)
        sims = self.similarities(
            query,
            rescore=weights.rescore,
            mask=eligible if exclude_ineligible else None,
            title_weight=weights.title,
        )
        wanted_kinds = [k for k, kind in enumerate(KINDS) if kind in query.kinds]
        kind_fit = (
            self.kinds[:, wanted_kinds].any(axis=1).astype(np.float32)
            if wanted_kinds
            else np.zeros(len(sims), dtype=np.float32)
        )
        fits = (sims >= weights.min_similarity) | (kind_fit > 0)
        return eligible, level, fit, sims, kind_fit, fits, share

    def _open_on(self, day: date) -> np.ndarray:
        ordinal = day.toordinal()
        return self.has_period & (self.start_ord <= ordinal) & (ordinal <= self.end_ord)

    def _unsuited(self, query: Query) -> np.ndarray:
        """Programs offering support only another kind of firm can use (a smart factory for a firm
        that makes nothing)."""
        unsuited = [
            k
            for k, kind in enumerate(KINDS)
            if kind in KINDS_ONLY_FOR_THEIR_FIRMS and kind not in query.kinds
        ]
        if not unsuited:
            return np.zeros(len(self.program_ids), dtype=bool)
        return self.kinds[:, unsuited].any(axis=1)


def evidence_sentences(text: str, terms: Sequence[str], limit: int = 2) -> list[str]:
    """The source sentences that contain the most matched terms (first ones on ties)."""
    if not terms:
        return []
    scored = []
    for index, sentence in enumerate(split_sentences(text)):
        clean = quotable(sentence)
        if len(clean) < 6:
            continue
        lowered = clean.lower()
        hits = sum(1 for t in terms if t and t in lowered)
        if hits:
            scored.append((-hits, index, clean[:300]))
    scored.sort()
    return [s for _, _, s in scored[:limit]]


def firm_query(
    *,
    sector: str,
    region,
    description: str = "",
    firm_type: str = "",
    years: float | None = None,
    ksic_code: str = "",
    employees: int | None = None,
    site: str = "",
    district: str = "",
    special_types: tuple[str, ...] = (),
) -> Query:
    """The query for a firm: its sector counts twice, its description and KSIC name once."""
    from matcher.engine.analysis import analyze_to_string
    from matcher.engine.ksic import find_subclass

    subclass = find_subclass(ksic_code) if ksic_code else None
    ksic_name = subclass["subclass_name"] if subclass else ""
    sector_terms = analyze_to_string(sector)
    terms = " ".join(
        t
        for t in (sector_terms, sector_terms, analyze_to_string(description), analyze_to_string(ksic_name))
        if t
    )
    text = "\n".join(t for t in (sector, description, ksic_name) if t)
    return Query(
        terms=terms,
        text=text,
        firm=FirmFacts(
            region,
            firm_type,
            years,
            employees=employees,
            site=site,
            district=district,
            special_types=tuple(special_types),
        ),
        kinds=firm_kinds(sector, description, firm_type),
    )
