"""Matching services: a firm's profile → ranked eligible programs, and a program → fitting firms.

The signatures here are the contract the web pages, the API and the staff
workspace build on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date

from matcher.engine.analysis import analyze_to_string
from matcher.engine.eligibility import SPECIAL_TYPES, decide
from matcher.engine.ranking import MatcherIndex, Query, Ranked, evidence_sentences, firm_query
from matcher.engine.regions import Location, Region, default_gazetteer
from matcher.engine.text import MIN_WORD_CHARS, matched_words, quotable, split_sentences
from matcher.models import Firm, MatchLog, Program
from matcher.services.model_store import active_index, program_doc, program_facts


@dataclass(frozen=True)
class FirmProfile:
    """What an owner tells us: sector and location, optionally type, 업력, headcount and a description."""

    sector: str
    region: Region
    ksic_code: str = ""
    firm_type: str = ""  # a FirmType value or ""
    years: float | None = None
    employees: int | None = None  # 상시근로자 수: when given, it decides a program's least headcount
    description: str = ""
    location_label: str = ""  # as resolved, for display: '경상북도 구미시 공단동'
    site: str = ""  # the industrial complex typed with the location, as a regions.site_key ('구미')
    district: str = ""  # the 일반구 typed with the location, in full ('전주시 덕진구')
    special_types: tuple[str, ...] = ()  # SpecialFirmType values the firm holds: ("여성기업",)


@dataclass(frozen=True)
class MatchFilters:
    support_types: tuple[str, ...] = ()
    open_only: bool = False
    # Programs open now with a deadline, the best-fitting few ordered by deadline (see MatcherIndex.rank).
    closing_first: bool = False
    today: date | None = None  # the day 'open' is judged on; None means today

    @property
    def narrows(self) -> bool:
        """Whether the owner narrowed the search (a kind of support, open only, closing soon)."""
        return bool(self.support_types or self.open_only or self.closing_first)


# A search with fewer matches than this goes on with the firm's region's other programs (``local_programs``).
SHORT_LIST = 10


@dataclass
class ProgramMatch:
    program: Program
    score: float  # 0..1, for the score bar
    matched_terms: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)  # source sentences that support the match
    eligibility: list[str] = field(default_factory=list)  # why the firm may apply, in Korean
    is_open: bool | None = None  # None when the program states no application period
    information_only: bool = False  # the notice says it is a guide to a scheme, not a program
    # The same notice posted again under other ids (still published), which this card stands for.
    reposts: list[Program] = field(default_factory=list)

    @property
    def shared_words(self) -> list[str]:
        """The program's words the firm's words match, as the program writes them ('이차전지')."""
        return matched_words(self.program.matched_text(), self.matched_terms)


@dataclass
class MatchResults:
    items: list[ProgramMatch]
    total: int  # eligible programs with any fit, before paging
    model_version: int | None = None
    # The words of the owner's sector that no program they may apply for uses in its title or summary
    # ('식당' in a city whose notices say '음식점'): the page names them and suggests other words,
    # as a search engine names the words its results miss.
    unmet_words: list[str] = field(default_factory=list)

    @property
    def shares_no_words(self) -> bool:
        """Whether no program on this page shares a word with the firm: only letters ('전지박' meeting
        '이차전지') or the latent view found them, and the page says so."""
        return bool(self.items) and not any(m.matched_terms for m in self.items)

    def __iter__(self) -> Iterator[ProgramMatch]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


@dataclass
class FirmMatch:
    firm: Firm
    score: float
    matched_terms: list[str] = field(default_factory=list)
    eligibility: list[str] = field(default_factory=list)


def _profile_query(profile: FirmProfile) -> Query:
    return firm_query(
        sector=profile.sector,
        description=profile.description,
        region=profile.region,
        firm_type=profile.firm_type,
        years=profile.years,
        employees=profile.employees,
        ksic_code=profile.ksic_code,
        site=profile.site,
        district=profile.district,
        special_types=profile.special_types,
    )


def match_firm(
    *,
    profile: FirmProfile,
    limit: int = 20,
    offset: int = 0,
    filters: MatchFilters | None = None,
    log: bool = True,
) -> MatchResults:
    """Published programs the firm is eligible for, best first. ``log``: count it as a match served on
    the staff dashboard (an owner's search or digest), not as a page's side list."""
    filters = filters or MatchFilters()
    index, version = active_index()
    items: list[ProgramMatch] = []
    total = 0
    unmet: list[str] = []
    if index is not None:
        query = _profile_query(profile)
        unmet = _unmet_words(index, query, profile)
        # Ask for a few more in case programs were unpublished since the model was fitted.
        ranked, total = index.rank(
            query,
            limit=limit + 10,
            offset=offset,
            today=filters.today,
            open_only=filters.open_only,
            support_types=filters.support_types,
            closing_first=filters.closing_first,
        )
        programs = _published_programs(ranked)
        for result in ranked:
            program = programs.get(result.program_id)
            if program is None:
                total -= 1
                continue
            # Eligibility is re-checked on the stored row: an edit after the fit must never leak through.
            decision = decide(program_facts(program), query.firm)
            if not decision.eligible:
                total -= 1
                continue
            items.append(
                ProgramMatch(
                    program=program,
                    score=round(result.score, 3),
                    matched_terms=result.matched_terms,
                    evidence=_evidence(program, result.matched_terms),
                    eligibility=decision.reasons,
                    is_open=result.is_open,
                    information_only=result.information_only,
                    reposts=_reposts(result, programs),
                )
            )
            if len(items) >= limit:
                break
    if log:
        MatchLog.objects.create(
            kind=MatchLog.Kind.FIRM,
            sido=profile.region.sido,
            sigungu=profile.region.sigungu or "",
            sector=profile.sector[:300],
            result_count=len(items),
            model_version=version,
        )
    return MatchResults(items=items, total=max(total, len(items)), model_version=version, unmet_words=unmet)


def _unmet_words(index: MatcherIndex, query: Query, profile: FirmProfile) -> list[str]:
    """The words of the owner's sector (not the description, where a passing word would be noise, nor
    the KSIC name we add) that no program they may apply for uses, as typed: the whole word ('양극재',
    'AI') that holds an unmet term ('양극', 'ai')."""
    typed = profile.sector
    terms = [t for t in analyze_to_string(typed).split() if len(t) >= MIN_WORD_CHARS]
    words = re.findall(r"\w+", typed)  # '시스템(BMS)' is two words
    shown = []
    for term in index.unmet_terms(query, terms):
        shown.append(next((w for w in words if term in w.lower()), term))
    return list(dict.fromkeys(shown))


@dataclass
class ProgramFit:
    """One program seen with an owner's search (its page, opened from the results or an alert)."""

    eligible: bool
    reasons: list[str]  # why the firm may apply, or why not ('… (지역 불일치)')
    shared_words: list[str]  # the program's words the firm's words match, as the program writes them
    # Kinds of firm ('여성기업') that, had the owner ticked them, would make it eligible: the page says so.
    kinds_to_tick: list[str] = field(default_factory=list)


