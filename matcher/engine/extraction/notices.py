"""Eligibility fields of structured notices: Bizinfo JSON/CSV, 통합공고 CSV rows, full-text JSONL.

``extract_notice_program`` reads one ``SourceRecord`` whose ``fields`` hold the
source's own field names and returns one ``ExtractedProgram`` with each field's
evidence sentence. Region is read at city level because most ineligible
matches come from a city-run program (영천시, '[경북] 영천시 …', '포항시 소재
기업') shown to a firm in another city of the same 시도.

Plain Python, no Django.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from datetime import date

from matcher.engine.eligibility import ACTIVITY_HERE, MOVING_IN, NON_FIRM, PUBLIC_BODY
from matcher.engine.extraction.fields import (
    detect_application_period,
    detect_budget_statement,
    detect_sectors,
    detect_support_types,
)
from matcher.engine.records import ExtractedProgram, SourceRecord
from matcher.engine.regions import (
    BROAD_AREAS,
    CAPITAL_AREA,
    ZONE_KINDS,
    Gazetteer,
    Region,
    default_gazetteer,
    is_zone,
    site_key,
)
from matcher.engine.text import html_to_text, looks_like_html, normalize_text, split_sentences

# Field names per source format: (title, agency, operator, target, body, category, contact, url, apply_url)
_BIZINFO = {
    "title": ("pblancNm", "title"),
    "agency": ("jrsdInsttNm", "author"),
    "operator": ("excInsttNm",),
    "target": ("trgetNm",),
    "body": ("bsnsSumryCn", "description"),
    "category": ("pldirSportRealmLclasCodeNm", "lcategory"),
    "contact": ("refrncNm",),
    "url": ("pblancUrl", "link"),
    "apply_url": ("rceptEngnHmpgUrl",),
}
_KSTARTUP = {
    "title": ("title",),
    "agency": ("ministry",),
    "operator": ("operator",),
    "target": ("target",),
    "body": ("summary", "support", "note"),
    "category": ("category",),
    "contact": (),
    "url": (),
    "apply_url": (),
}
_FULLTEXT = {
    "title": ("title", "pblancNm"),
    "agency": ("agency", "jrsdInsttNm"),
    "operator": ("excInsttNm",),
    "target": ("trgetNm",),
    "body": ("bsnsSumryCn",),
    "category": ("pldirSportRealmLclasCodeNm",),
    "contact": ("refrncNm",),
    "url": ("url", "pblancUrl"),
    "apply_url": ("rceptEngnHmpgUrl",),
}

# A city (or 시도) named as where applicants must be: '포항시 소재 기업', '안산시에 본점', '여수시에 창업',
# or its industrial complex: '광양국가산단 입주기업', '구미5공단 소재'.
_AFTER_PLACE = re.compile(
    r"^\s?(?:\([^)]{0,12}\)\s?)?(?:\d*\s?(?:국가|일반)?\s?(?:산업단지|산단|공단)\s?(?:에\s?)?(?:입주|소재)"
    r"|내\s|관내(?!\s?외)|소재|에\s?(?:\d{1,2}\s?(?:개월|년)\s?이상\s?)?(?:소재|본사|본점|사업장|주소|주민등록|거주|창업|이전|입주|위치)"
    r"|에서\s?(?:창업|사업)|지역\s?(?:기업|소재|내|중소)|기업\b|중소기업|소상공인|거주|주민|시민|군민|구민|청년|\s?\d*\s?개사)"
)
# '사업장소재지(본점)가 안산시', '주소지가 ○○시인'.
_BEFORE_PLACE = re.compile(r"(?:소재지|주소지|사업장|본점|본사|주민등록)[^.\n]{0,12}(?:가|이|는|:)\s?$")
_CENTRAL_SUFFIX = ("부", "청", "처", "위원회", "원")
_OFFICE = re.compile(r"(?<=[시도군구])청(?:사)?$")
# Applicants limited to outside the capital area: '비수도권 (서울, 경기 제외) 내 본사 … 소재하고 있는 …
# 중소기업', '수도권 외 지역 소재 기업', or a line that opens with '지방 소재' ('☞ 지방 소재 소상공인 기업';
# mid-sentence, '지방소재기업은 70억', it sets a term, not who may apply). An optional bracket may list
# the excluded 시도; the words after must place a firm there (not a shop, a venue or a quota).
_OUTSIDE_CAPITAL = re.compile(
    r"(?<![가-힣])(?:비수도권|수도권\s?(?:외|이외|밖)(?:의)?(?:\s?지역)?|^(?:[☞○●◦▶▷►■□•·\-]\s*)?지방(?=\s?소재))"
    r"\s?(?:\(([^)]{0,40})\))?"
)
_LOCATED_FIRM = re.compile(
    r"\s?(?:내|에|의)?\s?(?:(?:본사|본점|지사|공장|연구소|사업장)[^.\n]{0,30}?)?(?:소재|위치)"
    r"[^.\n]{0,40}?(?:기업|업체|사업자|소상공인|법인)"
)
# A broad area as where applicants are: '동남권 소재 중소기업', '동남권(부산ㆍ울산ㆍ경남)에 소재한 기업',
# '동남권역 내 창업을 희망하는 예비창업자', '영남권 소상공인'.
_BROAD_AREA = re.compile(
    rf"(?<![가-힣])({'|'.join(BROAD_AREAS)})(?:역)?\s?(?:\(([^)]{{0,40}})\))?"
    r"(?=\s?(?:내|지역|에)?\s?(?:(?:소재|위치)[^.\n]{0,40}?(?:기업|업체|사업자|소상공인|법인|창업자)"
    r"|(?:에서\s?)?창업|(?:중소)?기업|소상공인))"
)
# Sentences about bonus points, preference, matching or relocation name an area without limiting who
# may apply ('비수도권 소재 기업에 대한 가점', '수도권 밖으로 이전하는 기업').
_NOT_A_LIMIT = re.compile(r"가점|(?<!국)가산(?!동|디지털)|우대|매칭|이전")
# An area named as where applicants are: '경기 남부 중소ㆍ중견 제조기업', '경북 북부 지역 소재'.
_AFTER_AREA = re.compile(r"\s?(?:소재|내\s|관내|지역|중소|중견|기업|업체|소상공인|제조|창업|스타트업)")

# Moving out of the capital area, or out of its big cities (대도시, the 조세특례제한법's word for it):
# '공장을 수도권 밖으로 이전하는 기업', '대도시 외의 지역으로 공장을 이전하는', '지방으로 공장을 이전하는'.
_LEAVING_CAPITAL = re.compile(
    r"(?:수도권|과밀억제권역|대도시)[^.\n]{0,30}?(?:밖|외의?\s?지역|이외의?\s?지역)\s?(?:으로|로)[^.\n]{0,20}?"
    r"이전\s?(?:하|할|예정)|(?:수도권|과밀억제권역|대도시)[^.\n]{0,30}?지방으로[^.\n]{0,20}?이전\s?(?:하|할|예정)"
)
_DATE = re.compile(r"(\d{4})[.\-/년]\s*(\d{1,2})[.\-/월]\s*(\d{1,2})")
_URL = re.compile(r"https?://[^\s\"'<>)]+")
_PHONE = re.compile(r"\(?0\d{1,2}\)?[-\s.]?\d{3,4}[-\s.]\d{4}|\b1\d{3}-\d{4}\b|국번없이\s?\d{4}")


_WITH_SECTORS = True


def extract_notice_program(record: SourceRecord, *, gazetteer: Gazetteer | None = None) -> ExtractedProgram:
    """One program from a structured record, with evidence for each field it filled."""
    gaz = gazetteer or default_gazetteer()
    fields = dict(record.fields or {})
    if record.format == "fulltext_jsonl" and isinstance(fields.get("structured_excerpt"), dict):
        fields = {**fields["structured_excerpt"], **{k: v for k, v in fields.items() if v}}
    names = (
        _KSTARTUP
        if record.format == "kstartup_csv"
        else _FULLTEXT
        if record.format == "fulltext_jsonl"
        else _BIZINFO
    )

    def get(key: str) -> str:
        for name in names[key]:
            value = fields.get(name)
            if value not in (None, ""):
                return _clean(str(value))
        return ""

    raw_title = record.title or get("title")
    raw_title = re.sub(r"^\s*[ㆍ·•]\s*", "", raw_title).strip()
    agency = get("agency")
    operator = get("operator")
    if record.format == "fulltext_jsonl" and not operator:
        agency, operator = _agency_and_operator(agency)
    target = get("target")
    body_parts = [_clean(str(fields.get(n))) for n in names["body"] if fields.get(n)]
    body = record.text or "\n".join(body_parts)
    if record.format == "fulltext_jsonl" and fields.get("pdf_text") and not record.text:
        body = body + "\n" + _clean(str(fields["pdf_text"]))
    evidence: dict[str, list[str]] = {}

    regions, nationwide, title = gaz.parse_title_prefix(raw_title)
    if regions or nationwide:
        evidence["regions"] = [raw_title]
    regions, nationwide, outside_applicants = _resolve_regions(
        gaz,
        prefix=regions,
        prefix_nationwide=nationwide,
        title=title,
        agency=agency,
        operator=operator,
        target=target,
        body=body,
        section=str(fields.get("section") or ""),
        evidence=evidence,
    )

    firm_types, years_min, years_max = extract_firm_types(target, body, title, evidence=evidence)
    if record.format == "kstartup_csv" and not firm_types and not _BODIES_THAT_SERVE.search(target):
        # A row of the 창업지원사업 통합공고 whose target gives only an age or a residence ('19~39세 이하
        # 청년'): the founders its overview names ('예비 창업 청년들에게 초기 창업 비용 …') are who it is for;
        # not when the target names the bodies that serve them ('공공기관, 대학', '민간창업기획자').
        founders = [t for t in extract_firm_types(body)[0] if t in ("예비창업자", "창업기업")]
        if founders:
            firm_types = founders
            evidence["firm_types"] = [body.strip()[:300]]

    apply_start = _parse_date(fields.get("apply_start"))
    apply_end = _parse_date(fields.get("apply_end"))
    if apply_end and apply_end.year >= PLACEHOLDER_DEADLINE_YEAR:
        # '2099-12-31' stands for no deadline ('상시접수', '연중수시'): the program never closes.
        apply_end = None
        if fields.get("notice_raw"):
            evidence["apply_end"] = [_clean(str(fields["notice_raw"]))]
    period = str(fields.get("reqstBeginEndDe") or "")
    if period and not (apply_start or apply_end):
        found = _DATE.findall(period)
        if found:
            apply_start = _ymd(found[0])
            apply_end = _ymd(found[-1]) if len(found) > 1 else None
    if record.format == "fulltext_jsonl" and fields.get("deadline") and not apply_end:
        apply_end = _parse_date(fields.get("deadline"))
    # Periods and budgets a record's fields leave out are read from its text, attachment included.
    full_text = _with_attachment_text(record, body)
    if not (apply_start and apply_end):
        apply_start, apply_end = _period_from_text(
            record, full_text, title, apply_start=apply_start, apply_end=apply_end, evidence=evidence
        )

    as_of = apply_start or record.published_on or apply_end
    if as_of:
        years_min, years_max = _with_founding_cutoffs(
            [target, *body.splitlines()], as_of=as_of, limits=(years_min, years_max), evidence=evidence
        )
        if years_max is not None and "창업기업" not in firm_types and NON_FIRM not in firm_types:
            firm_types = [*firm_types, "창업기업"]  # as an 업력 limit in years does

    budget = None
    if fields.get("budget_eok") not in (None, ""):
        try:
            budget = round(float(fields["budget_eok"]) * 100_000_000)
            evidence["budget_krw"] = [f"예산 {fields['budget_eok']}억원"]
        except (TypeError, ValueError):
            budget = None
    if budget is None:
        budget, stated = detect_budget_statement(full_text)
        if budget is not None:
            evidence["budget_krw"] = [stated]

    contact = get("contact")
    if not contact:
        phone = _PHONE.search(body)
        contact = phone.group(0) if phone else ""
    source_url = get("url")
    if source_url.startswith("/"):
        source_url = "https://www.bizinfo.go.kr" + source_url
    apply_url = get("apply_url")
    if not apply_url:
        found_url = _URL.search(body)
        apply_url = found_url.group(0) if found_url else ""

    summary_source = "\n".join(body_parts) if body_parts else body
    applicant_lines, other_lines = _applicants_block(summary_source)
    # The lines stating eligibility: a summary's applicants' block, then an attached notice's section on it
    # ('□ (지원자격) … 상시 근로자 수 5인 이상'); without a block, that section of the whole text.
    attachment = str(fields.get("pdf_text") or "")
    eligibility_lines = [
        *applicant_lines,
        *_eligibility_section(attachment if applicant_lines else full_text),
    ]
    employees_min = employees_minimum([target, *eligibility_lines], evidence=evidence)
    if applicant_lines:
        sites = site_limits([target, *applicant_lines], evidence=evidence, block=applicant_lines)
    else:  # full texts and 통합공고 rows have no applicants' block: any line may say who may apply
        sites = site_limits([target, *other_lines], evidence=evidence)
    regions = _narrow_to_sites(gaz, regions, sites, evidence=evidence)
    districts = district_limits(
        gaz, [target, *(applicant_lines or other_lines)], regions=regions, evidence=evidence
    )
    summary = normalize_text(summary_source)[:2000]
    keywords = [k for k in (get("category"),) if k]
    # Kinds of support (fields.py cue phrases) from what is offered: the title, a 'support' field and the
    # itemised lines (☞, -, ①…) — not the preamble, whose purpose clause ('창업 및 투자 유치를 도모') names
    # aims rather than the support. KSIC sectors from the title and the summary.
    offered = [title or raw_title, _clean(str(fields.get("support") or ""))]
    offered += [line for line in other_lines if _ITEM.match(line)]
    support_types = detect_support_types("\n".join(offered))
    if support_types:
        quoted = dict.fromkeys(s for s in offered if s and detect_support_types(s))
        evidence["support_types"] = list(quoted)[:3]
    sectors, _salient = detect_sectors(f"{title or raw_title}\n{summary}") if _WITH_SECTORS else ([], [])
    return ExtractedProgram(
        title=title or raw_title,
        agency=agency,
        operator=operator,
        nationwide=nationwide,
        regions=regions,
        outside_applicants=outside_applicants,
        firm_types=firm_types,
        years_min=years_min,
        years_max=years_max,
        employees_min=employees_min,
        site_limits=sites,
        district_limits=districts,
        keywords=keywords,
        support_types=support_types,
        sectors=sectors,
        budget_krw=budget,
        apply_start=apply_start,
        apply_end=apply_end,
        contact=contact[:500],
        source_url=source_url if source_url.startswith("http") else "",
        apply_url=apply_url if apply_url.startswith("http") else "",
        summary=summary,
        source_id=record.source_id,
        evidence=evidence,
    )


# -- regions -----------------------------------------------------------------
def _resolve_regions(
    gaz: Gazetteer,
    *,
    prefix: list[Region],
    prefix_nationwide: bool,
    title: str,
    agency: str,
    operator: str,
    target: str,
    body: str,
    section: str,
    evidence: dict[str, list[str]],
) -> tuple[list[Region], bool, str]:
    """(regions, nationwide, who beyond the regions may apply: an ``eligibility.OUTSIDE_APPLICANTS``)."""
    agency_regions, agency_is_central = agency_region(gaz, agency, hint_sidos={r.sido for r in prefix})
    if prefix_nationwide:
        return [], True, ""
    applicants_text = "\n".join([target, *_applicants_block(body)[0]])
    regions = list(prefix)
    if agency_regions:
        if not regions:
            regions = list(agency_regions)
            evidence.setdefault("regions", []).append(agency)
        else:
            # '[경북]' + 영천시 → 영천시; '[경북]' + 경상북도 → keep.
            narrowed = _narrow(regions, agency_regions)
            if narrowed != regions:
                evidence.setdefault("regions", []).append(agency)
            regions = narrowed
    if section == "지방자치단체" and len(regions) == 1 and regions[0].sigungu is None:
        # A 시도 listed as the agency while one of its cities' offices, named in brackets, runs the program
        # ('제주도 (제주시 농정과)', operator '(사)전북산학융합원 (고창군 로컬잡센터)'): it is that city's.
        offices = " ".join(re.findall(r"\(([^)]*)\)", f"{agency} {operator}"))
        cities = _dedupe(
            [m.region for m in gaz.find_mentions(offices) if m.strong and m.region.sido == regions[0].sido]
        )
        if len(cities) == 1 and cities[0].sigungu:
            regions = cities
            evidence.setdefault("regions", []).append(offices.strip())
    if not regions and not agency_is_central and section == "지방자치단체":
        # A local-government row whose agency name is unreadable: the title or operator may name the place.
        for text in (title, operator):
            found = [m.region for m in gaz.find_mentions(text) if m.strong]
            if found:
                regions = _dedupe(found)
                evidence.setdefault("regions", []).append(text)
                break
    # The text may state a city limit ('포항시 소재 기업') in a 시도 program, or list participating cities.
    hint = {r.sido for r in regions}
    text = "\n".join([title, target, body])
    stated, sentences = stated_regions(gaz, text, hint_sidos=hint)
    if stated:
        if not regions and not agency_is_central:
            regions = stated
        elif regions:
            narrowed = _narrow(regions, stated)
            if narrowed != regions:
                regions = narrowed
            elif all(r.sigungu for r in regions):
                # A city program naming other participating cities: admit them too. One whose applicants'
                # lines place them in its whole 시도 and in none of its cities ('☞ … “중구 이외 대구시
                # 소재” 사업체') admits the whole 시도; a 시도 named elsewhere (a purpose, a law) does not.
                placed = stated_regions(gaz, applicants_text, hint_sidos=hint)[0]
                whole = {r.sido for r in placed if r.sigungu is None}
                regions = [Region(sido) for sido in sorted(whole)] + _dedupe(
                    [r for r in regions + stated if r.sigungu and r.sido in hint and r.sido not in whole]
                )
        elif agency_is_central and not regions:
            regions = stated
        if regions and sentences:
            evidence.setdefault("regions", []).extend(sentences[:2])
    nationwide_line = (
        _NATIONWIDE_APPLICANTS.search(f"{target}\n{body}")
        or _NATIONWIDE_IN_APPLICANTS.search(applicants_text)
        or _NO_PLACE_LIMIT.search(f"{target}\n{body}")
    )
    outsiders = _OPEN_TO_OUTSIDERS.search(applicants_text)
    if outsiders and not prefix:
        nationwide_line, stated = outsiders, []
    moving_in = _MOVING_IN.search(applicants_text)
    if moving_in:
        # Firms may be anywhere now; the program stays its region's, which its own firms rank as such.
        evidence["regions"] = [_line_of(moving_in)]
        regions = _title_city(gaz, title, regions)
        return regions, not regions, MOVING_IN if regions else ""
    if nationwide_line and not prefix and not stated:
        # A regional body's program that says its applicants may be anywhere ('☞ 전국 단위의 의료기기 기업').
        evidence["regions"] = [_line_of(nationwide_line)]  # not the agency's region any more
        return [], True, ""
    inbound = _INBOUND_INCENTIVE.search(f"{title}\n{applicants_text}")
    if inbound and regions and not stated:
        # A reward for bringing visitors or a shoot into the region ('단체관광객 유치 인센티브', '안동에서
        # 촬영하는 … 제작사'): the activity is local, the travel agency or producer may be anywhere.
        evidence["regions"] = [inbound.group(0).strip()]
        return _title_city(gaz, title, regions), False, ACTIVITY_HERE
    excluded, sentence = applicants_elsewhere(gaz, text)
    if excluded and regions and all(r.sido in excluded for r in regions):
        # A 시도's program to bring in firms from elsewhere ('전라북도 외 지역, 창업 7년 이내 기업').
        regions = [Region(sido) for sido in gaz.sidos if sido not in excluded]
        evidence.setdefault("regions", []).append(sentence)
    area, outside_capital, sentence = applicants_area(gaz, text)
    if outside_capital:
        # Most of the country: every allowed 시도, or the named regions that lie in one.
        kept = [r for r in regions if r.sido in area]
        if kept or not regions:
            regions = kept or [Region(sido) for sido in area]
            evidence.setdefault("regions", []).append(sentence)
    # A nationwide-looking notice, or one registered under some of the area's 시도 ('[경남] 동남권 …
    # 동남권 소재 기업'), is for the whole area; a city's program naming an area keeps its city.
    elif area and (not regions or all(r.sigungu is None and r.sido in area for r in regions)):
        widened = _dedupe(regions + [Region(sido) for sido in area])
        if widened != regions:
            regions = widened
            evidence.setdefault("regions", []).append(sentence)
    leaving = _LEAVING_CAPITAL.search(f"{title}\n{applicants_text}")
    if leaving and not regions:
        # A national program for firms moving a plant or head office out of the capital area ('본사를
        # 수도권과밀억제권역 밖으로 이전하는 내국법인'): they are in it until they move.
        evidence["regions"] = [leaving.group(0).strip()]
        return [Region(sido) for sido in CAPITAL_AREA], False, ""
    if not regions:
        if agency:
            evidence.setdefault("regions", []).append(agency)
        return [], True, ""
    # A known area of a 시도 in the title, or as where applicants are: '경기 남부 중소기업' → its cities.
    head = f"{target}\n{body[:1000]}"
    areas = gaz.find_areas(title) + gaz.find_areas(head, followed_by=_AFTER_AREA)
    if areas:
        narrowed = _narrow(regions, _dedupe(areas))
        if narrowed != regions:
            evidence.setdefault("regions", []).extend(
                s for s in split_sentences(f"{title}\n{head}") if gaz.find_areas(s)
            )
            regions = narrowed
    return regions, False, ""


def _title_city(gaz: Gazetteer, title: str, regions: list[Region]) -> list[Region]:
    """The cities of ``regions`` a title names, when it names some: the home of a program that brings
    firms or visitors in ('2025년 화성시 단체관광객 유치 인센티브' under 경기도), whose title the region rules
    otherwise pass over, as a sentence about attracting names an area without limiting who applies."""
    cities = _dedupe(
        [
            m.region
            for m in gaz.find_mentions(title)
            if m.strong and m.region.sigungu and any(r.contains(m.region) for r in regions)
        ]
    )
    return cities or regions


def _line_of(match: re.Match) -> str:
    """The whole line a match lies in, as evidence a reader can follow."""
    text = match.string
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    return text[start : end if end >= 0 else len(text)].strip()


def _narrow(regions: list[Region], finer: list[Region]) -> list[Region]:
    """Replace each 시도 in ``regions`` by the cities of ``finer`` inside it, when there are any."""
    out: list[Region] = []
    for region in regions:
        if region.sigungu is None:
            inside = [r for r in finer if r.sido == region.sido and r.sigungu]
            out.extend(inside or [region])
        else:
            out.append(region)
    return _dedupe(out)


def _dedupe(regions: list[Region]) -> list[Region]:
    seen: list[Region] = []
    for region in regions:
        if region not in seen:
            seen.append(region)
    # A 시도 together with one of its own cities means the city.
    return [r for r in seen if r.sigungu or not any(o.sido == r.sido and o.sigungu for o in seen)]


def agency_region(
    gaz: Gazetteer, agency: str, *, hint_sidos: set[str] | None = None
) -> tuple[list[Region], bool]:
    """The region an agency governs: '영천시' → 경상북도 영천시, '경상북도' → 경상북도, central → ([], True).

    Several agencies may be listed ('행정안전부 , 진도군(인구정책실)'); a local one decides.
    """
    hint_sidos = hint_sidos or set()
    found: list[Region] = []
    central = False
    for part in re.split(r"[,/·ㆍ]|\s및\s", agency or ""):
        name = re.sub(r"\([^)]*\)?", " ", part)
        name = re.sub(r"\s+", " ", name).strip()
        if not name:
            continue
        # A local government's office is the government: '서울시청' → '서울시', '관악구청' → '관악구'.
        squashed = _OFFICE.sub("", name.replace(" ", ""))
        words = [_OFFICE.sub("", word) for word in name.split(" ")]
        # The 시도 may be any word ('중기부 경기도': a ministry with the province that runs it).
        sido = gaz.parse_sido(squashed) or next((s for w in words if (s := gaz.parse_sido(w))), None)
        if (
            sido is None
            and len(squashed) >= 3
            and gaz.parse_sido(squashed[:2])
            and squashed[2:3] in ("도", "시")
            and gaz.parse_sido(squashed[:3]) is None
        ):
            sido = gaz.parse_sido(squashed[:2])
        if sido is None:
            # Glued to its city: '부산광역시금정구' → 부산광역시 + 금정구.
            for cut in range(len(squashed) - 2, 1, -1):
                head = gaz.parse_sido(squashed[:cut])
                if head and re.search(r"(?:시|군|구)$", squashed[cut:]):
                    sido, words = head, [squashed[:cut], squashed[cut:]]
                    break
        city = None
        for word in ([*words[1:], *words[:1]] if sido else words) + [squashed]:
            word = re.sub(r"청$", "", word)
            if not re.search(r"(?:시|군|구)$", word):
                continue
            candidates = gaz.city_candidates(word)
            if sido:
                candidates = [c for c in candidates if c.sido == sido]
            elif hint_sidos:
                candidates = [c for c in candidates if c.sido in hint_sidos] or candidates
            if len(candidates) == 1:
                city = candidates[0]
                break
        if city:
            found.append(city)
        elif sido:
            found.append(Region(sido))
        elif squashed.endswith(_CENTRAL_SUFFIX):
            central = True
    return _dedupe(found), central and not found


# A label that introduces where applicants may be: '참여가능 지역 :', '신청 지역:', '지원대상 지역 :'; or a
# count of the cities a note then lists: '충남 8개 시군 소재 중소기업 ※ 논산시, 금산군, …'.
_REGION_LABEL = re.compile(
    r"(?:참여|신청|지원|지원\s?대상|대상)\s?(?:가능\s?)?지역\s?[:：]"
    r"|\d+\s?개\s?시\s?[ㆍ·]?\s?군(?:\s?[ㆍ·]?\s?구)?[^※\n]{0,40}?※"
)
# A note that is nothing but a list of cities: '※ 논산시, 금산군, 공주시, …' under '충남 8개 시군 소재'.
_NOTE_MARK = re.compile(r"^\s*[※☞○●◦▶▷►■□•·\-]?\s*")
# What joins the members of a list of places: '경주시, 포항시', '경주시ㆍ포항시', '경주시 및 포항시'.
_LIST_GLUE = r"\s?[,ㆍ·및와과]\s?"


def stated_regions(
    gaz: Gazetteer, text: str, *, hint_sidos: set[str] | None = None
) -> tuple[list[Region], list[str]]:
    """Regions the text states as where applicants must be located, with the sentences saying so."""
    found: list[Region] = []
    sentences: list[str] = []
    for sentence in split_sentences(text)[:80]:
        if len(sentence) > 400:
            sentence = sentence[:400]
        listed = _listed_own_cities(gaz, sentence, hint_sidos)
        if listed:
            found.extend(listed)
            sentences.append(sentence.strip())
            continue
        mentions = gaz.find_mentions(sentence)
        if not mentions:
            continue
        if _only_cities(sentence, mentions, hint_sidos):
            found.extend(m.region for m in mentions)
            sentences.append(sentence.strip())
            continue
        labelled = _REGION_LABEL.search(sentence)
        if labelled:
            # '※ 참여가능 지역 : 경기도 안산시, 경기도 시흥시': the places listed after the label.
            listed = [m.region for m in mentions if m.start >= labelled.end()]
            cities = {r.sido for r in listed if r.sigungu}
            listed = [r for r in listed if r.sigungu or r.sido not in cities]
            if listed:
                found.extend(listed)
                sentences.append(sentence.strip())
                continue
        hit = False
        for index, mention in enumerate(mentions):
            after = sentence[mention.end : mention.end + 20]
            before = sentence[max(0, mention.start - 20) : mention.start]
            # A list '경주시, 포항시 소재' shares the context of its last member.
            group_end = mention.end
            j = index
            while j + 1 < len(mentions) and re.fullmatch(
                _LIST_GLUE, sentence[group_end : mentions[j + 1].start]
            ):
                j += 1
                group_end = mentions[j].end
            after_group = sentence[group_end : group_end + 20]
            in_list = j > index or (
                index > 0 and re.fullmatch(_LIST_GLUE, sentence[mentions[index - 1].end : mention.start])
            )
            if in_list:  # a list may end in a stray comma: '논산시, 금산군, 청양군, 소재 중소기업'
                after = re.sub(r"^\s?[,ㆍ·]", "", after)
                after_group = re.sub(r"^\s?[,ㆍ·]", "", after_group)
            if _PREFERENCE_AFTER.match(sentence, group_end):
                # A preference, not a limit: '(광주광역시 및 전라남도 소상공인 우선지원)'.
                continue
            if _AFTER_PLACE.match(after) or _AFTER_PLACE.match(after_group) or _BEFORE_PLACE.search(before):
                region = mention.region
                if region.sigungu is None and hint_sidos and region.sido not in hint_sidos:
                    continue
                found.append(region)
                hit = True
        if hit:
            sentences.append(sentence.strip())
    return _dedupe(found), sentences


def _listed_own_cities(gaz: Gazetteer, sentence: str, hint_sidos: set[str] | None) -> list[Region]:
    """The cities of a note that is only a list of three or more of its one 시도's own cities, by the names
    that 시도 gives them: '- 중구, 동구, 미추홀구, …, 서구, 강화' in an 인천 notice. A 구 other metropolitan
    cities have too ('중구') counts here, where the 시도 is known, and so does a city written without its
    시/군 ('강화' for 강화군) when no other city of the 시도 goes by that name. A list of every city is the
    whole 시도."""
    if not hint_sidos or len(hint_sidos) != 1:
        return []
    names = re.split(_LIST_GLUE, _NOTE_MARK.sub("", sentence).strip().rstrip("."))
    if len(names) < 3:
        return []
    sido = next(iter(hint_sidos))
    cities = gaz.cities(sido)
    found: list[Region] = []
    for name in (n.strip() for n in names):
        named = [c for c in cities if c == name] or [c for c in cities if len(name) >= 2 and c[:-1] == name]
        if len(named) != 1:
            return []
        found.append(Region(sido, named[0]))
    found = _dedupe(found)
    return [Region(sido)] if len(found) == len(cities) else found


def _only_cities(sentence: str, mentions: list, hint_sidos: set[str] | None) -> bool:
    """Whether ``sentence`` is only a list of three or more cities of the notice's 시도, written in full."""
    if len(mentions) < 3 or not hint_sidos:
        return False
    if not all(m.strong and m.region.sigungu and m.region.sido in hint_sidos for m in mentions):
        return False
    rest = sentence[mentions[-1].end :]
    for left, right in itertools.pairwise(mentions):
        if not re.fullmatch(_LIST_GLUE, sentence[left.end : right.start]):
            return False
    return not _NOTE_MARK.sub("", sentence[: mentions[0].start]) and not re.sub(r"[\s,.ㆍ·]", "", rest)


