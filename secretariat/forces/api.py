"""Forces over HTTP; mounted by secretariat.api.main."""

from ninja import Router

router = Router(tags=["forces"])
