import time

import pytest
from django.utils import timezone

from matcher.engine.analysis import analyze_to_string
from matcher.models import MatcherModelVersion, Program


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_refit_task_runs_on_the_real_worker(celery_worker_process):
    from matcher.tasks.matching import refit_matcher

    for title in ("배터리 소재 지원", "스마트공장 구축 지원", "수출 바우처"):
        Program.objects.create(
            title=title,
            summary=title,
            nationwide=True,
            search_terms=analyze_to_string(title),
            status=Program.Status.PUBLISHED,
            published_at=timezone.now(),
        )
    refit_matcher.delay()
    deadline = time.time() + 60
    while time.time() < deadline and not MatcherModelVersion.objects.filter(active=True).exists():
        time.sleep(0.5)
    row = MatcherModelVersion.objects.get(active=True)
    assert row.program_count == 3 and row.sha256
