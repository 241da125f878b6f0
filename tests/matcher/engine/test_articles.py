"""Splitting press articles into programs. The articles here are made up (other cities, other
industries) so the rules are tested on text they were not written from; the seed articles are
scored in test_seed_eval.py."""

from __future__ import annotations

from datetime import date

from matcher.engine.extraction.articles import article_paragraphs, extract_article_programs
from matcher.engine.records import SourceRecord
from matcher.engine.regions import Region

BUDGET_ARTICLE = """홈 > 뉴스 > 경제
청주시, 내년 중소기업 지원 확대
기자 0 12 0 0
청주시는 내년에 12개 사업에 150억원을 투입해 중소기업 지원을 강화한다고 밝혔다.
photo_2023_001.jpg
먼저 2024년까지 오창읍 과학산업단지에 국비 40억원 포함 총 120억원으로 ‘바이오 의약품 실증 지원센터’를 \
구축한다. 이를 통해 시험 장비 15종을 도입하고 기업 전문인력을 양성한다. \
이에 따라 청주, 충주, 제천 등 도내 기업 40개사가 참여할 계획이다.
또 소상공인 온라인 판로 개척 지원에 5억원을 투입한다.
올해는 30개사를 지원해 15억원의 매출 성과를 올린바 있다.
시는 식품 제조기업 포장 디자인 개선에 1억2000만원, 해외 전시회 참가 지원에 3억원을 지원한다.
특히 시는 지난 5월 ‘스마트 물류 거점 조성 전략 수립’ 용역이 공모에 선정됐다. \
국비 등 8000만원으로 내년 6월까지 물류 거점 타당성 조사를 추진한다.
이범석 시장은 “기업이 성장하는 도시를 만들겠다”며 “지원을 아끼지 않겠다”고 밝혔다.
Facebook Twitter KakaoStory
"""

TOPIC_ARTICLE = """창원시는 미래 먹거리 4대 전략산업(수소, 로봇, 방위산업, 항공우주)을 집중 육성한다고 밝혔다.
먼저 수소 분야는 2026년까지 수소 충전 인프라를 확충하고 수소 부품 기업을 유치한다.
특히 연료전지 부품 시험 센터를 건립해 기업의 인증을 지원한다.
로봇 분야에서는 제조 로봇 실증 사업을 추진한다. 이를 통해 중소 제조기업의 로봇 도입을 돕는다. \
창업 7년 이내 중소기업에는 로봇 도입에 10억원을 지원한다.
세 번째로 방산 분야는 부품 국산화 연구개발을 지원한다.
마지막 항공우주 분야는 2030년을 목표로 위성 부품 생산 단지를 조성한다.
시는 지난달 전략산업 육성 보고회를 개최하였다.
"""


def _record(text: str, published_on: date | None = None, fmt: str = "text") -> SourceRecord:
    return SourceRecord(
        format=fmt, origin="test", raw=text, text=text if fmt == "text" else "", published_on=published_on
    )


def _by_budget(programs):
    return {p.budget_krw: p for p in programs}


def test_boilerplate_and_headlines_are_not_paragraphs() -> None:
    paragraphs = article_paragraphs(BUDGET_ARTICLE)
    assert not any(p.endswith(".jpg") or ">" in p or "Facebook" in p for p in paragraphs)
    assert "기자 0 12 0 0" not in paragraphs
    assert "청주시, 내년 중소기업 지원 확대" not in paragraphs  # a headline, no sentence ending
    assert paragraphs[0].startswith("청주시는 내년에")


def test_budget_declarations_each_start_a_program() -> None:
    programs = extract_article_programs(_record(BUDGET_ARTICLE, published_on=date(2023, 11, 2)))
    budgets = _by_budget(programs)
    # Aggregates ('12개 사업에 150억원') and results ('15억원의 매출 성과') are not programs.
    assert sorted(budgets) == [80_000_000, 120_000_000, 300_000_000, 500_000_000, 12_000_000_000]
    center = budgets[12_000_000_000]
    assert center.national_budget_krw == 4_000_000_000
    assert center.title == "바이오 의약품 실증 지원센터"
    assert center.period_end_year == 2024
    assert center.places == ["오창읍 과학산업단지"]
    assert "시험 장비 15종" in center.summary  # the '이를 통해' sentence continues it
    # Cities listed as participants follow the home region.
    assert center.regions == [
        Region("충청북도", "청주시"),
        Region("충청북도", "충주시"),
        Region("충청북도", "제천시"),
    ]
    assert center.evidence["budget_krw"] and "국비 40억원 포함 총 120억원" in center.evidence["budget_krw"][0]
    # Two amounts in one sentence are two programs, each titled by its own purpose.
    assert budgets[120_000_000].title == "식품 제조기업 포장 디자인 개선"
    assert budgets[300_000_000].title == "해외 전시회 참가 지원"
    # A lead-in sentence with the project's quoted name belongs to the program declared after it.
    study = budgets[80_000_000]
    assert study.title == "스마트 물류 거점 조성 전략 수립"
    assert study.period_end_year == 2024  # '내년 6월까지' read against the publication year
    assert not any("시장은" in p.summary for p in programs)  # quoted speech is not a program


