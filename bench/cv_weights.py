"""Choose ranking weights on dev judgements, reporting figures cross-validated by firm.

For each of 5 folds of firms, the weights (and word scoring) with the best mean NDCG@10 on the other
firms are chosen and scored on the fold's firms; no firm's judgements are in the fold that scores it.
"""

from __future__ import annotations

import itertools
import json
import random
import sys
from statistics import mean

from bench.dev_eval import dev_firm_query, load_docs
from bench.devcorpus import SAMPLES
from matcher.engine.metrics import ndcg_at, precision_at, recall_at
from matcher.engine.ranking import MatcherIndex, RankWeights

GRID = {
    "region": [0.0, 0.3, 0.6],
    "province": [0.5, 0.75, 1.0],
    "type_fit": [0.0, 0.1, 0.2],
    "kind": [0.0, 0.05, 0.1, 0.2, 0.3],
    "information_only": [1.0, 0.5, 0.2],
    "other_kind": [1.0, 0.5, 0.2],
}


def main(argv=None) -> dict:
    firms = json.loads((SAMPLES / "eval" / "firms_dev.json").read_text())
    qrels = json.loads((SAMPLES / "eval" / "qrels_dev.json").read_text())
    docs, _ = load_docs()
    queries = {f["id"]: dev_firm_query(f) for f in firms}
    per_firm: dict[tuple, dict[str, tuple[float, float, float | None]]] = {}
    for scoring in ("bm25", "tfidf"):
        index = MatcherIndex.build(docs, word_scoring=scoring)
        for values in itertools.product(*GRID.values()):
            weights = RankWeights(**dict(zip(GRID, values, strict=True)))
            key = (scoring, *values)
            per_firm[key] = {}
            for fid, q in queries.items():
                ranked = [r.program_id for r in index.rank(q, limit=20, weights=weights)[0]]
                per_firm[key][fid] = (
                    ndcg_at(ranked, qrels[fid]),
                    precision_at(ranked, qrels[fid]),
                    recall_at(ranked, qrels[fid], 20),
                )
    ids = sorted(queries)
    random.Random(0).shuffle(ids)
    folds = [ids[i::5] for i in range(5)]
    held_out: dict[str, tuple] = {}
    chosen = []
    for fold in folds:
        train = [f for f in ids if f not in fold]
        best = max(per_firm, key=lambda k: mean(per_firm[k][f][0] for f in train))
        chosen.append(best)
        for fid in fold:
            held_out[fid] = per_firm[best][fid]
    recalls = [v[2] for v in held_out.values() if v[2] is not None]
    cv = {
        "ndcg@10": mean(v[0] for v in held_out.values()),
        "p@10": mean(v[1] for v in held_out.values()),
        "recall@20": mean(recalls),
    }
    best_all = max(per_firm, key=lambda k: mean(v[0] for v in per_firm[k].values()))
    result = {
        "cross_validated_by_firm": cv,
        "chosen_per_fold": chosen,
        "best_on_all_dev (optimistic)": [best_all, mean(v[0] for v in per_firm[best_all].values())],
    }
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return result


if __name__ == "__main__":
    main(sys.argv[1:])
