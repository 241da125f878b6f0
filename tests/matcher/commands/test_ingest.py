import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from matcher.models import Announcement, IngestionBatch, Program

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[3] / "sample_data" / "seeds"


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_ingest_prints_a_report_per_file(tmp_path):
    (tmp_path / "a.txt").write_text("구미시는 수출 중소기업 지원사업을 추진한다.", encoding="utf-8")
    (tmp_path / "b.json").write_text('{"jsonArray": [{"pblancId": "PBLN_1"}]}', encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    output = run("ingest", str(tmp_path), "--publish")
    lines = output.splitlines()
    assert lines[0].startswith("a.txt [text] done")
    assert "1 records read, 1 programs created, 0 updated, 0 unchanged, 0 failed" in lines[0]
    assert lines[1].startswith("b.json [bizinfo_json] failed")
    assert "failed b.json#0: Bizinfo record without pblancNm (title)" in output
    assert "empty.txt [?] failed" in output and "error: empty file" in output
    assert Program.objects.get().status == Program.Status.PUBLISHED
    assert IngestionBatch.objects.count() == 3


def test_ingest_forced_format_and_missing_path(tmp_path):
    path = tmp_path / "looks.html"
    path.write_text("<p>태그가 보이는 텍스트</p>", encoding="utf-8")
    run("ingest", str(path), "--format", "text")
    assert Announcement.objects.get().format == "text"
    with pytest.raises(CommandError, match="no such file"):
        run("ingest", str(tmp_path / "missing.txt"))


def test_ingest_background_queues_and_reports_batch(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("경주시 창업기업 지원사업 공고", encoding="utf-8")
    output = run("ingest", str(path), "--background")
    batch = IngestionBatch.objects.get()
    assert f"queued as batch {batch.pk}" in output


def test_load_samples_is_idempotent():
    first = run("load_samples", "--seeds-only")
    seeds = sorted(SEEDS.glob("*.txt"))
    assert len(seeds) >= 1
    created = [int(n) for n in re.findall(r"(\d+) programs created", first)]
    assert len(created) == len(seeds) and all(n >= 1 for n in created)
    counts = (Announcement.objects.count(), Program.objects.count())
    assert counts == (len(seeds), sum(created))
    assert set(Program.objects.values_list("status", flat=True)) == {Program.Status.PUBLISHED}
    second = run("load_samples", "--seeds-only")
    assert second.count("0 programs created, 0 updated, 1 unchanged") == len(seeds)
    assert (Announcement.objects.count(), Program.objects.count()) == counts
    assert "matcher refit queued" in second


def test_ingest_report_totals(tmp_path):
    (tmp_path / "a.txt").write_text("구미시는 수출 지원사업을 추진한다.", encoding="utf-8")
    (tmp_path / "codes.csv").write_text(
        "법정동코드,법정동명,시도,시군구\n1100000000,서울특별시,서울특별시,\n"
    )
    output = run("ingest_report", str(tmp_path))
    assert "codes.csv [?] failed" in output
    assert "not an announcement format" in output
    assert "TOTAL 2 files: 1 records, 1 created, 0 updated, 0 unchanged, 0 failed" in output


def test_reextract_reports_per_format(tmp_path):
    (tmp_path / "a.txt").write_text("구미시는 수출 중소기업 지원사업을 추진한다.", encoding="utf-8")
    run("ingest", str(tmp_path / "a.txt"))
    Program.objects.update(title="옛 추출기의 제목")

    assert run("reextract", "--format", "bizinfo_json").startswith("0 announcements")
    out = run("reextract")

    assert out.startswith("1 announcements: 0 programs created, 1 updated"), out
    assert Program.objects.get().title != "옛 추출기의 제목"
