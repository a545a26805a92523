"""The API reference page: every operation of the document, server-rendered in both languages,
without script, with a way back to the portal; Swagger UI only behind a link."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def operation_count(client: Client) -> int:
    document = client.get("/api/v1/openapi.json").json()
    return sum(len(operations) for operations in document["paths"].values())


def test_the_reference_lists_every_operation_without_script(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<article class="op"') == operation_count(client)
    assert "<script" not in html
    assert 'href="/en/"' in html  # back to the portal
    assert 'href="/api/v1/docs/swagger?lang=en"' in html
    assert 'id="problem-rule-violation"' in html  # where a problem's `type` points
    print(f"reference page: {len(response.content)} bytes, no script")


def test_the_reference_speaks_russian(client):
    html = client.get("/api/v1/docs?lang=ru").content.decode()
    assert '<html lang="ru">' in html
    assert "Справочник API" in html
    assert 'href="/ru/"' in html
    assert "Такой операции нет" in html


def test_swagger_ui_is_one_click_away(client):
    response = client.get("/api/v1/docs/swagger")
    assert response.status_code == 200
    assert re.search(r"<script[^>]+swagger-ui", response.content.decode())
