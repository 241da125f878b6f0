"""The review flow through the staff pages: evidence shown escaped, edit, publish/unpublish, split, merge."""

from html import unescape

import pytest
from django.urls import reverse

from matcher.models import Announcement, Program, ProgramChange
from tests.factories import make_program

pytestmark = pytest.mark.django_db


def _form_data(program: Program, **overrides) -> dict:
    data = {
        "title": program.title,
        "agency": program.agency,
        "operator": program.operator,
        "nationwide": "on" if program.nationwide else "",
        "regions": "경상북도 구미시",
        "places": "",
        "site_limits": "",
        "firm_types": "중소기업",
        "years_min": "",
        "years_max": "",
        "employees_min": "",
        "sectors": "C28202 축전지 제조업",
        "keywords": "이차전지, 시제품",
        "support_types": "시제품",
        "budget_krw": "2000000000",
        "national_budget_krw": "",
        "period_end_year": "",
        "apply_start": "2025-03-01",
        "apply_end": "2025-04-30",
        "contact": "",
        "source_url": "",
        "apply_url": "",
        "summary": program.summary,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v != "" or k not in ("nationwide",)}


def test_queue_lists_programs_in_review_only(client, viewer):
    make_program(title="검토할 사업")
    make_program(title="이미 게시", status=Program.Status.PUBLISHED)
    client.force_login(viewer)
    html = client.get(reverse("staff:program_list")).content.decode()
    assert "검토할 사업" in html
    assert "이미 게시" not in html
    assert "이미 게시" in client.get(reverse("staff:program_list") + "?status=published").content.decode()


def test_programs_whose_source_changed_have_their_own_tab_until_staff_act(client, viewer, editor):
    from matcher.services.programs import program_unpublish

    dropped = make_program(title="원문에서 빠진 사업", status=Program.Status.PUBLISHED)
    differs = make_program(title="원문이 바뀐 사업", status=Program.Status.PUBLISHED)
    settled = make_program(title="이미 처리한 사업", status=Program.Status.PUBLISHED)
    for program, action in (
        (dropped, "source_dropped"),
        (differs, "source_differs"),
        (settled, "source_dropped"),
    ):
        ProgramChange.objects.create(program=program, program_title=program.title, action=action, changes={})
    program_unpublish(program=settled, user=editor)  # an editor's later action settles it

    client.force_login(viewer)
    html = client.get(reverse("staff:program_list") + "?status=source").content.decode()

    assert "원문 확인 필요 (2)" in html
    assert "원문에서 빠진 사업" in html and "원문이 바뀐 사업" in html
    assert "이미 처리한 사업" not in html
    detail = client.get(reverse("staff:program_detail", args=[dropped.pk])).content.decode()
    assert "재추출 시 원문에서 찾지 못함 (검토 필요)" in detail


def test_a_scheme_guide_is_marked_in_the_queue_and_on_its_page(client, viewer):
    guide = make_program(
        title="연구개발비 세액공제 안내",
        summary="※ 본 내용은 지원사업이 아니라 조세지원제도에 대한 안내입니다.",
    )
    program = make_program(title="연구개발 과제 모집", summary="연구개발 과제를 지원합니다.")
    client.force_login(viewer)
    rows = client.get(reverse("staff:program_list")).content.decode().split("<tr")
    assert "제도 안내" in next(r for r in rows if guide.title in r)
    assert "제도 안내" not in next(r for r in rows if program.title in r)
    page = client.get(reverse("staff:program_detail", args=[guide.pk])).content.decode()
    assert "제도 안내 (지원사업 아님)" in page
    other = client.get(reverse("staff:program_detail", args=[program.pk])).content.decode()
    assert "제도 안내 (지원사업 아님)" not in other


def test_detail_shows_evidence_next_to_each_field_escaped(client, viewer):
    program = make_program(title="<script>alert(1)</script> 사업")
    client.force_login(viewer)
    html = client.get(reverse("staff:program_detail", args=[program.pk])).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 사업" in html
    assert "총 20억원 규모로 &lt;b&gt;지원&lt;/b&gt;합니다." in html
    row = html.split('id="field-budget_krw"')[1].split("</tr>")[0]
    assert "2000000000" in row and "총 20억원 규모로" in row


