"""Eligibility of a firm for a program: region (never violated), firm type, 업력 and headcount.

Each decision carries Korean reasons for the UI ('경상북도 구미시 소재 기업 대상',
'전국 중소기업 대상'). Plain Python, no Django: works on ``ProgramFacts``, a light copy
of a program's eligibility fields, so the same rules serve the in-memory index, the
service and the benchmarks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from matcher.engine.regions import Region, default_gazetteer, same_site, site_key

PRE_STARTUP = "예비창업자"
STARTUP = "창업기업"
SME = "중소기업"
SMALL_BUSINESS = "소상공인"
MIDSIZE = "중견기업"
SPECIAL_TYPES = ("사회적기업", "여성기업", "장애인기업", "협동조합")
# Programs whose target field names only people or institutions that are not businesses (schools,
# universities, students, youth, citizens): no firm may apply (a business is never a school or a pupil).
NON_FIRM = "학교·학생·개인"
# Programs whose applicants are local governments or public bodies ('16개 광역지방자치단체'): no firm either.
PUBLIC_BODY = "지자체·공공기관"
# A program open to this many 시도 or more (over half of the 17) ranks as a nationwide one.
WIDE_REGION_COUNT = 9
# A startup (창업기업) is, by the 중소기업창업 지원법, a business within 7 years of founding.
STARTUP_DEFAULT_YEARS = 7.0
# 소상공인 employ fewer than 10 (소상공인기본법: under 5, or under 10 in manufacturing, mining, construction
# and transport), so a program asking for 10 or more employees is not for them.
SMALL_BUSINESS_EMPLOYEE_LIMIT = 10
# Who beyond a regional program's own firms may apply (``ProgramFacts.outside_applicants``): firms that move
# in or open a site there ('관내 신설ㆍ이전ㆍ확장을 계획 중인 기업', '보령 거주(예정)자'), or firms anywhere
# whose paid work happens there (a travel agency bringing tourists, a producer shooting there).
MOVING_IN = "moving_in"
ACTIVITY_HERE = "activity"
OUTSIDE_APPLICANTS = ("", MOVING_IN, ACTIVITY_HERE)


@dataclass(frozen=True)
class FirmFacts:
    region: Region
    firm_type: str = ""  # a FirmType value or ""
    years: float | None = None
    employees: int | None = None  # 상시근로자 수, when the firm gave it
    site: str = ""  # the industrial complex the firm is in, as a regions.site_key ('광양'), or ""
    district: str = ""  # the 일반구 of its city, in full ('전주시 덕진구'), when the firm named it
    # Kinds of firm a certificate or a law makes it, beside its type (SPECIAL_TYPES: '여성기업'): a program
    # for such firms only admits those that say they are one.
    special_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProgramFacts:
    nationwide: bool = False
    regions: tuple[Region, ...] = ()
    firm_types: tuple[str, ...] = ()
    years_min: float | None = None
    years_max: float | None = None
    employees_min: int | None = None  # '상시근로자 5인 이상': the least headcount an applicant must have
    site_limits: tuple[str, ...] = ()  # industrial complexes applicants must be in ('광양국가산단')
    outside_applicants: str = ""  # one of OUTSIDE_APPLICANTS: who beyond ``regions`` may apply
    # 일반구 of its cities applicants must be in ('전주시 덕진구'): below the 시군구, where Region stops.
    district_limits: tuple[str, ...] = ()

    @classmethod
    def from_fields(
        cls,
        *,
        nationwide: bool,
        regions: list,
        firm_types: list | tuple = (),
        years_min: float | None = None,
        years_max: float | None = None,
        employees_min: int | None = None,
        site_limits: list | tuple = (),
        outside_applicants: str = "",
        district_limits: list | tuple = (),
    ) -> ProgramFacts:
        parsed = tuple(r if isinstance(r, Region) else Region.from_dict(r) for r in regions or [])
        return cls(
            nationwide=bool(nationwide) or not parsed,
            regions=parsed,
            firm_types=tuple(firm_types or ()),
            years_min=years_min,
            years_max=years_max,
            employees_min=employees_min or None,
            site_limits=tuple(site_limits or ()),
            # Only a regional program has an outside to open to.
            outside_applicants=outside_applicants if parsed and not nationwide else "",
            district_limits=tuple(district_limits or ()),
        )


class Reason(str):
    """A reason as Korean text that keeps its template and values, so a page can say it in another
    language (``web/vocabulary.py`` names each template); everywhere else it is just the text."""

    template: str
    values: dict[str, str]

    def __new__(cls, template: str, **values: str) -> Reason:
        reason = super().__new__(cls, template.format(**values))
        reason.template = template
        reason.values = values
        return reason

    def __reduce__(self):  # pickled (a worker's result) as what it is
        return (_reason, (self.template, self.values))


def _reason(template: str, values: dict[str, str]) -> Reason:
    return Reason(template, **values)


# The templates of the reasons a firm may apply (translated on English pages).
NATIONWIDE_REASON = "전국 {types} 대상"
WIDE_REASON = "전국 ({left_out} 제외) {types} 대상"
LOCATED_REASON = "{where} 소재 {types} 대상"
# A firm elsewhere admitted by ``outside_applicants``: the condition it has to meet there.
MOVING_IN_REASON = "{where}에 이전·신설하는 {types} 대상 (지금 소재지 무관)"
ACTIVITY_REASON = "{where}에서 활동하는 {types} 대상 (소재지 무관)"
YEARS_RANGE_REASON = "업력 {low}년 초과 {high}년 이내"
YEARS_MAX_REASON = "업력 {high}년 이내"
YEARS_MIN_REASON = "업력 {low}년 초과"
EMPLOYEES_REASON = "상시근로자 {low}인 이상"
# A firm that named no 구 of its city may be in the one a program is limited to: shown for it to check.
DISTRICT_UNCHECKED_REASON = "{where} 소재 {types} 대상 (구 확인 필요)"
SITE_REASON = "{sites} 입주 기업 대상"
# A firm that named no complex may still be in one: the limit is shown for it to check.
SITE_UNCHECKED_REASON = "{sites} 입주 기업 대상 (입주 여부 확인 필요)"
ANY_FIRM = "기업"
# Why a firm may not apply: staff see them beside firms; an owner sees one on a program page opened with a
# search the program does not admit.
REGION_REFUSED = "{where} 소재 기업 대상 (지역 불일치)"
REGION_MORE_REFUSED = "{where} 외 {more}곳 소재 기업 대상 (지역 불일치)"
WIDE_REFUSED = "전국 ({left_out} 제외) 기업 대상 (지역 불일치)"
SITE_REFUSED = "{sites} 입주 기업 대상 (산업단지 불일치)"
NON_FIRM_REFUSED = "학교·학생·개인 대상 (기업 지원 아님)"
PUBLIC_BODY_REFUSED = "지자체·공공기관 대상 (기업 지원 아님)"
TYPES_ONLY_REFUSED = "{types} 대상"
REGISTERED_ONLY_REFUSED = "사업자 등록 기업 대상 (예비창업자 제외)"
STARTUP_REFUSED = "창업 {high}년 이내 기업 대상"
YEARS_MAX_REFUSED = "업력 {high}년 이내 대상"
YEARS_MIN_REFUSED = "업력 {low}년 초과 대상"
EMPLOYEES_REFUSED = "상시근로자 {low}인 이상 기업 대상"
TYPE_REFUSED = "기업 유형 불일치"
REASON_TEMPLATES = (
    NATIONWIDE_REASON,
    WIDE_REASON,
    LOCATED_REASON,
    DISTRICT_UNCHECKED_REASON,
    MOVING_IN_REASON,
    ACTIVITY_REASON,
    YEARS_RANGE_REASON,
    YEARS_MAX_REASON,
    YEARS_MIN_REASON,
    EMPLOYEES_REASON,
    SITE_REASON,
    SITE_UNCHECKED_REASON,
    REGION_REFUSED,
    REGION_MORE_REFUSED,
    WIDE_REFUSED,
    SITE_REFUSED,
    NON_FIRM_REFUSED,
    PUBLIC_BODY_REFUSED,
    TYPES_ONLY_REFUSED,
    REGISTERED_ONLY_REFUSED,
    STARTUP_REFUSED,
    YEARS_MAX_REFUSED,
    YEARS_MIN_REFUSED,
    EMPLOYEES_REFUSED,
    TYPE_REFUSED,
)


@dataclass
class Decision:
    eligible: bool
    reasons: list[str] = field(default_factory=list)  # why the firm may apply (or why not)
    region_level: int = 0  # 0 nationwide, 1 시도, 2 시군구: how specific the admitting region is
    type_fit: float = 0.0  # 1 when the program names the firm's own type, 0.5 when it admits it generally


def region_admits(program: ProgramFacts, region: Region) -> tuple[bool, int, Region | None]:
    """(admitted, level, admitting region). Hierarchy: 전국 ⊃ 시도 ⊃ 시군구.

    A firm from elsewhere that ``outside_applicants`` admits ranks as for a nationwide program (level 0,
    no admitting region): the program is not made for where it is now. A program for work done in its
    region (``ACTIVITY_HERE``) is made for no location at all, so its own region's firms rank it so too."""
    if program.nationwide or not program.regions or program.outside_applicants == ACTIVITY_HERE:
        return True, 0, None
    best: tuple[int, Region] | None = None
    for candidate in program.regions:
        if candidate.contains(region):
            level = 2 if candidate.sigungu else 1
            if best is None or level > best[0]:
                best = (level, candidate)
    if best is None:
        return bool(program.outside_applicants), 0, None
    if best[0] == 1 and len(program.regions) >= WIDE_REGION_COUNT:
        return True, 0, best[1]  # open to most of the country ('비수도권'): not a regional program
    return True, best[0], best[1]


