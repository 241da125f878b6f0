import csv
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import load_workbook

from matcher.models import Firm
from matcher.services.firms import (
    EXPORT_HEADER,
    firm_create,
    firms_import_csv,
    program_firms_csv,
    program_firms_xlsx,
)
from matcher.services.matching import FirmMatch
from tests.factories import make_firm, make_program

pytestmark = pytest.mark.django_db

GOOD_AND_BAD = (
    "name,sector,address,firm_type,years,email,ksic_code\n"
    "구미배터리,이차전지 소재,경북 구미시 공단동,중소기업,5,ceo@gumi.kr,C28202\n"
    ",식품 제조,어딘가 모르는 곳,대기업,오년,not-an-email,\n"
    "창원정밀,기계 부품,경남 창원시 성산구,,12,,\n"
)


def test_firm_create_resolves_the_address(editor):
    firm = firm_create(
        data={"name": "구미배터리", "sector": "이차전지", "address": "경북 구미시 공단동", "years": 3},
        user=editor,
    )
    assert (firm.sido, firm.sigungu) == ("경상북도", "구미시")
    assert firm.created_by == editor


def test_firm_create_rejects_an_unknown_address_in_korean(editor):
    with pytest.raises(ValidationError) as info:
        firm_create(data={"name": "x", "sector": "y", "address": "아틀란티스"}, user=editor)
    assert "시도/시군구를 찾을 수 없습니다" in " ".join(info.value.messages)
    assert not Firm.objects.exists()


def test_viewer_cannot_register_firms(viewer):
    with pytest.raises(PermissionDenied):
        firm_create(data={"name": "x", "sector": "y", "address": "경북 구미시"}, user=viewer)
    with pytest.raises(PermissionDenied):
        firms_import_csv(content=GOOD_AND_BAD.encode(), user=viewer)


def test_csv_import_keeps_good_rows_and_reports_each_bad_row(editor):
    report = firms_import_csv(content=("\ufeff" + GOOD_AND_BAD).encode("utf-8"), user=editor)

    assert sorted(f.name for f in report.created) == ["구미배터리", "창원정밀"]
    changwon = Firm.objects.get(name="창원정밀")
    assert (changwon.sido, changwon.sigungu) == ("경상남도", "창원시")
    assert Firm.objects.get(name="구미배터리").ksic_code == "C28202"
    assert len(report.errors) == 1
    error = report.errors[0]
    assert error.line == 3
    joined = " ".join(error.messages)
    for expected in (
        "기업명이 비어 있습니다",
        "주소",
        "기업 유형 '대기업'",
        "업력 '오년'",
        "이메일 'not-an-email'",
    ):
        assert expected in joined


def test_csv_import_reads_an_optional_headcount_and_reports_a_bad_one(editor):
    content = (
        "name,sector,address,firm_type,years,email,employees\n"
        "구미배터리,이차전지 소재,경북 구미시 공단동,중소기업,5,ceo@gumi.kr,12\n"
        "창원정밀,기계 부품,경남 창원시 성산구,,12,,\n"
        "포항철강,철강,경북 포항시 남구,,3,,열두명\n"
        "대구섬유,섬유,대구 북구,,3,,-4\n"
        "울산화학,화학,울산 남구,,3,,2.5\n"
    )
    report = firms_import_csv(content=content.encode(), user=editor)

    assert {f.name: f.employees for f in report.created} == {"구미배터리": 12, "창원정밀": None}
    assert Firm.objects.get(name="구미배터리").employees == 12
    assert [(e.line, e.messages) for e in report.errors] == [
        (4, ["상시근로자 수 '열두명'은(는) 숫자가 아닙니다."]),
        (5, ["상시근로자 수는 0 이상 100000 이하여야 합니다."]),
        (6, ["상시근로자 수 '2.5'은(는) 정수가 아닙니다."]),
    ]
    assert not Firm.objects.filter(name__in=["포항철강", "대구섬유", "울산화학"]).exists()


def test_firm_create_takes_a_headcount(editor):
    data = {"name": "구미배터리", "sector": "이차전지", "address": "경북 구미시 공단동"}
    assert firm_create(data={**data, "employees": 30}, user=editor).employees == 30
    assert firm_create(data={**data, "employees": None}, user=editor).employees is None


def test_csv_import_reads_cp949_from_korean_excel(editor):
    report = firms_import_csv(content=GOOD_AND_BAD.encode("cp949"), user=editor)
    assert len(report.created) == 2


def test_csv_import_reports_missing_columns(editor):
    report = firms_import_csv(content="name,sector\n가,나\n".encode(), user=editor)
    assert report.created == []
    assert "address" in report.errors[0].messages[0]


def _matches():
    return [
        FirmMatch(firm=make_firm(), score=0.91, matched_terms=["이차전지"], eligibility=["구미시 소재"]),
        FirmMatch(firm=make_firm(name='=HYPERLINK("x")', email=""), score=0.5),
        FirmMatch(
            firm=make_firm(name="구미셀", employees=40, special_types=["여성기업", "협동조합"]), score=0.4
        ),
    ]


def test_csv_export_is_utf8_with_bom_and_neutralises_formulas():
    program = make_program()
    body = program_firms_csv(program=program, matches=_matches())

    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert tuple(rows[0]) == EXPORT_HEADER
    assert rows[1][:3] == ["1", "구미배터리", "0.91"]
    assert rows[1][5:7] == ["경상북도", "구미시"]
    assert rows[1][8:11] == ["", "5", ""]  # 기업 구분, 업력, 상시근로자 수 (none given)
    assert rows[1][12:] == ["이차전지", "구미시 소재"]
    assert rows[2][1] == '\'=HYPERLINK("x")'
    assert rows[3][1] == "구미셀" and rows[3][8] == "여성기업·협동조합" and rows[3][10] == "40"


def test_xlsx_export_has_the_ranked_firms():
    program = make_program()
    body = program_firms_xlsx(program=program, matches=_matches())

    sheet = load_workbook(io.BytesIO(body)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert program.title in rows[0][0]
    assert rows[1] == EXPORT_HEADER
    assert rows[2][:3] == (1, "구미배터리", 0.91)
    assert rows[3][1].startswith("'=")
    assert rows[4][1] == "구미셀" and rows[4][8:11] == ("여성기업·협동조합", 5, 40)


def test_csv_import_reads_the_kinds_of_firm_and_reports_an_unknown_one(editor):
    content = (
        "name,sector,address,firm_type,years,email,special_types\n"
        "구미배터리,이차전지 소재,경북 구미시 공단동,중소기업,5,ceo@gumi.kr,여성기업; 협동조합\n"
        "창원정밀,기계 부품,경남 창원시 성산구,,12,,\n"
        "포항철강,철강,경북 포항시 남구,,3,,대기업\n"
    )
    report = firms_import_csv(content=content.encode(), user=editor)

    assert {f.name: f.special_types for f in report.created} == {
        "구미배터리": ["여성기업", "협동조합"],
        "창원정밀": [],
    }
    assert [(e.line, e.messages) for e in report.errors] == [
        (4, ["기업 구분 '대기업'은(는) 알 수 없는 값입니다. (사회적기업, 여성기업, 장애인기업, 협동조합)"])
    ]
    # The form's ticks arrive as a list.
    data = {"name": "대구섬유", "sector": "섬유", "address": "대구 북구", "special_types": ["장애인기업"]}
    assert firm_create(data=data, user=editor).special_types == ["장애인기업"]
