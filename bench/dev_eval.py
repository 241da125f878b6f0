"""Dev evaluation (development aid): ours vs the two baselines on the dev corpus from the real pipeline."""

from __future__ import annotations

import json
import sys
import time

from bench.devcorpus import SAMPLES, pipeline_docs
from matcher.engine.baselines import BM25Baseline, TitleKeywordBaseline
from matcher.engine.eligibility import region_admits
from matcher.engine.metrics import summarize
from matcher.engine.ranking import MatcherIndex, Query, RankWeights


def load_docs():
    """The dev corpus as the product stores it (ingested through the real pipeline; see devcorpus)."""
    return pipeline_docs()


def dev_firm_query(firm: dict) -> Query:
    from matcher.services.evaluation import judged_firm_query

    return judged_firm_query(firm)


def main(argv=None) -> None:
    firms = json.loads((SAMPLES / "eval" / "firms_dev.json").read_text())
    qrels = json.loads((SAMPLES / "eval" / "qrels_dev.json").read_text())
    docs, titles = load_docs()
    params = json.loads(argv[0]) if argv else {}
    weights = RankWeights(**json.loads(argv[1])) if argv and len(argv) > 1 else RankWeights()
    t0 = time.time()
    index = MatcherIndex.build(docs, **params)
    print(f"fit {time.time() - t0:.1f}s on {len(docs)} programs")
    facts = {d.program_id: d.facts for d in docs}
    queries = {f["id"]: dev_firm_query(f) for f in firms}

    def admits(firm_id, uid):
        f = facts.get(uid)
        return f is None or region_admits(f, queries[firm_id].firm.region)[0]

    runs = {}
    for fid, q in queries.items():
        ranked, _ = index.rank(q, limit=20, weights=weights)
        runs[fid] = [r.program_id for r in ranked]
    print("ours    ", {k: round(v, 3) for k, v in summarize(runs, qrels, admits).items()})
    bm = BM25Baseline([d.terms for d in docs], [d.facts for d in docs])
    tk = TitleKeywordBaseline([titles[d.program_id] for d in docs], [d.facts for d in docs])
    for name, base in (("bm25", bm), ("title", tk)):
        r = {
            fid: [docs[i].program_id for i in base.rank(q.terms, q.firm.region)] for fid, q in queries.items()
        }
        print(f"{name:8}", {k: round(v, 3) for k, v in summarize(r, qrels, admits).items()})
    if "-v" in sys.argv:
        for fid, q in queries.items():
            print(fid, q.text.replace("\n", " / "), q.firm)
            for uid in runs[fid][:10]:
                print("   ", qrels[fid].get(uid, "-"), uid, titles[uid][:60])


if __name__ == "__main__":
    main([a for a in sys.argv[1:] if a != "-v"])
