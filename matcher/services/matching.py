"""Matching services: a firm's profile → ranked eligible programs, and a program → fitting firms.

The signatures here are the contract the web pages, the API and the staff
workspace build on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from matcher.engine.regions import Region
from matcher.models import Firm, Program


@dataclass(frozen=True)
class FirmProfile:
    """What an owner tells us: sector and location, optionally type, 업력 and a description."""

    sector: str
    region: Region
    ksic_code: str = ""
    firm_type: str = ""  # a FirmType value or ""
    years: float | None = None
    description: str = ""
    location_label: str = ""  # as resolved, for display: '경상북도 구미시 공단동'


@dataclass(frozen=True)
class MatchFilters:
    support_types: tuple[str, ...] = ()
    open_only: bool = False
    today: date | None = None  # the day 'open' is judged on; None means today


@dataclass
class ProgramMatch:
    program: Program
    score: float  # 0..1, for the score bar
    matched_terms: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)  # source sentences that support the match
    eligibility: list[str] = field(default_factory=list)  # why the firm may apply, in Korean
    is_open: bool | None = None  # None when the program states no application period


@dataclass
class MatchResults:
    items: list[ProgramMatch]
    total: int  # eligible programs with any fit, before paging
    model_version: int | None = None

    def __iter__(self) -> Iterator[ProgramMatch]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


@dataclass
class FirmMatch:
    firm: Firm
    score: float
    matched_terms: list[str] = field(default_factory=list)
    eligibility: list[str] = field(default_factory=list)


def match_firm(
    *, profile: FirmProfile, limit: int = 20, offset: int = 0, filters: MatchFilters | None = None
) -> MatchResults:
    """Published programs the firm is eligible for, best first."""
    # Placeholder until the similarity model lands: region filter and word overlap.
    words = set(profile.sector.split()) | set(profile.description.split())
    scored = []
    for program in Program.objects.published():
        regions = program.region_list
        if not (program.nationwide or not regions or any(r.contains(profile.region) for r in regions)):
            continue
        text = f"{program.title} {program.summary}"
        hits = [w for w in words if w and w in text]
        if hits:
            scored.append(ProgramMatch(program=program, score=len(hits) / len(words), matched_terms=hits))
    scored.sort(key=lambda m: -m.score)
    return MatchResults(items=scored[offset : offset + limit], total=len(scored))


def match_program_firms(*, program: Program, limit: int = 100) -> list[FirmMatch]:
    """Registered firms that fit a program, best first (same eligibility rules as ``match_firm``)."""
    raise NotImplementedError("reverse matching arrives with the similarity model")