# An applicants' line that opens by placing them anywhere: '☞ 전국 단위의 의료기기 기업', '전국 소재 기업'.
# Or that marks them so in brackets: '☞ 관광진흥법 제4조에 따라 등록된 여행사(전국)'.
_NATIONWIDE_APPLICANTS = re.compile(
    r"^[ \t]*(?:[☞○●◦▶▷►■□•·\-][ \t]*)?전국[ \t]?(?:단위의?|소재(?:의|한)?|의)?[ \t]?[^.\n]{0,40}?"
    r"(?:기업|업체|사업자|소상공인|법인)"
    r"|^[ \t]*[☞○●◦▶▷►■□•·\-][^\n]{0,80}?(?:기업|업체|여행사|사업자|법인)[ \t]?\(전국(?:[ \t]?소재)?\)",
    re.MULTILINE,
)
# Programs that pay for visitors or productions brought into a region: tour groups or tour products
# ('단체관광객 유치 인센티브', '관광객 유치여행사', '관광상품 인센티브'), film shoots ('로케이션',
# '도내 5회차 이상 촬영', '안동에서 촬영하는'). Not investment or firms brought in ('투자 유치', '기업 유치').
_INBOUND_INCENTIVE = re.compile(
    r"(?:관광객|관광\s?상품|여행객|관광단|여행단|교육\s?여행|수학\s?여행|전세기)[^\n]{0,30}?(?:유치|인센티브)"
    r"|유치\s?여행(?:사|업체)|로케이션|(?:에서|도내|시내|군내|관내)\s?(?:\d+\s?회차\s?(?:이상\s?)?)?촬영"
)
# The same said in the applicants' lines only (elsewhere in a notice these words set no limit): founders
# of the whole country ('전국 청년 예비창업가'), '(전국 대상)', '지역제한 없음', '전 국민', or other 시도
# beside its own ('타 시도 및 도내 예비창업자'). Not '국내 … 기업': 국내 sets firms at home against those
# abroad ('국내 사업자등록증을 소지한 기업'), not one region against the country.
_NATIONWIDE_IN_APPLICANTS = re.compile(
    r"^[ \t]*(?:[☞○●◦▶▷►■□•·\-][ \t]*)?전국[ \t]?(?:의|소재)?[^.\n]{0,40}?"
    r"(?:기업|업체|사업자|법인|여행사|창업자|창업가|청년)"
    r"|\(전국\s?(?:대상|공모|모집)?\)|(?:지역|거주지)\s?제한\s?없음|전\s국민|타\s?시[ㆍ·]?도\s?(?:및|와|,)\s?도내"
    r"|대한민국에\s?(?:거주|주소|주민등록)|(?:국내|대한민국)[^.\n]{0,25}?모든\s?(?:기업|업체|사업자)"
    r"|(?:국내|관내)\s?[⋅·ㆍ‧]?\s?외\s?(?:의\s?)?(?:\d+\s?년\s?(?:이하|이내|미만)\s?)?(?:기업|업체|스타트업|중소기업|청년|창업|주민)"
    r"|지역\s?(?:에\s?)?(?:상관\s?없이|무관|관계\s?없이)",
    re.MULTILINE,
)
# A notice that says anywhere that where applicants live or are does not matter: '② 거주지 제한 없음'.
_NO_PLACE_LIMIT = re.compile(r"(?:지역|거주지|소재지)\s?제한\s?없음")
# Said so plainly that a place named beside it is where the work happens, not where applicants must be:
# '☞ 전국 기업 대상 대구지역 내 연구소 설립 희망 기업', '※ 지역 외 기업이 … 설립을 희망하는 경우 신청 가능'.
_OPEN_TO_OUTSIDERS = re.compile(
    r"전국\s?(?:의\s?)?(?:모든\s?)?(?:기업|업체|중소기업|사업자)\s?(?:대상|누구나)"
    r"|지역\s?외\s?(?:기업|업체|사업자)[^.\n]{0,40}?신청[^.\n]{0,10}?가능"
)
# Applicants who move in, from outside ('☞ 시 외에서 세종테크밸리 이전 및 신설 중소기업', '타 시군에 주소를
# 두고 군산에서 창업하고자 하는', '보령 거주(예정)자', '관내 신설ㆍ이전ㆍ확장을 계획 … 중인 기업') or once
# chosen ('※ 선정후 진주시로 전입신고를 반드시 해야 하며'): they may be anywhere now, whatever region the
# title's tag names.
_MOVING_IN = re.compile(
    r"(?:시|도|군|구|지역)\s?외(?:에서|\s?지역에서)\s?[^.\n]{0,20}?(?:이전|이주|전입)"
    r"|(?:선정|협약)\s?(?:체결\s?)?(?:후|이후)\s?[^.\n]{0,30}?(?:전입|이전|사업장을?\s?설치)"
    r"|(?:기업\s?)?이전\s?예정(?:인|인\s?기업|기업)?|타\s?지역에\s?[^.\n]{0,20}?(?:있더라도|이더라도)"
    r"|거주\s?\(?\s?예정\s?\)?|타\s?(?:시군|시도|지역)에\s?(?:주소|거주)[^.\n]{0,30}?(?:창업|이전|전입)"
    r"|(?:신설|이전)\s?[ㆍ·,]\s?(?:이전|신설|확장)[^.\n]{0,8}?(?:을|를)\s?계획"
)
# Applicants from outside a 시도: '전라북도 외 지역, 창업 7년 이내 기업', '서울 이외 지역 소재 기업'.
_ELSEWHERE = re.compile(
    r"(?<![가-힣])([가-힣]{2,7}?)\s?(?:외|이외)\s?(?:의\s?)?지역(?=[^.\n]{0,40}?(?:기업|업체|창업|사업자|소재))"
)


