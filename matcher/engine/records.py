"""The data that flows from parsing to extraction, as plain dataclasses (no Django).

A ``SourceRecord`` is one announcement as received (an article, a Bizinfo
record, a 통합공고 row, a full notice). Extraction turns it into zero or more
``ExtractedProgram``; the ingestion service stores both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from matcher.engine.regions import Region

TITLE_MAX_LENGTH = 500
SOURCE_ID_MAX_LENGTH = 100


@dataclass
class SourceRecord:
    format: str  # an ``Announcement.Format`` value: text, html, bizinfo_json, …
    origin: str  # where it came from: 'bizinfo_api.json#12', 'seed.txt'
    raw: str  # the record exactly as received (a JSON object's text, a CSV row as JSON, the article)
    title: str = ""
    text: str = ""  # plain text body, HTML already stripped
    source_id: str = ""  # Bizinfo pblancId, 'kstartup2024:41'; empty for articles
    fields: dict[str, Any] = field(default_factory=dict)  # structured fields, named as in the source
    published_on: date | None = None
    error: str = ""  # why the record could not be read; the raw text is still kept

    def __post_init__(self) -> None:
        # The stored columns' sizes: every parser's record fits them.
        self.title = self.title[:TITLE_MAX_LENGTH]
        self.source_id = self.source_id[:SOURCE_ID_MAX_LENGTH]


@dataclass
class ExtractedProgram:
    """One support program with each field's evidence (the source sentence it came from)."""

    title: str
    agency: str = ""
    operator: str = ""
    nationwide: bool = False
    regions: list[Region] = field(default_factory=list)  # the first is the program's home region
    # Who beyond ``regions`` may apply: '' (no one), or an ``eligibility.OUTSIDE_APPLICANTS`` value.
    outside_applicants: str = ""
    places: list[str] = field(default_factory=list)  # sites an article names (where a centre is built)
    site_limits: list[str] = field(default_factory=list)  # complexes applicants must be in ('광양국가산단')
    district_limits: list[str] = field(default_factory=list)  # 일반구 applicants must be in ('전주시 덕진구')
    firm_types: list[str] = field(default_factory=list)
    years_min: float | None = None
    years_max: float | None = None
    employees_min: int | None = None  # least headcount ('상시근로자 5인 이상')
    sectors: list[dict[str, str]] = field(default_factory=list)  # [{"code": "C28202", "name": "…"}]
    keywords: list[str] = field(default_factory=list)
    support_types: list[str] = field(default_factory=list)
    budget_krw: int | None = None
    national_budget_krw: int | None = None
    period_end_year: int | None = None
    apply_start: date | None = None
    apply_end: date | None = None
    contact: str = ""
    source_url: str = ""
    apply_url: str = ""
    summary: str = ""
    source_id: str = ""
    evidence: dict[str, list[str]] = field(default_factory=dict)
