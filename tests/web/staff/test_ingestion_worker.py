"""A browser upload processed by a real Celery worker on Redis, watched through the status endpoint.

Needs the ingest branch (matcher.services.ingestion) merged, plus PostgreSQL and Redis.
"""

import csv
import io
import time
from pathlib import Path

import pytest
from django.urls import reverse

from matcher.models import IngestionBatch, Program

ROOT = Path(__file__).resolve().parents[3]

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True),
]


def _bizinfo_sample(rows: int) -> bytes:
    source = (ROOT / "sample_data" / "bizinfo" / "bizinfo_2024-12_2025-05.csv").read_text("utf-8-sig")
    reader = csv.reader(io.StringIO(source))
    out = io.StringIO()
    writer = csv.writer(out)
    for index, row in enumerate(reader):
        if index > rows:
            break
        writer.writerow(row)
    return out.getvalue().encode("utf-8")


def test_upload_is_processed_by_the_worker_with_live_progress(client, editor, celery_worker_process):
    client.force_login(editor)
    upload = io.BytesIO(_bizinfo_sample(5))
    upload.name = "bizinfo_sample.csv"

    response = client.post(reverse("staff:ingest"), {"file": upload, "format": "bizinfo_csv"})

    assert response.status_code == 302
    batch = IngestionBatch.objects.get()
    status_url = reverse("staff:batch_status", args=[batch.pk])
    seen = []
    deadline = time.time() + 120
    while time.time() < deadline:
        data = client.get(status_url).json()
        seen.append(data["percent"])
        if data["finished"]:
            break
        time.sleep(1)
    else:
        pytest.fail(f"batch did not finish within 120 s; progress seen: {seen}")
    assert data["status"] in ("done", "done_with_errors"), data
    assert data["records_total"] == 5
    assert data["records_done"] == 5
    assert data["percent"] == 100
    assert Program.objects.count() >= 1
    page = client.get(reverse("staff:batch_detail", args=[batch.pk])).content.decode()
    assert "http-equiv" not in page