def applicants_elsewhere(gaz: Gazetteer, text: str) -> tuple[set[str], str]:
    """The 시도 a text says applicants must be outside of, with the sentence saying so, or (set(), '')."""
    for sentence in split_sentences(text)[:80]:
        if _NOT_A_LIMIT.search(sentence):
            continue
        for match in _ELSEWHERE.finditer(sentence):
            sido = gaz.parse_sido(match.group(1))
            if sido:
                return {sido}, sentence.strip()
    return set(), ""


def applicants_area(gaz: Gazetteer, text: str) -> tuple[list[str], bool, str]:
    """The 시도 a text names as where applicants are, above the 시도 level, with the sentence saying so:
    (sidos, outside_capital, sentence), or ([], False, '') when it names none.

    Outside the capital area ('비수도권 (서울, 경기 제외) … 소재 기업'): every 시도 but those its bracket
    excludes, else but 서울·인천·경기. A broad area (권역: '동남권 소재 중소기업'): its 시도 as the notice
    spells them out, else as ``BROAD_AREAS`` draws them. Areas named side by side ('수도권 기업: 서울
    설명회 / 충청권 기업: 대전 설명회', '수도권 기업은 서울에서, 비수도권 기업은 온라인으로') are
    arrangements per area, not a limit.
    """
    outside: tuple[list[str], str] | None = None
    names_outside = False
    areas: list[tuple[re.Match, str]] = []
    for sentence in split_sentences(text)[:80]:
        if _NOT_A_LIMIT.search(sentence):
            continue
        for match in _OUTSIDE_CAPITAL.finditer(sentence):
            names_outside = True
            if outside is None and _LOCATED_FIRM.match(sentence, match.end()):
                bracket = match.group(1) or ""
                excluded = set(_bracket_sidos(gaz, bracket) if "제외" in bracket else ()) or set(CAPITAL_AREA)
                outside = ([sido for sido in gaz.sidos if sido not in excluded], sentence.strip())
        areas += [(match, sentence) for match in _BROAD_AREA.finditer(sentence)]
    names = {match.group(1) for match, _ in areas}
    if outside is not None and "수도권" not in names:
        return outside[0], True, outside[1]
    if not areas or len(names | ({"비수도권"} if names_outside else set())) > 1:
        return [], False, ""
    match, sentence = areas[0]
    bracket = match.group(2) or ""
    listed = _bracket_sidos(gaz, bracket) if "제외" not in bracket else []
    return listed or list(BROAD_AREAS[match.group(1)]), False, sentence.strip()


