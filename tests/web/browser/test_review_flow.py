"""An editor signs in, opens the review queue, edits a field and publishes — in a real browser."""

import pytest

from matcher.models import Program, ProgramChange
from tests.factories import make_program

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_edits_and_publishes_a_program(page, live_server, editor, screenshot_dir):
    program = make_program(title="구미 이차전지 시제품 지원")

    page.goto(f"{live_server.url}/staff/programs/")
    # Anonymous: the login page first, then back to the queue.
    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct-horse-battery")
    page.click("button[type=submit]")
    page.wait_for_url("**/staff/programs/")
    page.screenshot(path=str(screenshot_dir / "review-queue.png"), full_page=True)

    page.click(f"text={program.title}")
    page.wait_for_url(f"**/staff/programs/{program.pk}/")
    assert page.inner_text("#field-budget_krw").count("총 20억원 규모로 <b>지원</b>합니다.") == 1

    page.click("a.button:has-text('수정')")
    page.fill("#id_title", "구미 이차전지 시제품 제작 지원(검토 완료)")
    page.click("button.primary:has-text('저장')")
    page.wait_for_url(f"**/staff/programs/{program.pk}/")
    assert "변경 내용을 저장했습니다" in page.inner_text(".messages")

    page.click("button.primary:has-text('게시')")
    page.wait_for_url(f"**/staff/programs/{program.pk}/")
    assert "게시했습니다" in page.inner_text(".messages")
    page.screenshot(path=str(screenshot_dir / "review-published.png"), full_page=True)

    program.refresh_from_db()
    assert program.title == "구미 이차전지 시제품 제작 지원(검토 완료)"
    assert program.status == Program.Status.PUBLISHED
    assert list(ProgramChange.objects.order_by("id").values_list("action", flat=True)) == [
        "edited",
        "published",
    ]
    assert "수정" in page.inner_text("table.changes")
