"""How far re-ordering alone could lift NDCG@10 (development aid).

For each dev firm, the matcher's own top N (10, 20, 50) is sorted by the judged grades and scored: the
best NDCG@10 any re-ranker of that list could reach. Below the target at N = 10 means the target needs
other programs in the top 10, not a better order of the same ones.
"""

from __future__ import annotations

import json
import sys
from statistics import mean

from bench.dev_eval import dev_firm_query, load_docs
from bench.devcorpus import SAMPLES
from matcher.engine.metrics import ndcg_at
from matcher.engine.ranking import MatcherIndex

DEPTHS = (10, 20, 50)


def main(argv: list[str] | None = None) -> dict[str, float]:
    firms = json.loads((SAMPLES / "eval" / "firms_dev.json").read_text())
    qrels = json.loads((SAMPLES / "eval" / "qrels_dev.json").read_text())
    docs, _ = load_docs()
    index = MatcherIndex.build(docs)
    runs = {}
    for firm in firms:
        ranked, _ = index.rank(dev_firm_query(firm), limit=max(DEPTHS))
        runs[firm["id"]] = [r.program_id for r in ranked]
    result = {"as_ranked": mean(ndcg_at(run, qrels[fid]) for fid, run in runs.items())}
    for depth in DEPTHS:
        result[f"top{depth}_reordered"] = mean(
            ndcg_at(sorted(run[:depth], key=lambda uid, f=fid: -qrels[f].get(uid, 0)), qrels[fid])
            for fid, run in runs.items()
        )
    print(json.dumps({k: round(v, 4) for k, v in result.items()}))
    return result


if __name__ == "__main__":
    main(sys.argv[1:])
