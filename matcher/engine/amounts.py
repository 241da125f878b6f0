"""Korean money amounts ('2억1500만원', '1,303.6억원', '20백만원') and budget phrases
('국비 90억원 포함 총 290억원') as integer KRW, with character spans for evidence.

Plain Python: extraction quotes the span text as evidence for ``budget_krw``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_NUMBER = r"\d[\d,]*(?:\.\d+)?"
# Large units multiply a whole group; small units (천/백/십) multiply the digits in front of them.
_BIG_UNITS = {"조": 10**12, "억": 10**8, "만": 10**4}
_SMALL_UNITS = {"천": 1000, "백": 100, "십": 10}
# At least one unit before '원', a thousands unit alone ('50,000천원', tables' usual unit), or a bare
# number with '원' ('150,000원').
_AMOUNT_RE = re.compile(
    rf"(?<![\d.,])((?:{_NUMBER}\s?[천백십]?\s?[조억만]\s?)+(?:{_NUMBER}\s?[천백십]?\s?)?원"
    rf"|{_NUMBER}\s?[천백]\s?원|{_NUMBER}\s?원)"
)
_GROUP_RE = re.compile(rf"({_NUMBER})\s?([천백십])?\s?([조억만])?")

# Budget vocabulary of Korean public notices.
_NATIONAL = r"(?:국비|국고|국비지원금)"
_TOTAL_MARKERS = r"(?:총\s?사업비|사업비|총\s?예산|예산|총액|총)"


@dataclass(frozen=True)
class Amount:
    krw: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Budget:
    """A budget statement: the total and, where stated, the national (국비) share."""

    total_krw: int | None
    national_krw: int | None
    start: int
    end: int
    text: str


def parse_amount(text: str) -> int | None:
    """'2억1500만원' → 215000000; None when ``text`` holds no amount."""
    match = _AMOUNT_RE.search(text or "")
    return _value(match.group(1)) if match else None


def _value(amount_text: str) -> int | None:
    total = Decimal(0)
    found = False
    for number, small, big in _GROUP_RE.findall(amount_text.rstrip("원").strip()):
        value = Decimal(number.replace(",", ""))
        if small:
            value *= _SMALL_UNITS[small]
        if big:
            value *= _BIG_UNITS[big]
        total += value
        found = True
    return int(total) if found else None


def find_amounts(text: str) -> list[Amount]:
    """Every money amount in ``text``, in order."""
    amounts = []
    for match in _AMOUNT_RE.finditer(text or ""):
        krw = _value(match.group(1))
        if krw is not None:
            amounts.append(Amount(krw, match.start(1), match.end(1), match.group(1)))
    return amounts


def find_budgets(text: str) -> list[Budget]:
    """Budget statements in ``text``: one per total, with its national share when stated.

    '국비 90억원 포함 총 290억원' is one budget (total 290억, national 90억); '국비 등 7000만원' is a
    total whose national share is unknown; a lone '국비 30억원' is a national share with no total.
    """
    amounts = find_amounts(text)
    budgets: list[Budget] = []
    used: set[int] = set()
    for index, amount in enumerate(amounts):
        if index in used:
            continue
        before = text[max(0, amount.start - 12) : amount.start]
        is_national = bool(re.search(rf"{_NATIONAL}\s?(?:지원\s?)?$", before))
        if is_national and index + 1 < len(amounts):
            # '국비 90억원 포함 (총) 290억원': the national share comes first, the total right after.
            following = amounts[index + 1]
            between = text[amount.end : following.start]
            if re.fullmatch(rf"\s?(?:을|를)?\s?포함(?:한|하여|해)?\s?(?:{_TOTAL_MARKERS}\s?)?", between):
                used.add(index + 1)
                budgets.append(
                    Budget(
                        following.krw,
                        amount.krw,
                        _phrase_start(text, amount.start),
                        following.end,
                        text[_phrase_start(text, amount.start) : following.end],
                    )
                )
                continue
        if is_national:
            start = _phrase_start(text, amount.start)
            budgets.append(Budget(None, amount.krw, start, amount.end, text[start : amount.end]))
            continue
        start = _phrase_start(text, amount.start)
        budgets.append(Budget(amount.krw, None, start, amount.end, text[start : amount.end]))
    return budgets


def _phrase_start(text: str, amount_start: int) -> int:
    """Extend an amount's span back over its budget words ('국비 등', '총 사업비', '예산')."""
    before = text[max(0, amount_start - 14) : amount_start]
    match = re.search(rf"(?:{_NATIONAL}\s?(?:등\s?|지원\s?)?|{_TOTAL_MARKERS}\s?)$", before)
    return amount_start - len(match.group(0)) if match else amount_start
