"""Template context every page needs: the organization's name and who is looking."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language

from secretariat.core import registry
from secretariat.core.permissions import actor_for


def organization(request: HttpRequest) -> dict[str, Any]:
    profile = registry.organization()
    lang = get_language() or "en"
    actor = actor_for(getattr(request, "user", None))
    return {
        "org_name": profile.name(lang),
        "org_acronym": profile.acronym(lang),
        "actor": actor,
        # The header names a delegation's or officer's state, not its code.
        "actor_state_name": registry.state_name(actor.state, lang[:2]) if actor.state else "",
    }


def languages(request: HttpRequest) -> dict[str, Any]:
    """The page's address in every language: for the switch and the hreflang alternates."""
    from secretariat.core.languages import alternates, path_in

    return {
        "language_alternates": alternates(request),
        "default_language_url": request.build_absolute_uri(
            path_in(request.get_full_path(), settings.LANGUAGE_CODE)
        ),
    }
