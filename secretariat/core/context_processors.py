"""Template context every page needs: the organization's name and who is looking."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import get_language

from secretariat.core.permissions import actor_for


def organization(request: HttpRequest) -> dict[str, Any]:
    from secretariat.members.selectors import organization_profile

    profile = organization_profile()
    lang = get_language() or "en"
    return {
        "org_name": profile.name(lang),
        "org_acronym": profile.acronym(lang),
        "actor": actor_for(getattr(request, "user", None)),
    }
