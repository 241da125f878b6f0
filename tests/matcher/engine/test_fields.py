"""General field detectors on Korean announcement text (made-up sentences, not the seeds)."""

from __future__ import annotations

from datetime import date

import pytest

from matcher.engine.extraction.fields import (
    SUPPORT_TYPES,
    detect_application_period,
    detect_budget_statement,
    detect_firm_types,
    detect_keywords,
    detect_period_end_year,
    detect_places,
    detect_sectors,
    detect_support_types,
    detect_years_limits,
)
from matcher.engine.regions import Region


def test_support_types_come_from_the_vocabulary() -> None:
    found = detect_support_types("해외 바이어 초청 수출상담회와 시제품 제작, 특허 출원 비용을 지원한다.")
    assert found == ["시제품", "수출·판로", "지식재산"]
    assert set(found) <= set(SUPPORT_TYPES)
    assert detect_support_types("기념식을 개최했다.") == []


@pytest.mark.parametrize(
    "text",
    ["미래내일 일경험(인턴형) 참여기업 모집", "우수경력자 인건비 지원사업", "연구인력 현장지원 기업 신청"],
)
def test_taking_on_people_is_support_with_staff(text: str) -> None:
    assert "인력" in detect_support_types(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("우즈베키스탄 타슈켄트 무역사절단 참가업체 모집", "수출·판로"),
        ("해외지사화 참가비 지원사업", "수출·판로"),
        ("K-FOOD 페루 통상촉진단 참가기업 모집", "수출·판로"),
        ("중소기업 구매조건 생산지원자금 지원", "자금·융자"),
        ("TV광고 제작 및 송출, SNS 숏폼 영상 지원", "마케팅·홍보"),
        ("지역 소상공인 쇼케이스 참가기업 모집", "마케팅·홍보"),
    ],
)
def test_support_named_by_its_usual_words(text: str, kind: str) -> None:
    assert kind in detect_support_types(text)


def test_a_group_tour_is_not_a_trade_show_booth() -> None:
    assert "마케팅·홍보" not in detect_support_types("단체관광객 유치 인센티브 지원")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("충남 비즈콜센터는 도내 중소기업에 맞춤형 현장 컨설팅을 지원", "기반구축"),
        ("온라인 크라우드 펀딩 플랫폼 제반비용 지원", "기반구축"),
        ("단체관광객을 유치한 여행사에 인센티브를 지원", "기업유치"),
        ("외국인환자 유치사업자 맞춤형 컨설팅", "기업유치"),
        ("②후속투자유치 지원", "기업유치"),
        ("스타트업 투자 유치 지원 사업 참가자 모집", "기업유치"),
        ("특수목적 단체 관광객(숙박 1일ㆍ100명 이상)을 울산으로 유치하는 여행사", "기업유치"),
        ("소재부품 성장 잠재기업 육성사업", "경영안정"),
        ("소재ㆍ부품ㆍ장비 분야 기술개발 지원", "시설·장비"),
        ("창원시 소재부품장비 뿌리기술 컨설팅", "시설·장비"),
        ("창업자금 증여 시 임차보증금 포함 여부", "자금·융자"),
        ("취득설비 시험운전 비용", "인증·시험"),
    ],
)
def test_a_cue_inside_a_name_or_another_sense_is_no_support(text: str, kind: str) -> None:
    assert kind not in detect_support_types(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("고용량 배터리 평가, 개발지원센터 조성을 통해", "기반구축"),
        ("내년 건립되는 센터를 기반으로 성형가공 지원", "기반구축"),
        ("반도체 융합부품 혁신제조 플랫폼 구축", "기반구축"),
        ("배터리 관련 연구기업 유치와 함께", "기업유치"),
        ("2022년 방산혁신클러스터 사업 유치를 통해", "기업유치"),
        ("경주 친환경 자동차 부품클러스터 조성 외국인 투자유치 전략 수립", "기업유치"),
        ("하남시 기업 투자유치 보조금 지원 대상기업 모집", "기업유치"),
        ("반도체 장비 공동활용 지원", "시설·장비"),
        ("신용보증 지원", "자금·융자"),
        ("① 창업 공간 제공 ② 교육 및 컨설팅", "입주공간"),
    ],
)
def test_support_named_where_it_is_offered(text: str, kind: str) -> None:
    assert kind in detect_support_types(text)


