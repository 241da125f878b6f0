"""Shared data for the public-page tests: a few published programs written directly as rows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from matcher.models import Announcement, Program


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    # The rate-limit counters live in the cache; each test starts with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    # A request in English leaves English active in this thread; the next test starts in Korean.
    from django.utils import translation

    yield
    translation.deactivate()


GUMI_EVIDENCE = "구미시는 이차전지 양극재 제조 기업에 시제품 제작비를 최대 1억원까지 지원한다."


@pytest.fixture(autouse=True)
def _fresh_matcher_model(settings):
    # The matcher keeps its fitted model per process; each test's programs need a fresh fit.
    from matcher.services import model_store

    settings.MODEL_RELOAD_CHECK_SECONDS = 0
    reset = getattr(model_store, "reset_cache", None)
    if reset is not None:
        reset()
    yield
    if reset is not None:
        reset()


def make_program(**fields) -> Program:
    defaults = {"status": Program.Status.PUBLISHED, "agency": "중소벤처기업부"}
    defaults.update(fields)
    return Program.objects.create(**defaults)


@pytest.fixture
def programs(db) -> dict[str, Program]:
    today = timezone.localdate()
    announcement = Announcement.objects.create(
        format=Announcement.Format.TEXT,
        origin="test:gumi",
        title="구미시 이차전지 특화단지 공고",
        raw_content=(
            "구미시는 2025년 이차전지 산업 육성 계획을 발표했다. "
            "구미시는 이차전지 양극재 제조 기업에 시제품 제작비를 최대 1억원까지 지원한다. "
            "신청은 구미전자정보기술원에서 받는다."
        ),
        content_hash="gumi-test",
    )
    return {
        "gumi": make_program(
            announcement=announcement,
            title="구미 이차전지 양극재 시제품 제작 지원",
            agency="구미시",
            operator="구미전자정보기술원",
            regions=[{"sido": "경상북도", "sigungu": "구미시"}],
            places=["구미5공단"],
            sectors=[{"code": "C28202", "name": "축전지 제조업"}],
            keywords=["이차전지", "양극재"],
            support_types=["시제품", "R&D"],
            firm_types=["중소기업"],
            budget_krw=2_900_000_000,
            national_budget_krw=900_000_000,
            apply_start=today - timedelta(days=5),
            apply_end=today + timedelta(days=20),
            summary="구미 지역 이차전지 양극재 제조 기업의 시제품 제작을 지원한다.",
            evidence={"support": [GUMI_EVIDENCE]},
            source_url="https://www.gumi.go.kr/notice/1",
            contact="054-000-0000",
        ),
        "pohang": make_program(
            title="포항 이차전지 소재 기업 R&D 지원",
            agency="포항시",
            regions=[{"sido": "경상북도", "sigungu": "포항시"}],
            keywords=["이차전지"],
            support_types=["R&D"],
            summary="포항 이차전지 양극재 제조 기업의 연구개발을 지원한다.",
        ),
        "nationwide_closed": make_program(
            title="이차전지 수출 판로 개척 지원",
            nationwide=True,
            support_types=["수출·판로"],
            apply_start=today - timedelta(days=60),
            apply_end=today - timedelta(days=1),
            summary="전국 이차전지 제조 중소기업의 해외 판로 개척을 돕는다.",
            budget_krw=50_000_000,
        ),
        "unpublished": make_program(
            title="이차전지 미게시 검토 사업",
            nationwide=True,
            status=Program.Status.REVIEW,
            summary="이차전지 양극재 제조 기업 지원 (검토 중).",
        ),
        "xss": make_program(
            title="<script>alert(1)</script> 이차전지 장비 지원",
            nationwide=True,
            support_types=["시설·장비"],
            summary="이차전지 <b>장비</b> 구입을 지원한다.",
        ),
    }


@pytest.fixture
def many_programs(db) -> list[Program]:
    # Varied wording and other industries, as in a real corpus: a term found in every program carries
    # no information for a similarity model.
    topics = ["양극재", "음극재", "분리막", "전해질", "배터리팩"]
    topics += ["재활용", "검사장비", "품질인증", "수출상담"]
    others = [
        "한식 음식점 위생 개선",
        "관광 숙박업 홍보",
        "소프트웨어 인력 양성",
        "농산물 가공 판로",
        "섬유 디자인",
    ]
    for i in range(30):
        make_program(
            title=f"{others[i % len(others)]} 지원 {i:02d}",
            nationwide=True,
            support_types=["마케팅·홍보"],
            summary=f"{others[i % len(others)]} 사업 {i}차 모집.",
        )
    return [
        make_program(
            title=f"이차전지 공정 개선 지원 {i:02d}",
            nationwide=True,
            support_types=["컨설팅"],
            keywords=["이차전지", topics[i % len(topics)]],
            summary=f"이차전지 {topics[i % len(topics)]} 제조 공정 개선 컨설팅 {i}차 사업.",
        )
        for i in range(25)
    ]
