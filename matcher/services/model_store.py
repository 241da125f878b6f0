"""Fitting, storing and loading the similarity model (one active version shared by all processes).

``matcher_refit`` fits a ``MatcherIndex`` on all published programs, writes it atomically
under ``settings.MODEL_DIR`` and records a ``MatcherModelVersion`` row that becomes the
active one. ``active_index`` gives every web/worker process the active version: it checks
the database at most every ``settings.MODEL_RELOAD_CHECK_SECONDS`` and loads a newer version
without a restart. A file that cannot be used (corrupt, another format version) is logged
and replaced by a fresh refit.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Max

from matcher.engine.analysis import analyze_to_string
from matcher.engine.eligibility import ProgramFacts
from matcher.engine.persistence import FORMAT_VERSION, ModelLoadError, load_index, save_index
from matcher.engine.ranking import MatcherIndex, ProgramDoc
from matcher.models import MatcherModelVersion, Program

logger = logging.getLogger(__name__)


def program_facts(program: Program) -> ProgramFacts:
    return ProgramFacts.from_fields(
        nationwide=program.nationwide,
        regions=program.regions or [],
        firm_types=program.firm_types or [],
        years_min=program.years_min,
        years_max=program.years_max,
        employees_min=program.employees_min,
        site_limits=program.site_limits or [],
        outside_applicants=program.outside_applicants,
        district_limits=program.district_limits or [],
    )


def program_doc(program: Program) -> ProgramDoc:
    text = program.matched_text()
    # search_terms is stored at ingestion; analyse live only for programs that lack it.
    terms = program.search_terms or analyze_to_string(text)
    return ProgramDoc(
        program_id=program.pk,
        terms=terms,
        text=text,
        facts=program_facts(program),
        apply_start=program.apply_start,
        apply_end=program.apply_end,
        support_types=tuple(program.support_types or ()),
    )


def matcher_refit() -> int | None:
    """Fit on all published programs, write the model atomically, activate it; returns the version."""
    programs = list(Program.objects.published().order_by("pk"))
    if not programs:
        return None
    started = time.perf_counter()
    index = MatcherIndex.build([program_doc(p) for p in programs])
    fit_seconds = time.perf_counter() - started
    with transaction.atomic():
        # Lock the version sequence so two refits never take the same number.
        latest = MatcherModelVersion.objects.select_for_update().aggregate(m=Max("version"))["m"] or 0
        version = latest + 1
        path = Path(settings.MODEL_DIR) / f"matcher-v{version:05d}.pkl"
        sha = save_index(index, path, extra={"version": version, "program_count": len(programs)})
        MatcherModelVersion.objects.filter(active=True).update(active=False)
        MatcherModelVersion.objects.create(
            version=version,
            path=str(path),
            sha256=sha,
            program_count=len(programs),
            format_version=FORMAT_VERSION,
            fit_seconds=fit_seconds,
            active=True,
        )
    logger.info("matcher model v%s fitted on %s programs in %.1fs", version, len(programs), fit_seconds)
    _cache.store(version, index)
    return version


@dataclass
class _Loaded:
    version: int | None = None
    index: MatcherIndex | None = None
    checked_at: float = 0.0


class _Cache:
    """The process's copy of the active model."""

    def __init__(self) -> None:
        self.loaded = _Loaded()
        self.lock = threading.Lock()

    def store(self, version: int, index: MatcherIndex) -> None:
        with self.lock:
            self.loaded = _Loaded(version, index, time.monotonic())

    def clear(self) -> None:
        with self.lock:
            self.loaded = _Loaded()


_cache = _Cache()


def active_index(*, refit_if_missing: bool = True) -> tuple[MatcherIndex | None, int | None]:
    """The active model and its version, reloaded when another process activated a newer one."""
    loaded = _cache.loaded
    now = time.monotonic()
    if loaded.index is not None and now - loaded.checked_at < settings.MODEL_RELOAD_CHECK_SECONDS:
        return loaded.index, loaded.version
    row = MatcherModelVersion.objects.filter(active=True).order_by("-version").first()
    if row is None:
        if refit_if_missing and Program.objects.published().exists():
            matcher_refit()
            return _cache.loaded.index, _cache.loaded.version
        return None, None
    if loaded.index is not None and row.version == loaded.version:
        with _cache.lock:
            _cache.loaded.checked_at = now
        return loaded.index, loaded.version
    try:
        index, _header = load_index(Path(row.path), expected_sha256=row.sha256)
    except ModelLoadError as exc:
        logger.error("%s; refitting", exc)
        version = matcher_refit() if refit_if_missing else None
        return (_cache.loaded.index, version) if version else (None, None)
    _cache.store(row.version, index)
    return index, row.version


def reset_cache() -> None:
    """Forget the process's loaded model (tests, after settings changes)."""
    _cache.clear()


def request_refit() -> None:
    """Queue a refit once the current transaction commits (call after publishing or unpublishing)."""
    from matcher.tasks.matching import refit_matcher

    transaction.on_commit(refit_matcher.delay)
