"""schemathesis against the served OpenAPI document, once per role, with every check on.

The document is fetched from the app at run time (`/api/v1/openapi.json`), so every operation any
app mounts is fuzzed without a change here. Each role (the public, the secretariat, a delegation)
gets valid and invalid requests for every operation; every schemathesis check runs on every
response: no server error, documented status, content type and body, invalid input refused, valid
input accepted, authentication declared as it behaves. Valid input is accepted means: never refused
as input (a 422 problem of type `validation`: the document promised a limit it does not state);
a 422 `rule-violation` (an unknown state, an overlapping term) is the record's answer to data the
schema cannot know, as are 401/403/404 for a role that may not. schemathesis' coverage phase (boundary
values, missing and unexpected parameters and methods) runs once, as the secretariat, sampled; a
last pass sends a revoked token to every operation and expects 401.

Requests go straight into Django's WSGI application, inside this test's transaction on the CSTO
dataset (rolled back afterwards): no sockets, so thousands of requests fit in the suite's minute.
The examples per operation shrink as the API grows, so the run keeps its time budget; generation is
derandomized, so a failure reproduces. Figures: `pytest tests/test_api_fuzz.py -s`.
"""

from __future__ import annotations

import functools
import os
import random
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections, transaction
from django.test import Client
from hypothesis import HealthCheck, Phase, given, seed, settings, strategies
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from secretariat.core.domain.actors import Actor
from secretariat.core.models import ApiToken
from secretariat.core.services import issue_api_token

pytestmark = pytest.mark.django_db

SCHEMA_PATH = "/api/v1/openapi.json"
# Anonymous, the secretariat, the delegation of BY (the access table walks every persona).
ROLES = ["public", "sofia", "boris"]
# Compression is the HTTP layer's business; the fuzzer reads bodies as sent.
BASE_HEADERS = {"Accept-Encoding": "identity"}
# Requests for the whole run, shared out over roles and operations (valid and invalid input for
# each): the examples per operation shrink as the API grows, so the run keeps to its time. Raise it
# for a deeper run: FUZZ_REQUESTS=30000 pytest tests/test_api_fuzz.py
REQUESTS = int(os.environ.get("FUZZ_REQUESTS", "1500"))
MIN_EXAMPLES, MAX_EXAMPLES = 2, 50
REVOKED_TOKEN_EXAMPLES = 1
COVERAGE_CASES = 3  # per operation, out of schemathesis' coverage phase
# A schema-valid request may still break a domain rule (an unknown state, overlapping terms, an event
# already registered): the API answers 422 naming the field, as the README documents. Every other
# status schemathesis expects of valid input stays as it is.
POSITIVE_EXPECTED = ["2xx", "3xx", "401", "403", "404", "409", "422", "429"]


@dataclass
class Tally:
    role: str
    operations: int = 0
    requests: int = 0
    only_valid: int = 0
    unsatisfiable: int = 0
    failures: list[str] = field(default_factory=list)

    def line(self, seconds: float) -> str:
        return (
            f"fuzz {self.role}: {self.operations} operations, {self.requests} requests, "
            f"{len(self.failures)} findings, {seconds:.1f} s"
        )


