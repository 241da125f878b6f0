import pytest

from matcher.engine.eligibility import (
    ACTIVITY_HERE,
    MOVING_IN,
    FirmFacts,
    ProgramFacts,
    decide,
    region_admits,
)
from matcher.engine.extraction.notices import extract_notice_program
from matcher.engine.records import SourceRecord
from matcher.engine.regions import Region, site_key

GUMI = Region("경상북도", "구미시")
YEONGCHEON = Region("경상북도", "영천시")
POHANG = Region("경상북도", "포항시")
GYEONGBUK = Region("경상북도")


def bizinfo(title: str, agency: str, body: str = "", target: str = "중소기업") -> SourceRecord:
    fields = {
        "pblancNm": title,
        "jrsdInsttNm": agency,
        "excInsttNm": "",
        "trgetNm": target,
        "bsnsSumryCn": body,
    }
    return SourceRecord(format="bizinfo_json", origin="t", raw="{}", title=title, text=body, fields=fields)


def facts_of(program) -> ProgramFacts:
    return ProgramFacts.from_fields(
        nationwide=program.nationwide,
        regions=program.regions,
        firm_types=program.firm_types,
        years_min=program.years_min,
        years_max=program.years_max,
    )


def test_region_hierarchy_nationwide_sido_city():
    assert region_admits(ProgramFacts(nationwide=True), GUMI)[:2] == (True, 0)
    assert region_admits(ProgramFacts(regions=(GYEONGBUK,)), GUMI)[:2] == (True, 1)
    assert region_admits(ProgramFacts(regions=(GUMI,)), GUMI)[:2] == (True, 2)
    assert not region_admits(ProgramFacts(regions=(YEONGCHEON,)), GUMI)[0]
    assert not region_admits(ProgramFacts(regions=(Region("대구광역시"),)), GUMI)[0]
    # A city program naming another participating city admits both, nothing else.
    two = ProgramFacts(regions=(YEONGCHEON, GUMI))
    assert region_admits(two, GUMI)[0] and region_admits(two, YEONGCHEON)[0]
    assert not region_admits(two, POHANG)[0]


def test_yeongcheon_program_is_not_for_a_gumi_firm():
    by_agency = extract_notice_program(bizinfo("2025년 중소기업 육성자금 지원", "영천시"))
    by_prefix = extract_notice_program(bizinfo("[경북] 영천시 2025년 중소기업 기술개발 지원", "경상북도"))
    for program in (by_agency, by_prefix):
        assert program.regions == [YEONGCHEON]
        decision = decide(facts_of(program), FirmFacts(GUMI, "중소기업", 10))
        assert not decision.eligible
        assert decide(facts_of(program), FirmFacts(YEONGCHEON, "중소기업", 10)).eligible


def test_pohang_stated_in_text_limits_a_gyeongbuk_program():
    program = extract_notice_program(
        bizinfo("[경북] 2025년 철강산업 고도화 지원", "경상북도", "☞ 포항시 소재 기업\n☞ 공정개선 비용 지원")
    )
    assert program.regions == [POHANG]
    assert not decide(facts_of(program), FirmFacts(GUMI)).eligible
    decision = decide(facts_of(program), FirmFacts(POHANG, "중소기업", 5))
    assert decision.eligible
    assert decision.reasons[0] == "경상북도 포항시 소재 중소기업 대상"


def test_central_ministry_is_nationwide_and_sido_agency_is_its_sido():
    central = extract_notice_program(bizinfo("2025년 스마트공장 구축 지원", "중소벤처기업부"))
    assert central.nationwide and central.regions == []
    decision = decide(facts_of(central), FirmFacts(GUMI, "중소기업", 3))
    assert decision.eligible and decision.reasons[0] == "전국 중소기업 대상"
    sido = extract_notice_program(bizinfo("2025년 수출 지원", "경상북도"))
    assert sido.regions == [GYEONGBUK] and not sido.nationwide


