"""Public pages for SME owners: the search form, results, program pages and small htmx helpers.

Views validate input and call services in ``matcher.services``; nothing else.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from matcher.engine.ranking import CLOSING_POOL
from matcher.models import Program
from matcher.services.matching import (
    follows_with_local_programs,
    local_programs,
    match_firm,
    program_fit,
    unfiltered_total,
)
from matcher.services.programs_public import (
    labelled_evidence,
    published_program,
    sido_choices,
    sigungu_choices,
    similar_programs,
    source_excerpt,
    suggest_sectors,
)
from web.forms import MatchForm
from web.ratelimit import rate_limited

PAGE_SIZE = 10


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"form": MatchForm(), "sigungu_all": _sigungu_all()})


@require_GET
@rate_limited
def results(request: HttpRequest) -> HttpResponse:
    form = MatchForm(request.GET)
    context: dict = {"form": form, "sigungu_all": _sigungu_all(), "searched": True}
    if not form.is_valid():
        return render(request, "web/results.html", context)
    page = form.cleaned_data.get("page") or 1
    filters = form.filters()
    profile = form.profile()
    offset = (page - 1) * PAGE_SIZE
    found = match_firm(profile=profile, limit=PAGE_SIZE, offset=offset, filters=filters)
    pages = max(1, -(-found.total // PAGE_SIZE))
    query = request.GET.copy()
    query.pop("page", None)
    unfiltered = query.copy()  # the same firm, every filter cleared
    for name in ("support_type", "open_only", "sort"):
        unfiltered.pop(name, None)
    # A short list (few programs meet the owner's words) goes on with their own region's other programs.
    short = follows_with_local_programs(found=found, filters=filters, offset=offset)
    region_programs = local_programs(profile=profile, today=filters.today) if short else []
    # An empty page because of a filter says how many the owner would find without it.
    without_filters = unfiltered_total(profile=profile) if filters.narrows and not found.total else None
    context.update(
        results=found,
        profile=profile,
        page=page,
        pages=pages,
        first_rank=offset + 1,
        base_query=query.urlencode(),
        unfiltered_query=unfiltered.urlencode(),
        without_filters=without_filters,
        region_programs=region_programs,
        closing_first=filters.closing_first,
        closing_pool=CLOSING_POOL,
    )
    return render(request, "web/results.html", context)


@require_GET
def program_detail(request: HttpRequest, program_id: int) -> HttpResponse:
    try:
        program = published_program(program_id=program_id)
    except Program.DoesNotExist as exc:
        raise Http404("게시된 지원사업이 아닙니다.") from exc
    evidence = labelled_evidence(program=program)
    # Opened from the results or an alert, the page carries the owner's search: it says whether that
    # firm may apply and leads back to the results. A search that does not validate is ignored.
    search = MatchForm(request.GET) if request.GET.get("sector") else None
    profile = search.profile() if search is not None and search.is_valid() else None
    context = {
        "fit": program_fit(program=program, profile=profile) if profile else None,
        "search_profile": profile,
        "results_query": request.GET.urlencode() if profile else "",
        "program": program,
        "evidence": evidence,
        "evidence_sentences": [sentence for _, sentence in evidence],
        "excerpt": source_excerpt(program=program),
        "similar": similar_programs(program=program, limit=5),
    }
    return render(request, "web/program_detail.html", context)


@require_GET
def sigungu_options(request: HttpRequest) -> HttpResponse:
    """htmx: the <option>s of the 시군구 select for the chosen 시도."""
    sido = request.GET.get("sido", "")
    cities = sigungu_choices(sido=sido) if sido in sido_choices() else []
    return render(request, "web/partials/sigungu_options.html", {"cities": cities, "sido": sido})


@require_GET
def sector_suggest(request: HttpRequest) -> HttpResponse:
    """KSIC names for the 업종 field: <option>s for the datalist (htmx) or JSON (?format=json)."""
    query = (request.GET.get("q") or request.GET.get("sector") or "")[:50]
    names = suggest_sectors(query=query, limit=10)
    if request.GET.get("format") == "json":
        return JsonResponse({"query": query, "suggestions": names})
    return render(request, "web/partials/sector_options.html", {"names": names})


def _sigungu_all() -> list[tuple[str, list[str]]]:
    # Without JavaScript the 시군구 select lists every city grouped by 시도.
    return [(sido, sigungu_choices(sido=sido)) for sido in sido_choices()]
