"""`secretariat audit`: check the whole record for contradictions; exit 1 on any violation.

Runs every check of `secretariat.audit.domain.checks` on the database as it stands (the loaded
dataset and everything recorded since) and prints each violation with the record it is about and
the address of its page. The link check renders every public page in English and Russian in
process; `--no-links` skips it (seconds instead of a minute). `--check NAME` runs only the checks
named; `--json` prints the report as JSON for other tools.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from secretariat.audit.domain.checks import Check
from secretariat.audit.record import Report, run_audit


class Command(BaseCommand):
    help = "Check the whole record for contradictions; exit 1 on any violation."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check",
            action="append",
            choices=[c.value for c in Check],
            help="run only this check (repeatable)",
        )
        parser.add_argument(
            "--no-links", action="store_true", help="skip rendering every page for its links"
        )
        parser.add_argument("--date", help="audit the record as of this date (default today)")
        parser.add_argument("--json", action="store_true", help="print the report as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        on = None
        if options["date"]:
            try:
                on = dt.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError(f"not a date (YYYY-MM-DD): {options['date']!r}") from None
        only = [Check(name) for name in options["check"]] if options["check"] else None
        # Messages in English whatever the shell's locale: the output is read by CI and people
        # who compare it with the docs; the page gives the Russian.
        with translation.override("en"):
            report = run_audit(on, links=not options["no_links"], only=only)
        if options["json"]:
            self.stdout.write(json.dumps(as_json(report), ensure_ascii=False, indent=1))
        else:
            self._print(report)
        if report.violations:
            sys.exit(1)

    def _print(self, report: Report) -> None:
        write = self.stdout.write
        write(f"audit of the record as of {report.on.isoformat()}")
        for outcome in report.outcomes:
            mark = "FAIL" if outcome.violations else "ok"
            count = len(outcome.violations)
            write(f"[{mark}] {outcome.check.value}: {outcome.title} — {count} violation(s)")
            for violation in outcome.violations:
                where = f" ({violation.link})" if violation.link else ""
                write(f"    {violation.record}: {violation.text()}{where}")
        if any(o.check is Check.LINKS_RESOLVE for o in report.outcomes):
            languages = ", ".join(f"{k} {v}" for k, v in sorted(report.pages_by_language.items()))
            write(
                f"links: {report.pages} pages rendered ({languages}), {report.fetched} addresses "
                f"fetched, {report.links} links checked"
                + (" — stopped at the crawl limit" if report.truncated else "")
            )
        total = len(report.violations)
        write(f"{total} violation(s)" if total else "0 violations: the record holds together")


def as_json(report: Report) -> dict[str, Any]:
    return {
        "as_of": report.on.isoformat(),
        "violations": len(report.violations),
        "checks": [
            {
                "check": o.check.value,
                "title": o.title,
                "seconds": round(o.seconds, 3),
                "violations": [
                    {"record": v.record, "text": v.text(), "link": v.link} for v in o.violations
                ],
            }
            for o in report.outcomes
        ],
        "pages": report.pages,
        "pages_by_language": report.pages_by_language,
        "fetched": report.fetched,
        "links": report.links,
    }