def test_firm_type_and_years():
    startup3 = ProgramFacts(nationwide=True, firm_types=("창업기업",), years_max=3)
    assert decide(startup3, FirmFacts(GUMI, "창업기업", 2)).eligible
    assert not decide(startup3, FirmFacts(GUMI, "창업기업", 5)).eligible
    assert not decide(startup3, FirmFacts(GUMI, "중소기업", 12)).eligible
    assert not decide(startup3, FirmFacts(GUMI, "예비창업자", 0)).eligible  # not a business yet
    pre = ProgramFacts(nationwide=True, firm_types=("예비창업자", "창업기업"), years_max=3)
    assert decide(pre, FirmFacts(GUMI, "예비창업자", 0)).eligible
    sme = ProgramFacts(nationwide=True, firm_types=("중소기업",))
    assert not decide(sme, FirmFacts(GUMI, "예비창업자")).eligible
    assert decide(sme, FirmFacts(GUMI, "소상공인", 4)).eligible
    small = ProgramFacts(nationwide=True, firm_types=("소상공인",))
    assert not decide(small, FirmFacts(GUMI, "중소기업", 10)).eligible
    assert decide(small, FirmFacts(GUMI, "소상공인", 10)).eligible
    band = ProgramFacts(nationwide=True, firm_types=("창업기업",), years_min=3, years_max=7)
    assert not decide(band, FirmFacts(GUMI, "창업기업", 2)).eligible
    assert decide(band, FirmFacts(GUMI, "창업기업", 5)).eligible
    # Facts the firm did not give never exclude it.
    assert decide(startup3, FirmFacts(GUMI)).eligible
    social = ProgramFacts(nationwide=True, firm_types=("사회적기업",))
    assert not decide(social, FirmFacts(GUMI, "중소기업", 3)).eligible


@pytest.mark.parametrize(
    ("applicants", "reason"), [("학교·학생·개인", "학교"), ("지자체·공공기관", "지자체")]
)
def test_programs_for_schools_students_or_public_bodies_admit_no_firm(applicants, reason):
    program = ProgramFacts(nationwide=True, firm_types=(applicants,))
    for firm_type, years in (("중소기업", 10), ("창업기업", 2), ("예비창업자", 0), ("", None)):
        decision = decide(program, FirmFacts(GUMI, firm_type, years))
        assert not decision.eligible and "기업 지원 아님" in decision.reasons[0]
        assert decision.reasons[0].startswith(reason)


def test_the_refusal_counts_regions_it_does_not_name():
    sidos = ("부산광역시", "대구광역시", "광주광역시", "대전광역시")
    decision = decide(
        ProgramFacts(regions=tuple(map(Region, sidos))), FirmFacts(Region("서울특별시", "중구"))
    )
    assert not decision.eligible
    assert decision.reasons[0].startswith("부산광역시, 대구광역시, 광주광역시 외 1곳")


def test_a_least_headcount_is_read_and_excludes_firms_too_small_to_have_it():
    program = extract_notice_program(
        bizinfo(
            "미래내일 일경험(인턴형) 참여기업 모집 공고",
            "고용노동부",
            "<p>☞ 고용보험 피보험자 20인 이상 기업(전국 소재)</p><p>☞ 인턴 인건비 지원</p>",
        )
    )
    assert program.employees_min == 20
    assert program.evidence["employees_min"] == ["☞ 고용보험 피보험자 20인 이상 기업(전국 소재)"]
    facts = ProgramFacts.from_fields(nationwide=True, regions=[], employees_min=program.employees_min)
    # A 소상공인 employs fewer than 10; a would-be founder nobody yet.
    for firm_type in ("소상공인", "예비창업자"):
        refused = decide(facts, FirmFacts(GUMI, firm_type))
        assert not refused.eligible and refused.reasons == ["상시근로자 20인 이상 기업 대상"]
    sme = decide(facts, FirmFacts(GUMI, "중소기업"))
    assert sme.eligible and "상시근로자 20인 이상" in sme.reasons
    assert decide(facts, FirmFacts(GUMI)).eligible  # a firm that gave no type is not excluded
    # Five or more may still be a 소상공인 in manufacturing (under 10 there): not excluded.
    five = ProgramFacts.from_fields(nationwide=True, regions=[], employees_min=5)
    assert decide(five, FirmFacts(GUMI, "소상공인")).eligible
    assert not decide(five, FirmFacts(GUMI, "예비창업자")).eligible