def _bracket_sidos(gaz: Gazetteer, bracket: str) -> list[str]:
    """The 시도 a bracket lists, in its order: '(부산ㆍ울산ㆍ경남)', '(서울, 경기, 해외 제외)'."""
    names = re.split(r"[,ㆍ·/\s]+|및", bracket.replace("제외", " "))
    return list(dict.fromkeys(sido for name in names if (sido := gaz.parse_sido(name))))


# The least headcount applicants must have: '고용보험 피보험자 20인 이상', '상시근로자수 5인 이상',
# '상시종업원 5명 이상', '근로자 수가 10인 이상', a size put before the firm itself ('20인 이상 사업장',
# '5인 이상 우선지원 대상기업') or the lower end of a range ('상시근로자수 5~49인'). A bare '근로자' needs
# '수'; a number to hire ('근로자 2명 이상 채용') is not a headcount, nor is a size the line leaves out
# ('50인 이상 기업 제외').
_HEADCOUNT = r"(?:피보험자|상시\s?근로자|상용\s?근로자|상시\s?종업원|근로자\s?수)"
_HEADCOUNT_LEAD = r"\s?(?:수\s?)?(?:가|는)?\s?"  # '상시근로자수가 ', '근로자 수는 '
_EMPLOYEES_MIN = re.compile(
    rf"(?:(?:{_HEADCOUNT}|종업원){_HEADCOUNT_LEAD}"
    r"(\d{1,4})\s?(?:인|명)\s?이상(?!\s?(?:을|를)?\s?(?:신규\s?)?(?:채용|고용(?!\s?보험)))"
    r"(?!\s?(?:의\s?)?(?:중소\s?)?(?:기업|사업장|업체|사업체)?\s?(?:은|는)?\s?제외)"
    r"|(?<![\d.])(\d{1,4})\s?인\s?이상의?\s?(?:우선\s?지원\s?대상\s?)?(?:중소\s?)?(?:사업장|사업체|기업|업체)"
    r"(?!\s?(?:은|는)?\s?제외)"
    rf"|{_HEADCOUNT}{_HEADCOUNT_LEAD}"
    r"(\d{1,4})\s?(?:인|명)?\s?[~∼]\s?\d{1,4}\s?(?:인|명)"
    # A range written with the firm, before it or in brackets after: '5인~49인 중소기업', '중소기업(5인
    # 이상~300인 이하)'.
    r"|(?<![\d.,])(\d{1,4})\s?(?:인|명)\s?(?:이상\s?)?[~∼]\s?[\d,]{1,5}\s?(?:인|명)\s?(?:이하|미만)?\s?(?:의\s?)?"
    r"(?:중소\s?)?(?:기업|사업장|업체|사업체)"
    r"|(?:기업|사업장|업체|사업체)\s?\(\s?(\d{1,4})\s?(?:인|명)\s?(?:이상\s?)?[~∼]\s?[\d,]{1,5}\s?(?:인|명)"
    # '5인 이상 500인 이하 자동차산업 관련 기업체'.
    r"|(?<![\d.,])(\d{1,4})\s?(?:인|명)\s?이상\s?[\d,]{1,5}\s?(?:인|명)\s?(?:이하|미만)\s?(?:[가-힣]+\s?){0,3}?"
    r"(?:기업|업체|사업장|사업체))"
)


_ELIGIBILITY_LINE = re.compile(
    r"지원\s?(?:대상|자격)|신청\s?(?:대상|자격)|참여\s?(?:대상|자격|기업)|(?:자격|규모)\s?요건"
)


def _eligibility_section(text: str, *, size: int = 6) -> list[str]:
    """The lines under each heading that states eligibility ('□ (지원자격) …' and the next few), leaving
    out bonus-point and preference lines."""
    lines = [line for line in text.splitlines() if line.strip()]
    kept: list[str] = []
    for index, line in enumerate(lines):
        if _ELIGIBILITY_LINE.search(line):
            kept += [near for near in lines[index : index + size] if not _NOT_A_LIMIT.search(near)]
    return list(dict.fromkeys(kept))


def employees_minimum(lines: list[str], *, evidence: dict[str, list[str]]) -> int | None:
    """The least headcount the applicants' lines ask for ('상시근로자 5인 이상 기업'), or None."""
    for line in lines:
        match = _EMPLOYEES_MIN.search(line or "")
        least = int(next(group for group in match.groups() if group)) if match else 0
        if least > 0:
            evidence["employees_min"] = [line.strip()]
            return least
    return None


# An industrial complex named in running text: its own name then its kind ('광양국가산단', '센텀시티
# 일반산업단지', '군산2 국가산단'). A bare '공단' follows only a short name ('남동공단', '구미5공단'): after a
# long one it is a public body ('소상공인시장진흥공단').
_SITE_NAME = re.compile(
    r"(?<![가-힣A-Za-z0-9])(?:[가-힣A-Za-z0-9]{2,}?\s?\d*\s?(?:\([^()]{1,12}\)\s?)?(?:(?:국가|일반|도시첨단)\s?)?"
    r"(?:산업단지|산단)"
    r"|[가-힣]{2,3}\d*\s?공단|[가-힣]{2,}농공단지)"
)
# A designated zone or site that is no industrial complex: a free economic zone, an R&D special zone, an
# investment zone, a 융복합단지, an innovation city, a cluster of small makers, a business incubator. A
# firm's own complex cannot be compared with it (a zone may hold complexes), so it is only shown.
_ZONE_NAME = re.compile(
    rf"(?<![가-힣A-Za-z0-9])(?:[가-힣]{{2,}}?\s?)??(?:소공인\s?)?(?:{'|'.join(ZONE_KINDS)})"
)
# Words in front of a zone that name no zone of their own: '관내 창업보육센터', '부산지역 내 …'.
_ZONE_LEAD = re.compile(r"^(?:관내|도내|시내|지역|해당|인근)\s")
# After a complex (or a list of them, with their blocks '1ㆍ2ㆍ5ㆍ6 공구'), words that make it where
# applicants must be: '… 입주기업', '… 소재 기업', '…산단내 본사, 지사, 공장'.
_SITE_BLOCKS = r"(?:\s?\d+(?:\s?[ㆍ·,]\s?\d+)*\s?공구)?"
_SITE_LIMIT_CUE = re.compile(
    _SITE_BLOCKS + r"\s?\)?\s?(?:지정\s?부지\s?)?"
    r"(?:(?:에\s?|내\s?)?(?:입주|소재|위치)|내\s?(?:본사|사업장|공장)"
    r"|(?:권역\s?)?내\s?(?:[가-힣A-Za-z&]+\s?){0,5}?(?:기업|업체|소공인|소상공인))"
)
_SITE_LIST_GLUE = re.compile(_SITE_BLOCKS + r"\s?(?:,|ㆍ|·|및|와|과)\s?")
# An applicants' line naming firms by region or industry, with no site ('☞ 충남지역 내 자동차 … 관련 기업'):
# beside it, a complex's line ('- 석문국가산업단지 입주기업') is another group that may apply, not a limit.
_SITE_AREA = re.compile(r"단지|지구|산단|공단|클러스터|특구|캠퍼스|구역|보육\s?센터|집적지|혁신도시")
_NAMES_FIRMS = re.compile(r"기업|업체|사업자|소상공인|법인")
# Another group of firms joined to the complex's ('구미시 소재 중소기업 및 구미국가산업단지 입주기업',
# '… 입주기업 또는 구미시 소재 기업'): either may apply.
_OTHER_FIRMS_BEFORE = re.compile(r"(?:기업|업체|사업자|소상공인|법인)\s?(?:및|또는|혹은|,|/)\s?$")
_OTHER_FIRMS_AFTER = re.compile(r"\s?(?:및|또는|혹은|,|/)\s?[^,()]{0,30}?(?:기업|업체|사업자|소상공인|법인)")


