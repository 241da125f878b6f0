from datetime import date

import pytest

from matcher.engine.eligibility import ACTIVITY_HERE, MOVING_IN, FirmFacts, ProgramFacts, decide
from matcher.engine.extraction.notices import (
    agency_region,
    employees_minimum,
    extract_firm_types,
    extract_notice_program,
)
from matcher.engine.records import SourceRecord
from matcher.engine.regions import Region, default_gazetteer


def test_bizinfo_title_prefix_city_and_fields():
    fields = {
        "pblancNm": "[경기] 안산시 2025년 청년 창업멘토링 지원 참여기업 모집 공고",
        "jrsdInsttNm": "경기도",
        "excInsttNm": "경기테크노파크",
        "trgetNm": "창업벤처",
        "bsnsSumryCn": "<p>☞ 사업장소재지(본점)가 안산시인 창업 3년 이내 기업</p><p>문의 031-123-4567</p>",
        "reqstBeginEndDe": "2025-05-01 ~ 2025-05-20",
        "pblancUrl": "https://www.bizinfo.go.kr/x",
    }
    record = SourceRecord(format="bizinfo_json", origin="t", raw="{}", fields=fields, source_id="PBLN_1")
    program = extract_notice_program(record)
    assert program.title.startswith("안산시 2025년")
    assert program.regions == [Region("경기도", "안산시")] and not program.nationwide
    assert "창업기업" in program.firm_types and program.years_max == 3
    assert program.apply_start == date(2025, 5, 1) and program.apply_end == date(2025, 5, 20)
    assert program.agency == "경기도" and program.operator == "경기테크노파크"
    assert program.evidence["regions"] and program.evidence["years"]
    assert program.source_id == "PBLN_1"


def test_two_sido_prefix_and_kstartup_city_ministry():
    fields = {
        "pblancNm": "[대구ㆍ경북] 뿌리기업 지원",
        "jrsdInsttNm": "중소벤처기업부",
        "trgetNm": "중소기업",
    }
    program = extract_notice_program(SourceRecord(format="bizinfo_json", origin="t", raw="{}", fields=fields))
    assert program.regions == [Region("대구광역시"), Region("경상북도")]
    row = {
        "title": "ㆍ창업 지원",
        "ministry": "행정안전부 , 진도군(인 구정책실)",
        "operator": "",
        "target": "업력 3년 초과 7년 이내 기업",
        "summary": "",
        "budget_eok": "12.5",
        "section": "지방자치단체",
        "apply_start": "2024-03-01",
        "apply_end": "2024-03-31",
    }
    program = extract_notice_program(
        SourceRecord(format="kstartup_csv", origin="t", raw="{}", fields=row, source_id="kstartup2024:7")
    )
    assert program.regions == [Region("전라남도", "진도군")]
    assert program.years_min == 3 and program.years_max == 7
    assert program.budget_krw == 1_250_000_000
    assert program.title == "창업 지원"


@pytest.mark.parametrize(
    ("ministry", "operator", "region"),
    [
        ("제주도 (제주시 농정과)", "농림수산식품 교육문화정보원", Region("제주특별자치도", "제주시")),
        (
            "전라북도 (일자리민 생경제과)",
            "(사)전북산학 융합원 (고창군 로컬잡센터)",
            Region("전북특별자치도", "고창군"),
        ),
        # A foundation named after a city beside the province's own institute runs a province-wide program.
        ("충청북도 (문화예술 산업과)", "충북과학기술 혁신원, 청주시문화 산업 진흥재단", Region("충청북도")),
    ],
)
def test_a_city_office_running_a_province_row_makes_it_that_citys(ministry, operator, region):
    row = {"title": "ㆍ창업 지원", "ministry": ministry, "operator": operator, "target": "예비창업자"}
    row |= {"summary": "", "section": "지방자치단체"}
    program = extract_notice_program(
        SourceRecord(format="kstartup_csv", origin="t", raw="{}", fields=row, source_id="kstartup2024:9")
    )
    assert program.regions == [region]


def test_city_named_in_text_for_a_startup():
    fields = {"pblancNm": "청년 창업 지원", "jrsdInsttNm": "여수시 (청년 일자리과)", "trgetNm": ""}
    record = SourceRecord(
        format="bizinfo_json",
        origin="t",
        raw="{}",
        fields=fields,
        text="전라남도 여수시에 창업을 희망하는 예비창업자",
    )
    program = extract_notice_program(record)
    assert program.regions == [Region("전라남도", "여수시")]
    assert "예비창업자" in program.firm_types


def test_firm_types_from_target_lines():
    assert extract_firm_types("소상공인")[0] == ["소상공인"]
    types, low, high = extract_firm_types("예비창업자 또는 창업 3년 이내 기업")
    assert types[:2] == ["예비창업자", "창업기업"] and high == 3 and low is None


@pytest.mark.parametrize(
    ("target", "low", "high"),
    [
        # One range, with its upper end after the lower one.
        ("초기 창업자 - 창업 1년 이상 3년 미만, 연매출 1억 5천 이하인 사업자", 1, 3),
        ("업력 3년 초과 7년 이내 창업기업", 3, 7),
        # One span bounded at both ends in one sentence.
        ("업력 1년 이상 중소기업 중 창업 7년 이내 기업", 1, 7),
        # Tracks: a firm that fits any of them may apply.
        ("(초기트랙) 창업 3년 이내 기업, (도약트랙) 창업 3년 초과 7년 이내 기업", None, 7),
        ("[1트랙] 업력 3년 이내 / [2트랙] 업력 3년 초과 기업", None, None),
        ("① 창업 1년 이상 3년 미만 ② 업력 3년 이상 기업", 1, None),
        # A sector's own, longer limit in brackets.
        ("창업 7년이내 유망 스타트업(신산업 분야는 10년 이내)", None, 10),
        # A preference or bonus points limit no one.
        ("중소기업(창업 7년 이내 기업 우대)", None, None),
        ("중소기업 (창업 3년 이내 기업은 가점 부여)", None, None),
    ],
)
def test_years_limits_admit_what_any_stated_track_admits(target, low, high):
    assert extract_firm_types(target)[1:] == (low, high)


def test_a_target_cell_cut_after_its_years_limit_still_admits_startups():
    # A wrapped PDF cell: '예비창업자 및 7년 이내' (창업기업 went to the next line).
    types, _, high = extract_firm_types("예비창업자 및 7년 이내")
    assert types == ["예비창업자", "창업기업"] and high == 7
    assert extract_firm_types("예비창업자")[0] == ["예비창업자"]


def test_a_coarse_startup_category_admits_would_be_founders_the_text_names():
    body = "☞ 녹색산업 분야 예비창업자 및 업력 7년 이내 기업\n\n☞ 맞춤형 전문가 멘토링 지원"
    types, _, high = extract_firm_types("창업벤처", body)
    assert "예비창업자" in types and "창업기업" in types and high == 7
    # ... but not when the text excludes them, nor when it never names them.
    assert "예비창업자" not in extract_firm_types("창업벤처", "☞ 창업기업 대상 (예비창업자 제외)")[0]
    assert "예비창업자" not in extract_firm_types("창업벤처", "☞ 업력 7년 이내 기업")[0]


def test_school_and_student_targets_are_not_businesses():
    assert extract_firm_types("전국 초·중·고등학교 및 대안학교, 학교밖 센터")[0] == ["학교·학생·개인"]
    assert extract_firm_types("일반대학/전문대학")[0] == ["학교·학생·개인"]
    assert extract_firm_types("일반 시민 및 학생 (누구나 참여 가능)")[0] == ["학교·학생·개인"]
    # People described by what only a person has: schooling, a major, looking for work.
    assert extract_firm_types("만 39세 이하의 청년(학력·전공 무관)")[0] == ["학교·학생·개인"]
    assert extract_firm_types("만 18세 이상 미취업 청년 구직자")[0] == ["학교·학생·개인"]
    assert "학교·학생·개인" not in extract_firm_types("미취업 청년 예비창업자")[0]
    # A youth age limit is about the founder, and students' founding teams are founders: still startups.
    assert extract_firm_types("만19세~39세 이하 청년 누구나", title="청년 창업공간 지원")[0] == []
    teams = "대학(원) 소속 학생 및 예비 창업팀 또는 창업 3년 이내"
    assert "학교·학생·개인" not in extract_firm_types(teams)[0]
    assert "학교·학생·개인" not in extract_firm_types("대학 내 창업기업")[0]


def test_notice_support_types_from_what_is_offered_and_sectors():
    fields = {
        "pblancNm": "[강원] 양구군 2025년 이차전지 부품 기업 컨설팅 지원사업 공고",
        "jrsdInsttNm": "강원특별자치도 양구군",
        "trgetNm": "중소기업",
        "bsnsSumryCn": (
            "<p>「기업 및 투자유치 촉진조례」에 따라 안전한 기업 경영과 창업 및 투자 유치를 도모하고자 "
            "다음과 같이 공고합니다.</p><p>☞ 관내 중소기업</p><p>☞ 공정 진단 및 전문가 컨설팅 지원</p>"
        ),
    }
    program = extract_notice_program(SourceRecord(format="bizinfo_json", origin="t", raw="{}", fields=fields))
    # The preamble's aims (창업, 투자 유치) are not what is offered; the itemised line is.
    assert program.support_types == ["컨설팅"]
    assert program.evidence["support_types"]
    assert any("이차전지" in s["name"] for s in program.sectors)


def _bizinfo_notice(
    title: str, summary: str, *, target: str = "중소기업", agency: str = "중소벤처기업부", operator: str = ""
):
    """A Bizinfo API record with the given title, summary (HTML), target category and bodies, extracted."""
    fields = {"pblancNm": title, "jrsdInsttNm": agency, "trgetNm": target, "bsnsSumryCn": summary}
    if operator:
        fields["excInsttNm"] = operator
    return extract_notice_program(SourceRecord(format="bizinfo_json", origin="t", raw="{}", fields=fields))


def test_support_types_come_from_what_is_offered_not_from_who_may_apply():
    # Bizinfo's summary: applicants under the first ☞, the support under the second.
    program = _bizinfo_notice(
        "무주군 인구감소지역 기업지원 특례보증 금융지원 신청 공고",
        "<p>특례보증 신청을 다음과 같이 공고합니다.</p>"
        "<p>☞ 무주군 소재 기업</p><p>- 수출기업, 유망창업기업, 소재부품장비 분야 영위기업</p>"
        "<p>☞ 중소기업 최대 30억원 지원</p><p>- 운전자금 1년 (만기 일시상환)</p>",
    )
    assert program.support_types == ["자금·융자"]
    assert all("수출기업" not in s for s in program.evidence["support_types"])