def test_edit_records_old_and_new_and_shows_them_in_the_history(client, editor):
    program = make_program()
    client.force_login(editor)
    assert client.get(reverse("staff:program_edit", args=[program.pk])).status_code == 200

    response = client.post(
        reverse("staff:program_edit", args=[program.pk]),
        _form_data(
            program,
            title="구미 이차전지 시제품 지원(수정)",
            keywords="이차전지\n소재",
            apply_end="2025-05-31",
        ),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    program.refresh_from_db()
    assert program.title == "구미 이차전지 시제품 지원(수정)"
    assert program.keywords == ["이차전지", "소재"]
    change = ProgramChange.objects.get(program=program)
    assert change.user == editor
    assert change.changes == {
        "title": ["구미 이차전지 소재 기업 시제품 제작 지원", "구미 이차전지 시제품 지원(수정)"],
        "keywords": [["이차전지", "시제품"], ["이차전지", "소재"]],
        "apply_end": ["2025-04-30", "2025-05-31"],
    }
    html = client.get(reverse("staff:program_detail", args=[program.pk])).content.decode()
    assert "editor" in html and "수정" in html and "2025-05-31" in html


def test_edit_rejects_unknown_vocabulary_and_regions(client, editor):
    program = make_program()
    client.force_login(editor)
    response = client.post(
        reverse("staff:program_edit", args=[program.pk]),
        _form_data(program, support_types="공짜 돈", regions="아틀란티스"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "알 수 없는 값: 공짜 돈" in html
    assert "아틀란티스" in html
    assert not ProgramChange.objects.exists()


def test_edit_keeps_applicants_that_are_no_firm(client, editor):
    # The extractor reads programs for schools or local governments; staff can save them as they are.
    program = make_program(firm_types=["지자체·공공기관"])
    client.force_login(editor)
    response = client.post(
        reverse("staff:program_edit", args=[program.pk]),
        _form_data(program, firm_types="지자체·공공기관, 학교·학생·개인"),
    )
    assert response.status_code == 302
    program.refresh_from_db()
    assert program.firm_types == ["지자체·공공기관", "학교·학생·개인"]


def test_publish_and_unpublish(client, editor, django_capture_on_commit_callbacks):
    program = make_program()
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("staff:program_publish", args=[program.pk]))
    assert response.status_code == 302
    assert len(callbacks) == 1  # refit queued after commit
    program.refresh_from_db()
    assert program.status == Program.Status.PUBLISHED
    assert client.get(reverse("staff:program_publish", args=[program.pk])).status_code == 405

    client.post(reverse("staff:program_unpublish", args=[program.pk]))
    program.refresh_from_db()
    assert program.status == Program.Status.UNPUBLISHED
    assert list(ProgramChange.objects.order_by("id").values_list("action", flat=True)) == [
        "published",
        "unpublished",
    ]


def test_split_and_merge_through_the_pages(client, editor):
    announcement = Announcement.objects.create(
        format="text", origin="기사.txt", raw_content="청년·시니어 창업 지원", content_hash="h1"
    )
    program = make_program(announcement=announcement)
    client.force_login(editor)
    assert client.get(reverse("staff:program_split", args=[program.pk])).status_code == 200
    response = client.post(
        reverse("staff:program_split", args=[program.pk]), {"titles": "청년 창업 지원\n시니어 창업 지원"}
    )
    assert response.status_code == 302
    new = Program.objects.get(title="시니어 창업 지원")
    assert Program.objects.get(pk=program.pk).title == "청년 창업 지원"

    page = client.get(reverse("staff:program_merge", args=[program.pk])).content.decode()
    assert f"#{new.pk}" in page  # same announcement/title candidates are suggested
    response = client.post(reverse("staff:program_merge", args=[program.pk]), {"other": new.pk})
    assert response.status_code == 302
    new.refresh_from_db()
    assert new.status == Program.Status.UNPUBLISHED
    assert ProgramChange.objects.filter(program=program, action="merged").exists()

    response = client.post(reverse("staff:program_merge", args=[program.pk]), {"other": program.pk})
    assert "같은 사업끼리는 병합할 수 없습니다" in response.content.decode()


def test_years_evidence_is_shown_next_to_the_years_fields(client, viewer):
    program = make_program(years_max=7, evidence={"years": ["창업 7년 이내 기업"]})
    client.force_login(viewer)
    html = client.get(reverse("staff:program_detail", args=[program.pk])).content.decode()
    row = html.split('id="field-years_max"')[1].split("</tr>")[0]
    assert "창업 7년 이내 기업" in row
    assert 'id="field-years"' not in html


def test_an_editor_corrects_a_least_headcount_and_eligibility_follows(client, editor):
    from matcher.engine.eligibility import FirmFacts, decide
    from matcher.engine.regions import Region
    from matcher.services.model_store import program_facts

    program = make_program()
    client.force_login(editor)
    page = client.get(reverse("staff:program_edit", args=[program.pk])).content.decode()
    assert "최소 상시근로자 수" in page
    response = client.post(
        reverse("staff:program_edit", args=[program.pk]), _form_data(program, employees_min="10")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    program.refresh_from_db()
    assert program.employees_min == 10
    small = FirmFacts(Region("경상북도", "구미시"), "소상공인")
    assert not decide(program_facts(program), small).eligible
    refused = client.post(
        reverse("staff:program_edit", args=[program.pk]), _form_data(program, employees_min="-3")
    )
    assert refused.status_code == 200  # a negative headcount is refused with the form shown again
    program.refresh_from_db()
    assert program.employees_min == 10


def test_an_editor_limits_a_program_to_a_district_of_its_city(client, editor):
    program = make_program(regions=[{"sido": "전북특별자치도", "sigungu": "전주시"}])
    client.force_login(editor)
    url = reverse("staff:program_edit", args=[program.pk])
    data = _form_data(program, regions="전북 전주시", district_limits="전주시 덕진구")
    assert client.post(url, data).status_code == 302
    program.refresh_from_db()
    assert program.district_limits == ["전주시 덕진구"]
    for typed, error in (
        ("덕진동", "'덕진동'은(는) 구가 있는 시의 구가 아닙니다"),
        ("창원시 의창구", "창원시 의창구의 시가 지역에 없습니다"),
    ):
        refused = client.post(url, _form_data(program, regions="전북 전주시", district_limits=typed))
        assert refused.status_code == 200 and error in unescape(refused.content.decode())
    program.refresh_from_db()
    assert program.district_limits == ["전주시 덕진구"]


def test_an_editor_opens_a_city_program_to_firms_that_move_in(client, editor):
    from matcher.engine.eligibility import FirmFacts, decide
    from matcher.engine.regions import Region
    from matcher.services.model_store import program_facts

    program = make_program()
    busan = FirmFacts(Region("부산광역시", "해운대구"), firm_type="중소기업")
    assert not decide(program_facts(program), busan).eligible
    client.force_login(editor)
    response = client.post(
        reverse("staff:program_edit", args=[program.pk]), _form_data(program, outside_applicants="moving_in")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    program.refresh_from_db()
    assert program.outside_applicants == Program.OutsideApplicants.MOVING_IN
    assert decide(program_facts(program), busan).eligible
    detail = client.get(reverse("staff:program_detail", args=[program.pk])).content.decode()
    # The choice's label, not the stored value.
    assert '<td class="value">이전·신설하는 기업도 신청 가능</td>' in detail
    change = program.changes.latest("pk")
    assert change.changes["outside_applicants"] == ["", "moving_in"]
    refused = client.post(
        reverse("staff:program_edit", args=[program.pk]), _form_data(program, outside_applicants="anywhere")
    )
    assert refused.status_code == 200 and "anywhere 이/가 선택가능항목에 없습니다" in refused.content.decode()
    program.refresh_from_db()
    assert program.outside_applicants == "moving_in"


def test_an_editor_sets_an_industrial_complex_limit_and_a_kind_alone_is_refused(client, editor):
    from matcher.engine.eligibility import FirmFacts, decide
    from matcher.engine.regions import Region
    from matcher.services.model_store import program_facts

    program = make_program()
    client.force_login(editor)
    response = client.post(
        reverse("staff:program_edit", args=[program.pk]), _form_data(program, site_limits="구미국가산업단지")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    program.refresh_from_db()
    assert program.site_limits == ["구미국가산업단지"]
    assert program.region_scope == "산업단지"
    gumi = Region("경상북도", "구미시")
    assert decide(program_facts(program), FirmFacts(gumi, site="구미5")).eligible
    assert not decide(program_facts(program), FirmFacts(gumi, site="해평")).eligible
    refused = client.post(
        reverse("staff:program_edit", args=[program.pk]), _form_data(program, site_limits="산업단지")
    )
    assert refused.status_code == 200
    assert "산업단지나 특구 이름이 아닙니다" in refused.content.decode()
    program.refresh_from_db()
    assert program.site_limits == ["구미국가산업단지"]
    # A designated zone saves too: it is shown to applicants to check, and refuses no firm's complex.
    zone = client.post(
        reverse("staff:program_edit", args=[program.pk]), _form_data(program, site_limits="충북경제자유구역")
    )
    assert zone.status_code == 302, zone.content.decode()[:2000]
    program.refresh_from_db()
    assert program.site_limits == ["충북경제자유구역"]
    checked = decide(program_facts(program), FirmFacts(gumi, site="해평"))
    assert checked.eligible and "충북경제자유구역 입주 기업 대상 (입주 여부 확인 필요)" in checked.reasons
