from web.forms import DESCRIPTION_MAX, SECTOR_MAX, MatchForm


def _form(**data) -> MatchForm:
    base = {"sector": "이차전지 양극재 제조", "sido": "경상북도", "sigungu": "구미시"}
    base.update(data)
    return MatchForm(base)


def test_valid_selects_make_a_profile():
    form = _form(firm_type="중소기업", years="3", support_type=["R&D"], open_only="on")
    assert form.is_valid(), form.errors
    profile = form.profile()
    assert (profile.region.sido, profile.region.sigungu) == ("경상북도", "구미시")
    assert profile.firm_type == "중소기업" and profile.years == 3.0
    filters = form.filters()
    assert filters.support_types == ("R&D",) and filters.open_only is True


def test_typed_address_wins_and_keeps_the_town_for_display():
    form = _form(sido="", sigungu="", location="경북 구미시 공단동")
    assert form.is_valid(), form.errors
    assert form.profile().region.sigungu == "구미시"
    assert form.profile().location_label == "경상북도 구미시 공단동"


def test_an_industrial_complex_resolves_to_its_city():
    form = _form(sido="", sigungu="", location="남동산단")
    assert form.is_valid(), form.errors
    assert (form.profile().region.sido, form.profile().region.sigungu) == ("인천광역시", "남동구")
    assert form.profile().location_label == "인천광역시 남동구 남동산단"


def test_bare_city_stem_resolves():
    form = _form(sido="", sigungu="", location="구미")
    assert form.is_valid(), form.errors
    assert form.profile().region.sido == "경상북도"


def test_empty_sector_is_a_korean_error():
    form = _form(sector="   ")
    assert not form.is_valid()
    assert "업종을 입력해 주세요" in form.errors["sector"][0]


def test_missing_location_is_a_korean_error():
    form = _form(sido="", sigungu="")
    assert not form.is_valid()
    assert "소재지를 선택하거나" in form.errors["sido"][0]


def test_unknown_typed_region():
    form = _form(sido="", location="아틀란티스")
    assert not form.is_valid()
    assert "지역을 찾지 못했습니다" in form.errors["location"][0]


def test_ambiguous_stem_asks_for_the_sido():
    form = _form(sido="", location="중구")
    assert not form.is_valid()
    assert "시도와 시군구를 함께" in form.errors["location"][0]


def test_sigungu_must_belong_to_the_sido():
    form = _form(sido="서울특별시", sigungu="구미시")
    assert not form.is_valid()
    assert "맞지 않습니다" in form.errors["sido"][0]


def test_oversized_inputs_are_refused():
    form = _form(sector="가" * (SECTOR_MAX + 1), description="나" * (DESCRIPTION_MAX + 1))
    assert not form.is_valid()
    assert f"{SECTOR_MAX}자 이내" in form.errors["sector"][0]
    assert f"{DESCRIPTION_MAX}자 이내" in form.errors["description"][0]


def test_markup_is_refused():
    form = _form(sector="<script>alert(1)</script>")
    assert not form.is_valid()
    assert "스크립트는 입력할 수 없습니다" in form.errors["sector"][0]


def test_unknown_choices_are_refused():
    form = _form(firm_type="대기업", support_type=["로켓"], years="-1")
    assert not form.is_valid()
    assert set(form.errors) == {"firm_type", "support_type", "years"}


def test_a_headcount_is_optional_and_reaches_the_profile():
    for given, employees in (("", None), ("12", 12), ("0", 0)):  # 0: the owner works alone
        form = _form(employees=given)
        assert form.is_valid(), form.errors
        assert form.profile().employees == employees


def test_a_headcount_that_is_not_a_count_is_a_korean_error():
    assert _form(employees="열두 명").errors["employees"] == ["상시근로자 수는 숫자로 입력해 주세요. 예: 12"]
    assert _form(employees="2.5").errors["employees"] == ["상시근로자 수는 숫자로 입력해 주세요. 예: 12"]
    assert _form(employees="-1").errors["employees"] == ["상시근로자 수는 0 이상이어야 합니다."]
    assert _form(employees="100001").errors["employees"] == ["상시근로자 수는 100000명 이하로 입력해 주세요."]


def test_a_ksic_code_is_checked_and_written_with_its_section():
    form = _form(ksic_code=" 28202 ")
    assert form.is_valid(), form.errors
    assert form.profile().ksic_code == "C28202"
    assert form.profile().sector == "이차전지 양극재 제조"  # the typed sector stays
    for wrong in ("A28202", "99999", "C2820"):  # another section's letter, no such subclass, too short
        form = _form(ksic_code=wrong)
        assert not form.is_valid()
        assert f"KSIC 코드 '{wrong}'을(를) 찾을 수 없습니다" in form.errors["ksic_code"][0]


def test_a_ksic_code_typed_as_the_sector_searches_by_its_name():
    form = _form(sector="c28202")
    assert form.is_valid(), form.errors
    profile = form.profile()
    assert (profile.sector, profile.ksic_code) == ("운송장비용 이차전지 제조업", "C28202")
    unknown = _form(sector="C99999")
    assert not unknown.is_valid() and "KSIC 코드 'C99999'" in unknown.errors["sector"][0]
