"""What the public pages and the API need besides ranking: sector suggestions, typed-location
resolution, published-program lookup, application status, budget wording and similar programs.

Views and API endpoints call these; they hold no request or template logic.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from matcher.engine.ksic import ksic_rows
from matcher.engine.periods import application_status as period_status
from matcher.engine.regions import Location, Region, default_gazetteer
from matcher.engine.text import quotable
from matcher.models import Announcement, Program
from matcher.services.matching import FirmProfile, MatchFilters, ProgramMatch, match_firm


class LocationError(ValueError):
    """The owner's location could not be understood; ``str(exc)`` is a Korean message for them."""


# -- KSIC sector names ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _ksic_names() -> tuple[tuple[str, str], ...]:
    """(name, code) for every KSIC class and subclass, without duplicates, in table order."""
    seen: dict[str, str] = {}
    for row in ksic_rows():
        for name_key, code_key in (("class_name", "class_code"), ("subclass_name", "subclass_code")):
            name = (row.get(name_key) or "").strip()
            if name and name not in seen:
                seen[name] = (row.get(code_key) or "").strip()
    return tuple(seen.items())


def suggest_sectors(*, query: str, limit: int = 10) -> list[dict[str, str]]:
    """KSIC names containing every word of ``query``, names starting with it first."""
    words = [w for w in re.split(r"\s+", (query or "").strip()[:50]) if w]
    if not words:
        return []
    hits = [(name, code) for name, code in _ksic_names() if all(w in name for w in words)]
    # Shorter and prefix hits read as the better suggestion.
    hits.sort(key=lambda item: (not item[0].startswith(words[0]), len(item[0])))
    return [{"name": name, "code": code} for name, code in hits[: max(1, min(limit, 50))]]


# -- regions ------------------------------------------------------------------------------------


def sido_choices() -> list[str]:
    return default_gazetteer().sidos


def sigungu_choices(*, sido: str) -> list[str]:
    return default_gazetteer().cities(sido) if sido else []


def resolve_firm_location(*, typed: str = "", sido: str = "", sigungu: str = "") -> Location:
    """A typed address wins over the selects; selects must name a real 시도 (and its 시군구)."""
    gazetteer = default_gazetteer()
    typed = (typed or "").strip()
    if typed:
        location = gazetteer.resolve(typed)
        if location is None:
            message = _(
                "‘%(typed)s’에서 지역을 찾지 못했습니다. ‘경북 구미시’처럼 시도와 시군구를 함께 적어 주세요."
            )
            raise LocationError(message % {"typed": typed[:40]})
        return location
    if not sido:
        raise LocationError(_("소재지를 선택하거나 주소를 입력해 주세요."))
    region = Region(sido, sigungu or None)
    if not gazetteer.is_valid(region):
        raise LocationError(_("선택한 시도와 시군구가 맞지 않습니다. 다시 선택해 주세요."))
    return Location(region)


# -- programs -----------------------------------------------------------------------------------


def published_program(*, program_id: int) -> Program:
    """The published program with this id; raises ``Program.DoesNotExist`` otherwise."""
    return Program.objects.published().select_related("announcement").get(pk=program_id)


def application_status(*, program: Program, today: date | None = None) -> str:
    """'open', 'upcoming', 'closed' or '' when the program states no application period."""
    return period_status(program.apply_start, program.apply_end, today or timezone.localdate())


# Open programs closing within this many days say so on their card ('마감 D-5').
CLOSING_SOON_DAYS = 14


def days_to_close(*, program: Program, today: date | None = None) -> int | None:
    """Days left to apply to an open program closing within ``CLOSING_SOON_DAYS`` (0 on its last day);
    None for any other program."""
    today = today or timezone.localdate()
    if program.apply_end is None or application_status(program=program, today=today) != "open":
        return None
    left = (program.apply_end - today).days
    return left if 0 <= left <= CLOSING_SOON_DAYS else None


def format_krw(*, amount: int | None) -> str:
    """29_000_000_000 → '290억원', 1_234_500_000 → '12억 3,450만원', 50_000_000 → '5,000만원'."""
    if amount is None:
        return ""
    eok, rest = divmod(int(amount), 100_000_000)
    man = rest // 10_000
    if eok and man:
        return f"{eok:,}억 {man:,}만원"
    if eok:
        return f"{eok:,}억원"
    if man:
        return f"{man:,}만원"
    return f"{int(amount):,}원"