def test_a_headcount_the_firm_gives_decides_a_least_headcount():
    twenty = ProgramFacts.from_fields(nationwide=True, regions=[], employees_min=20)
    below = decide(twenty, FirmFacts(GUMI, "중소기업", 5, employees=19))
    assert not below.eligible and below.reasons == ["상시근로자 20인 이상 기업 대상"]
    assert decide(twenty, FirmFacts(GUMI, "중소기업", 5, employees=20)).eligible
    assert decide(twenty, FirmFacts(GUMI, employees=35)).eligible  # no type given: the number alone
    assert not decide(twenty, FirmFacts(GUMI, employees=3)).eligible
    # The number outweighs the type's inference both ways: a 소상공인 that says it employs 20 may
    # apply, a 중소기업 that says it employs 4 may not.
    assert decide(twenty, FirmFacts(GUMI, "소상공인", employees=20)).eligible
    assert not decide(twenty, FirmFacts(GUMI, "소상공인")).eligible  # none given: inferred from the type
    assert decide(twenty, FirmFacts(GUMI, "중소기업")).eligible
    assert not decide(twenty, FirmFacts(GUMI, "중소기업", employees=4)).eligible
    # A would-be founder employs nobody yet, whatever number was typed.
    assert not decide(twenty, FirmFacts(GUMI, "예비창업자", employees=30)).eligible
    # A program with no least headcount admits any number, none included.
    open_to_all = ProgramFacts(nationwide=True)
    assert decide(open_to_all, FirmFacts(GUMI, "중소기업", employees=0)).eligible


def test_a_number_to_hire_is_not_a_headcount():
    program = extract_notice_program(
        bizinfo(
            "청년 일자리 도약 장려금",
            "고용노동부",
            "<p>☞ 청년 근로자 2명 이상 채용 기업</p><p>☞ 상시근로자 5인 이상을 신규 채용한 기업에 장려금</p>",
        )
    )
    assert program.employees_min is None


GWANGYANG = Region("전라남도", "광양시")


def test_an_industrial_complex_limit_narrows_the_region_and_is_kept():
    program = extract_notice_program(
        bizinfo(
            "[전남] 중대재해 예방관리 플랫폼 보급 수혜기업 모집 공고",
            "전라남도",
            "<p>☞ 광양국가산단 입주기업</p><p>☞ 중대재해 예방관리 플랫폼 보급 지원</p>",
        )
    )
    assert program.regions == [GWANGYANG]  # not the whole of 전라남도
    assert program.site_limits == ["광양국가산단"]
    assert program.evidence["site_limits"] == ["☞ 광양국가산단 입주기업"]
    facts = ProgramFacts.from_fields(
        nationwide=program.nationwide, regions=program.regions, site_limits=program.site_limits
    )
    assert not decide(facts, FirmFacts(Region("전라남도", "순천시"))).eligible
    # A firm that typed the complex, under another of its names, may apply and is told why.
    inside = decide(facts, FirmFacts(GWANGYANG, site="광양"))
    assert inside.eligible and "광양국가산단 입주 기업 대상" in inside.reasons
    # A firm in another complex of the same city may not.
    other = decide(facts, FirmFacts(GWANGYANG, site="익신"))
    assert not other.eligible and other.reasons == ["광양국가산단 입주 기업 대상 (산업단지 불일치)"]
    # A firm that named no complex may be in it: admitted, and told to check.
    unknown = decide(facts, FirmFacts(GWANGYANG))
    assert unknown.eligible and "광양국가산단 입주 기업 대상 (입주 여부 확인 필요)" in unknown.reasons


