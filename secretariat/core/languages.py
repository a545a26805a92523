"""Addresses per language: each page has one under /en/ and one under /ru/ (i18n_patterns).

`alternates(request)` gives, for the page being answered, its address in every language: the
language switch links to them and `<link rel="alternate" hreflang>` announces them. The API (which
has no prefix) takes its language from `?lang=`, else the cookie or Accept-Language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse, translate_url
from django.utils import translation


@dataclass(frozen=True)
class Alternate:
    code: str
    name: str
    path: str  # the same page and query in this language, e.g. /ru/depositary/?q=…
    url: str  # the same, absolute (what hreflang wants)
    current: bool


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def swap_prefix(full_path: str, lang: str) -> str:
    """`full_path` with its language prefix replaced by (or, without one, given) `lang`'s."""
    rest = full_path
    for code in language_codes():
        if full_path == f"/{code}" or full_path.startswith((f"/{code}/", f"/{code}?")):
            rest = full_path[len(code) + 1 :]
            break
    return f"/{lang}{rest if rest.startswith('/') else '/' + rest}"


def path_in(full_path: str, lang: str) -> str:
    """The address of the same page and query in `lang`: by the page's URL name where it has one
    (django.urls.translate_url, so translated paths would follow), else by its prefix."""
    translated = translate_url(full_path, lang)
    if translated == full_path and translation.get_language_from_path(full_path) != lang:
        return swap_prefix(full_path, lang)
    return translated


def alternates(request: HttpRequest) -> list[Alternate]:
    current = translation.get_language() or settings.LANGUAGE_CODE
    full_path = request.get_full_path()
    found = []
    for code, name in settings.LANGUAGES:
        path = path_in(full_path, code)
        found.append(Alternate(code, name, path, request.build_absolute_uri(path), code == current))
    return found


def page_url(name: str, *args: Any, lang: str = "en", query: dict[str, Any] | None = None) -> str:
    """reverse() in a given language, with an optional query: `/ru/members/UZ/?date=2011-08-12`."""
    with translation.override(lang):
        path = reverse(name, args=args)
    return path + ("?" + urlencode(query, doseq=True) if query else "")


class ApiLanguageMiddleware:
    """`?lang=ru` on an address without a language prefix (the API, /match/) chooses the language
    of the answer's human-readable texts, before the cookie and Accept-Language that LocaleMiddleware
    has already looked at. Placed after LocaleMiddleware, whose Content-Language then follows it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        lang = request.GET.get("lang", "")
        if lang in language_codes() and not translation.get_language_from_path(request.path_info):
            translation.activate(lang)
            request.LANGUAGE_CODE = lang
            response = self.get_response(request)
            response.headers["Content-Language"] = lang
            return response
        return self.get_response(request)
