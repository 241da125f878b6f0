"""Loaders for the dev corpus (seeds + Bizinfo dev records + 2024 통합공고).

``pipeline_docs`` is the honest one, used by ``bench.dev_eval`` and ``bench.cv_weights``: the
corpus goes through the real ingestion pipeline into the configured database (the seed articles
through the article extractor; records already stored are skipped) and the published programs
are read back with their qrels uids (seed programs matched by content, as ``manage.py evaluate``
does). ``dev_programs``/``load_into_db`` are the older shortcut (seed programs taken from
``sample_data/eval/seed_programs.json``, notices through ``extract_notice_program`` only).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from matcher.engine.extraction.notices import extract_notice_program
from matcher.engine.records import ExtractedProgram, SourceRecord
from matcher.engine.regions import Region
from matcher.engine.text import html_to_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
# The dev figures come from a database and model folder of their own (``make evaluate`` uses the same),
# so what ``make run`` loads into var/ for the site never changes them.
DEV_EVAL_VAR_DIR = ROOT / "var" / "dev-eval"


def use_dev_eval_database() -> None:
    """Point Django at the dev-evaluation folder unless a database or folder was chosen explicitly."""
    import os

    if not os.environ.get("DATABASE_URL"):
        os.environ.setdefault("GRANTMATCH_VAR_DIR", str(DEV_EVAL_VAR_DIR))


def bizinfo_records(
    path: Path = SAMPLES / "bizinfo" / "bizinfo_api_2024-12_2025-05.json",
) -> list[SourceRecord]:
    items = json.loads(path.read_text(encoding="utf-8"))["jsonArray"]
    out = []
    for index, item in enumerate(items):
        out.append(
            SourceRecord(
                format="bizinfo_json",
                origin=f"{path.name}#{index}",
                raw=json.dumps(item, ensure_ascii=False),
                title=item.get("pblancNm", ""),
                text=html_to_text(item.get("bsnsSumryCn", "")),
                source_id=item["pblancId"],
                fields=item,
            )
        )
    return out


def kstartup_records(path: Path = SAMPLES / "kstartup" / "startup_programs_2024.csv") -> list[SourceRecord]:
    out = []
    category = ""
    with path.open(encoding="utf-8-sig") as handle:
        for index, row in enumerate(csv.DictReader(handle)):
            if row["no"].startswith("◇"):
                category = row["no"].lstrip("◇ ").split("(")[0].strip()
                continue
            if not row["title"].strip():
                continue
            fields = dict(row, category=category)
            text = "\n".join(row[k] for k in ("summary", "support", "target") if row.get(k))
            out.append(
                SourceRecord(
                    format="kstartup_csv",
                    origin=f"{path.name}#{index}",
                    raw=json.dumps(row, ensure_ascii=False),
                    title=row["title"],
                    text=text,
                    source_id=f"kstartup2024:{index}",
                    fields=fields,
                )
            )
    return out


def seed_programs(path: Path = SAMPLES / "eval" / "seed_programs.json") -> list[ExtractedProgram]:
    out = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        region = Region(item["sido"], item.get("sigungu") or None)
        out.append(
            ExtractedProgram(
                title=item["title"],
                agency=item.get("agency", ""),
                regions=[region],
                places=[item["place"]] if item.get("place") else [],
                keywords=list(item.get("sectors", [])) + list(item.get("support", [])),
                summary=item.get("summary", ""),
                budget_krw=item.get("budget_krw"),
                period_end_year=item.get("period_end"),
                source_id=item["uid"],
                firm_types=["중소기업"],
                evidence={"summary": [item.get("summary", "")]},
            )
        )
    return out


def dev_programs() -> list[ExtractedProgram]:
    """The whole dev corpus as extracted programs; ``source_id`` carries the qrels uid suffix."""
    programs = seed_programs()
    programs += [extract_notice_program(r) for r in bizinfo_records()]
    programs += [extract_notice_program(r) for r in kstartup_records()]
    return programs


def qrels_uid(program: ExtractedProgram) -> str:
    sid = program.source_id
    if sid.startswith(("seed:", "kstartup2024:")):
        return sid
    return f"bizinfo:{sid}"


def load_into_db(*, publish: bool = True) -> int:
    """Store the dev corpus as Program rows (development aid until the ingestion pipeline merges)."""
    from django.utils import timezone

    from matcher.engine.analysis import analyze_to_string
    from matcher.models import Program

    count = 0
    for p in dev_programs():
        text = "\n".join([p.title, " ".join(p.keywords), p.summary])
        source_id = p.source_id
        Program.objects.update_or_create(
            source_id=source_id,
            defaults=dict(
                title=p.title[:500],
                agency=p.agency[:200],
                operator=p.operator[:200],
                nationwide=p.nationwide,
                regions=[r.as_dict() for r in p.regions],
                places=p.places,
                firm_types=p.firm_types,
                years_min=p.years_min,
                years_max=p.years_max,
                keywords=p.keywords,
                budget_krw=p.budget_krw,
                apply_start=p.apply_start,
                apply_end=p.apply_end,
                contact=p.contact[:500],
                source_url=p.source_url[:1000],
                apply_url=p.apply_url[:1000],
                summary=p.summary,
                evidence=p.evidence,
                search_terms=analyze_to_string(text),
                status=Program.Status.PUBLISHED if publish else Program.Status.REVIEW,
                published_at=timezone.now() if publish else None,
            ),
        )
        count += 1
    return count


def pipeline_docs() -> tuple[list, dict[str, str]]:
    """(ProgramDoc list with qrels uids as ``program_id``, uid → title) from the real pipeline."""
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "web.settings")
    use_dev_eval_database()
    django.setup()
    from django.core.management import call_command

    from matcher.management.commands.load_samples import sample_files
    from matcher.models import Program
    from matcher.services.evaluation import program_uids
    from matcher.services.ingestion import ingest_file
    from matcher.services.model_store import program_doc

    call_command("migrate", verbosity=0)
    for path in sample_files():
        ingest_file(name=path.name, content=path.read_bytes(), publish=True, refit=False)
    programs = list(Program.objects.published().order_by("pk"))
    uids = program_uids(programs)
    docs, titles = [], {}
    for program in programs:
        doc = program_doc(program)
        doc.program_id = uids.get(program.pk, f"db:{program.pk}")
        docs.append(doc)
        titles[doc.program_id] = program.title
    return docs, titles


if __name__ == "__main__":
    import django

    django.setup()
    print(load_into_db(), "programs stored")