@pytest.mark.parametrize(
    ("line", "sites"),
    [
        (
            "- 군산2 국가산단, 새만금산단 1ㆍ2ㆍ5ㆍ6 공구, 부안신재생에너지산단내 본사, 공장이 위치한 기업",
            ["군산2 국가산단", "새만금산단", "부안신재생에너지산단"],
        ),
        ("※ 대상지역 : 수원 델타플렉스(구 수원고색산업단지) 소재 기업", ["수원고색산업단지"]),
        ("- 구미국가산업단지에 입주한 중소기업", ["구미국가산업단지"]),
        # A list with a complex named only by its kind: no exact limit. Any complex of an area is kept as a
        # zone, which no firm's complex rules out.
        ("☞ 대전산단 및 연계산단(대덕연구개발특구) 소재 기업", []),
        ("☞ 춘천지역 산업단지 내 사업장 소재 바이오기업", ["춘천지역 산업단지"]),
        # Bonus points, a public body named 공단, a complex that is only the program's subject.
        ("☞ 남동공단 입주기업 우대 가점 부여", []),
        ("☞ 소상공인시장진흥공단 소재 기업", []),
        ("☞ 「광양국가산단 통합관제센터 구축사업」과 관련하여 IoT기반 입주기업 화재감시 시스템 보급", []),
        # Another group of firms joined to the complex's: either may apply.
        ("☞ 구미국가산업단지 입주기업 및 구미시 소재 중소기업", []),
        ("☞ 구미시 소재 중소기업 또는 구미국가산업단지 입주기업", []),
        ("☞ 센텀시티 일반산업단지 소재 ICT 관련 기업(본사 기준 법인사업자)", ["센텀시티 일반산업단지"]),
    ],
)
def test_which_lines_limit_applicants_to_complexes(line, sites):
    program = extract_notice_program(
        bizinfo("기업지원 사업 공고", "산업통상부", f"<p>{line}</p><p>☞ 컨설팅 지원</p>")
    )
    assert program.site_limits == sites


def test_a_complex_not_named_after_a_city_keeps_the_sido():
    program = extract_notice_program(
        bizinfo(
            "[충남] 기업지원프로그램 참여기업 모집",
            "충청남도",
            "<p>☞ 석문국가산업단지 입주기업</p><p>☞ 교육 지원</p>",
        )
    )
    assert program.regions == [Region("충청남도")]  # its city is not in its name: not guessed
    assert program.site_limits == ["석문국가산업단지"]


def test_a_complex_beside_a_regional_group_of_applicants_is_an_alternative_not_a_limit():
    body = (
        "<p>☞ 충남지역 내 자동차, 신소재, 화학, 철강 관련 기업</p><p>- 석문국가산업단지 입주기업</p>"
        "<p>☞ 기업 맞춤형 교육 지원</p>"
    )
    program = extract_notice_program(bizinfo("[충남] 산학융합지구 기업지원프로그램", "충청남도", body))
    assert program.site_limits == [] and program.regions == [Region("충청남도")]
    # A line that lists the complexes an area is made of still limits applicants to them.
    body = (
        "<p>☞ 새만금 에너지산업융복합단지 내 에너지 관련 기업</p>"
        "<p>- 군산2 국가산단, 새만금산단 1ㆍ2ㆍ5ㆍ6 공구 내 본사가 위치한 기업</p><p>☞ 장비 활용 지원</p>"
    )
    program = extract_notice_program(bizinfo("[전북] 공동연구장비 활용 지원", "전북특별자치도", body))
    assert program.site_limits == ["군산2 국가산단", "새만금산단"]
    assert program.regions == [Region("전북특별자치도")]  # 새만금's city is not one: the 시도 stays


