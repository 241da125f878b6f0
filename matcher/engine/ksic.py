"""The shipped 한국표준산업분류 11차 table (one row per 5-digit subclass), read once per process."""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

KSIC_PATH = Path(__file__).resolve().parent.parent / "data" / "reference" / "ksic11.csv"


@lru_cache(maxsize=1)
def ksic_rows() -> tuple[dict[str, str], ...]:
    """Every row as a dict keyed by the CSV header (section/division/group/class/subclass code and name)."""
    with KSIC_PATH.open(encoding="utf-8") as handle:
        return tuple(csv.DictReader(handle))


# A KSIC 11 subclass code as people write it: '28202', 'C28202', 'c 28202'.
_SUBCLASS_CODE = re.compile(r"^\s*([A-Ua-u])?\s?(\d{5})\s*$")


def looks_like_subclass_code(text: str) -> bool:
    return bool(_SUBCLASS_CODE.match(text or ""))


def find_subclass(code: str) -> dict[str, str] | None:
    """The KSIC row of a subclass code ('C28202' or '28202'), or None when there is no such subclass
    (or the section letter given is not its section)."""
    match = _SUBCLASS_CODE.match(code or "")
    if match is None:
        return None
    letter, digits = match.group(1), match.group(2)
    row = _by_subclass().get(digits)
    if row is None or (letter and letter.upper() != row["section_code"]):
        return None
    return row


@lru_cache(maxsize=1)
def _by_subclass() -> dict[str, dict[str, str]]:
    return {row["subclass_code"]: row for row in ksic_rows()}