def test_a_placeholder_deadline_means_none():
    # The 통합공고 writes '2099-12-31' for programs that take applications all year round.
    fields = {
        "title": "ㆍ창업존",
        "ministry": "중소벤처 기업부",
        "target": "예비창업자 및 창업기업",
        "notice_raw": "연중수시",
        "apply_start": "2024-01-01",
        "apply_end": "2099-12-31",
    }
    record = SourceRecord(format="kstartup_csv", origin="t", raw="{}", title="창업존", fields=fields)
    program = extract_notice_program(record)
    assert (program.apply_start, program.apply_end) == (date(2024, 1, 1), None)
    assert program.evidence["apply_end"] == ["연중수시"]
    fields["apply_end"] = "2024-12-31"
    assert extract_notice_program(record).apply_end == date(2024, 12, 31)


def test_a_summary_whose_applicants_are_students_or_trainees_admits_no_firm():
    # Bizinfo's target field is a coarse category ('창업벤처'); the first ☞ block says who may apply.
    title = "2026년 스타트업 AI 기술인력 양성 교육생 모집 공고"
    program = _bizinfo_notice(
        title,
        "<p>교육생 모집계획을 다음과 같이 공고합니다.</p>"
        "<p>☞ 학력ㆍ전공 무관, 만 39세 이하 대한민국 국적 청년</p>"
        "<p>☞ 인공지능 실무 교육, 취업연계 지원</p>",
        target="창업벤처",
    )
    assert program.firm_types == ["학교·학생·개인"]
    assert "학력ㆍ전공 무관" in program.evidence["firm_types"][0]
    # Students' founding teams are founders.
    program = _bizinfo_notice(
        title, "<p>☞ 국내 학교 소속 학생 창업팀</p><p>☞ 멘토링 지원</p>", target="창업벤처"
    )
    assert "학교·학생·개인" not in program.firm_types


def test_a_summary_whose_applicants_are_local_governments_admits_no_firm():
    program = _bizinfo_notice(
        "지역 주도형 AI 대전환 사업 참여 지자체 모집 공고",
        "<p>☞ 서울특별시를 제외한 16개 광역지방자치단체</p><p>☞ 지역 특화 AI 서비스 개발 지원</p>",
        agency="과학기술정보통신부",
    )
    assert program.firm_types == ["지자체·공공기관"]
    assert "광역지방자치단체" in program.evidence["firm_types"][0]
    assert extract_firm_types("광역자치단체(민간과 컨소시엄 구성 필수)")[0] == ["지자체·공공기관"]
    # Businesses beside them may apply.
    for who in ("관련 지자체 또는 사업장", "모빌리티 기업(대기업ㆍ중소기업ㆍ스타트업 등, 지자체 공공기관)"):
        assert "지자체·공공기관" not in extract_firm_types(who)[0], who


def test_a_line_offered_twice_is_quoted_once():
    # The 통합공고 'support' cell is also an itemised line of the body: one evidence sentence, not two.
    fields = {"title": "기업멘토형 창업지원", "support": "① 창업 성장지원 및 청년 인건비 지원"}
    record = SourceRecord(
        format="kstartup_csv",
        origin="t",
        raw="{}",
        title="기업멘토형 창업지원",
        text="지원내용: ① 창업 성장지원 및 청년 인건비 지원\n① 창업 성장지원 및 청년 인건비 지원",
        fields=fields,
    )
    evidence = extract_notice_program(record).evidence["support_types"]
    assert len(evidence) == len(set(evidence)) >= 1


def test_an_area_named_as_where_applicants_are_limits_a_sido_program():
    fields = {
        "pblancNm": "[경기] 2025년 제조DX멘토단 활용지원 도입기업 모집 공고",
        "jrsdInsttNm": "중소벤처기업부",
        "excInsttNm": "경기테크노파크",
        "trgetNm": "중소기업",
    }
    text = "제조 경쟁력 향상을 위한 사업입니다.\n☞ 스마트공장 도입 희망 경기 남부 중소ㆍ중견 제조기업"
    record = SourceRecord(format="bizinfo_json", origin="t", raw="{}", fields=fields, text=text)
    program = extract_notice_program(record)
    assert Region("경기도", "평택시") in program.regions and Region("경기도", "고양시") not in program.regions
    assert any("경기 남부" in sentence for sentence in program.evidence["regions"])
    facts = ProgramFacts.from_fields(nationwide=program.nationwide, regions=program.regions)
    assert decide(facts, FirmFacts(Region("경기도", "평택시"))).eligible
    assert not decide(facts, FirmFacts(Region("경기도", "고양시"))).eligible
    # Mentioned in passing, an area does not limit the program.
    record = SourceRecord(
        format="bizinfo_json", origin="t", raw="{}", fields=fields, text="경기남부지방경찰청과 협력합니다."
    )
    assert extract_notice_program(record).regions == [Region("경기도")]


def test_a_full_text_notice_takes_its_application_period_and_budget_from_the_text():
    pdf_text = (
        "▶ 사업개요\n- 지원대상 : 전국 중소기업\n- 지원규모 : 총 24억원\n"
        "- 접수기간 : 2026. 4. 6.(월) ~ 4. 30.(목) 18:00까지\n"
    )
    fields = {"title": "2026년 수출 컨설팅 지원사업 공고", "deadline": "", "pdf_text": pdf_text}
    record = SourceRecord(format="fulltext_jsonl", origin="t", raw="{}", fields=fields, source_id="PBLN_9")
    program = extract_notice_program(record)
    assert (program.apply_start, program.apply_end) == (date(2026, 4, 6), date(2026, 4, 30))
    assert program.evidence["apply_start"] == ["접수기간 : 2026. 4. 6.(월) ~ 4. 30.(목) 18:00까지"]
    assert (program.budget_krw, program.evidence["budget_krw"]) == (2_400_000_000, ["지원규모 : 총 24억원"])

    # A deadline the record states itself wins; the text still gives the start.
    record.fields["deadline"] = "2026-05-08"
    program = extract_notice_program(record)
    assert (program.apply_start, program.apply_end) == (date(2026, 4, 6), date(2026, 5, 8))
    assert "apply_end" not in program.evidence


def test_a_period_without_a_year_takes_the_year_the_notice_names():
    # Neither the title nor the record gives a year; the notice's opening does.
    pdf_text = (
        "2026년 소상공인 경영안정 바우처 지원사업을 다음과 같이 공고합니다.\n"
        "2026년 1월 30일 소상공인시장진흥공단 이사장\n"
        "접수기간) 2월 9일(월) 09시 ~ (잠정) 12월 18일(금) 18시까지\n"
    )
    fields = {"title": "소상공인 경영안정 바우처 지원사업 시행 공고", "pdf_text": pdf_text}
    record = SourceRecord(format="fulltext_jsonl", origin="t", raw="{}", fields=fields, source_id="PBLN_9")
    program = extract_notice_program(record)
    assert (program.apply_start, program.apply_end) == (date(2026, 2, 9), date(2026, 12, 18))


@pytest.mark.parametrize(
    ("agency", "expected"),
    [
        ("산업통상부 / 한국산업기술진흥원", ("산업통상부", "한국산업기술진흥원")),
        ("경상북도 / 경상북도경제진흥원", ("경상북도", "경상북도경제진흥원")),
        ("문화체육관광부 / 직접수행", ("문화체육관광부", "")),  # run by the agency itself
        ("중소벤처기업부", ("중소벤처기업부", "")),
    ],
)
def test_a_full_text_notice_names_its_agency_and_operator_apart(agency, expected):
    fields = {"title": "2026년 수출 컨설팅 지원사업 공고", "agency": agency}
    record = SourceRecord(format="fulltext_jsonl", origin="t", raw="{}", fields=fields, source_id="PBLN_9")
    program = extract_notice_program(record)
    assert (program.agency, program.operator) == expected


def _central_notice(summary: str) -> object:
    fields = {
        "pblancNm": "2026년 지능형 반도체 상용화 지원 기업 모집 공고",
        "jrsdInsttNm": "산업통상부",
        "excInsttNm": "경북대학교",
        "trgetNm": "중소기업",
        "bsnsSumryCn": summary,
    }
    return extract_notice_program(SourceRecord(format="bizinfo_json", origin="t", raw="{}", fields=fields))


def test_outside_the_capital_area_admits_the_other_sido_and_no_capital_firm():
    program = _central_notice(
        "<p>☞ 비수도권 (서울, 경기, 해외 제외) 내 본사, 지사, 연구소 중 1개 이상 소재하고 있는 "
        "국내 팹리스 전문 중소기업 및 중견기업</p>"
    )
    sidos = {r.sido for r in program.regions}
    # The bracket lists what is excluded: 인천 stays, as the notice says.
    assert not program.nationwide and len(sidos) == 15 and "인천광역시" in sidos
    assert not {"서울특별시", "경기도"} & sidos
    assert any("비수도권" in s for s in program.evidence["regions"])
    facts = ProgramFacts.from_fields(nationwide=program.nationwide, regions=program.regions)
    assert not decide(facts, FirmFacts(Region("서울특별시", "강남구"))).eligible
    in_daegu = decide(facts, FirmFacts(Region("대구광역시", "북구")))
    # Open to most of the country: no regional bonus over nationwide programs, and said so.
    assert in_daegu.eligible and in_daegu.region_level == 0
    assert in_daegu.reasons[0] == "전국 (서울·경기 제외) 기업 대상"
    refused = decide(facts, FirmFacts(Region("경기도", "화성시")))
    assert refused.reasons == ["전국 (서울·경기 제외) 기업 대상 (지역 불일치)"]

    plain = _central_notice("<p>☞ 수도권 외 지역 소재 중소기업</p>")
    assert {r.sido for r in plain.regions} & {"서울특별시", "인천광역시", "경기도"} == set()
    assert len(plain.regions) == 14
    inside = _central_notice("<p>☞ 수도권 소재 중소기업</p>")
    assert {r.sido for r in inside.regions} == {"서울특별시", "인천광역시", "경기도"}
    # '지방 소재' opening the applicants' line says the same: anywhere but the capital area.
    provincial = _central_notice("<p>☞ 지방 소재 소상공인 기업</p><p>☞ 판로 지원</p>")
    assert len(provincial.regions) == 14 and "서울특별시" not in {r.sido for r in provincial.regions}