def type_admits(program: ProgramFacts, firm: FirmFacts) -> tuple[bool, float, str]:
    """Firm type and 업력. Unknown firm facts never exclude; unknown program limits never exclude."""
    types = set(program.firm_types)
    firm_type = firm.firm_type
    years = firm.years
    if firm_type == PRE_STARTUP:
        years = 0.0
    ok, why = _employees_ok(program, firm)
    if not ok:
        return False, 0.0, why
    if not types:
        ok, why = _years_ok(program, years)
        return ok, 0.5, why
    if NON_FIRM in types:
        return False, 0.0, Reason(NON_FIRM_REFUSED)
    if PUBLIC_BODY in types:
        return False, 0.0, Reason(PUBLIC_BODY_REFUSED)
    special = types & set(SPECIAL_TYPES)
    general = types - special
    if special and not special & {firm_type, *firm.special_types}:
        # '여성기업 …' programs name 중소기업 too, but are for that kind of firm only.
        return False, 0.0, Reason(TYPES_ONLY_REFUSED, types="·".join(sorted(special)))
    if special and not general:
        # For that kind of firm only, of any size: the kind decides, then 업력.
        ok, why = _years_ok(program, years)
        return ok, 1.0 if ok else 0.0, why
    if not firm_type:
        ok, why = _years_ok(program, years)
        return ok, 0.5, why
    if firm_type == PRE_STARTUP:
        if PRE_STARTUP in types:
            return True, 1.0, ""
        return False, 0.0, Reason(REGISTERED_ONLY_REFUSED)
    # A registered business from here on.
    ok, why = _years_ok(program, years)
    if not ok:
        return False, 0.0, why
    if firm_type in types:
        return True, 1.0, ""
    is_startup = firm_type == STARTUP or (years is not None and years <= _startup_limit(program))
    if STARTUP in types and is_startup:
        return True, 1.0 if firm_type == STARTUP else 0.7, ""
    if firm_type == SMALL_BUSINESS and SME in types:
        return True, 0.5, ""  # 소상공인 are 중소기업 too
    if firm_type == STARTUP and SME in types:
        return True, 0.5, ""
    if firm_type == SME and SMALL_BUSINESS in types and SME not in types:
        return False, 0.0, Reason(TYPES_ONLY_REFUSED, types=SMALL_BUSINESS)
    if firm_type in (SME, SMALL_BUSINESS) and STARTUP in types and not is_startup:
        return False, 0.0, Reason(STARTUP_REFUSED, high=f"{_startup_limit(program):g}")
    if general <= {PRE_STARTUP}:
        return False, 0.0, Reason(TYPES_ONLY_REFUSED, types=PRE_STARTUP)
    if firm_type == STARTUP and SMALL_BUSINESS in types:
        # A firm that calls itself a startup is not asking for 소상공인 support (a single choice in the form).
        return False, 0.0, Reason(TYPES_ONLY_REFUSED, types=SMALL_BUSINESS)
    if MIDSIZE in types and SME not in types:
        return False, 0.0, Reason(TYPES_ONLY_REFUSED, types=MIDSIZE)
    return True, 0.3, ""


