"""Read the record as the audit's checks need it: facts from the selectors, figures as shown.

Use `run_audit()` for the whole audit (the command and the page call it). The facts come through
each app's public selectors and domain functions, never their tables' private shape; the figures
are read from the rendered answers themselves (home page, lists, API, CSV, dump) through the
in-process client, because "the same figure in two places" is about what a reader is shown.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_noop

from secretariat.audit import crawl as crawling
from secretariat.audit.domain import checks
from secretariat.audit.domain.checks import Check, Fact, Figure, Label, Violation, label
from secretariat.core.domain.actors import Actor
from secretariat.depositary import selectors as depositary
from secretariat.depositary import services as depositary_services
from secretariat.depositary.domain.acts import CONSENT_KINDS, ActKind
from secretariat.depositary.domain.engine import evaluate
from secretariat.depositary.forms import KIND_LABELS as ACT_KIND_LABELS

# The dates on which figures are compared besides today: the record's sore points (issue 13:
# before most instruments existed, and the 2011 summit the project's first example is about).
PROBE_DATES = (dt.date(2005, 1, 1), dt.date(2011, 8, 12))
PARTY_STANDINGS = frozenset({"party", "suspended"})


def _link(name: str, *args: str) -> str:
    with translation.override("en"):
        return reverse(name, args=list(args))


# --- depositary -----------------------------------------------------------------------------


def instruments_in_force(on: dt.date) -> list[checks.InstrumentInForce]:
    """Each instrument's entry into force on `on`, and whether its recorded acts alone meet it.

    "Met by the recorded acts" is asked of the depositary's own engine with the declared date
    taken away: what the acts would give if no one had declared anything.
    """
    members = frozenset(depositary.member_codes())
    system = Actor.system("audit")
    found = []
    for row, status in depositary.all_statuses(on):
        clauses = depositary_services.clauses_of(row)
        declared = clauses.entry_into_force.declared
        by_acts = status.condition_met_on is not None and declared is None
        if declared is not None:
            without = dataclasses.replace(
                clauses,
                entry_into_force=dataclasses.replace(clauses.entry_into_force, declared=None),
            )
            acts = [
                depositary_services.domain_act(a)
                for a in depositary.acts_for(system, row.code).filter(status="registered")
            ]
            recomputed = evaluate(
                without, acts, as_of=on, adopted=row.adopted_on, members=members, check=False
            )
            by_acts = recomputed.condition_met_on is not None
        found.append(
            checks.InstrumentInForce(
                code=row.code,
                in_force=status.in_force,
                entry_into_force=status.entry_into_force,
                condition_met_by_acts=by_acts,
                declared_sourced=declared is not None and bool(declared.reason.strip()),
                parties=status.parties if status.parties_recorded else None,
                link=_link("depositary:instrument", row.code),
            )
        )
    return found


def state_entries(on: dt.date) -> list[checks.StateEntry]:
    found = []
    for row, status in depositary.all_statuses(on):
        for state in status.states.values():
            if state.in_force_from is None or state.in_force_from > on:
                continue
            found.append(
                checks.StateEntry(
                    instrument=row.code,
                    state=state.state,
                    state_from=state.in_force_from,
                    instrument_from=status.entry_into_force
                    if status.entry_into_force and status.entry_into_force <= on
                    else None,
                    link=_link("depositary:instrument", row.code),
                )
            )
    return found


def notification_facts() -> list[checks.NotificationFacts]:
    """Every notification and whether the act it announces exists and counts.

    An act counts when it is registered and, for a consent, deposited and of a kind the
    instrument's condition counts (a ratification does not count where the final clauses count
    notifications of completed procedures).
    """
    system = Actor.system("audit")
    counted_by_instrument = {
        row.code: depositary_services.clauses_of(row).entry_into_force.condition.counted
        for row in depositary.instruments()
    }
    found = []
    for note in depositary.notifications():
        act = None
        if note.act_id is not None:
            act = depositary.acts_for(system).filter(pk=note.act_id).first()
        exists = act is not None and act.status == "registered"
        counts = False
        if act is not None and exists:
            kind = ActKind(act.kind)
            counts = kind not in CONSENT_KINDS or (
                act.deposited and kind in counted_by_instrument.get(act.instrument_id, ())
            )
        # A notification reconstructed for a past event may have no number (its source gives none).
        reconstructed = note.reconstructed
        found.append(
            checks.NotificationFacts(
                number=note.number or f"(reconstructed, {note.issued_on.isoformat()})",
                year=note.year if note.number else None,
                seq=note.seq if note.number else None,
                reconstructed=reconstructed,
                issued_on=note.issued_on,
                refers_to_act=note.kind == "act",
                act_exists=exists,
                act_counts=counts,
                act=_act_name(act),
                link=_link("depositary:instrument", note.instrument_id),
            )
        )
    return found


def _act_name(act: Any) -> Label:
    """ "TJ: Ratification of 2012-11-14 (not deposited)", the kind as the depositary names it."""
    if act is None:
        return Label("")
    with translation.override("en"):
        kind = str(ACT_KIND_LABELS.get(ActKind(act.kind), act.kind))  # the English is the msgid
    template = (
        gettext_noop("%(state)s: %(kind)s of %(date)s")
        if act.deposited
        else gettext_noop("%(state)s: %(kind)s of %(date)s (not deposited)")
    )
    return label(template, state=act.state, kind=Label(kind), date=act.date.isoformat())


# --- sources --------------------------------------------------------------------------------


def sourced_facts() -> list[Fact]:
    """Every sourced record of every app. A decision without sources of its own rests on its
    session's (as the dataset records it); the `uncertain` flag is the record's own warning."""
    from secretariat.assistance import selectors as assistance
    from secretariat.forces import selectors as forces
    from secretariat.meetings import selectors as meetings
    from secretariat.members import selectors as members

    system = Actor.system("audit")
    facts: list[Fact] = []

    def add(record: Label, row: Any, link: str = "", inherited: Iterable[str] = ()) -> None:
        sources = tuple(row.sources or ()) or tuple(inherited)
        facts.append(Fact(record, sources, bool(row.uncertain), link))

    for state in members.states():
        add(
            label(gettext_noop("state %(code)s"), code=state.code),
            state,
            _link("members:detail", state.code),
        )
        for event in members.events_for(system, state.code):
            add(
                label(
                    gettext_noop("membership event of %(state)s on %(date)s"),
                    state=state.code,
                    date=str(event.date),
                ),
                event,
            )
    for term in members.chair_terms():
        add(
            label(
                gettext_noop("chair %(state)s from %(date)s"),
                state=term.state_id,
                date=str(term.start),
            ),
            term,
            _link("members:offices"),
        )
    for office in members.secretary_general_terms():
        add(
            label(gettext_noop("Secretary-General from %(date)s"), date=str(office.start)),
            office,
            _link("members:offices"),
        )
    for instrument in depositary.instruments():
        link = _link("depositary:instrument", instrument.code)
        add(label(gettext_noop("instrument %(code)s"), code=instrument.code), instrument, link)
        for act in depositary.acts_for(system, instrument.code).filter(status="registered"):
            add(
                label(
                    gettext_noop("act of %(instrument)s: %(act)s"),
                    instrument=instrument.code,
                    act=_act_name(act),
                ),
                act,
                link,
            )
    for session in meetings.sessions_list():
        link = _link("meetings:session", session.code)
        add(label(gettext_noop("session %(code)s"), code=session.code), session, link)
        for attendance in meetings.attendance_of(session):
            add(
                label(
                    gettext_noop("attendance of %(state)s at %(code)s"),
                    state=attendance.state,
                    code=session.code,
                ),
                attendance,
                link,
            )
        for decision in meetings.decisions_of(session):
            add(
                label(gettext_noop("decision %(code)s"), code=f"{session.code}/{decision.slug}"),
                decision,
                link,
                session.sources,
            )
    for request in assistance.requests():
        link = _link("assistance:request", request.code)
        add(label(gettext_noop("assistance request %(code)s"), code=request.code), request, link)
        for consultation in assistance.consultations(request.code):
            add(
                label(
                    gettext_noop("consultation on %(code)s of %(date)s"),
                    code=request.code,
                    date=str(consultation.date),
                ),
                consultation,
                link,
            )
    for mission in assistance.missions():
        add(
            label(gettext_noop("mission %(code)s"), code=mission.code),
            mission,
            _link("assistance:mission", mission.code),
        )
    for formation in forces.formations():
        add(
            label(gettext_noop("formation %(code)s"), code=formation.code),
            formation,
            _link("forces:index"),
        )
    for contingent in forces.contingents():
        add(
            label(gettext_noop("contingent %(code)s"), code=contingent.code),
            contingent,
            _link("forces:index"),
        )
    for exercise in forces.exercises():
        add(
            label(gettext_noop("exercise %(code)s"), code=exercise.code),
            exercise,
            _link("forces:index"),
        )
    return facts


# --- figures shown in several places --------------------------------------------------------


class _Reader:
    """Fetches answers in process, in English, and reads figures out of them."""

    def __init__(self) -> None:
        self.client = crawling.client_for_site()

    def text(self, address: str) -> str:
        response = crawling.get(self.client, address)
        if response.status_code != 200:
            return ""
        return str(response.content.decode(response.charset or "utf-8"))

    def json(self, address: str) -> Any:
        body = self.text(address)
        return json.loads(body) if body else None

    def csv(self, address: str) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(self.text(address))))


def _count(value: Any) -> str:
    return str(len(value)) if isinstance(value, list) else "—"


_MEMBER_COUNT = re.compile(r'data-testid="member-count">\s*(\d+)\s*<')
_INSTRUMENT_LINK = re.compile(r'href="/en/depositary/instruments/([a-z0-9-]+)/(?:\?[^"]*)?"')


def _at(address: str) -> Label:
    """A place a figure is shown, named by its address (the same in every language)."""
    return Label(address)


def figures(dates: Iterable[dt.date]) -> Iterator[Figure]:
    """The figures a reader can compare between places, on each date; each place is named by
    the address that shows it."""
    read = _Reader()
    for on in dates:
        day = on.isoformat()

        def seen(template: str, address: str, value: str, day: str = day, **params: str) -> Figure:
            return Figure(Label(template, {"date": day, **params}), _at(address), value)

        members = gettext_noop("members on %(date)s")
        # Members: the home page in both languages, the organization and the members list.
        for lang in ("en", "ru"):
            address = f"/{lang}/?date={day}"
            found = _MEMBER_COUNT.search(read.text(address))
            yield seen(members, address, found.group(1) if found else "—")
        address = f"/api/v1/organization?as_of={day}"
        organization = read.json(address) or {}
        listed_members = [m for m in organization.get("members", []) if m.get("member")]
        yield seen(members, address, _count(listed_members))
        address = f"/api/v1/members?as_of={day}"
        yield seen(members, address, _count(read.json(address)))
        # Instruments: the depositary's list page, its API list, the matrix, the dump.
        instruments = gettext_noop("instruments on %(date)s")
        address = f"/en/depositary/?date={day}"
        yield seen(
            instruments, address, str(len(set(_INSTRUMENT_LINK.findall(read.text(address)))))
        )
        address = f"/api/v1/depositary/instruments?as_of={day}"
        listed = read.json(address)
        yield seen(instruments, address, _count(listed))
        address = f"/api/v1/depositary/matrix?as_of={day}"
        yield seen(instruments, address, _count((read.json(address) or {}).get("instruments")))
        address = f"/api/v1/depositary/dump?as_of={day}"
        yield seen(instruments, address, _count((read.json(address) or {}).get("instruments")))
        # Parties of each instrument: the API list, the instrument's API answer, its CSV.
        parties = gettext_noop("parties of %(code)s on %(date)s")
        for summary in listed or []:
            code = summary["code"]
            yield seen(
                parties,
                f"/api/v1/depositary/instruments?as_of={day}",
                str(summary.get("parties")),
                code=code,
            )
            address = f"/api/v1/depositary/instruments/{code}?as_of={day}"
            detail = read.json(address) or {}
            yield seen(parties, address, str(detail.get("parties")), code=code)
            address = f"/en/depositary/instruments/{code}/export.csv?date={day}"
            rows = read.csv(address)
            bound = sum(1 for r in rows if r.get("standing") in PARTY_STANDINGS)
            # A CSV that says its parties are not recorded answers as the API's null does.
            unrecorded = any(r.get("parties_recorded") == "no" for r in rows)
            # A table with no rows states no count (a Council decision in effect on adoption
            # lists no states); it agrees with an API that gives no count either.
            if not rows and detail.get("parties") is None:
                unrecorded = True
            yield seen(parties, address, "None" if unrecorded else str(bound), code=code)
        # Forces: contingents and strength on the date, listed and totalled.
        contingents_address = f"/api/v1/forces/contingents?as_of={day}"
        contingents = read.json(contingents_address)
        totals_address = f"/api/v1/forces/totals?as_of={day}"
        formations = (read.json(totals_address) or {}).get("formations", [])
        counted = gettext_noop("contingents on %(date)s")
        yield seen(counted, contingents_address, _count(contingents))
        yield seen(counted, totals_address, str(sum(f["total"]["contingents"] for f in formations)))
        strength = gettext_noop("pledged strength on %(date)s")
        published = [c["strength"] for c in contingents or [] if c.get("strength") is not None]
        yield seen(strength, contingents_address, str(sum(published)))
        yield seen(strength, totals_address, str(sum(f["total"]["strength"] for f in formations)))
    # Lists without a date: the API, the CSV and the JSON export give the same records.
    sessions = Label(gettext_noop("sessions"))
    for address in ("/api/v1/meetings/sessions", "/en/meetings/export/sessions.json"):
        yield Figure(sessions, _at(address), _count(read.json(address)))
    address = "/en/meetings/export/sessions.csv"
    yield Figure(sessions, _at(address), str(len(read.csv(address))))
    requests = Label(gettext_noop("assistance requests"))
    address = "/api/v1/assistance/requests"
    yield Figure(requests, _at(address), _count(read.json(address)))
    address = "/api/v1/assistance/export/requests.csv"
    yield Figure(requests, _at(address), str(len(read.csv(address))))


# --- the whole audit ------------------------------------------------------------------------


@dataclass
class CheckOutcome:
    check: Check
    title: str  # English; translated where shown
    violations: list[Violation]
    seconds: float


@dataclass
class Report:
    on: dt.date
    outcomes: list[CheckOutcome] = field(default_factory=list)
    pages: int = 0  # pages rendered by the link check (both languages)
    pages_by_language: dict[str, int] = field(default_factory=dict)
    fetched: int = 0
    links: int = 0
    truncated: bool = False

    @property
    def violations(self) -> list[Violation]:
        return [v for outcome in self.outcomes for v in outcome.violations]


def run_audit(
    on: dt.date | None = None,
    *,
    links: bool = True,
    only: Iterable[Check] | None = None,
) -> Report:
    """Run every check (or `only` those) on the record as it stands, as of `on` (today)."""
    on = on or dt.date.today()
    report = Report(on=on)
    wanted = set(only) if only is not None else set(Check)
    if not links:
        wanted.discard(Check.LINKS_RESOLVE)

    def crawl_links() -> list[Violation]:
        result = crawling.crawl()
        report.pages = len(result.pages)
        report.pages_by_language = result.languages()
        report.fetched = result.fetched
        report.links = len(result.links)
        report.truncated = result.truncated
        return checks.links_resolve(result.links)

    steps: dict[Check, Callable[[], list[Violation]]] = {
        Check.IN_FORCE_GROUNDED: lambda: checks.in_force_is_grounded(instruments_in_force(on)),
        Check.STATE_ENTRY_AFTER_INSTRUMENT: lambda: checks.state_entry_not_before_instrument(
            state_entries(on)
        ),
        Check.NOTIFICATION_NUMBERS: lambda: checks.notification_numbers_follow_dates(
            notification_facts()
        ),
        Check.NOTIFICATION_ACTS: lambda: checks.notifications_refer_to_counting_acts(
            notification_facts()
        ),
        Check.FIGURES_AGREE: lambda: checks.figures_agree(figures((on, *PROBE_DATES))),
        Check.FACTS_SOURCED: lambda: checks.facts_are_sourced(sourced_facts()),
        Check.LINKS_RESOLVE: crawl_links,
    }
    for check in Check:
        if check not in wanted:
            continue
        started = time.perf_counter()
        # The pages rendered on the way switch the thread's language; the caller keeps its own.
        with crawling.plain_static_names(), translation.override(translation.get_language()):
            violations = steps[check]()
        report.outcomes.append(
            CheckOutcome(
                check, checks.CHECK_TITLES[check], violations, time.perf_counter() - started
            )
        )
    return report
