"""Compressed, cacheable HTTP: what a browser, a proxy or a CDN in front is told it may keep.

Public pages and API answers carry validators from the journal head and are answered 304 when
they have not changed; a write through a service changes them; compressed bodies decode to the
same bytes; nothing personal is ever publicly cacheable.
"""

from __future__ import annotations

import gzip
from typing import Any

import brotli
import pytest
from django.test import Client, override_settings

from secretariat.core.compression import accepts_brotli
from secretariat.core.domain.actors import Actor
from secretariat.core.http_cache import is_private_path
from secretariat.members import selectors as members
from secretariat.members import services as member_services

pytestmark = pytest.mark.django_db

PUBLIC = [
    "/en/",
    "/ru/depositary/matrix/",
    "/en/depositary/states/BY/?date=2011-08-12",
    "/en/depositary/feeds/notifications/",
    "/en/meetings/export/sessions.csv",
    "/en/meetings/calendar.ics",
    "/api/v1/states",
    "/api/v1/openapi.json",
]


@pytest.mark.parametrize("path", PUBLIC)
def test_a_public_answer_is_cacheable_and_revalidated_with_a_304(path: str) -> None:
    first = Client().get(path)
    assert first.status_code == 200
    assert first["Cache-Control"] == "public, no-cache"
    assert first["ETag"].startswith('W/"') and first["Last-Modified"]
    assert {"Accept-Encoding", "Cookie", "Authorization"} <= {
        v.strip() for v in first["Vary"].split(",")
    }
    again = Client().get(path, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"] and again["Cache-Control"] == "public, no-cache"
    since = Client().get(path, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304
    # A stale validator gets the whole answer again.
    assert Client().get(path, headers={"If-None-Match": 'W/"old"'}).status_code == 200


def test_each_address_and_language_has_its_own_etag() -> None:
    etags = {Client().get(path)["ETag"] for path in PUBLIC}
    assert len(etags) == len(PUBLIC)
    assert Client().get("/en/")["ETag"] != Client().get("/ru/")["ETag"]


def test_a_write_through_a_service_changes_the_etag() -> None:
    before = Client().get("/en/depositary/matrix/")
    profile = members.organization_profile()
    member_services.record_organization_profile(
        Actor.system("test"),
        dataset="csto",
        name_en=profile.name_en + " (renamed)",
        name_ru=profile.name_ru,
        acronym_en=profile.acronym_en,
        acronym_ru=profile.acronym_ru,
    )
    after = Client().get("/en/depositary/matrix/", headers={"If-None-Match": before["ETag"]})
    assert after.status_code == 200 and after["ETag"] != before["ETag"]


def _stable(body: bytes) -> bytes:
    # A calendar stamps each event with the time it was generated (DTSTAMP); two requests a
    # second apart differ there and nowhere else.
    return b"\n".join(line for line in body.split(b"\n") if not line.startswith(b"DTSTAMP"))


@pytest.mark.parametrize("path", PUBLIC)
def test_compressed_answers_decode_to_the_same_bytes(path: str) -> None:
    plain = Client().get(path, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain
    as_br = Client().get(path, headers={"Accept-Encoding": "gzip, deflate, br"})
    as_gzip = Client().get(path, headers={"Accept-Encoding": "gzip"})
    assert as_br["Content-Encoding"] == "br" and as_gzip["Content-Encoding"] == "gzip"
    assert _stable(brotli.decompress(as_br.content)) == _stable(plain.content)
    assert _stable(gzip.decompress(as_gzip.content)) == _stable(plain.content)
    assert len(as_br.content) < len(plain.content) / 3
    assert int(as_br["Content-Length"]) == len(as_br.content)
    # A q-value of zero refuses brotli.
    refused = Client().get(path, headers={"Accept-Encoding": "br;q=0, gzip"})
    assert refused["Content-Encoding"] == "gzip"


def test_accept_encoding_is_read_with_its_q_values() -> None:
    assert accepts_brotli("gzip, deflate, br") and accepts_brotli("br;q=0.5")
    assert not accepts_brotli("br;q=0") and not accepts_brotli("gzip") and not accepts_brotli("")
    assert not accepts_brotli("brotli")


def test_images_and_short_answers_are_sent_as_they_are() -> None:
    short = Client().get("/api/v1/journal/head", headers={"Accept-Encoding": "br"})
    assert short.status_code == 200 and "Content-Encoding" not in short


def _is_private(response: Any) -> bool:
    control = response.get("Cache-Control", "")
    return "private" in control and "no-store" in control and "public" not in control


@pytest.mark.parametrize(
    "path", ["/en/", "/en/depositary/matrix/", "/api/v1/states", "/en/depositary/pending/"]
)
def test_a_signed_in_user_is_never_answered_publicly(path: str, personas: Any) -> None:
    client = Client()
    client.force_login(personas.sofia)
    response = client.get(path)
    assert response.status_code == 200 and _is_private(response) and "ETag" not in response
    # Even with the ETag of the public answer, the user gets their own page, not a 304.
    public = Client().get(path)
    if "ETag" in public:
        assert client.get(path, headers={"If-None-Match": public["ETag"]}).status_code == 200


def test_an_api_token_holder_is_answered_privately(personas: Any) -> None:
    response = Client().get("/api/v1/states", headers={"Authorization": "Bearer sec_nope"})
    assert _is_private(response)


@pytest.mark.parametrize(
    "path",
    ["/en/entry-bans/", "/ru/entry-bans/screen/", "/en/login/", "/api/v1/entry-bans/listings"],
)
def test_the_entry_ban_register_and_sign_in_are_never_stored(path: str) -> None:
    response = Client().get(path)
    assert "no-store" in response.get("Cache-Control", ""), path
    assert "public" not in response.get("Cache-Control", "") and "ETag" not in response


def test_private_addresses() -> None:
    assert is_private_path("/match/default") and is_private_path("/ru/entry-bans/listings/")
    assert is_private_path("/admin/") and is_private_path("/en/login/verify/")
    assert not is_private_path("/en/depositary/") and not is_private_path("/api/v1/states")


def test_a_page_with_a_form_token_is_not_shared() -> None:
    response = Client().get("/en/password-reset/")
    assert _is_private(response) or "no-store" in response["Cache-Control"]


@override_settings(HTTP_COMPRESSION=False, HTTP_CACHE_VALIDATORS=False)
def test_both_can_be_turned_off_for_a_proxy_that_does_it() -> None:
    response = Client().get("/en/depositary/matrix/", headers={"Accept-Encoding": "br, gzip"})
    assert "Content-Encoding" not in response and "ETag" not in response
