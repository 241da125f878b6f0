"""Figures for the staff dashboard, counted in Python over JSON fields so SQLite and PostgreSQL agree."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone

from matcher.engine.periods import application_status
from matcher.models import IngestionBatch, MatchLog, Program

_STATUS_LABELS = {"open": "접수 중", "upcoming": "접수 예정", "closed": "마감", "": "기간 미정"}


@dataclass
class Bar:
    label: str
    value: int
    percent: int  # width relative to the largest bar in its chart


@dataclass
class Chart:
    title: str
    bars: list[Bar] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(b.value for b in self.bars)


def _chart(title: str, counts: Counter | list[tuple[str, int]], *, top: int | None = None) -> Chart:
    items = counts.most_common(top) if isinstance(counts, Counter) else list(counts)
    peak = max((v for _, v in items), default=0)
    return Chart(
        title=title,
        bars=[Bar(label=k, value=v, percent=round(100 * v / peak) if peak else 0) for k, v in items],
    )


@dataclass
class Dashboard:
    status: Chart
    regions: Chart
    sectors: Chart
    support_types: Chart
    open_closed: Chart
    matches_per_day: Chart
    recent_batches: list[IngestionBatch]
    published_count: int


def dashboard_stats(*, today: dt.date | None = None, days: int = 14) -> Dashboard:
    today = today or timezone.localdate()
    status = Counter(
        {
            Program.Status(row["status"]).label: row["n"]
            for row in Program.objects.values("status").annotate(n=Count("id"))
        }
    )
    regions: Counter = Counter()
    sectors: Counter = Counter()
    support: Counter = Counter()
    open_closed: Counter = Counter()
    published = Program.objects.published().only(
        "nationwide", "regions", "sectors", "support_types", "apply_start", "apply_end"
    )
    count = 0
    for program in published.iterator():
        count += 1
        if program.nationwide or not program.regions:
            regions["전국"] += 1
        else:
            for sido in {r.get("sido") for r in program.regions if r.get("sido")}:
                regions[sido] += 1
        for sector in program.sectors or []:
            name = sector.get("name") if isinstance(sector, dict) else str(sector)
            if name:
                sectors[name] += 1
        for kind in program.support_types or []:
            support[kind] += 1
        open_closed[_STATUS_LABELS[application_status(program.apply_start, program.apply_end, today)]] += 1
    since = today - dt.timedelta(days=days - 1)
    per_day = {
        row["day"]: row["n"]
        for row in MatchLog.objects.filter(created_at__date__gte=since)
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(n=Count("id"))
    }
    days_list = [since + dt.timedelta(days=i) for i in range(days)]
    return Dashboard(
        status=_chart("상태별 사업", status),
        regions=_chart("시도별 (게시)", regions, top=20),
        sectors=_chart("업종별 (게시, 상위 15)", sectors, top=15),
        support_types=_chart("지원 유형별 (게시)", support),
        open_closed=_chart("접수 상태 (게시)", open_closed),
        matches_per_day=_chart(
            f"일별 매칭 제공 (최근 {days}일)", [(d.strftime("%m-%d"), per_day.get(d, 0)) for d in days_list]
        ),
        recent_batches=list(IngestionBatch.objects.defer("payload")[:10]),
        published_count=count,
    )
