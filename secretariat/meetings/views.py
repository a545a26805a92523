"""Meeting pages: the sessions list with filters, a session, a decision with the verdict under each
reading, the attendance matrix and rates, the session a date falls under, and the feeds and exports.
Forms post to the services (a delegation's position, the secretariat's outcome)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from icalendar import Calendar, Event, vText

from secretariat.core.domain.errors import DomainError, NotFound
from secretariat.core.feeds import RecordFeed, at_noon, in_russian, tag_uri, translation_pending
from secretariat.core.formatting import name_order, sorted_names
from secretariat.core.organization import organization
from secretariat.core.permissions import can
from secretariat.core.templatetags.bilingual import english, text
from secretariat.core.web import add_domain_error, as_of_date, request_actor
from secretariat.forces import selectors as forces
from secretariat.journal.selectors import last_changed
from secretariat.meetings import selectors, services
from secretariat.meetings.api import attendance_out, decision_out, session_out
from secretariat.meetings.charts import RateRow, attendance_rate_chart
from secretariat.meetings.domain.sessions import Kind
from secretariat.meetings.forms import (
    OUTCOME_LABELS,
    POSITION_LABELS,
    AttendanceForm,
    OutcomeForm,
    PositionForm,
)
from secretariat.meetings.models import Decision, Session
from secretariat.members import selectors as members


def body_name(code: str) -> str:
    """The name of one of the organization's bodies (organization.json) in the active language."""
    return organization().body_name(code, get_language() or "en")


KIND_LABELS = {
    "regular": gettext_lazy("regular"),
    "informal": gettext_lazy("informal"),
    "extraordinary": gettext_lazy("extraordinary"),
    "other": gettext_lazy("other"),
    "video": gettext_lazy("by video"),
}
PRESENCE_LABELS = {
    "present": gettext_lazy("present"),
    "represented": gettext_lazy("represented"),
    "absent": gettext_lazy("absent"),
    "guest": gettext_lazy("guest"),
    "unrecorded": gettext_lazy("not recorded"),
    "none": gettext_lazy("not a member"),
}
REASON_LABELS = {
    "boycott": gettext_lazy("boycott"),
    "frozen_participation": gettext_lazy("participation frozen"),
    "declined": gettext_lazy("declined to attend"),
    "no_legitimate_authority": gettext_lazy("no constitutional authorities"),
    "unknown": gettext_lazy("reason not known"),
    "other": gettext_lazy("other reason"),
}
# Decisions that are texts adopted or signed, as opposed to appointments, hand-overs, plans.
DOCUMENT_KINDS = {"agreement", "charter", "declaration", "protocol", "statement"}
# Hosts that are not states of the organization (the 2002 signing was held in Chisinau).
OTHER_COUNTRIES = {"MD": ("Moldova", "Молдова")}


def _lang() -> str:
    return get_language() or "en"


def state_names(lang: str) -> dict[str, str]:
    names = {
        code: (ru if lang.startswith("ru") else en) for code, (en, ru) in OTHER_COUNTRIES.items()
    }
    names.update({s.code: s.name(lang) for s in members.states()})
    return names


def _label(table: Mapping[Any, Any], key: str) -> str:
    return str(table.get(key, key))


def _session_or_404(code: str) -> Session:
    try:
        return selectors.session(code)
    except NotFound:
        raise Http404 from None


def _decision_or_404(code: str, slug: str) -> Decision:
    try:
        return selectors.decision(code, slug)
    except NotFound:
        raise Http404 from None


def index(request: HttpRequest) -> HttpResponse:
    lang = _lang()
    body = request.GET.get("body", "")
    kind = request.GET.get("kind", "")
    host = request.GET.get("host", "")
    year_text = request.GET.get("year", "")
    year = int(year_text) if year_text.isdigit() and 1900 <= int(year_text) <= 2200 else None
    rows = selectors.sessions_list(
        body=body if body in organization().body_codes else None,
        kind=kind if kind in KIND_LABELS else None,
        year=year,
        host=host or None,
    )
    names = state_names(lang)
    return render(
        request,
        "meetings/index.html",
        {
            "sessions": [
                {
                    "row": r,
                    "city": r.city(lang),
                    "host": names.get(r.host, r.host),
                    "body": body_name(r.body),
                    "kind": _label(KIND_LABELS, r.kind),
                }
                for r in rows.prefetch_related("decisions")
            ],
            "bodies": [(b.code, b.name(lang)) for b in organization().bodies],
            "kinds": [(k, KIND_LABELS[k]) for k in [*(k.value for k in Kind), "video"]],
            "years": selectors.years(),
            "hosts": [(h, names.get(h, h)) for h in selectors.hosts()],
            "chosen": {"body": body, "kind": kind, "year": year, "host": host},
        },
    )