def test_every_program_has_the_article_city_and_evidence() -> None:
    programs = extract_article_programs(_record(BUDGET_ARTICLE))
    for program in programs:
        assert program.agency == "청주시"
        assert program.regions[0] == Region("충청북도", "청주시")
        for name in ("title", "regions"):
            assert program.evidence[name], name
        for sentences in program.evidence.values():
            assert all(sentence in BUDGET_ARTICLE for sentence in sentences)
    assert extract_article_programs(_record(BUDGET_ARTICLE))[0].period_end_year == 2024


def test_topic_enumeration_gives_one_program_per_item() -> None:
    programs = extract_article_programs(_record(TOPIC_ARTICLE))
    assert len(programs) == 4
    hydrogen, robot, defense, space = programs
    assert "연료전지 부품 시험 센터" in hydrogen.summary  # '특히' continues the item
    assert hydrogen.period_end_year == 2026
    assert "로봇 도입" in robot.summary
    assert robot.budget_krw == 1_000_000_000  # an amount spent inside a topic is its budget
    assert hydrogen.budget_krw is None
    assert robot.firm_types == ["중소기업", "창업기업"] and robot.years_max == 7
    assert robot.evidence["years"] and "7년 이내" in robot.evidence["years"][0]
    assert "국산화" in defense.summary  # an ordinal opener moves on to the next item
    assert space.period_end_year == 2030
    assert not any("보고회" in p.summary for p in programs)  # a past event closes nothing new
    assert all(p.regions[0] == Region("경상남도", "창원시") for p in programs)


def test_html_article_is_read_from_raw() -> None:
    markup = "<html><body><p>" + "</p><p>".join(TOPIC_ARTICLE.strip().split("\n")) + "</p></body></html>"
    programs = extract_article_programs(_record(markup, fmt="html"))
    assert len(programs) == 4


def test_article_without_programs() -> None:
    text = "구미시는 지난 3일 시민 체육대회를 개최했다. 행사에는 500명이 참석했다."
    assert extract_article_programs(_record(text)) == []


def test_recruitment_article_is_one_program() -> None:
    text = (
        "부산시는 해양 스타트업 육성 지원사업 참여기업을 모집한다고 3일 밝혔다.\n"
        "선정된 기업에는 기업당 최대 3천만원의 사업화 자금과 입주공간을 제공한다.\n"
        "신청은 이달 30일까지 부산창업포털에서 받는다."
    )
    (program,) = extract_article_programs(_record(text))
    assert program.title == "해양 스타트업 육성 지원사업"
    assert program.regions[0] == Region("부산광역시")


def test_per_firm_ceiling_is_not_the_budget() -> None:
    text = (
        "대전시는 2025년까지 총 30억원을 들여 딥테크 기업 실증 지원사업을 추진한다고 5일 밝혔다. "
        "선정된 기업에는 기업당 최대 5천만원을 지원한다."
    )
    (program,) = extract_article_programs(_record(text))
    assert program.budget_krw == 3_000_000_000
    assert program.period_end_year == 2025
    assert "기업당 최대" in program.summary


def test_fund_article_at_province_level() -> None:
    text = (
        "경기도는 올해 중소기업 육성자금 2조원을 융자 지원한다고 밝혔다. "
        "이 중 창업기업 자금은 3천억원, 경영안정자금은 1조원이다.\n"
        "도는 또 수출기업 해외마케팅 지원에 50억원을 투입한다.\n"
        '김동연 지사는 "기업 부담을 덜겠다"고 말했다.'
    )
    fund, marketing = extract_article_programs(_record(text))
    assert (fund.title, fund.budget_krw) == ("중소기업 육성자금", 2_000_000_000_000)
    assert "3천억원" in fund.summary  # the breakdown continues the fund, it is not a program
    assert "자금·융자" in fund.support_types
    assert (marketing.title, marketing.budget_krw) == ("수출기업 해외마케팅 지원", 5_000_000_000)
    assert fund.regions == [Region("경기도")] and fund.agency == "경기도"


def test_informal_province_name_and_ordinal_topics() -> None:
    text = (
        "전남도가 내년 청년 창업 활성화를 위해 3개 분야(창업 공간, 자금, 교육)를 집중 지원한다.\n"
        "첫째, 창업 공간은 청년창업센터 2곳을 조성한다.\n"
        "둘째, 자금 분야는 청년 창업기업 100곳에 최대 5천만원씩 지원한다.\n"
        "셋째, 교육 분야는 창업 아카데미를 연 4회 운영한다."
    )
    programs = extract_article_programs(_record(text))
    assert len(programs) == 3
    assert all(p.regions == [Region("전라남도")] for p in programs)
    assert programs[1].budget_krw is None  # '최대 5천만원씩' is a grant ceiling


def test_html_headline_and_script_are_dropped() -> None:
    markup = (
        '<div class="art"><h1>울산시, 수소 모빌리티 실증 착수</h1><p>울산시는 2026년까지 국비 120억원 포함 '
        "총 200억원을 들여 울산 미포국가산업단지에 수소 모빌리티 실증 플랫폼을 구축한다고 10일 밝혔다.</p>"
        "<p>이 사업에는 15개 기관이 참여한다.</p><script>var a = '100억원을 투입한다.';</script></div>"
    )
    (program,) = extract_article_programs(_record(markup, fmt="html"))
    assert program.title == "수소 모빌리티 실증 플랫폼"
    assert (program.budget_krw, program.national_budget_krw) == (20_000_000_000, 12_000_000_000)
    assert program.places == ["미포국가산업단지"] and program.period_end_year == 2026
    assert program.regions == [Region("울산광역시")]
