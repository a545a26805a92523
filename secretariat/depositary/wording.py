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
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _lazy

from secretariat.core.formatting import current_language, format_date, has_cyrillic
from secretariat.core.terms import term_label
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


def entry_into_force_subject_ru(instrument: Instrument, on: dt.date) -> str:
    """The Russian subject of an entry-into-force notification; its body stays English until
    the engine's bases of entry into force are written in Russian too."""
    if not has_cyrillic(instrument.title_ru):
        return ""
    with translation.override("ru"):
        return gettext("%(instrument)s: entry into force on %(date)s") % {
            "instrument": instrument.title_ru,
            "date": format_date(on, "day", "ru"),
        }


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
