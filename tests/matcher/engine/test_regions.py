import pytest

from matcher.engine.regions import Gazetteer, Region, default_gazetteer, same_site, site_key


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


@pytest.mark.parametrize(
    ("typed", "sido", "sigungu"),
    [
        ("경북 구미시 공단동", "경상북도", "구미시"),
        ("구미", "경상북도", "구미시"),
        ("경상북도 구미시", "경상북도", "구미시"),
        ("서울 관악구", "서울특별시", "관악구"),
        ("부산 중구", "부산광역시", "중구"),
        ("경기 수원시 장안구", "경기도", "수원시"),
        ("강원도 원주시", "강원특별자치도", "원주시"),
        ("세종시", "세종특별자치시", None),
        ("광주", "광주광역시", None),
        ("경기 광주시", "경기도", "광주시"),
    ],
)
def test_resolve_typed_locations(gazetteer, typed, sido, sigungu):
    location = gazetteer.resolve(typed)
    assert location is not None
    assert location.region == Region(sido, sigungu)


@pytest.mark.parametrize("typed", ["", "중구", "아틀란티스", "   "])
def test_resolve_rejects_unknown_or_ambiguous(gazetteer, typed):
    assert gazetteer.resolve(typed) is None


def test_resolve_keeps_town_and_place(gazetteer):
    location = gazetteer.resolve("경북 구미시 공단동")
    assert location.town == "공단동"
    assert gazetteer.resolve("경북 구미시 구미5공단").place == "구미5공단"


@pytest.mark.parametrize(
    ("typed", "sido", "sigungu", "place"),
    [
        ("구미국가산업단지", "경상북도", "구미시", "구미국가산업단지"),
        ("구미5공단", "경상북도", "구미시", "구미5공단"),
        ("남동산단", "인천광역시", "남동구", "남동산단"),
        ("인천 남동국가산업단지", "인천광역시", "남동구", "남동국가산업단지"),
        ("창원국가산업단지 2단지", "경상남도", "창원시", "창원국가산업단지 2단지"),
        ("대구국가산업단지", "대구광역시", None, "대구국가산업단지"),
        # A complex not named after a city keeps the 시도 typed with it, and its name.
        ("경기 반월국가산업단지", "경기도", None, "반월국가산업단지"),
    ],
)
def test_resolve_an_industrial_complex_named_after_its_city(gazetteer, typed, sido, sigungu, place):
    location = gazetteer.resolve(typed)
    assert (location.region, location.place) == (Region(sido, sigungu), place)
    assert location.label == " ".join(p for p in (sido, sigungu, place) if p)


@pytest.mark.parametrize("typed", ["반월국가산업단지", "국가산업단지", "오송생명과학단지"])
def test_a_complex_that_names_no_region_is_not_guessed(gazetteer, typed):
    assert gazetteer.resolve(typed) is None


def test_region_hierarchy():
    gumi = Region("경상북도", "구미시")
    assert Region("경상북도").contains(gumi)
    assert gumi.contains(gumi)
    assert not Region("경상북도", "포항시").contains(gumi)
    assert not gumi.contains(Region("경상북도"))
    assert not Region("경상남도").contains(gumi)


@pytest.mark.parametrize(
    ("title", "expected", "nationwide"),
    [
        ("[경기] 안산시 2025년 청년큐브 창업멘토링", [Region("경기도", "안산시")], False),
        (
            "[부산ㆍ울산ㆍ경남] 2025년 공동 사업",
            [Region("부산광역시"), Region("울산광역시"), Region("경상남도")],
            False,
        ),
        ("[대구ㆍ경북] 2025년 공동 사업", [Region("대구광역시"), Region("경상북도")], False),
        ("[경북] 2025년 도 사업", [Region("경상북도")], False),
        ("[전국] 2025년 사업", [], True),
        ("2025년 중앙부처 사업", [], False),
    ],
)
def test_title_prefix(gazetteer, title, expected, nationwide):
    regions, is_nationwide, _rest = gazetteer.parse_title_prefix(title)
    assert regions == expected
    assert is_nationwide is nationwide


def test_mentions_skip_common_words(gazetteer):
    text = "예산 200억원을 들여 양산 전 공정을 검증하고 경기침체를 극복한다."
    assert gazetteer.find_mentions(text) == []


def test_mentions_find_cities_and_place_lists(gazetteer):
    text = "경주시는 경주, 경산, 포항, 구미 등 연관기업 104개사가 참여한다. 포항시 소재 기업"
    found = {m.region.sigungu for m in gazetteer.find_mentions(text)}
    assert found == {"경주시", "경산시", "포항시", "구미시"}


def test_title_prefix_area_narrows_to_the_area_cities(gazetteer):
    north, _, rest = gazetteer.parse_title_prefix("[경북] 북부 2025년 IP 디딤돌 후속지원 공고")
    assert Region("경상북도", "안동시") in north and Region("경상북도", "영주시") in north
    assert Region("경상북도", "경주시") not in north and Region("경상북도", "구미시") not in north
    assert rest.startswith("북부 2025년")
    south, _, _ = gazetteer.parse_title_prefix("[경기] 남부 2025년 제조DX멘토단 모집 공고")
    assert Region("경기도", "평택시") in south and Region("경기도", "고양시") not in south
    # North and south of 경기도 split its cities between them.
    north_gg, _, _ = gazetteer.parse_title_prefix("[경기] 북부권 사업")
    assert set(north_gg) | set(south) == {Region("경기도", c) for c in gazetteer.cities("경기도")}
    assert not set(north_gg) & set(south)


