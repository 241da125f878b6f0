"""Program review: edit, split, merge, publish and unpublish, each recorded as a ProgramChange.

Permissions are checked here as well as in the views, so no caller can publish
or edit without the editor role.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from matcher.models import Program, ProgramChange
from matcher.models.programs import CONTENT_FIELDS, SEARCH_FIELDS
from matcher.services.model_store import request_refit

User = AbstractBaseUser | AnonymousUser

# Fields staff may change through program_update; everything else is set by extraction or by status actions.
EDITABLE_FIELDS: tuple[str, ...] = CONTENT_FIELDS
_LIST_FIELDS = (
    "regions",
    "places",
    "site_limits",
    "district_limits",
    "firm_types",
    "sectors",
    "keywords",
    "support_types",
)


def sector_label(sector: dict | str) -> str:
    """'C28202 축전지 제조업' for a {code, name} item, the text itself otherwise."""
    if isinstance(sector, dict):
        return " ".join(p for p in (sector.get("code", ""), sector.get("name", "")) if p)
    return str(sector)


def _require(user: User | None, perm: str) -> None:
    if user is None or not user.has_perm(perm):
        raise PermissionDenied(perm)


def _json_value(value: Any) -> Any:
    """Dates become ISO strings so the audit row is plain JSON."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def record_program_change(
    *, program: Program, user: User | None, action: str, changes: dict[str, Any]
) -> ProgramChange:
    """Append one row to a program's audit trail (for changes made outside these services, e.g. admin)."""
    return _record(program, user=user, action=action, changes=changes)


def json_value(value: Any) -> Any:
    return _json_value(value)


def _record(program: Program, *, user: User | None, action: str, changes: dict[str, Any]) -> ProgramChange:
    return ProgramChange.objects.create(
        program=program,
        program_title=program.title,
        user=user if user is not None and user.is_authenticated else None,
        action=action,
        changes=changes,
    )


@transaction.atomic
def program_update(*, program: Program, user: User | None, data: Mapping[str, Any]) -> ProgramChange | None:
    """Apply edited field values; records {field: [old, new]} for the fields that really changed."""
    _require(user, "matcher.change_program")
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    program = Program.objects.select_for_update().get(pk=program.pk)
    changes: dict[str, list[Any]] = {}
    for name, new in data.items():
        old = getattr(program, name)
        if name in _LIST_FIELDS and new is None:
            new = []
        if old != new:
            changes[name] = [_json_value(old), _json_value(new)]
            setattr(program, name, new)
    if not changes:
        return None
    program.full_clean(exclude=["announcement"])
    if SEARCH_FIELDS & changes.keys():
        program.refresh_search_terms()
    program.save()
    if program.status == Program.Status.PUBLISHED:
        # A published program's eligibility changed: the served model must follow.
        request_refit()
    return _record(program, user=user, action="edited", changes=changes)


def _set_status(program: Program, *, user: User | None, status: str, action: str) -> Program:
    _require(user, "matcher.publish_program")
    with transaction.atomic():
        program = Program.objects.select_for_update().get(pk=program.pk)
        old = program.status
        if old == status:
            return program
        program.status = status
        fields = ["status", "updated_at"]
        if status == Program.Status.PUBLISHED:
            # Alerts treat programs published after a profile's confirmation as new.
            program.published_at = timezone.now()
            fields.append("published_at")
        program.save(update_fields=fields)
        _record(program, user=user, action=action, changes={"status": [old, status]})
        request_refit()
    return program


def program_publish(*, program: Program, user: User | None) -> Program:
    """Make a program matchable; the matcher refits once the transaction commits."""
    return _set_status(program, user=user, status=Program.Status.PUBLISHED, action="published")


def program_unpublish(*, program: Program, user: User | None) -> Program:
    """Withdraw a program from matching; the matcher refits once the transaction commits."""
    return _set_status(program, user=user, status=Program.Status.UNPUBLISHED, action="unpublished")


@transaction.atomic
def program_split(*, program: Program, user: User | None, titles: Sequence[str]) -> list[Program]:
    """Split a program that really describes several: the first title stays on the original,
    each further title becomes a copy (fields, evidence and announcement) to be edited in review.
    """
    _require(user, "matcher.add_program")
    _require(user, "matcher.change_program")
    titles = [t.strip() for t in titles if t and t.strip()]
    if len(titles) < 2:
        raise ValidationError("분할하려면 사업명이 두 개 이상 필요합니다.")
    program = Program.objects.select_for_update().get(pk=program.pk)
    old_title = program.title
    program.title = titles[0]
    program.refresh_search_terms()
    program.save(update_fields=["title", "search_terms", "updated_at"])
    parts = [program]
    for offset, title in enumerate(titles[1:], start=1):
        copy = Program.objects.get(pk=program.pk)
        copy.pk = None
        copy.id = None
        copy.title = title
        copy.refresh_search_terms()
        copy.source_id = None  # the source record belongs to the original only
        copy.position = program.position + offset
        copy.status = Program.Status.REVIEW
        copy.published_at = None
        copy.save()
        _record(
            copy,
            user=user,
            action="split",
            changes={"split_from": [None, program.pk], "title": [old_title, title]},
        )
        parts.append(copy)
    _record(
        program,
        user=user,
        action="split",
        changes={"title": [old_title, titles[0]], "split_into": [None, [p.pk for p in parts[1:]]]},
    )
    if program.status == Program.Status.PUBLISHED:
        request_refit()
    return parts


