"""Staff roles. An editor changes and publishes programs; a viewer only looks."""

from __future__ import annotations

from typing import Literal

from django.contrib.auth.models import AbstractBaseUser, Group, Permission

Role = Literal["editor", "viewer"]

_VIEW = [
    "view_program",
    "view_announcement",
    "view_ingestionbatch",
    "view_firm",
    "view_programchange",
    "view_savedprofile",
]
_EDIT = [
    "add_program",
    "change_program",
    "publish_program",
    "add_ingestionbatch",
    "change_announcement",
    "add_firm",
    "change_firm",
    "delete_firm",
]
ROLE_PERMISSIONS: dict[str, list[str]] = {"viewer": _VIEW, "editor": _VIEW + _EDIT}


def ensure_roles() -> dict[str, Group]:
    """Create (or bring up to date) the editor and viewer groups."""
    groups = {}
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        perms = Permission.objects.filter(content_type__app_label="matcher", codename__in=codenames)
        group.permissions.set(perms)
        groups[role] = group
    return groups


def grant_role(*, user: AbstractBaseUser, role: Role) -> None:
    """Give a staff user one role (replacing the other)."""
    if role not in ROLE_PERMISSIONS:
        raise ValueError(f"unknown role {role!r}")
    groups = ensure_roles()
    user.groups.remove(*groups.values())
    user.groups.add(groups[role])
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