def _startup_limit(program: ProgramFacts) -> float:
    return program.years_max if program.years_max is not None else STARTUP_DEFAULT_YEARS


def _employees_ok(program: ProgramFacts, firm: FirmFacts) -> tuple[bool, str]:
    """The firm's headcount against the program's least one. A headcount the firm gave decides; without
    one, the firm's type tells what it cannot have: none before founding, under 10 for a 소상공인."""
    least = program.employees_min
    if not least:
        return True, ""
    refused = False, Reason(EMPLOYEES_REFUSED, low=str(least))
    if firm.firm_type == PRE_STARTUP:
        return refused  # not founded: whatever number was typed, it employs nobody yet
    if firm.employees is not None:
        return refused if firm.employees < least else (True, "")
    if firm.firm_type == SMALL_BUSINESS and least >= SMALL_BUSINESS_EMPLOYEE_LIMIT:
        return refused
    return True, ""


def _years_ok(program: ProgramFacts, years: float | None) -> tuple[bool, str]:
    if years is None:
        return True, ""
    if program.years_max is not None and years > program.years_max:
        return False, Reason(YEARS_MAX_REFUSED, high=f"{program.years_max:g}")
    if program.years_min is not None and years < program.years_min:
        return False, Reason(YEARS_MIN_REFUSED, low=f"{program.years_min:g}")
    return True, ""


