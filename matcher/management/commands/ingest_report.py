"""``manage.py ingest_report DIR…``: ingest every file under the folders and print per-file reports.

A rerunnable measurement: each file's records read, programs created/updated, unchanged, failures
with reasons and the time taken, then the totals. Reference tables (KSIC, 법정동 codes) are not
announcements; they are rejected with "not an announcement format" and nothing is stored.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandParser

from matcher.management.commands.ingest import expand_paths
from matcher.services.ingestion import IngestionReport, ingest_file


class Command(BaseCommand):
    help = "Ingest every file under the given folders and print a per-file report with timings."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--publish", action="store_true")

    def handle(self, *args, **options) -> None:
        totals = {"files": 0, "read": 0, "created": 0, "updated": 0, "unchanged": 0, "failed": 0}
        started = time.monotonic()
        for path in expand_paths(options["paths"]):
            clock = time.monotonic()
            batch = ingest_file(
                name=path.name, content=path.read_bytes(), publish=options["publish"], refit=False
            )
            report = IngestionReport.for_batch(batch, max_failures=10)
            report.seconds = time.monotonic() - clock
            self.stdout.write(report.as_text())
            totals["files"] += 1
            totals["read"] += report.records_read
            totals["created"] += report.programs_created
            totals["updated"] += report.programs_updated
            totals["unchanged"] += report.records_unchanged
            totals["failed"] += report.records_failed
        self.stdout.write(
            "TOTAL {files} files: {read} records, {created} created, {updated} updated, "
            "{unchanged} unchanged, {failed} failed".format(**totals)
            + f" in {time.monotonic() - started:.1f} s"
        )