def _merge_lists(a: list, b: list) -> list:
    merged = list(a)
    for item in b:
        if item not in merged:
            merged.append(item)
    return merged


@transaction.atomic
def program_merge(*, target: Program, other: Program, user: User | None) -> Program:
    """Merge a duplicate into ``target``: lists are united, empty fields filled, evidence combined.

    ``other`` is unpublished rather than deleted so its source record keeps deduplicating
    re-ingestion and its history stays readable.
    """
    _require(user, "matcher.change_program")
    if target.pk == other.pk:
        raise ValidationError("같은 사업끼리는 병합할 수 없습니다.")
    target, other = (
        Program.objects.select_for_update().get(pk=target.pk),
        Program.objects.select_for_update().get(pk=other.pk),
    )
    changes: dict[str, list[Any]] = {}
    for name in EDITABLE_FIELDS:
        old = getattr(target, name)
        theirs = getattr(other, name)
        if name in _LIST_FIELDS:
            new = _merge_lists(old, theirs)
        elif name == "nationwide":
            new = old or theirs
        else:
            new = old if old not in (None, "") else theirs
        if new != old:
            changes[name] = [_json_value(old), _json_value(new)]
            setattr(target, name, new)
    evidence = {k: list(v) for k, v in target.evidence.items()}
    for name, sentences in other.evidence.items():
        evidence[name] = _merge_lists(evidence.get(name, []), sentences)
    target.evidence = evidence
    if SEARCH_FIELDS & changes.keys():
        target.refresh_search_terms()
    target.save()
    changes["merged_from"] = [None, other.pk]
    _record(target, user=user, action="merged", changes=changes)
    other_status = other.status
    other.status = Program.Status.UNPUBLISHED
    other.save(update_fields=["status", "updated_at"])
    _record(
        other,
        user=user,
        action="merged",
        changes={"status": [other_status, other.status], "merged_into": [None, target.pk]},
    )
    if Program.Status.PUBLISHED in (target.status, other_status):
        request_refit()
    return target


# History actions that say the source now reads differently from the program (see ingestion).
SOURCE_NOTES = ("source_differs", "source_dropped")
# The staff list's tab of programs whose source changed under them (not a status: any staff action clears it).
SOURCE_TAB = "source"


def programs_with_source_notes() -> QuerySet[Program]:
    """Programs whose latest history entry is a source note: the record now says something else than
    a kept correction, or re-extraction no longer finds the program. Any later staff action (an edit,
    publishing or unpublishing) takes a program off this list."""
    latest = ProgramChange.objects.filter(program=OuterRef("pk")).order_by("-pk").values("action")[:1]
    return Program.objects.annotate(latest_action=Subquery(latest)).filter(latest_action__in=SOURCE_NOTES)


def program_history(*, program: Program) -> list[ProgramChange]:
    """Every recorded change of a program, newest first, with who made it."""
    changes = ProgramChange.objects.filter(program=program).select_related("user")
    return list(changes.order_by("-created_at", "-id"))


def program_search(*, status: str = "", query: str = "") -> QuerySet[Program]:
    """Programs for the staff list, most recently changed first: of one status (a ``Program.Status``
    value), or ``SOURCE_TAB`` for those whose source changed under them ('' for all), whose title or
    agency holds ``query``."""
    if status in Program.Status.values:
        programs = Program.objects.filter(status=status)
    elif status == SOURCE_TAB:
        programs = programs_with_source_notes()
    else:
        programs = Program.objects.all()
    if query:
        programs = programs.filter(Q(title__icontains=query) | Q(agency__icontains=query))
    return programs.order_by("-updated_at", "id").select_related("announcement")


def program_status_counts() -> dict[str, int]:
    """How many programs each status tab holds, the source-notes tab (``SOURCE_TAB``) included."""
    counts = {row["status"]: row["n"] for row in Program.objects.values("status").annotate(n=Count("id"))}
    counts[SOURCE_TAB] = programs_with_source_notes().count()
    return counts


def program_duplicate_candidates(*, program: Program, limit: int = 20) -> QuerySet[Program]:
    """Likely duplicates to merge into ``program``: programs from the same announcement or with the same
    title (a notice posted again under another id)."""
    same = Q(title=program.title)
    if program.announcement_id is not None:
        same |= Q(announcement_id=program.announcement_id)
    return Program.objects.exclude(pk=program.pk).filter(same).order_by("id")[:limit]
