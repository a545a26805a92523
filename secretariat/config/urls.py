from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from secretariat.api.main import api
from secretariat.entrybans.yente import api as entrybans_yente

urlpatterns = [
    path("api/v1/", api.urls),
    # POST /match/{dataset} where yente (OpenSanctions) clients look for it; the same operation as
    # /api/v1/entry-bans/match/{dataset}.
    path("match/", entrybans_yente.urls),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("", include("secretariat.core.urls")),
    path("", include("secretariat.members.urls")),
    path("depositary/", include("secretariat.depositary.urls")),
    path("meetings/", include("secretariat.meetings.urls")),
    path("forces/", include("secretariat.forces.urls")),
    path("assistance/", include("secretariat.assistance.urls")),
    path("entry-bans/", include("secretariat.entrybans.urls")),
    path("", include("secretariat.portal.urls")),
]
