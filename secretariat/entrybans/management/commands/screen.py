"""`secretariat screen NAME [--birth-date D] [--nationality C] [--json]`, or `--batch` to read
JSON lines (`{"name": …, "birth_date": …, "nationality": …, "documents": […]}`) from a file or
stdin and write one JSON line of hits per query, in the order read. Every query is written to the
access log. A batch is shared among `--workers` processes (default: one per CPU).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from secretariat.core.domain.errors import DomainError
from secretariat.core.progress import progress_for, summary_on_terminal
from secretariat.entrybans import registry
from secretariat.entrybans.management.commands.entrybans import command_actor
from secretariat.entrybans.screening.score import USES

CHUNK = 1000


class Command(BaseCommand):
    help = "Screen a name (or JSON lines of names) against the entry-ban register."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", nargs="?", help="the name to screen, in any script")
        parser.add_argument("--birth-date", help="YYYY-MM-DD, YYYY-MM or YYYY")
        parser.add_argument("--nationality", help="ISO 3166 code")
        parser.add_argument("--document", action="append", default=[], help="a document number")
        parser.add_argument("--use", choices=sorted(USES), default="border")
        parser.add_argument("--limit", type=int, default=5)
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.add_argument(
            "--batch", metavar="FILE", help="JSON lines in ('-' for stdin), JSON lines out"
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=os.cpu_count() or 1,
            help="processes sharing a batch (default: one per CPU)",
        )
        parser.add_argument("--as", dest="as_user", help="act as this user (default: the system)")

    def handle(self, *args: Any, **options: Any) -> None:
        actor = command_actor(options["as_user"], "screen-cli")
        try:
            if options["batch"]:
                self._batch(actor, options)
                return
            if not options["name"]:
                raise CommandError("give a NAME, or --batch FILE")
            query = registry.NameQuery(
                options["name"],
                options["birth_date"],
                options["nationality"],
                tuple(options["document"]),
            )
            hits = registry.screen_names(
                actor, [query], use=options["use"], limit=options["limit"]
            )[0]
        except DomainError as exc:
            raise CommandError(exc.message) from None
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {"query": options["name"], "use": options["use"], "hits": hits},
                    ensure_ascii=False,
                )
            )
            return
        if not hits:
            self.stdout.write("no match")
        for hit in hits:
            self.stdout.write(
                f"{hit['decision'].upper():16} {hit['score']:.3f}  {hit['reference']}  {hit['name']}"
                f"  (issuing state {hit['issuing_state']}, action: {hit['action_on_hit']}, contact: {hit['contact']})"
            )
            for line in hit["explanation"]:
                self.stdout.write(f"    {line}")

    def _batch(self, actor: Any, options: dict[str, Any]) -> None:
        if options["workers"] < 1:
            raise CommandError("--workers is 1 or more")
        source = sys.stdin if options["batch"] == "-" else open(options["batch"], encoding="utf-8")  # noqa: SIM115
        # A file's lines are counted first (cheap beside screening), so the bar has an end.
        total = None if source is sys.stdin else sum(1 for line in source if line.strip())
        if total is not None:
            source.seek(0)
        started = time.monotonic()
        screened = with_hits = 0
        with (
            source,
            registry.BatchWorkers(options["workers"]) as workers,
            progress_for(_("screening names"), total) as bar,
        ):
            answered = registry.screen_batches(
                actor,
                self._chunks(source),
                workers=workers,
                use=options["use"],
                limit=options["limit"],
            )
            for chunk, answers in answered:
                for query, hits in zip(chunk, answers, strict=True):
                    self.stdout.write(
                        json.dumps({"query": query.name, "hits": hits}, ensure_ascii=False)
                    )
                    with_hits += bool(hits)
                screened += len(chunk)
                bar.advance(len(chunk))
        seconds = time.monotonic() - started
        summary_on_terminal(
            _("Batch screened"),
            [
                (_("names screened"), screened),
                (_("names with a hit"), with_hits),
                (_("seconds"), f"{seconds:.1f}"),
                (_("names per second"), f"{screened / seconds:.0f}" if seconds else "-"),
            ],
        )

    def _chunks(self, source: Iterable[str]) -> Iterator[list[registry.NameQuery]]:
        """The queries read, `CHUNK` at a time; a line that is not a JSON object stops the batch
        (the lines before it are answered)."""
        chunk: list[registry.NameQuery] = []
        for number, line in enumerate(source, start=1):
            if not line.strip():
                continue
            try:
                chunk.append(registry.name_query(json.loads(line)))
            except (json.JSONDecodeError, AttributeError):
                raise CommandError(f"line {number}: not a JSON object") from None
            if len(chunk) == CHUNK:
                yield chunk
                chunk = []
        if chunk:
            yield chunk