def program_fit(*, program: Program, profile: FirmProfile) -> ProgramFit:
    """Whether the firm may apply to this one program and which words they share: the same eligibility
    the ranking applies, and the same matched terms (rarest first), without ranking anything."""
    query = _profile_query(profile)
    facts = program_facts(program)
    decision = decide(facts, query.firm)
    terms = program_doc(program).terms
    query_terms = list(dict.fromkeys(query.terms.split()))
    index, _ = active_index()
    if index is not None:
        matched = index.model.matched_terms_fast(query_terms, terms)
    else:  # no model fitted yet: the shared terms in the owner's order
        present = set(terms.split())
        matched = [t for t in query_terms if t in present]
    kinds = [t for t in facts.firm_types if t in SPECIAL_TYPES and t not in query.firm.special_types]
    if decision.eligible or not kinds:
        kinds = []
    elif not decide(facts, replace(query.firm, special_types=(*query.firm.special_types, *kinds))).eligible:
        kinds = []  # refused for another reason too (region, 업력 …)
    return ProgramFit(
        eligible=decision.eligible,
        reasons=decision.reasons,
        shared_words=matched_words(program.matched_text(), matched),
        kinds_to_tick=kinds,
    )


def unfiltered_total(*, profile: FirmProfile) -> int:
    """How many programs fit the firm with no kind, openness or sort filter: what an empty filtered page
    tells the owner they would find by clearing the filters. Not logged: it is not a search of its own."""
    index, _ = active_index()
    if index is None:
        return 0
    _, total = index.rank(_profile_query(profile), limit=1)
    return total


def follows_with_local_programs(*, found: MatchResults, filters: MatchFilters, offset: int) -> bool:
    """Whether a search's first page is short, or shares no word with the firm, and is unfiltered: then
    it goes on with ``local_programs``, which serve a firm whose words meet nothing ('코인노래방') better
    than programs found by letters. A filter narrows on purpose, so it gets no more than it asked for."""
    return offset == 0 and not filters.narrows and (found.total < SHORT_LIST or found.shares_no_words)


