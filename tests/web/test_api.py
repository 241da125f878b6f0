import json

import pytest
from django.test import override_settings
from django.urls import reverse

GUMI = {"sector": "이차전지 양극재 제조", "sido": "경상북도", "sigungu": "구미시"}


def _match(client, body, **extra):
    return client.post("/api/v1/match", data=json.dumps(body), content_type="application/json", **extra)


def test_match_returns_ranked_eligible_programs(client, programs):
    response = _match(client, {"sector": "이차전지 양극재 제조", "region": "경북 구미시 공단동", "limit": 5})
    assert response.status_code == 200
    data = response.json()
    assert data["location"] == {"sido": "경상북도", "sigungu": "구미시", "label": "경상북도 구미시 공단동"}
    ids = [item["id"] for item in data["items"]]
    assert programs["gumi"].pk in ids
    assert programs["pohang"].pk not in ids and programs["unpublished"].pk not in ids
    assert data["total"] >= len(ids) and data["limit"] == 5 and data["offset"] == 0
    scores = [item["score"] for item in data["items"]]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    gumi = next(item for item in data["items"] if item["id"] == programs["gumi"].pk)
    assert gumi["url"] == reverse("program_detail", args=[programs["gumi"].pk])
    assert gumi["budget_label"] == "29억원" and gumi["region_scope"] == "산업단지"
    assert gumi["application_status"] == "open" and gumi["reason"] and gumi["eligibility"]
    assert {"이차", "전지"} <= set(gumi["matched_terms"]) and "이차전지" in gumi["shared_words"]
    assert [item["rank"] for item in data["items"]] == list(range(1, len(ids) + 1))
    assert data["unmet_words"] == []


def test_match_names_the_sector_words_no_program_the_firm_may_apply_for_uses(client, programs):
    # '포항' is only in Pohang's program; 'BMS' in none. Each is named as typed.
    body = {"sector": "포항 이차전지 (BMS)", "region": "경북 구미시"}
    assert _match(client, body).json()["unmet_words"] == ["포항", "BMS"]
    assert _match(client, {**body, "region": "경북 포항시"}).json()["unmet_words"] == ["BMS"]


def test_a_short_match_goes_on_with_the_regions_other_programs(client, programs):
    from tests.web.conftest import make_program

    fund = make_program(
        title="구미시 소상공인 경영안정자금",
        agency="구미시",
        regions=[{"sido": "경상북도", "sigungu": "구미시"}],
        summary="구미시 소재 소상공인에게 경영안정자금을 융자한다. 이자 2%를 보전한다.",
    )
    data = _match(client, {"sector": "우주 관광 호텔", "region": "경북 구미시"}).json()
    assert data["items"] == []
    assert [p["id"] for p in data["region_programs"]] == [fund.pk]
    region_program = data["region_programs"][0]
    assert region_program["reason"] == "구미시 소재 소상공인에게 경영안정자금을 융자한다."
    assert region_program["eligibility"] and "score" not in region_program
    # Not after a filter, nor on a later page.
    assert (
        _match(client, {"sector": "우주 관광 호텔", "region": "경북 구미시", "open_only": True}).json()[
            "region_programs"
        ]
        == []
    )
    later = _match(client, {"sector": "우주 관광 호텔", "region": "경북 구미시", "offset": 10}).json()
    assert later["region_programs"] == []


def test_a_notice_posted_twice_is_one_item_naming_the_other(client, programs):
    from tests.web.conftest import make_program

    notice = {
        "title": "구미 이차전지 양극재 실증 지원",
        "regions": [{"sido": "경상북도", "sigungu": "구미시"}],
    }
    first, again = make_program(source_id="PBLN_1", **notice), make_program(source_id="PBLN_2", **notice)
    items = _match(client, {"sector": "이차전지 양극재 제조", "region": "경북 구미시"}).json()["items"]
    posted = [item for item in items if item["id"] in (first.pk, again.pk)]
    assert len(posted) == 1
    assert posted[0]["reposted_as"] == [({first.pk, again.pk} - {posted[0]["id"]}).pop()]
    assert all(item["reposted_as"] == [] for item in items if item is not posted[0])


