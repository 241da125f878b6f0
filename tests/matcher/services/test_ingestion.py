import json

import pytest

from matcher.engine.extraction import extract_programs
from matcher.engine.records import ExtractedProgram
from matcher.engine.regions import Region
from matcher.models import Announcement, IngestionBatch, Program, ProgramChange
from matcher.services.ingestion import (
    IngestionReport,
    batch_announcements,
    batch_search,
    content_hash,
    ingest_file,
    retry_announcement,
    run_ingestion,
)

pytestmark = pytest.mark.django_db

ARTICLE = "구미시는 2025년 수출 중소기업 해외마케팅 지원사업을 추진한다.\n기업당 최대 2천만원을 지원한다."


def bizinfo_item(pblanc_id: str = "PBLN_000000000100001", **changes) -> dict:
    item = {
        "pblancId": pblanc_id,
        "pblancNm": "2025년 구미시 수출기업 지원사업 공고",
        "jrsdInsttNm": "경상북도 구미시",
        "excInsttNm": "구미상공회의소",
        "trgetNm": "중소기업",
        "bsnsSumryCn": "<p>수출 중소기업 해외 전시회 참가 지원</p>",
        "reqstBeginEndDe": "2025-01-02 ~ 2025-02-28",
        "creatPnttm": "2025-01-02",
        "pblancUrl": "https://www.bizinfo.go.kr/x",
    }
    item.update(changes)
    return item


def bizinfo_file(*items: dict) -> bytes:
    return json.dumps({"jsonArray": list(items)}, ensure_ascii=False, indent=1).encode()


def test_text_article_creates_announcement_and_review_program(editor):
    batch = ingest_file(name="gumi.txt", content=ARTICLE.encode(), user=editor)
    assert batch.status == IngestionBatch.Status.DONE
    assert (batch.format, batch.records_total, batch.records_done, batch.programs_created) == (
        "text",
        1,
        1,
        1,
    )
    announcement = Announcement.objects.get()
    assert announcement.raw_content == ARTICLE
    assert announcement.content_hash == content_hash(ARTICLE)
    assert announcement.batch == batch
    program = Program.objects.get()
    assert program.status == Program.Status.REVIEW
    assert program.source_id is None
    assert "구미시" in program.search_terms.split() or "구미" in program.search_terms
    change = ProgramChange.objects.get()
    assert (change.action, change.user, change.program) == ("created", editor, program)
    assert batch.payload in (b"", memoryview(b""))


def test_same_content_twice_creates_nothing_new():
    ingest_file(name="a.json", content=bizinfo_file(bizinfo_item(), bizinfo_item("PBLN_2")))
    counts = (Announcement.objects.count(), Program.objects.count(), ProgramChange.objects.count())
    again = ingest_file(name="a-again.json", content=bizinfo_file(bizinfo_item(), bizinfo_item("PBLN_2")))
    assert (again.records_total, again.records_unchanged, again.programs_created, again.programs_updated) == (
        2,
        2,
        0,
        0,
    )
    assert again.status == IngestionBatch.Status.DONE
    assert (
        (Announcement.objects.count(), Program.objects.count(), ProgramChange.objects.count())
        == counts
        == (
            2,
            2,
            2,
        )
    )


def test_changed_bizinfo_record_updates_its_program(editor):
    ingest_file(name="v1.json", content=bizinfo_file(bizinfo_item()))
    program = Program.objects.get()
    second = ingest_file(
        name="v2.json",
        content=bizinfo_file(bizinfo_item(pblancNm="2025년 구미시 수출기업 지원사업 수정 공고")),
        user=editor,
    )
    assert (second.programs_created, second.programs_updated) == (0, 1)
    assert Announcement.objects.count() == 2
    assert Program.objects.count() == 1
    program.refresh_from_db()
    assert program.title == "2025년 구미시 수출기업 지원사업 수정 공고"
    assert program.announcement.batch == second
    change = ProgramChange.objects.get(action="updated")
    assert change.user == editor
    assert change.changes["title"] == ["2025년 구미시 수출기업 지원사업 공고", program.title]


