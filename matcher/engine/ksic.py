"""The shipped 한국표준산업분류 11차 table (one row per 5-digit subclass), read once per process."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

KSIC_PATH = Path(__file__).resolve().parent.parent / "data" / "reference" / "ksic11.csv"


@lru_cache(maxsize=1)
def ksic_rows() -> tuple[dict[str, str], ...]:
    """Every row as a dict keyed by the CSV header (section/division/group/class/subclass code and name)."""
    with KSIC_PATH.open(encoding="utf-8") as handle:
        return tuple(csv.DictReader(handle))