def site_limits(
    lines: list[str], *, evidence: dict[str, list[str]], block: list[str] | None = None
) -> list[str]:
    """The industrial complexes applicants must be in ('☞ 광양국가산단 입주기업' → ['광양국가산단']), else the
    zones ('충북경제자유구역에 소재한 기업', '창업보육센터 입주기업'); complexes first, as only they compare.

    A list that also names a complex only by its kind ('대전산단 및 연계산단 소재') says no exact limit,
    and neither does a sentence about bonus points or relocation, nor a complex's line in an
    applicants' ``block`` that also admits firms anywhere in a region ('☞ 충남지역 내 … 기업' beside
    '- 석문국가산업단지 입주기업').
    """
    candidates = [
        line
        for line in lines
        if line
        and not _NOT_A_LIMIT.search(line)
        and not any(
            _NAMES_FIRMS.search(other) and not _SITE_AREA.search(other)
            for other in block or []
            if other is not line and other.strip()
        )
    ]
    for zones in (False, True):
        for line in candidates:
            names = _sites_in(line, zones=zones)
            if names:
                evidence["site_limits"] = [line.strip()]
                return names
    return []


# A 구 named as where applicants are ('덕진구 지역 내', '분당구 소재'), in a line that names them.
_DISTRICT_CUE = r"\s?(?:지역\s?)?(?:내|관내|소재|에\s?(?:소재|위치|있는))"
_APPLICANT_WORD = re.compile(r"기업|업체|사업자|사업장|소상공인|소공인|법인|상인|창업")


def district_limits(
    gaz: Gazetteer, lines: list[str], *, regions: list[Region], evidence: dict[str, list[str]]
) -> list[str]:
    """The 일반구 of the program's cities its applicants must be in, or []: '☞ 전주시 덕진구 지역 내 10인
    미만 금속가공 소공인' → ['전주시 덕진구']. Not from a sentence about bonus points or relocation, and no
    limit when every 구 of the city is named."""
    found: list[str] = []
    for region in regions:
        districts = gaz.districts(region.sido, region.sigungu) if region.sigungu else []
        if not districts:
            continue
        city = region.sigungu or ""
        gu = "|".join(re.escape(d.split(" ")[1]) for d in districts)
        one = rf"(?:{re.escape(city)}\s?)?(?:{gu})"
        # '포항시 남구, 북구 소재': a list of them before the cue names each.
        listed = re.compile(rf"(?<![가-힣]){one}(?:\s?(?:,|ㆍ|·|/|및|와|과)\s?{one})*(?={_DISTRICT_CUE})")
        named: list[str] = []
        sentences: list[str] = []
        for line in lines:
            if not line or _NOT_A_LIMIT.search(line) or not _APPLICANT_WORD.search(line):
                continue
            for match in listed.finditer(line):
                named += [f"{city} {g}" for g in re.findall(gu, match.group(0)) if f"{city} {g}" not in named]
                sentences += [line.strip()] if line.strip() not in sentences else []
        if named and len(named) < len(districts):
            found.extend(named)
            evidence.setdefault("district_limits", []).extend(sentences)
    return found


def _sites_in(line: str, *, zones: bool) -> list[str]:
    """The complexes (or zones) ``line`` names as where applicants must be, or []."""
    if zones:
        # A zone in brackets explains the complex before it ('연계산단(대덕연구개발특구)'): not its own.
        sites = [zone for zone in _ZONE_NAME.finditer(line) if not line[: zone.start()].endswith("(")]
        sites += [site for site in _SITE_NAME.finditer(line) if is_zone(site.group(0))]  # '춘천지역 산업단지'
        sites.sort(key=lambda m: m.start())
    else:
        sites = list(_SITE_NAME.finditer(line))
    for index, site in enumerate(sites):
        cue = _SITE_LIMIT_CUE.match(line, site.end())
        if cue is None:
            continue
        group = [site]
        while index > 0 and _SITE_LIST_GLUE.fullmatch(line, sites[index - 1].end(), group[0].start()):
            index -= 1
            group.insert(0, sites[index])
        # Without the blocks a bracket names inside ('광주첨단(1ㆍ2단지)산업단지'), so it compares by name.
        names = [
            _ZONE_LEAD.sub("", " ".join(re.sub(r"\([^()]*\)", "", match.group(0)).split())) for match in group
        ]
        firms = _NAMES_FIRMS.search(line, site.end())
        alternative = _OTHER_FIRMS_BEFORE.search(line, 0, group[0].start()) or (
            firms is not None and _OTHER_FIRMS_AFTER.match(line, firms.end())
        )
        if all(is_zone(name) if zones else site_key(name) for name in names) and not alternative:
            return names
    return []


def _narrow_to_sites(
    gaz: Gazetteer, regions: list[Region], sites: list[str], *, evidence: dict[str, list[str]]
) -> list[Region]:
    """A 시도 program limited to complexes whose cities are known ('석문국가산업단지' in 당진시) is for
    those cities; any complex of unknown city ('새만금산단') keeps the 시도."""
    if not sites or len(regions) != 1 or regions[0].sigungu:
        return regions
    cities = [gaz.site_city(site_key(site) or "", regions[0].sido) for site in sites]
    if None in cities:
        return regions
    evidence.setdefault("regions", []).extend(evidence.get("site_limits", []))
    return _dedupe([city for city in cities if city is not None])


def _applicants_block(summary: str) -> tuple[list[str], list[str]]:
    """(the applicants' block, the other lines) of a summary.

    A Bizinfo summary names the applicants under its first ☞ and the support under its second (880 of
    the 881 sample records have exactly two); the first block's words ('수출기업, 유망창업기업 …' as
    eligible firms, '전시품목 : 교육장비') say who may apply, not what is offered. Without two ☞ there
    is no such block.
    """
    lines = summary.splitlines()
    arrows = [i for i, line in enumerate(lines) if line.lstrip().startswith("☞")]
    if len(arrows) < 2:
        return [], lines
    return lines[arrows[0] : arrows[1]], lines[: arrows[0]] + lines[arrows[1] :]


def _agency_and_operator(value: str) -> tuple[str, str]:
    """A full-text notice's 'agency' is Bizinfo's '소관기관 / 수행기관': '산업통상부 / 한국산업기술진흥원'.

    '직접수행' means the agency runs the program itself. A value without one such separator is the agency.
    """
    parts = [part.strip() for part in value.split(" / ")]
    if len(parts) != 2 or not all(parts):
        return value, ""
    agency, operator = parts
    return agency, "" if operator == "직접수행" else operator


# -- firm types and 업력 -------------------------------------------------------
# Not a body the applicants deal with ('한국농기계공업협동조합에 수록된 제품').
_SPECIAL_TYPES = {
    "사회적기업": r"(?:사회적\s?기업|사회적\s?경제)(?!에|의)",
    "여성기업": r"여성\s?(?:창업\s?)?기업(?!에|의)|여성\s?예비\s?창업",  # '여성창업기업', '여성예비창업자'
    "장애인기업": r"장애인\s?기업(?!에|의)",
    "협동조합": r"협동조합(?!에|의)",
}
_SOCIAL_ECONOMY = re.compile(r"사회적\s?경제\s?(?:기업|조직)")
# The words a notice for that kind of firm uses somewhere ('장애인 창업', '여성 CEO', '사회적경제'): the kind
# named as a firm, a founder or an owner, not women or disabled people as workers ('여성의 경력단절 예방').
_SPECIAL_KIND = {
    "사회적기업": re.compile(r"사회적\s?(?:기업|경제)"),
    "여성기업": re.compile(r"여성\s?(?:기업|CEO|창업|대표|경제인|기업인|사업주|소상공인|1인)"),
    "장애인기업": re.compile(r"장애인\s?(?:기업|창업|대표|경제인|기업인|사업주|표준\s?사업장)"),
    "협동조합": re.compile(r"협동조합"),
}
# A kind of firm the applicants ask to become ('예비사회적기업 지정요건을 모두 갖춘 법인ㆍ단체',
# '사회적기업으로 진입할 계획을 가진 사업자'): no restriction to firms that are one already.
_BECOMING_KIND = re.compile(
    r"(?:지정|인증)\s?요건|(?:지정|인증)을?\s?(?:받고자|받으려는|신청하려는)|(?:으로|로)\s?진입할"
)
# A designated 예비사회적기업 or 예비마을기업 is one in all but certification, not a would-be founder.
_DESIGNATED_RESERVE = re.compile(r"\(?예비\)?\s?(?:사회적\s?(?:기업|경제)|마을\s?기업)")
# Applicants' lines that are alternatives ('다음 중 어느 하나에 해당'), and a line about a plan ('1년 이내
# 법인 설립 계획'): their 업력 binds one kind of applicant, or none.
# Not premises, one of which the firm must hold ('본사, 사무소, 공장, 연구소 중 1개 이상 보유한').
_ALTERNATIVES = re.compile(r"어느\s?(?:하나|1)|중\s?(?:하나|1개)\s?이상(?!\s?(?:을\s?)?(?:보유|소재|갖|두))")
_PLAN = re.compile(r"계획|예정|하지\s?않은")
# A law named as the source of a definition ('중소기업창업 지원법상 (예비)창업기업', '「중소기업기본법」
# 제2조에 따른'): its words ('중소기업') name no applicant.
_LAW_NAME = re.compile(
    r"[「『]?[가-힣ㆍ·]{2,15}(?:\s[가-힣ㆍ·]{1,10})?\s?법[」』]?\s?"
    r"(?=상\s|상\(|에\s?(?:따른|의한|의거)|제\s?\d)"
)
_BODIES_THAT_SERVE = re.compile(r"기관|단체|대학|창업\s?기획자|액셀러레이터")
# A kind of applicant named only to be left out, in brackets: '(예비창업자 제외)', '(대기업 불가)'.
_EXCLUDED = re.compile(r"\([^()]{0,40}?(?:제외|불가)\s?\)")
_ITEM = re.compile(r"\s*(?:[☞○●◦▶▷■□◆◇•·\-*]|[①-⑳]|\d{1,2}[.)]\s|[가-하][.)]\s)")
# Targets that are schools, universities, pupils or citizens, or people described by what only a person
# has (학력, 전공, job seeking: '만 39세 이하 청년(학력·전공 무관)'), not businesses; and any word that
# names a business or a (would-be) founder. An age limit alone ('만 39세 이하 청년') is about the founder.
_NON_FIRM_TARGET = re.compile(r"학교|대학|학생|청소년|시민|학력|전공|구직|미취업|동아리")
# A club of students that would found a business is no business yet: '고교 및 대학 창업동아리'.
_CLUB = re.compile(r"창업\s?동아리")
_FIRM_WORDS = re.compile(
    r"기업|업체|창업|사업자|사업장|법인|소상공인|자영업|스타트업|CEO|대표|회사|공장|기관|단체|팀"
)
# A business named as an applicant, not as where a person works ('… 도내 사업장에 … 고용된 근로자').
_FIRM_APPLICANT = re.compile(rf"(?:{_FIRM_WORDS.pattern})(?!\s?(?:에|의|으로|로부터))")
# An applicants' line whose subject is a person: it ends on one ('… 상속인', '임원 또는 종업원', '조선업체에
# … 신규 입사') or opens with one ('거주자가 …').
_PERSON_APPLICANT = re.compile(
    r"(?:거주자|상속인|수증자|종업원|임직원|근로자|취업자|주주|창업주|기술자|세대주|가구|소유자|신규\s?입사(?:자|한\s?자)?)"
    r"\s*(?:\([^)]*\))?\s*$"
    r"|^[☞○●◦▶▷►■□•·\-]?\s*(?:거주자|개인)(?:가|이|는)\s"
)
# Applicants that are local governments or public bodies: '서울특별시를 제외한 16개 광역지방자치단체',
# '기초자치단체(시ㆍ군ㆍ구)', '지자체'. Read with them taken out, the line must name no business.
_PUBLIC_BODY_TARGET = re.compile(
    r"(?:광역|기초)?\s?지방\s?자치\s?단체|(?:광역|기초)\s?자치\s?단체|지자체|공공\s?기관|지방\s?공기업"
)
# A ceiling on years in business: '창업 7년 이내', '3년 이내 기술창업자', '창업 3년내 기업', or in brackets
# after the firm: '창업기업(7년 이내)', '초기기업(~3년)'.
_YEARS_MAX = re.compile(
    r"(?:창업|업력|설립|사업자\s?등록)\s?(?:후\s?|개시\s?)?(\d{1,2})\s?년\s?(?:차\s?)?(?:이내|이하|미만|내(?=\s?기업))"
    r"|(\d{1,2})\s?년\s?(?:이내|이하|미만|내)\s?(?:의\s?)?(?:\(?예비\)?\s?)?(?:1인\s?)?(?:[가-힣]{1,5}(?:업|분야)\s?)?"
    r"(?:기|기술|청년|재)?\s?"
    r"(?:창업|초기|기업|스타트업|법인|업체|설립)(?!\s?(?:예정|희망|계획))"
    r"|(?:창업\s?기업|초기\s?기업|스타트업)\s?\(\s?~?\s?(\d{1,2})\s?년\s?(?:이내|이하|미만)?\s?\)"
)
_MONTHS_MAX = re.compile(r"(?:창업|업력|설립)\s?(?:후\s?)?(\d{1,2})\s?개월\s?(?:이내|이하|미만)")
_MONTHS_RANGE = re.compile(r"(\d{1,2})\s?개월\s?(?:이상|초과)\s?(?:~\s?)?(\d{1,2})\s?년\s?(?:이내|이하|미만)")
_YEARS_RANGE = re.compile(
    r"(?:창업|업력)?\s?(\d{1,2})\s?(?:년\s?)?[~∼-]\s?(\d{1,2})\s?년\s?(?:차|이내|이하|미만)?"
)
_YEARS_MIN = re.compile(
    r"(?:창업|업력|설립)\s?(?:후\s?|이\s?|은\s?|는\s?|\)\s?(?:공고일|신청일|접수일)\s?기준\s?)?(?:만\s?)?"
    r"(\d{1,2})\s?년\s?(?:초과|이상|경과)"
)
# Time in business written as how long the firm has run or traded, in years or months: '5년 이상 운영 중인
# 사업장', '3개월 이상 영업 중인 소상공인', '개업연월일로부터 6개월 이상 경과', '사업자등록 후 3개월 이상'.
_TRADING_MIN = re.compile(
    r"(?:(?:개업|사업자\s?등록|사업\s?개시|창업|설립)[^.\n]{0,8}?)(\d{1,2})\s?(개월|년)\s?(?:이상|초과|경과)"
    r"|(\d{1,2})\s?(개월|년)\s?이상\s?(?:계속(?:하여|해서)?\s?|정상적?으로\s?)?(?:운영|영업)\s?"
    r"(?:중|(?:한|하는)\s?(?:사업장|기업|업체|점포|매장))"
    r"|(?:영업|사업\s?영위)\s?기간\s?(?:이\s?)?(\d{1,2})\s?(개월|년)\s?이상"
    r"|(\d{1,2})\s?(개월|년)\s?이상\s?(?:정상\s?)?(?:가동|사업\s?(?:을\s?)?영위"
    r"|영위(?:한|하는|\s?중인)\s?(?:중소\s?)?(?:기업|업체|사업자|법인|소상공인))"
    r"|(\d{1,2})\s?(개월|년)\s?(?:\([^)]{0,20}\)\s?)?이상\s?계속(?:하여|해서)?\s?[^.\n]{0,20}?사업을?\s?(?:하|영위)"
    r"|(\d{1,2})\s?(개월|년)\s?이상\s?(?:계속(?:하여|해서)?\s?)?(?:관내\s?)?(?:사업장|주사무소|본사|본점)[을를]?\s?"
    r"(?:갖|두|둔|보유|운영)"
    r"|(\d{1,2})\s?(개월|년)\s?이상\s?(?:계속(?:하여|해서)?\s?)?(?:영업을?\s?유지|경영)"
)
# A target line that ends on 'N년 이내' (a wrapped table cell cut before '창업기업') still states 업력.
_TARGET_YEARS_TAIL = re.compile(r"(\d{1,2})\s?년\s?(?:이내|이하|미만)\s*$")
# A would-be 소상공인 ('창업 예정지가 김제시인 예비 소상공인') has no business yet.
_PRE_SMALL_BUSINESS = re.compile(r"예비\s?소상공인")
_PRE_STARTUP = re.compile(
    r"예비\s?(?:재|여성|청년|기술|1인)?\s?(?:창업|스타트업)|"
    + _PRE_SMALL_BUSINESS.pattern
    + r"|예비\s?\(?초기\)?\s?창업|\(예비\)|창업\s?(?:희망|예정|준비)"
    r"|창업(?:을|를)\s?(?:희망|준비)|사업자\s?등록(?:이|을)?\s?(?:없는|하지\s?않은)"
)
# A would-be founder's whole word ('예비청년창업자'), and a founder's, once those are taken out.
_PRE_STARTUP_WORD = re.compile(r"예비\s?\S*")
_FOUNDER = re.compile(r"창업\s?(?:자|가|기업|팀)")
# '예비 및 7년 이내 창업기업', '예비 ~ 7년 이내 창업기업', '예비ㆍ초기 청년창업가', '(예비)창업자': would-be
# founders and founded startups both, the first written short.
_PRE_AND_STARTUP = re.compile(
    r"예비\s?(?:및|또는|[~∼\-ㆍ·․‧,/])\s?[^.\n]{0,20}?(?:창업|초기)|\(예비\)\s?(?:청년\s?)?창업(?:자|가|기업|팀)"
    r"|예비\s?\(\s?초기\s?\)\s?창업|초기\s?[·ㆍ,/]\s?예비\s?창업"
)


