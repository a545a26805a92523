"""`secretariat entrybans import FILE | export [--state XX] | expire`: the register's commands.

`expire` is the scheduled run for cron (hourly: every step acts once, so repeating it is safe):
it warns issuing states four months before a review date, deletes (erasing personal data,
journaled) every listing whose review date has come without an extension, escalates (journaled)
every purpose-achieved notice left unanswered past its 15 days and every hit report left
unanswered past its 12 hours, and purges access-log rows older than three years.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import DomainError
from secretariat.core.permissions import actor_for
from secretariat.core.progress import progress_for, summary
from secretariat.entrybans import ftm, services
from secretariat.entrybans.models import Listing, ListingStatus


def command_actor(username: str | None, default: str) -> Actor:
    """The user a command acts as (`--as`), or the system on the operator's behalf."""
    if not username:
        return Actor.system(default)
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"no user {username!r}")
    return actor_for(user)


class Command(BaseCommand):
    help = "The entry-ban register: import or export FollowTheMoney files, run expiry."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        imp = sub.add_parser("import", help="enter or change listings from FtM JSON lines")
        imp.add_argument(
            "file",
            type=Path,
            help="a .jsonl file of Person and Sanction entities ('-' reads stdin)",
        )
        imp.add_argument("--as", dest="as_user", help="act as this user (default: the system)")
        exp = sub.add_parser("export", help="write listings as FtM JSON lines to stdout")
        exp.add_argument("--state", help="only this issuing state's listings")
        run = sub.add_parser(
            "expire",
            help="warn, delete expired listings, escalate notices and hit reports, purge old logs",
        )
        run.add_argument("--today", type=dt.date.fromisoformat, help="run as of this date")

    def handle(self, *args: Any, **options: Any) -> None:
        verb = options["verb"]
        try:
            if verb == "import":
                self._import(options)
            elif verb == "export":
                self._export(options)
            else:
                counts = services.expire_listings(
                    Actor.system("entrybans-expire"), today=options["today"]
                )
                self.stdout.write(
                    f"warned {counts['warned']}, deleted {counts['deleted']}, "
                    f"purpose-achieved notices escalated {counts['notices_escalated']}, "
                    f"hit reports escalated {counts['hit_reports_escalated']}, "
                    f"access-log rows purged {counts['log_rows_purged']}"
                )
        except DomainError as exc:
            raise CommandError(f"nothing written: {exc.message}") from None

    def _import(self, options: dict[str, Any]) -> None:
        path: Path = options["file"]
        try:
            lines = (
                sys.stdin.read().splitlines()
                if str(path) == "-"
                else path.read_text(encoding="utf-8").splitlines()
            )
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"cannot read {path}: {exc}") from None
        actor = command_actor(options["as_user"], "entrybans-import")
        records = ftm.parse_lines(lines)
        with progress_for(_("importing listings"), len(records)) as bar:

            def counted(rows: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
                for row in rows:
                    yield row
                    bar.advance()

            counts = services.import_listings(actor, counted(records))
        line = (
            f"listings created {counts['created']}, changed {counts['updated']}, "
            f"unchanged {counts['unchanged']}"
        )
        summary(
            self.stdout,
            _("Listings imported"),
            [
                (_("created"), counts["created"]),
                (_("changed"), counts["updated"]),
                (_("unchanged"), counts["unchanged"]),
            ],
            [line],
        )

    def _export(self, options: dict[str, Any]) -> None:
        rows = Listing.objects.exclude(status=ListingStatus.DELETED).prefetch_related(
            "names", "documents"
        )
        if options["state"]:
            rows = rows.filter(issuing_state=options["state"].upper())
        for line in ftm.export_lines(rows):
            self.stdout.write(line)
