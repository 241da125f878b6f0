"""The Django admin shows raw records; program edits there are audited too."""

import pytest
from django.urls import reverse

from matcher.models import ProgramChange
from tests.factories import make_firm, make_program

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.kr", "pw-root-pw-root")


def test_changelists_render(client, superuser):
    make_program()
    make_firm()
    client.force_login(superuser)
    for model in (
        "announcement",
        "ingestionbatch",
        "program",
        "programchange",
        "firm",
        "savedprofile",
        "alertdelivery",
        "matchermodelversion",
        "matchlog",
    ):
        assert client.get(reverse(f"admin:matcher_{model}_changelist")).status_code == 200, model


def test_admin_edit_of_a_program_is_recorded(client, superuser):
    program = make_program()
    client.force_login(superuser)
    url = reverse("admin:matcher_program_change", args=[program.pk])
    form = client.get(url).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            value = ""
        elif isinstance(value, bool):
            if not value:
                continue
            value = "on"
        elif isinstance(value, (list, dict)):
            value = field.prepare_value(value)
        data[name] = value
    data["title"] = "관리자가 고친 이름"

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    change = ProgramChange.objects.get(program=program)
    assert change.action == "edited (admin)"
    assert change.user == superuser
    assert change.changes["title"] == ["구미 이차전지 소재 기업 시제품 제작 지원", "관리자가 고친 이름"]


def test_viewer_cannot_use_the_admin_to_change_programs(client, viewer):
    program = make_program()
    client.force_login(viewer)
    response = client.post(reverse("admin:matcher_program_change", args=[program.pk]), {"title": "x"})
    assert response.status_code == 403
    program.refresh_from_db()
    assert program.title != "x"