def test_match_flags_scheme_guides(client, programs):
    from tests.web.conftest import make_program

    guide = make_program(
        title="이차전지 양극재 설비투자 세액공제 안내",
        nationwide=True,
        summary="※ 본 내용은 지원사업이 아니라 조세지원제도에 대한 안내입니다. 이차전지 양극재 제조 설비.",
    )
    items = _match(client, {**GUMI, "limit": 10}).json()["items"]
    flags = {item["id"]: item["information_only"] for item in items}
    assert flags[guide.pk] is True and flags[programs["gumi"].pk] is False


def test_match_with_selects_and_paging(client, many_programs):
    first = _match(client, {**GUMI, "sector": "이차전지 공정", "limit": 10}).json()
    second = _match(client, {**GUMI, "sector": "이차전지 공정", "limit": 10, "offset": 10}).json()
    assert first["total"] == 25 and len(first["items"]) == 10
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}
    assert second["items"][0]["rank"] == 11


def test_match_closing_soon_lists_only_open_programs_with_a_deadline(client, programs):
    items = _match(client, {**GUMI, "limit": 10, "sort": "closing"}).json()["items"]
    # The closed nationwide program and those stating no period are left out.
    assert [item["id"] for item in items] == [programs["gumi"].pk]


def test_match_with_a_headcount_decides_a_least_headcount(client, programs):
    from tests.web.conftest import make_program

    intern = make_program(
        title="이차전지 양극재 인턴 채용 지원",
        nationwide=True,
        employees_min=20,
        summary="이차전지 양극재 제조 기업의 인턴 인건비를 지원한다.",
    )

    def ids(**body) -> list[int]:
        response = _match(client, {**GUMI, "firm_type": "소상공인", "limit": 50, **body})
        assert response.status_code == 200
        return [item["id"] for item in response.json()["items"]]

    # A 소상공인 that gives no headcount is taken to have fewer than 10; one that gives 20 or more is not.
    assert intern.pk not in ids()
    assert intern.pk not in ids(employees=19)
    assert intern.pk in ids(employees=20) and intern.pk in ids(employees=35)
    assert programs["gumi"].pk in ids(employees=19)  # a program with no least headcount stays


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"sector": "", "region": "구미"}, "sector", "업종을 입력해 주세요"),
        ({"sector": "카페"}, "sido", "소재지를 선택하거나"),
        ({"sector": "카페", "region": "아틀란티스"}, "region", "지역을 찾지 못했습니다"),
        ({"sector": "<script>alert(1)</script>", "region": "구미"}, "sector", "스크립트는"),
        ({"sector": "가" * 150, "region": "구미"}, "sector", "100자 이내"),
        ({"sector": "카페", "region": "구미", "firm_type": "대기업"}, "firm_type", "기업 유형"),
        ({"sector": "카페", "region": "구미", "sort": "deadline"}, "sort", "정렬 방법"),
        ({"sector": "카페", "region": "구미", "employees": -1}, "employees", "상시근로자 수는 0 이상"),
        ({"sector": "카페", "region": "구미", "ksic_code": "Z99999"}, "ksic_code", "KSIC 코드 'Z99999'"),
        ({"sector": "C99999", "region": "구미"}, "sector", "KSIC 코드 'C99999'"),
    ],
)
def test_match_errors_are_korean_422(client, db, body, field, message):
    response = _match(client, body)
    assert response.status_code == 422
    data = response.json()
    assert message in data["message"]
    assert field in data["errors"]
    assert "<script>" not in response.content.decode()


def test_schema_errors_are_korean_too(client, db):
    response = _match(client, {"sector": "카페", "region": "구미", "limit": 500})
    assert response.status_code == 422
    assert response.json()["message"].startswith("입력값이 올바르지 않습니다")
    assert response.json()["errors"]["limit"] == ["50 이하여야 합니다."]
    missing = _match(client, {"region": "구미"})
    assert missing.status_code == 422 and missing.json()["errors"]["sector"] == ["필수 항목입니다."]
    bad_json = client.post("/api/v1/match", data="{", content_type="application/json")
    assert bad_json.status_code == 400
    assert bad_json.json() == {"message": "JSON 형식이 올바르지 않습니다."}
    assert client.get("/api/v1/programs/abc").json()["errors"]["program_id"] == ["정수여야 합니다."]