def test_reimport_keeps_fields_an_editor_corrected_and_logs_the_source_value(editor):
    from matcher.services.programs import program_update

    ingest_file(name="v1.json", content=bizinfo_file(bizinfo_item()))
    program = Program.objects.get()
    program_update(program=program, user=editor, data={"title": "구미 수출기업 해외전시회 참가 지원"})
    changed = bizinfo_item(
        pblancNm="2025년 구미시 수출기업 지원사업 재공고", reqstBeginEndDe="2025-03-02 ~ 2025-04-30"
    )

    for _ in range(2):  # the second run finds nothing new to say
        ingest_file(name="v2.json", content=bizinfo_file(changed))

    program.refresh_from_db()
    assert program.title == "구미 수출기업 해외전시회 참가 지원"  # the correction stands
    assert program.apply_end.isoformat() == "2025-04-30"  # fields nobody edited follow the source
    assert "전시회" in program.search_terms.split()  # matching reads the corrected title
    note = ProgramChange.objects.get(action="source_differs")
    assert note.changes == {"title": ["2025년 구미시 수출기업 지원사업 재공고", program.title]}
    assert "title" not in ProgramChange.objects.get(action="updated").changes


def test_fulltext_notice_merges_with_bizinfo_program():
    ingest_file(name="api.json", content=bizinfo_file(bizinfo_item("PBLN_000000000117953")))
    notice = {
        "key": "bizinfo_PBLN_000000000117953",
        "id": "bizinfo_PBLN_000000000117953",
        "title": "무료 수출컨설팅 공고",
        "structured_excerpt": {"pblancNm": "무료 수출컨설팅 공고", "bsnsSumryCn": "<p>전국</p>"},
        "pdf_text": "지원대상: 전국 중소기업",
    }
    batch = ingest_file(
        name="notices.jsonl", content=(json.dumps(notice, ensure_ascii=False) + "\n").encode()
    )
    assert (batch.format, batch.programs_created, batch.programs_updated) == ("fulltext_jsonl", 0, 1)
    assert Program.objects.get().title == "무료 수출컨설팅 공고"


def test_failed_record_kept_with_reason_while_others_go_in():
    bad = {k: v for k, v in bizinfo_item("PBLN_BAD").items() if k != "pblancId"}
    content = bizinfo_file(bizinfo_item("PBLN_1"), bad, bizinfo_item("PBLN_3"))
    batch = ingest_file(name="mixed.json", content=content)
    assert batch.status == IngestionBatch.Status.DONE_WITH_ERRORS
    assert (batch.records_total, batch.records_done, batch.programs_created, batch.records_failed) == (
        3,
        3,
        2,
        1,
    )
    failed = Announcement.objects.get(status=Announcement.Status.FAILED)
    assert "pblancId" in failed.error
    assert json.loads(failed.raw_content) == bad
    assert set(Program.objects.values_list("source_id", flat=True)) == {"PBLN_1", "PBLN_3"}
    report = IngestionReport.for_batch(batch)
    assert [f.origin for f in report.failures] == ["mixed.json#1"]
    assert "1 failed" in report.as_text() and "pblancId" in report.as_text()


def test_the_staff_lists_show_batches_newest_first_and_a_batchs_failures_alone():
    first = ingest_file(name="first.json", content=bizinfo_file(bizinfo_item("PBLN_1")))
    bad = {k: v for k, v in bizinfo_item("PBLN_BAD").items() if k != "pblancId"}
    second = ingest_file(name="second.json", content=bizinfo_file(bizinfo_item("PBLN_2"), bad))
    assert list(batch_search()) == [second, first]
    every = list(batch_announcements(batch=second))
    assert [a.status for a in every] == [Announcement.Status.EXTRACTED, Announcement.Status.FAILED]
    assert [p.source_id for p in every[0].programs.all()] == ["PBLN_2"]
    assert list(batch_announcements(batch=second, only_failed=True)) == every[1:]
    assert list(batch_announcements(batch=first, only_failed=True)) == []


def test_malformed_json_file_is_one_failed_announcement():
    content = b'{"jsonArray": [{"pblancId": "PBLN_1",'
    batch = ingest_file(name="broken.json", content=content)
    assert batch.status == IngestionBatch.Status.FAILED
    announcement = Announcement.objects.get()
    assert announcement.status == Announcement.Status.FAILED
    assert announcement.error.startswith("malformed JSON")
    assert announcement.raw_content == content.decode()
    assert not Program.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"GIF89a\x00\x01\x00\x01\x00\x80\x00\x00", "binary"),
        (b"\xff\xff\xfe\x80\x80\x80 not text", "undecodable"),
        (b"section_code,section_name,division_code,division_name\nA,x,01,y\n", "not an announcement format"),
    ],
)
def test_bad_files_fail_with_clear_error_and_store_nothing(content, message):
    batch = ingest_file(name="bad.csv" if b"," in content else "bad.bin", content=content)
    assert batch.status == IngestionBatch.Status.FAILED
    assert message in batch.error
    assert not Announcement.objects.exists()
    assert not Program.objects.exists()


