"""Outsiders and anonymous users never see staff pages or firm data; viewers cannot change anything."""

import pytest
from django.urls import reverse

from matcher.models import Firm, IngestionBatch, Program, ProgramChange
from tests.factories import make_firm, make_program

pytestmark = pytest.mark.django_db


def _staff_urls(program: Program, batch: IngestionBatch) -> list[str]:
    return [
        reverse("staff:dashboard"),
        reverse("staff:program_list"),
        reverse("staff:program_detail", args=[program.pk]),
        reverse("staff:program_edit", args=[program.pk]),
        reverse("staff:program_split", args=[program.pk]),
        reverse("staff:program_merge", args=[program.pk]),
        reverse("staff:program_firms", args=[program.pk]),
        reverse("staff:program_firms_export", args=[program.pk, "csv"]),
        reverse("staff:program_firms_export", args=[program.pk, "xlsx"]),
        reverse("staff:firm_list"),
        reverse("staff:firm_import"),
        reverse("staff:ingest"),
        reverse("staff:batch_list"),
        reverse("staff:batch_detail", args=[batch.pk]),
        reverse("staff:batch_status", args=[batch.pk]),
    ]


@pytest.fixture
def program():
    return make_program()


@pytest.fixture
def batch():
    return IngestionBatch.objects.create(name="a.csv")


def test_anonymous_is_sent_to_login(client, program, batch):
    make_firm()
    for url in _staff_urls(program, batch):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("staff:login") + "?next="), url


@pytest.mark.parametrize("who", ["outsider", "owner"])
def test_signed_in_non_staff_get_403_everywhere(client, request, who, program, batch):
    make_firm()
    client.force_login(request.getfixturevalue(who))
    for url in _staff_urls(program, batch):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "구미배터리" not in response.content.decode(), url


def test_staff_flag_without_a_role_is_not_enough(client, django_user_model, program, batch):
    user = django_user_model.objects.create_user("flagged", password="pw-pw-pw-pw", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("staff:dashboard")).status_code == 403
    assert client.get(reverse("staff:firm_list")).status_code == 403


def test_anonymous_and_outsider_cannot_post_changes(client, outsider, program):
    for _ in range(2):
        for name in ("staff:program_publish", "staff:program_unpublish"):
            response = client.post(reverse(name, args=[program.pk]))
            assert response.status_code in (302, 403)
        response = client.post(reverse("staff:program_edit", args=[program.pk]), {"title": "hacked"})
        assert response.status_code in (302, 403)
        client.force_login(outsider)
    program.refresh_from_db()
    assert program.status == Program.Status.REVIEW
    assert program.title != "hacked"
    assert not ProgramChange.objects.exists()


def test_viewer_reads_but_cannot_change(client, viewer, program, batch):
    client.force_login(viewer)
    detail = client.get(reverse("staff:program_detail", args=[program.pk]))
    assert detail.status_code == 200
    html = detail.content.decode()
    assert "열람 전용" in html
    assert reverse("staff:program_publish", args=[program.pk]) not in html
    assert reverse("staff:program_edit", args=[program.pk]) not in html

    forbidden = [
        ("post", reverse("staff:program_publish", args=[program.pk]), {}),
        ("post", reverse("staff:program_unpublish", args=[program.pk]), {}),
        ("get", reverse("staff:program_edit", args=[program.pk]), {}),
        ("post", reverse("staff:program_edit", args=[program.pk]), {"title": "바뀜"}),
        ("post", reverse("staff:program_split", args=[program.pk]), {"titles": "a\nb"}),
        ("post", reverse("staff:program_merge", args=[program.pk]), {"other": program.pk}),
        ("get", reverse("staff:ingest"), {}),
        ("post", reverse("staff:ingest"), {"text": "기사"}),
        ("post", reverse("staff:firm_import"), {}),
    ]
    for method, url, data in forbidden:
        assert getattr(client, method)(url, data).status_code == 403, url
    # The firm list is readable, but posting a new firm is refused.
    assert client.get(reverse("staff:firm_list")).status_code == 200
    response = client.post(reverse("staff:firm_list"), {"name": "x", "sector": "y", "address": "경북 구미시"})
    assert response.status_code == 403

    program.refresh_from_db()
    assert program.status == Program.Status.REVIEW
    assert program.title == "구미 이차전지 소재 기업 시제품 제작 지원"
    assert Program.objects.count() == 1
    assert not ProgramChange.objects.exists()
    assert not Firm.objects.exists()
    assert IngestionBatch.objects.count() == 1


def test_login_page_signs_staff_in_and_lands_on_the_dashboard(client, editor):
    page = client.get(reverse("staff:login"))
    assert page.status_code == 200
    response = client.post(
        reverse("staff:login"), {"username": "editor", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    assert response.url == reverse("staff:dashboard")
    assert client.get(reverse("staff:dashboard")).status_code == 200
    assert client.post(reverse("staff:logout")).status_code == 302
    assert client.get(reverse("staff:dashboard")).status_code == 302
