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
    ]


def test_csv_export_is_utf8_with_bom_and_neutralises_formulas():
    program = make_program()
    body = program_firms_csv(program=program, matches=_matches())

    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert tuple(rows[0]) == EXPORT_HEADER
    assert rows[1][:3] == ["1", "구미배터리", "0.91"]
    assert rows[1][5:7] == ["경상북도", "구미시"]
    assert rows[1][10:] == ["이차전지", "구미시 소재"]
    assert rows[2][1] == '\'=HYPERLINK("x")'


def test_xlsx_export_has_the_ranked_firms():
    program = make_program()
    body = program_firms_xlsx(program=program, matches=_matches())

    sheet = load_workbook(io.BytesIO(body)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert program.title in rows[0][0]
    assert rows[1] == EXPORT_HEADER
    assert rows[2][:3] == (1, "구미배터리", 0.91)
    assert rows[3][1].startswith("'=")
