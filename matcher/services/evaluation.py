"""Evaluation of the matcher on judged firms against the programs in the database, with two baselines."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

from matcher.engine.baselines import BM25Baseline, TitleKeywordBaseline
from matcher.engine.eligibility import region_admits
from matcher.engine.metrics import summarize
from matcher.engine.ranking import Query, firm_query
from matcher.engine.regions import default_gazetteer
from matcher.models import Program
from matcher.services.model_store import active_index, program_doc

SEED_PROGRAMS = Path(__file__).resolve().parent.parent.parent / "sample_data" / "eval" / "seed_programs.json"


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[가-힣A-Za-z0-9]{2,}", text or "")}


def program_uids(programs: list[Program], seed_file: Path | None = SEED_PROGRAMS) -> dict[int, str]:
    """Program pk → qrels uid: Bizinfo and 통합공고 rows by source id, seed programs by content."""
    uids: dict[int, str] = {}
    seeds = json.loads(seed_file.read_text(encoding="utf-8")) if seed_file and seed_file.exists() else []
    for program in programs:
        sid = program.source_id or ""
        # 'kstartup2024:17', 'kstartup2025:3' …: the 통합공고 uid is the source id itself.
        if re.match(r"kstartup\d{4}:", sid) or sid.startswith(("seed:", "bizinfo:")):
            uids[program.pk] = sid
        elif sid.startswith("PBLN_"):
            uids[program.pk] = f"bizinfo:{sid}"
    taken: set[str] = set()
    for program in programs:
        if program.pk in uids or not seeds:
            continue
        cities = {r.get("sigungu") for r in program.regions or []}
        words = _words(f"{program.title} {program.summary} {' '.join(program.keywords or [])}")
        best, best_score = None, 0.0
        for seed in seeds:
            if seed["uid"] in taken or (cities and seed.get("sigungu") not in cities):
                continue
            seed_words = _words(f"{seed['title']} {seed['summary']} {' '.join(seed.get('sectors', []))}")
            if not seed_words or not words:
                continue
            score = len(words & seed_words) / min(len(words), len(seed_words))
            if score > best_score:
                best, best_score = seed["uid"], score
        if best and best_score >= 0.3:
            uids[program.pk] = best
            taken.add(best)
    return uids


def judged_firm_query(firm: Mapping) -> Query:
    """The matcher query for one judged firm record (firms_dev.json's fields), its location resolved the
    way the web form resolves it ('경북' + '구미시', or a ``location`` text such as '구미')."""
    location_text = firm.get("location") or " ".join(
        str(firm.get(key) or "") for key in ("sido", "sigungu") if firm.get(key)
    )
    location = default_gazetteer().resolve(location_text)
    if location is None:
        raise ValueError(f"firm {firm.get('id')!r}: location {location_text!r} is not a known 시도/시군구")
    return firm_query(
        sector=firm["sector"],
        description=firm.get("description", ""),
        region=location.region,
        firm_type=firm.get("size") or firm.get("firm_type") or "",
        years=firm.get("years"),
        employees=firm.get("employees"),
        ksic_code=firm.get("ksic_code") or "",
    )


def evaluate(*, firms: list[dict], qrels: Mapping[str, Mapping[str, int]], k: int = 10) -> dict[str, dict]:
    """Metrics for our matcher and the two baselines over the published programs in the database."""
    programs = list(Program.objects.published().order_by("pk"))
    uids = program_uids(programs)
    docs = [program_doc(p) for p in programs]
    facts = {p.pk: d.facts for p, d in zip(programs, docs, strict=True)}
    index, version = active_index()
    queries = {f["id"]: judged_firm_query(f) for f in firms if f["id"] in qrels}

    def admits(firm_id: str, pid) -> bool:
        f = facts.get(pid)
        region = queries[firm_id].firm.region
        return f is None or region_admits(f, region)[0]

    def as_uids(run: dict) -> dict:
        return {fid: [uids.get(pid, f"db:{pid}") for pid in pids] for fid, pids in run.items()}

    def uid_admits(firm_id: str, uid: str) -> bool:
        pid = reverse.get(uid)
        return admits(firm_id, pid)

    reverse = {uid: pid for pid, uid in uids.items()}
    for pid in facts:
        reverse.setdefault(f"db:{pid}", pid)
    out: dict[str, dict] = {}
    runs = {}
    if index is not None:
        for fid, query in queries.items():
            ranked, _ = index.rank(query, limit=2 * k)
            runs[fid] = [r.program_id for r in ranked]
    out["matcher"] = summarize(as_uids(runs), qrels, uid_admits, k)
    bm25 = BM25Baseline([d.terms for d in docs], [d.facts for d in docs])
    title = TitleKeywordBaseline([p.title for p in programs], [d.facts for d in docs])
    for name, baseline in (("bm25", bm25), ("title_keyword", title)):
        run = {
            fid: [programs[i].pk for i in baseline.rank(q.terms, q.firm.region, 2 * k)]
            for fid, q in queries.items()
        }
        out[name] = summarize(as_uids(run), qrels, uid_admits, k)
    out["_corpus"] = {
        "programs": float(len(programs)),
        "mapped_to_qrels": float(len(uids)),
        "model_version": float(version or 0),
    }
    return out