def test_capital_area_words_that_set_no_limit():
    for summary in (
        "<p>☞ 전국 중소기업</p><p>비수도권 소재 기업에 대한 가점 신설(2점)</p>",
        "<p>☞ 전국 소공인</p><p>☞ 수도권 소재 대형마트 소공인 제품 공동 입점 추진</p>",
        "<p>☞ 전국 청년</p><p>수도권 외 지역 소재의 기업과 교육생을 매칭하여 원격 인턴십 진행</p>",
        "<p>☞ 수도권 밖으로 본사를 이전하는 기업</p>",
        "<p>모집인원 중 수도권 50명, 비수도권 150명 선발</p>",
        # Mid-sentence, '지방 소재' sets a term or a bonus for such firms, not who may apply.
        "<p>☞ 전국 중소기업</p><p>- (융자지원) 업체당 60억원 한도(운전 5억, 지방소재기업은 70억)</p>",
        "<p>☞ 전국 중소기업</p><p>※ 코디네이터 활용, 지방 소재 기업, ESG 가점을 합산하여 최대 3점</p>",
    ):
        assert _central_notice(summary).nationwide, summary


def test_a_regional_program_keeps_its_region_under_a_capital_area_limit():
    fields = {
        "pblancNm": "[울산] 2026년 청년일자리도약장려금 기업 모집 공고",
        "jrsdInsttNm": "울산광역시",
        "trgetNm": "중소기업",
        "bsnsSumryCn": "<p>☞ 비수도권 소재 5인 이상 우선지원 대상기업</p>",
    }
    program = extract_notice_program(SourceRecord(format="bizinfo_json", origin="t", raw="{}", fields=fields))
    assert program.regions == [Region("울산광역시")]


def _notice(title: str, agency: str, summary: str) -> object:
    fields = {"pblancNm": title, "jrsdInsttNm": agency, "trgetNm": "중소기업", "bsnsSumryCn": summary}
    return extract_notice_program(SourceRecord(format="bizinfo_json", origin="t", raw="{}", fields=fields))


def test_a_broad_area_named_as_where_applicants_are():
    southeast = [Region("부산광역시"), Region("울산광역시"), Region("경상남도")]
    central = _notice(
        "예비창업자 사전인큐베이팅", "중소벤처기업부", "<p>☞ 동남권역 내 창업을 희망하는 예비창업자</p>"
    )
    assert central.regions == southeast and not central.nationwide
    assert "동남권역" in central.evidence["regions"][-1]
    # Registered under one of the area's 시도, the notice is for the whole area it states (that 시도 first).
    registered = _notice("[경남] 동남권 보안 테스팅 지원사업", "경상남도", "<p>☞ 동남권 소재 ICTㆍSW기업</p>")
    assert registered.regions == [Region("경상남도"), Region("부산광역시"), Region("울산광역시")]
    # A notice spelling the area out is read as it says.
    spelt = _notice(
        "대경 지원", "산업통상부", "<p>☞ 본사 소재지가 대경권(대구ㆍ경북ㆍ울산)에 소재한 기업</p>"
    )
    assert spelt.regions == [Region("대구광역시"), Region("경상북도"), Region("울산광역시")]


def test_a_broad_area_does_not_widen_a_city_or_another_region():
    city = _notice("[경남] 김해시 전시회 참가 지원", "경상남도 김해시", "<p>☞ 동남권 소재 중소기업</p>")
    assert city.regions == [Region("경상남도", "김해시")]
    pair = _notice(
        "[경기ㆍ강원] 특화멘토링 지원사업",
        "고용노동부",
        "<p>☞ 경기ㆍ강원권역 내 소재한 성장지원센터 입주기업</p>",
    )
    assert pair.regions == [Region("경기도"), Region("강원특별자치도")]
    passing = _notice(
        "사업재편 컨설팅", "산업통상부", "<p>동남권 사업재편 현장지원센터에서 컨설팅을 지원합니다</p>"
    )
    assert passing.nationwide


def test_areas_named_side_by_side_are_arrangements_not_limits():
    per_area = _notice(
        "수출 설명회",
        "산업통상부",
        "<p>☞ 수도권 기업: 3.5 서울 설명회</p><p>☞ 충청권 기업: 3.6 대전 설명회</p>",
    )
    assert per_area.nationwide
    both = _central_notice("<p>☞ 수도권 기업은 서울에서, 비수도권 소재 기업은 온라인으로 면접</p>")
    assert both.nationwide


@pytest.mark.parametrize(
    "agency, region",
    [
        ("서울시청", Region("서울특별시")),  # an office is its government, not a central 청
        ("관악구청 (일자리벤처 과)", Region("서울특별시", "관악구")),
        ("부산광역시금정구 (일자리경 제과)", Region("부산광역시", "금정구")),  # glued to its city
        ("중기부 경기도 (벤처스타 트업과)", Region("경기도")),  # a ministry with the province running it
        ("경상북도 안동시", Region("경상북도", "안동시")),
    ],
)
def test_agency_names_as_the_startup_table_writes_them(agency, region):
    assert agency_region(default_gazetteer(), agency) == ([region], False)


def test_central_agencies_stay_central():
    assert agency_region(default_gazetteer(), "조달청") == ([], True)
    assert agency_region(default_gazetteer(), "중소벤처기업부") == ([], True)


def test_a_floor_of_years_in_business_asks_for_established_firms_not_startups():
    # '업력 3년 이상' is a floor: no reason to read the program as one for startups.
    assert extract_firm_types("업력 3년 이상 기업") == (["중소기업"], 3, None)
    assert extract_firm_types("업력 3년~7년 미만")[0] == ["창업기업"]  # a range with a ceiling is one
    # A coarse '창업벤처' category over such applicants, with no word of startups in the notice.
    body = "☞ 경상북도 내 소재한 청년이 대표로서 업력 3년 이상 기업 중 최근 3년간 매출액 성장기업"
    assert extract_firm_types("창업벤처", body, "우수 청년기업 지원사업 참여기업 모집 공고") == (
        ["중소기업"],
        3,
        None,
    )
    # The category stands when the notice itself speaks of startups, or when no floor is stated.
    assert extract_firm_types("창업벤처", "☞ 업력 1년 이상 창업기업", "창업 도약 지원")[0] == ["창업기업"]
    assert extract_firm_types("창업벤처", "☞ 성장 가능성이 높은 기업", "지원사업 공고")[0] == ["창업기업"]


@pytest.mark.parametrize(
    ("line", "least"),
    [
        ("☞ 고용보험 가입 사업장 중 일터혁신에 대한 필요성과 의지가 있는 20인 이상 사업장", 20),
        ("☞ 청년을 채용한 비수도권 내 5인 이상 우선지원 대상기업 및 산단지역의 중견기업", 5),
        ("☞ 고용보험 피보험자 10인 이상 기업", 10),
        ("☞ (제조ㆍ기타 업종) 상시근로자수 5~49인 사업장(50~299인 사업장 신청 가능)", 5),
        ("☞ 서천군 소재 상시근로자 5인 이상 고용보험 가입 기업", 5),  # 고용보험 is no hiring
        ("☞ 상시근로자 5인 이상 고용 예정 기업", None),
        # A range written with the firm, before it or in brackets after.
        ("☞ 광주 지역 5인~49인 중소기업(업종제한 없음)", 5),
        ("☞ 기업 컨설팅을 희망하는 중소기업(5인 이상~300인 이하)", 5),
        ("☞ 상시근로자 1,000인 미만 기업", None),
        ("☞ 경남 내 5인 이상 500인 이하 자동차산업 관련 기업체", 5),
        # Not a floor on the firm: a size left out, a team, a consortium, people to hire.
        ("☞ 중소기업 (상시근로자 50인 이상 기업 제외)", None),
        ("☞ 팀원 3인 이상 팀", None),
        ("☞ 4인 이상 컨소시엄", None),
        ("☞ 근로자 2명 이상 채용 예정 기업", None),
    ],
)
def test_a_least_headcount_put_before_the_firm_is_read_too(line, least):
    assert employees_minimum([line], evidence={}) == least


def test_founded_businesses_a_target_calls_gichangeopja_are_startups_within_the_limit():
    # '기창업자': those who have already founded a business, here within 7 years.
    types, _, high = extract_firm_types("예비창업자 또는 사업자등록 후 7년 미만의 기창업자")
    assert types == ["예비창업자", "창업기업"] and high == 7
    assert extract_firm_types("예비창업자 및 7년이내 기창업자 5명")[2] == 7


def test_a_headcount_that_leaves_the_owner_out_is_still_a_floor():
    line = "☞ 3년 이상 관내 사업장을 갖고 고용보험 피보험자 5인 이상(대표 제외)의 기업 등"
    assert employees_minimum([line], evidence={}) == 5
    assert employees_minimum(["☞ 중소기업 (상시근로자 50인 이상은 제외)"], evidence={}) is None


def test_a_list_of_cities_ending_in_a_stray_comma_still_limits_applicants_to_them():
    from matcher.engine.extraction.notices import stated_regions

    gaz = default_gazetteer()
    line = "※ 논산시, 금산군, 공주시, 계룡시, 보령시, 부여군, 서천군, 청양군, 소재 중소기업"
    regions, _ = stated_regions(gaz, line, hint_sidos={"충청남도"})
    assert [r.sigungu for r in regions] == [
        "논산시",
        "금산군",
        "공주시",
        "계룡시",
        "보령시",
        "부여군",
        "서천군",
        "청양군",
    ]
    # A city named beside the limit, not in its list, is not one.
    assert stated_regions(gaz, "경주시 소재 기업, 포항시 행사장")[0] == [Region("경상북도", "경주시")]


def test_years_in_business_written_with_a_particle_or_man_are_read():
    types, low, _ = extract_firm_types(
        "창업벤처", "☞ 경기도 소재 벤처기업으로 업력이 만 2년 이상인 기업", "우수 벤처기업 표창"
    )
    assert (types, low) == (["중소기업"], 2)
    assert extract_firm_types("", "☞ 업력이 1년 이상이며 매출액 기준을 충족하는 개인사업자")[1] == 1


def test_firms_inside_and_outside_a_city_are_not_limited_to_it():
    from matcher.engine.extraction.notices import stated_regions

    gaz = default_gazetteer()
    assert stated_regions(gaz, "☞ 성남시 관내외 기업 및 기관 등")[0] == []
    assert stated_regions(gaz, "☞ 성남시 관내 기업")[0] == [Region("경기도", "성남시")]
    # A time in place before the kind of presence: '정선군에 3개월 이상 사업장', '춘천시에 1년 이상 거주'.
    for line in (
        "☞ 신청일 기준 정선군에 3개월 이상 사업장을 운영한 소상공인",
        "☞ 정선군에 1년 이상 거주한 청년",
    ):
        assert stated_regions(gaz, line)[0] == [Region("강원특별자치도", "정선군")], line