@pytest.mark.parametrize(
    ("line", "sites"),
    [
        ("☞ 접수마감일 기준 본사나 공장이 충북경제자유구역에 소재한 기업", ["충북경제자유구역"]),
        ("☞ 부산지역 내 에너지산업융복합단지에 소재한 중소ㆍ중견기업", ["에너지산업융복합단지"]),
        ("☞ 광주 투자진흥지구 권역 내 문화콘텐츠 기업", ["광주 투자진흥지구"]),
        ("☞ 양산시 관내 창업보육센터에 입주한 창업 7년 이내 업체", ["창업보육센터"]),
        ("☞ 충북 지역혁신융복합단지 지정 부지 내 본사, 공장 등이 소재한 기업", ["지역혁신융복합단지"]),
        ("☞ 부산지역혁신융복합단지 내 R&D 과제를 수행 중인 기업", ["부산지역혁신융복합단지"]),
        ("☞ 기회발전특구에 소재한 중소기업", ["기회발전특구"]),
        # A zone's firms beside firms anywhere in the area: no limit.
        ("☞ 강원춘천 강소특구 내 연구소기업, 춘천지역 내 특화분야 기업", []),
        # A zone in brackets explains the complex before it; a zone only named is no limit.
        ("☞ 대전산단 및 연계산단(대덕연구개발특구) 소재 기업", []),
        ("☞ 경제자유구역 활성화를 위한 혁신성장 지원", []),
    ],
)
def test_zones_that_are_no_industrial_complex_are_read_as_where_applicants_must_be(line, sites):
    program = extract_notice_program(
        bizinfo("기업지원 사업 공고", "산업통상부", f"<p>{line}</p><p>☞ 지원</p>")
    )
    assert program.site_limits == sites


def test_a_zone_never_refuses_a_firm_in_a_complex_it_may_hold_and_asks_it_to_check():
    facts = ProgramFacts.from_fields(
        nationwide=False, regions=[Region("충청북도")], site_limits=["충북경제자유구역"]
    )
    # 오송 생명과학단지 lies inside the 충북 free economic zone: a name cannot tell, so the firm checks.
    firm = FirmFacts(Region("충청북도", "청주시"), site="오송")
    decision = decide(facts, firm)
    assert decision.eligible
    assert "충북경제자유구역 입주 기업 대상 (입주 여부 확인 필요)" in decision.reasons
    # Complexes still compare: a firm in neither complex named is refused.
    facts = ProgramFacts.from_fields(
        nationwide=False, regions=[Region("전라남도")], site_limits=["광양국가산단", "율촌산단"]
    )
    assert not decide(facts, FirmFacts(Region("전라남도", "광양시"), site="익신")).eligible


def test_a_program_for_a_special_kind_of_firm_admits_the_firms_that_say_they_are_one():
    seoul = Region("서울특별시", "강남구")
    women_only = ProgramFacts.from_fields(nationwide=True, regions=[], firm_types=["여성기업"], years_max=7)
    refused = decide(women_only, FirmFacts(seoul, firm_type="중소기업"))
    assert not refused.eligible and refused.reasons == ["여성기업 대상"]
    # Any size of such a firm, within the program's 업력.
    for firm_type in ("", "중소기업", "소상공인", "창업기업"):
        assert decide(women_only, FirmFacts(seoul, firm_type=firm_type, special_types=("여성기업",))).eligible
    too_old = decide(women_only, FirmFacts(seoul, firm_type="중소기업", years=9, special_types=("여성기업",)))
    assert not too_old.eligible
    # A program for such firms of a size: both must hold.
    women_sme = ProgramFacts.from_fields(nationwide=True, regions=[], firm_types=["중소기업", "여성기업"])
    assert decide(women_sme, FirmFacts(seoul, firm_type="중소기업", special_types=("여성기업",))).eligible
    assert not decide(women_sme, FirmFacts(seoul, firm_type="중소기업", special_types=("협동조합",))).eligible
    # Being one never hides a general program.
    general = ProgramFacts.from_fields(nationwide=True, regions=[], firm_types=["중소기업"])
    assert decide(general, FirmFacts(seoul, firm_type="중소기업", special_types=("여성기업",))).eligible


