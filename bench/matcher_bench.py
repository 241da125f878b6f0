"""Matcher benchmark: match latency on the dev corpus and a synthetic 100k-program corpus; fit time, memory.

The synthetic corpus recombines real program fields: each synthetic program takes the title of one
dev program, sentences of two others' summaries, and the eligibility facts of a fourth, so term
statistics and region/type mixes stay realistic. Run: ``python -m bench.matcher_bench [N]``.
"""

from __future__ import annotations

import json
import os
import random
import resource
import sys
import time
from dataclasses import replace

import numpy as np

from bench.dev_eval import dev_firm_query, load_docs
from bench.devcorpus import SAMPLES
from matcher.engine.ranking import MatcherIndex, ProgramDoc, Query
from matcher.engine.regions import default_gazetteer
from matcher.engine.text import split_sentences


def synthetic_docs(base: list[ProgramDoc], n: int, seed: int = 7) -> list[ProgramDoc]:
    rng = random.Random(seed)
    split = [(split_sentences(d.text), d.terms.split()) for d in base]
    out = []
    for i in range(n):
        a, b, c, d = (rng.randrange(len(base)) for _ in range(4))
        title = base[a].text.split("\n", 1)[0]
        text = "\n".join([title, *split[b][0][1:3], *split[c][0][1:3]])
        terms = split[a][1][:12] + split[b][1][:30] + split[c][1][:20]
        rng.shuffle(terms)
        out.append(
            ProgramDoc(i, " ".join(terms), text, base[d].facts, base[d].apply_start, base[d].apply_end)
        )
    return out


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def latency(index: MatcherIndex, queries: list[Query], repeat: int = 3) -> dict[str, float]:
    times = []
    for _ in range(repeat):
        for q in queries:
            t0 = time.perf_counter()
            index.rank(q, limit=20)
            times.append((time.perf_counter() - t0) * 1000)
    arr = np.array(times)
    return {"p50_ms": float(np.percentile(arr, 50)), "p99_ms": float(np.percentile(arr, 99)), "n": len(arr)}


def queries_for_bench() -> list[Query]:
    firms = json.loads((SAMPLES / "eval" / "firms_dev.json").read_text())
    queries = [dev_firm_query(f) for f in firms]
    # Vary regions across all 시도 and cities so eligibility groups are exercised.
    gaz = default_gazetteer()
    rng = random.Random(3)
    extra = []
    for q in queries:
        for _ in range(3):
            sido = rng.choice(gaz.sidos)
            cities = gaz.cities(sido)
            region = q.firm.region.__class__(sido, rng.choice(cities) if cities else None)
            firm = replace(q.firm, region=region)
            extra.append(Query(q.terms, q.text, firm))
    return queries + extra


def main(argv: list[str] | None = None) -> dict:
    argv = sys.argv[1:] if argv is None else argv
    n = int(argv[0]) if argv else 100_000
    docs, _ = load_docs()
    queries = queries_for_bench()
    results: dict = {"cpus": os.cpu_count()}
    t0 = time.perf_counter()
    dev_index = MatcherIndex.build(docs)
    results["dev"] = {"programs": len(docs), "fit_s": time.perf_counter() - t0, **latency(dev_index, queries)}
    print("dev", json.dumps(results["dev"]))
    del dev_index
    synth = synthetic_docs(docs, n)
    rss_before = peak_rss_mb()
    t0 = time.perf_counter()
    index = MatcherIndex.build(synth)
    fit_s = time.perf_counter() - t0
    results["synthetic"] = {
        "programs": n,
        "fit_s": fit_s,
        "peak_rss_mb": peak_rss_mb(),
        "peak_rss_before_fit_mb": rss_before,
        **latency(index, queries),
    }
    print("synthetic", json.dumps(results["synthetic"]))
    return results


if __name__ == "__main__":
    main()