@pytest.mark.parametrize(
    ("target", "types", "high"),
    [
        # '예비' written short before a startup group: would-be founders and founded startups both.
        ("예비 및 7년 이내 창업기업", ["예비창업자", "창업기업"], 7),
        ("예비 ~ 7년 이내 창업기업", ["예비창업자", "창업기업"], 7),
        ("19세 이상 39세 이하의 예비ㆍ초기 청년창업가", ["예비창업자", "창업기업"], None),
        ("광주광역시 거주자로 예비 재창업자 또는 재창업 3년 내 기업", ["예비창업자", "창업기업"], 3),
        # A ceiling written in other ways.
        ("창원시 소재 3개월 이상 3년 이내 기술창업자", ["창업기업"], 3),
        ("판매 가능한 시제품 및 서비스를 보유한 관내 창업기업 (7년 미만)", ["창업기업"], 7),
        ("예비창업자, 창업기업(7년 이내)", ["예비창업자", "창업기업"], 7),
        ("창업 3년내 기업", ["창업기업"], 3),
        # Tracks in brackets: the widest ceiling admits.
        (
            "관광분야 예비창업자, 초기기업(~3년), 성장기업(3년~7년) 등",
            ["예비창업자", "중소기업", "창업기업"],
            7,
        ),
        ("창원시 소재 1인창조기업법에 해당하는 (예비)창업자", ["예비창업자", "창업기업"], None),
        ("부산지역 사업자 등록 7년 이내자", ["창업기업"], 7),
        ("①연매출액 20억 미만 및 5년 이내 설립", ["창업기업"], 5),
        # '3년 내' about something else is no ceiling on the firm.
        ("중소기업 (3년 내 매출 10억 이상)", ["중소기업"], None),
    ],
)
def test_startup_groups_and_ceilings_written_short_are_read(target, types, high):
    found, _, ceiling = extract_firm_types(target)
    assert (found, ceiling) == (types, high)


def test_a_provinces_program_for_firms_from_elsewhere_is_open_to_every_other_province():
    gaz = default_gazetteer()
    program = extract_notice_program(
        SourceRecord(
            format="kstartup_csv",
            origin="t.csv#row1",
            raw="{}",
            title="스타트업 전북 챌린지 사업",
            text="전북 지역주력산업을 중심으로 도외 창업기업 유치",
            fields={
                "title": "스타트업 전북 챌린지 사업",
                "ministry": "전라북도 (창업지원 과)",
                "target": "전라북도 외 지역, 창업 7년 이내 기업",
            },
        )
    )
    sidos = {r.sido for r in program.regions}
    assert "전북특별자치도" not in sidos and len(sidos) == len(gaz.sidos) - 1
    assert "전라북도 외 지역, 창업 7년 이내 기업" in program.evidence["regions"]


def test_a_regional_bodys_program_for_applicants_anywhere_is_nationwide():
    def regional(summary: str):
        title = "2025년 디지털트윈 플랫폼 활용 수요기업 모집 공고"
        return _bizinfo_notice(title, summary, agency="강원특별자치도", operator="강원테크노파크")

    anywhere = regional("<p>☞ 전국 단위의 의료기기 및 디지털헬스케어 기업</p><p>☞ 플랫폼 활용 지원</p>")
    assert anywhere.nationwide and not anywhere.regions
    assert anywhere.evidence["regions"] == ["☞ 전국 단위의 의료기기 및 디지털헬스케어 기업"]
    # '전국' inside a sentence about something else leaves the province's own limit.
    local = regional("<p>☞ 강원 소재 기업</p><p>☞ 전국 최초 플랫폼 활용 지원</p>")
    assert not local.nationwide and [r.sido for r in local.regions] == ["강원특별자치도"]


def test_a_ceiling_counted_from_the_start_of_business():
    assert extract_firm_types("", "☞ 공고일 기준 창업 개시 7년 이내, 울주군 내에 소재한 중소기업")[2] == 7


def test_applicants_marked_nationwide_in_brackets_make_a_regional_notice_nationwide():
    program = _bizinfo_notice(
        "2025년 관광객 유치여행사 인센티브 지원 사업 공고",
        "<p>☞ 관광진흥법 제4조에 따라 적법하게 등록된 여행사(전국)</p><p>☞ 인센티브 지원</p>",
        agency="부산광역시",
    )
    assert program.nationwide and not program.regions


@pytest.mark.parametrize(
    ("target", "low", "high"),
    [
        # A listed group of firms with no limit of its own beside a limited one: no limit together.
        ("경영위기 및 폐업(예정) 소상공인, 재창업 1년 이내 소상공인", None, None),
        ("① 창업 7년 이내 바이오기업 ②우수 바이오 중소기업", None, None),
        # Not such a list: would-be founders (no age), 'among', a comma inside one group.
        ("예비창업기업, 창업 7년 이내 기업 (신산업분야 10년 이내)", None, 10),
        ("대표가 만19~39세인 춘천시 관내 기업 중, 창업 1~7년 이내 기업", 1, 7),
        ("창업 7년 이내 기업 중 창업펀드, AC/ VC 등의 투자를 5억 이상 유치한 기업", None, 7),
        ("「중소기업창업 지원법」 제2조에 따른 창업자, 업력 7년 미만 중소기업", None, 7),
    ],
)
def test_a_group_of_firms_listed_without_a_limit_lifts_the_others_limit(target, low, high):
    assert extract_firm_types(target)[1:] == (low, high)


def test_cities_listed_after_a_label_or_leading_the_title_are_all_the_programs():
    from matcher.engine.extraction.notices import stated_regions

    gaz = default_gazetteer()
    regions, _ = stated_regions(gaz, "※ 참여가능 지역 : 경기도 안산시, 경기도 시흥시", hint_sidos={"경기도"})
    assert regions == [Region("경기도", "안산시"), Region("경기도", "시흥시")]
    line = "- 컨설팅 지원가능 지역 : 진주시, 밀양시, 함안군, 창녕군"
    assert [r.sigungu for r in stated_regions(gaz, line)[0]] == ["진주시", "밀양시", "함안군", "창녕군"]
    prefix, _, _ = gaz.parse_title_prefix(
        "[경기] 안산시ㆍ시흥시 2025년 청년일자리도약장려금 참여기업 모집 공고"
    )
    assert prefix == [Region("경기도", "안산시"), Region("경기도", "시흥시")]


def test_a_city_program_whose_applicants_may_be_anywhere_in_its_province():
    # 중구's program for businesses in its tourist zone and in the rest of 대구.
    program = _bizinfo_notice(
        "[대구] 중구 2025년 1차 QR 다국어 메뉴판 제작 지원사업 참여 사업체 모집 공고",
        "<p>대구를 찾는 외국인 관광객의 주문 편의를 높이고자 다음과 같이 시행합니다.</p>"
        "<p>☞ 대구시 중구 “동성로관광특구 소재” 사업체 및 “중구 이외 대구시 소재” 사업체</p>"
        "<p>☞ QR 다국어 메뉴판 제작 지원</p>",
        agency="대구광역시",
    )
    assert program.regions == [Region("대구광역시")]
    facts = ProgramFacts.from_fields(nationwide=program.nationwide, regions=program.regions)
    assert decide(facts, FirmFacts(Region("대구광역시", "달서구"))).eligible
    # A province named only in the purpose: the city's own firms.
    local = _bizinfo_notice(
        "[강원] 정선군 2025년 소상공인 경영안정자금 지원계획 공고",
        "<p>강원특별자치도 소상공인의 경영안정화를 도모하고자 다음과 같이 공고합니다.</p>"
        "<p>☞ 정선군 소재 사업장을 운영한 소상공인</p><p>☞ 특례보증 및 이차보전 지원</p>",
        agency="중소벤처기업부",
    )
    assert local.regions == [Region("강원특별자치도", "정선군")]


@pytest.mark.parametrize(
    ("title", "agency", "applicants"),
    [
        (
            "[경북] 성주군 2025년 단체관광객 유치 인센티브 지원 사업 공고",
            "경상북도",
            "「관광진흥법」 제3조 및 제4조에 따른 여행업을 등록한 업체",
        ),
        (
            "[경북] 안동시 로케이션 제작지원사업(인센티브) 공고",
            "경상북도",
            "안동에서 촬영하는 국내ㆍ외 영상물 제작사",
        ),
        (
            "2025년 영화ㆍ드라마 제작 인센티브 지원사업 공고",
            "전라남도",
            "영화/드라마 제작업 등 신고를 필한 제작사</p><p>- 도내 5회차 이상 촬영 작품",
        ),
        (
            "2025년 울산 특수목적관광(SIT) 유치 지원 공고",
            "울산광역시",
            "특수목적 단체 관광객(숙박 1일ㆍ100명 이상)을 울산으로 유치하는 기관ㆍ단체ㆍ여행사 등",
        ),
    ],
)
def test_a_reward_for_visitors_or_shoots_brought_in_is_open_to_firms_anywhere(title, agency, applicants):
    program = _bizinfo_notice(title, f"<p>☞ {applicants}</p><p>☞ 인센티브 지원</p>", agency=agency)
    # The program stays its region's (its own firms see it as local); firms anywhere may apply too.
    assert not program.nationwide and {r.sido for r in program.regions} == {agency}
    assert program.outside_applicants == ACTIVITY_HERE
    assert program.evidence["regions"]


@pytest.mark.parametrize(
    ("title", "applicants", "districts"),
    [
        (
            "[전북] 전주시 소공인 사업화 지원사업 모집 공고",
            "전북특별자치도 전주시 덕진구 지역 내 10인 미만 금속가공 소공인(C25)",
            ["전주시 덕진구"],
        ),
        ("[경기] 성남시 창업기업 지원", "성남시 분당구 소재 창업기업", ["성남시 분당구"]),
        ("[경기] 성남시 창업기업 지원", "분당구ㆍ수정구 소재 창업기업", ["성남시 분당구", "성남시 수정구"]),
        # Every 구 of the city named, a preference, or a 구 not where applicants are: no limit.
        ("[경북] 포항시 기업 지원", "포항시 남구, 북구 소재 중소기업", []),
        ("[경기] 성남시 창업기업 지원", "성남시 소재 창업기업 (분당구 소재 기업 우대)", []),
        ("[경기] 성남시 창업기업 지원", "성남시 소재 창업기업 (문의: 분당구청 기업지원과)", []),
    ],
)
def test_a_district_of_a_city_named_as_where_applicants_are_limits_them(title, applicants, districts):
    # The title's tag and city place the program; the agency is the 시도's, as Bizinfo records it.
    sido = {"[전북]": "전북특별자치도", "[경기]": "경기도", "[경북]": "경상북도"}[title.split()[0]]
    program = _bizinfo_notice(title, f"<p>☞ {applicants}</p><p>☞ 사업화 지원</p>", agency=sido)
    assert program.district_limits == districts
    assert program.evidence.get("district_limits", []) == ([f"☞ {applicants}"] if districts else [])