# A limit stated as a preference ('창업 7년 이내 기업 우대', '… 가점') does not exclude anyone.
_PREFERENCE_AFTER = re.compile(r"[^.,;)\n]{0,12}?(?:우대|가점|가산점|우선\s?(?:선정|지원))")
# After 'N년 이상/초과', the upper end of the same range: '창업 1년 이상 3년 미만', '3년 초과 7년 이내'.
_PAIRED_MAX = re.compile(r"\s?(?:~|∼|-|,)?\s?(?:(?:창업|업력)\s?)?(\d{1,2})\s?년\s?(?:이내|이하|미만)")
# Stages from one ceiling to another: '1년 미만 초기 창업자 ~ 7년 미만 우수 창업기업' admits up to the second.
_CEILING_SPAN = re.compile(
    r"\d{1,2}\s?년\s?(?:미만|이내|이하)[^~∼\n]{0,15}?[~∼]\s?(\d{1,2})\s?년\s?(?:미만|이내|이하)"
)
# A sector's own, longer limit in brackets: '창업 7년 이내 (신산업 분야는 10년 이내)'.
_SECTOR_TRACK_MAX = re.compile(
    r"\([^()]{0,20}?(?:분야|업종|산업)[^()]{0,8}?(\d{1,2})\s?년\s?(?:이내|이하|미만)\s?\)"
)


# A listed group of firms ends on what they are: '폐업(예정) 소상공인', '창업 7년 이내 기업 (신산업 10년)';
# not '관내 기업 중' (among them) nor '… 지원법에 따른 창업자'.
_FIRM_GROUP = re.compile(r"(?:소상공인|기업|업체|사업자|법인)\s*(?:\([^)]*\))?\s*$")


# A line that opens with a track's or kind's name in brackets: '- (유망기업) 창업 7년 이내', '[1트랙] …'.
_TRACK_LABEL = re.compile(r"\s*(?:[-·․ㅇ○◦*]\s*)?[(\[【<][^)\]】>]{1,12}[)\]】>]")


class _YearLimits:
    """업력 limits as stated, then combined into one admitted span.

    A notice may state one range ('3년 초과 7년 이내'), or tracks that admit different ages
    ('(초기트랙) 창업 3년 이내, (도약트랙) 3년 초과 7년 이내'; '[1트랙] 3년 이내 / [2트랙] 3년 초과'):
    a firm that fits any track may apply.
    """

    def __init__(self) -> None:
        self.ranges: list[tuple[float, float]] = []
        self.maxima: list[float] = []  # 'N년 이내' alone: admits from founding
        self.minima: list[float] = []  # 'N년 이상' alone: admits any older firm
        # A listed group of firms with no limit of its own beside a limited one ('경영위기 소상공인, 재창업
        # 1년 이내 소상공인'): that group admits every age, so together they set no limit.
        self.open_group = False
        # Lines that each open with their own track's name ('(유망기업) 창업 7년 이내', '(스타기업) 창업 3년
        # 이상'): the limits each line states, which admit together whatever any one admits.
        self.tracks: list[_YearLimits] = []

    def read(self, text: str, *, is_target: bool) -> bool:
        """Add the limits ``text`` states; whether it stated any."""
        label = _TRACK_LABEL.match(text)
        if label and "공통" not in label.group(0):  # '(공통/업력) 공고일 기준 3년 이상' binds every track
            track = _YearLimits()
            if track._read(text, is_target=is_target):
                self.tracks.append(track)
                return True
            return False
        found = self._read(text, is_target=is_target)
        if found:
            groups = [
                g for g in re.split(r",|\s/\s|[①-⑳]", text) if _FIRM_GROUP.search(g) and "예비" not in g
            ]
            if len(groups) >= 2 and any(not self._states_years(g) for g in groups):
                self.open_group = True
        return found

    @staticmethod
    def _states_years(text: str) -> bool:
        return bool(_YEARS_MAX.search(text) or _YEARS_MIN.search(text) or _YEARS_RANGE.search(text))

    def _read(self, text: str, *, is_target: bool) -> bool:
        found = False
        paired: set[int] = set()  # where a range's upper end was already read
        for match in _YEARS_MIN.finditer(text):
            if _PREFERENCE_AFTER.match(text, match.end()):
                continue
            high = _PAIRED_MAX.match(text, match.end())
            if high and float(high.group(1)) > float(match.group(1)):
                self.ranges.append((float(match.group(1)), float(high.group(1))))
                paired.add(high.start(1))
            else:
                self.minima.append(float(match.group(1)))
            found = True
        for match in _TRADING_MIN.finditer(text):
            number, unit = next(match.group(i, i + 1) for i in range(1, 15, 2) if match.group(i))
            if _YEARS_MIN.match(text, match.start()) or _PAIRED_MAX.match(text, match.end()):
                continue  # read above, or the lower end of a range ('3개월 이상 3년 이내')
            self.minima.append(round(float(number) / 12, 2) if unit == "개월" else float(number))
            found = True
        for match in _YEARS_RANGE.finditer(text):
            low, high = float(match.group(1)), float(match.group(2))
            # A range about years in business, or one in brackets after a firm: '성장기업(3년~7년)'.
            if low < high <= 15 and (
                re.search(r"창업|업력|년차", match.group(0) + text[match.end() : match.end() + 4])
                or re.search(r"기업\s?\(\s?$", text[max(0, match.start() - 6) : match.start()])
            ):
                self.ranges.append((low - 1 if "차" in match.group(0) else low, high))
                paired.add(match.start(2))
                found = True
        for match in _MONTHS_RANGE.finditer(text):
            # '3개월 이상 3년 이내 기술창업자': a floor in months under a ceiling in years.
            self.ranges.append((round(float(match.group(1)) / 12, 2), float(match.group(2))))
            paired.add(match.start(2))
            found = True
        for match in _MONTHS_MAX.finditer(text):
            if not _PREFERENCE_AFTER.match(text, match.end()):
                self.maxima.append(round(float(match.group(1)) / 12, 2))  # '업력 6개월 이내 스타트업'
                found = True
        for match in _YEARS_MAX.finditer(text):
            number = next(index for index in (1, 2, 3) if match.group(index))
            value = float(match.group(number))
            if value > 20 or match.start(number) in paired or _PREFERENCE_AFTER.match(text, match.end()):
                continue
            self.maxima.append(value)
            found = True
        for match in _CEILING_SPAN.finditer(text):
            if float(match.group(1)) <= 20:
                self.maxima.append(float(match.group(1)))  # the far end of '1년 미만 … ~ 7년 미만 …'
                found = True
        for match in _SECTOR_TRACK_MAX.finditer(text):
            if found and float(match.group(1)) <= 20:
                self.maxima.append(float(match.group(1)))
        if is_target:
            tail = _TARGET_YEARS_TAIL.search(text)
            if tail and float(tail.group(1)) <= 20 and tail.start(1) not in paired:
                self.maxima.append(float(tail.group(1)))
                found = True
        return found

    def limits(self) -> tuple[float | None, float | None]:
        """(years_min, years_max) of what the statements admit together."""
        if self.open_group:
            return None, None
        if len(self.tracks) < 2:
            # One labelled line is no choice of tracks ('(지원대상) 창업 7년 이내'): read with the rest.
            merged = _YearLimits()
            for part in (self, *self.tracks):
                merged.ranges += part.ranges
                merged.maxima += part.maxima
                merged.minima += part.minima
            return merged._stated_limits()
        spans = [track.limits() for track in self.tracks]
        if self.ranges or self.maxima or self.minima:
            spans.append(self._stated_limits())
        lows, highs = [low for low, _ in spans], [high for _, high in spans]
        return (
            None if None in lows else min(low for low in lows if low is not None),
            None if None in highs else max(high for high in highs if high is not None),
        )

    def _stated_limits(self) -> tuple[float | None, float | None]:
        if self.minima and self.maxima and min(self.minima) >= max(self.maxima):
            # '3년 이내' and '3년 초과' cannot both hold: they are tracks, and together admit every age.
            return None, None
        lows = [low for low, _ in self.ranges] + self.minima
        highs = [high for _, high in self.ranges] + self.maxima
        # A bare maximum alone admits from founding, a bare minimum alone any older firm; both together
        # ('업력 1년 이상 … 7년 이내') bound one span.
        low = min(lows) if lows and not (self.maxima and not self.minima) else None
        high = max(highs) if highs and not (self.minima and not self.maxima) else None
        if low is not None and high is not None and low >= high:
            low = None
        return low, high


