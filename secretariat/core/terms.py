"""The words a page shows for the codes of the domain (act kinds, standings, statuses, outcomes,
roles, …), in the page's language: `{{ a.kind|term }}` in a template, `term_label(value)` in code.

The domain keeps plain codes ("ratification", "party"); this table gives each its label for a
reader. Labels are nouns or noun phrases ("ратификация", "участник", "выход"), so that they stand
anywhere in a Russian sentence without agreeing in gender or case with the data around them. A
code missing here is shown as it is, and the Russian crawl test (tests/test_language_crawl.py)
then finds it: add it here and to core's catalogue.

What belongs to one organization is not here but in its dataset's organization.json: the titles
of its readings of the rules of procedure (`readings`) and the Russian of the fixed phrases its
data use, such as the depositary's name (`terms_ru`); `term_label` looks there next.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from secretariat.core.organization import organization

TERMS: dict[str, Promise] = {
    # acts of the depositary (depositary/domain/acts.py)
    "signature": _("signature"),
    "definitive_signature": _("definitive signature"),
    "ratification": _("ratification"),
    "acceptance": _("acceptance"),
    "approval": _("approval"),
    "accession": _("accession"),
    "succession": _("succession"),
    "notification": _("notification of completion of internal procedures"),
    "provisional_application": _("provisional application"),
    "reservation": _("reservation"),
    "declaration": _("declaration"),
    "objection": _("objection"),
    "territorial_application": _("territorial application"),
    "withdrawal": _("withdrawal"),
    "revocation": _("revocation"),
    "suspension": _("suspension"),
    "communication": _("communication"),
    # a state's standing towards an instrument (depositary/domain/engine.py)
    "none": pgettext_lazy("standing", "no act"),
    "signatory": _("signatory"),
    "consented": _("consent expressed, not yet in force"),
    "provisional": _("provisional application"),
    "party": _("party"),
    "suspended": pgettext_lazy("status", "suspension"),
    "withdrawn": pgettext_lazy("status", "withdrawal"),
    # the examination of a submitted act (depositary/models.py ActStatus)
    "pending": pgettext_lazy("status", "pending"),
    "registered": pgettext_lazy("status", "registered"),
    "returned": pgettext_lazy("status", "returned"),
    # roles (core/domain/actors.py)
    "public": pgettext_lazy("role", "public"),
    "delegation": pgettext_lazy("role", "delegation"),
    "secretariat": pgettext_lazy("role", "secretariat"),
    "border_officer": pgettext_lazy("role", "border officer"),
    "auditor": pgettext_lazy("role", "auditor"),
    "system": pgettext_lazy("role", "system"),
    # requests for collective assistance (assistance/domain/lifecycle.py)
    "submitted": pgettext_lazy("status", "submitted"),
    "consultations": pgettext_lazy("status", "consultations"),
    "decided": pgettext_lazy("status", "decision taken"),
    "mandated": pgettext_lazy("status", "mandate given"),
    "deployed": pgettext_lazy("status", "forces deployed"),
    "forces_withdrawn": pgettext_lazy("status", "forces withdrawn"),
    "closed": pgettext_lazy("status", "closed"),
    "alternative": pgettext_lazy("outcome", "another response"),
    "rejected": pgettext_lazy("outcome", "rejection"),
    # decisions (meetings/domain/consensus.py)
    "draft": pgettext_lazy("outcome", "draft"),
    "adopted": pgettext_lazy("outcome", "adopted"),
    "not_adopted": pgettext_lazy("outcome", "not adopted"),
    "supports": pgettext_lazy("position", "supports"),
    "objects": pgettext_lazy("position", "objects"),
    "abstains": pgettext_lazy("position", "abstains"),
    "not_interested": pgettext_lazy("position", "stays out"),
    # entry-ban listings and requests (entrybans/domain/rules.py, entrybans/models.py)
    "active": pgettext_lazy("status", "in effect"),
    "expired": pgettext_lazy("status", "expired"),
    "deleted": pgettext_lazy("status", "deleted"),
    "quarantined": pgettext_lazy("status", "quarantined for data quality"),
    "granted": pgettext_lazy("outcome", "granted"),
    "partly_granted": pgettext_lazy("outcome", "partly granted"),
    "refused": pgettext_lazy("outcome", "refused"),
    "deletion_confirmed": pgettext_lazy("outcome", "deletion confirmed"),
    "retention_justified": pgettext_lazy("outcome", "retention justified"),
    "listing_deleted": pgettext_lazy("outcome", "listing deleted"),
    "access": pgettext_lazy("request", "access"),
    "rectification": pgettext_lazy("request", "rectification"),
    "erasure": pgettext_lazy("request", "erasure"),
    "delisting": pgettext_lazy("request", "delisting"),
    "public_security": _("threat to public policy or public security"),
    "national_security": _("threat to national security"),
    "serious_crime": _("serious crime"),
    "terrorism": _("terrorism"),
    "restrictive_measure": _("international restrictive measure"),
    "immigration": _("entry ban under immigration law"),
    "refuse_entry": _("refuse entry"),
    "refuse_entry_inform_issuing_state": _("refuse entry and inform the issuing state"),
    "consult_issuing_state": _("consult the issuing state"),
    "information_gathering": pgettext_lazy("phase", "information gathering"),
    "dialogue": pgettext_lazy("phase", "dialogue"),
    "report": pgettext_lazy("phase", "report"),
    # membership events (members/domain/membership.py)
    "treaty_signature": _("signature of the Treaty"),
    "treaty_accession": _("accession to the Treaty"),
    "founding_membership": _("founding membership"),
    "association": _("associate membership"),
    "associate": pgettext_lazy("status", "associate member"),
    "restoration": _("restoration of membership"),
    "frozen_participation": _("participation frozen"),
    "resumption": _("participation resumed"),
    "statement": pgettext_lazy("event", "statement"),
    "member": pgettext_lazy("status", "member"),
    "frozen": pgettext_lazy("status", "participation frozen"),
    # names and documents of a listing (entrybans/models.py)
    "strong": pgettext_lazy("alias", "strong alias"),
    "weak": pgettext_lazy("alias", "weak alias"),
    "passport": _("passport"),
    "id_card": _("identity card"),
    # precision of a date
    "day": pgettext_lazy("precision", "day"),
    "month": pgettext_lazy("precision", "month"),
    "year": pgettext_lazy("precision", "year"),
}


def term_label(value: object) -> str:
    """The label of a domain code in the active language; the code itself when it has none."""
    code = str(getattr(value, "value", value) or "")
    label = TERMS.get(code)
    if label is not None:
        return str(label)
    return organization_term(code) or code


def organization_term(code: str) -> str | None:
    """A reading's title, or the Russian of a fixed phrase, as the organization's dataset gives it."""
    lang = get_language() or "en"
    org = organization()
    title = org.reading_title(code, lang)
    if title is not None:
        return title
    return org.term_ru(code) if lang.startswith("ru") else None