@pytest.mark.parametrize(
    ("title", "applicants", "outside", "city"),
    [
        (
            "2025년 화성시 단체관광객 유치 인센티브 지원사업 공고",
            "여행업 등록을 필한 여행사",
            ACTIVITY_HERE,
            "화성시",
        ),
        (
            "하남시 기업 투자유치 보조금 모집 공고",
            "하남시 관내 신설ㆍ이전ㆍ확장을 계획 중인 기업",
            MOVING_IN,
            "하남시",
        ),
    ],
)
def test_a_program_bringing_visitors_or_firms_in_is_the_city_its_title_names(
    title, applicants, outside, city
):
    # Registered under the 시도; the sentence about attracting, which names no limit, is the title here.
    program = _bizinfo_notice(title, f"<p>☞ {applicants}</p><p>☞ 보조금 지원</p>", agency="경기도")
    assert program.outside_applicants == outside
    assert program.regions == [Region("경기도", city)]


def test_a_reward_for_visitors_brought_in_by_local_agencies_keeps_their_city():
    program = _bizinfo_notice(
        "[경북] 성주군 2025년 단체관광객 유치 인센티브 지원 사업 공고",
        "<p>☞ 성주군 소재 여행업 등록 업체</p><p>☞ 인센티브 지원</p>",
        agency="경상북도",
    )
    assert program.regions == [Region("경상북도", "성주군")]
    # Investment brought in is not a visitor: a local startup program stays local.
    startups = _bizinfo_notice(
        "[대전] 2025년 스타트업 투자 유치 지원 사업 참가자 모집 공고",
        "<p>☞ 창업 7년 이내 기업</p><p>☞ IR 지원</p>",
        agency="대전광역시",
    )
    assert startups.regions == [Region("대전광역시")]


@pytest.mark.parametrize(
    ("category", "applicants", "types"),
    [
        # Bizinfo's one-word category is coarse: the applicants' lines name who else may apply.
        ("중소기업", "국내 중소ㆍ중견 제조기업", ["중소기업", "중견기업"]),
        ("중소기업", "전국 마이크로바이옴 관련 중소/중견기업", ["중소기업", "중견기업"]),
        ("소상공인", "충북도내 소상공인 및 예비창업자", ["소상공인", "예비창업자"]),
        ("중소기업", "충청남도 소재 중소기업, 소상공인 및 예비창업자", ["중소기업", "예비창업자"]),
        # Only would-be founders under '창업벤처'.
        ("창업벤처", "울산시에 주소를 둔 사업자등록을 하지 않은 예비창업자", ["예비창업자"]),
        ("창업벤처", "창업 예정이거나 아이디어를 가진 도민", ["예비창업자"]),
        ("창업벤처", "세종시를 주소지로 둔 관내 청년 (예비)창업가", ["창업기업", "예비창업자"]),
        # Named to be left out.
        ("중소기업", "중소기업(중견기업 제외)", ["중소기업"]),
    ],
)
def test_a_coarse_category_takes_the_types_its_applicants_lines_name(category, applicants, types):
    program = _bizinfo_notice(
        "2025년 지원사업 공고", f"<p>☞ {applicants}</p><p>☞ 사업화 지원</p>", target=category
    )
    assert program.firm_types == types


def test_a_target_cell_is_read_as_written_not_widened_by_the_body():
    # A 통합공고 target cell says who may apply in full; the body's words do not add a type.
    types, _, _ = extract_firm_types("관내 중소기업", "☞ 중소ㆍ중견기업 협력 네트워크 운영\n☞ 지원")
    assert types == ["중소기업"]


@pytest.mark.parametrize(
    "applicants",
    [
        "전국 청년(18 ~ 45세) 예비(초기)창업가 5팀",
        "만 18세~39세 이하, 예비창업자 및 창업 7년 이내 기업 (전국 대상)",
        "타 시도 및 도내 예비창업자 및 7년 이내 기창업자",
        "전국의 중견ㆍ중소기업 산업계 지원(지역제한 없음)",
    ],
)
def test_a_regional_body_s_program_for_applicants_anywhere(applicants):
    program = _bizinfo_notice(
        "2025년 디지털 무역 지원사업 공고", f"<p>☞ {applicants}</p><p>☞ 마케팅 지원</p>", agency="부산광역시"
    )
    assert program.nationwide, applicants


def test_a_region_preferred_is_no_limit():
    program = _bizinfo_notice(
        "2025년 디지털커머스 지원사업 모집 공고",
        "<p>☞ 소상공인(광주광역시 및 전라남도 소상공인 우선지원)</p><p>☞ 라이브커머스 지원</p>",
        agency="중소벤처기업부",
    )
    assert program.nationwide and program.regions == []


def test_words_of_the_whole_country_outside_the_applicants_lines_set_no_limit():
    program = _bizinfo_notice(
        "2025년 디지털 무역 지원사업 공고",
        "<p>전 국민 누구나 수출할 수 있도록 지원합니다.</p>"
        "<p>☞ 국내 사업자등록증을 소지하고 있는 기업</p><p>☞ 국내 전시회 참가 지원</p>",
        agency="부산광역시",
    )
    # 국내 alone sets firms at home against those abroad, not one region against the country.
    assert program.regions == [Region("부산광역시")]


@pytest.mark.parametrize(
    "line",
    [
        "☞ 국내 사업자등록증을 소지하고 있는 모든 기업",
        "☞ 대한민국에 거주지를 두고 있는 (예비)창업가",
        "☞ 전국 기업 대상 대구지역 내 연구소 설립 희망 기업",
        "☞ 관내⋅외 7년 이하 청년창업기업",
        "☞ (전국)창업 3년 이상 7년 이내 기업 25개사",
    ],
)
def test_applicants_lines_that_plainly_admit_the_whole_country_open_a_regional_program(line):
    program = _bizinfo_notice(
        "2025년 지원사업 공고", f"<p>{line}</p><p>☞ 사업화 지원</p>", agency="대구광역시", target="창업벤처"
    )
    assert program.nationwide and program.regions == []
    assert program.outside_applicants == ""
    assert program.evidence["regions"] == [line]


@pytest.mark.parametrize(
    "line",
    [
        # Applicants who move in: from outside, or once chosen.
        "☞ 시 외에서 대구 테크노폴리스 이전 및 신설 중소기업(본사, 공장, 연구소 등)",
        "☞ 19세이상~39세이하 청년 ※ 선정후 대구시로 전입신고를 반드시 해야 함",
        "☞ 대구소재 또는 대구시 기업이전 예정인 7년 이내 창업기업",
        "☞ 타 지역에 주소지를 두고 있더라도 협약 후 3개월 이내 대구 내 본사를 이전 할 수 있는 기업",
        "☞ 대구 거주(예정)자로 신규 고용 창출을 희망하는 7년 이내 창업자",
        "☞ 타 시군에 주소를 두고 대구에서 창업하고자 하는 청년 (예비)창업자",
        "☞ 대구시 관내 신설ㆍ이전ㆍ확장을 계획 또는 추진 중인 기업",
    ],
)
def test_applicants_who_move_in_keep_the_region_and_admit_firms_from_outside(line):
    program = _bizinfo_notice(
        "2025년 지원사업 공고", f"<p>{line}</p><p>☞ 사업화 지원</p>", agency="대구광역시", target="창업벤처"
    )
    assert not program.nationwide and program.regions == [Region("대구광역시")]
    assert program.outside_applicants == MOVING_IN
    assert program.evidence["regions"] == [line]


def test_a_central_program_for_firms_that_move_stays_nationwide():
    # No region of its own to move into: the whole country, and nobody 'outside'.
    program = _bizinfo_notice(
        "2025년 지원사업 공고",
        "<p>☞ 선정 후 사업장을 설치할 수 있는 기업</p><p>☞ 사업화 지원</p>",
        agency="중소벤처기업부",
    )
    assert program.nationwide and program.regions == [] and program.outside_applicants == ""


@pytest.mark.parametrize(
    ("target", "low"),
    [
        ("달성군 내 5년 이상 운영 중인 사업장을 둔 소상공인", 5.0),
        ("남구 관내 3개월 이상 영업 중인 소상공인", 0.25),
        ("신청일 현재 사업자등록증 상 개업연월일로부터 6개월 이상 경과한 소상공인", 0.5),
        ("사업 개시 1년 경과한 노사협의회 설치 사업장", 1.0),
        # Not a time in business: a record, or the lower end of a range read as a range.
        ("1년 이상 운영한 실적이 있는 기관", None),
    ],
)
def test_time_in_business_written_as_trading_sets_the_least_업력(target, low):
    assert extract_firm_types(target)[1] == low


def test_a_founding_planned_within_a_year_is_no_업력_limit():
    target = "바이오 전 분야 창업 초기기업 관계자 및 창업 예정자(1년 이내 창업 예정자)"
    assert extract_firm_types(target)[2] is None


def _notice_on(day: date, summary: str, *, target: str = "창업벤처") -> object:
    fields = {"pblancNm": "2025년 아이디어 사업화 지원 공고", "jrsdInsttNm": "중소벤처기업부"}
    fields |= {"trgetNm": target, "bsnsSumryCn": summary}
    record = SourceRecord(format="bizinfo_json", origin="t", raw="{}", fields=fields, published_on=day)
    return extract_notice_program(record)


@pytest.mark.parametrize(
    ("line", "low", "high"),
    [
        # Founded after the cut-off: at most that old on the notice's date (0.41 years, rounded up).
        ("※ 기창업자는 2025.01.01. 이후 창업자만 가능", None, 0.5),
        ("☞ 2025년 1월 1일 이후 창업자 및 예비창업자", None, 0.5),
        # Founders of the notice's own year.
        ("☞ 사업자등록을 하지 않은 예비 창업자 또는 2025년도 창업자", None, 0.5),
        ("☞ 예비창업자 및 2025년 신규창업자", None, 0.5),
        # Founded before it: at least that old (rounded down).
        ("☞ 창업일 기준 2023년 1월 1일 이전인 기업", 2.4, None),
        ("☞ 개업일 2024. 4. 23. 이전(공고일 기준 1년이상 영업)", 1.1, None),
        # In business in the area since then: it existed by that date.
        ("☞ 2024.1.1. 이전부터 대구시에 사업자등록증명원 소재지 및 주소지 유지", 1.4, None),
        # Not a limit: a reference date, a cut-off after the notice.
        ("※ 2025년 1월 1일 이후 창업자는 예비창업자로 간주", None, None),
        ("☞ 2027년 12월 31일 이전에 해당업종으로 창업한 중소기업", None, None),
        ("☞ 2025년 창업기업 신규고용 보조금 지원 대상 기업", None, None),
    ],
)
def test_a_founding_date_cut_off_limits_업력_as_of_the_notice(line, low, high):
    program = _notice_on(date(2025, 5, 30), f"<p>☞ 예비창업자</p><p>{line}</p><p>☞ 시제품 제작 지원</p>")
    assert (program.years_min, program.years_max) == (low, high)
    if high is not None:
        facts = ProgramFacts.from_fields(
            nationwide=True, regions=[], firm_types=program.firm_types, years_max=program.years_max
        )
        assert decide(facts, FirmFacts(Region("서울특별시"), firm_type="창업기업", years=0)).eligible
        assert not decide(facts, FirmFacts(Region("서울특별시"), firm_type="창업기업", years=1)).eligible


