import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from matcher.models import Firm
from tests.factories import make_firm, make_program

pytestmark = pytest.mark.django_db

CSV = (
    "name,sector,address,firm_type,years,email\n"
    "구미배터리,이차전지 소재,경북 구미시 공단동,중소기업,5,ceo@gumi.kr\n"
    "불량기업,식품,없는 동네,대기업,,bad@\n"
)


def test_editor_registers_a_firm_with_the_form(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("staff:firm_list"),
        {"name": "창원정밀", "sector": "기계 부품", "address": "경남 창원시 성산구", "years": "12"},
    )
    assert response.status_code == 302
    firm = Firm.objects.get()
    assert (firm.sido, firm.sigungu, firm.years) == ("경상남도", "창원시", 12.0)


def test_editor_gives_a_headcount_and_the_list_shows_it(client, editor):
    client.force_login(editor)
    data = {"name": "창원정밀", "sector": "기계 부품", "address": "경남 창원시 성산구", "employees": "37"}
    assert client.post(reverse("staff:firm_list"), data).status_code == 302
    assert Firm.objects.get().employees == 37
    html = client.get(reverse("staff:firm_list")).content.decode()
    assert "<th>상시근로자 수</th>" in html and "<td>37</td>" in html
    # A negative headcount is refused by the form; nothing is registered.
    refused = client.post(reverse("staff:firm_list"), {**data, "name": "음수기업", "employees": "-1"})
    assert refused.status_code == 200 and 'id="id_employees"' in refused.content.decode()
    assert "employees" in refused.context["form"].errors
    assert not Firm.objects.filter(name="음수기업").exists()


def test_csv_import_page_reports_a_bad_headcount_and_keeps_the_good_rows(client, editor):
    client.force_login(editor)
    upload = io.BytesIO(
        (
            "name,sector,address,firm_type,years,email,employees\n"
            "구미배터리,이차전지 소재,경북 구미시 공단동,중소기업,5,ceo@gumi.kr,12\n"
            "포항철강,철강,경북 포항시 남구,,3,,열두명\n"
        ).encode()
    )
    upload.name = "firms.csv"
    html = client.post(reverse("staff:firm_import"), {"file": upload}).content.decode()
    assert "1개 기업을 등록했습니다" in html and "1개 행에 오류가 있습니다" in html
    assert "상시근로자 수 &#x27;열두명&#x27;은(는) 숫자가 아닙니다." in html
    assert list(Firm.objects.values_list("name", "employees")) == [("구미배터리", 12)]


def test_form_reports_an_unresolvable_address(client, editor):
    client.force_login(editor)
    response = client.post(reverse("staff:firm_list"), {"name": "x", "sector": "y", "address": "아틀란티스"})
    assert response.status_code == 200
    assert "시도/시군구를 찾을 수 없습니다" in response.content.decode()
    assert not Firm.objects.exists()


def test_csv_import_page_imports_good_rows_and_lists_errors_in_korean(client, editor):
    client.force_login(editor)
    upload = io.BytesIO(("\ufeff" + CSV).encode())
    upload.name = "firms.csv"
    response = client.post(reverse("staff:firm_import"), {"file": upload})

    assert response.status_code == 200
    html = response.content.decode()
    assert "1개 기업을 등록했습니다" in html
    assert "1개 행에 오류가 있습니다" in html
    assert "주소 &#x27;없는 동네&#x27;에서 시도/시군구를 찾을 수 없습니다." in html
    assert "기업 유형 &#x27;대기업&#x27;" in html
    assert list(Firm.objects.values_list("name", flat=True)) == ["구미배터리"]


def test_viewer_sees_firms_without_the_registration_forms(client, viewer):
    make_firm()
    client.force_login(viewer)
    html = client.get(reverse("staff:firm_list")).content.decode()
    assert "구미배터리" in html
    assert 'enctype="multipart/form-data"' not in html


@pytest.fixture
def published_program(editor):
    from matcher.services.programs import program_publish

    program = make_program(title="구미 이차전지 소재 시제품 지원")
    return program_publish(program=program, user=editor)


def test_program_firms_page_and_exports_list_the_fitting_firms(client, viewer, published_program):
    make_firm(name="구미배터리")
    make_firm(name="광주식품", sector="식품 제조", sido="광주광역시", sigungu="북구", address="광주 북구")
    client.force_login(viewer)

    html = client.get(reverse("staff:program_firms", args=[published_program.pk])).content.decode()
    assert "구미배터리" in html
    assert "광주식품" not in html

    response = client.get(reverse("staff:program_firms_export", args=[published_program.pk, "csv"]))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["순위", "기업명"]
    assert [row[1] for row in rows[1:]] == ["구미배터리"]

    response = client.get(reverse("staff:program_firms_export", args=[published_program.pk, "xlsx"]))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:2] == ("순위", "기업명")
    assert [row[1] for row in rows[2:]] == ["구미배터리"]


def test_program_firms_page_says_how_many_firms_are_registered(client, viewer, published_program):
    url = reverse("staff:program_firms", args=[published_program.pk])
    client.force_login(viewer)
    html = client.get(url).content.decode()
    # No client firm yet: the page says so and where to register them, not that none fits.
    assert "등록된 고객 기업이 없습니다." in html
    assert reverse("staff:firm_import") in html

    make_firm(name="구미배터리")
    make_firm(name="광주식품", sector="식품 제조", sido="광주광역시", sigungu="북구", address="광주 북구")
    html = client.get(url).content.decode()
    assert "등록된 고객 기업 2곳 중 이 사업에 맞는 기업 1곳" in html
    assert "등록된 고객 기업이 없습니다." not in html


def test_unknown_export_format_is_404(client, viewer, published_program):
    client.force_login(viewer)
    assert client.get(f"/staff/programs/{published_program.pk}/firms.pdf").status_code == 404


def test_editor_ticks_the_kinds_of_firm_and_the_list_shows_them(client, editor):
    client.force_login(editor)
    data = {
        "name": "창원정밀",
        "sector": "기계 부품",
        "address": "경남 창원시 성산구",
        "firm_type": "중소기업",
    }
    assert client.post(reverse("staff:firm_list"), {**data, "special_types": ["여성기업"]}).status_code == 302
    assert Firm.objects.get().special_types == ["여성기업"]
    assert "<td>중소기업 · 여성기업</td>" in client.get(reverse("staff:firm_list")).content.decode()
