"""Plain helpers that create rows through the ORM (no mocks, no factory library)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from matcher.models import Firm, Program


def make_program(**fields: Any) -> Program:
    values: dict[str, Any] = {
        "title": "구미 이차전지 소재 기업 시제품 제작 지원",
        "agency": "경상북도",
        "nationwide": False,
        "regions": [{"sido": "경상북도", "sigungu": "구미시"}],
        "firm_types": ["중소기업"],
        "sectors": [{"code": "C28202", "name": "축전지 제조업"}],
        "keywords": ["이차전지", "시제품"],
        "support_types": ["시제품"],
        "budget_krw": 2_000_000_000,
        "apply_start": dt.date(2025, 3, 1),
        "apply_end": dt.date(2025, 4, 30),
        "summary": "이차전지 소재 기업의 시제품 제작을 지원합니다.",
        "evidence": {
            "budget_krw": ["총 20억원 규모로 <b>지원</b>합니다."],
            "regions": ["구미시 소재 기업을 대상으로 합니다."],
        },
    }
    values.update(fields)
    return Program.objects.create(**values)


def make_firm(**fields: Any) -> Firm:
    values: dict[str, Any] = {
        "name": "구미배터리",
        "sector": "이차전지 소재",
        "address": "경북 구미시 공단동",
        "sido": "경상북도",
        "sigungu": "구미시",
        "firm_type": "중소기업",
        "years": 5,
        "email": "ceo@gumi-battery.kr",
    }
    values.update(fields)
    return Firm.objects.create(**values)
