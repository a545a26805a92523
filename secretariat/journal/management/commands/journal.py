"""`secretariat journal verify|head`: check the hash chain, print the head.

`verify` exits 0 when every entry holds and 1 naming the first bad sequence number otherwise, so it
can run from cron or CI and be trusted by anyone holding a copy of the database.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from secretariat.journal.selectors import journal_head, verify_journal


class Command(BaseCommand):
    help = "Journal tools: `verify` recomputes the hash chain; `head` prints size and head hash."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        verify = sub.add_parser("verify", help="recompute every entry's hash and link")
        verify.add_argument("--json", action="store_true", help="print the result as JSON")
        head = sub.add_parser("head", help="print the number of entries and the head hash")
        head.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "head":
            head = journal_head()
            if options["json"]:
                self.stdout.write(json.dumps(head.__dict__))
            else:
                self.stdout.write(f"{head.size} entries, head {head.head_hash}")
            return
        result = verify_journal()
        if options["json"]:
            self.stdout.write(json.dumps(result.__dict__))
        if not result.ok:
            raise CommandError(
                f"journal verification FAILED at entry {result.first_bad_seq}: {result.problem} "
                f"({result.entries_checked} entries before it are intact)"
            )
        if not options["json"]:
            self.stdout.write(
                f"journal OK: {result.entries_checked} entries, head {result.head_hash}"
            )
