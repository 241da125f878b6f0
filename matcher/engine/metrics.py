"""Ranking metrics on graded judgements (plain Python).

NDCG@k with gain = grade and ideal = the firm's judged grades sorted; P@k = share of
the top k with grade ≥ 2; recall@k of grade-3 programs; the share of top-k results whose
regions do not contain the firm's region (qrels-free). Unjudged results count as grade 0; the share of
them in the top k is reported too, since pooled judgements under-count a ranker that finds programs the
pool missed.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from statistics import mean


def dcg(gains: Sequence[float]) -> float:
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg_at(ranked: Sequence[str], judged: Mapping[str, int], k: int = 10) -> float:
    ideal = dcg(sorted(judged.values(), reverse=True)[:k])
    if ideal <= 0:
        return 0.0
    return dcg([judged.get(uid, 0) for uid in ranked[:k]]) / ideal


def precision_at(ranked: Sequence[str], judged: Mapping[str, int], k: int = 10, min_grade: int = 2) -> float:
    return sum(1 for uid in ranked[:k] if judged.get(uid, 0) >= min_grade) / k


def recall_at(ranked: Sequence[str], judged: Mapping[str, int], k: int = 20, grade: int = 3) -> float | None:
    relevant = {uid for uid, g in judged.items() if g >= grade}
    if not relevant:
        return None
    return len(relevant & set(ranked[:k])) / len(relevant)


def ineligible_rate(ranked: Sequence[str], admits: Callable[[str], bool], k: int = 10) -> float:
    top = list(ranked[:k])
    if not top:
        return 0.0
    return sum(1 for uid in top if not admits(uid)) / len(top)


def unjudged_rate(ranked: Sequence[str], judged: Mapping[str, int], k: int = 10) -> float:
    top = list(ranked[:k])
    if not top:
        return 0.0
    return sum(1 for uid in top if uid not in judged) / len(top)


def summarize(
    runs: Mapping[str, Sequence[str]],
    qrels: Mapping[str, Mapping[str, int]],
    admits: Callable[[str, str], bool],
    k: int = 10,
) -> dict[str, float]:
    """Mean metrics over the firms in ``qrels``; ``admits(firm_id, uid)`` is the region check."""
    ndcgs, precisions, recalls, inelig, unjudged = [], [], [], [], []
    for firm_id, judged in qrels.items():
        ranked = list(runs.get(firm_id, []))
        ndcgs.append(ndcg_at(ranked, judged, k))
        precisions.append(precision_at(ranked, judged, k))
        recall = recall_at(ranked, judged, 2 * k)
        if recall is not None:
            recalls.append(recall)
        inelig.append(ineligible_rate(ranked, lambda uid, f=firm_id: admits(f, uid), k))
        unjudged.append(unjudged_rate(ranked, judged, k))
    return {
        f"ndcg@{k}": mean(ndcgs) if ndcgs else 0.0,
        f"p@{k}": mean(precisions) if precisions else 0.0,
        f"recall@{2 * k}": mean(recalls) if recalls else 0.0,
        f"ineligible@{k}": mean(inelig) if inelig else 0.0,
        f"unjudged@{k}": mean(unjudged) if unjudged else 0.0,
        "firms": float(len(ndcgs)),
    }