# Bizinfo's coarse target category for startup and venture support ('창업벤처'): not who may apply.
_COARSE_STARTUP_CATEGORY = re.compile(r"\s*창업\s?벤처\s*")
# Bizinfo's target field holds one such category word; a target cell that says more is read as written.
_COARSE_CATEGORY = re.compile(r"\s*(?:중소\s?기업|소상공인|창업\s?벤처)\s*")
_SME_CATEGORY = re.compile(r"\s*중소\s?기업\s*")
# Applicants plainly of any size ('…하는 내국인', '내국법인', '누구나', '모든 기업', '기업ㆍ단체, 개인'), and
# the words of a size or a stage ('중소', '소상공인', '창업', '벤처') that make '중소기업' the limit.
_ANY_APPLICANT = re.compile(
    r"내국인|내국\s?법인|누구나|모든\s?(?:기업|업체|사업자)|개인(?!\s?사업자)|단체|대기업"
    r"|(?:기업|업체)\s?(?:및|ㆍ|·|,|또는)\s?(?:기관|단체|개인|대학)|규모\s?(?:에\s?)?(?:관계\s?없이|무관)"
    # Defined by a registration or licence under a law: '「관광진흥법」에 따라 여행업으로 등록한 업체'.
    r"|(?:법|법률|규정|조례)\s?[」』]?[^.\n]{0,30}?(?:등록|신고|허가)(?:을|를|한|된|하여|하고)?[^.\n]{0,12}?"
    r"(?:업체|사업자|여행사|사업장|법인)"
)
# Every size listed as applicants: '중소·중견·대기업', '콘텐츠기업(대기업, 중견기업, 중소기업 …)'; not a large
# firm in another role ('대기업 … 납품계약', '대기업은 참여기업으로').
_ALL_SIZES = re.compile(
    r"대기업\s?[ㆍ·,/]\s?(?:중견|중소)|(?:중소|중견)\s?(?:기업)?\s?[ㆍ·,/]\s?대기업|\(\s?대기업\s?[ㆍ·,/]"
    r"|대\s?[ㆍ·]\s?중\s?[ㆍ·]\s?소\s?기업"
)
_SIZE_WORD = re.compile(r"중소|소상공인|소공인|중견|소기업|영세|창업|스타트업|벤처|예비|자영업|초기")
# An award whose nominees are people or bodies as well as firms ('기여한 자 또는 기관', '개인 및 단체'): firms
# of any size may be nominated too.
_AWARD = re.compile(r"포상|표창|시상|유공|어워드|[Aa]ward")
_NOMINEES = re.compile(r"(?<![가-힣])자(?![가-힣])|개인|단체|기관|유공자")
_SMALL_BUSINESS_CATEGORY = re.compile(r"\s*소상공인\s*")
# Under Bizinfo's '중소기업', applicants' lines naming 소상공인 and no other kind of firm.
_OTHER_FIRMS = re.compile(r"중소|중견|기업|업체|법인|제조|스타트업|창업|사업체")
# Under '소상공인', small firms listed beside them: '소기업ㆍ소상공인', '중소기업 및 소상공인' (not a
# definition: '소상공인: 「중소기업기본법」에 따른 소기업 중 …').
_SMALL_FIRM = re.compile(
    r"(?:중소|(?<![가-힣])소)\s?기업\s?(?:[ㆍ·,/]|및|또는)\s?소상공인"
    r"|소상공인\s?(?:[ㆍ·,/]|및|또는)\s?(?:중소|소)\s?기업|소규모\s?중소\s?기업"
)
_VENTURE = re.compile(r"벤처\s?기업")
_VENTURE_BESIDE_STARTUP = re.compile(
    r"창업\s?(?:기업\s?)?(?:[ㆍ·,/]|및|또는)\s?벤처|벤처\s?(?:기업\s?)?(?:[ㆍ·,/]|및|또는)\s?창업"
)
# 중견기업 named on its own or beside 중소: '중소ㆍ중견 제조기업', '중소/중견', '중소기업 또는 중견기업'.
_MIDSIZE = re.compile(r"중견\s?기업|중소\s?[ㆍ·/,]?\s?중견|중견\s?[ㆍ·/,]\s?중소")
# Words of a business already founded, beside would-be founders: '예비창업자 및 7년 이내 창업기업'.
_FOUNDED = re.compile(
    r"기업|업체|기창업|(?<!예비)창업(?:자|가)|대표|법인(?!\s?설립)|스타트업|\d\s?년|사업자(?!\s?등록\s?(?:을|이|및)?\s?(?:하지|없))"
)
# Words that make a program one for startups. An 업력 counts only as a ceiling ('업력 3년 이내'): a floor
# ('업력 3년 이상') asks for an established firm.
_STARTUP_WORDS = re.compile(
    r"창업\s?기업|창업\s?벤처|스타트업|초기\s?창업|창업\s?초기|창업\s?\d(?!\d?\s?년\s?(?:이상|초과|경과))"
    r"|업력\s?(?:\d+(?:\.\d+)?\s?년?\s?[~∼\-]\s?)?\d+(?:\.\d+)?\s?년?\s?(?:이내|이하|미만)"
    r"|\d\s?년\s?(?:이내|내)\s?(?:\(?예비\)?)?\s?(?:기술|청년|재)?\s?창업|창업\s?후"
)


