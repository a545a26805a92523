"""`secretariat create-user NAME --role delegation --state BY [--token]`: an account with a role."""

from __future__ import annotations

import getpass
import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import DomainError
from secretariat.core.services import create_user_with_role, issue_api_token


class Command(BaseCommand):
    help = "Create a user with a role (delegation, secretariat, border_officer, auditor)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True)
        parser.add_argument("--state", help="ISO alpha-2 code, for delegation and border_officer")
        parser.add_argument(
            "--password-env",
            default="SECRETARIAT_PASSWORD",
            help="read the password from this environment variable (default: prompt)",
        )
        parser.add_argument("--token", action="store_true", help="also issue an API token")

    def handle(self, *args: Any, **options: Any) -> None:
        password = os.environ.get(options["password_env"]) or getpass.getpass("Password: ")
        actor = Actor.system("cli:create-user")
        try:
            user = create_user_with_role(
                actor,
                username=options["username"],
                password=password,
                role=options["role"],
                state=options["state"],
            )
        except DomainError as exc:
            raise CommandError(f"user not created: {exc.message}") from None
        self.stdout.write(f"created {user.get_username()} ({options['role']})")
        if options["token"]:
            self.stdout.write(
                f"API token (shown once): {issue_api_token(actor, user=user, name='cli')}"
            )
