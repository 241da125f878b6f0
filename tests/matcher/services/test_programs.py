import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matcher.models import Program, ProgramChange
from matcher.services.firms import firm_search
from matcher.services.programs import (
    SOURCE_TAB,
    program_duplicate_candidates,
    program_history,
    program_merge,
    program_publish,
    program_search,
    program_split,
    program_status_counts,
    program_unpublish,
    program_update,
)
from tests.factories import make_firm, make_program

pytestmark = pytest.mark.django_db


def test_update_records_old_and_new_values_of_changed_fields_only(editor):
    program = make_program()

    change = program_update(
        program=program,
        user=editor,
        data={"title": "새 사업명", "agency": program.agency, "keywords": ["이차전지", "소재"]},
    )

    program.refresh_from_db()
    assert program.title == "새 사업명"
    assert change.action == "edited"
    assert change.user == editor
    assert change.changes == {
        "title": ["구미 이차전지 소재 기업 시제품 제작 지원", "새 사업명"],
        "keywords": [["이차전지", "시제품"], ["이차전지", "소재"]],
    }


def test_edited_text_is_what_matching_reads(editor):
    program = make_program()
    assert "드론" not in program.search_terms.split()

    program_update(program=program, user=editor, data={"summary": "산업용 드론 부품 시제품 제작 지원"})
    program.refresh_from_db()
    assert "드론" in program.search_terms.split()

    parts = program_split(program=program, user=editor, titles=["드론 시제품 지원", "로봇 시제품 지원"])
    assert "로봇" in parts[1].search_terms.split()
    assert "로봇" not in Program.objects.get(pk=program.pk).search_terms.split()


def test_update_stores_dates_as_iso_strings_in_the_audit(editor):
    import datetime as dt

    program = make_program()
    change = program_update(program=program, user=editor, data={"apply_end": dt.date(2025, 5, 31)})
    assert change.changes == {"apply_end": ["2025-04-30", "2025-05-31"]}


def test_update_without_changes_records_nothing(editor):
    program = make_program()
    assert program_update(program=program, user=editor, data={"title": program.title}) is None
    assert not ProgramChange.objects.exists()


def test_viewer_cannot_update_or_publish(viewer):
    program = make_program()
    with pytest.raises(PermissionDenied):
        program_update(program=program, user=viewer, data={"title": "x"})
    with pytest.raises(PermissionDenied):
        program_publish(program=program, user=viewer)
    program.refresh_from_db()
    assert program.status == Program.Status.REVIEW
    assert program.title != "x"


def test_publish_sets_status_time_and_audit_and_queues_refit(editor, django_capture_on_commit_callbacks):
    program = make_program()

    with django_capture_on_commit_callbacks() as callbacks:
        program_publish(program=program, user=editor)

    program.refresh_from_db()
    assert program.status == Program.Status.PUBLISHED
    assert program.published_at is not None
    assert len(callbacks) == 1  # the refit, queued for after commit
    change = ProgramChange.objects.get(program=program)
    assert (change.action, change.changes) == ("published", {"status": ["review", "published"]})


def test_unpublish_withdraws_the_program(editor):
    program = make_program()
    program_publish(program=program, user=editor)
    program_unpublish(program=program, user=editor)
    program.refresh_from_db()
    assert program.status == Program.Status.UNPUBLISHED
    assert list(Program.objects.published()) == []
    assert [c.action for c in ProgramChange.objects.order_by("id")] == ["published", "unpublished"]


def test_split_keeps_the_original_and_copies_fields_to_the_new_program(editor):
    program = make_program(source_id="PBLN_1")

    parts = program_split(program=program, user=editor, titles=["청년 창업 지원", "시니어 창업 지원"])

    original, new = parts
    original.refresh_from_db()
    assert original.pk == program.pk and original.title == "청년 창업 지원"
    assert original.source_id == "PBLN_1"
    assert new.title == "시니어 창업 지원"
    assert new.source_id is None
    assert new.status == Program.Status.REVIEW
    assert new.evidence == program.evidence
    assert new.regions == program.regions
    assert set(ProgramChange.objects.values_list("action", flat=True)) == {"split"}
    assert ProgramChange.objects.get(program=new).changes["split_from"] == [None, program.pk]


