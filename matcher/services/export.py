"""Programs as plain dictionaries with stable field names (the ``export_programs`` command).

Field names (documented in README "Export"): id, source_id, title, agency, operator, regions
(list of {sido, sigungu}), nationwide, outside_applicants, places, site_limits, district_limits, firm_types,
years_min, years_max, employees_min, sectors, keywords, support_types, budget_krw, national_budget_krw,
period_end_year, apply_start, apply_end (ISO dates or null), contact, source_url, apply_url, status, evidence.
"""

from __future__ import annotations

from typing import Any, Literal

from matcher.models import Program
from matcher.models.programs import CONTENT_FIELDS

EXPORT_FIELDS = (
    "id",
    "source_id",
    *(name for name in CONTENT_FIELDS if name != "summary"),
    "status",
    "evidence",
)


def program_as_dict(program: Program) -> dict[str, Any]:
    row: dict[str, Any] = {name: getattr(program, name) for name in EXPORT_FIELDS}
    row["source_id"] = program.source_id or ""
    row["regions"] = [{"sido": r.get("sido"), "sigungu": r.get("sigungu") or None} for r in program.regions]
    for name in ("apply_start", "apply_end"):
        row[name] = row[name].isoformat() if row[name] else None
    return row


def export_programs(*, status: Literal["published", "all"] = "published") -> list[dict[str, Any]]:
    """Every program (published only, or all), oldest first so the output is stable."""
    programs = Program.objects.all() if status == "all" else Program.objects.published()
    return [program_as_dict(program) for program in programs.order_by("id")]