@pytest.fixture
def in_process_requests() -> Iterator[None]:
    """As Django's test client does: keep this test's connection (and transaction) across
    requests, instead of closing it at the end of each one."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@functools.cache
def load_schema() -> Any:
    """The served document, fetched once per run (it is the same for every role)."""
    from secretariat.config.wsgi import application

    schema = schemathesis.openapi.from_wsgi(SCHEMA_PATH, application)
    schema.config.checks.positive_data_acceptance.expected_statuses = POSITIVE_EXPECTED
    # Each role's credentials are ours to send (or not): a request schemathesis "made invalid"
    # by dropping the Authorization header would still carry the role's token.
    schema.config.generation.with_security_parameters = False
    return schema


def valid_input_is_not_refused_as_input(ctx: Any, response: Any, case: Any) -> None:
    """A request built from the document is never refused as not matching it."""
    if response.status_code != 422:
        return
    body = response.json()
    assert not str(body.get("type", "")).endswith("#problem-validation"), (
        f"{case.operation.label} refused valid input: {body.get('detail')}"
    )


def examples_per_operation(operations: int) -> int:
    share = REQUESTS // (len(ROLES) * 2 * max(1, operations))
    return max(MIN_EXAMPLES, min(MAX_EXAMPLES, share))


def can_be_made_invalid(operation: Any) -> bool:
    """Whether schemathesis can build invalid input for the operation. A plain string in the path
    has no invalid value (every string is one), so operations with nothing else are fuzzed with
    valid input only, instead of letting Hypothesis search at length for what does not exist."""
    raw = operation.definition.raw
    if raw.get("requestBody"):
        return True
    for parameter in raw.get("parameters", []):
        schema = parameter.get("schema", {})
        if parameter.get("in") != "path" or schema.get("type") != "string":
            return True
        if {"pattern", "enum", "const", "format", "minLength", "maxLength"} & set(schema):
            return True
    return False


def fuzz(
    schema: Any,
    tally: Tally,
    headers: dict[str, str],
    modes: tuple[GenerationMode, ...],
    max_examples: int | None = None,
    extra_checks: list[Callable[..., Any]] | None = None,
) -> None:
    operations = [result.ok() for result in schema.get_all_operations()]
    tally.operations = len(operations)
    examples = max_examples or examples_per_operation(len(operations))
    for operation in operations:
        for mode in modes:
            if mode == GenerationMode.NEGATIVE and not can_be_made_invalid(operation):
                tally.only_valid += 1
                continue

            # Reproducible, yet each role and operation gets inputs of its own.
            @seed(zlib.crc32(f"{tally.role} {operation.label} {mode.value}".encode()))
            @settings(
                max_examples=examples,
                derandomize=True,
                database=None,
                deadline=None,
                suppress_health_check=list(HealthCheck),
                phases=[Phase.generate, Phase.shrink],
            )
            @given(
                case=operation.as_strategy(generation_mode=mode),
                valid=strategies.just(mode == GenerationMode.POSITIVE),
            )
            def run(case: Any, valid: bool) -> None:
                tally.requests += 1
                checks = list(extra_checks or [])
                if valid:
                    checks.append(valid_input_is_not_refused_as_input)
                # A savepoint per request: a database error in one (a 500, reported) cannot leave
                # the test's transaction unusable for the next on PostgreSQL.
                with transaction.atomic():
                    case.call_and_validate(
                        headers={**BASE_HEADERS, **headers}, additional_checks=checks
                    )

            try:
                run()
            except Unsatisfiable:
                tally.unsatisfiable += 1  # nothing in this operation's input can be made invalid
            except (Exception, BaseExceptionGroup) as exc:
                tally.failures.append(f"{operation.label} [{mode.value} input]: {exc}")


def cover(schema: Any, tally: Tally, headers: dict[str, str], per_operation: int) -> None:
    """schemathesis' coverage phase: boundary values, missing and unexpected parameters and
    methods, each operation's cases sampled (reproducibly) down to `per_operation`."""
    operations = [result.ok() for result in schema.get_all_operations()]
    tally.operations = len(operations)
    for operation in operations:
        cases = list(
            schema.iter_coverage_cases(
                operation,
                generation_modes=list(GenerationMode),
                generation_config=schema.config.generation,
            )
        )
        chosen = random.Random(operation.label).sample(cases, min(per_operation, len(cases)))
        for case in chosen:
            tally.requests += 1
            try:
                with transaction.atomic():
                    case.call_and_validate(headers={**BASE_HEADERS, **headers})
            except (Exception, BaseExceptionGroup) as exc:
                tally.failures.append(f"{operation.label} [coverage]: {exc}")


def report(tally: Tally, started: float) -> None:
    line = tally.line(time.monotonic() - started)
    print(line)
    assert not tally.failures, line + "\n\n" + "\n\n".join(tally.failures)


