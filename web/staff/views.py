"""Staff workspace views: validate input with forms, call matcher services, render.

Every view goes through ``staff_view``: anonymous users are sent to the login
page, signed-in users without the staff flag or the needed permission get 403.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_POST

from matcher.models import Announcement, IngestionBatch, Program
from matcher.services import firms as firm_services
from matcher.services import programs as program_services
from matcher.services.dashboard import dashboard_stats
from matcher.services.ingestion import batch_announcements, batch_search, ingest_file
from matcher.services.matching import match_program_firms
from web.staff.forms import FirmForm, FirmImportForm, IngestForm, MergeForm, ProgramForm, SplitForm

View = Callable[..., HttpResponse]


def staff_view(*perms: str) -> Callable[[View], View]:
    """Require a signed-in, active staff user holding every permission in ``perms``."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not (user.is_active and user.is_staff) or not user.has_perms(perms):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


# --- dashboard -----------------------------------------------------------------


@require_GET
@staff_view("matcher.view_program")
def dashboard(request: HttpRequest) -> HttpResponse:
    stats = dashboard_stats()
    charts = [
        stats.status,
        stats.regions,
        stats.sectors,
        stats.support_types,
        stats.open_closed,
        stats.matches_per_day,
    ]
    return render(request, "staff/dashboard.html", {"stats": stats, "charts": charts})


# --- programs ------------------------------------------------------------------


@require_GET
@staff_view("matcher.view_program")
def program_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", Program.Status.REVIEW)
    if status not in Program.Status.values and status != program_services.SOURCE_TAB:
        status = ""
    query = request.GET.get("q", "").strip()
    programs = program_services.program_search(status=status, query=query)
    page = Paginator(programs, 50).get_page(request.GET.get("page"))
    counts = program_services.program_status_counts()
    tabs = [(value, label, counts.get(value, 0)) for value, label in Program.Status.choices]
    tabs.append((program_services.SOURCE_TAB, _("원문 확인 필요"), counts[program_services.SOURCE_TAB]))
    return render(
        request,
        "staff/program_list.html",
        {"page": page, "status": status, "query": query, "tabs": tabs},
    )


ACTION_LABELS = {
    "created": _lazy("생성"),
    "edited": _lazy("수정"),
    "published": _lazy("게시"),
    "unpublished": _lazy("게시 중단"),
    "split": _lazy("분할"),
    "merged": _lazy("병합"),
    "updated": _lazy("재수집 갱신"),
    # [source's new value, the edited value kept]: shown struck out → kept.
    "source_differs": _lazy("원문 변경 (수정값 유지)"),
    # Re-extraction no longer finds this program in its announcement; its status is left to staff.
    "source_dropped": _lazy("재추출 시 원문에서 찾지 못함 (검토 필요)"),
    "edited (admin)": _lazy("관리자 화면 수정"),
    "deleted": _lazy("삭제"),
}
# Extraction keeps one evidence list for both 업력 limits.
EVIDENCE_KEYS = {"years_min": "years", "years_max": "years"}


def _field_rows(program: Program) -> list[dict[str, Any]]:
    """Each editable field with its value and the source sentences it was extracted from."""
    rows = []
    evidence = program.evidence or {}
    for name in program_services.EDITABLE_FIELDS:
        field = Program._meta.get_field(name)
        value = getattr(program, name)
        if name == "regions":
            display = ", ".join(r.label for r in program.region_list)
        elif name == "sectors":
            display = ", ".join(program_services.sector_label(s) for s in value)
        elif isinstance(value, list):
            display = ", ".join(str(v) for v in value)
        elif field.choices:
            display = str(dict(field.choices).get(value, value))  # '이전·신설하는 기업도 신청 가능'
        elif isinstance(value, bool):
            display = _("예") if value else _("아니오")
        elif value is None:
            display = ""
        else:
            display = str(value)
        rows.append(
            {
                "name": name,
                "label": field.verbose_name,
                "value": display,
                "evidence": evidence.get(name) or evidence.get(EVIDENCE_KEYS.get(name, ""), []),
            }
        )
    known = set(program_services.EDITABLE_FIELDS) | set(EVIDENCE_KEYS.values())
    for name, sentences in evidence.items():
        if name not in known:
            rows.append({"name": name, "label": name, "value": "", "evidence": sentences})
    return rows


