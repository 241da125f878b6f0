"""Client firms for outreach: registration one by one or from a CSV, and reverse-match exports."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q, QuerySet

from matcher.engine.regions import default_gazetteer
from matcher.models import Firm, FirmType, Program, SpecialFirmType
from matcher.services.matching import FirmMatch

User = AbstractBaseUser | AnonymousUser

CSV_REQUIRED_COLUMNS = ("name", "sector", "address", "firm_type", "years", "email")
CSV_OPTIONAL_COLUMNS = ("ksic_code", "description", "employees", "special_types")
# More than any SME employs (a 중견기업 may have thousands): a larger 상시근로자 수 is a typing slip.
EMPLOYEES_MAX = 100_000


@dataclass
class RowError:
    line: int  # line number in the file as a spreadsheet shows it (header is line 1)
    messages: list[str]


@dataclass
class FirmImportReport:
    created: list[Firm] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def _clean_firm(data: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Validate one firm's values; returns the model fields and the problems, in Korean."""
    errors: list[str] = []
    name = str(data.get("name") or "").strip()
    sector = str(data.get("sector") or "").strip()
    address = str(data.get("address") or "").strip()
    firm_type = str(data.get("firm_type") or "").strip()
    years_raw = data.get("years")
    employees_raw = data.get("employees")
    email = str(data.get("email") or "").strip()
    if not name:
        errors.append("기업명이 비어 있습니다.")
    if len(name) > 200:
        errors.append("기업명은 200자 이하여야 합니다.")
    if not sector:
        errors.append("업종이 비어 있습니다.")
    location = default_gazetteer().resolve(address) if address else None
    if not address:
        errors.append("주소가 비어 있습니다.")
    elif location is None:
        errors.append(f"주소 '{address}'에서 시도/시군구를 찾을 수 없습니다.")
    if firm_type and firm_type not in FirmType.values:
        errors.append(f"기업 유형 '{firm_type}'은(는) 알 수 없는 값입니다. ({', '.join(FirmType.values)})")
    years: float | None = None
    if years_raw not in (None, ""):
        try:
            years = float(str(years_raw).strip())
        except ValueError:
            errors.append(f"업력 '{years_raw}'은(는) 숫자가 아닙니다.")
        else:
            if years < 0 or years > 200:
                errors.append("업력은 0 이상 200 이하여야 합니다.")
    employees: int | None = None
    if employees_raw not in (None, ""):
        try:
            count = float(str(employees_raw).strip())  # '12.0' from a spreadsheet is 12
        except ValueError:
            errors.append(f"상시근로자 수 '{employees_raw}'은(는) 숫자가 아닙니다.")
        else:
            if not count.is_integer():
                errors.append(f"상시근로자 수 '{employees_raw}'은(는) 정수가 아닙니다.")
            elif count < 0 or count > EMPLOYEES_MAX:
                errors.append(f"상시근로자 수는 0 이상 {EMPLOYEES_MAX} 이하여야 합니다.")
            else:
                employees = int(count)
    special_types = _special_types(data.get("special_types"))
    unknown = [kind for kind in special_types if kind not in SpecialFirmType.values]
    if unknown:
        known = ", ".join(SpecialFirmType.values)
        errors.append(f"기업 구분 '{', '.join(unknown)}'은(는) 알 수 없는 값입니다. ({known})")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(f"이메일 '{email}' 형식이 올바르지 않습니다.")
    values = {
        "name": name,
        "sector": sector,
        "address": address,
        "sido": location.region.sido if location else "",
        "sigungu": (location.region.sigungu or "") if location else "",
        "firm_type": firm_type,
        "years": years,
        "employees": employees,
        "special_types": [kind for kind in special_types if kind in SpecialFirmType.values],
        "email": email,
        "ksic_code": str(data.get("ksic_code") or "").strip()[:10],
        "description": str(data.get("description") or "").strip(),
    }
    return values, errors


def _special_types(value: object) -> list[str]:
    """A form's list, or a CSV cell such as '여성기업; 협동조합' (';', ',' or '/' between them)."""
    if isinstance(value, list | tuple):
        items = [str(item) for item in value]
    else:
        items = re.split(r"[;,/]", str(value or ""))
    return list(dict.fromkeys(item.strip() for item in items if item.strip()))


