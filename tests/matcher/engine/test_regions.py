import pytest

from matcher.engine.regions import Region, default_gazetteer


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
