import time

import pytest

from matcher.models import Announcement, IngestionBatch, MatcherModelVersion, Program
from matcher.services.ingestion import ingest_file

ARTICLE = "경주시는 2025년 자동차부품 중소기업 스마트공장 구축 지원사업을 추진한다."


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_background_ingestion_runs_on_the_real_worker(celery_worker_process):
    """Queued through Redis on commit, run by the separate Celery worker process on the test database."""
    batch = ingest_file(name="gyeongju.txt", content=ARTICLE.encode(), publish=True, background=True)
    assert batch.status == IngestionBatch.Status.QUEUED
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        batch.refresh_from_db()
        if batch.status not in {IngestionBatch.Status.QUEUED, IngestionBatch.Status.RUNNING}:
            break
        assert celery_worker_process.poll() is None, "the worker died"
        time.sleep(0.2)
    assert batch.status == IngestionBatch.Status.DONE, batch.error
    assert (batch.records_total, batch.records_done, batch.programs_created) == (1, 1, 1)
    assert Announcement.objects.get().raw_content == ARTICLE
    assert Program.objects.get().status == Program.Status.PUBLISHED
    # The batch published a program, so it queued one refit on commit; the worker runs it too. Waiting for
    # it here also keeps a late refit from activating this test's model in the next test's database.
    while time.monotonic() < deadline + 60 and not MatcherModelVersion.objects.filter(active=True).exists():
        time.sleep(0.2)
    assert MatcherModelVersion.objects.get(active=True).program_count == 1