def local_programs(
    *, profile: FirmProfile, limit: int = SHORT_LIST, today: date | None = None
) -> list[ProgramMatch]:
    """Published programs for the firm's own 시도 or 시군구 that ``match_firm`` does not return, because
    the firm's words do not reach them: shown after a short result list.

    See ``MatcherIndex.local_unmatched`` for the order and what is left out; a notice posted again under
    another id is listed once, as in ``match_firm``.
    """
    index, _ = active_index()
    if index is None:
        return []
    query = _profile_query(profile)
    ranked = index.local_unmatched(query, limit=limit + 10, today=today)
    programs = _published_programs(ranked)
    items: list[ProgramMatch] = []
    for result in ranked:
        program = programs.get(result.program_id)
        # As in match_firm: the stored row decides, so an edit after the fit never leaks through.
        decision = decide(program_facts(program), query.firm) if program is not None else None
        if decision is None or not decision.eligible:
            continue
        items.append(
            ProgramMatch(
                program=program,
                score=0.0,
                evidence=_evidence(program, []),  # no words met: what the program is
                eligibility=decision.reasons,
                is_open=result.is_open,
                reposts=_reposts(result, programs),
            )
        )
        if len(items) >= limit:
            break
    return items


def _published_programs(ranked: list[Ranked]) -> dict[int, Program]:
    """The published rows of the ranked programs and of their other postings, in one query."""
    ids = [r.program_id for r in ranked] + [pid for r in ranked for pid in r.reposts]
    return Program.objects.published().in_bulk(ids)


def _reposts(result: Ranked, programs: dict[int, Program]) -> list[Program]:
    """The other published postings of a ranked program's notice, oldest id first."""
    return [programs[pid] for pid in sorted(result.reposts) if pid in programs]


def _evidence(program: Program, terms: list[str]) -> list[str]:
    """Source sentences behind the match: those holding the matched terms, or when none does (a match by
    letters or the latent view, a region's program) what the program is, in its summary's first
    sentence, rather than a bare field value ('중소기업'); then the stored field evidence."""
    sentences = evidence_sentences(f"{program.title}\n{program.summary}", terms)
    if not sentences:
        sentences = [quoted for quoted in map(quotable, split_sentences(program.summary)[:1]) if quoted]
    for key in ("sectors", "keywords", "support_types", "regions", "firm_types"):
        for sentence in (program.evidence or {}).get(key, [])[:1]:
            sentence = quotable(sentence)
            if sentence and sentence not in sentences and len(sentences) < 3:
                sentences.append(sentence)
    return sentences


def _firm_location(firm: Firm) -> Location | None:
    """Where a registered firm's address is ('구미시 구미국가산업단지 3단지'), when in the firm's 시도."""
    location = default_gazetteer().resolve(firm.address) if firm.address else None
    return location if location is not None and location.region.sido == firm.sido else None


def match_program_firms(*, program: Program, limit: int = 100) -> list[FirmMatch]:
    """Registered firms that fit a program, best first (same eligibility rules as ``match_firm``)."""
    facts = program_facts(program)
    index, version = active_index()
    doc = program_doc(program)
    firms = list(Firm.objects.all())
    candidates = []
    for firm in firms:
        region = Region(firm.sido, firm.sigungu or None)
        # Read from the address only where a limit below the 시군구 needs it (a resolve per firm).
        location = _firm_location(firm) if facts.site_limits or facts.district_limits else None
        query = firm_query(
            sector=firm.sector,
            description=firm.description,
            region=region,
            firm_type=firm.firm_type,
            years=firm.years,
            employees=firm.employees,
            ksic_code=firm.ksic_code,
            site=location.site if location else "",
            district=(location.district or "") if location else "",
            special_types=tuple(firm.special_types or ()),
        )
        decision = decide(facts, query.firm)
        if decision.eligible:
            candidates.append((firm, query, decision))
    matches: list[FirmMatch] = []
    if candidates:
        if index is not None:
            model = index.model
            program_vec = model.transform([(doc.terms, doc.text)])
            firm_vecs = model.transform([(q.terms, q.text) for _, q, _ in candidates], role="query")
            sims = model.similarity(firm_vecs, program_vec)[:, 0]
        else:
            sims = [len(set(q.terms.split()) & set(doc.terms.split())) / 10 for _, q, _ in candidates]
        for (firm, query, decision), sim in zip(candidates, sims, strict=True):
            terms = [t for t in dict.fromkeys(query.terms.split()) if t in set(doc.terms.split())][:8]
            # An industry-neutral program (no sector stated) fits every eligible firm; one aimed
            # at an industry only fits firms whose words meet it.
            if sim <= 0 and not terms and program.sectors:
                continue
            score = min(1.0, max(0.0, float(sim)) / 1.2) ** 0.5
            matches.append(
                FirmMatch(firm=firm, score=round(score, 3), matched_terms=terms, eligibility=decision.reasons)
            )
    matches.sort(key=lambda m: (-m.score, m.firm.name))
    MatchLog.objects.create(
        kind=MatchLog.Kind.PROGRAM,
        sector=program.title[:300],
        result_count=min(len(matches), limit),
        model_version=version,
    )
    return matches[:limit]
