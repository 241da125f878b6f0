"""``manage.py export_programs --format json [--status published|all]``: every program as JSON.

Prints a JSON list, one object per program, oldest first, with these stable field names:

- ``id`` (int), ``source_id`` (Bizinfo pblancId, ``kstartup2024:<row>``, or "" for articles)
- ``title``, ``agency`` (소관 기관), ``operator`` (수행 기관)
- ``regions``: list of ``{"sido": …, "sigungu": … or null}``; ``nationwide`` (bool);
  ``outside_applicants`` ("" when only firms in the regions may apply, "moving_in" for firms moving in or
  opening a site there too, "activity" for firms anywhere whose work takes place there); ``places`` (list);
  ``site_limits`` (industrial complexes applicants must be in, list); ``district_limits`` (일반구 of its
  cities applicants must be in, such as ``"전주시 덕진구"``, list)
- ``firm_types`` (list), ``years_min`` / ``years_max`` (업력 in years or null), ``employees_min`` (least
  headcount, or null)
- ``sectors`` (list of ``{"code", "name"}``), ``keywords`` (list), ``support_types`` (list)
- ``budget_krw`` / ``national_budget_krw`` (int 원 or null), ``period_end_year`` (int or null)
- ``apply_start`` / ``apply_end`` (ISO ``YYYY-MM-DD`` or null)
- ``contact``, ``source_url``, ``apply_url``, ``status`` (review|published|unpublished)
- ``evidence``: ``{field: [source sentence, …]}``
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandParser

from matcher.services.export import export_programs


class Command(BaseCommand):
    help = "Print every program as JSON with stable field names (see the module docstring)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument("--status", choices=["published", "all"], default="published")

    def handle(self, *args, **options) -> None:
        rows = export_programs(status=options["status"])
        self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