def _attendance_rows(session: Session, lang: str) -> list[dict[str, Any]]:
    names = state_names(lang)
    rows = [
        {
            "row": a,
            "state": names.get(a.state, a.state),
            "person": a.person_name(lang),
            "reason_text": a.reason_in(lang),
            "note": a.note_in(lang),
            "presence": _label(PRESENCE_LABELS, a.presence),
            "reason": _label(REASON_LABELS, a.reason) if a.reason else "",
        }
        for a in selectors.attendance_of(session)
    ]
    return sorted(rows, key=lambda row: name_order(row["state"], lang))


def _chair(session: Session, lang: str) -> tuple[str, str, bool]:
    """Who chaired: as recorded for the session, else the Council's chair on that date."""
    names = state_names(lang)
    if session.chaired_by:
        return (
            names.get(session.chaired_by, session.chaired_by),
            text(session, "chair_person"),
            True,
        )
    term = members.chair_on(session.start)
    if term is None:
        return "", "", False
    return term.state.name(lang), text(term, "holder"), False


def session_detail(request: HttpRequest, code: str) -> HttpResponse:
    return _render_session(request, _session_or_404(code))


def _render_session(
    request: HttpRequest,
    session: Session,
    attendance_form: AttendanceForm | None = None,
    status: int = 200,
) -> HttpResponse:
    lang = _lang()
    may_record = can(request_actor(request), "meetings.record_attendance")
    chair_state, chair_person, chair_recorded = _chair(session, lang)
    decisions: list[dict[str, Any]] = [
        {"row": d, "title": d.title(lang), "outcome": _label(OUTCOME_LABELS, d.outcome)}
        for d in selectors.decisions_of(session)
    ]
    return render(
        request,
        "meetings/session.html",
        {
            "session": session,
            "body": body_name(session.body),
            "kind": _label(KIND_LABELS, session.kind),
            "city": session.city(lang),
            "host": state_names(lang).get(session.host, session.host),
            "summary": session.summary(lang),
            "note": session.note_in(lang),
            "chair_state": chair_state,
            "chair_person": chair_person,
            "chair_recorded": chair_recorded,
            "agenda": session.agenda.order_by("number"),
            "attendance": _attendance_rows(session, lang),
            "decisions": decisions,
            "documents": [
                d
                for d in decisions
                if d["row"].outcome == "adopted"
                and (d["row"].instruments or d["row"].kind in DOCUMENT_KINDS)
            ],
            "lang": lang,
            "attendance_form": (attendance_form or AttendanceForm()) if may_record else None,
        },
        status=status,
    )


@login_required
@require_POST
def post_attendance(request: HttpRequest, code: str) -> HttpResponse:
    actor = request_actor(request)
    session = _session_or_404(code)
    if not can(actor, "meetings.record_attendance"):
        raise Http404
    form = AttendanceForm(request.POST)
    if form.is_valid():
        try:
            services.record_attendance(actor, session=code, **form.service_kwargs())  # type: ignore[arg-type]
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The attendance was recorded."))
            return redirect("meetings:session", code=code)
    return _render_session(request, session, attendance_form=form, status=422)