@pytest.mark.parametrize(
    ("title", "sido"),
    [
        ("[충북] 북부 사업 공고", "충청북도"),  # no known areas
        ("[경기] 북부지원센터 사업 공고", "경기도"),  # an agency, not an area
        ("[경기] 2025년 남부 사업", "경기도"),  # not right after the prefix
    ],
)
def test_title_prefix_unknown_or_unclear_area_keeps_the_sido(gazetteer, title, sido):
    regions, _, _ = gazetteer.parse_title_prefix(title)
    assert regions == [Region(sido)]


def test_find_areas(gazetteer):
    assert Region("경기도", "고양시") in gazetteer.find_areas("2025 경기북부 K콘텐츠 수출도약")
    # An agency's name is not a limit, and naming every area of a 시도 limits nothing.
    assert gazetteer.find_areas("경기남부지방경찰청 협력") == []
    assert gazetteer.find_areas("경기 남부·북부 기업") == [Region("경기도")]
    assert gazetteer.find_areas("경기 남부 및 북부 지역 기업") == [Region("경기도")]


def test_area_table_names_only_known_cities(gazetteer):
    with pytest.raises(ValueError, match="unknown cities"):
        Gazetteer(
            sido_short=gazetteer.sido_short,
            sido_former=gazetteer.sido_former,
            sigungu=gazetteer.sigungu,
            towns={},
            ambiguous_stems=set(),
            areas={"경기도": {"북부": ["고양시", "없는시"]}},
        )


def test_labels_show_a_whole_area_once(gazetteer):
    north = gazetteer.area("경상북도", "북부")
    labels = gazetteer.labels([Region("대구광역시"), *north])
    assert labels[0] == "대구광역시"
    assert len(labels) == 2 and labels[1].startswith("경상북도 북부 (안동시·영주시")
    # Part of an area is listed city by city.
    assert gazetteer.labels(north[:2]) == ["경상북도 안동시", "경상북도 영주시"]


def test_labels_name_what_most_of_the_country_leaves_out(gazetteer):
    outside = [Region(sido) for sido in gazetteer.sidos if sido not in ("서울특별시", "경기도")]
    assert gazetteer.labels(outside) == ["전국 (서울·경기 제외)"]
    # A few 시도, or most of them plus a city, are listed one by one.
    assert gazetteer.labels([Region("대구광역시"), Region("경상북도")]) == ["대구광역시", "경상북도"]
    mixed = [*outside[:-1], Region("서울특별시", "종로구")]
    assert len(gazetteer.labels(mixed)) == len(mixed)


def test_a_title_prefix_may_name_a_broad_area(gazetteer):
    regions, nationwide, rest = gazetteer.parse_title_prefix("[동남권] 2026년 조선 기자재 지원")
    assert regions == [Region("부산광역시"), Region("울산광역시"), Region("경상남도")]
    assert not nationwide and rest == "2026년 조선 기자재 지원"
    regions, _, _ = gazetteer.parse_title_prefix("[충청권역ㆍ전북] 지원")
    assert [r.sido for r in regions][-1] == "전북특별자치도" and len(regions) == 5


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("광양국가산단", "광양"),
        ("광양 국가산업단지", "광양"),
        ("구미5공단", "구미5"),
        ("센텀시티 일반산업단지", "센텀시티"),
        ("새만금산단", "새만금"),
        ("연계산단", ""),  # a kind, not a name
        ("춘천지역 산업단지", ""),  # any complex of an area
        ("농공단지", ""),
        ("테크노파크", None),  # not an industrial complex
        ("구미시", None),
    ],
)
def test_site_key_keeps_a_complex_own_name(name, key):
    assert site_key(name) == key


def test_a_numbered_block_is_part_of_its_complex_but_not_of_another():
    assert same_site("구미", "구미5") and same_site("군산2", "군산")
    assert not same_site("군산2", "군산3")
    assert not same_site("남동", "남동구")  # a longer name is another place
    assert not same_site("", "구미")


@pytest.mark.parametrize(
    ("typed", "site"),
    [
        ("전남 광양시 광양국가산단 태인동 1", "광양"),
        ("광양 국가산단", "광양"),  # the kind alone after the city: the city's complex
        ("경북 구미시 3공단", "구미3"),  # a numbered block of the city's complex
        ("경북 구미시 구미국가산업단지 3단지", "구미"),
        ("부산 해운대구 센텀시티 일반산업단지", "센텀시티"),
        ("경상북도 구미시 공단동", ""),  # a 동 named 공단, not a complex
        ("서울 관악구", ""),
    ],
)
def test_the_complex_a_firm_types_with_its_location(gazetteer, typed, site):
    assert gazetteer.resolve(typed).site == site


def test_the_city_of_a_complex_is_its_namesake_city_or_town(gazetteer):
    assert gazetteer.site_city("광양", "전라남도") == Region("전라남도", "광양시")
    assert gazetteer.site_city("군산2", "전북특별자치도") == Region("전북특별자치도", "군산시")
    # Not by a 읍면동 of its name: 반월국가산업단지 is in 안산시, the 반월동 of 경기도 in 화성시.
    assert gazetteer.site_city("반월", "경기도") is None
    assert gazetteer.site_city("석문", "충청남도") is None
    assert gazetteer.site_city("새만금", "전북특별자치도") is None  # no city or town of that name
    assert gazetteer.site_city("중앙", "서울특별시") is None  # 중앙동 in several 구: not one city


def test_a_city_s_districts_are_its_general_gu_in_full():
    gaz = default_gazetteer()
    assert gaz.districts("전북특별자치도", "전주시") == ["전주시 완산구", "전주시 덕진구"]
    assert gaz.districts("경상북도", "구미시") == []  # a city without 구
    assert gaz.districts("서울특별시", "강남구") == []  # an autonomous 구 is itself the 시군구
    assert gaz.resolve("전주시 덕진구").district == "전주시 덕진구"
