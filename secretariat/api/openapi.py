"""The OpenAPI document says what the API really does, for every operation any app mounts.

Things ninja cannot infer from a router, added here once for all of them:

- authentication: an anonymous call is the public (security `[{ActorAuth: []}, {}]`), except on
  operations that take `auth=SIGNED_IN` (security `[{ActorAuth: []}]`, 401 before input is read);
- every operation may answer with the errors `api/main.py` maps centrally (400 unreadable body,
  401 bad token, 403 refused, 404 missing or hidden, 422 broken rule or invalid input), all RFC 9457
  problems (`application/problem+json`, schema `Problem`);
- the addresses: a wrong method or an unknown path under /api/v1/ is a problem too (405, 404).

An operation that declares one of these statuses itself keeps its own description.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.urls import URLPattern, URLResolver, path, re_path
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.openapi.schema import OpenAPISchema

from secretariat.api.problems import (
    METHOD_NOT_ALLOWED,
    PROBLEM_MEDIA_TYPE,
    UNKNOWN_PATH,
    problem_response,
)

PROBLEM_SCHEMA_NAME = "Problem"
PROBLEM_SCHEMA: dict[str, Any] = {
    "title": PROBLEM_SCHEMA_NAME,
    "description": "An error, as RFC 9457 problem details (application/problem+json).",
    "type": "object",
    "properties": {
        "type": {
            "type": "string",
            "description": "The kind of problem: a reference into the API reference page.",
            "examples": ["/api/v1/docs#problem-rule-violation"],
        },
        "title": {"type": "string", "description": "The kind of problem, in words."},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string", "description": "What went wrong this time."},
        "field": {"type": "string", "description": "The first input at fault."},
        "errors": {
            "type": "array",
            "description": "Every input at fault (input the schema refuses).",
            "items": {
                "type": "object",
                "properties": {
                    "in": {"type": "string", "description": "path, query or body"},
                    "field": {"type": "string"},
                    "detail": {"type": "string"},
                    "type": {"type": "string"},
                },
            },
        },
    },
    "required": ["type", "title", "status", "detail"],
}
ERRORS = {
    "400": "The request body is not readable JSON",
    "401": "Unknown or revoked API token",
    "403": "The action is refused to this role",
    "404": "No such record, or not one this caller may see",
    "422": "Input the schema refuses, or a broken rule (the field is named)",
}
SIGNED_IN_401 = "Not public: no credentials, or an unknown or revoked token (decided before input)"
SCHEME = "ActorAuth"  # the one bearer scheme; SignedInAuth is the same scheme, required
HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
# The capabilities, in the order the reference page lists them; each app's router has its tag.
TAGS = [
    ("members", "Member states, membership as of any date, chairs, Secretaries-General, ratings"),
    ("journal", "The tamper-evident journal: head, verification, checkpoints, proofs, keys"),
    ("depositary", "Instruments, acts of states, entry into force, depositary notifications"),
    ("meetings", "Sessions of the bodies, attendance, drafts, positions and decisions"),
    ("forces", "Formations, pledged contingents, exercises, totals"),
    ("assistance", "Requests for collective assistance, mandates, missions, deployments"),
    ("entrybans", "The common entry-ban register: listings, screening, requests, reviews, hits"),
]


def _problem_content() -> dict[str, Any]:
    return {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": f"#/components/schemas/{PROBLEM_SCHEMA_NAME}"}}}


def describe_errors_and_auth(document: dict[str, Any]) -> None:
    document["tags"] = [{"name": name, "description": text} for name, text in TAGS]
    components = document.setdefault("components", {})
    components.setdefault("schemas", {}).setdefault(PROBLEM_SCHEMA_NAME, PROBLEM_SCHEMA)
    components.get("securitySchemes", {}).pop("SignedInAuth", None)
    for operations in document.get("paths", {}).values():
        for method, operation in operations.items():
            if method not in HTTP_METHODS:
                continue
            security = operation.get("security") or []
            signed_in = any("SignedInAuth" in option for option in security)
            operation["security"] = [{SCHEME: []}] if signed_in else [{SCHEME: []}, {}]
            responses = operation.setdefault("responses", {})
            for status, description in ERRORS.items():
                if status == "400" and "requestBody" not in operation:
                    continue
                if status == "401" and signed_in:
                    description = SIGNED_IN_401
                found = responses.setdefault(status, {"description": description})
                found["content"] = _problem_content()


def _problem_on_wrong_method(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """ninja answers a method an address does not take with a bare text 405 (keep its Allow
    header, answer a problem), and its API root with Django's HTML 404 (answer a problem)."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            return unknown_path(request)
        if isinstance(response, HttpResponseNotAllowed):
            allowed = response["Allow"]
            response = problem_response(
                request,
                METHOD_NOT_ALLOWED,
                _("%(method)s is not allowed here; use %(allowed)s.")
                % {"method": request.method, "allowed": allowed},
            )
            response["Allow"] = allowed
        return response

    return wrapped


def unknown_path(request: HttpRequest, rest: str = "") -> HttpResponse:
    return problem_response(
        request,
        UNKNOWN_PATH,
        _("No API operation at %(path)s; see /api/v1/docs.") % {"path": request.path},
    )


class SecretariatAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        self._describe_from_docstrings()
        document = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        describe_errors_and_auth(document)
        return document

    def _describe_from_docstrings(self) -> None:
        """Each operation's description is its view's docstring (what it answers, who may call
        it, its errors, an example), one paragraph of Markdown."""
        for bound_router in self._get_bound_routers():
            for path_view in bound_router.path_operations.values():
                for operation in path_view.operations:
                    if not operation.description and operation.view_func.__doc__:
                        operation.description = " ".join(operation.view_func.__doc__.split())

    def _get_urls(self) -> list[URLResolver | URLPattern]:
        """ninja's addresses, each answering a wrong method as a problem, then one that answers
        every other address under the API's prefix as a problem 404 (not the site's HTML page)."""
        found = super()._get_urls()
        if self.docs_url:
            from secretariat.api.reference import swagger_page

            found.insert(0, path("docs/swagger", functools.partial(swagger_page, api=self)))
        for pattern in found:
            if isinstance(pattern, URLPattern):
                pattern.callback = _problem_on_wrong_method(pattern.callback)
        found.append(re_path(r"^(?P<rest>.*)$", unknown_path, name="unknown-path"))
        return found
