"""Collective assistance over HTTP: requests and every step that follows, missions, deployments,
CSV and JSON exports. Mounted by secretariat.api.main under /api/v1/assistance/.

A delegation submits and withdraws its own state's requests (another state's: 404); the
secretariat records consultations, decisions, mandates, deployments, withdrawals and closings.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router, Status

from secretariat.assistance import selectors, services
from secretariat.assistance.models import (
    AssistanceRequest,
    Consultation,
    CouncilDecision,
    Deployment,
    Mandate,
)
from secretariat.assistance.schemas import (
    AssistanceCloseIn,
    AssistanceConsultationIn,
    AssistanceConsultationOut,
    AssistanceDecisionIn,
    AssistanceDecisionOut,
    AssistanceDeploymentIn,
    AssistanceDeploymentOut,
    AssistanceMandateIn,
    AssistanceMissionOut,
    AssistanceRequestIn,
    AssistanceRequestOut,
    AssistanceWithdrawalIn,
    AssistanceWithdrawRequestIn,
)
from secretariat.core.api_auth import SIGNED_IN, actor_of
from secretariat.core.api_types import write_status
from secretariat.core.csv_export import csv_response
from secretariat.core.formatting import localized

router = Router(tags=["assistance"])


def _sourced(row: Any) -> dict[str, Any]:
    return {
        "sources": row.sources,
        "uncertain": row.uncertain,
        "note": row.note,
        "note_ru": row.note_ru,
    }


def consultation_out(row: Consultation) -> dict[str, Any]:
    return {
        "date": row.date,
        "precision": row.precision,
        "held_by_en": row.held_by_en,
        "held_by_ru": row.held_by_ru,
        "session": row.session,
        "summary_en": row.summary_en,
        "summary_ru": row.summary_ru,
        **_sourced(row),
    }


def decision_out(row: CouncilDecision) -> dict[str, Any]:
    return {
        "date": row.date,
        "precision": row.precision,
        "session": row.session,
        "outcome": row.outcome,
        "response_en": row.response_en,
        "response_ru": row.response_ru,
        **_sourced(row),
    }


def request_out(row: AssistanceRequest) -> dict[str, Any]:
    found = selectors.decision(row.code)
    mission = selectors.mission_of(row.code)
    return {
        "code": row.code,
        "state": row.state_id,
        "territory": row.territory_id,
        "requested_on": row.requested_on,
        "on_behalf_of": row.on_behalf_of,
        "on_behalf_of_ru": row.on_behalf_of_ru,
        "situation_en": row.situation_en,
        "situation_ru": row.situation_ru,
        "asks_en": row.asks_en,
        "asks_ru": row.asks_ru,
        "legal_basis": row.legal_basis,
        "legal_basis_ru": row.legal_basis_ru,
        "status": row.status,
        "last_step_on": row.last_step_on,
        "outcome_en": row.outcome_en,
        "outcome_ru": row.outcome_ru,
        "withdrawn_on": row.withdrawn_on,
        "withdrawn_precision": row.withdrawn_precision,
        "withdrawal_reason": row.withdrawal_reason,
        "withdrawal_reason_ru": row.withdrawal_reason_ru,
        "closed_on": row.closed_on,
        "mission": mission.code if mission else None,
        "consultations": [consultation_out(c) for c in selectors.consultations(row.code)],
        "decision": decision_out(found) if found else None,
        **_sourced(row),
    }


def deployment_out(row: Deployment) -> dict[str, Any]:
    return {
        "mission": row.mandate.code,
        "contingent": row.contingent.code,
        "state": row.contingent.state_id,
        "formation": row.contingent.formation.code,
        "unit_en": row.contingent.unit_en,
        "area": row.area.code,
        "strength": row.strength,
        "strength_estimated": row.strength_estimated,
        "start": row.start,
        "end": row.end,
        **_sourced(row),
    }


def mission_out(row: Mandate) -> dict[str, Any]:
    return {
        "code": row.code,
        "request": row.request.code,
        "territory": row.territory_id,
        "formation": row.formation.code if row.formation else None,
        "name_en": row.name_en,
        "name_ru": row.name_ru,
        "tasks_en": row.tasks_en,
        "tasks_ru": row.tasks_ru,
        "commander": row.commander,
        "commander_ru": row.commander_ru,
        "start": row.start,
        "end": row.end,
        "withdrawal_began": row.withdrawal_began,
        "withdrawal_completed": row.withdrawal_completed,
        "decision": decision_out(row.decision),
        "areas": [
            {"code": a.code, "name_en": a.name_en, "name_ru": a.name_ru} for a in row.areas.all()
        ],
        "deployments": [deployment_out(d) for d in selectors.deployments(row.code)],
        "strength_by_state": [
            {"state": s, "strength": n} for s, n in selectors.strength_by_state(row.code).items()
        ],
        "timeline": [
            {
                "date": s.date,
                "kind": s.kind,
                "text": localized(s, "text").text,
                "text_en": s.text_en,
                "text_ru": s.text_ru,
                "precision": s.precision,
                "uncertain": s.uncertain,
            }
            for s in selectors.timeline(row.request.code)
        ],
        **_sourced(row),
    }


@router.get(
    "/requests", response=list[AssistanceRequestOut], summary="Requests for collective assistance"
)
def list_requests(request: HttpRequest, state: str | None = None, status: str | None = None) -> Any:
    """Requests for collective assistance (article 4 of the treaty) with their stage. **Who:**
    anyone; no token needed. **Example:** `GET /api/v1/assistance/requests`
    """
    return [request_out(r) for r in selectors.requests(state=state, status=status)]


@router.get("/requests/{code}", response=AssistanceRequestOut, summary="One request for assistance")
def get_request(request: HttpRequest, code: str) -> Any:
    """One request with its consultations, decision, mandate and closing. **Who:** anyone; no token
    needed. **Errors:** 404 for an unknown code. **Example:** `GET
    /api/v1/assistance/requests/kz-2022`
    """
    return request_out(selectors.request(code))


@router.post(
    "/requests",
    response={201: AssistanceRequestOut, 200: AssistanceRequestOut},
    summary="Request collective assistance for your own state's territory (delegation)",
    auth=SIGNED_IN,
)
def submit_request(request: HttpRequest, body: AssistanceRequestIn) -> Any:
    """Request collective assistance for the delegation's own state's territory. **Who:** a
    delegation for its own state. **Errors:** 401 without a token; 403 for other roles; 404 for
    another state; 422 for a state that is not a member. **Example:** `POST
    /api/v1/assistance/requests`
    """
    data = body.dict()
    data["state"] = data["state"].upper()
    row, outcome = services.submit_request(actor_of(request), **data)
    return Status(write_status(outcome), request_out(row))


@router.post(
    "/requests/{code}/withdraw",
    response=AssistanceRequestOut,
    summary="Withdraw your own state's request (delegation)",
    auth=SIGNED_IN,
)
def withdraw_request(request: HttpRequest, code: str, body: AssistanceWithdrawRequestIn) -> Any:
    """Withdraw the delegation's own state's request before it is decided. **Who:** the requesting
    state's delegation. **Errors:** 401 without a token; 403 for other roles; 404 for another
    state's request; 422 when already decided or closed. **Example:** `POST
    /api/v1/assistance/requests/am-2021/withdraw`
    """
    row, _ = services.withdraw_request(actor_of(request), request=code, **body.dict())
    return request_out(row)


@router.post(
    "/requests/{code}/consultations",
    response={201: AssistanceConsultationOut, 200: AssistanceConsultationOut},
    summary="Record consultations on a request (secretariat)",
    auth=SIGNED_IN,
)
def add_consultation(request: HttpRequest, code: str, body: AssistanceConsultationIn) -> Any:
    """Record consultations held on a request. **Who:** the secretariat. **Errors:** 401 without a
    token; 403 for other roles; 404 for an unknown request; 422 out of order. **Example:** `POST
    /api/v1/assistance/requests/am-2021/consultations`
    """
    row, outcome = services.record_consultation(actor_of(request), request=code, **body.dict())
    return Status(write_status(outcome), consultation_out(row))


@router.post(
    "/requests/{code}/decision",
    response={201: AssistanceDecisionOut, 200: AssistanceDecisionOut},
    summary="Record the Council's decision on a request (secretariat)",
    auth=SIGNED_IN,
)
def add_decision(request: HttpRequest, code: str, body: AssistanceDecisionIn) -> Any:
    """Record the Council's decision on a request (granted, refused). **Who:** the secretariat.
    **Errors:** 401, 403, 404 as above; 422 before consultations or after closing. **Example:**
    `POST /api/v1/assistance/requests/am-2021/decision`
    """
    row, outcome = services.record_decision(actor_of(request), request=code, **body.dict())
    return Status(write_status(outcome), decision_out(row))


@router.post(
    "/requests/{code}/mandate",
    response={201: AssistanceMissionOut, 200: AssistanceMissionOut},
    summary="Issue the mandate of a mission (secretariat)",
    auth=SIGNED_IN,
)
def add_mandate(request: HttpRequest, code: str, body: AssistanceMandateIn) -> Any:
    """Issue the mandate of a mission on a granted request: areas, duration, formation. **Who:**
    the secretariat. **Errors:** 401, 403, 404 as above; 422 without a granting decision.
    **Example:** `POST /api/v1/assistance/requests/am-2021/mandate`
    """
    data = body.dict()
    row, outcome = services.issue_mandate(actor_of(request), request=code, **data)
    return Status(write_status(outcome), mission_out(selectors.mission(row.code)))


@router.post(
    "/requests/{code}/close",
    response=AssistanceRequestOut,
    summary="Close a request, saying what was given (secretariat)",
    auth=SIGNED_IN,
)
def close_request(request: HttpRequest, code: str, body: AssistanceCloseIn) -> Any:
    """Close a request, saying what assistance was given. **Who:** the secretariat. **Errors:**
    401, 403, 404 as above; 422 when already closed. **Example:** `POST
    /api/v1/assistance/requests/am-2021/close`
    """
    row, _ = services.close_request(actor_of(request), request=code, **body.dict())
    return request_out(row)


@router.get(
    "/missions", response=list[AssistanceMissionOut], summary="Missions (mandates) and their forces"
)
def list_missions(request: HttpRequest) -> Any:
    """Missions (mandates) with the forces deployed. **Who:** anyone; no token needed. **Example:**
    `GET /api/v1/assistance/missions`
    """
    return [mission_out(m) for m in selectors.missions()]


@router.get("/missions/{code}", response=AssistanceMissionOut, summary="One mission")
def get_mission(request: HttpRequest, code: str) -> Any:
    """One mission with its mandate, deployments and withdrawal. **Who:** anyone; no token needed.
    **Errors:** 404 for an unknown code. **Example:** `GET
    /api/v1/assistance/missions/kz-2022-cpf`
    """
    return mission_out(selectors.mission(code))


@router.post(
    "/missions/{code}/deployments",
    response={201: AssistanceDeploymentOut, 200: AssistanceDeploymentOut},
    summary="Deploy a pledged contingent within the mandate (secretariat)",
    auth=SIGNED_IN,
)
def add_deployment(request: HttpRequest, code: str, body: AssistanceDeploymentIn) -> Any:
    """Deploy a pledged contingent within a mission's mandate. **Who:** the secretariat.
    **Errors:** 401 without a token; 403 for other roles; 404 for an unknown mission; 422 for an
    unknown mandate or contingent, or more than was pledged. **Example:** `POST
    /api/v1/assistance/missions/kz-2022-cpf/deployments`
    """
    row, outcome = services.record_deployment(actor_of(request), mandate=code, **body.dict())
    return Status(write_status(outcome), deployment_out(row))


@router.post(
    "/missions/{code}/withdrawal",
    response=AssistanceMissionOut,
    summary="Record the withdrawal of the forces (secretariat)",
    auth=SIGNED_IN,
)
def withdraw_forces(request: HttpRequest, code: str, body: AssistanceWithdrawalIn) -> Any:
    """Record the withdrawal of a mission's forces (begun, completed). **Who:** the secretariat.
    **Errors:** 401, 403, 404 as above; 422 for dates before the deployment. **Example:** `POST
    /api/v1/assistance/missions/kz-2022-cpf/withdrawal`
    """
    services.withdraw_forces(actor_of(request), mandate=code, **body.dict())
    return mission_out(selectors.mission(code))


@router.get("/deployments", response=list[AssistanceDeploymentOut], summary="Every deployment")
def list_deployments(request: HttpRequest) -> Any:
    """Every deployment of every mission. **Who:** anyone; no token needed. **Example:** `GET
    /api/v1/assistance/deployments`
    """
    return [deployment_out(d) for d in selectors.deployments()]


REQUEST_COLUMNS = [
    "code",
    "state",
    "requested_on",
    "on_behalf_of",
    "situation_en",
    "asks_en",
    "legal_basis",
    "status",
    "decision_outcome",
    "mission",
    "outcome_en",
    "withdrawn_on",
    "closed_on",
    "uncertain",
    "note",
    "sources",
]
DEPLOYMENT_COLUMNS = [
    "mission",
    "contingent",
    "state",
    "formation",
    "unit_en",
    "area",
    "strength",
    "strength_estimated",
    "start",
    "end",
    "uncertain",
    "note",
    "sources",
]


@router.get("/export/requests.csv", summary="Every request as CSV")
def export_requests(request: HttpRequest) -> HttpResponse:
    """Every request as CSV. **Who:** anyone; no token needed. **Example:** `GET
    /api/v1/assistance/export/requests.csv`
    """
    rows = []
    for row in selectors.requests():
        out = request_out(row)
        out["decision_outcome"] = out["decision"]["outcome"] if out["decision"] else ""
        rows.append(out)
    return csv_response("assistance-requests.csv", REQUEST_COLUMNS, rows)


@router.get("/export/deployments.csv", summary="Every deployment as CSV")
def export_deployments(request: HttpRequest) -> HttpResponse:
    """Every deployment as CSV. **Who:** anyone; no token needed. **Example:** `GET
    /api/v1/assistance/export/deployments.csv`
    """
    rows = [deployment_out(d) for d in selectors.deployments()]
    return csv_response("deployments.csv", DEPLOYMENT_COLUMNS, rows)


@router.get("/export/assistance.json", summary="The whole assistance record as JSON")
def export_json(request: HttpRequest) -> Any:
    """The whole assistance record (requests, missions, deployments) as JSON. **Who:** anyone; no
    token needed. **Example:** `GET /api/v1/assistance/export/assistance.json`
    """
    return {
        "requests": [request_out(r) for r in selectors.requests()],
        "missions": [mission_out(m) for m in selectors.missions()],
    }
