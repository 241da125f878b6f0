"""What kind of support a program offers and what kind of firm it suits (plain Python, no Django).

General rules, not tied to any program or firm: a manufacturer ↔ smart-factory / manufacturing-innovation
support, an exporter ↔ export support, a startup ↔ startup support; and notices that are guides to a
scheme rather than support programs.
"""

from __future__ import annotations

import re

_PROGRAM_KINDS = {
    "manufacturing": re.compile(
        r"스마트\s?공장|스마트\s?제조|제조\s?(?:DX|AI|데이터|현장)|공정\s?(?:개선|자동화)|뿌리\s?(?:산업|기업)|제조\s?기업"
    ),
    "export": re.compile(r"수출|해외\s?(?:진출|시장|판로|마케팅)|바이어|무역|글로벌\s?(?:진출|시장)"),
    "startup": re.compile(r"창업|스타트업|사업화"),
}
_FIRM_KINDS = {
    "manufacturing": re.compile(r"제조|생산|가공|제작|주조|열처리|사출|프레스|조립|도금|금형|용접|부품|장비"),
    "export": re.compile(r"수출|해외|글로벌"),
}
KINDS = tuple(_PROGRAM_KINDS)
# Support that only a firm of the same kind can use: a smart factory needs a factory. (An export
# program still suits a firm that has not exported yet, and startup limits are eligibility rules.)
KINDS_ONLY_FOR_THEIR_FIRMS = ("manufacturing",)
# A notice that says of itself that it is not a support program ('본 내용은 지원사업이 아니라 …
# 조세지원제도에 대한 안내입니다'): a guide to a scheme, with nothing to apply for.
_NOT_A_PROGRAM = re.compile(r"지원\s?사업이?\s?(?:아니|아닌|아님|아닙)")


def is_information_only(text: str) -> bool:
    """Whether a program's title and opening text say it is information, not a support program."""
    return bool(_NOT_A_PROGRAM.search(text[:600]))


def program_kinds(text: str) -> frozenset[str]:
    """Kinds of support a program offers, read from its title and summary."""
    head = text[:300]
    return frozenset(kind for kind, pattern in _PROGRAM_KINDS.items() if pattern.search(head))


def firm_kinds(sector: str, description: str = "", firm_type: str = "") -> frozenset[str]:
    text = f"{sector} {description}"
    kinds = {kind for kind, pattern in _FIRM_KINDS.items() if pattern.search(text)}
    if firm_type in ("창업기업", "예비창업자"):
        kinds.add("startup")
    return frozenset(kinds)
