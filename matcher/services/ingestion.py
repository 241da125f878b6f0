"""Ingestion: an announcement file → Announcement rows → Program rows, one transaction per record.

- ``ingest_file`` creates an ``IngestionBatch`` and runs it inline or queues it for a worker.
- ``run_ingestion`` parses the batch's bytes and stores each record in its own transaction, so a bad
  record fails alone (kept as ``Announcement(status=failed, error=…)`` with its raw text) and never
  leaves a half-written program.
- The same record content twice creates nothing (``content_hash`` = sha256 of the record's raw text);
  a record with a known ``source_id`` but new content updates that program instead of adding one.
- ``IngestionReport.for_batch`` is the per-file summary printed by the command and shown to staff.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, Max, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from matcher.engine.analysis import program_search_terms
from matcher.engine.extraction import extract_programs
from matcher.engine.formats import FormatError, parse_file, parse_raw
from matcher.engine.records import SOURCE_ID_MAX_LENGTH, ExtractedProgram, SourceRecord
from matcher.models import Announcement, IngestionBatch, Program, ProgramChange
from matcher.models.programs import CONTENT_FIELDS, SEARCH_FIELDS
from matcher.services.model_store import request_refit

logger = logging.getLogger(__name__)

# How often the batch's progress counters are written while it runs.
PROGRESS_SAVE_SECONDS = 0.5

Extractor = Callable[[SourceRecord], list[ExtractedProgram]]

# Program fields copied from ExtractedProgram (regions handled separately).
_COPIED_FIELDS = (*(name for name in CONTENT_FIELDS if name != "regions"), "evidence")
_LIMITS = {
    "title": 500,
    "agency": 200,
    "operator": 200,
    "contact": 500,
    "source_url": 1000,
    "apply_url": 1000,
}


@dataclass
class RecordFailure:
    origin: str
    source_id: str
    error: str


@dataclass
class IngestionReport:
    """What one file did: records read, programs created/updated, unchanged records, failures."""

    batch_id: int
    name: str
    format: str
    status: str
    records_read: int
    programs_created: int
    programs_updated: int
    records_unchanged: int
    records_failed: int
    error: str = ""  # file-level error or note (e.g. converted from CP949)
    failures: list[RecordFailure] = field(default_factory=list)
    seconds: float | None = None

    @classmethod
    def for_batch(cls, batch: IngestionBatch, *, max_failures: int = 50) -> IngestionReport:
        failed = batch.announcements.filter(status=Announcement.Status.FAILED).order_by("id")
        failures = [
            RecordFailure(origin=a.origin, source_id=a.source_id, error=a.error)
            for a in failed[:max_failures]
        ]
        seconds = None
        if batch.started_at and batch.finished_at:
            seconds = (batch.finished_at - batch.started_at).total_seconds()
        return cls(
            batch_id=batch.pk,
            name=batch.name,
            format=batch.format,
            status=batch.status,
            records_read=batch.records_total,
            programs_created=batch.programs_created,
            programs_updated=batch.programs_updated,
            records_unchanged=batch.records_unchanged,
            records_failed=batch.records_failed,
            error=batch.error,
            failures=failures,
            seconds=seconds,
        )

    def as_text(self) -> str:
        took = f" in {self.seconds:.1f} s" if self.seconds is not None else ""
        lines = [
            f"{self.name} [{self.format or '?'}] {self.status}{took}: {self.records_read} records read, "
            f"{self.programs_created} programs created, {self.programs_updated} updated, "
            f"{self.records_unchanged} unchanged, {self.records_failed} failed"
        ]
        if self.error:
            label = "error" if self.status == IngestionBatch.Status.FAILED else "note"
            lines.append(f"  {label}: {self.error}")
        for failure in self.failures:
            lines.append(f"  failed {failure.origin}: {failure.error}")
        if self.records_failed > len(self.failures):
            lines.append(f"  … and {self.records_failed - len(self.failures)} more failures")
        return "\n".join(lines)


def content_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def ingest_file(
    *,
    name: str,
    content: bytes,
    format: str | None = None,
    user: Any = None,
    publish: bool = False,
    background: bool = False,
    refit: bool = True,
) -> IngestionBatch:
    """Create a batch for one file and run it now, or queue it for a worker when ``background``."""
    max_bytes = settings.INGEST_MAX_BYTES
    batch = IngestionBatch.objects.create(
        name=name[:255],
        format=format or "",
        size_bytes=len(content),
        # An oversized file is reported, not stored.
        payload=content if len(content) <= max_bytes else b"",
        publish=publish,
        created_by=user if getattr(user, "pk", None) else None,
    )
    if len(content) > max_bytes:
        _finish_failed(batch, f"file too large: {len(content):,} bytes, the limit is {max_bytes:,}")
        return batch
    if background:
        _queue(batch)
        return batch
    run_ingestion(batch=batch, refit=refit)
    batch.refresh_from_db()
    return batch


def batch_search() -> QuerySet[IngestionBatch]:
    """Ingestion batches for the staff list, newest first, without their stored files."""
    return IngestionBatch.objects.defer("payload").select_related("created_by").order_by("-created_at", "-id")


def batch_announcements(*, batch: IngestionBatch, only_failed: bool = False) -> QuerySet[Announcement]:
    """A batch's announcements in file order with the programs made of each; ``only_failed``: those kept
    with the reason they failed."""
    announcements = batch.announcements.prefetch_related("programs").order_by("id")
    if only_failed:
        announcements = announcements.filter(status=Announcement.Status.FAILED)
    return announcements


def _finish_failed(batch: IngestionBatch, error: str) -> None:
    now = timezone.now()
    batch.status = IngestionBatch.Status.FAILED
    batch.error = error
    batch.payload = b""
    batch.started_at = batch.started_at or now
    batch.finished_at = now
    batch.save(update_fields=["status", "error", "payload", "started_at", "finished_at"])


def run_ingestion(
    *, batch: IngestionBatch, refit: bool = True, extractor: Extractor = extract_programs
) -> None:
    """Parse the batch's file and store every record; counters are saved as it goes for progress bars.

    ``extractor`` is the extraction function (``extract_programs``); a parameter so callers can run
    the same storage path with another extractor.
    """
    batch.status = IngestionBatch.Status.RUNNING
    batch.started_at = batch.heartbeat_at = timezone.now()
    batch.save(update_fields=["status", "started_at", "heartbeat_at"])
    try:
        parsed = parse_file(
            name=batch.name,
            content=bytes(batch.payload),
            max_bytes=settings.INGEST_MAX_BYTES,
            format=batch.format or None,
        )
    except FormatError as exc:
        _finish_failed(batch, str(exc))
        return
    batch.format = parsed.format
    batch.records_total = len(parsed.records)
    # A note left by a restart stays in front of the file's own notes.
    batch.error = "; ".join(part for part in (batch.error, *parsed.notes) if part)
    batch.save(update_fields=["format", "records_total", "error"])

    try:
        touched_published = _run_records(batch, parsed.records, extractor)
    except Exception as exc:
        # Records are isolated, so this is the database or the process failing: say so on the batch.
        _save_counters(batch)
        _finish_failed(batch, f"stopped after {batch.records_done} records: {type(exc).__name__}: {exc}")
        raise

    if batch.records_total and batch.records_failed == batch.records_total:
        batch.status = IngestionBatch.Status.FAILED
        batch.error = batch.error or "every record failed"
    elif batch.records_failed:
        batch.status = IngestionBatch.Status.DONE_WITH_ERRORS
    else:
        batch.status = IngestionBatch.Status.DONE
    batch.payload = b""  # processed; the announcements keep each record's raw text
    batch.finished_at = timezone.now()
    batch.save(update_fields=["status", "error", "payload", "finished_at", *_COUNTERS])
    if touched_published and refit:
        request_refit()


def _run_records(batch: IngestionBatch, records: list[SourceRecord], extractor: Extractor) -> bool:
    """Store each record; True when a published program was created or updated."""
    touched_published = False
    last_saved = time.monotonic()
    for record in records:
        outcome = _ingest_record(record=record, batch=batch, user=batch.created_by, extractor=extractor)
        batch.records_done += 1
        batch.programs_created += outcome.created
        batch.programs_updated += outcome.updated
        batch.records_unchanged += outcome.unchanged
        batch.records_failed += outcome.failed
        touched_published = touched_published or outcome.published
        # Only the counters, for a polling progress bar; at most a few writes a second (each is a commit).
        if time.monotonic() - last_saved >= PROGRESS_SAVE_SECONDS:
            _save_counters(batch)
            last_saved = time.monotonic()
    return touched_published


_COUNTERS = ["records_done", "programs_created", "programs_updated", "records_unchanged", "records_failed"]


def _save_counters(batch: IngestionBatch) -> None:
    batch.heartbeat_at = timezone.now()
    batch.save(update_fields=[*_COUNTERS, "heartbeat_at"])


def _queue(batch: IngestionBatch) -> None:
    from matcher.tasks.ingestion import run_ingestion_batch

    transaction.on_commit(lambda: run_ingestion_batch.delay(batch.pk))


def ingestion_requeue_stalled(*, silent_for: timedelta) -> list[int]:
    """Queue again the running batches whose worker has shown no progress for ``silent_for`` (it died).

    Safe to rerun: records already stored come back as unchanged, so nothing is stored twice.
    Returns the ids of the requeued batches.
    """
    cutoff = timezone.now() - silent_for
    requeued = []
    with transaction.atomic():
        stalled = IngestionBatch.objects.select_for_update(skip_locked=True).filter(
            Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, started_at__lt=cutoff),
            status=IngestionBatch.Status.RUNNING,
        )
        for batch in stalled:
            note = f"작업이 {batch.records_done}건 처리 후 멈춰 다시 대기열에 넣었습니다."
            batch.error = "; ".join(part for part in (batch.error, note) if part)
            batch.status = IngestionBatch.Status.QUEUED
            for counter in _COUNTERS:
                setattr(batch, counter, 0)
            batch.save(update_fields=["status", "error", *_COUNTERS])
            _queue(batch)
            requeued.append(batch.pk)
    if requeued:
        logger.warning("requeued stalled ingestion batches %s", requeued)
    return requeued


@dataclass
class _Outcome:
    created: int = 0
    updated: int = 0
    # Programs whose fields stayed the same but whose search terms changed (the analyser improved).
    reanalysed: int = 0
    unchanged: int = 0
    failed: int = 0
    published: bool = False
    announcement: Announcement | None = None
    # Programs this announcement yielded before and no longer does (re-extraction only).
    dropped: list[Program] = field(default_factory=list)


def _ingest_record(
    *,
    record: SourceRecord,
    batch: IngestionBatch | None,
    user: Any,
    extractor: Extractor,
    existing: Announcement | None = None,
    publish: bool | None = None,
) -> _Outcome:
    digest = content_hash(record.raw)
    if existing is None:
        existing = Announcement.objects.filter(content_hash=digest).first()
        if existing is not None and existing.status != Announcement.Status.FAILED:
            return _Outcome(unchanged=1, announcement=existing)  # seen before: nothing new
    publish = bool(batch and batch.publish) if publish is None else publish
    try:
        if record.error:
            raise RecordError(record.error)
        # Extraction and Kiwi analysis are slow and need no database: done before the transaction.
        extracted = extractor(record)
        prepared = [(program, _search_terms(program)) for program in extracted]
        with transaction.atomic():
            announcement = existing or Announcement(content_hash=digest)
            _fill_announcement(announcement, record, batch, extracted)
            announcement.status = (
                Announcement.Status.EXTRACTED if extracted else Announcement.Status.NO_PROGRAM
            )
            announcement.error = ""
            announcement.save()
            outcome = _Outcome(announcement=announcement)
            seen: set[str] = set()
            kept: list[int] = []
            for position, (program, terms) in enumerate(prepared):
                source_id = _program_source_id(program, record, position, seen)
                action, saved = _save_program(
                    program=program,
                    terms=terms,
                    source_id=source_id,
                    position=position,
                    announcement=announcement,
                    publish=publish,
                    user=user,
                )
                kept.append(saved.pk)
                if action == "created":
                    outcome.created += 1
                elif action == "updated":
                    outcome.updated += 1
                elif action == "reanalysed":
                    outcome.reanalysed += 1
                if action in {"created", "updated"} and publish:
                    outcome.published = True
            if prepared and not outcome.created and not outcome.updated:
                outcome.unchanged = 1
            if existing is not None:
                outcome.dropped = _note_dropped(announcement, kept=kept, user=user)
            return outcome
    except Exception as exc:  # a bad record must not stop the batch; its reason is kept
        if not isinstance(exc, RecordError):
            logger.warning("ingestion of %s failed", record.origin, exc_info=True)
        reason = str(exc) if isinstance(exc, RecordError) else f"{type(exc).__name__}: {exc}"
        announcement = _save_failed(record, batch, digest, reason[:2000], existing)
        return _Outcome(failed=1, announcement=announcement)


class RecordError(ValueError):
    """A record that cannot be read (its reason comes from the parser)."""


def _search_terms(program: ExtractedProgram) -> str:
    return program_search_terms(title=program.title, summary=program.summary, keywords=program.keywords)


def _program_source_id(program: ExtractedProgram, record: SourceRecord, position: int, seen: set[str]) -> str:
    """The program's stable id: its own, else the record's; a second program of a record gets '#n'."""
    source_id = (program.source_id or record.source_id or "").strip()
    if not source_id:
        return ""
    if source_id in seen:
        source_id = f"{source_id}#{position}"
    seen.add(source_id)
    return source_id[:SOURCE_ID_MAX_LENGTH]


def _fill_announcement(
    announcement: Announcement,
    record: SourceRecord,
    batch: IngestionBatch | None,
    extracted: list[ExtractedProgram],
) -> None:
    first_line = (record.text.strip().splitlines() or [""])[0]
    title = record.title or (extracted[0].title if extracted else "") or first_line
    announcement.batch = batch or announcement.batch
    announcement.format = record.format
    # PostgreSQL text cannot hold NUL, which a JSON '\\u0000' escape can smuggle into a title.
    announcement.origin = record.origin[:500].replace("\x00", "")
    announcement.source_id = record.source_id[:100].replace("\x00", "")
    announcement.title = title[:500].replace("\x00", "")
    announcement.raw_content = record.raw
    announcement.published_on = record.published_on if isinstance(record.published_on, date) else None


def _save_failed(
    record: SourceRecord,
    batch: IngestionBatch | None,
    digest: str,
    reason: str,
    existing: Announcement | None,
) -> Announcement:
    try:
        with transaction.atomic():
            announcement = existing or Announcement.objects.filter(content_hash=digest).first()
            announcement = announcement or Announcement(content_hash=digest)
            _fill_announcement(announcement, record, batch, [])
            announcement.status = Announcement.Status.FAILED
            announcement.error = reason
            announcement.save()
            return announcement
    except IntegrityError:
        # Another batch stored the same record meanwhile; that one stands.
        return Announcement.objects.get(content_hash=digest)


def _program_values(program: ExtractedProgram, terms: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in _COPIED_FIELDS:
        value = getattr(program, name)
        if name in _LIMITS and isinstance(value, str):
            value = value[: _LIMITS[name]]
        values[name] = value
    values["regions"] = [{"sido": r.sido, "sigungu": r.sigungu} for r in program.regions]
    values["search_terms"] = terms
    return values


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _save_program(
    *,
    program: ExtractedProgram,
    terms: str,
    source_id: str,
    position: int,
    announcement: Announcement,
    publish: bool,
    user: Any,
) -> tuple[str, Program]:
    """Create or update one program; returns ('created' | 'updated' | 'reanalysed' | 'unchanged', the
    program). 'reanalysed': no field changed, but the same text gave other search terms (a newer analyser)."""
    values = _program_values(program, terms)
    user = user if getattr(user, "pk", None) else None
    if source_id:
        current = Program.objects.select_for_update().filter(source_id=source_id).first()
    else:
        # A program with no id of its own (an article's) is known by its announcement and position,
        # so extracting an announcement again updates it; the oldest is the extracted one, not a split copy.
        current = (
            Program.objects.select_for_update()
            .filter(announcement=announcement, position=position, source_id__isnull=True)
            .order_by("pk")
            .first()
        )
    if current is None:
        status = Program.Status.PUBLISHED if publish else Program.Status.REVIEW
        created = Program.objects.create(
            **values,
            source_id=source_id or None,
            position=position,
            announcement=announcement,
            status=status,
            published_at=timezone.now() if publish else None,
        )
        ProgramChange.objects.create(
            program=created,
            program_title=created.title,
            user=user,
            action="created",
            changes={"source": [None, announcement.origin], "status": [None, status]},
        )
        return "created", created
    # A field an editor corrected keeps the correction; the source's new value goes in the log instead.
    edited = current.staff_edited_fields()
    kept = {
        name: [_jsonable(value), _jsonable(getattr(current, name))]
        for name, value in values.items()
        if name in edited and getattr(current, name) != value
    }
    changes = {
        name: [_jsonable(getattr(current, name)), _jsonable(value)]
        for name, value in values.items()
        if name != "search_terms" and name not in edited and getattr(current, name) != value
    }
    previous_terms = current.search_terms
    for name, value in values.items():
        if name not in edited:
            setattr(current, name, value)
    if kept.keys() & SEARCH_FIELDS:
        # The source's terms were analysed from text the correction replaced.
        current.refresh_search_terms()
    current.announcement = announcement
    current.position = position
    # Publishing is a staff decision: an update never unpublishes; publish=True publishes a review one.
    if publish and current.status == Program.Status.REVIEW:
        changes["status"] = [current.status, Program.Status.PUBLISHED]
        current.status = Program.Status.PUBLISHED
        current.published_at = timezone.now()
    current.save()
    if kept and not _same_kept_values(current, kept):
        ProgramChange.objects.create(
            program=current, program_title=current.title, user=user, action="source_differs", changes=kept
        )
    if not changes:
        return ("reanalysed" if current.search_terms != previous_terms else "unchanged"), current
    ProgramChange.objects.create(
        program=current, program_title=current.title, user=user, action="updated", changes=changes
    )
    return "updated", current


def _note_dropped(announcement: Announcement, *, kept: list[int], user: Any) -> list[Program]:
    """Programs the announcement's extraction made before and no longer makes, each noted once.

    Their status is left alone (publishing stays a staff decision, and the extractor could be the one
    that is wrong); the note puts them in front of an editor. Split copies are staff-made, not the
    extractor's, so they are not counted.
    """
    user = user if getattr(user, "pk", None) else None
    dropped = list(
        Program.objects.filter(announcement=announcement, changes__action="created")
        .exclude(pk__in=kept)
        .distinct()
        .order_by("pk")
    )
    for program in dropped:
        last = program.changes.order_by("-pk").first()
        if last is not None and last.action == "source_dropped":
            continue
        ProgramChange.objects.create(
            program=program,
            program_title=program.title,
            user=user,
            action="source_dropped",
            changes={"source": [announcement.origin, None]},
        )
    return dropped


def _same_kept_values(program: Program, kept: dict[str, list[Any]]) -> bool:
    """True when the last 'source differs' note already says exactly this (a rerun adds no new row)."""
    last = program.changes.filter(action="source_differs").order_by("-pk").first()
    return last is not None and last.changes == kept


def _ingest_stored(
    announcement: Announcement, *, batch: IngestionBatch | None, user: Any, publish: bool
) -> _Outcome:
    """Read a stored announcement's raw content again and ingest it into that same announcement."""
    record = parse_raw(
        format=announcement.format,
        raw=announcement.raw_content,
        origin=announcement.origin,
        source_id=announcement.source_id,
    )
    return _ingest_record(
        record=record,
        batch=batch,
        user=user,
        extractor=extract_programs,
        existing=announcement,
        publish=publish,
    )


