"""`registry.warm`, what gunicorn's parent process runs before forking its workers (`serve`
preloads the application): the index is built and kept, and the parent's database connections
are closed so that no worker inherits one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection

from secretariat.entrybans import registry, services
from secretariat.entrybans.models import Listing, ListingStatus
from secretariat.entrybans.tests.conftest import BORIS, KAIR, listing_record


@pytest.fixture
def no_kept_index() -> Iterator[None]:
    registry._index = None
    yield
    registry._index = None


@pytest.mark.usefixtures("no_kept_index")
def test_warming_builds_the_index_and_closes_the_connections(csto_committed):
    services.enter_listing(BORIS, **listing_record())
    registry.warm()
    assert connection.connection is None  # closed: a forked worker opens its own
    live = Listing.objects.exclude(status=ListingStatus.DELETED).count()
    assert registry._index is not None and len(registry._index) == live
    hits = registry.screen_names(KAIR, [registry.NameQuery("Siarhei Testavy", "1970-05-06")])
    assert "TEST-BY-0001" in [h["reference"] for h in hits[0]]
    assert registry.current_index() is registry._index  # the warm index serves, not a new one
