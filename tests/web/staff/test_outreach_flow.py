"""Issue 5's whole story, as staff and an owner would live it, through the pages.

An editor uploads the full-text notices, watches the batch finish, corrects an extracted
program, publishes it; the owner's search shows it; the editor exports the firms that fit;
a confirmed saved profile receives exactly one alert for it. Background work runs in-process
here (the real-worker path has its own test in test_ingestion_worker.py).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from matcher.models import Program, ProgramChange, SavedProfile
from matcher.services.alerts import profile_confirm, profile_subscribe, send_alert_digests
from matcher.services.firms import firm_create

ROOT = Path(__file__).resolve().parents[3]
NOTICES = ROOT / "sample_data" / "fulltext" / "bizinfo_fulltext_sample.jsonl"
# A city-limited notice in the sample: '[경북] 포항시 2026년 일자리 공감페이(Pay) 참여기업 모집 공고'.
POHANG_NOTICE = "PBLN_000000000121314"

pytestmark = pytest.mark.django_db


def _form_data(form) -> dict[str, str]:
    """What the browser would post back: every field's current value."""
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(value, bool) or getattr(field.widget, "input_type", "") == "checkbox":
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = value
    return data


def test_upload_review_publish_match_export_alert(client, editor, django_capture_on_commit_callbacks):
    # An owner saved a search for 포항 and confirmed it before the notices arrived.
    with django_capture_on_commit_callbacks(execute=True):
        profile = profile_subscribe(
            email="owner@example.kr", sector="청년 일자리 인건비 지원", sido="경상북도", sigungu="포항시"
        )
    assert len(mail.outbox) == 1  # the confirmation
    profile_confirm(token=profile.confirm_token)
    mail.outbox.clear()

    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True), NOTICES.open("rb") as handle:
        response = client.post(reverse("staff:ingest"), {"file": handle, "name": "", "format": ""})
    assert response.status_code == 302
    batch_url = response["Location"]
    status = client.get(batch_url.rstrip("/") + "/status.json").json()
    assert status["status"] == "done"
    assert status["records_total"] == status["records_done"] == 90

    program = Program.objects.get(source_id=POHANG_NOTICE)
    assert program.status == Program.Status.REVIEW
    assert program.region_list and program.region_list[0].sigungu == "포항시"

    edit_url = reverse("staff:program_edit", args=[program.pk])
    form = client.get(edit_url).context["form"]
    data = _form_data(form)
    corrected = "포항시 일자리 공감페이(Pay) 참여기업 모집"
    data["title"] = corrected
    assert client.post(edit_url, data).status_code == 302
    change = ProgramChange.objects.filter(program=program, action="edited").get()
    assert change.user == editor and change.changes["title"][1] == corrected

    with django_capture_on_commit_callbacks(execute=True):  # publishing queues the refit
        client.post(reverse("staff:program_publish", args=[program.pk]))
    program.refresh_from_db()
    assert program.status == Program.Status.PUBLISHED

    results = client.get(
        reverse("results"), {"sector": "청년 일자리 인건비 지원", "sido": "경상북도", "sigungu": "포항시"}
    )
    assert corrected in results.content.decode()
    elsewhere = client.get(
        reverse("results"), {"sector": "청년 일자리 인건비 지원", "sido": "경상북도", "sigungu": "구미시"}
    )
    assert corrected not in elsewhere.content.decode()

    firm_create(
        data={
            "name": "포항정밀",
            "sector": "금속 가공",
            "address": "경북 포항시 남구",
            "firm_type": "중소기업",
        },
        user=editor,
    )
    firm_create(
        data={"name": "구미전자", "sector": "금속 가공", "address": "경북 구미시", "firm_type": "중소기업"},
        user=editor,
    )
    export = client.get(reverse("staff:program_firms_export", args=[program.pk, "csv"]))
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    names = [cell for row in rows for cell in row]
    assert "포항정밀" in names and "구미전자" not in names

    first = send_alert_digests()
    assert first.emails_sent == 1
    assert len(mail.outbox) == 1 and corrected in mail.outbox[0].body
    assert send_alert_digests().emails_sent == 0  # never the same program twice
    assert SavedProfile.objects.get().deliveries.filter(program=program).count() == 1