def test_a_special_category_the_text_never_names_does_not_decide_who_may_apply():
    # Bizinfo filed an emissions-reduction investment under '장애인기업'; its text admits any domestic firm.
    program = _bizinfo_notice(
        "2025년 온실가스 국제감축사업(투자지원) 공고",
        "<p>☞ 국내기업이 해외에서 수행하는 국제감축사업</p><p>☞ 사업비 투자 지원</p>",
        target="장애인기업",
    )
    assert "장애인기업" not in program.firm_types
    # A notice for disabled founders keeps the category its words support.
    program = _bizinfo_notice(
        "2025년 장애인 창업 컨설팅 지원 대상자 모집 공고",
        "<p>☞ 장애인 예비창업자 및 창업 7년 이내 기업</p><p>☞ 컨설팅 지원</p>",
        target="장애인기업",
    )
    assert "장애인기업" in program.firm_types


@pytest.mark.parametrize(
    ("target", "admitted", "not_admitted"),
    [
        ("7년 미만 창업기업 (예비창업자 제외)", {"창업기업"}, {"예비창업자"}),
        ("예비 여성창업자 및 3년 이내 초기 여성창업자", {"예비창업자", "창업기업"}, set()),
        ("설립 3년 미만의 기술 기반 스타트업 또는 예비 스타트업", {"예비창업자", "창업기업"}, set()),
        ("서초구 예비‧초기 창업자, 폐업(예정)자", {"예비창업자", "창업기업"}, set()),
        ("예비청년창업자, 청년창업 자, 기타", {"예비창업자", "창업기업"}, set()),
        ("주소와 창업 예정지인 사업장이 김제시로 되어있는 예비 소상공인", {"예비창업자"}, {"소상공인"}),
    ],
)
def test_would_be_founders_are_read_however_the_target_writes_them(target, admitted, not_admitted):
    types = set(extract_firm_types(target)[0])
    assert admitted <= types
    assert not (not_admitted & types)


def test_a_coarse_category_takes_the_kinds_of_firm_the_applicants_lines_name():
    only_small = _bizinfo_notice(
        "북구 2025년 소상공인 경영안정자금 지원사업 공고",
        "<p>☞ 북구에 사업장을 두고 3개월 이상 영업 중인 소상공인</p><p>☞ 융자 지원</p>",
        target="중소기업",
    )
    assert only_small.firm_types == ["소상공인"]
    small_firms_too = _bizinfo_notice(
        "2025년 소기업ㆍ소상공인 컨설팅 지원사업 모집 공고",
        "<p>☞ 전년도 매출 10억 원 미만의 소기업ㆍ소상공인</p><p>☞ 컨설팅 지원</p>",
        target="소상공인",
    )
    assert set(small_firms_too.firm_types) == {"소상공인", "중소기업"}
    # A definition of 소상공인 that names the 중소기업기본법 admits no other firm.
    defined = _bizinfo_notice(
        "북구 소상공인 종합컨설팅 지원사업 모집 공고",
        "<p>☞ 북구 소재 소상공인</p><p>- 소상공인 : 「중소기업기본법」 상 소기업 중 상시근로자 5인 미만</p>"
        "<p>☞ 컨설팅 지원</p>",
        target="소상공인",
    )
    assert defined.firm_types == ["소상공인"]
    ventures = _bizinfo_notice(
        "2025년 벤처기업 공동채용 참여기업 모집 공고",
        "<p>☞ 현재 벤처기업이거나, 과거 벤처기업확인 이력이 있는 기업</p><p>☞ 채용 지원</p>",
        target="창업벤처",
    )
    assert ventures.firm_types == ["중소기업"]  # a venture firm of any age, not only a startup
    either = _bizinfo_notice(
        "2025년 벤처나라 추천 지원사업 모집 공고",
        "<p>☞ 비식품 분야 창업기업 또는 벤처기업이며 직접 생산하는 기업</p><p>☞ 판로 지원</p>",
        target="창업벤처",
    )
    assert set(either.firm_types) == {"창업기업", "중소기업"}
    beside = _bizinfo_notice(
        "2025년 지역 창업ㆍ벤처기업 지원사업 모집 공고",
        "<p>☞ 울산 지역 내 중소기업 중 창업ㆍ벤처기업</p><p>☞ 사업화 자금 지원</p>",
        target="창업벤처",
    )
    assert set(beside.firm_types) == {"창업기업", "중소기업"}  # ventures of any age beside startups


@pytest.mark.parametrize(
    ("target", "low"),
    [
        ("창원시 내 동일 소재지 및 영업주 영업 기간 2년 이상 일반음식점", 2.0),
        ("인천시 관내 소재 1년 이상 정상 가동 중인 기업ㆍ기관", 1.0),
        ("공고일 기준 관내에서 1년 이상 사업 영위 실적이 있는 중소기업", 1.0),
        ("용인시 관내에 본사 또는 공장을 두고 2년 이상 계속하여 운영 중인 중소기업", 2.0),
        ("수도권과밀억제권역 내 3년 이상 계속하여 본사를 둔 법인", 3.0),
        ("공고일 현재 관내에 1년 이상 주사무소를 두고 활동 중인 사회적경제기업", 1.0),
    ],
)
def test_time_in_business_written_as_running_the_business_sets_the_least_업력(target, low):
    assert extract_firm_types(target)[1] == low


def test_the_applicants_lines_state_업력_without_naming_a_target():
    program = _bizinfo_notice(
        "2025년 디자인 지원사업 추가 모집 공고",
        "<p>☞ 다음을 모두 갖춘 기업</p>"
        "<p>- (수혜기업) 공고일 기준 창업 후 6개월 이상 경과된 전북 소재 기업</p>"
        "<p>☞ 디자인 개발 지원</p>",
    )
    assert program.years_min == 0.5
    # Lines that are alternatives bind only their own kind of firm; a would-be founder's plan binds none.
    for lines in (
        "<p>☞ 아래 어느 하나에 해당하는 기업</p><p>- 창업기업</p><p>- 신규 창업 3년 이내 기업</p>",
        "<p>☞ 사회적기업</p>"
        "<p>- 사업자등록을 하지 않은 창업팀으로서, 1년 이내 법인 설립 계획이 있는 경우</p>",
    ):
        program = _bizinfo_notice("2025년 지원사업 공고", f"{lines}<p>☞ 자금 지원</p>")
        assert (program.years_min, program.years_max) == (None, None)


def test_lines_that_each_name_their_own_track_admit_what_any_track_admits():
    program = _bizinfo_notice(
        "2026년 중소기업 성장사다리 지원사업 참여기업 모집 공고",
        "<p>☞ 칠곡군 내 본사를 둔 중소기업</p><p>- (유망기업) 창업 7년 이내 연매출 30억 미만 제조업</p>"
        "<p>- (스타기업) 창업 3년 이상 연매출 30억 이상 제조업</p><p>☞ 사업화 지원</p>",
    )
    assert (program.years_min, program.years_max) == (None, None)
    # One labelled line is no choice of tracks.
    program = _bizinfo_notice(
        "2026년 지원사업 공고", "<p>☞ 칠곡군 내 중소기업</p><p>- (업력) 창업 7년 이내</p><p>☞ 사업화 지원</p>"
    )
    assert (program.years_min, program.years_max) == (None, 7.0)


@pytest.mark.parametrize(
    "line",
    [
        "☞ 본사를 수도권과밀억제권역 밖으로 이전하는 내국법인",
        "☞ 대도시 외의 지역으로 공장을 이전하는 기업",
        "☞ 수도권(중소기업은 수도권과밀억제권역) 밖으로 공장을 이전하는 기업",
    ],
)
def test_a_national_program_for_firms_leaving_the_capital_area_is_for_firms_in_it(line):
    program = _bizinfo_notice(
        "공장 이전에 대한 과세특례 안내", f"<p>{line}</p><p>☞ 양도차익 익금불산입</p>", agency="기획재정부"
    )
    assert not program.nationwide
    assert program.regions == [Region("서울특별시"), Region("인천광역시"), Region("경기도")]
    facts = ProgramFacts.from_fields(nationwide=program.nationwide, regions=program.regions)
    assert decide(facts, FirmFacts(Region("경기도", "화성시"))).eligible
    assert not decide(facts, FirmFacts(Region("경상북도", "구미시"))).eligible
    # Moving in is another matter: a regional program keeps its region.
    program = _bizinfo_notice(
        "2025년 기업 유치 지원 공고", f"<p>{line}</p><p>☞ 이전 보조금 지원</p>", agency="전라남도"
    )
    assert program.regions == [Region("전라남도")]


def test_a_list_of_bare_city_names_shares_the_place_word_after_its_last_member():
    program = _bizinfo_notice(
        "[경북] 산불재난지역 기업 지원사업 참여기업 모집 공고",
        "<p>☞ 안동, 의성, 청송, 영양, 영덕 내 산불로 인해 피해를 입은 기업</p><p>☞ 복구 지원</p>",
        agency="경상북도",
    )
    assert [r.sigungu for r in program.regions] == ["안동시", "의성군", "청송군", "영양군", "영덕군"]
    # Words that only look like stems ('영양' is also nutrition) stay words without such a list.
    assert default_gazetteer().find_mentions("영양, 건강 내 기업") == []


