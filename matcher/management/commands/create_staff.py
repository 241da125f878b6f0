"""``manage.py create_staff USERNAME --role editor|viewer``: a staff account with one role.

The password is read from ``STAFF_PASSWORD`` or asked for on a terminal, never
taken from the command line (it would end up in shell history).
"""

from __future__ import annotations

import getpass
import os
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from matcher.services.accounts import ROLE_PERMISSIONS, grant_role


class Command(BaseCommand):
    help = "Create or update a staff account with the editor or viewer role."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=sorted(ROLE_PERMISSIONS))
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--keep-password",
            action="store_true",
            help="for an existing user: only change the role",
        )

    def handle(self, *args, username: str, role: str, email: str, keep_password: bool, **options) -> None:
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        created = user is None
        password = None
        if created or not keep_password:
            password = self._read_password()
        with transaction.atomic():
            if created:
                user = User(username=username, email=email, is_staff=True)
            elif email:
                user.email = email
            if password is not None:
                try:
                    validate_password(password, user)
                except ValidationError as exc:
                    raise CommandError(" ".join(exc.messages)) from None
                user.set_password(password)
            user.is_staff = True
            user.save()
            grant_role(user=user, role=role)
        verb = "created" if created else "updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} staff user {username!r} with role {role}"))

    def _read_password(self) -> str:
        from_env = os.environ.get("STAFF_PASSWORD")
        if from_env:
            return from_env
        if not sys.stdin.isatty():
            raise CommandError("set STAFF_PASSWORD or run on a terminal to type the password")
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("passwords do not match")
        return first
