"""The OpenAPI document says what the API really does, for every operation any app mounts.

Two things ninja cannot infer from a router, added here once for all of them:

- authentication is optional: an anonymous call is the public (security `[{ActorAuth: []}, {}]`);
- every operation may answer with the errors `api/main.py` maps centrally (400 unreadable body,
  401 bad token, 403 refused, 404 missing or hidden, 422 broken rule or invalid input), all JSON
  `{"detail": ..., "field"?: ...}`.

An operation that declares one of these statuses itself keeps its own description.
"""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI
from ninja.openapi.schema import OpenAPISchema

ERROR_SCHEMA_NAME = "Error"
ERROR_SCHEMA: dict[str, Any] = {
    "title": ERROR_SCHEMA_NAME,
    "type": "object",
    "properties": {
        "detail": {
            "title": "Detail",
            "description": "What went wrong: a sentence, or ninja's list of input errors (422).",
            "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "object"}}],
        },
        "field": {"title": "Field", "description": "The field that broke a rule", "type": "string"},
    },
    "required": ["detail"],
}
ERRORS = {
    "400": "The request body is not readable JSON",
    "401": "Unknown or revoked API token",
    "403": "The action is refused to this role",
    "404": "No such record, or not one this caller may see",
    "422": "Invalid input, or a broken rule (the field is named)",
}
HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def describe_errors_and_optional_auth(document: dict[str, Any]) -> None:
    components = document.setdefault("components", {})
    components.setdefault("schemas", {}).setdefault(ERROR_SCHEMA_NAME, ERROR_SCHEMA)
    error_ref = {"$ref": f"#/components/schemas/{ERROR_SCHEMA_NAME}"}
    for operations in document.get("paths", {}).values():
        for method, operation in operations.items():
            if method not in HTTP_METHODS:
                continue
            security = operation.get("security")
            if security and {} not in security:
                operation["security"] = [*security, {}]
            responses = operation.setdefault("responses", {})
            for status, description in ERRORS.items():
                if status == "400" and "requestBody" not in operation:
                    continue
                responses.setdefault(
                    status,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": error_ref}},
                    },
                )


class SecretariatAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        document = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        describe_errors_and_optional_auth(document)
        return document
