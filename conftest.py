"""Shared test set-up: the CSTO dataset loaded once per test database, personas, journal guards.

Personas and factories live in secretariat.core.testing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection

from secretariat.core.testing import Personas

# Playwright's sync API runs an event loop in the test thread; Django must still allow ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing() -> None:
    """Personas are created per test; production-strength hashing would dominate the run time."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Pages render {% static %} without a collectstatic run; the served-app test covers the manifest.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    """Load the CSTO dataset once; rolled-back tests all see it without paying for it again."""
    from secretariat.core.management.commands.compile_catalogs import compile_catalogs
    from secretariat.datasets.loader import load_dataset

    compile_catalogs()
    with django_db_blocker.unblock():
        load_dataset("csto")


@pytest.fixture(autouse=True)
def _journal_guards_around_flush(request: pytest.FixtureRequest) -> Iterator[None]:
    """Tests that commit (threads, live server) end with a flush, which the journal's
    append-only triggers rightly refuse: arm the triggers for the test, lift them for the flush."""
    marker = request.node.get_closest_marker("django_db")
    commits = bool(marker and marker.kwargs.get("transaction"))
    if not commits and not {"transactional_db", "live_server"} & set(request.fixturenames):
        yield
        return
    from secretariat.entrybans import guards as access_log_guards
    from secretariat.journal import guards

    request.getfixturevalue("transactional_db")
    guards.install(connection)
    access_log_guards.install(connection)
    yield
    guards.lift_for_test_teardown(connection)


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in the default language: a request to a /ru/ page leaves Russian active in
    the thread (LocaleMiddleware does not reset it), and reverse() and resolve() follow it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def csto_committed(transactional_db: Any) -> None:
    """The dataset in a committed test (the session load was flushed by an earlier one)."""
    from secretariat.datasets.loader import load_dataset
    from secretariat.members.models import OrganizationProfile

    if not OrganizationProfile.objects.exists():
        load_dataset("csto")


@pytest.fixture
def personas(db: Any) -> Personas:
    return Personas.create()