def test_oversized_file_reported_and_nothing_ingested(settings):
    settings.INGEST_MAX_BYTES = 1024
    batch = ingest_file(name="big.txt", content=("가나다 " * 400).encode())
    assert batch.status == IngestionBatch.Status.FAILED
    assert "file too large" in batch.error and "1,024" in batch.error
    assert bytes(batch.payload) == b""
    assert not Announcement.objects.exists()


def test_cp949_file_converted_and_reported():
    batch = ingest_file(name="euckr.txt", content=ARTICLE.encode("cp949"))
    assert batch.status == IngestionBatch.Status.DONE
    assert "converted from CP949" in batch.error
    assert Announcement.objects.get().raw_content == ARTICLE


def test_html_scripts_never_stored_in_programs():
    markup = "<h1>창업기업 지원사업 안내</h1><p>시는 창업기업 지원사업을 추진한다.</p><script>document.location='https://evil'</script>"
    ingest_file(name="page.html", content=markup.encode())
    program = Program.objects.get()
    assert "evil" not in program.summary and "<" not in program.summary
    assert Announcement.objects.get().format == "html"


def _half_failing_extractor(record):
    """Two programs; the second has a budget no 64-bit column can hold, so its save fails."""
    good = ExtractedProgram(title="첫 사업", source_id=record.source_id)
    bad = ExtractedProgram(title="둘째 사업", budget_krw=10**20)
    return [good, bad]


def test_record_failing_midway_leaves_no_half_written_program():
    batch = IngestionBatch.objects.create(name="one.json", payload=bizinfo_file(bizinfo_item("PBLN_1")))
    run_ingestion(batch=batch, extractor=_half_failing_extractor)
    batch.refresh_from_db()
    assert (batch.status, batch.records_failed, batch.programs_created) == (
        IngestionBatch.Status.FAILED,
        1,
        0,
    )
    assert not Program.objects.exists()
    assert not ProgramChange.objects.exists()
    failed = Announcement.objects.get()
    assert failed.status == Announcement.Status.FAILED
    assert failed.error  # the database's reason, e.g. an integer overflow
    assert failed.source_id == "PBLN_1"

    # Re-run from the kept raw text with the regular extractor: now it goes in.
    retried = retry_announcement(announcement=failed)
    assert retried.status == Announcement.Status.EXTRACTED
    assert retried.error == ""
    assert Program.objects.get().source_id == "PBLN_1"
    assert Announcement.objects.count() == 1


def test_retry_rejects_announcement_that_did_not_fail():
    ingest_file(name="gumi.txt", content=ARTICLE.encode())
    with pytest.raises(ValueError, match="only a failed"):
        retry_announcement(announcement=Announcement.objects.get())


def test_failed_record_is_retried_when_the_same_content_comes_again():
    batch = IngestionBatch.objects.create(name="one.json", payload=bizinfo_file(bizinfo_item("PBLN_1")))
    run_ingestion(batch=batch, extractor=_half_failing_extractor)
    again = ingest_file(name="one.json", content=bizinfo_file(bizinfo_item("PBLN_1")))
    assert (again.status, again.programs_created) == (IngestionBatch.Status.DONE, 1)
    assert Announcement.objects.get().status == Announcement.Status.EXTRACTED


def _regional_extractor(record):
    return [
        ExtractedProgram(
            title=record.title,
            regions=[Region("경상북도", "구미시"), Region("대구광역시")],
            keywords=["이차전지"],
            source_id=record.source_id,
        )
    ]


def test_program_fields_regions_and_search_terms():
    batch = IngestionBatch.objects.create(name="one.json", payload=bizinfo_file(bizinfo_item("PBLN_1")))
    run_ingestion(batch=batch, extractor=_regional_extractor)
    program = Program.objects.get()
    assert program.regions == [
        {"sido": "경상북도", "sigungu": "구미시"},
        {"sido": "대구광역시", "sigungu": None},
    ]
    assert program.search_terms.split()[-1] == "전지"  # the keyword 이차전지, analysed
    assert program.announcement.source_id == "PBLN_1"


def test_publish_publishes_and_queues_one_refit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        batch = ingest_file(
            name="a.json", content=bizinfo_file(bizinfo_item("PBLN_1"), bizinfo_item("PBLN_2")), publish=True
        )
    assert batch.publish
    assert set(Program.objects.values_list("status", flat=True)) == {Program.Status.PUBLISHED}
    assert all(p.published_at for p in Program.objects.all())
    assert len(callbacks) == 1  # the refit, once per batch


