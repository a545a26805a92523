"""Every page of both languages renders and every internal link on it resolves.

One crawl of the whole site (in process, on the dataset loaded once for the run, whichever it is)
from /en/ and /ru/, following every internal link into the detail pages, which must reach the page
of every state, instrument, session, request and mission the dataset has; then a planted broken link, found on
the page that carries it.
"""

from __future__ import annotations

import pytest

from secretariat.assistance.models import AssistanceRequest, Consultation, Mandate
from secretariat.audit.crawl import crawl, links_of
from secretariat.audit.domain.checks import links_resolve
from secretariat.depositary.models import Instrument
from secretariat.meetings.models import Session
from secretariat.members.models import MemberState

pytestmark = pytest.mark.django_db

INDEX_PAGES = ("/members/", "/offices/", "/depositary/", "/meetings/", "/forces/", "/assistance/")


def record_pages() -> set[str]:
    """The page of every state, instrument, session, request and mission of the dataset loaded, in
    both languages: whatever the organization, the crawl must reach each of them by links."""
    states = list(MemberState.objects.values_list("code", flat=True))
    paths = [
        *INDEX_PAGES,
        *(f"/members/{code}/" for code in states),
        *(f"/depositary/states/{code}/" for code in states),
        *(
            f"/depositary/instruments/{c}/"
            for c in Instrument.objects.values_list("code", flat=True)
        ),
        *(f"/meetings/sessions/{c}/" for c in Session.objects.values_list("code", flat=True)),
        *(
            f"/assistance/requests/{c}/"
            for c in AssistanceRequest.objects.values_list("code", flat=True)
        ),
        *(f"/assistance/missions/{c}/" for c in Mandate.objects.values_list("code", flat=True)),
    ]
    return {f"/{lang}{path}" for lang in ("en", "ru") for path in paths}


@pytest.mark.any_dataset
def test_every_page_of_both_languages_renders_and_every_internal_link_resolves():
    result = crawl()
    assert not result.truncated
    broken = [f"{v.record}: {v.text()}" for v in links_resolve(result.links)]
    assert broken == []
    languages = result.languages()
    rendered = {page.split("?", 1)[0] for page in result.pages}
    expected = record_pages()
    assert languages["en"] == languages["ru"]
    assert expected - rendered == set()
    assert result.fetched > len(result.pages)  # API answers, exports and feeds checked too


def test_a_broken_link_is_found_with_the_page_that_carries_it():
    Consultation.objects.filter(request__code="kg-2010").update(session="cssc-1999-01-01")
    result = crawl(start=["/en/assistance/requests/kg-2010/"], depth=1)
    [found] = links_resolve(result.links)
    assert found.record == "page /en/assistance/requests/kg-2010/"
    assert found.params == {"target": "/en/meetings/sessions/cssc-1999-01-01/", "status": "404"}


def test_a_page_that_fails_is_reported_not_raised():
    result = crawl(start=["/en/no-such-page/"], depth=1)
    [found] = links_resolve(result.links)
    assert found.params["status"] == "404"


def test_internal_links_are_read_from_anchors_links_scripts_images_and_get_forms():
    html = """
      <a href="/en/members/">m</a> <a href="#top">top</a> <a href="sessions/?y=2011#x">rel</a>
      <a href="https://example.org/elsewhere">out</a> <a href="mailto:desk@example.org">mail</a>
      <a href="http://localhost/ru/forces/">own host</a>
      <link rel="stylesheet" href="/static/secretariat/site.css"><script src="/static/a.js"></script>
      <img src="/static/b.svg"> <form method="get" action="/en/meetings/"></form>
      <form method="post" action="/en/login/"></form>
    """
    assert links_of(html, "/en/meetings/") == [
        "/en/members/",
        "/en/meetings/",
        "/en/meetings/sessions/?y=2011",
        "/ru/forces/",
        "/static/secretariat/site.css",
        "/static/a.js",
        "/static/b.svg",
        "/en/meetings/",
    ]


def test_the_crawl_asks_as_a_visitor_of_a_production_install_would(settings):
    # Only the install's own name is allowed and plain HTTP is redirected to HTTPS: a crawl as
    # "localhost" over HTTP would find every page answering 400 or a redirect to itself.
    settings.ALLOWED_HOSTS = ["secretariat.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    result = crawl(start=["/en/members/"], depth=1)
    assert result.pages == ["/en/members/"]
    assert links_resolve(result.links) == []
    assert len(result.links) > 20
