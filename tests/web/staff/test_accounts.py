import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def test_roles_exist_after_migrate():
    editor = Group.objects.get(name="editor")
    viewer = Group.objects.get(name="viewer")
    assert editor.permissions.filter(codename="publish_program").exists()
    assert not viewer.permissions.filter(codename="publish_program").exists()
    assert viewer.permissions.filter(codename="view_program").exists()


def test_create_staff_command_creates_and_updates(monkeypatch):
    monkeypatch.setenv("STAFF_PASSWORD", "a-long-staff-password-2025")
    call_command("create_staff", "kim", "--role", "viewer", "--email", "kim@agency.kr")
    user = get_user_model().objects.get(username="kim")
    assert user.is_staff and user.check_password("a-long-staff-password-2025")
    assert not user.has_perm("matcher.publish_program")
    assert user.has_perm("matcher.view_program")

    call_command("create_staff", "kim", "--role", "editor", "--keep-password")
    user = get_user_model().objects.get(username="kim")
    assert user.has_perm("matcher.publish_program")
    assert list(user.groups.values_list("name", flat=True)) == ["editor"]


def test_create_staff_refuses_a_weak_password(monkeypatch):
    monkeypatch.setenv("STAFF_PASSWORD", "1234")
    with pytest.raises(CommandError):
        call_command("create_staff", "lee", "--role", "editor")
    assert not get_user_model().objects.filter(username="lee").exists()