@pytest.mark.parametrize("role", ROLES)
def test_every_operation_as(role: str, personas: Any, in_process_requests: None) -> None:
    headers = {}
    if role != "public":
        token = issue_api_token(Actor.system("fuzz"), user=getattr(personas, role), name="fuzz")
        headers["Authorization"] = f"Bearer {token}"
    started, tally = time.monotonic(), Tally(role)
    fuzz(load_schema(), tally, headers, (GenerationMode.POSITIVE, GenerationMode.NEGATIVE))
    report(tally, started)


def test_boundaries_and_unexpected_input_as_the_secretariat(
    personas: Any, in_process_requests: None
) -> None:
    token = issue_api_token(Actor.system("fuzz"), user=personas.sofia, name="fuzz")
    started, tally = time.monotonic(), Tally("coverage, sofia")
    cover(load_schema(), tally, {"Authorization": f"Bearer {token}"}, COVERAGE_CASES)
    report(tally, started)


def test_every_operation_refuses_a_revoked_token(personas: Any, in_process_requests: None) -> None:
    from django.utils import timezone

    token = issue_api_token(Actor.system("fuzz"), user=personas.sofia, name="revoked")
    ApiToken.objects.filter(user=personas.sofia, name="revoked").update(revoked_at=timezone.now())

    def answers_401(ctx: Any, response: Any, case: Any) -> None:
        assert response.status_code == 401, (
            f"a revoked token got {response.status_code} from {case.operation.label}"
        )

    started, tally = time.monotonic(), Tally("revoked token")
    fuzz(
        load_schema(),
        tally,
        {"Authorization": f"Bearer {token}"},
        (GenerationMode.POSITIVE,),
        max_examples=REVOKED_TOKEN_EXAMPLES,
        extra_checks=[answers_401],
    )
    report(tally, started)


def _client(headers: dict[str, str] | None = None) -> Client:
    return Client(headers=headers or {})


@pytest.mark.any_dataset
def test_every_operation_documents_its_auth_and_its_errors_as_problems(client: Client) -> None:
    """Reads are open to the public unless they are the entry-ban register's or the full
    journal's; every write needs credentials. Every error is a documented problem."""
    document = client.get(SCHEMA_PATH).json()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            security = operation["security"]
            public = method == "get" and not path.startswith(
                ("/api/v1/entry-bans/", "/api/v1/journal/entries")
            )
            if path == "/api/v1/entry-bans/legal-basis":
                public = True
            assert ({} in security) == public, f"{method} {path}: {security}"
            responses = operation["responses"]
            assert {"401", "403", "404", "422"} <= set(responses), f"{method} {path}"
            for status in ("401", "403", "404", "422"):
                content = responses[status]["content"]
                assert set(content) == {"application/problem+json"}, f"{method} {path} {status}"