def test_split_needs_two_titles(editor):
    program = make_program()
    with pytest.raises(ValidationError):
        program_split(program=program, user=editor, titles=["하나"])


def test_merge_unites_lists_fills_blanks_and_unpublishes_the_duplicate(editor):
    target = make_program(contact="", keywords=["이차전지"], evidence={"regions": ["a"]})
    other = make_program(
        title="중복",
        contact="054-000-0000",
        keywords=["이차전지", "소재"],
        regions=[{"sido": "대구광역시", "sigungu": None}],
        evidence={"regions": ["b"], "contact": ["문의 054-000-0000"]},
    )

    program_merge(target=target, other=other, user=editor)

    target.refresh_from_db()
    other.refresh_from_db()
    assert target.keywords == ["이차전지", "소재"]
    assert target.contact == "054-000-0000"
    assert {"sido": "대구광역시", "sigungu": None} in target.regions
    assert target.evidence == {"regions": ["a", "b"], "contact": ["문의 054-000-0000"]}
    assert other.status == Program.Status.UNPUBLISHED
    merged = ProgramChange.objects.get(program=target)
    assert merged.action == "merged"
    assert merged.changes["contact"] == ["", "054-000-0000"]
    assert merged.changes["merged_from"] == [None, other.pk]


def test_merge_into_itself_is_refused(editor):
    program = make_program()
    with pytest.raises(ValidationError):
        program_merge(target=program, other=program, user=editor)


def test_who_beyond_its_regions_may_apply_is_stored_as_the_engine_reads_it():
    from matcher.engine.eligibility import OUTSIDE_APPLICANTS, FirmFacts, decide
    from matcher.engine.regions import Region
    from matcher.services.model_store import program_facts

    assert tuple(Program.OutsideApplicants.values) == OUTSIDE_APPLICANTS
    program = make_program(outside_applicants=Program.OutsideApplicants.ACTIVITY)
    facts = program_facts(program)
    assert facts.outside_applicants == "activity"
    assert decide(facts, FirmFacts(Region("제주특별자치도", "제주시"), firm_type="중소기업")).eligible


def test_the_staff_list_filters_by_status_source_notes_and_words(editor):
    review = make_program(title="구미 이차전지 소재 지원", agency="구미시")
    published = make_program(title="포항 수소 연료전지 지원", status=Program.Status.PUBLISHED)
    noted = make_program(title="경주 관광 숙박 지원", status=Program.Status.PUBLISHED)
    ProgramChange.objects.create(program=noted, action="source_differs", changes={})

    assert set(program_search(status=Program.Status.REVIEW)) == {review}
    assert set(program_search(status=Program.Status.PUBLISHED)) == {published, noted}
    assert list(program_search(status=SOURCE_TAB)) == [noted]
    assert set(program_search()) == {review, published, noted}
    assert list(program_search(query="구미시")) == [review]  # the agency counts too
    assert list(program_search(status=Program.Status.PUBLISHED, query="연료전지")) == [published]
    counts = program_status_counts()
    assert counts[Program.Status.REVIEW] == 1 and counts[Program.Status.PUBLISHED] == 2
    assert counts[SOURCE_TAB] == 1
    # Any later staff action takes a program off the source-notes tab.
    program_update(program=noted, user=editor, data={"agency": "경주시"})
    assert program_status_counts()[SOURCE_TAB] == 0


def test_duplicate_candidates_share_the_title_or_the_announcement():
    program = make_program(source_id="PBLN_1")
    again = make_program(source_id="PBLN_2")  # the same title: posted again
    make_program(title="다른 사업")
    assert list(program_duplicate_candidates(program=program)) == [again]


def test_the_firm_list_searches_names_and_sectors():
    battery = make_firm(name="구미배터리", sector="이차전지 소재")
    mould = make_firm(name="창원정밀", sector="자동차 금형")
    assert list(firm_search()) == [battery, mould]
    assert list(firm_search(query="금형")) == [mould]
    assert list(firm_search(query="배터리")) == [battery]


def test_a_programs_history_is_newest_first_with_who_changed_it(editor):
    program = make_program()
    program_update(program=program, user=editor, data={"title": "첫 수정"})
    program_publish(program=program, user=editor)
    history = program_history(program=program)
    assert [change.action for change in history] == ["published", "edited"]
    assert all(change.user == editor for change in history)
    assert program_history(program=make_program()) == []