def test_an_attached_notice_states_the_least_headcount_under_its_eligibility_heading():
    pdf_text = (
        "4. 지원 자격 및 요건\n□ (지원자격) 아래의 요건을 모두 충족하는 기업\n- 참여기업 자격 요건\n"
        "· 포항시 소재 사업장을 둔 상시 근로자 수 5인 이상 500인 이하 중소기업\n"
        "5. 가점\n· 상시 근로자 수 50인 이상 기업 우대\n"
    )
    fields = {
        "title": "포항시 2026년 일자리 공감페이 참여기업 모집 공고",
        "bsnsSumryCn": "<p>☞ 포항시 소재 중소기업</p><p>☞ 임금 격차 해소 지원금</p>",
        "pdf_text": pdf_text,
    }
    record = SourceRecord(format="fulltext_jsonl", origin="t", raw="{}", fields=fields, source_id="PBLN_9")
    program = extract_notice_program(record)
    assert program.employees_min == 5
    assert "5인 이상" in program.evidence["employees_min"][0]
    # A line labelled as a size requirement is one, far from any heading.
    fields["pdf_text"] = "\n".join(["- 업종 표"] * 10 + ["- - (규모요건) 상시근로자 5인 이상인 중소기업"])
    assert extract_notice_program(record).employees_min == 5
    # The same words under no eligibility heading (a bonus, a background) set no floor.
    fields["pdf_text"] = "1. 추진배경\n· 상시 근로자 수 5인 이상 기업의 인력난 해소\n"
    assert extract_notice_program(record).employees_min is None


@pytest.mark.parametrize(
    "line",
    [
        "☞ 신성장ㆍ원천기술연구개발비가 있는 내국인",
        "☞ 인천소재 XRㆍ메타버스 관련 기업, 기관, 단체",
        "☞ 소방산업 종사자(개인) 및 기업(단체)",
    ],
)
def test_applicants_plainly_of_any_size_are_not_limited_to_bizinfos_sme_category(line):
    program = _bizinfo_notice("2025년 지원 안내", f"<p>{line}</p><p>☞ 세액공제</p>", target="중소기업")
    assert program.firm_types == []
    facts = ProgramFacts.from_fields(nationwide=True, regions=[], firm_types=program.firm_types)
    assert decide(facts, FirmFacts(Region("서울특별시"), firm_type="예비창업자")).eligible
    # A line naming firms without a size keeps the category: most such notices are for SMEs.
    program = _bizinfo_notice(
        "2025년 지원 안내", "<p>☞ 경기도 소재 제조기업</p><p>☞ 세액공제</p>", target="중소기업"
    )
    assert program.firm_types == ["중소기업"]


@pytest.mark.parametrize(
    "line",
    [
        "☞ 가업상속재산을 상속받은 상속인",
        "☞ 벤처기업의 임원 또는 종업원",
        "☞ 거주자가 2026년 12월 31일까지 전용계좌에 가입하고 투자하여 발생하는 배당소득",
    ],
)
def test_a_tax_guide_claimed_by_a_person_is_offered_to_no_firm(line):
    program = _bizinfo_notice("가업상속 안내(2025년 중소기업 조세지원)", f"<p>{line}</p><p>☞ 납부유예</p>")
    assert program.firm_types == ["학교·학생·개인"]
    assert program.evidence["firm_types"] == [line]


@pytest.mark.parametrize(
    "lines",
    [
        "<p>☞ 울산 소재 조선업체에 2025.3.14. 이후 신규 입사</p>",
        # A firm named as where the person works, the line wrapped by a hard line break.
        "<p>☞ 지원받는(우선지원대상기업) 도내 사업장에 육아\n휴직 대체인력으로 고용ㆍ파견된 근로자</p>",
    ],
)
def test_money_paid_to_workers_is_offered_to_no_firm(lines):
    program = _bizinfo_notice("근로자 지원금 사업 참여자 모집 공고", f"{lines}<p>☞ 1인당 200만원 지원</p>")
    assert program.firm_types == ["학교·학생·개인"]


def test_a_person_listed_beside_a_firm_leaves_the_program_to_firms():
    program = _bizinfo_notice(
        "법인의 지방 이전에 대한 지방세 감면 안내",
        "<p>☞ 농업회사법인, 농업인, 농업회사법인에 출자한 거주자</p><p>☞ 취득세 면제</p>",
    )
    assert "학교·학생·개인" not in program.firm_types


def test_more_ways_to_write_업력_and_startups():
    # A floor written as carrying on the business ('2년 이상 계속하여 공장시설을 갖추고 사업을 하는').
    assert extract_firm_types("2년 이상 계속하여 공장시설을 갖추고 사업을 하는 중소기업")[1] == 2.0
    # A ceiling with the sector between the years and the founder ('7년 미만 제조업 창업자').
    assert extract_firm_types("18세~39세 청년 (예비 창업자, 7년 미만 제조업 창업자)")[2] == 7.0
    # Early-stage firms are startups, not any SME.
    assert extract_firm_types("청년 예비창업자 및 창업초기기업")[0] == ["예비창업자", "창업기업"]
    assert extract_firm_types("창업 초기 중소기업 및 예비 창업자")[0] == ["예비창업자", "창업기업"]


@pytest.mark.parametrize("line", ["☞ 성남시 관내외 기업 및 기관 등", "☞ 미국 진출 희망 국내외 기업"])
def test_firms_inside_and_outside_open_a_regional_program(line):
    program = _bizinfo_notice("2025년 지원사업 공고", f"<p>{line}</p><p>☞ 상담 지원</p>", agency="경기도")
    assert program.nationwide


@pytest.mark.parametrize(
    ("target", "types"),
    [
        # Would-be founders written without the word 예비창업자.
        ("만18세~39세 창업을 희망하는 미취업 청년", ["예비창업자"]),
        ("만19세~39세 이하 사업자등록이 없는 남원시 관내 청년", ["예비창업자"]),
        # Student clubs that would found a business are no business yet.
        ("고교 및 대학 창업동아리", ["학교·학생·개인"]),
        # Firms of any age named beside startups keep 중소기업.
        ("강원도내 벤처·창업 기업", ["창업기업", "중소기업"]),
        ("카이스트 학생·교원, 스타트업 및 중소벤처기업", ["창업기업", "중소기업"]),
        ("충북 소재 바이오 분야 벤처 및 스타트업 기업", ["창업기업", "중소기업"]),
        # A law's name is no applicant.
        ("중소기업창업 지원법상 (예비)창업기업", ["예비창업자", "창업기업"]),
        # '(초기)' beside would-be founders admits early founders too; women's startups are for women.
        ("전국 청년(18 ~ 45세) 예비(초기)창업가 5팀", ["예비창업자", "창업기업"]),
        ("여성예비창업자, 창업 3년 이내 여성창업기업", ["예비창업자", "창업기업", "여성기업"]),
        ("예비창업자 및 7년 이내 창업기업", ["예비창업자", "창업기업"]),
    ],
)
def test_more_ways_to_name_who_may_apply(target, types):
    assert extract_firm_types(target)[0] == types


def test_업력_in_months():
    assert extract_firm_types("예비창업자 및 업력 6개월 이내 스타트업")[1:] == (None, 0.5)
    assert extract_firm_types("창원시 소재 3개월 이상 3년 이내 기술창업자")[1:] == (0.25, 3.0)


@pytest.mark.parametrize(
    ("line", "admits_any"),
    [
        ("☞ 싱가포르 진출을 희망하는 콘텐츠기업(대기업, 중견기업, 중소기업, 벤처기업 등 법인사업자)", True),
        ("☞ 중소기업, 중견기업, 대기업, 대학, 연구기관 등", True),
        # A large firm in another role than applicant.
        ("☞ 대전 소재 중소기업 - 국내 대기업 및 중소기업과의 납품계약 실적 보유", False),
        ("☞ 중소ㆍ중견기업 ※ 대기업은 참여기업으로 수행 가능", False),
    ],
)
def test_applicants_of_every_size_listed_are_any_firm(line, admits_any):
    program = _bizinfo_notice("2025년 지원사업 공고", f"<p>{line}</p><p>☞ 지원</p>", target="중소기업")
    assert (program.firm_types == []) is admits_any


def test_a_notice_saying_residence_does_not_matter_is_open_everywhere():
    program = _bizinfo_notice(
        "2026년 창업지원센터 신규 입주자 모집 공고",
        "<p>☞ 아래 요건을 모두 갖춘 자</p><p>① 만 19세 이상 성인 ② 거주지 제한 없음</p>"
        "<p>☞ 입주 공간 지원</p>",
        agency="충청남도",
    )
    assert program.nationwide and program.evidence["regions"] == ["① 만 19세 이상 성인 ② 거주지 제한 없음"]


def test_years_of_a_workplace_held_in_the_area_are_years_in_business():
    target = "공고일 기준 3년 이상 관내 사업장을 갖고 고용보험 피보험자 5인 이상의 기업"
    assert extract_firm_types(target)[1] == 3.0


@pytest.mark.parametrize(
    "line",
    [
        "☞ 「관광진흥법」에 따라 여행업으로 등록한 업체",
        "☞ 모든 대ㆍ중ㆍ소기업",
    ],
)
def test_applicants_defined_by_a_licence_or_of_every_size_are_any_firm(line):
    program = _bizinfo_notice("2025년 관광객 유치 인센티브 지원 공고", f"<p>{line}</p><p>☞ 인센티브</p>")
    assert program.firm_types == []


@pytest.mark.parametrize(
    "line", ["☞ 벤처기업의 주주", "☞ 국내에서 연구개발 업무에 종사하는 외국인 기술자", "☞ 주택 소유자"]
)
def test_more_persons_that_claim_a_program(line):
    program = _bizinfo_notice("과세특례 안내", f"<p>{line}</p><p>☞ 소득세 감면</p>")
    assert program.firm_types == ["학교·학생·개인"]


def test_being_in_business_in_the_area_since_a_date_sets_the_least_업력():
    program = _notice_on(
        date(2025, 1, 20),
        "<p>☞ 2023. 8. 1. 이전부터 김해시에 소재(본사 또는 주공장)한 기업</p><p>☞ 인증</p>",
        target="중소기업",
    )
    assert program.years_min == 1.4
    assert extract_firm_types("관내에서 1년 이상 계속하여 영업을 유지하고 있는 소상공인")[1] == 1.0