def test_a_number_is_not_a_date(personas: Any) -> None:
    """Found by fuzzing: `?date=1e-9` was read as a Unix timestamp, 1 January 1970."""
    from secretariat.members.models import ChairTerm

    public = _client()
    assert public.get("/api/v1/chairs/on?date=1e-9").status_code == 422
    assert public.get("/api/v1/organization?as_of=0").status_code == 422
    assert public.get("/api/v1/members?as_of=2011-08-12").status_code == 200
    token = issue_api_token(Actor.system("test"), user=personas.sofia, name="t")
    sofia = _client({"Authorization": f"Bearer {token}"})
    before = ChairTerm.objects.count()
    response = sofia.post(
        "/api/v1/chairs",
        {"state": "KZ", "holder_en": "Someone", "start": 0, "end": None},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert ChairTerm.objects.count() == before


def _subclasses(cls: type) -> Iterator[type]:
    sub: type
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


@pytest.mark.any_dataset
def test_no_two_schemas_share_a_name_in_the_document(client: Client) -> None:
    """The document keeps one schema per name: a second class of the same name (say, two apps'
    `RequestOut`) silently replaces the first, and one operation is described with the other's
    shape."""
    from pydantic import BaseModel

    names = set(client.get(SCHEMA_PATH).json()["components"]["schemas"])
    classes: dict[str, set[str]] = {}
    for model in _subclasses(BaseModel):
        if model.__module__.startswith("secretariat.") and model.__name__ in names:
            classes.setdefault(model.__name__, set()).add(
                f"{model.__module__}.{model.__qualname__}"
            )
    shared = {name: sorted(found) for name, found in classes.items() if len(found) > 1}
    assert not shared, f"rename one of each: {shared}"


@pytest.mark.any_dataset
def test_the_limits_the_code_enforces_are_in_the_document(client: Client) -> None:
    """Found by positive fuzzing: each was refused by the code and missing from the document."""
    document = client.get(SCHEMA_PATH).json()

    def parameter(path: str, name: str) -> dict[str, Any]:
        found = [p for p in document["paths"][path]["get"]["parameters"] if p["name"] == name]
        schema: dict[str, Any] = found[0]["schema"]
        return next(
            (option for option in schema.get("anyOf", []) if "null" not in str(option)), schema
        )

    year = parameter("/api/v1/entry-bans/requests/statistics", "year")
    assert (year["minimum"], year["maximum"]) == (1900, 2200)
    year = parameter("/api/v1/meetings/sessions", "year")
    assert (year["minimum"], year["maximum"]) == (1, 9999)
    assert parameter("/api/v1/meetings/on", "date")["format"] == "date"
    assert parameter("/api/v1/journal/proof/inclusion", "seq")["minimum"] == 1
    assert parameter("/api/v1/journal/proof/consistency", "first")["minimum"] == 0
    schemas = document["components"]["schemas"]
    assert "treaty" in schemas["InstrumentIn"]["properties"]["kind"]["enum"]
    assert schemas["InstrumentIn"]["properties"]["code"]["maxLength"] == 60
    # The bodies are the organization's (organization.json), so the document names where to
    # find them rather than listing the CSTO's.
    body = schemas["MeetingsSessionIn"]["properties"]["body"]
    assert body["maxLength"] == 16 and "/api/v1/organization/profile" in body["description"]
    assert set(schemas["RequestIn"]["properties"]["kind"]["enum"]) == {
        "access",
        "rectification",
        "erasure",
        "delisting",
    }
    assert schemas["ForcesContingentIn"]["properties"]["state"]["pattern"] == "^[A-Z]{2}$"
    assert schemas["ScreenIn"]["properties"]["name"]["maxLength"] == 300
    assert set(schemas["ScreenIn"]["properties"]["use"]["enum"]) == {"border", "investigation"}
    assert schemas["BatchIn"]["properties"]["queries"]["maxItems"] == 1000


@pytest.mark.any_dataset
def test_every_operation_has_a_written_summary_and_description(client: Client) -> None:
    """No summary generated from the function's name ("Get Act"), and a description that says
    who may call the operation, its errors and an example."""
    document = client.get(SCHEMA_PATH).json()
    lacking = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            name = operation["operationId"].rsplit("_api_", 1)[-1]
            generated = name.replace("_", " ").title()
            description = operation.get("description", "")
            if operation.get("summary", generated) == generated:
                lacking.append(f"{method} {path}: summary")
            for part in ("**Who:**", "**Example:**"):
                if part not in description:
                    lacking.append(f"{method} {path}: {part}")
            if operation["security"] == [{"ActorAuth": []}] and "401" not in description:
                lacking.append(f"{method} {path}: its 401")
    assert not lacking, lacking


@pytest.mark.any_dataset
def test_every_operation_is_in_one_described_capability(client: Client) -> None:
    document = client.get(SCHEMA_PATH).json()
    described = {tag["name"] for tag in document["tags"] if tag["description"]}
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert len(operation["tags"]) == 1, f"{method} {path}"
            assert operation["tags"][0] in described, f"{method} {path}"
