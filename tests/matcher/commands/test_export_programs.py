import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from matcher.models import Program
from matcher.services.export import EXPORT_FIELDS

pytestmark = pytest.mark.django_db

DOCUMENTED = [
    "id",
    "source_id",
    "title",
    "agency",
    "operator",
    "regions",
    "nationwide",
    "outside_applicants",
    "places",
    "site_limits",
    "district_limits",
    "firm_types",
    "years_min",
    "years_max",
    "employees_min",
    "sectors",
    "keywords",
    "support_types",
    "budget_krw",
    "national_budget_krw",
    "period_end_year",
    "apply_start",
    "apply_end",
    "contact",
    "source_url",
    "apply_url",
    "status",
    "evidence",
]


def export(*args: str) -> list[dict]:
    out = StringIO()
    call_command("export_programs", "--format", "json", *args, stdout=out)
    return json.loads(out.getvalue())


def test_export_field_names_and_values():
    published = Program.objects.create(
        title="구미 수출 지원",
        source_id="PBLN_1",
        agency="구미시",
        regions=[{"sido": "경상북도", "sigungu": "구미시"}],
        budget_krw=2_000_000_000,
        apply_start=date(2025, 1, 2),
        apply_end=date(2025, 2, 28),
        evidence={"budget_krw": ["총 20억원을 투입한다"]},
        status=Program.Status.PUBLISHED,
    )
    Program.objects.create(title="검토 중 사업", status=Program.Status.REVIEW)
    rows = export()
    assert list(EXPORT_FIELDS) == DOCUMENTED
    assert [list(row) for row in rows] == [DOCUMENTED]
    row = rows[0]
    assert row["id"] == published.pk
    assert row["regions"] == [{"sido": "경상북도", "sigungu": "구미시"}]
    assert (row["apply_start"], row["apply_end"]) == ("2025-01-02", "2025-02-28")
    assert row["budget_krw"] == 2_000_000_000
    assert row["status"] == "published"
    assert row["evidence"] == {"budget_krw": ["총 20억원을 투입한다"]}


def test_export_all_includes_review_programs_with_empty_source_id():
    Program.objects.create(title="검토 중 사업")
    rows = export("--status", "all")
    assert [(row["title"], row["source_id"], row["status"], row["apply_end"]) for row in rows] == [
        ("검토 중 사업", "", "review", None)
    ]
