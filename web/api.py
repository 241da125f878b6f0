"""JSON API (django-ninja): match a firm and read a program. OpenAPI at /api/v1/openapi.json,
docs at /api/v1/docs. Input goes through the same form as the pages, so errors are the same
Korean messages (422 with ``message``)."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, NinjaAPI, Schema, Status
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

from matcher.models import Program
from matcher.services.matching import follows_with_local_programs, local_programs, match_firm
from matcher.services.programs_public import (
    application_status,
    eligibility_reasons,
    format_krw,
    published_program,
    reason_sentence,
    region_labels,
    suggest_sectors,
)
from web.forms import DESCRIPTION_MAX, SECTOR_MAX, MatchForm
from web.ratelimit import RATE_LIMIT_MESSAGE, allow_request

api = NinjaAPI(
    title="grantmatch API",
    version="1",
    description="중소기업 지원사업 매칭 API. 오류는 한국어 message와 함께 돌려줍니다.",
    urls_namespace="api",
)


class ErrorOut(Schema):
    message: str
    errors: dict[str, list[str]] = {}


class MatchIn(Schema):
    sector: str = Field(..., description="업종 (자유 입력)", max_length=SECTOR_MAX * 2)
    region: str = Field("", description="소재지 주소 (예: '경북 구미시 공단동'); sido/sigungu 대신")
    sido: str = Field("", description="시도 (예: 경상북도)")
    sigungu: str = Field("", description="시군구 (예: 구미시)")
    firm_type: str = Field("", description="중소기업/소상공인/창업기업/예비창업자/중견기업")
    special_types: list[str] = Field(
        default_factory=list, description="해당하는 기업 구분: 사회적기업/여성기업/장애인기업/협동조합"
    )
    years: float | None = Field(None, description="업력(년)")
    employees: int | None = Field(None, description="상시근로자 수")
    ksic_code: str = Field("", description="KSIC 11차 세세분류 코드 (선택, 예: C28202)", max_length=10)
    description: str = Field("", max_length=DESCRIPTION_MAX * 2)
    limit: int = Field(10, ge=1, le=50)
    offset: int = Field(0, ge=0, le=2000)
    support_types: list[str] = Field(default_factory=list)
    open_only: bool = False
    sort: str = Field(
        "",
        description=(
            "'' (추천순) 또는 'closing' (마감 임박순: 접수 중이고 마감일이 있는 사업 중 잘 맞는 50건을 "
            "마감일 순으로)"
        ),
    )


class LocationOut(Schema):
    sido: str
    sigungu: str | None
    label: str


class ProgramSummaryOut(Schema):
    id: int
    url: str
    title: str
    agency: str
    region_scope: str
    regions: list[str]
    budget_krw: int | None
    budget_label: str
    apply_start: date | None
    apply_end: date | None
    application_status: str
    support_types: list[str]


class MatchItemOut(ProgramSummaryOut):
    rank: int
    score: float
    is_open: bool | None
    information_only: bool  # a guide to a scheme (the notice says it is not a support program)
    matched_terms: list[str]  # the analyser's morphemes both share ('이차', '전지'), rarest first
    shared_words: list[str]  # the same, as the program writes them ('이차전지'), for display
    reason: str
    evidence: list[str]
    eligibility: list[str]
    # The same notice posted again under other ids (GET /programs/{id}); this item stands for them all.
    reposted_as: list[int]


class RegionProgramOut(ProgramSummaryOut):
    is_open: bool | None
    reason: str  # what the program is, in its own first sentence: no words of the firm's met it
    eligibility: list[str]
    reposted_as: list[int]


class MatchOut(Schema):
    total: int
    limit: int
    offset: int
    model_version: int | None
    location: LocationOut
    items: list[MatchItemOut]
    # Words of the sector that no program the firm may apply for uses in its title or summary: with
    # them, only letters, not meaning, found anything; ask the owner for other words.
    unmet_words: list[str]
    # After fewer than 10 matches, on the first page and without filters: programs of the firm's own
    # 시군구 and 시도 that its words do not reach, city first (the results page's '다른 지역 사업').
    region_programs: list[RegionProgramOut]


class ProgramOut(ProgramSummaryOut):
    operator: str
    nationwide: bool
    # Who beyond the regions may apply: "" (no one), "moving_in" (firms that move in or open a site
    # there), "activity" (firms anywhere whose work takes place there: bringing tourists, a shoot).
    outside_applicants: str
    places: list[str]
    firm_types: list[str]
    years_min: float | None
    years_max: float | None
    employees_min: int | None  # least headcount an applicant must have ('상시근로자 5인 이상')
    site_limits: list[str]  # industrial complexes applicants must be in ('광양국가산단')
    district_limits: list[str]  # 일반구 of its cities applicants must be in ('전주시 덕진구')
    sectors: list[dict]
    keywords: list[str]
    national_budget_krw: int | None
    national_budget_label: str
    period_end_year: int | None
    contact: str
    source_url: str
    apply_url: str
    summary: str
    evidence: dict[str, list[str]]


class SectorOut(Schema):
    name: str
    code: str


# Pydantic error types → Korean; anything else keeps pydantic's own (English) wording.
_SCHEMA_MESSAGES = {
    "missing": "필수 항목입니다.",
    "int_parsing": "정수여야 합니다.",
    "int_type": "정수여야 합니다.",
    "float_parsing": "숫자여야 합니다.",
    "float_type": "숫자여야 합니다.",
    "bool_parsing": "true 또는 false여야 합니다.",
    "bool_type": "true 또는 false여야 합니다.",
    "string_type": "문자열이어야 합니다.",
    "list_type": "목록(배열)이어야 합니다.",
    "string_too_long": "너무 깁니다 (최대 {max_length}자).",
    "less_than_equal": "{le} 이하여야 합니다.",
    "greater_than_equal": "{ge} 이상이어야 합니다.",
    "json_invalid": "JSON 형식이 올바르지 않습니다.",
    "model_attributes_type": "JSON 객체여야 합니다.",
    "dict_type": "JSON 객체여야 합니다.",
}


def _schema_message(error: dict) -> str:
    template = _SCHEMA_MESSAGES.get(str(error.get("type", "")))
    if template is None:
        return str(error.get("msg", ""))
    try:
        return template.format(**(error.get("ctx") or {}))
    except (KeyError, IndexError):
        return template


@api.exception_handler(NinjaValidationError)
def _validation_error(request: HttpRequest, exc: NinjaValidationError):
    # Ninja's default message is English and technical; callers get Korean per field.
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        loc = [str(p) for p in error.get("loc", []) if p not in ("body", "payload", "query", "path")]
        errors.setdefault(".".join(loc) or "body", []).append(_schema_message(error))
    fields = ", ".join(errors)
    return api.create_response(
        request, {"message": f"입력값이 올바르지 않습니다: {fields}", "errors": errors}, status=422
    )


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError):
    # Ninja raises HttpError(400) for a body that is not JSON; keep the Korean ``message`` shape.
    message = "JSON 형식이 올바르지 않습니다." if exc.status_code == 400 else str(exc)
    return api.create_response(request, {"message": message}, status=exc.status_code)


def _summary(program: Program) -> dict:
    return {
        "id": program.pk,
        "url": reverse("program_detail", args=[program.pk]),
        "title": program.title,
        "agency": program.agency,
        "region_scope": program.region_scope,
        "regions": region_labels(program=program),
        "budget_krw": program.budget_krw,
        "budget_label": format_krw(amount=program.budget_krw),
        "apply_start": program.apply_start,
        "apply_end": program.apply_end,
        "application_status": application_status(program=program),
        "support_types": list(program.support_types or []),
    }


@api.post(
    "/match",
    response={200: MatchOut, 400: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    summary="기업에 맞는 지원사업",
)
def match(request: HttpRequest, payload: MatchIn):
    if not allow_request(request=request):
        return Status(429, {"message": RATE_LIMIT_MESSAGE})
    form = MatchForm(
        {
            "sector": payload.sector,
            "location": payload.region,
            "sido": payload.sido,
            "sigungu": payload.sigungu,
            "firm_type": payload.firm_type,
            "special_types": payload.special_types,
            "years": "" if payload.years is None else payload.years,
            "employees": "" if payload.employees is None else payload.employees,
            "ksic_code": payload.ksic_code,
            "description": payload.description,
            "support_type": payload.support_types,
            "open_only": payload.open_only,
            "sort": payload.sort,
        }
    )
    if not form.is_valid():
        errors = {("region" if k == "location" else k): [str(m) for m in v] for k, v in form.errors.items()}
        first = next(iter(errors.values()))[0]
        return Status(422, {"message": first, "errors": errors})
    profile = form.profile()
    filters = form.filters()
    found = match_firm(profile=profile, limit=payload.limit, offset=payload.offset, filters=filters)
    items = []
    for rank, item in enumerate(found.items, start=payload.offset + 1):
        items.append(
            {
                **_summary(item.program),
                "rank": rank,
                "score": round(max(0.0, min(1.0, item.score)), 4),
                "is_open": item.is_open,
                "information_only": item.information_only,
                "matched_terms": item.matched_terms,
                "shared_words": item.shared_words,
                "reason": reason_sentence(match=item),
                "evidence": item.evidence,
                "eligibility": eligibility_reasons(match=item, profile=profile),
                "reposted_as": [p.pk for p in item.reposts],
            }
        )
    region_programs = []
    if follows_with_local_programs(found=found, filters=filters, offset=payload.offset):
        region_programs = [
            {
                **_summary(item.program),
                "is_open": item.is_open,
                "reason": reason_sentence(match=item),
                "eligibility": eligibility_reasons(match=item, profile=profile),
                "reposted_as": [p.pk for p in item.reposts],
            }
            for item in local_programs(profile=profile, today=filters.today)
        ]
    region = profile.region
    return Status(
        200,
        {
            "total": found.total,
            "limit": payload.limit,
            "offset": payload.offset,
            "model_version": found.model_version,
            "location": {"sido": region.sido, "sigungu": region.sigungu, "label": profile.location_label},
            "items": items,
            "unmet_words": found.unmet_words,
            "region_programs": region_programs,
        },
    )


@api.get(
    "/programs/{program_id}",
    response={200: ProgramOut, 404: ErrorOut, 422: ErrorOut},
    summary="지원사업 상세",
)
def program(request: HttpRequest, program_id: int):
    try:
        found = published_program(program_id=program_id)
    except Program.DoesNotExist:
        return Status(404, {"message": "게시된 지원사업을 찾을 수 없습니다."})
    evidence = {
        str(k): [str(s) for s in (v if isinstance(v, list) else [v])]
        for k, v in (found.evidence or {}).items()
    }
    return Status(
        200,
        {
            **_summary(found),
            "operator": found.operator,
            "nationwide": found.nationwide,
            "outside_applicants": found.outside_applicants,
            "places": [str(p) for p in found.places or []],
            "firm_types": list(found.firm_types or []),
            "years_min": found.years_min,
            "years_max": found.years_max,
            "employees_min": found.employees_min,
            "site_limits": [str(s) for s in found.site_limits or []],
            "district_limits": [str(d) for d in found.district_limits or []],
            "sectors": [s for s in found.sectors or [] if isinstance(s, dict)],
            "keywords": [str(k) for k in found.keywords or []],
            "national_budget_krw": found.national_budget_krw,
            "national_budget_label": format_krw(amount=found.national_budget_krw),
            "period_end_year": found.period_end_year,
            "contact": found.contact,
            "source_url": found.source_url,
            "apply_url": found.apply_url,
            "summary": found.summary,
            "evidence": evidence,
        },
    )


@api.get("/sectors", response=list[SectorOut], summary="업종 이름 추천 (KSIC)")
def sectors(request: HttpRequest, q: str = ""):
    return suggest_sectors(query=q[:50], limit=10)
