"""`secretariat depositary import|status|export|schema`: the depositary from the command line.

- `import FILE` checks the whole file first (every error printed with its JSON path, exit 1, nothing
  written), then stores it through the services as the secretariat (journaled, notified);
- `status FILE_OR_INSTRUMENT [--as-of DATE] [--json]` prints the instrument's entry into force and
  every state's standing and own date, from a file (nothing stored) or from an instrument's code;
- `export CODE|--all [--as-of DATE]` writes the import format to standard output;
- `schema` prints the JSON Schema of the format.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import DomainError
from secretariat.core.progress import progress_for, summary
from secretariat.depositary import interchange, selectors


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--as-of must be a date written YYYY-MM-DD; got {value!r}") from None


class Command(BaseCommand):
    help = (
        "Depositary tools: `import FILE` stores an instrument's status file, `status "
        "FILE_OR_INSTRUMENT` computes entry into force, `export` writes the JSON format, "
        "`schema` prints its JSON Schema."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        load = sub.add_parser("import", help="check a file and store it through the services")
        load.add_argument("file")
        load.add_argument("--as", dest="actor", default="import", help="name in the journal")
        status = sub.add_parser("status", help="entry into force and each state's status")
        status.add_argument("source", help="a JSON file in the format, or an instrument's code")
        status.add_argument("--as-of", dest="as_of", type=_date, default=None)
        status.add_argument("--json", action="store_true", help="print JSON")
        export = sub.add_parser("export", help="write the format to standard output")
        export.add_argument("code", nargs="?")
        export.add_argument("--all", action="store_true")
        export.add_argument("--as-of", dest="as_of", type=_date, default=None)
        sub.add_parser("schema", help="print the JSON Schema")

    def handle(self, *args: Any, **options: Any) -> None:
        command = options["subcommand"]
        if command == "import":
            self._import(Path(options["file"]), options["actor"])
        elif command == "status":
            self._status(options["source"], options["as_of"] or dt.date.today(), options["json"])
        elif command == "export":
            self._export(options["code"], options["all"], options["as_of"])
        else:
            self.stdout.write(json.dumps(interchange.schema(), indent=1, ensure_ascii=False))

    def _fail(self, errors: list[str]) -> None:
        for error in errors:
            self.stderr.write(error)
        raise CommandError(f"{len(errors)} error(s); nothing was written")

    def _import(self, path: Path, actor_name: str) -> None:
        try:
            with progress_for(_("importing %(file)s") % {"file": path.name}, 2) as bar:
                bar.stage(_("checking the file"))
                document = interchange.load_file(path)
                bar.stage(_("storing through the services"))
                counts = interchange.store(
                    document, Actor.system(f"depositary-import:{actor_name}")
                )
        except interchange.InvalidDocument as exc:
            self._fail(exc.errors)
            return
        line = ", ".join(f"{key} {value}" for key, value in sorted(counts.items()))
        summary(
            self.stdout,
            _("Imported %(file)s") % {"file": path.name},
            sorted(counts.items()),
            [f"imported {path.name}: {line}"],
        )

    def _status(self, source: str, as_of: dt.date, as_json: bool) -> None:
        path = Path(source)
        documents: list[dict[str, Any]] = []
        if path.suffix.lower() == ".json" or path.is_file():
            try:
                parsed = interchange.check(interchange.load_file(path))
            except interchange.InvalidDocument as exc:
                self._fail(exc.errors)
                return
            members = frozenset(selectors.member_codes())
            for item in parsed:
                status = interchange.status_of_parsed(item, as_of, members)
                documents.append(interchange.status_document(item.fields["code"], status))
        else:
            try:
                row = selectors.instrument(source)
            except DomainError as exc:
                raise CommandError(f"{exc.message} Give a JSON file or a known code.") from None
            documents.append(interchange.status_document(row.code, selectors.status_of(row, as_of)))
        if as_json:
            payload: Any = documents[0] if len(documents) == 1 else documents
            self.stdout.write(json.dumps(payload, indent=1, ensure_ascii=False))
            return
        for document in documents:
            self._print_status(document)

    def _print_status(self, doc: dict[str, Any]) -> None:
        eif = doc["entry_into_force"]
        head = f"{doc['instrument']} as of {doc['as_of']}: "
        if eif is None:
            head += "not in force"
            if doc["still_needed"]:
                head += f" (waiting for {'; '.join(doc['still_needed'])})"
        else:
            head += f"{'in force since' if doc['in_force'] else 'enters into force on'} {eif}"
        self.stdout.write(head)
        if doc["basis"]:
            self.stdout.write(f"  {doc['basis']}")
        for state in doc["states"]:
            line = f"  {state['state']}  {state['standing']:<12} in force for it: "
            line += state["in_force_from"] or "—"
            self.stdout.write(line)
        for flag in doc["flags"]:
            self.stdout.write(f"  ! {flag}")

    def _export(self, code: str | None, everything: bool, as_of: dt.date | None) -> None:
        if everything:
            document = interchange.export_all(as_of)
        elif code:
            try:
                document = interchange.export_instrument(code, as_of)
            except DomainError as exc:
                raise CommandError(exc.message) from None
        else:
            raise CommandError("give an instrument's code or --all")
        self.stdout.write(json.dumps(document, indent=1, ensure_ascii=False))