def test_sectors_map_to_ksic_by_whole_name() -> None:
    sectors, keywords = detect_sectors("전기차용 이차전지 소재 기업과 반도체 장비 기업을 유치한다.")
    codes = {s["code"] for s in sectors}
    assert "28209" in codes  # 기타 이차전지 제조업
    assert "261" in codes  # 반도체 제조업
    assert "이차전지" in keywords
    # One word of a longer KSIC name is not enough ('옥외' is not 옥외 광고업).
    sectors, _ = detect_sectors("옥외 시설물 관리")
    assert all(s["code"] != "71391" for s in sectors)


def test_keywords_skip_generic_notice_nouns() -> None:
    keywords = detect_keywords("수소연료전지 부품 기업 지원 사업을 추진한다. 수소연료전지 실증도 추진한다.")
    assert keywords[0] == "수소연료전지"
    assert "사업" not in keywords and "지원" not in keywords


def test_period_end_year() -> None:
    assert detect_period_end_year("2024년까지 센터를 구축한다.") == 2024
    assert detect_period_end_year("2028년을 목표로 단지를 조성한다.") == 2028
    assert detect_period_end_year("2035 스마트 물류 거점도시를 만든다.") == 2035
    assert detect_period_end_year("2023년 12월까지 운영한다.") == 2023
    assert detect_period_end_year("내년 6월까지 수립한다.") is None
    assert detect_period_end_year("내년 6월까지 수립한다.", reference_year=2024) == 2025
    assert detect_period_end_year("2019년에 개소했다.") is None


def test_places_keep_a_town_prefix_and_skip_generic_complexes() -> None:
    text = "청원구 오창 과학산업단지와 봉명동 제2산단, 노후산단 및 스마트산단 사업"
    places = detect_places(text, region=Region("충청북도", "청주시"))
    assert "봉명동 제2산단" in places
    assert "과학산업단지" in places or "오창 과학산업단지" in places
    assert not any(p.startswith(("노후", "스마트")) for p in places)
    assert detect_places("생산단지를 집적화한다") == []


def test_firm_types_and_years() -> None:
    assert detect_firm_types("예비창업자 및 창업 7년 이내 중소기업") == ["중소기업", "창업기업", "예비창업자"]
    assert detect_firm_types("예비창업자 대상") == ["예비창업자"]
    assert detect_years_limits("창업 3년 이내 기업") == (None, 3.0)
    assert detect_years_limits("업력 3년 초과 7년 이내 기업") == (3.0, 7.0)
    assert detect_years_limits("예비창업자") == (None, 0.0)
    assert detect_years_limits("중소기업 누구나") == (None, None)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("□ 접수기간 : 2026. 4. 27.(월) ~ 5. 11.(월) 18:00까지", date(2026, 4, 27), date(2026, 5, 11)),
        (
            "신청기간: 2026년 4월 13일(월) ~ 2026년 4월 28일(화) 14:00까지",
            date(2026, 4, 13),
            date(2026, 4, 28),
        ),
        ("- 모집기간) ’26. 1. 21. ~ 예산소진 시까지", date(2026, 1, 21), None),
        ("신청기간 : 공고일 ~ 2026. 4. 30.(목) 17:00 限", None, date(2026, 4, 30)),
        (
            "접수기간) 2026.4.23.(목) ~ 예산소진시까지(종료일: 2026.11.30.)",
            date(2026, 4, 23),
            date(2026, 11, 30),
        ),
        ("접수 기간 : 2025. 12. 20. ~ 1. 10.", date(2025, 12, 20), date(2026, 1, 10)),  # over the new year
        ("접수기간: 5월 7일까지", None, date(2026, 5, 7)),  # the year is the notice's
        ("문의처 054-840-7043\n접수기간 : 2026. 3. 2. ~ 3. 31.", date(2026, 3, 2), date(2026, 3, 31)),
    ],
)
def test_application_period_stated_in_the_text(text, start, end) -> None:
    found_start, found_end, stated = detect_application_period(text, reference_year=2026)
    assert (found_start, found_end) == (start, end)
    assert stated.startswith(("접수", "신청", "모집"))


@pytest.mark.parametrize(
    "text",
    [
        "신청기간 : 연중 상시",
        "신청기간 및 신청방법은 공고문을 참조",
        # A label inside a sentence is no period: this date is a review deadline.
        "신청기간 내 확인서를 발급받은 제품(12월 5일까지 심의 완료 必)",
        "접수기간 : 2026. 5. 11. ~ 2026. 4. 27.",  # an end before the start is a misreading
    ],
)
def test_no_application_period_is_read_where_none_is_stated(text) -> None:
    assert detect_application_period(text, reference_year=2026)[:2] == (None, None)