def test_review_batch_queues_no_refit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        ingest_file(name="a.json", content=bizinfo_file(bizinfo_item("PBLN_1")))
    assert callbacks == []
    assert Program.objects.get().status == Program.Status.REVIEW


def test_background_ingestion_is_queued_on_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        batch = ingest_file(name="gumi.txt", content=ARTICLE.encode(), background=True)
        assert IngestionBatch.objects.get(pk=batch.pk).status == IngestionBatch.Status.QUEUED
    # Tasks run in-process in tests (eager), so the commit ran the batch.
    batch.refresh_from_db()
    assert batch.status == IngestionBatch.Status.DONE
    assert Program.objects.count() == 1


def test_kstartup_rows_get_stable_source_ids():
    header = (
        "year,section,type,no,title,summary,support,target,budget_eok,notice_raw,pub_month,ministry,"
        "operator,note,apply_start,apply_end,amount_min,amount_max\n"
    )
    rows = (
        "2024.0,중앙부처,,◇ 사업화 (2건),,,,,,,,,,,,,,\n"
        "2024.0,중앙부처,,1.0,ㆍ예비창업패키지,예비창업자 지원,,,,,,중기부,창업진흥원,,,,,\n"
        "2024.0,중앙부처,,2.0,ㆍ초기창업패키지,초기창업기업 지원,,,,,,중기부,창업진흥원,,,,,\n"
    )
    batch = ingest_file(name="startup.csv", content=(header + rows).encode())
    assert batch.records_total == 2
    assert sorted(Program.objects.values_list("source_id", flat=True)) == ["kstartup2024:1", "kstartup2024:2"]
    assert extract_programs  # the real extractor ran (no substitute passed)


def test_progress_counters_visible_while_running(monkeypatch):
    from matcher.services import ingestion

    monkeypatch.setattr(ingestion, "PROGRESS_SAVE_SECONDS", 0)
    seen: list[int] = []

    def polling_extractor(record):
        # What a progress bar polling the batch row sees when this record starts.
        seen.append(IngestionBatch.objects.get(name="three.json").records_done)
        return extract_programs(record)

    content = bizinfo_file(bizinfo_item("PBLN_1"), bizinfo_item("PBLN_2"), bizinfo_item("PBLN_3"))
    batch = IngestionBatch.objects.create(name="three.json", payload=content)
    run_ingestion(batch=batch, extractor=polling_extractor)
    assert seen == [0, 1, 2]
    batch.refresh_from_db()
    assert (batch.records_total, batch.records_done, batch.progress_percent) == (3, 3, 100)


