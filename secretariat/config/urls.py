"""Addresses: pages, feeds and calendars under a language prefix (/en/…, /ru/…); the API, the
yente-compatible /match/, the admin, static files and the old language endpoint without one.

An address without a prefix that would name a page (`/`, `/depositary/?q=…`) is answered by
LocaleMiddleware with a redirect to the visitor's language (language cookie, then Accept-Language,
else LANGUAGE_CODE), query string kept. The redirect is temporary (302, `Vary: Accept-Language,
Cookie`): where it leads depends on who asks, so a browser or search engine must not remember it.
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from secretariat.api.main import api
from secretariat.api.yente import api as entrybans_yente

urlpatterns = [
    path("api/v1/", api.urls),
    # POST /match/{dataset} where yente (OpenSanctions) clients look for it; the same operation as
    # /api/v1/entry-bans/match/{dataset}.
    path("match/", entrybans_yente.urls),
    # The old switch (POST language=…&next=…): sets the language cookie and redirects to `next`
    # translated into the chosen language. Pages link to their other language directly.
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("secretariat.core.urls")),
    path("", include("secretariat.members.urls")),
    path("depositary/", include("secretariat.depositary.urls")),
    path("meetings/", include("secretariat.meetings.urls")),
    path("forces/", include("secretariat.forces.urls")),
    path("assistance/", include("secretariat.assistance.urls")),
    path("entry-bans/", include("secretariat.entrybans.urls")),
    path("audit/", include("secretariat.audit.urls")),
    path("", include("secretariat.portal.urls")),
    prefix_default_language=True,
)
