"""Two baselines for the evaluation: BM25 over Kiwi nouns and a title-keyword search, each with a 시도 filter.

Plain Python; BM25 from the ``bm25s`` package.
"""

from __future__ import annotations

from collections.abc import Sequence

import bm25s
import numpy as np

from matcher.engine.eligibility import ProgramFacts
from matcher.engine.regions import Region


def sido_admits(facts: ProgramFacts, region: Region) -> bool:
    return facts.nationwide or not facts.regions or any(r.sido == region.sido for r in facts.regions)


class BM25Baseline:
    def __init__(self, terms: Sequence[str], facts: Sequence[ProgramFacts]) -> None:
        self.facts = list(facts)
        self.retriever = bm25s.BM25()
        corpus = [t.split() or ["_"] for t in terms]
        self.retriever.index(corpus, show_progress=False)

    def rank(self, query_terms: str, region: Region, k: int = 20) -> list[int]:
        tokens = query_terms.split()
        scores = np.asarray(self.retriever.get_scores(tokens))
        order = np.argsort(-scores, kind="stable")
        out = []
        for i in order:
            if scores[i] <= 0 or len(out) >= k:
                break
            if sido_admits(self.facts[i], region):
                out.append(int(i))
        return out


class TitleKeywordBaseline:
    def __init__(self, titles: Sequence[str], facts: Sequence[ProgramFacts]) -> None:
        self.titles = [t.lower() for t in titles]
        self.facts = list(facts)

    def rank(self, query_terms: str, region: Region, k: int = 20) -> list[int]:
        words = [w for w in dict.fromkeys(query_terms.split()) if len(w) >= 2]
        scored = []
        for i, title in enumerate(self.titles):
            hits = sum(1 for w in words if w in title)
            if hits and sido_admits(self.facts[i], region):
                scored.append((-hits, i))
        scored.sort()
        return [i for _, i in scored[:k]]
