"""How well the program page's 'similar programs' suit the firm that is reading it.

A proxy from the dev judgements: for every program judged 3 for a dev firm (made for that firm), the share
of its 5 similar programs the same firm's judges rate 2 or 3 (unjudged count as 0). It needs the dev corpus
in the database (``python manage.py evaluate --load-dev-corpus`` loads it and refits the model).
Run: ``python -m bench.similar_eval``.
"""

from __future__ import annotations

import json
import os
from statistics import mean

from bench.devcorpus import SAMPLES, use_dev_eval_database


def main(argv: list[str] | None = None) -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "web.settings")
    use_dev_eval_database()
    django.setup()
    from matcher.models import Program
    from matcher.services.evaluation import program_uids
    from matcher.services.programs_public import similar_programs

    qrels = json.loads((SAMPLES / "eval" / "qrels_dev.json").read_text())
    programs = list(Program.objects.published().order_by("pk"))
    uids = program_uids(programs)
    by_uid = {uids[p.pk]: p for p in programs if p.pk in uids}
    shares = []
    for grades in qrels.values():
        for uid, grade in grades.items():
            if grade < 3 or uid not in by_uid:
                continue
            similar = similar_programs(program=by_uid[uid])
            good = [grades.get(uids.get(m.program.pk, ""), 0) >= 2 for m in similar]
            shares.append(mean(good) if good else 0.0)
    result = {
        "programs_viewed": len(shares),
        "share_judged_2_or_3": round(mean(shares), 3) if shares else None,
    }
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
