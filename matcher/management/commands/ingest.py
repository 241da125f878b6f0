"""``manage.py ingest PATH… [--format F] [--publish] [--background]``: ingest announcement files.

Prints one report per file: records read, programs created/updated, unchanged records and each
failure with its reason. A directory ingests every file in it (sorted). See README "Ingestion".
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from matcher.engine.formats import FORMATS
from matcher.services.ingestion import IngestionReport, ingest_file


def expand_paths(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")))
        elif path.is_file():
            out.append(path)
        else:
            raise CommandError(f"no such file or directory: {item}")
    return out


class Command(BaseCommand):
    help = "Ingest announcement files (text, HTML, Bizinfo JSON/CSV, 통합공고 CSV, full-text JSONL)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="files or directories")
        parser.add_argument("--format", choices=FORMATS, help="force a format instead of detecting it")
        parser.add_argument("--publish", action="store_true", help="publish the programs right away")
        parser.add_argument(
            "--background", action="store_true", help="queue for a Celery worker instead of running here"
        )

    def handle(self, *args, **options) -> None:
        failed = 0
        for path in expand_paths(options["paths"]):
            batch = ingest_file(
                name=path.name,
                content=path.read_bytes(),
                format=options["format"],
                publish=options["publish"],
                background=options["background"],
            )
            if options["background"]:
                self.stdout.write(f"{path.name}: queued as batch {batch.pk} ({batch.get_status_display()})")
                continue
            report = IngestionReport.for_batch(batch)
            failed += report.status == "failed"
            self.stdout.write(report.as_text())
        if failed:
            self.stderr.write(f"{failed} file(s) failed")
