"""``manage.py evaluate``: the matcher vs two baselines on judged firms, over the published programs.

``--load-dev-corpus`` first loads the bundled dev corpus through the real ingestion pipeline (the seed
articles through the article extractor, the Bizinfo API JSON and the 2024 통합공고 CSV, published; the same
files as ``load_samples``) and refits the model in this process, so one command reproduces the figures
in README "Evaluation" from an empty database.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from matcher.models import Program
from matcher.services.evaluation import evaluate

EVAL = Path(settings.BASE_DIR) / "sample_data" / "eval"


class Command(BaseCommand):
    help = (
        "NDCG@k, P@k, recall@2k of grade-3 programs and the region-ineligible rate: matcher vs two baselines."
    )

    def add_arguments(self, parser):
        parser.add_argument("--firms", default=str(EVAL / "firms_dev.json"))
        parser.add_argument("--qrels", default=str(EVAL / "qrels_dev.json"))
        parser.add_argument("--k", type=int, default=10)
        parser.add_argument("--json", action="store_true", help="print the figures as JSON")
        parser.add_argument(
            "--load-dev-corpus",
            action="store_true",
            help="first ingest the bundled dev corpus (as load_samples) and refit the model here",
        )

    def handle(self, *args, firms, qrels, k, json: bool = False, load_dev_corpus: bool = False, **options):
        import json as jsonlib

        if load_dev_corpus:
            self._load_dev_corpus()
        try:
            firm_list = jsonlib.loads(Path(firms).read_text(encoding="utf-8"))
            judgements = jsonlib.loads(Path(qrels).read_text(encoding="utf-8"))
            result = evaluate(firms=firm_list, qrels=judgements, k=k)
        except (OSError, ValueError, KeyError) as exc:
            # A missing file, bad JSON, a firm without 'sector' or with an unknown location.
            raise CommandError(f"cannot evaluate: {exc}") from exc
        if json:
            self.stdout.write(jsonlib.dumps(result, ensure_ascii=False, indent=2))
            return
        corpus = result.pop("_corpus")
        self.stdout.write(
            f"corpus: {int(corpus['programs'])} published programs, "
            f"{int(corpus['mapped_to_qrels'])} mapped to judged uids, model v{int(corpus['model_version'])}"
        )
        keys = [f"ndcg@{k}", f"p@{k}", f"recall@{2 * k}", f"ineligible@{k}", f"unjudged@{k}"]
        self.stdout.write(f"{'':15}" + "".join(f"{key:>15}" for key in keys))
        for name, figures in result.items():
            self.stdout.write(f"{name:15}" + "".join(f"{figures[key]:>15.3f}" for key in keys))

    def _load_dev_corpus(self) -> None:
        from matcher.management.commands.load_samples import sample_files
        from matcher.services.ingestion import ingest_file
        from matcher.services.model_store import matcher_refit

        files = sample_files()
        for path in files:
            ingest_file(name=path.name, content=path.read_bytes(), publish=True, refit=False)
        # Refit here, not through the queue: the figures must come from a model of exactly this corpus.
        version = matcher_refit()
        self.stdout.write(f"dev corpus loaded; matcher model v{version}")
        # Programs from other files (load_samples --all, staff uploads) or made by hand change the figures.
        others = Program.objects.published().exclude(announcement__batch__name__in=[p.name for p in files])
        if others.exists():
            self.stderr.write(
                f"warning: {others.count()} published programs here were last read from files outside the "
                "dev corpus, or made by hand; the figures are for this database, not the dev set's. "
                "`make evaluate` uses a database of its own (var/dev-eval)."
            )