def decision_detail(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    return _render_decision(request, _decision_or_404(code, slug))


def _mission_names(decision: Decision) -> list[str | SafeString]:
    """The forces or missions a decision creates, named in the page's language.

    A decision names them in English text; where the text is a formation the forces app keeps, its
    name in the page's language is shown instead, so a Russian page does not show the English. A
    name the forces app does not keep is marked as pending translation on a Russian page."""
    by_name = {f.name_en.casefold(): f for f in forces.formations()}
    names: list[str | SafeString] = []
    for named in decision.missions:
        found = by_name.get(named.casefold())
        names.append(text(found, "name") if found is not None else english(named))
    return names


def _render_decision(
    request: HttpRequest,
    decision: Decision,
    position_form: PositionForm | None = None,
    outcome_form: OutcomeForm | None = None,
    status: int = 200,
) -> HttpResponse:
    actor = request_actor(request)
    lang = _lang()
    names = state_names(lang)
    own_state = actor.state if actor.state and decision.outcome == "draft" else None
    may_position = bool(own_state) and can(actor, "meetings.record_position", own_state)
    return render(
        request,
        "meetings/decision.html",
        {
            "decision": decision,
            "session": decision.session,
            "title": decision.title(lang),
            "text": decision.text(lang),
            "note": decision.note_in(lang),
            "missions": _mission_names(decision),
            "outcome": _label(OUTCOME_LABELS, decision.outcome),
            "positions": [
                {
                    "row": p,
                    "state": names.get(p.state, p.state),
                    "label": _label(POSITION_LABELS, p.position),
                    "statement": p.statement(lang),
                    "note": p.note_in(lang),
                }
                for p in selectors.positions_for(actor, decision)
            ],
            "claims": [
                {"row": c, "state": names.get(c.state, c.state), "text": c.claim(lang)}
                for c in selectors.claims_of(decision)
            ],
            "readings": selectors.readings_of(decision),
            "position_form": (position_form or PositionForm()) if may_position else None,
            "own_state": names.get(own_state or "", ""),
            "outcome_form": (outcome_form or OutcomeForm(initial={"outcome": decision.outcome}))
            if can(actor, "meetings.record_outcome")
            else None,
        },
        status=status,
    )


@login_required
@require_POST
def post_position(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    actor = request_actor(request)
    decision = _decision_or_404(code, slug)
    if not actor.state or not can(actor, "meetings.record_position", actor.state):
        raise Http404
    form = PositionForm(request.POST)
    if form.is_valid():
        try:
            services.record_position(
                actor, session=code, slug=slug, state=actor.state, **form.cleaned_data
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The position was recorded."))
            return redirect("meetings:decision", code=code, slug=slug)
    return _render_decision(request, decision, position_form=form, status=422)


@login_required
@require_POST
def post_outcome(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    actor = request_actor(request)
    decision = _decision_or_404(code, slug)
    if not can(actor, "meetings.record_outcome"):
        raise Http404
    form = OutcomeForm(request.POST)
    if form.is_valid():
        try:
            services.record_outcome(actor, session=code, slug=slug, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The outcome was recorded."))
            return redirect("meetings:decision", code=code, slug=slug)
    return _render_decision(request, decision, outcome_form=form, status=422)


def attendance(request: HttpRequest) -> HttpResponse:
    lang = _lang()
    names = state_names(lang)
    codes, rows = selectors.attendance_matrix()
    # Columns, chart rows and totals by the states' names in the page's language, not by code.
    states = sorted(codes, key=lambda code: name_order(names.get(code) or str(code), lang))
    column = {code: index for index, code in enumerate(codes)}
    rows = [replace(row, cells=[row.cells[column[code]] for code in states]) for row in rows]
    rates = selectors.attendance_rates()
    all_years = [p.year for points in rates.values() for p in points]
    chart_rows = [
        RateRow(names.get(s, s), [(p.year, p.present, p.expected) for p in rates.get(s, [])])
        for s in states
    ]
    chart = attendance_rate_chart(
        chart_rows,
        first_year=min(all_years, default=0),
        last_year=max(all_years, default=-1),
        title=_("Share of recorded Council sessions each member attended, by year"),
    )
    totals = []
    for state in states:
        points = rates.get(state, [])
        present, expected = sum(p.present for p in points), sum(p.expected for p in points)
        totals.append(
            {
                "state": names.get(state, state),
                "present": present,
                "expected": expected,
                "percent": round(100 * present / expected) if expected else None,
            }
        )
    return render(
        request,
        "meetings/attendance.html",
        {
            "states": [(s, names.get(s, s)) for s in states],
            "rows": rows,
            "labels": PRESENCE_LABELS,
            "reasons": REASON_LABELS,
            "chart": chart,
            "totals": totals,
        },
    )


def on_date_context(on: dt.date, lang: str) -> dict[str, Any]:
    """`{"meeting": ...}` for the "organization on a date" card (meetings/on_date_card.html).

    The home page can add this to its context and include the same card.
    """
    found = selectors.nearest_session(on)
    if found is None:
        return {"meeting": {"found": None, "on": on}}
    names = state_names(lang)
    return {
        "meeting": {
            "found": found,
            "on": on,
            "session": found.session,
            "city": found.session.city(lang),
            "kind": _label(KIND_LABELS, found.session.kind),
            "chair_state": names.get(found.chair_state, found.chair_state),
            "chair_person": _chair(found.session, lang)[1] if found.chair_person else "",
            "present_names": sorted_names([names.get(s, s) for s in found.present], lang),
            "absent": sorted(
                (
                    {
                        "state": names.get(a.state, a.state),
                        "reason": _label(REASON_LABELS, a.reason) if a.reason else "",
                    }
                    for a in found.absent
                ),
                key=lambda absent: name_order(absent["state"], lang),
            ),
            "guests": sorted_names([names.get(a.state, a.state) for a in found.guests], lang),
        }
    }


def on_date(request: HttpRequest) -> HttpResponse:
    on, date_error = as_of_date(request)
    context = {**on_date_context(on, _lang()), "on": on, "date_error": date_error}
    if request.GET.get("partial"):
        return render(request, "meetings/on_date_card.html", context)
    return render(request, "meetings/on_date.html", context)


CALENDAR_DATE_NOTES = {
    "month": gettext_lazy("Date uncertain: known to the month."),
    "year": gettext_lazy("Date uncertain: known to the year."),
}


def calendar_ics(request: HttpRequest) -> HttpResponse:
    """Every session as an all-day event (RFC 5545), for calendar clients."""
    calendar = Calendar()
    calendar.add("prodid", "-//secretariat//meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Council sessions"))
    host = request.get_host()
    names = state_names(_lang())
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for row in selectors.sessions_list():
        event = Event()
        event.add("uid", f"{row.code}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", row.start)
        event.add("dtend", row.last_day + dt.timedelta(days=1))
        # Texts in the language of the calendar's address; a text still to be translated is
        # marked as such (the calendar has no markup to mark it otherwise).
        city = text(row, "city", plain=True)
        labels = {"body": body_name(row.body), "kind": KIND_LABELS[row.kind], "city": city}
        title = (
            _("%(body)s: %(kind)s session, %(city)s") if city else _("%(body)s: %(kind)s session")
        ) % labels
        if row.label_en:
            title += f" ({text(row, 'label', plain=True)})"
        event.add("summary", title)
        place = ", ".join(p for p in (city, names.get(row.host, row.host)) if p)
        if place:
            event.add("location", vText(place))
        description = text(row, "summary", plain=True)
        if row.uncertain or row.start_precision != "day":
            description += " " + CALENDAR_DATE_NOTES.get(row.start_precision, _("Date uncertain."))
        event.add("description", description.strip())
        event.add("url", request.build_absolute_uri(reverse("meetings:session", args=[row.code])))
        event.add("status", "TENTATIVE" if row.uncertain else "CONFIRMED")
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="sessions.ics"'
    return response


class DecisionsFeed(RecordFeed):
    """Atom feed of the decisions with a recorded outcome, latest session first.

    An entry is as recent as the decision's date (or its session's), or the last time someone
    changed it through a service after that (an outcome recorded later), from the journal.
    """

    feed_tag = "meetings/decisions"

    # Titles and links in the language of the feed's address (/en/… or /ru/…).
    def title(self) -> str:
        return _("Decisions of the Council")

    def subtitle(self) -> str:
        return _("Decisions adopted or not adopted at sessions, with their sources.")

    def link(self) -> str:
        return reverse("meetings:index")

    def feed_tag_for(self, obj: Any) -> str:
        return f"{self.feed_tag}/{_lang()}"

    def items(self) -> list[Decision]:
        rows = list(
            Decision.objects.select_related("session")
            .exclude(outcome="draft")
            .order_by("-session__start", "-id")[:100]
        )
        changed = last_changed([f"decision:{row.code}" for row in rows])
        for row in rows:
            day = at_noon(row.decided_on or row.session.start)
            row.feed_updated = max(day, changed.get(f"decision:{row.code}", day))  # type: ignore[attr-defined]
        return rows

    def item_title(self, item: Decision) -> str:
        title = translation_pending() if in_russian() and not item.title_ru else item.title(_lang())
        return f"{title} ({OUTCOME_LABELS[item.outcome]})"  # type: ignore[index]

    def item_description(self, item: Decision) -> str:
        if in_russian():
            return item.text_ru or item.session.summary_ru or translation_pending()
        return item.text_en or item.session.summary_en

    def item_link(self, item: Decision) -> str:
        return reverse("meetings:decision", args=[item.session.code, item.slug])

    def item_guid(self, item: Decision) -> str:
        return tag_uri(f"meetings/decision/{item.code}/{_lang()}")

    item_guid_is_permalink = False

    def item_pubdate(self, item: Decision) -> dt.datetime:
        return at_noon(item.decided_on or item.session.start)

    def item_updateddate(self, item: Decision) -> dt.datetime:
        updated: dt.datetime = item.feed_updated  # type: ignore[attr-defined]
        return updated


def _csv(rows: list[dict[str, Any]], filename: str) -> HttpResponse:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()})
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export(request: HttpRequest, what: str, fmt: str) -> HttpResponse:
    """sessions / decisions / attendance as CSV or JSON: the same fields as the API."""
    rows: list[dict[str, Any]]
    if what == "sessions":
        rows = [session_out(s) for s in selectors.sessions_list()]
    elif what == "decisions":
        rows = [decision_out(d) for d in selectors.decisions_list().exclude(outcome="draft")]
    elif what == "attendance":
        rows = [
            {"session": s.code, **attendance_out(a)}
            for s in selectors.sessions_list().prefetch_related("attendance")
            for a in s.attendance.all()
        ]
    else:
        raise Http404
    if fmt == "csv":
        return _csv(rows, f"{what}.csv")
    response = JsonResponse(rows, safe=False, json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="{what}.json"'
    return response
