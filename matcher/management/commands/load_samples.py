"""``manage.py load_samples``: ingest the bundled sample announcements, published, then refit.

Idempotent: records already stored (same content hash) are counted unchanged and nothing is added.
By default it loads the seed articles (``sample_data/seeds/*.txt``), the Bizinfo API JSON and the
창업지원사업 통합공고 CSV (the dev corpus; see README "Ingestion" for timings). ``--seeds-only``
loads just the articles; ``--all`` (what ``make run`` serves) adds the Bizinfo CSV export, the same
notices with their application periods, and the full-text notices, 90 newer ones.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from matcher.services.ingestion import IngestionReport, ingest_file
from matcher.tasks.matching import refit_matcher

SAMPLES = Path(settings.BASE_DIR) / "sample_data"
SEEDS = "seeds/*.txt"
CORPUS = ["bizinfo/bizinfo_api_*.json", "kstartup/*.csv"]
EXTRA = ["bizinfo/bizinfo_[0-9]*.csv", "fulltext/*.jsonl"]


def sample_files(*, dev_corpus_only: bool = True, seeds_only: bool = False) -> list[Path]:
    """The bundled files to load, in loading order: the seed articles, then (unless ``seeds_only``) the dev
    corpus, then (unless ``dev_corpus_only``) the extra samples. ``evaluate`` and the bench dev scripts
    load the dev corpus exactly as this command does."""
    patterns = [SEEDS]
    if not seeds_only:
        patterns += CORPUS
        if not dev_corpus_only:
            patterns += EXTRA
    return [path for pattern in patterns for path in sorted(SAMPLES.glob(pattern))]


class Command(BaseCommand):
    help = "Load the bundled sample announcements (published) and refit the matcher."

    def add_arguments(self, parser: CommandParser) -> None:
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--seeds-only", action="store_true", help="only the seed articles")
        group.add_argument("--all", action="store_true", help="also the Bizinfo CSV and full-text notices")

    def handle(self, *args, **options) -> None:
        for path in sample_files(dev_corpus_only=not options["all"], seeds_only=options["seeds_only"]):
            batch = ingest_file(name=path.name, content=path.read_bytes(), publish=True, refit=False)
            self.stdout.write(IngestionReport.for_batch(batch, max_failures=5).as_text())
        # One refit for everything loaded (each file would otherwise queue its own).
        refit_matcher.delay()
        self.stdout.write("matcher refit queued")