def test_a_period_without_any_year_needs_a_reference_year() -> None:
    assert detect_application_period("접수기간 : 4. 1. ~ 4. 30.")[:2] == (None, None)
    assert detect_application_period("접수기간 : 4. 1. ~ 4. 30.", reference_year=2025)[:2] == (
        date(2025, 4, 1),
        date(2025, 4, 30),
    )


@pytest.mark.parametrize(
    ("text", "krw"),
    [
        ("□ 지원규모) 총 20억원 내외(20개 과제 내외)", 2_000_000_000),
        ("- 예산규모 : 1,395억원(’26년)", 139_500_000_000),
        ("지원예산: 50,000천원 이내", 50_000_000),
        ("사업예산 : 총 1.1억 원", 110_000_000),
        ("□ (지원규모) 국비 총 40억원 내외 규모", 4_000_000_000),
        ("□ (지원규모(3차)) 278억원 내외 (418개 과제 내외)", 27_800_000_000),
        ("□ 지원규모 : 175개* 과제, 100억원 내외", 10_000_000_000),
        # Not a budget: a per-unit sum after other words, a share, a head count.
        ("지원규모) 1개소(지자체당 5.67억원 이내 국비 지원)", None),
        ("총사업비의 30~100% 이내 정부 지원", None),
        ("지원규모: 65명 정도(1개사 당 최대 10명 이내 지원)", None),
        ("지원규모 : 100개사, 기업당 최대 5천만원", None),
        ("(지원예산) 기업당 최대 35백만원(기업 자부담 25%)", None),
    ],
)
def test_budget_stated_under_a_budget_label(text, krw) -> None:
    found, stated = detect_budget_statement(text)
    assert found == krw
    assert bool(stated) == (krw is not None)


def test_a_one_syllable_word_that_names_the_industry_must_be_there():
    from matcher.engine.extraction.fields import detect_sectors

    def names(text: str) -> set[str]:
        return {sector["name"] for sector in detect_sectors(text)[0]}

    # A 소상공인 notice defines its firms by headcount per industry: no mining is meant.
    assert "철 광업" not in names("소상공인: 광업·제조업·건설업·운수업은 상시근로자 10인 미만 사업자")
    assert "철 광업" in names("철광석을 캐는 철 광업 기업의 안전 설비 지원")
    # '판' alone is in '판로'; the plastic sheet industry needs '판 제조'.
    assert "플라스틱 시트 및 판 제조업" not in names("플라스틱 시트 생산 기업 판로 개척")
    assert "플라스틱 시트 및 판 제조업" in names("플라스틱 시트 및 판 제조 기업")
    # In a list the one-syllable items are some of several; the other words decide ('과자류').
    assert "떡, 빵 및 과자류 제조업" in names("지역 과자류 제조 소상공인")


@pytest.mark.parametrize(
    "text",
    [
        "☞ 전문가를 매칭하여 컨설팅 제공\n- 자문분야 : 창업, 기술, 인증, 판로개척, 인력ㆍ채용 등",
        "☞ 방문 컨설팅 지원\n- 점포운영 등의 일반분야와 온라인마케팅, 세무, 법률 등의 전문분야 해결방안 제시",
        "- (1차 상담) 상시 창업, 금융, 수출, 마케팅 분야의 전문위원을 통한 1차 상담지원",
        "☞ 근로시간, 임금체계, 공정채용, 장년친화 등 컨설팅 지원",
    ],
)
def test_the_fields_advice_is_given_in_are_no_support_of_those_kinds(text: str) -> None:
    assert detect_support_types(text) == ["컨설팅"]


def test_a_list_of_support_that_names_advice_among_other_help_keeps_every_kind() -> None:
    found = detect_support_types("창업공간제공, 분야별 전문가 멘토링(상담), 마케팅 및 판로개척 지원 등")
    assert {"입주공간", "컨설팅", "마케팅·홍보", "수출·판로"} <= set(found)
    found = detect_support_types("☞ 역량강화교육, 통합마케팅지원, 수요맞춤형컨설팅지원, 시제품개발지원")
    assert {"교육", "마케팅·홍보", "컨설팅", "시제품"} <= set(found)
    # Numbered items of one 통합공고 cell are read one by one.
    found = detect_support_types("① 컨설팅 지원: 분야별 전문가 방문 컨설팅 ② 사업화지원: 상품개발, 판로개척")
    assert {"컨설팅", "수출·판로"} <= set(found)
