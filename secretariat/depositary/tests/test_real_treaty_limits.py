"""Three limits found by recomputing 13 real treaties (issue 13), each pinned by a regression test:
a condition's reference group is data of the instrument, the European Union can be recorded as a
party, and a state may ratify, withdraw and accede again."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from secretariat.core.domain.actors import Actor
from secretariat.depositary import interchange, selectors
from secretariat.depositary.domain import countries
from secretariat.depositary.domain.acts import Act, ActKind, check_acts
from secretariat.depositary.domain.clauses import (
    Align,
    Condition,
    EntryIntoForce,
    FinalClauses,
    ReferenceGroup,
    Timing,
    Withdrawal,
)
from secretariat.depositary.domain.engine import Standing, evaluate

D = dt.date
K = ActKind
COE = ["AL", "AM", "EE", "HR", "HU", "LT", "RO"]  # enough of the Council of Europe for the test


def coe_instrument(acts: list[dict[str, str]]) -> dict[str, object]:
    return {
        "code": "cybercrime-sample",
        "title_en": "Convention on Cybercrime (sample)",
        "kind": "convention",
        "adopted_on": "2001-11-23",
        "participation": "open",
        "final_clauses": {
            "entry_into_force": {
                "article": "article 36(3)",
                "condition": {
                    "consents": 5,
                    "of_members": 3,
                    "members_of": {"name": "member States of the Council of Europe", "states": COE},
                },
                "timing": {"months": 3, "align": "first_of_following_month"},
            }
        },
        "acts": acts,
    }


def status_of_file(tmp_path: Path, document: object, as_of: str, as_json: bool = True) -> str:
    path = tmp_path / "instrument.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    out = io.StringIO()
    args = ["status", str(path), "--as-of", as_of] + (["--json"] if as_json else [])
    call_command("depositary", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


# --- a condition's reference group --------------------------------------------------------------


def test_five_consents_including_three_council_of_europe_states_counts_that_group():
    clauses = FinalClauses(
        entry_into_force=EntryIntoForce(
            condition=Condition(
                consents=5,
                of_members=3,
                group=ReferenceGroup("member States of the Council of Europe", frozenset(COE)),
            ),
            timing=Timing(months=3, align=Align.FIRST_OF_FOLLOWING_MONTH),
        )
    )
    acts = [
        Act(i + 1, state, K.RATIFICATION, day)
        for i, (state, day) in enumerate(
            [
                ("AL", D(2002, 6, 20)),
                ("HR", D(2002, 10, 17)),
                ("EE", D(2003, 5, 12)),
                ("HU", D(2003, 12, 4)),
                ("LT", D(2004, 3, 18)),
            ]
        )
    ]

    # The organization keeping the record (members) is not the Council of Europe.
    status = evaluate(clauses, acts, as_of=D(2008, 1, 1), members=frozenset({"RU", "KZ"}))

    assert status.entry_into_force == D(2004, 7, 1)
    assert "including at least 3 by member States of the Council of Europe" in status.basis


def test_the_status_command_on_a_file_says_what_the_instrument_waits_for(db, tmp_path):
    acts = [
        {"state": "US", "kind": "ratification", "date": "2006-09-29"},
        {"state": "JP", "kind": "ratification", "date": "2012-07-03"},
        {"state": "AL", "kind": "ratification", "date": "2002-06-20"},
        {"state": "HR", "kind": "ratification", "date": "2002-10-17"},
    ]

    waiting = json.loads(status_of_file(tmp_path, coe_instrument(acts), "2013-01-01"))
    assert waiting["entry_into_force"] is None
    assert waiting["still_needed"] == [
        "1 more consent (4 of 5)",
        "1 more consent by member States of the Council of Europe (2 of 3)",
    ]
    text = status_of_file(tmp_path, coe_instrument(acts), "2013-01-01", as_json=False)
    assert "waiting for 1 more consent (4 of 5); 1 more consent by member States" in text

    acts.append({"state": "EE", "kind": "ratification", "date": "2013-05-12"})
    met = json.loads(status_of_file(tmp_path, coe_instrument(acts), "2014-01-01"))
    assert met["entry_into_force"] == "2013-09-01"
    assert met["still_needed"] == []


def test_a_clause_counting_member_states_in_a_file_uses_the_organizations_members(db, tmp_path):
    document = coe_instrument(
        [
            {"state": state, "kind": "ratification", "date": f"2020-0{i + 1}-01"}
            for i, state in enumerate(["RU", "KZ", "BY", "US", "JP"])
        ]
    )
    document["final_clauses"]["entry_into_force"]["condition"].pop("members_of")  # type: ignore[index]

    answer = json.loads(status_of_file(tmp_path, document, "2021-01-01"))

    assert answer["entry_into_force"] == "2020-09-01"  # RU, KZ, BY are the CSTO's members


def test_a_reference_group_round_trips_through_the_format():
    parsed = interchange.check(coe_instrument([]))[0]

    again = FinalClauses.from_dict(parsed.clauses.to_dict())
    assert again.entry_into_force.condition.group == ReferenceGroup(
        "member States of the Council of Europe", frozenset(COE)
    )


# --- the European Union -------------------------------------------------------------------------


def test_the_european_union_is_recorded_as_a_regional_organization():
    assert countries.resolve("European Union") == "EU"
    assert countries.resolve("EU") == "EU"
    assert countries.resolve("the European Community") == "EU"
    assert countries.is_regional_organization("EU")
    assert countries.name_of("EU") == "European Union"


def test_an_open_instrument_takes_the_european_unions_consent_and_shows_its_page(db):
    document = {
        "code": "att-eu-sample",
        "title_en": "Arms Trade Treaty (sample)",
        "kind": "treaty",
        "adopted_on": "2013-04-02",
        "participation": "open",
        "final_clauses": {"entry_into_force": {"condition": {"consents": 1}}},
        "acts": [{"state": "European Union", "kind": "approval", "date": "2014-04-02"}],
    }

    interchange.store(document, Actor.system("tests"))

    status = selectors.status_of(selectors.instrument("att-eu-sample"), D(2015, 1, 1))
    assert status.states["EU"].standing is Standing.PARTY
    page = Client().get("/en/depositary/states/EU/")
    assert page.status_code == 200 and "European Union" in page.content.decode()


# --- ratification, withdrawal, later accession --------------------------------------------------


def test_accession_after_a_withdrawal_took_effect_is_a_valid_history():
    acts = [
        Act(1, "UZ", K.RATIFICATION, D(1994, 4, 20)),
        Act(2, "UZ", K.WITHDRAWAL, D(1998, 10, 20)),
        Act(3, "UZ", K.ACCESSION, D(2008, 3, 28)),
    ]
    clauses = FinalClauses(withdrawal=Withdrawal(months=6))

    flags = check_acts(acts, withdrawal_effective=clauses.withdrawal.effective)

    assert [f.code for f in flags] == []
    status = evaluate(clauses, acts, as_of=D(2010, 1, 1))
    assert status.states["UZ"].standing is Standing.PARTY


def test_a_second_consent_while_the_withdrawal_is_still_running_is_flagged():
    acts = [
        Act(1, "UZ", K.RATIFICATION, D(1994, 4, 20)),
        Act(2, "UZ", K.WITHDRAWAL, D(1998, 10, 20)),
        Act(3, "UZ", K.ACCESSION, D(1999, 1, 1)),  # the withdrawal takes effect in April 1999
    ]

    flags = check_acts(acts, withdrawal_effective=Withdrawal(months=6).effective)

    assert [f.code for f in flags] == ["repeated_consent"]


def test_uzbekistans_return_to_the_treaty_raises_no_flag_in_the_dataset(db):
    status = selectors.status_of(selectors.instrument("cst-1992"), D(2011, 8, 12))
    document = json.loads(json.dumps(status.flags, default=str))

    assert not [f for f in status.flags if f.state == "UZ"], document
    assert status.states["UZ"].standing is Standing.PARTY


@pytest.mark.parametrize("revoked_first", [True, False])
def test_a_consent_after_a_revoked_one_is_not_a_repeat(revoked_first):
    acts = [Act(1, "RU", K.RATIFICATION, D(2000, 1, 1))]
    if revoked_first:
        acts.append(Act(2, "RU", K.REVOCATION, D(2001, 1, 1), revokes=1))
    acts.append(Act(3, "RU", K.RATIFICATION, D(2002, 1, 1)))

    codes = [f.code for f in check_acts(acts)]

    assert codes == ([] if revoked_first else ["repeated_consent"])