def region_labels(*, program: Program) -> list[str]:
    """Display labels for the program's regions: '전국', '경상북도 구미시', plus named places and the
    complexes applicants must be in."""
    if program.nationwide or not program.regions:
        return ["전국"]
    labels = default_gazetteer().labels([Region.from_dict(item) for item in program.regions])
    gu_by_city: dict[str, list[str]] = {}
    for district in program.district_limits or []:
        city, _, gu = str(district).partition(" ")
        gu_by_city.setdefault(city, []).append(gu)
    # '전북특별자치도 전주시' → '전북특별자치도 전주시 덕진구' for a program limited to that 구.
    labels = [
        f"{label} {'·'.join(gu_by_city[label.split()[-1]])}" if label.split()[-1] in gu_by_city else label
        for label in labels
    ]
    sites = [*(program.places or []), *(program.site_limits or [])]
    labels.extend(dict.fromkeys(str(site) for site in sites))
    if program.outside_applicants:
        labels.append(Program.OutsideApplicants(program.outside_applicants).label)
    return labels


def _evidence_items(program: Program) -> list[tuple[str, str]]:
    """(field, sentence) for every stored evidence sentence, in field order, stripped."""
    return [
        (field, str(sentence).strip())
        for field, sentences in (program.evidence or {}).items()
        for sentence in (sentences if isinstance(sentences, list) else [sentences])
    ]


def _stored_evidence(program: Program) -> list[str]:
    """The evidence sentences as extracted (verbatim from the source), de-duplicated, in field order."""
    return list(dict.fromkeys(text for _, text in _evidence_items(program) if text))


def evidence_sentences(*, program: Program) -> list[str]:
    """All evidence sentences of a program, as quoted to a reader (list markers dropped); one that
    another already says in full ('전남 창업 7년이내' inside '지원대상: 전남 창업 7년이내') is left out."""
    quoted = list(dict.fromkeys(q for q in map(quotable, _stored_evidence(program)) if q))
    squashed = [_squashed(q) for q in quoted]
    return [
        q
        for i, q in enumerate(quoted)
        # Contained in another, or spelt the same as an earlier one but for spaces.
        if not any(
            squashed[i] in other and (squashed[i] != other or j < i)
            for j, other in enumerate(squashed)
            if j != i
        )
    ]


# What each field's evidence supports, as shown beside the sentence ('지원 대상 · 중소기업'): a bare cell
# value from a record says little on its own. The title and agency an article's program was named by
# need no label.
EVIDENCE_LABELS = {
    "regions": gettext_lazy("지역"),
    "places": gettext_lazy("장소"),
    "firm_types": gettext_lazy("지원 대상"),
    "years": gettext_lazy("업력"),
    "employees_min": gettext_lazy("상시근로자"),
    "site_limits": gettext_lazy("입주 조건"),
    "sectors": gettext_lazy("업종"),
    "support_types": gettext_lazy("지원 내용"),
    "budget_krw": gettext_lazy("예산"),
    "national_budget_krw": gettext_lazy("예산"),
    "period_end_year": gettext_lazy("사업 기간"),
}


def labelled_evidence(*, program: Program) -> list[tuple[str, str]]:
    """``evidence_sentences`` with what each supports: (label, sentence), the label of the first field
    whose evidence holds the sentence ('' when none applies)."""
    fields: dict[str, str] = {}
    for field, sentence in _evidence_items(program):
        fields.setdefault(quotable(sentence), field)
    return [(str(EVIDENCE_LABELS.get(fields.get(s, ""), "")), s) for s in evidence_sentences(program=program)]