@require_GET
@staff_view("matcher.view_program")
def program_detail(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_object_or_404(Program.objects.select_related("announcement"), pk=pk)
    changes = program_services.program_history(program=program)
    for change in changes:
        change.action_label = ACTION_LABELS.get(change.action, change.action)
    return render(
        request,
        "staff/program_detail.html",
        {
            "program": program,
            "rows": _field_rows(program),
            "changes": changes,
            "can_edit": request.user.has_perm("matcher.change_program"),
            "can_publish": request.user.has_perm("matcher.publish_program"),
            "can_split": request.user.has_perms(["matcher.add_program", "matcher.change_program"]),
            "can_view_firms": request.user.has_perm("matcher.view_firm"),
        },
    )


@staff_view("matcher.view_program", "matcher.change_program")
def program_edit(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_object_or_404(Program, pk=pk)
    # The form works on its own copy: ModelForm validation writes into the instance.
    form = ProgramForm(request.POST or None, instance=Program.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        try:
            change = program_services.program_update(
                program=program, user=request.user, data=form.changed_values()
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if change:
                messages.success(request, _("변경 내용을 저장했습니다."))
            else:
                messages.info(request, _("바뀐 내용이 없습니다."))
            return redirect("staff:program_detail", pk=program.pk)
    return render(request, "staff/program_edit.html", {"program": program, "form": form})


@require_POST
@staff_view("matcher.view_program", "matcher.publish_program")
def program_publish(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_object_or_404(Program, pk=pk)
    program_services.program_publish(program=program, user=request.user)
    messages.success(request, _("게시했습니다. 매칭 모델이 곧 갱신됩니다."))
    return redirect("staff:program_detail", pk=pk)


@require_POST
@staff_view("matcher.view_program", "matcher.publish_program")
def program_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_object_or_404(Program, pk=pk)
    program_services.program_unpublish(program=program, user=request.user)
    messages.success(request, _("게시를 중단했습니다."))
    return redirect("staff:program_detail", pk=pk)


@staff_view("matcher.view_program", "matcher.add_program", "matcher.change_program")
def program_split(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_object_or_404(Program, pk=pk)
    form = SplitForm(request.POST or None, initial={"titles": f"{program.title}\n{program.title}"})
    if request.method == "POST" and form.is_valid():
        try:
            parts = program_services.program_split(
                program=program, user=request.user, titles=form.cleaned_data["titles"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("%(n)d개 사업으로 나눴습니다.") % {"n": len(parts)})
            return redirect("staff:program_detail", pk=program.pk)
    return render(request, "staff/program_split.html", {"program": program, "form": form})


@staff_view("matcher.view_program", "matcher.change_program")
def program_merge(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_object_or_404(Program, pk=pk)
    form = MergeForm(request.POST or None, program=program, initial={"other": request.GET.get("other")})
    if request.method == "POST" and form.is_valid():
        try:
            program_services.program_merge(
                target=program, other=form.cleaned_data["other"], user=request.user
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("병합했습니다."))
            return redirect("staff:program_detail", pk=program.pk)
    candidates = program_services.program_duplicate_candidates(program=program)
    return render(
        request, "staff/program_merge.html", {"program": program, "form": form, "candidates": candidates}
    )


# --- reverse matching and exports ------------------------------------------------

EXPORT_LIMIT = 500


@require_GET
@staff_view("matcher.view_program", "matcher.view_firm")
def program_firms(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_object_or_404(Program, pk=pk)
    matches = match_program_firms(program=program, limit=100)
    context = {"program": program, "matches": matches, "registered": firm_services.registered_firm_count()}
    return render(request, "staff/program_firms.html", context)


@require_GET
@staff_view("matcher.view_program", "matcher.view_firm")
def program_firms_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    program = get_object_or_404(Program, pk=pk)
    matches = match_program_firms(program=program, limit=EXPORT_LIMIT)
    stem = f"program-{program.pk}-firms"
    if slug := slugify(program.title, allow_unicode=True)[:60]:
        stem = f"{stem}-{slug}"
    if fmt == "csv":
        body = firm_services.program_firms_csv(program=program, matches=matches)
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    else:
        body = firm_services.program_firms_xlsx(program=program, matches=matches)
        response = HttpResponse(
            body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    # A Korean file name is sent as RFC 5987 filename* with an ASCII fallback.
    response.headers["Content-Disposition"] = content_disposition_header(True, f"{stem}.{fmt}")
    return response


# --- firms -----------------------------------------------------------------------


@staff_view("matcher.view_firm")
def firm_list(request: HttpRequest) -> HttpResponse:
    can_add = request.user.has_perm("matcher.add_firm")
    form = FirmForm(request.POST or None) if can_add else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                firm = firm_services.firm_create(data=form.cleaned_data, user=request.user)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("'%(name)s'을(를) 등록했습니다.") % {"name": firm.name})
                return redirect("staff:firm_list")
    query = request.GET.get("q", "").strip()
    page = Paginator(firm_services.firm_search(query=query), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "staff/firm_list.html",
        {"page": page, "form": form, "query": query, "import_form": FirmImportForm() if can_add else None},
    )


@staff_view("matcher.view_firm", "matcher.add_firm")
def firm_import(request: HttpRequest) -> HttpResponse:
    form = FirmImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = firm_services.firms_import_csv(content=form.cleaned_data["file"], user=request.user)
    return render(request, "staff/firm_import.html", {"form": form, "report": report})


# --- ingestion -------------------------------------------------------------------


@staff_view("matcher.view_ingestionbatch", "matcher.add_ingestionbatch")
def ingest(request: HttpRequest) -> HttpResponse:
    can_publish = request.user.has_perm("matcher.publish_program")
    form = IngestForm(request.POST or None, request.FILES or None, can_publish=can_publish)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        batch = ingest_file(
            name=data["name"],
            content=data["content"],
            format=data["format"],
            user=request.user,
            publish=bool(data.get("publish")) and can_publish,
            background=True,
        )
        return redirect("staff:batch_detail", pk=batch.pk)
    return render(request, "staff/ingest.html", {"form": form})


@require_GET
@staff_view("matcher.view_ingestionbatch")
def batch_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(batch_search(), 30).get_page(request.GET.get("page"))
    return render(request, "staff/batch_list.html", {"page": page})


_ACTIVE = (IngestionBatch.Status.QUEUED, IngestionBatch.Status.RUNNING)


@require_GET
@staff_view("matcher.view_ingestionbatch")
def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(IngestionBatch.objects.defer("payload"), pk=pk)
    only_failed = request.GET.get("failed") == "1"
    announcements = batch_announcements(batch=batch, only_failed=only_failed)
    page = Paginator(announcements, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "staff/batch_detail.html",
        {
            "batch": batch,
            "page": page,
            "running": batch.status in _ACTIVE,
            "only_failed": only_failed,
            "can_retry": request.user.has_perm("matcher.change_announcement"),
        },
    )


def batch_status_payload(batch: IngestionBatch) -> dict[str, Any]:
    return {
        "id": batch.pk,
        "status": batch.status,
        "status_label": batch.get_status_display(),
        "finished": batch.status not in _ACTIVE,
        "percent": batch.progress_percent,
        "records_total": batch.records_total,
        "records_done": batch.records_done,
        "programs_created": batch.programs_created,
        "programs_updated": batch.programs_updated,
        "records_unchanged": batch.records_unchanged,
        "records_failed": batch.records_failed,
        "error": batch.error,
    }


@require_GET
@staff_view("matcher.view_ingestionbatch")
def batch_status(request: HttpRequest, pk: int) -> JsonResponse:
    batch = get_object_or_404(IngestionBatch.objects.defer("payload"), pk=pk)
    response = JsonResponse(batch_status_payload(batch))
    response.headers["Cache-Control"] = "no-store"
    return response


@require_POST
@staff_view("matcher.view_ingestionbatch", "matcher.change_announcement")
def announcement_retry(request: HttpRequest, pk: int) -> HttpResponse:
    announcement = get_object_or_404(Announcement, pk=pk)
    if announcement.status != Announcement.Status.FAILED:
        messages.info(request, _("실패한 공고만 다시 시도할 수 있습니다."))
    else:
        from matcher.services.ingestion import retry_announcement

        retry_announcement(announcement=announcement, user=request.user)
        announcement.refresh_from_db()
        if announcement.status == Announcement.Status.FAILED:
            messages.error(
                request, _("다시 시도했지만 실패했습니다: %(error)s") % {"error": announcement.error}
            )
        else:
            messages.success(request, _("다시 처리했습니다."))
    if announcement.batch_id:
        return redirect("staff:batch_detail", pk=announcement.batch_id)
    return redirect("staff:batch_list")
