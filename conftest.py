"""Shared test set-up: the dataset loaded once per test database, personas, journal guards.

The dataset is the CSTO's unless the run names another, as the installation does: with
`SECRETARIAT_DATASET=cis` (a dataset under secretariat/datasets/), or `SECRETARIAT_DATASET_DIR=PATH`
as well for one kept elsewhere (tests/datasets/lakes, the made-up organization). On another
dataset only the tests marked `any_dataset` run (pages, API, feeds, as-of sweeps, audit, crawl:
they assert rules, not the CSTO's facts); the others are deselected and the run says how many.
See docs/datasets.md.

Personas and factories live in secretariat.core.testing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
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


REFERENCE_DATASET = "csto"


def dataset_under_test() -> tuple[str, Path | None]:
    """The dataset this run loads: its name, and its members.json when it lives outside the
    package (SECRETARIAT_DATASET_DIR)."""
    from django.conf import settings

    name = str(settings.SECRETARIAT_DATASET)
    directory = getattr(settings, "SECRETARIAT_DATASET_DIR", "")
    return name, (Path(directory) / "members.json" if directory else None)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On another organization's dataset, keep only the tests that hold for any dataset."""
    name, path = dataset_under_test()
    if name == REFERENCE_DATASET and path is None:
        return
    kept = [item for item in items if item.get_closest_marker("any_dataset")]
    deselected = [item for item in items if not item.get_closest_marker("any_dataset")]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    """Load the dataset once; rolled-back tests all see it without paying for it again."""
    from secretariat.core.management.commands.compile_catalogs import compile_catalogs
    from secretariat.datasets.loader import load_dataset

    compile_catalogs()
    name, path = dataset_under_test()
    with django_db_blocker.unblock():
        load_dataset(name, path)


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
    """The dataset in a committed test (the session load was flushed by an earlier one). The name
    is older than the choice of dataset: it loads the run's dataset, the CSTO's by default."""
    from secretariat.datasets.loader import load_dataset
    from secretariat.members.models import OrganizationProfile

    if not OrganizationProfile.objects.exists():
        load_dataset(*dataset_under_test())


@pytest.fixture
def personas(db: Any) -> Personas:
    return Personas.create()
