"""The depositary's texts in Russian: a notification, written when it is issued beside the
English, and a state's position on an instrument (domain/positions.py), written when shown.

Each part comes from the record's own Russian: the instrument's `title_ru`, the state's `name_ru`
(members app), the act's `domestic_act_ru`, the kind's label (core/terms.py) and the date as
Russian writes it. The phrasing is a list of named parts ("государство: Армения"), so nothing in
it agrees in gender, number or case with the data. Where a part has no Russian yet (an English-only
reservation text, a domestic act without its Russian name, the engine's basis of entry into
force), the Russian body stays empty and the page shows the English marked "перевод готовится":
never a Russian sentence with English inside it.
"""

from __future__ import annotations

import datetime as dt

from django.utils import translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _lazy

from secretariat.core.formatting import current_language, format_date, format_number, has_cyrillic
from secretariat.core.terms import term_label
from secretariat.depositary.domain.acts import ActKind, Flag
from secretariat.depositary.domain.clauses import Align, Condition, FinalClauses, Timing
from secretariat.depositary.domain.engine import InstrumentStatus
from secretariat.depositary.domain.positions import Phrase, Position
from secretariat.depositary.models import Act, Instrument


def _state_name_ru(code: str) -> str:
    from secretariat.members.models import MemberState

    row = MemberState.objects.filter(code=code).only("name_ru").first()
    return row.name_ru if row and has_cyrillic(row.name_ru) else ""


def act_notice_ru(instrument: Instrument, act: Act) -> tuple[str, str]:
    """(subject, body) in Russian of the notification of a registered act; ("", "") where the
    instrument's title or the state's name has no Russian, and an empty body where the act
    carries a text that has none."""
    state, title = _state_name_ru(act.state), instrument.title_ru
    if not (state and has_cyrillic(title)):
        return "", ""
    with translation.override("ru"):
        kind = term_label(act.kind)
        subject = gettext("%(instrument)s: %(kind)s — %(state)s") % {
            "instrument": title,
            "kind": kind,
            "state": state,
        }
        parts = {
            "instrument": title,
            "kind": kind,
            "state": state,
            "date": format_date(act.date, "day", "ru"),
        }
        if act.deposited:
            body = gettext(
                "The depositary communicates: %(instrument)s — %(kind)s; state: %(state)s; "
                "the instrument was deposited on %(date)s."
            )
        else:
            body = gettext(
                "The depositary communicates: %(instrument)s — %(kind)s; state: %(state)s; "
                "reported to the depositary on %(date)s."
            )
        body %= parts
        if act.domestic_act:
            if not has_cyrillic(act.domestic_act_ru):
                return subject, ""
            body += " " + gettext("Domestic act: %(act)s.") % {"act": act.domestic_act_ru}
        if act.named_date:
            body += " " + gettext("Date named by the state: %(date)s.") % {
                "date": format_date(act.named_date, "day", "ru")
            }
        if act.text:
            return subject, ""  # the text of a reservation is kept in its own language only
    return subject, body


def entry_into_force_notice_ru(instrument: Instrument, status: InstrumentStatus) -> tuple[str, str]:
    """(subject, body) in Russian of an entry-into-force notification; the body stays empty
    where the article or the basis has no Russian yet."""
    on = status.entry_into_force
    if on is None or not has_cyrillic(instrument.title_ru):
        return "", ""
    with translation.override("ru"):
        parts = {"instrument": instrument.title_ru, "date": format_date(on, "day", "ru")}
        subject = gettext("%(instrument)s: entry into force on %(date)s") % parts
        basis = basis_ru(instrument, status)
        eif = FinalClauses.from_dict(instrument.final_clauses).entry_into_force
        if not basis or (eif.article and not has_cyrillic(eif.article_ru)):
            return subject, ""
        body = gettext(
            "The depositary communicates the entry into force of %(instrument)s. Date of entry "
            "into force: %(date)s. Basis: %(basis)s."
        ) % {**parts, "basis": basis}
        if eif.article:
            body += " " + gettext("In accordance with: %(article)s.") % {"article": eif.article_ru}
    return subject, body


# The Russian of a position's summary (domain/positions.py), one sentence per phrase. The values
# are dates (written as the reader's language writes them) and act kinds (their labels).
_POSITION_PHRASES = {
    Phrase.WITHDREW: _lazy("withdrawal: notice of %(notice)s, effective %(effective)s"),
    Phrase.IN_FORCE: _lazy("%(kind)s: %(date)s; in force for the state since %(since)s"),
    Phrase.NOT_YET_IN_FORCE: _lazy("%(kind)s: %(date)s; not yet in force for the state"),
    Phrase.UNDEPOSITED: _lazy(
        "%(kind)s by the state's own law of %(date)s; no record of the deposit, so not counted"
    ),
    Phrase.REPORTED_BOUND: _lazy(
        "reported bound as of %(date)s; the date of its act is not recorded"
    ),
    Phrase.SIGNED_RATIFICATION_PENDING: _lazy(
        "signature: %(signed)s; ratification pending as of %(date)s"
    ),
    Phrase.REPORTED_NOT_BOUND: _lazy("reported not bound as of %(date)s"),
    Phrase.SIGNED_NO_RECORD: _lazy("signature: %(signed)s; no record of its ratification"),
    Phrase.NO_RECORD: _lazy("no record"),
}


