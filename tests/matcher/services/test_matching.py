import pickle
from dataclasses import replace
from pathlib import Path

import pytest
from django.utils import timezone

from matcher.engine.analysis import analyze_to_string
from matcher.engine.persistence import FORMAT_VERSION
from matcher.engine.regions import Region
from matcher.models import Firm, MatcherModelVersion, MatchLog, Program
from matcher.services import model_store
from matcher.services.matching import FirmProfile, match_firm, match_program_firms
from matcher.services.model_store import active_index, matcher_refit, reset_cache

GUMI = {"sido": "경상북도", "sigungu": "구미시"}
POHANG = {"sido": "경상북도", "sigungu": "포항시"}

CORPUS = [
    (
        "이차전지 배터리 소재부품 기업 지원",
        "배터리 셀 및 이차전지 소재부품 기업의 시제품 제작과 성능 인증을 지원합니다.",
        [GUMI],
        False,
    ),
    (
        "이차전지 배터리 소재부품 기업 지원 (포항)",
        "포항시 소재 배터리 기업의 시제품 제작을 지원합니다.",
        [POHANG],
        False,
    ),
    (
        "중소기업 스마트공장 구축 지원",
        "제조 중소기업의 스마트공장 구축과 공정 자동화를 지원합니다.",
        [],
        True,
    ),
    ("농식품 온라인 판로 지원", "농산물 가공식품 기업의 온라인 판매와 마케팅을 지원합니다.", [], True),
    ("관광 스타트업 육성", "관광 체험 콘텐츠 스타트업의 사업화를 지원합니다.", [], True),
]


@pytest.fixture
def corpus(db):
    programs = []
    for i, (title, summary, regions, nationwide) in enumerate(CORPUS):
        programs.append(
            Program.objects.create(
                source_id=f"T{i}",
                title=title,
                summary=summary,
                regions=regions,
                nationwide=nationwide,
                firm_types=["중소기업"],
                search_terms=analyze_to_string(f"{title}\n{summary}"),
                status=Program.Status.PUBLISHED,
                published_at=timezone.now(),
                evidence={"regions": [summary]},
            )
        )
    Program.objects.create(title="배터리 검토 중 사업", summary="배터리", status=Program.Status.REVIEW)
    reset_cache()
    yield programs
    reset_cache()


GUMI_REGION = Region("경상북도", "구미시")


def profile(sector="배터리 이차전지 부품", region=GUMI_REGION):
    return FirmProfile(sector=sector, region=region, firm_type="중소기업", years=8)


def test_match_firm_ranks_eligible_programs_with_reasons(corpus):
    results = match_firm(profile=profile(), limit=10)
    titles = [m.program.title for m in results]
    assert titles[0] == "이차전지 배터리 소재부품 기업 지원"
    assert "이차전지 배터리 소재부품 기업 지원 (포항)" not in titles  # another city
    assert "배터리 검토 중 사업" not in titles  # not published
    top = results.items[0]
    assert {"배터리", "이차전지"} & set(top.matched_terms)
    assert top.evidence and top.eligibility == ["경상북도 구미시 소재 중소기업 대상"]
    assert 0 < top.score <= 1
    assert results.model_version == MatcherModelVersion.objects.get(active=True).version
    assert results.total >= len(results)
    log = MatchLog.objects.latest("created_at")
    assert log.kind == MatchLog.Kind.FIRM and log.sigungu == "구미시" and log.result_count == len(results)
    wide = match_firm(profile=profile("배터리 이차전지 제조 스마트공장"), limit=10)
    assert len(wide) >= 2
    page2 = match_firm(profile=profile("배터리 이차전지 제조 스마트공장"), limit=1, offset=1)
    assert page2.items[0].program == wide.items[1].program


def test_score_bar_follows_the_ranking(corpus):
    # A nationwide program can rank above a closer-worded city one once bonuses apply; the bar must agree.
    scores = [m.score for m in match_firm(profile=profile(sector="제조 기업 지원"), limit=20)]
    assert len(scores) >= 2
    assert scores == sorted(scores, reverse=True)
    assert all(0 < score <= 1 for score in scores)


def test_model_is_written_with_a_version_row(corpus, settings):
    version = matcher_refit()
    row = MatcherModelVersion.objects.get(version=version)
    assert row.active and row.program_count == len(corpus) and row.format_version == FORMAT_VERSION
    assert Path(row.path).parent == Path(settings.MODEL_DIR) and Path(row.path).exists()
    assert MatcherModelVersion.objects.filter(active=True).count() == 1