def source_excerpt(*, program: Program, limit: int = 1500) -> str:
    """The part of the source announcement around the first evidence sentence, as readable text.

    A structured record (a Bizinfo item, a 통합공고 row, a full-text line) is shown as the text it was
    read as, never as its JSON; when that text is the summary the page already shows, there is nothing
    more to quote and the excerpt is empty.
    """
    announcement = program.announcement
    if announcement is None or not announcement.raw_content:
        return ""
    from matcher.engine.formats import parse_raw
    from matcher.engine.text import html_to_text, looks_like_html, markdown_to_text, readable_text

    raw = announcement.raw_content
    if announcement.format in {Announcement.Format.TEXT, Announcement.Format.HTML}:
        text = readable_text(html_to_text(raw) if looks_like_html(raw) else raw)
    else:
        record = parse_raw(
            format=announcement.format,
            raw=raw,
            origin=announcement.origin,
            source_id=announcement.source_id,
        )
        body = record.text.strip()
        if not body or _squashed(body) in _squashed(program.summary):
            return ""
        # A full-text notice keeps its PDF conversion's Markdown: shown as plain text, as its evidence is.
        text = markdown_to_text(f"{record.title}\n\n{body}" if record.title else body)
    start = 0
    for sentence in _stored_evidence(program):
        found = text.find(markdown_to_text(sentence)[:40])
        if found >= 0:
            start = max(0, found - 200)
            break
    excerpt = text[start : start + limit].strip()
    prefix = "… " if start else ""
    suffix = " …" if start + limit < len(text) else ""
    return f"{prefix}{excerpt}{suffix}"


def _squashed(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def similar_programs(*, program: Program, limit: int = 5) -> list[ProgramMatch]:
    """Programs a firm in this program's home region would also see if it described itself by this
    program's title (its words are the most telling), with the program's sectors and keywords as the
    description; itself excluded, and so are its own postings under other ids. Measured with
    ``python -m bench.similar_eval``."""
    sector_words = [str(s.get("name", "")) for s in program.sectors or [] if isinstance(s, dict)]
    description = " ".join([*sector_words, *map(str, program.keywords or [])]).strip()
    topic = title_topic(program.title) or program.title
    regions = program.region_list
    # A nationwide program has no home; the capital stands in so regional programs still show.
    home = regions[0] if regions else Region("서울특별시")
    profile = FirmProfile(sector=topic[:300], description=description[:1000], region=home)
    # A side list of the page, not a match served to an owner: not logged for the dashboard.
    results = match_firm(profile=profile, limit=limit + 1, offset=0, filters=MatchFilters(), log=False)
    # A card may stand for this program's own notice posted again: the same notice is not a similar one.
    return [
        m for m in results.items if m.program.pk != program.pk and program.pk not in {r.pk for r in m.reposts}
    ][:limit]


def title_topic(title: str) -> str:
    """What a notice's title is about: without its region prefix, the places it names, the year and
    the round ('[경북] 포항시 2026년 2차 스마트공장 구축' → '스마트공장 구축'). Places would match
    programs of the same city, not of the same kind."""
    text = re.sub(r"^\s*\[[^\]]*\]\s*", " ", title or "")
    for mention in reversed(default_gazetteer().find_mentions(text)):
        text = text[: mention.start] + " " + text[mention.end :]
    text = re.sub(r"\d{4}\s?년(?:도)?|\d+\s?차", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def reason_sentence(*, match: ProgramMatch) -> str:
    """The sentence to show under '추천 이유': evidence that contains a matched term, if any."""
    terms = [t for t in match.matched_terms if t]
    candidates = [*match.evidence, *evidence_sentences(program=match.program)]
    summary = match.program.summary or ""
    candidates.extend(s.strip() for s in re.split(r"(?<=[.!?다])\s+", summary) if s.strip())
    for sentence in candidates:
        if any(term in sentence for term in terms):
            return sentence[:300]
    return (candidates[0] if candidates else match.program.title)[:300]


def eligibility_reasons(*, match: ProgramMatch, profile: FirmProfile) -> list[str]:
    """The matcher's own reasons, or the region rule every match satisfies when it gave none."""
    if match.eligibility:
        return list(match.eligibility)
    program = match.program
    if program.nationwide or not program.regions:
        return ["전국 기업이 신청할 수 있는 사업입니다."]
    where = profile.location_label or profile.region.label
    areas = ", ".join(region_labels(program=program))
    return [f"소재지({where})가 사업 대상 지역({areas})에 포함됩니다."]
