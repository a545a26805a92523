"""The consensus engine's explanation in the reader's language.

The engine (domain/consensus.py) says why in English sentences and, beside each, the step it is
and the facts it states (`Verdict.steps`). `explain(verdict)` gives the English as the engine wrote
it on an English page and writes the same steps in Russian on a Russian one. State codes stay
codes; the sentences name them in a list after a colon, so nothing agrees with the data in
gender, number or case.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _lazy

from secretariat.core.formatting import current_language, format_number
from secretariat.core.terms import term_label
from secretariat.meetings.domain.consensus import Verdict

_STEPS = {
    "reading": _lazy("Reading applied: %(reading)s."),
    "no_members": _lazy("There were no members on the day."),
    "no_quorum": _lazy(
        "No quorum: members taking part, %(present)s of %(members)s; the rules ask for at "
        "least %(quorum)s of them."
    ),
    "quorum_met": _lazy("Quorum met: members taking part, %(present)s of %(members)s."),
    "no_non_interest": _lazy(
        "A declaration that it is not interested, which this reading does not provide for: "
        "staying out counts as withholding consent: %(states)s."
    ),
    "absent_blocks": _lazy(
        "No part taken and nothing declared: %(states)s. Under this reading consensus needs "
        "every member, and an absent member's silence is not consent."
    ),
    "absent": _lazy("No part taken and nothing declared: %(states)s."),
    "blocked": _lazy("Declarations that block consensus (%(positions)s): %(states)s."),
    "not_interested": _lazy("Declared not interested (no block, and not bound): %(states)s."),
    "not_reached": _lazy("Not adopted: consensus was not reached."),
    "nobody_joined": _lazy("Not adopted: no member joined the decision."),
    "abstained": _lazy("Abstained (does not block, and still binds): %(states)s."),
    "adopted": _lazy("Adopted by consensus of: %(states)s."),
    "binds_absent": _lazy("Under this reading it also binds the absent: %(states)s."),
}


def _value(name: str, value: object) -> str:
    if name == "reading":
        return term_label(value)
    if name == "positions":
        return " / ".join(term_label(p) for p in str(value).split(" / "))
    if name == "states" and value == "none":
        return gettext("none")
    if isinstance(value, int):
        return format_number(value)
    return str(value)


def explain(verdict: Verdict, lang: str | None = None) -> str:
    """Why the engine decided as it did, sentence by sentence, in `lang` (the page's)."""
    lang = lang or current_language()
    if not lang.startswith("ru") or len(verdict.steps) != len(verdict.reasons):
        return verdict.explain()
    with translation.override("ru"):
        return " ".join(
            str(_STEPS[step]) % {name: _value(name, value) for name, value in values}
            for step, values in verdict.steps
        )