def test_new_version_is_picked_up_without_restart(corpus, settings):
    settings.MODEL_RELOAD_CHECK_SECONDS = 0
    first = matcher_refit()
    index, version = active_index()
    assert version == first
    # Another process publishes a program and refits: simulate by writing a new version and dropping our cache
    # of the object (the database row is what other processes see).
    Program.objects.create(
        title="드론 산업 육성",
        summary="드론 기업 지원",
        nationwide=True,
        search_terms=analyze_to_string("드론 산업 육성 드론 기업 지원"),
        status=Program.Status.PUBLISHED,
    )
    second = matcher_refit()
    model_store._cache.loaded.version = first  # this process still holds the old version
    model_store._cache.loaded.checked_at = 0
    index, version = active_index()
    assert version == second and len(index) == len(corpus) + 1


def test_reload_waits_for_the_check_interval(corpus, settings):
    settings.MODEL_RELOAD_CHECK_SECONDS = 3600
    first = matcher_refit()
    active_index()
    MatcherModelVersion.objects.filter(version=first).update(active=False)
    assert active_index()[1] == first  # not checked again yet


def test_corrupt_or_old_model_file_falls_back_to_refit(corpus, settings):
    settings.MODEL_RELOAD_CHECK_SECONDS = 0
    first = matcher_refit()
    row = MatcherModelVersion.objects.get(version=first)
    Path(row.path).write_bytes(b"garbage")
    reset_cache()
    index, version = active_index()
    assert index is not None and version == first + 1
    row = MatcherModelVersion.objects.get(version=version)
    data = pickle.loads(Path(row.path).read_bytes())
    data["header"]["format_version"] = 999
    payload = pickle.dumps(data)
    Path(row.path).write_bytes(payload)
    import hashlib

    MatcherModelVersion.objects.filter(pk=row.pk).update(sha256=hashlib.sha256(payload).hexdigest())
    reset_cache()
    index, version2 = active_index()
    assert version2 == version + 1 and match_firm(profile=profile()).items


def test_match_program_firms_uses_the_same_eligibility(corpus):
    gumi = Firm.objects.create(
        name="구미배터리",
        sector="이차전지 배터리 부품",
        sido="경상북도",
        sigungu="구미시",
        firm_type="중소기업",
        years=5,
    )
    Firm.objects.create(
        name="포항배터리",
        sector="이차전지 배터리 부품",
        sido="경상북도",
        sigungu="포항시",
        firm_type="중소기업",
        years=5,
    )
    Firm.objects.create(
        name="구미식품", sector="떡 제조", sido="경상북도", sigungu="구미시", firm_type="중소기업", years=5
    )
    matches = match_program_firms(program=corpus[0])
    assert next(m.firm for m in matches) == gumi
    assert "포항배터리" not in [m.firm.name for m in matches]
    assert matches[0].eligibility == ["경상북도 구미시 소재 중소기업 대상"]
    assert "배터리" in matches[0].matched_terms
    assert MatchLog.objects.filter(kind=MatchLog.Kind.PROGRAM).exists()


def test_match_program_firms_reads_the_complex_from_a_firm_address(corpus):
    program = corpus[0]
    program.site_limits = ["구미국가산업단지"]
    program.save(update_fields=["site_limits"])
    common = {
        "sector": "이차전지 배터리 부품",
        "sido": "경상북도",
        "sigungu": "구미시",
        "firm_type": "중소기업",
    }
    inside = Firm.objects.create(name="단지 안", address="경북 구미시 구미5공단 1로 10", **common)
    Firm.objects.create(name="다른 단지", address="경북 구미시 해평농공단지 2로 5", **common)
    unsaid = Firm.objects.create(name="주소 없음", **common)
    matches = {m.firm: m for m in match_program_firms(program=program)}
    assert set(matches) == {inside, unsaid}
    assert "구미국가산업단지 입주 기업 대상" in matches[inside].eligibility
    assert "구미국가산업단지 입주 기업 대상 (입주 여부 확인 필요)" in matches[unsaid].eligibility


def test_match_program_firms_reads_the_district_from_a_firm_address(corpus):
    jeonju = {"sido": "전북특별자치도", "sigungu": "전주시"}
    program = corpus[0]
    program.regions, program.district_limits = [jeonju], ["전주시 덕진구"]
    program.save(update_fields=["regions", "district_limits"])
    common = {"sector": "이차전지 배터리 부품", "firm_type": "중소기업", **jeonju}
    inside = Firm.objects.create(name="덕진", address="전북 전주시 덕진구 팔복동 1", **common)
    Firm.objects.create(name="완산", address="전북 전주시 완산구 효자동 2", **common)
    unsaid = Firm.objects.create(name="구 모름", address="전북 전주시", **common)
    matches = {m.firm: m for m in match_program_firms(program=program)}
    assert set(matches) == {inside, unsaid}
    assert "전북특별자치도 전주시 덕진구 소재 중소기업 대상" in matches[inside].eligibility
    assert "전북특별자치도 전주시 덕진구 소재 중소기업 대상 (구 확인 필요)" in matches[unsaid].eligibility


