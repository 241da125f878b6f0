from pathlib import Path

from django.core.management.base import BaseCommand

from matcher.services.evaluation import evaluate


class Command(BaseCommand):
    help = (
        "NDCG@k, P@k, recall@2k of grade-3 programs and the region-ineligible rate: matcher vs two baselines."
    )

    def add_arguments(self, parser):
        parser.add_argument("--firms", required=True)
        parser.add_argument("--qrels", required=True)
        parser.add_argument("--k", type=int, default=10)
        parser.add_argument("--json", action="store_true", help="print the figures as JSON")

    def handle(self, *args, firms, qrels, k, json: bool = False, **options):
        import json as jsonlib

        firm_list = jsonlib.loads(Path(firms).read_text(encoding="utf-8"))
        judgements = jsonlib.loads(Path(qrels).read_text(encoding="utf-8"))
        result = evaluate(firms=firm_list, qrels=judgements, k=k)
        if json:
            self.stdout.write(jsonlib.dumps(result, ensure_ascii=False, indent=2))
            return
        corpus = result.pop("_corpus")
        self.stdout.write(
            f"corpus: {int(corpus['programs'])} published programs, "
            f"{int(corpus['mapped_to_qrels'])} mapped to judged uids, model v{int(corpus['model_version'])}"
        )
        keys = [f"ndcg@{k}", f"p@{k}", f"recall@{2 * k}", f"ineligible@{k}"]
        self.stdout.write(f"{'':15}" + "".join(f"{key:>15}" for key in keys))
        for name, figures in result.items():
            self.stdout.write(f"{name:15}" + "".join(f"{figures[key]:>15.3f}" for key in keys))
