"""Region-prefix match rate: the share of Bizinfo dev records with a title region prefix ('[경북]',
'[대구ㆍ경북]', '[전국]') whose extracted regions are exactly the prefix's 시도 (or nationwide for '[전국]').
Also counts how many were narrowed to a city, and how many the text widened to a broad area it names
('[경남] 동남권 … 동남권 소재 기업' → 경남, 부산, 울산), how many it opened to the whole country ('[전북]
… ☞ 전국 대상'), and how many keep their region but admit firms from outside too ('[경북] 성주군
단체관광객 유치 인센티브': travel agencies from anywhere; '… 관내 신설ㆍ이전ㆍ확장을 계획 중인 기업'), each
listed apart from the misses.
Run: ``python -m bench.region_prefix``.
"""

from __future__ import annotations

import re

from bench.devcorpus import bizinfo_records
from matcher.engine.extraction.notices import extract_notice_program
from matcher.engine.regions import default_gazetteer


def main(argv: list[str] | None = None) -> dict:
    gaz = default_gazetteer()
    total = matched = city_level = 0
    misses, widened, opened, outsiders = [], [], [], []
    for record in bizinfo_records():
        prefix = re.match(r"^\s*\[([^\]]+)\]", record.title)
        if not prefix:
            continue
        total += 1
        program = extract_notice_program(record)
        parts = [p for p in re.split(r"[ㆍ·,/\s]+", prefix.group(1)) if p]
        sidos = {
            gaz.parse_sido(p) or (gaz.city_candidates(p)[0].sido if gaz.city_candidates(p) else None)
            for p in parts
        }
        found = {r.sido for r in program.regions}
        ok = (
            program.nationwide
            if "전국" in parts
            else (None not in sidos and found == sidos and not program.nationwide)
        )
        matched += ok
        if program.outside_applicants:
            reason = program.evidence.get("regions", [""])[-1][:40]
            outsiders.append((record.title[:60], program.outside_applicants, reason))
        city_level += any(r.sigungu for r in program.regions)
        labels = [r.label for r in program.regions]
        if not ok and None not in sidos and found > sidos and not program.nationwide:
            widened.append((record.title[:60], labels))
        elif not ok and program.nationwide and "전국" not in parts:
            opened.append((record.title[:60], program.evidence.get("regions", [""])[0][:40]))
        elif not ok:
            misses.append((record.title[:60], labels))
    result = {
        "with_prefix": total,
        "matched": matched,
        "rate": matched / total if total else 0.0,
        "city_level": city_level,
        "widened_by_text": len(widened),
        "opened_nationwide_by_text": len(opened),
        "open_to_outsiders_by_text": len(outsiders),
    }
    print(result)
    for item in widened:
        print("  widened:", item)
    for item in opened:
        print("  opened:", item)
    for item in outsiders:
        print("  outsiders too:", item)
    for miss in misses[:20]:
        print("  miss:", miss)
    return result


if __name__ == "__main__":
    main()