def position_summary(position: Position | None, lang: str | None = None) -> str:
    """A state's position in the reader's language: the domain's own English sentence on an
    English page, the same facts from the phrase table on a Russian one."""
    lang = lang or current_language()
    if position is None:
        with translation.override(lang):
            return str(_POSITION_PHRASES[Phrase.NO_RECORD])
    if not lang.startswith("ru"):
        return position.summary
    with translation.override("ru"):
        values: dict[str, str] = {}
        for name, value in position.values:
            if isinstance(value, dt.date):
                values[name] = format_date(value, "day", "ru")
            elif value is None:
                values[name] = gettext("not recorded")
            else:
                values[name] = term_label(value)
        text = str(_POSITION_PHRASES[position.phrase]) % values
        if position.sources:
            # The address alone: a source's description is kept in its own language, in the
            # list of sources.
            source = position.sources[0].split()[0]
            if source.startswith(("http://", "https://")):
                text += " " + gettext("(source: %(source)s)") % {"source": source}
    return text


# --- the engine's basis of entry into force, and its flags ---------------------------------------


def _condition_ru(cond: Condition) -> str:
    """The Russian of `Condition.describe()`; "" for a part not written in Russian yet (a clause
    counting the consents of a named group, whose name is kept in English)."""
    if cond.of_members:
        return ""
    parts = []
    if cond.consents:
        if ActKind.NOTIFICATION in cond.counted and len(cond.counted) == 1:
            parts.append(
                gettext("receipt of notification no. %(n)s of completion of internal procedures")
                % {"n": cond.consents}
            )
        else:
            parts.append(
                ngettext("%(n)s consent to be bound", "%(n)s consents to be bound", cond.consents)
                % {"n": cond.consents}
            )
    if cond.min_weight:
        parts.append(
            gettext("consenting states holding at least %(share)s %% of the total")
            % {"share": format_number(cond.min_weight)}
        )
    if cond.all_signatories:
        parts.append(gettext("consent of every signatory"))
    if cond.all_of:
        parts.append(
            gettext("consent of each listed state (%(count)s)") % {"count": len(cond.all_of)}
        )
    return "; ".join(parts) or gettext("adoption")


def _timing_ru(timing: Timing) -> str:
    """The Russian of the timing after the condition's day; "" for an alignment to a month."""
    if timing.align is not Align.EXACT:
        return ""
    if not (timing.months or timing.days):
        return gettext("in force on that date")
    spans = []
    if timing.months:
        spans.append(ngettext("%(n)s month", "%(n)s months", timing.months) % {"n": timing.months})
    if timing.days:
        spans.append(ngettext("%(n)s day", "%(n)s days", timing.days) % {"n": timing.days})
    return gettext("in force %(span)s after that date") % {"span": " ".join(spans)}


def basis_ru(instrument: Instrument, status: InstrumentStatus) -> str:
    """Why the instrument is in force on its date, in Russian; "" where a part of the reason has
    no Russian yet (a date the depositary declared, with its reason only in English)."""
    if not status.basis:
        return ""
    eif = FinalClauses.from_dict(instrument.final_clauses).entry_into_force
    with translation.override("ru"):
        if eif.declared is not None and status.condition_met_on == eif.declared.date:
            if not has_cyrillic(eif.declared.reason_ru):
                return ""
            return gettext("condition declared met by the depositary: %(reason)s") % {
                "reason": eif.declared.reason_ru
            }
        if status.on_adoption:
            return gettext("in effect on adoption")
        day = status.condition_met_on
        if day is None:
            return ""
        condition, timing = _condition_ru(eif.condition), _timing_ru(eif.timing)
        if not (condition and timing):
            return ""
        text = gettext("%(condition)s reached on %(date)s") % {
            "condition": condition,
            "date": format_date(day, "day", "ru"),
        }
        by = status.completed_by
        if by is not None:
            text += " " + gettext("(%(kind)s — %(state)s, %(date)s)") % {
                "kind": term_label(by.kind.value),
                "state": by.state,
                "date": format_date(by.date, "day", "ru"),
            }
        return f"{text}; {timing}"


def flag_ru(flag: Flag) -> str:
    """A point to check in the record, in Russian; "" for the kinds not written in Russian yet."""
    if flag.code != "not_deposited":
        return ""
    act = Act.objects.filter(pk=flag.act).only("kind", "state", "date").first()
    if act is None:
        return ""
    with translation.override("ru"):
        return gettext(
            "%(kind)s — %(state)s, %(date)s: ratified at home, but no deposit is recorded; "
            "it does not count"
        ) % {
            "kind": term_label(act.kind),
            "state": act.state,
            "date": format_date(act.date, "day", "ru"),
        }


def parties_note_ru(instrument: Instrument, status: InstrumentStatus) -> str:
    """The Russian of `selectors.parties_note`: "" where it is empty, or where the reason it
    cites has no Russian yet."""
    if not status.in_force or status.entry_into_force is None:
        return ""
    since = format_date(status.entry_into_force, "day", "ru")
    with translation.override("ru"):
        if status.on_adoption:
            return gettext("in effect since its adoption on %(date)s; no parties") % {"date": since}
        if status.parties_recorded:
            return ""
        declared = FinalClauses.from_dict(instrument.final_clauses).entry_into_force.declared
        if declared is not None:
            reason = declared.reason_ru if has_cyrillic(declared.reason_ru) else ""
        else:
            reason = instrument.sources[0].split()[0] if instrument.sources else ""
        if not reason:
            return ""
        return gettext("in force since %(date)s per %(reason)s; parties not recorded") % {
            "date": since,
            "reason": reason,
        }