def test_a_complex_named_with_its_blocks_in_brackets_limits_applicants_to_it():
    body = "<p>☞ 광주첨단(1ㆍ2단지)산업단지 내 입주한 중소ㆍ중견기업</p><p>☞ 설비 지원</p>"
    program = extract_notice_program(bizinfo("[광주] 인프라 구축사업 수요기업 모집", "광주광역시", body))
    assert program.site_limits == ["광주첨단산업단지"]
    sites = program.site_limits
    facts = ProgramFacts.from_fields(nationwide=False, regions=program.regions, site_limits=sites)
    assert decide(facts, FirmFacts(Region("광주광역시", "북구"), site=site_key("광주첨단산단"))).eligible
    assert not decide(facts, FirmFacts(Region("광주광역시", "광산구"), site=site_key("하남산단"))).eligible


@pytest.mark.parametrize(
    ("outside", "reason"),
    [
        (MOVING_IN, "경상북도 구미시에 이전·신설하는 중소기업 대상 (지금 소재지 무관)"),
        (ACTIVITY_HERE, "경상북도 구미시에서 활동하는 중소기업 대상 (소재지 무관)"),
    ],
)
def test_a_program_open_to_firms_from_outside_admits_them_as_if_nationwide_with_its_condition(
    outside, reason
):
    facts = ProgramFacts.from_fields(
        nationwide=False, regions=[GUMI], firm_types=["중소기업"], outside_applicants=outside
    )
    elsewhere = decide(facts, FirmFacts(region=Region("부산광역시", "해운대구"), firm_type="중소기업"))
    assert elsewhere.eligible and elsewhere.region_level == 0
    assert elsewhere.reasons[0] == reason
    # The other conditions still hold for firms from outside.
    assert not decide(facts, FirmFacts(region=POHANG, firm_type="예비창업자")).eligible


def test_firms_moving_in_leave_a_program_local_to_its_own_firms_and_work_done_there_does_not():
    moving_in, activity = (
        ProgramFacts.from_fields(nationwide=False, regions=[GUMI], outside_applicants=outside)
        for outside in (MOVING_IN, ACTIVITY_HERE)
    )
    own = decide(moving_in, FirmFacts(region=GUMI))
    assert own.eligible and own.region_level == 2 and own.reasons[0] == "경상북도 구미시 소재 기업 대상"
    # A reward for bringing tourists or a shoot to 구미 is not made for 구미's own firms more than others.
    own = decide(activity, FirmFacts(region=GUMI))
    assert own.eligible and own.region_level == 0
    assert own.reasons[0] == "경상북도 구미시에서 활동하는 기업 대상 (소재지 무관)"


def test_a_district_limit_admits_its_district_refuses_another_and_asks_a_firm_that_named_none():
    jeonju, wanju = Region("전북특별자치도", "전주시"), Region("전북특별자치도", "완주군")
    facts = ProgramFacts.from_fields(
        nationwide=False, regions=[jeonju, wanju], firm_types=["소상공인"], district_limits=["전주시 덕진구"]
    )
    inside = decide(facts, FirmFacts(jeonju, district="전주시 덕진구"))
    assert inside.eligible and inside.region_level == 2
    assert inside.reasons[0] == "전북특별자치도 전주시 덕진구 소재 소상공인 대상"
    other = decide(facts, FirmFacts(jeonju, district="전주시 완산구"))
    assert not other.eligible
    assert other.reasons == ["전북특별자치도 전주시 덕진구 소재 기업 대상 (지역 불일치)"]
    unsaid = decide(facts, FirmFacts(jeonju))
    assert (
        unsaid.eligible
        and unsaid.reasons[0] == "전북특별자치도 전주시 덕진구 소재 소상공인 대상 (구 확인 필요)"
    )
    # The limit is inside 전주시: the program's other city is not held to it.
    assert decide(facts, FirmFacts(wanju)).reasons[0] == "전북특별자치도 완주군 소재 소상공인 대상"


def test_only_a_regional_program_has_an_outside_to_open_to():
    assert (
        ProgramFacts.from_fields(nationwide=True, regions=[], outside_applicants=MOVING_IN).outside_applicants
        == ""
    )
    assert not region_admits(ProgramFacts(regions=(GUMI,)), POHANG)[0]
