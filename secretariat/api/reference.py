"""The API reference page at /api/v1/docs: the operations of the served OpenAPI document, listed on
the server, in the caller's language (`?lang=`, cookie, Accept-Language), with no script at all.

Swagger UI (about 1.5 MB of script) is one click away at /api/v1/docs/swagger, for those who want
to try calls from the browser. Use `ReferencePage` as the NinjaAPI's `docs`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from ninja import NinjaAPI
from ninja.openapi.docs import DocsBase, Swagger

from secretariat.api.problems import KINDS

METHOD_ORDER = ["get", "post", "put", "delete", "patch"]
_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*([^*]+)\*\*")


def inline_markdown(text: str) -> SafeString:
    """The two marks the descriptions use, `code` and **bold**, on escaped text."""
    html = _CODE.sub(r"<code>\1</code>", str(escape(text)))
    return mark_safe(_BOLD.sub(r"<strong>\1</strong>", html))  # noqa: S308 (escaped above)


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    description: SafeString
    public: bool
    anchor: str


def capabilities(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The document's tags in order, each with its operations (by path, then method)."""
    groups: dict[str, list[Operation]] = {tag["name"]: [] for tag in document.get("tags", [])}
    for path, operations in document["paths"].items():
        for method in METHOD_ORDER:
            operation = operations.get(method)
            if operation is None:
                continue
            tag = (operation.get("tags") or ["other"])[0]
            groups.setdefault(tag, []).append(
                Operation(
                    method=method.upper(),
                    path=path,
                    summary=operation.get("summary", ""),
                    description=inline_markdown(operation.get("description", "")),
                    public={} in operation.get("security", [{}]),
                    anchor=operation["operationId"],
                )
            )
    texts = {tag["name"]: tag.get("description", "") for tag in document.get("tags", [])}
    return [
        {"name": name, "description": texts.get(name, ""), "operations": found}
        for name, found in groups.items()
        if found
    ]


class ReferencePage(DocsBase):
    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        document = api.get_openapi_schema(path_params=kwargs)
        groups = capabilities(document)
        lang = get_language() or "en"
        context = {
            "lang": lang,
            "other_lang": "en" if lang == "ru" else "ru",
            "title": document["info"]["title"],
            "version": document["info"]["version"],
            "groups": groups,
            "operation_count": sum(len(group["operations"]) for group in groups),
            "problems": KINDS,
            "openapi_url": self.get_openapi_url(api, kwargs),
        }
        return render(request, "api/reference.html", context)


def swagger_page(request: HttpRequest, api: NinjaAPI) -> HttpResponse:
    """ninja's Swagger UI, for trying calls from a browser (loads its script bundle)."""
    return Swagger().render_page(request, api)