def decide(program: ProgramFacts, firm: FirmFacts) -> Decision:
    """Whether ``firm`` may apply to ``program``, with the reasons in Korean."""
    admitted, level, where = region_admits(program, firm.region)
    if not admitted:
        left_out = _left_out(program)
        if left_out:
            return Decision(False, [Reason(WIDE_REFUSED, left_out=left_out)])
        labels = _regions_label(program)
        if len(program.regions) > 3:
            more = str(len(program.regions) - 3)
            return Decision(False, [Reason(REGION_MORE_REFUSED, where=labels, more=more)])
        return Decision(False, [Reason(REGION_REFUSED, where=labels)])
    districts = _districts_of(program, where)
    if where is not None and districts and firm.district and firm.district not in districts:
        refused = Reason(REGION_REFUSED, where=f"{where.sido} {'·'.join(districts)}")
        return Decision(False, [refused], region_level=level)
    if firm.site and program.site_limits and not site_admits(program, firm.site):
        return Decision(False, [Reason(SITE_REFUSED, sites=_sites_label(program))], region_level=level)
    ok, fit, why = type_admits(program, firm)
    if not ok:
        return Decision(False, [why or Reason(TYPE_REFUSED)], region_level=level)
    reasons = eligibility_reasons(program, where, site=firm.site, district=firm.district)
    return Decision(True, reasons, region_level=level, type_fit=fit)


def _districts_of(program: ProgramFacts, where: Region | None) -> list[str]:
    """The program's 일반구 limits inside the city that admits the firm ('전주시 덕진구'), or []."""
    if where is None or not where.sigungu:
        return []
    return [d for d in program.district_limits if d.split(" ")[0] == where.sigungu]


def site_admits(program: ProgramFacts, site: str) -> bool:
    """Whether a firm in complex ``site`` (a regions.site_key) may be in one the program is limited to.

    Only complexes compare; a zone that is none ('충북경제자유구역', '창업보육센터') may hold the firm's
    complex, so it never refuses (the reasons ask the firm to check it)."""
    keys = [site_key(name) for name in program.site_limits]
    return not keys or not all(keys) or _site_matched(program, site)


def _site_matched(program: ProgramFacts, site: str) -> bool:
    return bool(site) and any(same_site(site_key(name) or "", site) for name in program.site_limits)


def _sites_label(program: ProgramFacts) -> str:
    return "·".join(program.site_limits)


def eligibility_reasons(
    program: ProgramFacts, where: Region | None, *, site: str = "", district: str = ""
) -> list[str]:
    types = "·".join(program.firm_types) if program.firm_types else ANY_FIRM
    reasons = []
    left_out = _left_out(program)
    if where is None and program.outside_applicants and program.regions:
        template = MOVING_IN_REASON if program.outside_applicants == MOVING_IN else ACTIVITY_REASON
        reasons.append(Reason(template, where=_regions_label(program), types=types))
    elif where is None:
        reasons.append(Reason(NATIONWIDE_REASON, types=types))
    elif left_out:
        reasons.append(Reason(WIDE_REASON, left_out=left_out, types=types))  # not '대구광역시 소재'
    elif districts := _districts_of(program, where):
        # Only a firm that named its 구 was checked against the limit; the others are told to check.
        template = LOCATED_REASON if district in districts else DISTRICT_UNCHECKED_REASON
        shown = [district] if district in districts else districts
        reasons.append(Reason(template, where=f"{where.sido} {'·'.join(shown)}", types=types))
    else:
        reasons.append(Reason(LOCATED_REASON, where=where.label, types=types))
    low = f"{program.years_min:g}" if program.years_min is not None else None
    high = f"{program.years_max:g}" if program.years_max is not None else None
    if low and high:
        reasons.append(Reason(YEARS_RANGE_REASON, low=low, high=high))
    elif high:
        reasons.append(Reason(YEARS_MAX_REASON, high=high))
    elif low:
        reasons.append(Reason(YEARS_MIN_REASON, low=low))
    if program.employees_min:
        reasons.append(Reason(EMPLOYEES_REASON, low=str(program.employees_min)))
    if program.site_limits:
        # Only a firm whose named complex matched was checked against the limit; the others are told to check.
        template = SITE_REASON if _site_matched(program, site) else SITE_UNCHECKED_REASON
        reasons.append(Reason(template, sites=_sites_label(program)))
    return reasons


def _regions_label(program: ProgramFacts) -> str:
    """The first three of the program's regions: '경기도 하남시', '대구광역시, 경상북도'."""
    return ", ".join(r.label for r in program.regions[:3])


def _left_out(program: ProgramFacts) -> str:
    """'서울·경기' for a program open to all 시도 but those, else ''."""
    if len(program.regions) < WIDE_REGION_COUNT:
        return ""
    return "·".join(default_gazetteer().left_out(list(program.regions)))
