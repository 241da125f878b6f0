import json

from django.core.management.base import BaseCommand, CommandError

from matcher.engine.ksic import find_subclass
from matcher.engine.regions import default_gazetteer
from matcher.models import SpecialFirmType
from matcher.services.matching import FirmProfile, match_firm


class Command(BaseCommand):
    help = "Match a firm (sector + region) to the published programs; --json prints a JSON list."

    def add_arguments(self, parser):
        parser.add_argument("--sector", required=True)
        parser.add_argument("--region", required=True, help="'경북 구미시', '구미', '경상북도' …")
        parser.add_argument("--firm-type", default="")
        parser.add_argument(
            "--special-type",
            action="append",
            default=[],
            choices=SpecialFirmType.values,
            help="a kind of firm it is besides its type (repeatable): 여성기업, 사회적기업 …",
        )
        parser.add_argument("--years", type=float, default=None)
        parser.add_argument("--employees", type=int, default=None, help="상시근로자 수")
        parser.add_argument("--ksic", default="", help="KSIC 11 subclass code: 'C28202' or '28202'")
        parser.add_argument("--description", default="")
        parser.add_argument("--top", type=int, default=10)
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        location = default_gazetteer().resolve(options["region"])
        if location is None:
            raise CommandError(f"unknown or ambiguous region: {options['region']!r}")
        if options["ksic"] and find_subclass(options["ksic"]) is None:
            raise CommandError(f"unknown KSIC subclass code: {options['ksic']!r}")
        if options["employees"] is not None and options["employees"] < 0:
            raise CommandError(f"--employees must be 0 or more, not {options['employees']}")
        profile = FirmProfile(
            sector=options["sector"],
            region=location.region,
            firm_type=options["firm_type"],
            years=options["years"],
            employees=options["employees"],
            ksic_code=options["ksic"],
            description=options["description"],
            location_label=location.label,
            site=location.site,
            district=location.district or "",
            special_types=tuple(options["special_type"]),
        )
        results = match_firm(profile=profile, limit=options["top"])
        rows = [
            {
                "program_id": m.program.pk,
                "source_id": m.program.source_id or "",
                "title": m.program.title,
                "score": m.score,
                "regions": ["전국"]
                if m.program.nationwide or not m.program.regions
                else [r.label for r in m.program.region_list],
                "reasons": {
                    "matched_terms": m.matched_terms,
                    "evidence": m.evidence,
                    "eligibility": m.eligibility,
                },
            }
            for m in results
        ]
        if results.unmet_words:
            # On stderr: stdout stays the JSON list scripts read.
            self.stderr.write(
                "words no program this firm may apply for uses in its title or summary: "
                + ", ".join(results.unmet_words)
            )
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for i, row in enumerate(rows, 1):
            self.stdout.write(f"{i:2}. {row['score']:.2f} {row['title']} [{', '.join(row['regions'])}]")
            self.stdout.write(
                f"     {' / '.join(row['reasons']['eligibility'])}; "
                f"{', '.join(row['reasons']['matched_terms'])}"
            )
