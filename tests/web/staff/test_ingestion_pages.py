"""Browser ingestion: the upload form, live progress, per-record results and retry.

Batches here are created directly (the pipeline lives on the ingest branch); the tests that
call ingest_file / retry_announcement are marked and pass once that branch is merged.
"""

import io

import pytest
from django.urls import reverse

from matcher.models import Announcement, IngestionBatch, Program
from tests.factories import make_program

pytestmark = pytest.mark.django_db


def _batch(**fields) -> IngestionBatch:
    values = {"name": "bizinfo.csv", "format": "bizinfo_csv", "status": IngestionBatch.Status.RUNNING}
    values.update(fields)
    return IngestionBatch.objects.create(**values)


def test_status_endpoint_reports_progress(client, viewer):
    batch = _batch(records_total=40, records_done=10, programs_created=7, records_failed=1)
    client.force_login(viewer)
    response = client.get(reverse("staff:batch_status", args=[batch.pk]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    data = response.json()
    assert data["percent"] == 25
    assert data["finished"] is False
    assert (data["records_done"], data["records_total"], data["programs_created"]) == (10, 40, 7)
    assert data["status_label"] == "진행 중"


def test_running_batch_page_refreshes_without_js_and_polls_with_js(client, viewer):
    batch = _batch(records_total=4, records_done=1)
    client.force_login(viewer)
    html = client.get(reverse("staff:batch_detail", args=[batch.pk])).content.decode()
    assert '<noscript><meta http-equiv="refresh"' in html
    assert "staff_progress.js" in html
    assert f'data-status-url="{reverse("staff:batch_status", args=[batch.pk])}"' in html
    assert 'style="width: 25%"' in html


def test_finished_batch_shows_each_record_result_and_error(client, editor):
    batch = _batch(status=IngestionBatch.Status.DONE_WITH_ERRORS, records_total=2, records_done=2)
    good = Announcement.objects.create(
        batch=batch,
        format="bizinfo_csv",
        origin="bizinfo.csv:2",
        title="좋은 공고",
        raw_content="…",
        content_hash="a",
    )
    make_program(announcement=good, title="추출된 사업")
    bad = Announcement.objects.create(
        batch=batch,
        format="bizinfo_csv",
        origin="bizinfo.csv:3",
        raw_content="…",
        content_hash="b",
        status=Announcement.Status.FAILED,
        error="<b>날짜</b> 형식 오류",
    )
    client.force_login(editor)
    html = client.get(reverse("staff:batch_detail", args=[batch.pk])).content.decode()
    assert "http-equiv" not in html  # finished: no refresh
    assert "추출된 사업" in html
    assert "&lt;b&gt;날짜&lt;/b&gt; 형식 오류" in html
    assert reverse("staff:announcement_retry", args=[bad.pk]) in html
    assert reverse("staff:announcement_retry", args=[good.pk]) not in html

    failed_only = client.get(reverse("staff:batch_detail", args=[batch.pk]) + "?failed=1").content.decode()
    assert "bizinfo.csv:3" in failed_only and "bizinfo.csv:2" not in failed_only

    history = client.get(reverse("staff:batch_list")).content.decode()
    assert "bizinfo.csv" in history and "일부 실패" in history


def test_viewer_sees_no_retry_button(client, viewer):
    batch = _batch(status=IngestionBatch.Status.DONE_WITH_ERRORS)
    Announcement.objects.create(
        batch=batch, format="text", origin="x", raw_content="…", content_hash="c", status="failed", error="e"
    )
    client.force_login(viewer)
    html = client.get(reverse("staff:batch_detail", args=[batch.pk])).content.decode()
    assert "/retry/" not in html


def test_ingest_form_requires_exactly_one_source(client, editor):
    client.force_login(editor)
    page = client.get(reverse("staff:ingest"))
    assert page.status_code == 200
    assert 'name="publish"' in page.content.decode()
    upload = io.BytesIO(b"text")
    upload.name = "a.txt"
    response = client.post(reverse("staff:ingest"), {"text": "기사", "file": upload})
    assert response.status_code == 200
    assert "둘 중 하나만" in response.content.decode()
    assert client.post(reverse("staff:ingest"), {}).status_code == 200
    assert not IngestionBatch.objects.exists()


def test_pasted_text_is_ingested_in_the_background(client, editor, django_capture_on_commit_callbacks):
    client.force_login(editor)
    text = (
        "경상북도는 구미시 소재 이차전지 소재 중소기업을 대상으로 시제품 제작을 지원하는 "
        "'이차전지 소재 시제품 제작 지원사업'을 추진한다. 총 사업비는 20억원이다."
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("staff:ingest"), {"text": text, "name": "기사.txt"})
    assert response.status_code == 302
    batch = IngestionBatch.objects.get()
    assert response.url == reverse("staff:batch_detail", args=[batch.pk])
    assert batch.created_by == editor
    batch.refresh_from_db()
    assert batch.status in (IngestionBatch.Status.DONE, IngestionBatch.Status.DONE_WITH_ERRORS)
    assert batch.records_done == batch.records_total >= 1
    assert Program.objects.filter(status=Program.Status.REVIEW).exists()


def test_retry_reprocesses_a_failed_record(client, editor):
    batch = _batch(status=IngestionBatch.Status.DONE_WITH_ERRORS, format="text")
    failed = Announcement.objects.create(
        batch=batch,
        format="text",
        origin="기사.txt",
        raw_content="경상북도는 구미시 중소기업을 대상으로 '구미 시제품 지원사업'을 추진한다.",
        content_hash="retry",
        status=Announcement.Status.FAILED,
        error="일시적 오류",
    )
    client.force_login(editor)
    response = client.post(reverse("staff:announcement_retry", args=[failed.pk]))
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status != Announcement.Status.FAILED