def retry_announcement(
    *, announcement: Announcement, user: Any = None, publish: bool = False
) -> Announcement:
    """Re-run one failed record from its stored raw content; returns the announcement, updated."""
    if announcement.status != Announcement.Status.FAILED:
        raise ValueError("only a failed announcement can be retried")
    outcome = _ingest_stored(
        announcement,
        batch=announcement.batch,
        user=user,
        publish=publish or bool(announcement.batch and announcement.batch.publish),
    )
    if outcome.published:
        request_refit()
    announcement.refresh_from_db()
    return announcement


@dataclass
class ReextractReport:
    """What a re-extraction did over the stored announcements."""

    announcements: int = 0
    programs_created: int = 0
    programs_updated: int = 0
    # Programs with the same fields but new search terms: the analyser changed, so the model is refitted.
    programs_reanalysed: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)
    # Records of a source id that a newer record of that id replaced: not read again.
    superseded: int = 0
    # '#id title (status)' of programs the records no longer yield; left for an editor to review.
    dropped: list[str] = field(default_factory=list)

    def as_text(self) -> str:
        return (
            f"{self.announcements} announcements: {self.programs_created} programs created, "
            f"{self.programs_updated} updated, {self.programs_reanalysed} re-analysed, "
            f"{self.unchanged} unchanged, {self.failed} failed, "
            f"{len(self.dropped)} no longer found; {self.superseded} replaced records skipped"
        )