def extract_firm_types(
    target: str, body: str = "", title: str = "", *, evidence: dict[str, list[str]] | None = None
) -> tuple[list[str], float | None, float | None]:
    """Firm types and 업력 limits from the target line, else from the body's sentences stating the target."""
    evidence = evidence if evidence is not None else {}
    special = next((name for name in _SPECIAL_TYPES if re.fullmatch(rf"\s*{name}\s*", target)), None)
    if special and not _SPECIAL_KIND[special].search(f"{title}\n{body}"):
        # Bizinfo's category alone ('장애인기업') over a notice that never names that kind of firm (an award,
        # a contest open to all): the text, not the category, says who may apply.
        target = ""
    target_sentences = [
        s for s in split_sentences(body) if re.search(r"대상|자격|신청\s?요건|☞|모집|희망하는|참여", s)
    ][:8]
    # A Bizinfo summary's applicants' block: its lines under '☞ …' ('(수혜기업) 공고일 기준 창업 후 6개월 이상
    # 경과된 …') state who may apply even without a word such as 대상.
    # Not when the lines are alternatives ('다음 중 어느 하나에 해당': one line's 업력 binds only that kind of
    # firm) or a would-be founder's plan ('1년 이내 법인 설립 계획').
    block = _applicants_block(body)[0]
    alternatives = any(_ALTERNATIVES.search(line) for line in block)
    block_lines = [
        line for line in block if line not in target_sentences and not alternatives and not _PLAN.search(line)
    ][:8]
    sources = (
        [target, title, *target_sentences, *block_lines]
        if target
        else [title, *target_sentences, *block_lines]
    )
    types: list[str] = []
    years = _YearLimits()
    type_evidence: list[str] = []
    year_evidence: list[str] = []
    locked: list[str] | None = None  # the target field's types, authoritative when it names one
    for stated in sources:
        if not stated:
            continue
        # '7년 미만 창업기업 (예비창업자 제외)' admits no would-be founder; a law's name is no applicant.
        text = _LAW_NAME.sub(" ", _EXCLUDED.sub(" ", stated))
        before = len(types)
        if _PRE_AND_STARTUP.search(text):
            types.extend(["예비창업자", "창업기업"])
        elif _PRE_STARTUP.search(text):
            types.append("예비창업자")
            if _FOUNDER.search(_PRE_STARTUP_WORD.sub(" ", text)):
                types.append("창업기업")  # '예비청년창업자, 청년창업 자': founders as well
        if re.search(
            _STARTUP_WORDS,
            text,
        ):
            types.append("창업기업")
        if re.search(r"소상공인|자영업", _PRE_SMALL_BUSINESS.sub(" ", text)):
            types.append("소상공인")
        if re.search(
            r"중소\s?(?:ㆍ|·)?\s?(?:벤처|중견)?\s?기업|중소기업|제조\s?기업|기업\b|업체", text
        ) and not re.fullmatch(r"\s*소상공인\s*", text):
            types.append("중소기업")
        if _MIDSIZE.search(text):
            types.append("중견기업")
        for name, pattern in _SPECIAL_TYPES.items():
            if re.search(pattern, text):
                types.append(name)
        if _SOCIAL_ECONOMY.search(text):
            types += ["사회적기업", "협동조합"]  # 사회적경제기업 are social enterprises and cooperatives both
        if len(types) > before:
            type_evidence.append(stated.strip()[:300])
        if years.read(text, is_target=stated is target):
            year_evidence.append(stated.strip()[:300])
        if stated is target and types:
            locked = list(types)
    # The target, or a Bizinfo summary's applicants' block (its target field is only a coarse category such
    # as '창업벤처'), names schools, students or private persons and no business of any kind.
    applicants = " ".join(line.strip() for line in block)
    for who in (target if locked is None else "", applicants):
        if who and _NON_FIRM_TARGET.search(who) and not _FIRM_WORDS.search(_CLUB.sub(" ", who)):
            evidence["firm_types"] = [who.strip()[:300]]
            return [NON_FIRM], None, None
        public = _PUBLIC_BODY_TARGET.search(who)
        if public and not _FIRM_WORDS.search(_PUBLIC_BODY_TARGET.sub(" ", who)):
            evidence["firm_types"] = [who.strip()[:300]]
            return [PUBLIC_BODY], None, None
    first = _first_item(block)
    if _PERSON_APPLICANT.search(first) and not any(
        _FIRM_APPLICANT.search(re.sub(r"\([^)]*\)", " ", item)) and not _PERSON_APPLICANT.search(item)
        for item in re.split(r"[,ㆍ·]", first)
    ):
        # '☞ 가업상속재산을 상속받은 상속인', '☞ 벤처기업의 임원 또는 종업원', '☞ 거주자가 … 투자하는 경우': a
        # person (a tax guide's heir, employee or investor) claims it, not the firm the line names; not when
        # a firm is listed beside ('농업회사법인, 농업인, 농업회사법인에 출자한 거주자').
        evidence["firm_types"] = [first[:300]]
        return [NON_FIRM], None, None
    years_min, years_max = years.limits()
    if (
        locked is not None
        and set(locked) == {"창업기업"}
        and _COARSE_STARTUP_CATEGORY.fullmatch(target)
        and years_min is not None
        and years_max is None
        and not any(_STARTUP_WORDS.search(s) for s in sources if s is not target)
    ):
        # A Bizinfo '창업벤처' category over applicants who must have been in business some years, and no
        # word of startups in the notice ('업력 3년 이상 기업'): a program for established firms.
        locked = None
        types = [t for t in types if t != "창업기업"] or ["중소기업"]
    ordered = list(dict.fromkeys(locked if locked is not None else types))
    if (
        locked is not None
        and "창업기업" in ordered
        and "예비창업자" not in ordered
        and any(
            (_PRE_STARTUP.search(s) or _PRE_AND_STARTUP.search(s)) and "제외" not in s
            for s in sources
            if s is not target
        )
    ):
        # A coarse startup category ('창업벤처') whose own text admits would-be founders as well.
        ordered.append("예비창업자")
    named = " ".join(line for line in block if "제외" not in line)  # the applicants' lines, not exclusions
    if locked is not None and _COARSE_CATEGORY.fullmatch(target):
        # Bizinfo's one-word category ('중소기업', '소상공인') is coarse: the applicants' lines may name more
        # ('중소ㆍ중견 제조기업', '소상공인 및 예비창업자'), or only would-be founders under '창업벤처'.
        would_be = _PRE_STARTUP.search(named)
        if _MIDSIZE.search(named) and "중견기업" not in ordered:
            ordered.append("중견기업")
        if would_be and "예비창업자" not in ordered:
            ordered.append("예비창업자")
        if (
            would_be
            and "창업기업" in ordered
            and _COARSE_STARTUP_CATEGORY.fullmatch(target)
            and not _FOUNDED.search(_PRE_STARTUP.sub(" ", named))
        ):
            ordered.remove("창업기업")  # '☞ 사업자 등록을 하지 않은 예비창업자'
        if _SME_CATEGORY.fullmatch(target) and "소상공인" in named and not _OTHER_FIRMS.search(named):
            ordered = [
                "소상공인" if kind == "중소기업" else kind for kind in ordered
            ]  # '… 영업 중인 소상공인'
        elif (
            _SME_CATEGORY.fullmatch(target)
            and set(ordered) <= {"중소기업", "중견기업"}
            and (
                _ALL_SIZES.search(named)
                or (_ANY_APPLICANT.search(named) and not _SIZE_WORD.search(named))
                or (_AWARD.search(title) and _NOMINEES.search(named))
            )
        ):
            # '☞ … 하는 내국인', '☞ 기업ㆍ단체, 개인': applicants of any size, whatever
            # the category Bizinfo filed the notice under.
            ordered = []
        if (
            _SMALL_BUSINESS_CATEGORY.fullmatch(target)
            and _SMALL_FIRM.search(named)
            and "중소기업" not in ordered
        ):
            ordered.append("중소기업")  # '매출 10억 원 미만의 소기업ㆍ소상공인'
        if _COARSE_STARTUP_CATEGORY.fullmatch(target) and _VENTURE.search(named) and "창업" not in named:
            # '현재 벤처기업이거나 과거 벤처기업확인 이력이 있는 기업': a venture firm of any age, no startup.
            ordered = ["중소기업" if kind == "창업기업" else kind for kind in ordered]
        elif (
            _COARSE_STARTUP_CATEGORY.fullmatch(target)
            and _VENTURE_BESIDE_STARTUP.search(named)
            and "중소기업" not in ordered
        ):
            ordered.append("중소기업")  # '중소기업 중 창업ㆍ벤처기업': venture firms of any age as well
    if locked is not None and special:
        if _PRE_STARTUP.search(_DESIGNATED_RESERVE.sub(" ", named)) and "예비창업자" not in ordered:
            ordered.append("예비창업자")  # '☞ 예비창업자 또는 창업 3년 미만 여성기업' under '여성기업'
        if _BECOMING_KIND.search(named):
            ordered = [kind for kind in ordered if kind not in _SPECIAL_TYPES]
    # '창업 초기 중소기업' are startups. Applicants named beside startups as firms of any age ('벤처ㆍ창업
    # 기업', '스타트업 및 중소벤처기업') keep 중소기업, from the target or applicants' lines, not a title.
    named_sme = re.sub(r"(?:창업\s?)?초기\s?중소\s?기업", " ", _LAW_NAME.sub(" ", " ".join(sources)))
    applicants_named = re.sub(r"창업\s?벤처", " ", " ".join([target, *block]))
    if (
        "창업기업" in ordered
        and "중소기업" in ordered
        and not re.search(r"중소\s?기업", named_sme)
        and not re.search(r"벤처\s?(?:기업|[ㆍ·,]|및|또는)|중소\s?벤처", applicants_named)
    ):
        ordered.remove("중소기업")  # '창업기업' alone, not a general SME program
    if (
        "사회적기업" in ordered
        and "협동조합" not in ordered
        and any(_SOCIAL_ECONOMY.search(line) for line in [*sources, *block] if line)
    ):
        ordered.append("협동조합")  # 사회적경제기업 are social enterprises and cooperatives both
    if years_max is not None and "창업기업" not in ordered:
        ordered.append("창업기업")  # an 업력 limit admits founded businesses, with or without 예비창업자
    if type_evidence:
        evidence["firm_types"] = list(dict.fromkeys(type_evidence))[:2]
    if year_evidence:
        evidence["years"] = list(dict.fromkeys(year_evidence))[:2]
    return ordered, years_min, years_max


# -- helpers -----------------------------------------------------------------
def _first_item(block: list[str]) -> str:
    """The block's first item, with the lines a hard wrap cut it into ('☞ … 도내 사업장에 육아' / '휴직
    대체인력으로 고용ㆍ파견된 근로자') joined again."""
    lines = [line.strip() for line in block]
    while lines and not lines[0]:
        lines.pop(0)
    item = lines[:1]
    for line in lines[1:]:
        if not line or _ITEM.match(line):
            break
        item.append(line)
    return " ".join(item)


# 업력 stated as a founding date: '2025.01.01. 이후 창업자만 가능', '창업일 기준 2023년 1월 1일 이전인 기업',
# '개업일 2024. 4. 23. 이전'. Not a reference date ('… 이후 창업자는 예비창업자로 간주'), a closure, a
# document's issue date or how long an address was kept ('2024.1.1. 이전부터 대구시에 … 주소지 유지').
_CUTOFF_YMD = r"(\d{4})\s?[.\-/년]\s*(\d{1,2})\s?[.\-/월]\s*(\d{1,2})\s?[.일]?\s?"
_CUTOFF_DATE = re.compile(_CUTOFF_YMD + r"\)?\s?(이후|이전)(?!부터)")
_FOUNDING_AFTER = re.compile(r"\s?(?:에\s?)?[^.\n,(]{0,10}?(?:창업|설립|개업)")
_FOUNDING_BEFORE = re.compile(r"(?:창업|설립|개업)\s?(?:연월)?일\s?(?:\(?기준\)?)?[^.\n]{0,4}$|^\s?\(?개업일")
_NOT_A_CUTOFF = re.compile(r"간주|제외|폐업|발행|유지|거주|출산|우대|가점|가산")
# In business in the area since a date: '2024. 1. 1. 이전부터 대구시에 사업자등록증명원 소재지 … 유지'.
_SINCE_DATE = re.compile(
    _CUTOFF_YMD + r"(?:이전\s?)?부터[^.\n]{0,20}?(?:사업자\s?등록|사업장|영업|본사|주사무소)"
)


# Founders of a given year: '2025년도 창업자', '2025년 신규창업자', '2024년에 창업한' (not a program's year
# before its name: '2025년 창업기업 신규고용 보조금').
_FOUNDED_IN_YEAR = re.compile(r"(20\d{2})\s?년\s?(?:도\s?창업자|신규\s?창업(?:자|기업)|도?에\s?창업한)")


def _with_founding_cutoffs(
    lines: list[str],
    *,
    as_of: date,
    limits: tuple[float | None, float | None],
    evidence: dict[str, list[str]],
) -> tuple[float | None, float | None]:
    """업력 limits tightened by founding-date cut-offs, in years as of the notice's date.

    A firm founded after the cut-off is at most that many years old when it applies; one founded before,
    at least. A cut-off after the notice's date limits nobody yet.
    """
    years_min, years_max = limits
    for line in lines:
        if not line:
            continue
        # (cut-off, founded after it): in business there since a date, or founded before or after one.
        cutoffs = [(_ymd(since.group(1, 2, 3)), False) for since in _SINCE_DATE.finditer(line)]
        # Founded in a year ('2025년 신규창업자'): on or after its first day.
        cutoffs += [(date(int(year.group(1)), 1, 1), True) for year in _FOUNDED_IN_YEAR.finditer(line)]
        if not _NOT_A_CUTOFF.search(line):
            cutoffs += [
                (_ymd(match.group(1, 2, 3)), match.group(4) == "이후")
                for match in _CUTOFF_DATE.finditer(line)
                if _FOUNDING_AFTER.match(line, match.end())
                or _FOUNDING_BEFORE.search(line[max(0, match.start() - 16) : match.start()])
            ]
        for cutoff, after in cutoffs:
            if cutoff is None or cutoff >= as_of:
                continue
            span = (as_of - cutoff).days / 365.25
            if after:
                high = math.ceil(span * 10) / 10  # founded after the cut-off: this young at most
                years_max = high if years_max is None else min(years_max, high)
            else:
                low = math.floor(span * 10) / 10
                years_min = low if years_min is None else max(years_min, low)
            evidence["years"] = [*evidence.get("years", []), line.strip()[:300]][:2]
    if years_min is not None and years_max is not None and years_min >= years_max:
        return limits  # tracks or a misreading: keep what the text stated in years
    return years_min, years_max


def _clean(value: str) -> str:
    if looks_like_html(value):
        return html_to_text(value)
    return normalize_text(value)


def _with_attachment_text(record: SourceRecord, body: str) -> str:
    """The body plus a full-text notice's attachment text ('pdf_text') when the body does not hold it."""
    pdf_text = str(record.fields.get("pdf_text") or "")
    return f"{body}\n{pdf_text}" if pdf_text and pdf_text[:200] not in body else body


def _period_from_text(
    record: SourceRecord,
    text: str,
    title: str,
    *,
    apply_start: date | None,
    apply_end: date | None,
    evidence: dict[str, list[str]],
) -> tuple[date | None, date | None]:
    """Fill the dates a record's fields leave out from the period its text states ('접수기간 : …').

    A date the fields give wins; the text's start is taken only when it is not after that end.
    """
    # The year of a date written without one ('~ 5. 11.'): the notice's, else its deadline's or title's,
    # else the year its opening names most ('2026년 소상공인 …' under a title without one).
    if record.published_on:
        reference: int | None = record.published_on.year
    elif apply_end:
        reference = apply_end.year
    else:
        titled = re.search(r"(20\d{2})\s?년", title)
        named = Counter(re.findall(r"(20\d{2})\s?년", text[:3000])).most_common(1)
        reference = int(titled.group(1)) if titled else int(named[0][0]) if named else None
    start, end, stated = detect_application_period(text, reference_year=reference)
    if start and not apply_start and (apply_end is None or start <= apply_end):
        apply_start = start
        evidence["apply_start"] = [stated]
    if end and not apply_end and (apply_start is None or apply_start <= end):
        apply_end = end
        evidence["apply_end"] = [stated]
    return apply_start, apply_end


# A deadline this far ahead is a table's placeholder for none ('2099-12-31' in the 통합공고 rows that say
# '상시접수' or '연중수시').
PLACEHOLDER_DEADLINE_YEAR = 2090


def _parse_date(value: object) -> date | None:
    if not value:
        return None
    found = _DATE.search(str(value))
    return _ymd(found.groups()) if found else None


def _ymd(parts: tuple[str, str, str]) -> date | None:
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None