def test_a_headcount_given_decides_a_least_headcount_both_ways(corpus):
    from dataclasses import replace

    Program.objects.filter(pk=corpus[0].pk).update(employees_min=10)
    reset_cache()
    matcher_refit()

    def titles(employees: int | None) -> list[str]:
        return [m.program.title for m in match_firm(profile=replace(profile(), employees=employees))]

    assert corpus[0].title in titles(None)  # a 중소기업 that gave no headcount is not excluded
    assert corpus[0].title not in titles(9)
    assert corpus[0].title in titles(10)

    def firm(name: str, employees: int | None) -> Firm:
        return Firm.objects.create(
            name=name, sector="이차전지 배터리 부품", sido="경상북도", sigungu="구미시", employees=employees
        )

    small, enough, unknown = firm("구미셀", 9), firm("구미팩", 10), firm("구미소재", None)
    names = {m.firm.name for m in match_program_firms(program=Program.objects.get(pk=corpus[0].pk))}
    assert enough.name in names and unknown.name in names and small.name not in names


def test_refit_task_runs_the_service(corpus):
    from matcher.tasks.matching import refit_matcher

    refit_matcher.delay()
    assert MatcherModelVersion.objects.filter(active=True).exists()


def test_request_refit_runs_after_commit(corpus, django_capture_on_commit_callbacks):
    from matcher.services.model_store import request_refit

    with django_capture_on_commit_callbacks(execute=True):
        request_refit()
        assert not MatcherModelVersion.objects.exists()
    assert MatcherModelVersion.objects.filter(active=True).count() == 1


@pytest.mark.parametrize(
    ("total", "shared", "filters", "offset", "follows"),
    [
        (0, [], {}, 0, True),
        (9, [["전지"]], {}, 0, True),
        (10, [["전지"]], {}, 0, False),  # a full first page: the matches are the answer
        (30, [[], ["전지"]], {}, 0, False),  # one card shares a word
        (30, [[], []], {}, 0, True),  # no card shares a word: letters found them
        (30, [[], []], {"open_only": True}, 0, False),
        (3, [["전지"]], {}, 10, False),  # a later page
        (3, [["전지"]], {"open_only": True}, 0, False),  # narrowed on purpose
        (3, [["전지"]], {"support_types": ("R&D",)}, 0, False),
        (3, [["전지"]], {"closing_first": True}, 0, False),
    ],
)
def test_which_searches_go_on_with_their_regions_other_programs(total, shared, filters, offset, follows):
    from matcher.services.matching import (
        MatchFilters,
        MatchResults,
        ProgramMatch,
        follows_with_local_programs,
    )

    items = [ProgramMatch(program=Program(title="p"), score=0.5, matched_terms=terms) for terms in shared]
    found = MatchResults(items=items, total=total)
    assert found.shares_no_words is (bool(items) and not any(shared))
    assert follows_with_local_programs(found=found, filters=MatchFilters(**filters), offset=offset) is follows


def test_match_program_firms_finds_the_firms_of_the_kind_a_program_is_for(corpus):
    program = corpus[0]
    program.firm_types = ["중소기업", "여성기업"]
    program.save(update_fields=["firm_types"])
    common = {
        "sector": "이차전지 배터리 부품",
        "sido": "경상북도",
        "sigungu": "구미시",
        "firm_type": "중소기업",
    }
    women = Firm.objects.create(name="여성 대표 배터리", special_types=["여성기업"], **common)
    Firm.objects.create(name="일반 배터리", **common)
    assert [m.firm for m in match_program_firms(program=program)] == [women]


def test_unmet_words_are_the_sectors_own_as_typed_not_the_description_or_the_ksic_name(corpus):
    # '포항시' is only in Pohang's program; 'BMS' and '펌웨어' in none.
    found = match_firm(
        profile=replace(
            profile(sector="배터리 (BMS) 포항시"),
            description="펌웨어 개발",
            ksic_code="C28202",  # 축전지 제조업: words we add, not the owner's
        ),
        log=False,
    )
    assert found.items and found.unmet_words == ["BMS", "포항시"]
    assert "펌웨어" not in found.unmet_words and "축전지" not in found.unmet_words
    # The words that can meet still lead: the Gumi program comes first, as for '배터리' alone.
    alone = match_firm(profile=profile(sector="배터리"), log=False)
    assert alone.unmet_words == [] and alone.items[0].program == found.items[0].program == corpus[0]