def test_a_note_listing_a_sidos_cities_by_its_own_names_limits_the_program_to_them():
    # 구 names other metropolitan cities share ('중구', '동구'), and a 군 without its '군' ('강화').
    incheon = _bizinfo_notice(
        "2025년 국내ㆍ외 지식재산(IP)권리화 지원사업 모집 공고",
        "<p>☞ 인천소재 중소기업</p><p>- 본사 소재지 기준</p>"
        "<p>- 중구, 동구, 미추홀구, 연수구, 남동구, 부평구, 계양구, 서구, 강화</p><p>☞ 권리화 지원</p>",
        agency="인천광역시",
    )
    assert [r.sigungu for r in incheon.regions] == [
        "중구",
        "동구",
        "미추홀구",
        "연수구",
        "남동구",
        "부평구",
        "계양구",
        "서구",
        "강화군",
    ]
    ongjin = FirmFacts(Region("인천광역시", "옹진군"))
    facts = ProgramFacts.from_fields(nationwide=False, regions=[r.as_dict() for r in incheon.regions])
    assert not decide(facts, ongjin).eligible
    assert decide(facts, FirmFacts(Region("인천광역시", "서구"))).eligible
    # Thirteen of 강원's eighteen, all without 시/군.
    gangwon = _bizinfo_notice(
        "[강원] 2025년 소상공인 IP출원지원 수혜 소상공인 모집 공고",
        "<p>☞ 도내 13개시군 소재 소상공인</p>"
        "<p>※ 춘천, 원주, 속초, 홍천, 횡성, 영월, 평창, 철원, 화천, 양구, 인제, 고성, 양양</p>"
        "<p>☞ 상표출원 지원</p>",
        agency="강원특별자치도",
    )
    assert len(gangwon.regions) == 13 and Region("강원특별자치도", "고성군") in gangwon.regions
    assert Region("강원특별자치도", "강릉시") not in gangwon.regions


@pytest.mark.parametrize(
    "note",
    [
        "<p>- 중구, 동구, 미추홀구, 연수구, 남동구, 부평구, 계양구, 서구, 강화군, 옹진군</p>",  # every city
        "<p>- 중구, 동구, 해운대구</p>",  # a 구 of another city
        "<p>- 장소: 중구, 동구, 서구</p>",  # a label: where something happens, not a list alone
        "<p>- 중구, 동구</p>",  # two are no list
    ],
)
def test_a_note_that_is_not_a_list_of_the_sidos_cities_leaves_it_whole(note):
    program = _bizinfo_notice(
        "2025년 지원사업 모집 공고", f"<p>☞ 인천소재 중소기업</p>{note}<p>☞ 지원</p>", agency="인천광역시"
    )
    assert program.regions == [Region("인천광역시")]


def test_social_economy_firms_are_social_enterprises_and_cooperatives_both():
    program = _bizinfo_notice(
        "2025년 사회적경제기업 경영컨설팅 참여기업 모집 공고",
        "<p>☞ 고양시 소재 사회적경제기업</p><p>☞ 컨설팅 지원</p>",
        target="사회적기업",
    )
    assert {"사회적기업", "협동조합"} <= set(program.firm_types)
    facts = ProgramFacts.from_fields(nationwide=True, regions=[], firm_types=program.firm_types)
    seoul = Region("서울특별시")
    assert decide(facts, FirmFacts(seoul, firm_type="중소기업", special_types=("협동조합",))).eligible
    assert not decide(facts, FirmFacts(seoul, firm_type="중소기업")).eligible


def test_a_note_that_only_lists_cities_limits_a_sido_program_to_them():
    program = _bizinfo_notice(
        "2025년 마케팅 지원 사업 참여 기업 모집 공고",
        "<p>☞ 대전상공회의소 관할 충남 8개 시군 소재 중소기업</p>"
        "<p>※ 논산시, 금산군, 공주시, 계룡시, 보령시, 서천군, 청양군, 부여군</p><p>☞ 홍보물 제작 지원</p>",
        agency="충청남도",
    )
    assert [r.sigungu for r in program.regions] == [
        "논산시",
        "금산군",
        "공주시",
        "계룡시",
        "보령시",
        "서천군",
        "청양군",
        "부여군",
    ]
    # Cities named in running text are no such list.
    program = _bizinfo_notice(
        "2025년 지원 공고",
        "<p>☞ 충남 소재 중소기업</p><p>※ 논산시, 금산군, 공주시에서 설명회를 엽니다</p><p>☞ 지원</p>",
        agency="충청남도",
    )
    assert program.regions == [Region("충청남도")]


def test_an_award_whose_nominees_are_people_or_bodies_admits_firms_of_any_size():
    program = _bizinfo_notice(
        "2025년 상생협력형 R&D사업 유공 포상 대상자 모집 공고",
        "<p>☞ 상생협력에 기여한 자 또는 기관</p><p>☞ 장관 표창</p>",
        target="중소기업",
    )
    assert program.firm_types == []
    # Not an award: the category stays.
    program = _bizinfo_notice(
        "2025년 상생협력 지원사업 공고", "<p>☞ 상생협력에 참여하는 기관</p><p>☞ 지원</p>", target="중소기업"
    )
    assert program.firm_types == ["중소기업"]


def test_a_special_category_over_women_or_disabled_people_only_as_workers_restricts_nobody():
    program = _bizinfo_notice(
        "[광주] 2025년 일터혁신 컨설팅 참여기업 모집 공고",
        "<p>여성의 경력단절 예방을 위해 참여 기업을 모집합니다.</p>"
        "<p>☞ 기업 컨설팅을 희망하는 중소기업(5인 이상~300인 이하)</p><p>☞ 방문 컨설팅</p>",
        target="여성기업",
    )
    assert program.firm_types == ["중소기업"]
    # Nor a body the applicants' products are listed with.
    program = _bizinfo_notice(
        "[전남] 소형전기운반차 지원사업 참여기종 모집 공고",
        "<p>☞ 전남도 내에 운반차 제조 공장이 있는 기업</p>"
        "<p>- 한국농기계공업협동조합에 수록된 제품</p><p>☞ 구입비 지원</p>",
        target="여성기업",
    )
    assert program.firm_types == ["중소기업"]


def test_would_be_founders_in_the_lines_under_a_special_category_may_apply_too():
    program = _bizinfo_notice(
        "여성창업 보육센터 운영",
        "<p>☞ 예비창업자 또는 창업 3년 미만 여성기업</p><p>☞ 공간 지원</p>",
        target="여성기업",
    )
    assert {"예비창업자", "창업기업", "여성기업"} <= set(program.firm_types)
    # A designated 예비사회적기업 or 예비마을기업 is no would-be founder.
    program = _bizinfo_notice(
        "사회적경제 특별판매전 참여기업 모집 공고",
        "<p>☞ 경상북도 소재 사회적경제기업</p><p>- (예비)사회적기업, (사회적)협동조합, (예비)마을기업</p>"
        "<p>☞ 판촉 지원</p>",
        target="사회적기업",
    )
    assert "예비창업자" not in program.firm_types and "사회적기업" in program.firm_types


def test_a_kind_of_firm_the_applicants_ask_to_become_restricts_nobody():
    program = _bizinfo_notice(
        "[전남] 2025년 예비사회적기업 지정계획 공고",
        "<p>☞ 예비사회적기업 지정요건을 모두 갖춘 전라남도 소재 법인ㆍ단체</p><p>☞ 지정 후 3년 혜택</p>",
        target="사회적기업",
    )
    assert "사회적기업" not in program.firm_types


def test_applicants_who_move_in_open_a_program_whatever_region_its_title_tags():
    program = _bizinfo_notice(
        "[충남] OK보령 창업기업 성장지원사업 추가 모집 공고",
        "<p>☞ 보령 거주(예정)자로 기업 성장을 희망하는 7년 이내 창업자</p><p>☞ 사업화 지원</p>",
        agency="충청남도",
    )
    assert not program.nationwide and {r.sido for r in program.regions} == {"충청남도"}
    assert program.outside_applicants == MOVING_IN
    assert program.evidence["regions"] == ["☞ 보령 거주(예정)자로 기업 성장을 희망하는 7년 이내 창업자"]
    # A firm elsewhere may apply, told what it takes; one in the region sees a program of its own.
    facts = ProgramFacts.from_fields(
        nationwide=program.nationwide, regions=program.regions, outside_applicants=program.outside_applicants
    )
    outsider = decide(facts, FirmFacts(region=Region("부산광역시", "해운대구")))
    assert outsider.eligible and outsider.region_level == 0
    assert outsider.reasons[0].startswith("충청남도에 이전·신설하는")
    local = decide(facts, FirmFacts(region=Region("충청남도", "보령시")))
    assert local.eligible and local.region_level == 1 and "소재" in local.reasons[0]


@pytest.mark.parametrize(
    ("target", "limits"),
    [
        # A floor alone asks for an established firm, not a startup within the default 7 years.
        ("창업 3년 이상 기업", (3.0, None)),
        ("공고일 현재 아산시에서 1년 이상 정상적으로 영업 중인 업소", (1.0, None)),
        # Stages from one ceiling to another admit up to the second.
        ("1년 미만 초기 창업자 ~ 7년 미만 우수 창업기업", (None, 7.0)),
        ("양구군 내의 제조업 중, 공고일 이전 해당 사업을 1년 이상 영위한 중소기업", (1.0, None)),
    ],
)
def test_more_업력_wordings(target, limits):
    types, low, high = extract_firm_types(target)
    assert (low, high) == limits
    if limits[1] is None:
        assert "창업기업" not in types


def test_a_common_업력_line_and_premises_one_of_which_is_held_bind_every_applicant():
    program = _bizinfo_notice(
        "2025년 지역기업 성장사다리 지원사업 공고",
        "<p>☞ 전남지역 내 소재한 중소기업</p>"
        "<p>- 전남 소재 본사, 사무소, 공장, 연구소 중 1개 이상 보유한 중소기업</p>"
        "<p>- (공통/업력) 공고일 기준 3년 이상</p><p>☞ 사업화 지원</p>",
        agency="전라남도",
    )
    assert program.years_min == 3.0


def _startup_row(target: str, summary: str):
    row = {
        "title": "ㆍ청년 창업 지원",
        "ministry": "김천시 (일자리경 제과)",
        "operator": "-",
        "target": target,
    }
    row |= {"summary": summary, "section": "지방자치단체"}
    return extract_notice_program(
        SourceRecord(format="kstartup_csv", origin="t", raw="{}", fields=row, source_id="kstartup2024:8")
    )


def test_a_startup_table_row_whose_target_gives_only_an_age_is_for_the_founders_its_overview_names():
    program = _startup_row("김천시 거주 19~39세 이하 청년", "예비 창업 청년들에게 초기 창업 비용 일부를 지원")
    assert program.firm_types == ["예비창업자", "창업기업"]
    assert program.evidence["firm_types"] == ["예비 창업 청년들에게 초기 창업 비용 일부를 지원"]
    assert _startup_row("전남도민", "초기·예비창업자 1:1 전문가 매칭 컨설팅").firm_types == [
        "예비창업자",
        "창업기업",
    ]
    # Not when the target names the bodies that serve founders.
    assert _startup_row("공공기관, 대학, 민간기관(단체) 등", "해외 창업기업을 발굴 및 유치").firm_types == []