def announcements_reextract(*, user: Any = None, formats: Sequence[str] = ()) -> ReextractReport:
    """Run the current extractor again over stored announcements, after the extractor improved.

    Each record is read again from its stored raw content and saved as a re-import is: fields staff
    corrected keep the correction (logged as 'source differs'), programs a record now yields for the
    first time wait in review, published ones stay published, and programs a record no longer yields
    are noted on their history and listed for review, not unpublished. Failed announcements are left to
    ``retry_announcement``. The model is refitted once at the end when anything changed.
    """
    report = ReextractReport()
    stored = Announcement.objects.exclude(status=Announcement.Status.FAILED)
    # A record with a source id is superseded by a newer record of the same id (a new version, or the
    # same notice from another source: API, CSV export, full text): the program holds the newest
    # one's values. Only the newest, and any record a program still comes from, is read again;
    # reading every version would flip the program between them and log each flip.
    newest = stored.exclude(source_id="").values("source_id").annotate(newest=Max("pk")).values("newest")
    holds_a_program = Exists(Program.objects.filter(announcement=OuterRef("pk")))
    current = stored.filter(Q(source_id="") | Q(pk__in=Subquery(newest)) | holds_a_program)
    if formats:
        current = current.filter(format__in=list(formats))
        stored = stored.filter(format__in=list(formats))
    report.superseded = stored.count() - current.count()
    for announcement in current.order_by("pk").iterator(chunk_size=200):
        outcome = _ingest_stored(announcement, batch=None, user=user, publish=False)
        report.announcements += 1
        report.programs_created += outcome.created
        report.programs_updated += outcome.updated
        report.programs_reanalysed += outcome.reanalysed
        report.unchanged += outcome.unchanged
        report.dropped += [f"#{p.pk} {p.title} ({p.get_status_display()})" for p in outcome.dropped]
        if outcome.failed:
            report.failed += 1
            announcement.refresh_from_db(fields=["error"])
            report.failures.append(f"{announcement.origin}: {announcement.error}")
    if report.programs_created or report.programs_updated or report.programs_reanalysed:
        request_refit()
    return report
