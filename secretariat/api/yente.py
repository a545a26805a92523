"""`POST /match/{dataset}` at the root of the site, where yente clients look for it.

The operation is the one the API serves at `/api/v1/entry-bans/match/{dataset}` (same code, same
authentication, same access log); this small NinjaAPI only mounts it at the root, without a
documentation page of its own. The project's URLs include it with one line:
`path("match/", entrybans_yente.urls)` (under its own prefix, so that ninja's API root view
does not take the site's home page) (`from secretariat.api.yente import api as entrybans_yente`).
"""

from __future__ import annotations

from ninja import Router

from secretariat.api.main import api as main_api
from secretariat.api.openapi import SecretariatAPI
from secretariat.core.api_auth import SIGNED_IN, ActorAuth
from secretariat.entrybans.api import match
from secretariat.entrybans.schemas import EntityMatchResponse

api = SecretariatAPI(
    title="Entry-ban register: yente-compatible matching",
    version="1.0.0",
    urls_namespace="entrybans-yente",
    auth=ActorAuth(),
    docs_url=None,
    openapi_url=None,
)
router = Router(tags=["entrybans"])
router.add_api_operation(
    "/{dataset}", ["POST"], match, response=EntityMatchResponse, by_alias=True, auth=SIGNED_IN
)
api.add_router("/", router)


# The same error mapping as the main API (problem details, security log), not a copy of it.
for _error_class, _handler in main_api._exception_handlers.items():
    api.add_exception_handler(_error_class, _handler)
