"""``manage.py reextract [--format F …]``: run the current extractor again over stored announcements.

For an existing database after the extractor improved (a region rule, a firm-type rule): programs
follow what the records say now, while staff corrections stand (see ``announcements_reextract``).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from matcher.services.ingestion import announcements_reextract


class Command(BaseCommand):
    help = "Re-extract programs from every stored announcement with the current extractor."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--format",
            action="append",
            default=[],
            dest="formats",
            help="only announcements of this format (bizinfo_json, kstartup_csv, …); repeatable",
        )

    def handle(self, *args, **options) -> None:
        report = announcements_reextract(formats=options["formats"])
        self.stdout.write(report.as_text())
        for failure in report.failures[:20]:
            self.stdout.write(f"  failed: {failure}")
        for program in report.dropped:
            self.stdout.write(f"  no longer found (review it; its status is unchanged): {program}")
