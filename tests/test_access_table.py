"""Walk docs/access-table.json: every operation × every persona, through the portal, the API and
the admin. Refused writes change no row and no journal entry; cross-state reads answer 404.

The table is the contract: a new view or API operation must be added to it (the completeness tests
below fail otherwise), with what each persona gets.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import get_resolver, resolve

from secretariat.api.main import api
from secretariat.core import signing
from secretariat.depositary import services as depositary_services
from secretariat.entrybans import registry as entrybans_registry
from secretariat.entrybans import services as entrybans_services
from secretariat.journal.models import JournalEntry
from secretariat.members import services

TABLE = json.loads((Path(settings.PROJECT_DIR) / "docs" / "access-table.json").read_text())
PERSONAS: list[str] = TABLE["personas"]
OUR_APPS = {c.label for c in apps.get_app_configs() if c.name.startswith("secretariat.")}


def expected(entry: dict[str, Any], persona: str) -> Any:
    table = entry["expect"]
    return table.get(persona, table.get("*"))


def cases() -> list[Any]:
    out = []
    for index, entry in enumerate(TABLE["entries"]):
        for persona in PERSONAS:
            label = f"{entry['method']} {entry['path']} as {persona}"
            out.append(pytest.param(entry, persona, id=f"{index:03d} {label}"))
    return out


def snapshot() -> dict[str, int]:
    counts = {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in OUR_APPS
    }
    counts["journal"] = JournalEntry.objects.count()
    return counts


# Which records a row needs: those of the placeholders in its path, and those of its app (a
# page listing an app's records, a write whose outcome depends on them). Built per row, only
# when needed, so a row about another part of the system does not pay for them.
GROUPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # group: (placeholders, words of the path that name the group's app)
    "members": (("pending_BY",), ("members", "membership")),
    "keys": (("key_BY",), ("keys",)),
    "depositary": (
        ("dep_pending_BY", "dep_pending_BY_doc", "dep_registered_BY", "dep_registered_BY_doc"),
        ("depositary",),
    ),
    "entrybans": (
        ("notice_BY", "delisting_RU", "review_BY", "hit_AM"),
        ("entry-bans", "match"),
    ),
}


def _groups_for(path: str) -> list[str]:
    placeholders = set(re.findall(r"\{(\w+)\}", path))
    return [
        group
        for group, (names, words) in GROUPS.items()
        if placeholders & set(names) or any(word in path for word in words)
    ]


@pytest.fixture
def context(request: Any, personas: Any, settings: Any, tmp_path: Path) -> dict[str, Any]:
    """Records the table refers to by placeholder, e.g. {pending_BY}."""
    settings.MEDIA_ROOT = tmp_path / "media"  # uploaded documents stay out of the data directory
    values: dict[str, Any] = {"personas": personas}
    for group in _groups_for(request.node.callspec.params["entry"]["path"]):
        values.update(BUILDERS[group](personas))
    return values


def _members(personas: Any) -> dict[str, Any]:
    from secretariat.core.testing import actor

    pending, _ = services.submit_membership_event(
        actor(personas.boris),
        state="BY",
        kind="frozen_participation",
        date=dt.date(2026, 9, 1),
        summary_en="Belarus freezes its participation",
    )
    return {"pending_BY": pending.pk}


def _keys(personas: Any) -> dict[str, Any]:
    from secretariat.core.testing import actor

    key, _ = signing.register_key(
        actor(personas.boris),
        state="BY",
        public_key="MjB9eCwIAfAlLfCumldk8JJBXe/jGEcY4JOQoKokuts=",
        label="BY treaty office",
    )
    return {"key_BY": key.key_id}


def _depositary(personas: Any) -> dict[str, Any]:
    from secretariat.core.testing import actor

    dep_pending, dep_pending_doc = _act_with_document(personas, dt.date(2026, 9, 1), b"pending")
    dep_registered, dep_registered_doc = _act_with_document(
        personas, dt.date(2026, 9, 2), b"registered"
    )
    depositary_services.register_act(actor(personas.sofia), act_id=dep_registered.pk)
    return {
        "dep_pending_BY": dep_pending.pk,
        "dep_pending_BY_doc": dep_pending_doc.pk,
        "dep_registered_BY": dep_registered.pk,
        "dep_registered_BY_doc": dep_registered_doc.pk,
    }


def _entrybans(personas: Any) -> dict[str, Any]:
    from secretariat.core.testing import actor

    # Armenia applies the fictitious listing DEMO-BY-0001 and notifies that its purpose is achieved.
    notice = entrybans_services.notify_purpose_achieved(
        actor(personas.anna), reference="DEMO-BY-0001", reason="Access table: decision annulled"
    )
    # Delisting requests: one about DEMO-RU-0001 lodged with Belarus, waiting to be referred to
    # independent review; one about DEMO-BY-0001 lodged with Armenia and referred (preliminary).
    delisting_ru = entrybans_services.lodge_request(
        actor(personas.boris), reference="DEMO-RU-0001", kind="delisting"
    )
    delisting_by = entrybans_services.lodge_request(
        actor(personas.anna), reference="DEMO-BY-0001", kind="delisting"
    )
    review = entrybans_services.refer_to_review(actor(personas.sofia), request_id=delisting_by.pk)
    # Kazakhstan's officer gets a hit on the fictitious DEMO-AM-0001 and reports it to Armenia.
    entrybans_registry.screen_names(
        actor(personas.kair), [entrybans_registry.NameQuery("Hayk Orinakyan")]
    )
    hit = entrybans_services.report_hit(
        actor(personas.kair), reference="DEMO-AM-0001", place="Access table", action_taken=True
    )
    return {
        "notice_BY": notice.pk,
        "delisting_RU": delisting_ru.pk,
        "review_BY": review.pk,
        "hit_AM": hit.pk,
    }


BUILDERS = {
    "members": _members,
    "keys": _keys,
    "depositary": _depositary,
    "entrybans": _entrybans,
}


def _act_with_document(personas: Any, date: dt.date, marker: bytes) -> tuple[Any, Any]:
    """A BY declaration on the Charter, submitted by its delegation with a (tiny) PDF attached."""
    from secretariat.core.testing import actor

    act, _ = depositary_services.submit_act(
        actor(personas.boris),
        instrument="charter-2002",
        state="BY",
        kind="declaration",
        date=date,
        document=f"Note verbale {date.isoformat()}",
    )
    name = f"note-{date.isoformat()}.pdf"
    document, _ = depositary_services.attach_document(
        actor(personas.boris),
        act_id=act.pk,
        upload=SimpleUploadedFile(name, b"%PDF-1.7\n% " + marker + b"\n%%EOF\n"),
        filename=name,
    )
    return act, document


def _client(persona: str, personas: Any) -> Client:
    client = Client()
    if persona != "public":
        client.force_login(getattr(personas, persona))
    return client


def _path(entry: dict[str, Any], context: dict[str, Any]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(context[m.group(1)]), entry["path"])


def _writes(entry: dict[str, Any]) -> bool:
    return bool(entry.get("writes", entry["method"] in ("POST", "PUT", "PATCH", "DELETE")))


@pytest.mark.django_db
@pytest.mark.parametrize(("entry", "persona"), cases())
def test_each_persona_gets_what_the_table_says(entry, persona, context):
    client = _client(persona, context["personas"])
    path = _path(entry, context)
    before = snapshot()
    method = entry["method"]
    if method == "GET":
        response = client.get(path)
    elif "files" in entry:
        uploads = {
            field: SimpleUploadedFile(spec["name"], spec["content"].encode())
            for field, spec in entry["files"].items()
        }
        response = client.post(path, {**entry.get("body", {}), **uploads})
    elif entry["surface"] == "api":
        send = getattr(client, method.lower())
        response = send(path, entry.get("body", {}), content_type="application/json")
    else:
        response = client.post(path, entry.get("body", {}))
    outcome = expected(entry, persona)
    location = response.get("Location", "")
    refused = True
    if outcome == "login":
        assert response.status_code == 302
        assert location.startswith("/en/login/")
    elif outcome == "admin-login":
        assert response.status_code == 302
        assert "login/?next=/admin/" in location
    elif outcome == "refused":
        # The portal says no in a message and sends the person back.
        assert response.status_code == 302
        assert any(m.level_tag == "error" for m in get_messages(response.wsgi_request))
    else:
        assert response.status_code == outcome, response.content[:400]
        refused = outcome >= 400
    if not _writes(entry):
        return
    after = snapshot()
    if refused:
        assert after == before, "a refused write changed something"
    else:
        assert after["journal"] > before["journal"], "an accepted write must be journaled"


def _api_operations() -> set[tuple[str, str]]:
    schema = api.get_openapi_schema()
    return {
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        for method in operations
    }


def _template_regex(template: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(template)) + "$")


def test_every_api_operation_is_in_the_table():
    entries = {
        (e["method"], e["path"].split("?")[0]) for e in TABLE["entries"] if e["surface"] == "api"
    }
    missing = []
    for method, template in sorted(_api_operations()):
        pattern = _template_regex(template)
        if not any(m == method and pattern.match(p) for m, p in entries):
            missing.append(f"{method} {template}")
    assert not missing, "add these to docs/access-table.json: " + ", ".join(missing)


def _portal_url_names() -> set[str]:
    names = set()

    def walk(patterns: Any, namespace: str | None, prefix: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            # match/ is the yente-compatible API alias, walked with the API rows.
            if route.startswith(("admin/", "api/", "static/", "match/")):
                continue
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns, pattern.namespace or namespace, route)
            elif pattern.name:
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, None, "")
    return names


def test_every_portal_page_is_in_the_table():
    covered = set()
    for entry in TABLE["entries"]:
        if entry["surface"] != "ui":
            continue
        path = re.sub(r"\{\w+\}", "1", entry["path"].split("?")[0])
        covered.add(resolve(path).view_name)
    missing = sorted(_portal_url_names() - covered)
    assert not missing, "add these to docs/access-table.json: " + ", ".join(missing)


@pytest.mark.django_db
@pytest.mark.parametrize("extra", [{"state": "AM"}, {"status": "registered"}, {"id": 1}])
def test_a_delegation_cannot_smuggle_fields_into_a_body(personas, extra):
    client = _client("boris", personas)
    before = snapshot()
    response = client.post(
        "/api/v1/states/BY/events",
        {"kind": "statement", "date": "2026-10-01", "summary_en": "x", **extra},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert snapshot() == before


def test_every_request_body_in_the_api_refuses_unknown_fields():
    schema = api.get_openapi_schema()
    components = schema.get("components", {}).get("schemas", {})
    lax = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if not body:
                continue
            ref = body["schema"].get("$ref", "")
            target = components.get(ref.rsplit("/", 1)[-1], body["schema"])
            if target.get("type") == "object" and target.get("additionalProperties") is not False:
                lax.append(f"{method.upper()} {path}")
    assert not lax, f"request bodies that accept unknown fields: {lax}"
