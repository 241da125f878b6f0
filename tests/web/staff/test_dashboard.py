import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from matcher.models import IngestionBatch, MatchLog, Program
from matcher.services.dashboard import dashboard_stats
from tests.factories import make_program

pytestmark = pytest.mark.django_db


def _bars(chart) -> dict[str, int]:
    return {bar.label: bar.value for bar in chart.bars}


def test_dashboard_counts(viewer):
    today = dt.date(2025, 4, 1)
    published = Program.Status.PUBLISHED
    make_program(status=published, apply_end=dt.date(2025, 4, 30), support_types=["시제품", "R&D"])
    make_program(status=published, nationwide=True, regions=[], apply_end=dt.date(2025, 3, 1))
    # A start without an end is a rolling call: open once begun.
    make_program(status=published, regions=[{"sido": "대구광역시", "sigungu": None}], apply_end=None)
    make_program(status=published, apply_start=None, apply_end=None)
    make_program()  # in review: counted by status only
    MatchLog.objects.create(sector="x")
    MatchLog.objects.create(sector="y")

    stats = dashboard_stats(today=timezone.localdate())
    stats_then = dashboard_stats(today=today)

    assert _bars(stats.status) == {"게시": 4, "검토 대기": 1}
    assert _bars(stats.regions) == {"경상북도": 2, "전국": 1, "대구광역시": 1}
    assert _bars(stats.support_types) == {"시제품": 4, "R&D": 1}
    assert _bars(stats_then.open_closed) == {"접수 중": 2, "마감": 1, "기간 미정": 1}
    assert _bars(stats.sectors) == {"축전지 제조업": 4}
    assert stats.matches_per_day.bars[-1].value == 2
    assert stats.matches_per_day.bars[-1].percent == 100


def test_dashboard_page_renders_charts_and_recent_batches(client, viewer):
    make_program(status=Program.Status.PUBLISHED)
    IngestionBatch.objects.create(name="<i>batch</i>.csv", status=IngestionBatch.Status.DONE)
    client.force_login(viewer)
    html = client.get(reverse("staff:dashboard")).content.decode()
    assert "시도별" in html and "경상북도" in html
    assert 'class="bar" style="width: 100%"' in html
    assert "&lt;i&gt;batch&lt;/i&gt;.csv" in html