@override_settings(MATCH_RATE_LIMIT_PER_MINUTE=2)
def test_match_rate_limit(client, programs):
    codes = [_match(client, {**GUMI}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert _match(client, GUMI).json()["message"] == "요청이 너무 많습니다. 잠시 후 다시 시도해 주세요."
    assert _match(client, GUMI, REMOTE_ADDR="10.1.1.1").status_code == 200


def test_program_detail(client, programs):
    gumi = programs["gumi"]
    data = client.get(f"/api/v1/programs/{gumi.pk}").json()
    assert data["title"] == gumi.title and data["operator"] == "구미전자정보기술원"
    assert data["regions"] == ["경상북도 구미시", "구미5공단"]
    assert data["national_budget_label"] == "9억원" and data["sectors"][0]["code"] == "C28202"
    assert data["evidence"]["support"][0].startswith("구미시는")
    assert data["employees_min"] is None  # no headcount stated
    gumi.employees_min = 5
    gumi.save(update_fields=["employees_min"])
    assert client.get(f"/api/v1/programs/{gumi.pk}").json()["employees_min"] == 5
    assert data["site_limits"] == []
    gumi.site_limits = ["구미국가산업단지"]
    gumi.save(update_fields=["site_limits"])
    limited = client.get(f"/api/v1/programs/{gumi.pk}").json()
    assert limited["site_limits"] == ["구미국가산업단지"]
    assert limited["regions"] == ["경상북도 구미시", "구미5공단", "구미국가산업단지"]
    assert data["outside_applicants"] == "" and data["district_limits"] == []
    gumi.outside_applicants = "moving_in"
    gumi.save(update_fields=["outside_applicants"])
    assert client.get(f"/api/v1/programs/{gumi.pk}").json()["outside_applicants"] == "moving_in"


def test_program_detail_404_for_unpublished(client, programs):
    response = client.get(f"/api/v1/programs/{programs['unpublished'].pk}")
    assert response.status_code == 404
    assert response.json()["message"] == "게시된 지원사업을 찾을 수 없습니다."


def test_sectors_endpoint(client, db):
    names = [s["name"] for s in client.get("/api/v1/sectors", {"q": "이차전지"}).json()]
    assert "운송장비용 이차전지 제조업" in names


def test_openapi_schema_and_docs_are_served(client, db):
    schema = client.get("/api/v1/openapi.json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert "/api/v1/match" in paths and "/api/v1/programs/{program_id}" in paths
    # Every status /match can answer is documented, the malformed-JSON 400 included.
    assert set(paths["/api/v1/match"]["post"]["responses"]) == {"200", "400", "422", "429"}
    assert set(paths["/api/v1/programs/{program_id}"]["get"]["responses"]) == {"200", "404", "422"}
    assert "region_programs" in schema.json()["components"]["schemas"]["MatchOut"]["properties"]
    assert client.get("/api/v1/docs").status_code == 200


def test_match_finds_a_program_for_women_owned_firms_only_for_those_that_say_so(client, programs):
    from tests.web.conftest import make_program

    women = make_program(
        title="여성기업 이차전지 양극재 판로 지원",
        nationwide=True,
        firm_types=["여성기업"],
        summary="여성기업인 이차전지 양극재 제조 기업의 판로 개척을 지원한다.",
    )

    def ids(**body) -> list[int]:
        response = _match(client, {**GUMI, "limit": 50, **body})
        assert response.status_code == 200, response.content
        return [item["id"] for item in response.json()["items"]]

    assert women.pk not in ids()
    assert women.pk in ids(special_types=["여성기업"])
    assert women.pk not in ids(special_types=["협동조합"])
    bad = _match(client, {**GUMI, "special_types": ["대기업"]})
    assert bad.status_code == 422 and "기업 구분" in bad.json()["message"]