def test_batch_whose_worker_died_is_queued_again_and_finishes(django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.utils import timezone

    from matcher.services.ingestion import ingestion_requeue_stalled

    content = bizinfo_file(bizinfo_item("PBLN_1"), bizinfo_item("PBLN_2"))
    ingest_file(name="done.json", content=bizinfo_file(bizinfo_item("PBLN_1")))  # stored before the crash
    long_ago = timezone.now() - timedelta(minutes=30)
    dead = IngestionBatch.objects.create(
        name="a.json",
        payload=content,
        status=IngestionBatch.Status.RUNNING,
        records_done=1,
        started_at=long_ago,
        heartbeat_at=long_ago,
    )
    alive = IngestionBatch.objects.create(
        name="b.json", payload=content, status=IngestionBatch.Status.RUNNING, heartbeat_at=timezone.now()
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert ingestion_requeue_stalled(silent_for=timedelta(minutes=15)) == [dead.pk]

    dead.refresh_from_db()
    alive.refresh_from_db()
    assert dead.status == IngestionBatch.Status.DONE  # the queued task ran it to the end
    assert (dead.records_done, dead.programs_created, dead.records_unchanged) == (2, 1, 1)
    assert "다시 대기열" in dead.error
    assert alive.status == IngestionBatch.Status.RUNNING
    assert sorted(Program.objects.values_list("source_id", flat=True)) == ["PBLN_1", "PBLN_2"]


def test_reextract_applies_the_current_extractor_and_keeps_corrections(editor):
    from matcher.services.ingestion import announcements_reextract
    from matcher.services.programs import program_update

    item = bizinfo_item(
        "PBLN_000000000100002",
        pblancNm="[경기] 남부 2025년 제조혁신 지원사업 공고",
        jrsdInsttNm="중소벤처기업부",
    )
    ingest_file(name="v1.json", content=bizinfo_file(bizinfo_item(), item), publish=True)
    gumi, south = Program.objects.order_by("source_id")
    # As an older extractor left them: the area read as the whole 시도, a title an editor then corrected.
    Program.objects.filter(pk=south.pk).update(regions=[{"sido": "경기도", "sigungu": None}])
    program_update(program=gumi, user=editor, data={"title": "구미 수출기업 해외전시회 참가 지원"})

    report = announcements_reextract()

    assert (report.announcements, report.programs_updated, report.programs_created) == (2, 1, 0)
    south.refresh_from_db()
    assert {"sido": "경기도", "sigungu": "평택시"} in south.regions
    assert {"sido": "경기도", "sigungu": "고양시"} not in south.regions
    assert south.status == Program.Status.PUBLISHED
    gumi.refresh_from_db()
    assert gumi.title == "구미 수출기업 해외전시회 참가 지원"
    assert announcements_reextract().programs_updated == 0  # a second run changes nothing


def test_reextract_refits_when_only_the_search_terms_changed(django_capture_on_commit_callbacks):
    from matcher.services.ingestion import announcements_reextract

    ingest_file(name="v1.json", content=bizinfo_file(bizinfo_item()), publish=True)
    program = Program.objects.get()
    fresh = program.search_terms
    # As an older analyser left them: the same fields, other terms.
    Program.objects.filter(pk=program.pk).update(search_terms="전지 양극")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report = announcements_reextract()
    assert (report.programs_updated, report.programs_reanalysed) == (0, 1)
    assert "1 re-analysed" in report.as_text()
    assert len(callbacks) == 1  # the model holds the old terms until it is refitted
    program.refresh_from_db()
    assert program.search_terms == fresh
    assert not program.changes.filter(action="updated").exists()  # nothing a reader would see changed

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        again = announcements_reextract()
    assert (again.programs_reanalysed, callbacks) == (0, [])


def test_reextract_notes_programs_a_record_no_longer_yields_and_leaves_their_status(editor):
    from matcher.services.ingestion import announcements_reextract
    from matcher.services.programs import program_split

    ingest_file(name="gumi.txt", content=ARTICLE.encode(), publish=True)
    extracted = Program.objects.get()
    announcement = extracted.announcement
    # What an older, looser extractor also made of this article: a second program it no longer finds.
    stale = Program.objects.create(
        announcement=announcement, position=1, title="옛 추출기가 만든 사업", status=Program.Status.PUBLISHED
    )
    ProgramChange.objects.create(program=stale, program_title=stale.title, action="created", changes={})
    # A copy an editor split off is staff work, not the extractor's: it is not reported.
    _, copy = program_split(program=extracted, user=editor, titles=[extracted.title, "분할한 사업"])

    report = announcements_reextract()

    assert report.dropped == [f"#{stale.pk} 옛 추출기가 만든 사업 (게시)"]
    assert "1 no longer found" in report.as_text()
    stale.refresh_from_db()
    assert stale.status == Program.Status.PUBLISHED  # publishing stays an editor's decision
    note = stale.changes.order_by("-pk").first()
    assert (note.action, note.changes) == ("source_dropped", {"source": [announcement.origin, None]})
    assert not copy.changes.filter(action="source_dropped").exists()
    announcements_reextract()
    assert stale.changes.filter(action="source_dropped").count() == 1  # noted once, not per run


def test_reextract_reads_only_the_newest_record_of_a_source_id():
    from matcher.services.ingestion import announcements_reextract

    pblanc = "PBLN_000000000100003"
    older = bizinfo_item(pblanc, pblancNm="2025년 구미시 수출 지원")
    newer = bizinfo_item(pblanc, pblancNm="2025년 구미시 수출기업 해외전시회 지원")
    ingest_file(name="v1.json", content=bizinfo_file(older))
    ingest_file(name="v2.json", content=bizinfo_file(newer))
    program = Program.objects.get()
    assert Announcement.objects.filter(source_id=pblanc).count() == 2
    Program.objects.filter(pk=program.pk).update(title="옛 추출기의 제목")
    updates_before = program.changes.filter(action="updated").count()

    report = announcements_reextract()

    assert (report.announcements, report.superseded, report.programs_updated) == (1, 1, 1)
    program.refresh_from_db()
    assert program.title == "2025년 구미시 수출기업 해외전시회 지원"
    # Reading both versions would flip the program back and forth and log it on every run.
    assert announcements_reextract().programs_updated == 0
    assert program.changes.filter(action="updated").count() == updates_before + 1
