"""Derive the shipped region table from the 법정동코드 reference file.

Run once when the reference data changes:
    python scripts/build_reference.py matcher/data/reference/legal_dong_codes.csv

Writes ``matcher/data/regions.json``. Besides the hierarchy it records which
시군구 stems ('구미' for 구미시) are also ordinary words ('예산' budget, '양산'
mass production): Kiwi tags those as common nouns, and the extractor only
accepts them as places in a clearly geographic context.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

# Stems Kiwi tags as proper nouns although they are everyday words in notices.
EXTRA_AMBIGUOUS_STEMS = {"구리", "상주", "동해", "남해", "고성", "광주", "중", "동", "서", "남", "북"}

SIDO_SHORT = {
    "서울특별시": "서울",
    "부산광역시": "부산",
    "대구광역시": "대구",
    "인천광역시": "인천",
    "광주광역시": "광주",
    "대전광역시": "대전",
    "울산광역시": "울산",
    "세종특별자치시": "세종",
    "경기도": "경기",
    "강원특별자치도": "강원",
    "충청북도": "충북",
    "충청남도": "충남",
    "전북특별자치도": "전북",
    "전라남도": "전남",
    "경상북도": "경북",
    "경상남도": "경남",
    "제주특별자치도": "제주",
}
# Names still used in older notices.
SIDO_FORMER = {"강원도": "강원특별자치도", "전라북도": "전북특별자치도", "제주도": "제주특별자치도"}


def build(source: Path) -> dict:
    from kiwipiepy import Kiwi

    kiwi = Kiwi()
    with source.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    sigungu: dict[str, list[str]] = {name: [] for name in SIDO_SHORT}
    towns: dict[str, dict[str, list[str]]] = {name: {} for name in SIDO_SHORT}
    for row in rows:
        sido, district, town, level = row["시도"], row["시군구"], row["읍면동"], row["level"]
        if level == "sigungu" and district not in sigungu[sido]:
            sigungu[sido].append(district)
        elif level == "eupmyeondong":
            city = district.split(" ")[0] if district else ""
            towns[sido].setdefault(city, [])
            if town not in towns[sido][city]:
                towns[sido][city].append(town)
    stems = {name.split(" ")[0][:-1] for names in sigungu.values() for name in names}
    ambiguous = set(EXTRA_AMBIGUOUS_STEMS)
    for stem in stems:
        tokens = kiwi.tokenize(stem)
        if not (len(tokens) == 1 and tokens[0].tag == "NNP"):
            ambiguous.add(stem)
    return {
        "source": source.name,
        "sido_short": SIDO_SHORT,
        "sido_former": SIDO_FORMER,
        "sigungu": sigungu,
        "eupmyeondong": towns,
        "ambiguous_stems": sorted(ambiguous),
    }


if __name__ == "__main__":
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "matcher/data/reference/legal_dong_codes.csv")
    out = Path(__file__).resolve().parent.parent / "matcher" / "data" / "regions.json"
    out.write_text(json.dumps(build(src), ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
    print(f"wrote {out}")