def firm_search(*, query: str = "") -> QuerySet[Firm]:
    """Registered firms for the staff list, by name: those whose name or sector holds ``query`` ('' for
    all)."""
    firms = Firm.objects.order_by("name", "id")
    if query:
        firms = firms.filter(Q(name__icontains=query) | Q(sector__icontains=query))
    return firms


def registered_firm_count() -> int:
    """How many client firms staff have registered (the pool a program's fitting firms come from)."""
    return Firm.objects.count()


def firm_create(*, data: Mapping[str, Any], user: User | None) -> Firm:
    """Register one firm; the address is resolved to 시도/시군구. Raises ValidationError in Korean."""
    if user is None or not user.has_perm("matcher.add_firm"):
        raise PermissionDenied("matcher.add_firm")
    values, errors = _clean_firm(data)
    if errors:
        raise ValidationError(errors)
    return Firm.objects.create(**values, created_by=user)


def _decode(content: bytes | str) -> str:
    if isinstance(content, str):
        return content.lstrip("\ufeff")
    # Excel on Korean Windows saves CSV as CP949; everything else is UTF-8 (maybe with a BOM).
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp949")


def firms_import_csv(*, content: bytes | str, user: User | None) -> FirmImportReport:
    """Import firms from CSV (name, sector, address, firm_type, years, email [, ksic_code, description,
    employees, special_types]).

    Good rows are imported even when others fail; each bad row is reported with its line and reasons.
    """
    if user is None or not user.has_perm("matcher.add_firm"):
        raise PermissionDenied("matcher.add_firm")
    report = FirmImportReport()
    try:
        text = _decode(content)
    except UnicodeDecodeError:
        report.errors.append(
            RowError(line=1, messages=["파일 인코딩을 읽을 수 없습니다 (UTF-8 또는 CP949)."])
        )
        return report
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    missing = [c for c in CSV_REQUIRED_COLUMNS if c not in header]
    if missing:
        report.errors.append(RowError(line=1, messages=[f"필수 열이 없습니다: {', '.join(missing)}"]))
        return report
    for row in reader:
        line = reader.line_num
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue  # blank line
        values, errors = _clean_firm(row)
        if errors:
            report.errors.append(RowError(line=line, messages=errors))
            continue
        with transaction.atomic():
            report.created.append(Firm.objects.create(**values, created_by=user))
    return report


# --- reverse-match exports ------------------------------------------------------

EXPORT_HEADER = (
    "순위",
    "기업명",
    "점수",
    "업종",
    "KSIC 코드",
    "시도",
    "시군구",
    "기업 유형",
    "기업 구분",
    "업력(년)",
    "상시근로자 수",
    "이메일",
    "일치 용어",
    "자격 근거",
)


def _cell(value: Any) -> Any:
    # A value starting with = + - @ would run as a formula when opened in Excel.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def export_rows(matches: Sequence[FirmMatch]) -> list[list[Any]]:
    rows = []
    for rank, match in enumerate(matches, start=1):
        firm = match.firm
        rows.append(
            [
                rank,
                firm.name,
                round(match.score, 4),
                firm.sector,
                firm.ksic_code,
                firm.sido,
                firm.sigungu,
                firm.firm_type,
                "·".join(firm.special_types or []),
                firm.years if firm.years is not None else "",
                firm.employees if firm.employees is not None else "",
                firm.email,
                ", ".join(match.matched_terms),
                " / ".join(match.eligibility),
            ]
        )
    return [[_cell(v) for v in row] for row in rows]


def program_firms_csv(*, program: Program, matches: Sequence[FirmMatch]) -> bytes:
    """UTF-8 with a BOM so Excel opens Korean text correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_HEADER)
    writer.writerows(export_rows(matches))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def program_firms_xlsx(*, program: Program, matches: Sequence[FirmMatch]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "적합 기업"
    sheet.append([f"지원사업: {_cell(program.title)}"])
    sheet.append(list(EXPORT_HEADER))
    for row in export_rows(matches):
        sheet.append(row)
    sheet.freeze_panes = "A3"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
