"""``python manage.py evaluate_extraction``: score article extraction on the seed articles."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from matcher.engine.extraction.seed_eval import evaluate, format_report

SAMPLE = Path(settings.BASE_DIR) / "sample_data"


class Command(BaseCommand):
    help = "Extract the seed articles and report precision, recall, region accuracy and budget exactness."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seeds-dir", type=Path, default=SAMPLE / "seeds")
        parser.add_argument("--gold", type=Path, default=SAMPLE / "eval" / "seed_programs.json")

    def handle(self, *args: object, **options: object) -> None:
        report = evaluate(options["seeds_dir"], options["gold"])
        self.stdout.write(format_report(report))
