"""Entry into force from final clauses: secretariat.depositary.domain (pure, no database).

Each pattern of issue 3 is checked against the dates the real treaties' depositaries published;
where only the deciding deposits are public, the other deposits are filled in before them.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from secretariat.core.domain.errors import RuleViolation
from secretariat.depositary.domain.acts import Act, ActKind, check_acts
from secretariat.depositary.domain.clauses import (
    Align,
    Condition,
    Declared,
    EntryIntoForce,
    FinalClauses,
    Later,
    LaterStart,
    Provisional,
    ProvisionalMode,
    Term,
    Timing,
    Withdrawal,
)
from secretariat.depositary.domain.dates import add_months, first_of_following_month
from secretariat.depositary.domain.engine import Standing, evaluate

D = dt.date
K = ActKind
FAR = D(2100, 1, 1)


class Acts:
    """A small factory: acts get increasing keys, i.e. the order in which they were received."""

    def __init__(self) -> None:
        self.items: list[Act] = []

    def add(self, state: str, kind: ActKind, date: dt.date, **extra: object) -> Act:
        act = Act(len(self.items) + 1, state, kind, date, **extra)  # type: ignore[arg-type]
        self.items.append(act)
        return act

    def fill(
        self, count: int, before: dt.date, kind: ActKind = K.RATIFICATION, prefix: str = "X"
    ) -> None:
        """`count` consents by filler states, one a week, ending before `before`."""
        for i in range(count):
            self.add(f"{prefix}{i:02d}", kind, before - dt.timedelta(days=7 * (count - i)))


def att(later_start: LaterStart = LaterStart.ENTRY_INTO_FORCE) -> FinalClauses:
    return FinalClauses(
        entry_into_force=EntryIntoForce(
            condition=Condition(consents=50),
            timing=Timing(days=90),
            later=Later(timing=Timing(days=90), start=later_start),
            article="article 22",
        )
    )


# --- date arithmetic (the choices docs/depositary.md documents) -------------------------------


def test_months_keep_the_day_of_the_month_and_clamp_to_the_last_day():
    assert add_months(D(2014, 4, 14), 12) == D(2015, 4, 14)
    assert add_months(D(2019, 8, 31), 6) == D(2020, 2, 29)
    assert add_months(D(2021, 8, 31), 6) == D(2022, 2, 28)
    assert add_months(D(2020, 1, 31), 1) == D(2020, 2, 29)
    assert add_months(D(2025, 12, 15), 1) == D(2026, 1, 15)


def test_dates_past_the_end_of_the_calendar_stay_at_its_last_day():
    assert add_months(D(9999, 6, 1), 12) == D.max
    assert Timing(days=400).apply(D(9999, 6, 1)) == D.max
    assert Term(years=5, renewal_years=5).current_end(D(9990, 1, 1), D(9999, 12, 31)) == D.max


def test_the_first_of_the_following_month_is_strictly_after_even_on_a_first():
    assert first_of_following_month(D(2003, 4, 1)) == D(2003, 5, 1)
    assert first_of_following_month(D(2002, 6, 10)) == D(2002, 7, 1)
    assert first_of_following_month(D(2025, 12, 31)) == D(2026, 1, 1)


def test_council_of_europe_months_ending_on_a_first_move_to_the_next_month():
    timing = Timing(months=3, align=Align.FIRST_OF_FOLLOWING_MONTH)
    assert timing.apply(D(2004, 3, 1)) == D(2004, 7, 1)
    assert timing.apply(D(2004, 3, 18)) == D(2004, 7, 1)


# --- 1. N-th consent + k days; later states keyed to EIF (ATT) or to the N-th deposit (TPNW) ---


def att_history() -> Acts:
    acts = Acts()
    acts.fill(45, D(2014, 9, 25))
    # Seven deposits on 25 September 2014 straddled the 50th (Argentina and the Bahamas among them).
    for state in ("AR", "BS", "PT", "CZ", "SN", "UY", "SK"):
        acts.add(state, K.RATIFICATION, D(2014, 9, 25))
    return acts


def test_att_enters_into_force_90_days_after_the_50th_deposit():
    status = evaluate(att(), att_history().items, as_of=D(2015, 1, 1))

    assert status.condition_met_on == D(2014, 9, 25)
    assert status.entry_into_force == D(2014, 12, 24)
    assert status.in_force
    assert status.completed_by is not None and status.completed_by.state == "SN"
    assert len(status.jointly) == 7
    assert status.states["AR"].in_force_from == D(2014, 12, 24)
    assert status.states["BS"].in_force_from == D(2014, 12, 24)
    assert "article 22" in status.states["AR"].basis


def test_att_later_state_gets_its_own_deposit_plus_90_days():
    acts = att_history()
    acts.add("LATE", K.ACCESSION, D(2015, 5, 20))

    status = evaluate(att(), acts.items, as_of=D(2016, 1, 1))

    assert status.states["LATE"].in_force_from == D(2015, 8, 18)
    assert status.states["LATE"].consent is not None


def test_att_and_tpnw_differ_for_a_deposit_between_the_threshold_and_entry_into_force():
    acts = Acts()
    acts.fill(49, D(2020, 10, 24))
    acts.add("HN", K.RATIFICATION, D(2020, 10, 24))  # Honduras, the 50th
    acts.add("BJ", K.RATIFICATION, D(2020, 12, 11))  # Benin, before the EIF of 22 January 2021

    tpnw = evaluate(att(LaterStart.CONDITION), acts.items, as_of=D(2021, 6, 1))
    att_like = evaluate(att(LaterStart.ENTRY_INTO_FORCE), acts.items, as_of=D(2021, 6, 1))

    assert tpnw.entry_into_force == att_like.entry_into_force == D(2021, 1, 22)
    assert tpnw.completed_by is not None and tpnw.completed_by.state == "HN"
    assert tpnw.states["BJ"].in_force_from == D(2021, 3, 11)
    assert att_like.states["BJ"].in_force_from == D(2021, 1, 22)


def test_a_deposit_on_the_entry_into_force_day_is_after_it():
    acts = att_history()
    acts.add("EIF", K.RATIFICATION, D(2014, 12, 24))

    status = evaluate(att(), acts.items, as_of=D(2016, 1, 1))

    assert status.states["EIF"].in_force_from == D(2015, 3, 24)


def test_between_the_threshold_and_entry_into_force_the_states_are_bound_but_not_parties():
    status = evaluate(att(), att_history().items, as_of=D(2014, 10, 1))

    assert status.condition_met_on == D(2014, 9, 25)
    assert status.entry_into_force == D(2014, 12, 24)
    assert not status.in_force
    assert status.states["AR"].standing is Standing.CONSENTED
    assert status.parties == 0


def test_before_the_threshold_nothing_is_in_force():
    status = evaluate(att(), att_history().items, as_of=D(2014, 9, 24))

    assert status.condition_met_on is None
    assert status.entry_into_force is None
    assert status.consents == 45


def test_same_day_deposits_give_the_same_result_whatever_order_they_arrive_in():
    base = att_history().items
    dates = set()
    for seed in range(5):
        shuffled = list(base)
        random.Random(seed).shuffle(shuffled)
        renumbered = [
            Act(i + 1, a.state, a.kind, a.date) for i, a in enumerate(shuffled)
        ]  # a different order of receipt
        status = evaluate(att(), renumbered, as_of=D(2015, 1, 1))
        dates.add(status.entry_into_force)
        assert {a.state for a in status.jointly} == {"AR", "BS", "PT", "CZ", "SN", "UY", "SK"}
        assert status.completed_by in status.jointly
    assert dates == {D(2014, 12, 24)}


# --- 2. with an earliest-date floor (CWC art. XXI) ----------------------------------------------


def cwc() -> FinalClauses:
    return FinalClauses(
        entry_into_force=EntryIntoForce(
            condition=Condition(consents=65),
            timing=Timing(days=180),
            floor=D(1995, 1, 13),  # two years after opening for signature on 13 January 1993
            later=Later(timing=Timing(days=30)),
            article="article XXI",
        )
    )


def test_cwc_enters_into_force_180_days_after_the_65th_deposit():
    acts = Acts()
    acts.fill(64, D(1996, 10, 31))
    acts.add("HU", K.RATIFICATION, D(1996, 10, 31))
    acts.add("LATE", K.RATIFICATION, D(1997, 9, 1))

    status = evaluate(cwc(), acts.items, as_of=D(1998, 1, 1))

    assert status.entry_into_force == D(1997, 4, 29)
    assert status.completed_by is not None and status.completed_by.state == "HU"
    assert status.states["LATE"].in_force_from == D(1997, 10, 1)


def test_cwc_floor_holds_when_the_65th_deposit_comes_early():
    acts = Acts()
    acts.fill(65, D(1994, 3, 1))

    status = evaluate(cwc(), acts.items, as_of=D(1998, 1, 1))

    assert status.entry_into_force == D(1995, 1, 13)


# --- 3. first day of the M-th month after the month of the N-th deposit (Ottawa, CCM) ----------


@pytest.mark.parametrize(
    ("needed", "deciding", "expected"),
    [(40, D(1998, 9, 16), D(1999, 3, 1)), (30, D(2010, 2, 16), D(2010, 8, 1))],
    ids=["ottawa", "cluster-munitions"],
)
def test_ottawa_and_cluster_munitions_enter_into_force_the_first_day_of_the_sixth_month(
    needed, deciding, expected
):
    clauses = FinalClauses(
        entry_into_force=EntryIntoForce(
            condition=Condition(consents=needed),
            timing=Timing(months=6, align=Align.FIRST_OF_MONTH),
            later=Later(timing=Timing(months=6, align=Align.FIRST_OF_MONTH)),
            article="article 17",
        )
    )
    acts = Acts()
    acts.fill(needed, deciding)
    acts.items[-1] = Act(acts.items[-1].key, "LAST", K.RATIFICATION, deciding)
    acts.add("LATE", K.RATIFICATION, D(2011, 11, 30))

    status = evaluate(clauses, acts.items, as_of=D(2013, 1, 1))

    assert status.entry_into_force == expected
    assert status.states["LATE"].in_force_from == D(2012, 5, 1)


# --- 4. first day of the month after the k-th day following the N-th deposit (Rome art. 126) ---


def rome() -> FinalClauses:
    timing = Timing(days=60, align=Align.FIRST_OF_FOLLOWING_MONTH)
    return FinalClauses(
        entry_into_force=EntryIntoForce(
            condition=Condition(consents=60),
            timing=timing,
            later=Later(timing=timing, start=LaterStart.CONDITION, article="article 126(2)"),
            article="article 126(1)",
        )
    )


def test_rome_statute_ten_deposits_on_one_day_each_of_them_the_sixtieth():
    acts = Acts()
    acts.fill(56, D(2002, 4, 11))
    joint = [f"J{i}" for i in range(10)]
    for state in joint:
        acts.add(state, K.RATIFICATION, D(2002, 4, 11))
    acts.add("AL", K.ACCESSION, D(2003, 1, 31))  # Albania

    status = evaluate(rome(), acts.items, as_of=D(2004, 1, 1))

    assert status.entry_into_force == D(2002, 7, 1)
    assert [a.state for a in status.jointly] == joint
    # The 57th to 60th arrived together; in order of receipt the fourth of the day made sixty.
    assert status.completed_by is not None and status.completed_by.state == "J3"
    assert status.states["J9"].in_force_from == D(2002, 7, 1)
    # Day 60 after 31 January 2003 is 1 April 2003; "the month after" it is May.
    assert status.states["AL"].in_force_from == D(2003, 5, 1)


# --- 5. Council of Europe: N consents, q of them by member states, + M months, 1st of month ----


def budapest() -> FinalClauses:
    timing = Timing(months=3, align=Align.FIRST_OF_FOLLOWING_MONTH)
    return FinalClauses(
        entry_into_force=EntryIntoForce(
            condition=Condition(consents=5, of_members=3),
            timing=timing,
            later=Later(timing=timing, start=LaterStart.CONDITION, article="article 36(4)"),
            article="article 36(3)",
        )
    )


COE_MEMBERS = frozenset({"AL", "HR", "EE", "HU", "LT", "AM", "RO"})


def test_budapest_convention_enters_into_force_after_five_ratifications_three_by_members():
    acts = Acts()
    acts.add("AL", K.RATIFICATION, D(2002, 6, 20))
    acts.add("HR", K.RATIFICATION, D(2002, 10, 17))
    acts.add("EE", K.RATIFICATION, D(2003, 5, 12))
    acts.add("HU", K.RATIFICATION, D(2003, 12, 4))
    acts.add("LT", K.RATIFICATION, D(2004, 3, 18))
    acts.add("AM", K.RATIFICATION, D(2006, 10, 12))

    status = evaluate(budapest(), acts.items, as_of=D(2008, 1, 1), members=COE_MEMBERS)

    assert status.entry_into_force == D(2004, 7, 1)
    assert status.completed_by is not None and status.completed_by.state == "LT"
    assert status.states["AM"].in_force_from == D(2007, 2, 1)
    assert status.states["AM"].basis == "article 36(4)"


def test_the_council_of_europe_clause_waits_for_the_third_member_state():
    acts = Acts()
    for i, state in enumerate(("US", "JP", "AL", "CA", "HR")):  # only AL and HR are members
        acts.add(state, K.RATIFICATION, D(2003, 1, 1) + dt.timedelta(days=30 * i))
    acts.add("EE", K.RATIFICATION, D(2004, 3, 18))

    status = evaluate(budapest(), acts.items, as_of=D(2008, 1, 1), members=COE_MEMBERS)

    assert status.condition_met_on == D(2004, 3, 18)
    assert status.entry_into_force == D(2004, 7, 1)


# --- 6. all parties must consent, then a timing rule (ECHR Protocol No. 15) -------------------


def test_protocol_15_enters_into_force_after_the_last_of_all_parties():
    parties = [f"P{i:02d}" for i in range(46)] + ["IT"]
    clauses = FinalClauses(
        entry_into_force=EntryIntoForce(
            condition=Condition(all_of=frozenset(parties)),
            timing=Timing(months=3, align=Align.FIRST_OF_FOLLOWING_MONTH),
            article="article 7",
        )
    )
    acts = Acts()
    acts.add("IE", K.SIGNATURE, D(2013, 6, 24))  # not a party to the list: does not matter
    for i, state in enumerate(parties[:-2]):
        acts.add(state, K.RATIFICATION, D(2014, 1, 1) + dt.timedelta(days=30 * i))
    # Definitive signatures ("S") count as consent.
    acts.add(parties[-2], K.DEFINITIVE_SIGNATURE, D(2013, 6, 24))

    waiting = evaluate(clauses, acts.items, as_of=D(2021, 4, 20))
    assert waiting.entry_into_force is None
    assert waiting.waiting_for == ("IT",)

    acts.add("IT", K.RATIFICATION, D(2021, 4, 21))
    status = evaluate(clauses, acts.items, as_of=D(2022, 1, 1))

    assert status.entry_into_force == D(2021, 8, 1)
    assert status.completed_by is not None and status.completed_by.state == "IT"
    assert status.parties == 47


# --- 7. a fixed date, provided every party has deposited (accession treaties) -----------------


def accession_treaty() -> FinalClauses:
    return FinalClauses(
        entry_into_force=EntryIntoForce(
            condition=Condition(all_of=frozenset({"HR", "DE", "FR", "BE"})),
            fixed_date=D(2013, 7, 1),
            article="article 3(3)",
        )
    )


def test_the_croatian_accession_treaty_enters_into_force_on_its_fixed_date():
    acts = Acts()
    for state, day in (("HR", D(2012, 4, 12)), ("FR", D(2012, 11, 6)), ("BE", D(2013, 5, 29))):
        acts.add(state, K.RATIFICATION, day)
    acts.add("DE", K.RATIFICATION, D(2013, 6, 21))  # the last deposit

    status = evaluate(accession_treaty(), acts.items, as_of=D(2014, 1, 1))

    assert status.entry_into_force == D(2013, 7, 1)
    assert status.states["HR"].in_force_from == D(2013, 7, 1)


def test_a_fixed_date_missed_by_the_last_deposit_leaves_the_treaty_out_of_force_and_says_why():
    acts = Acts()
    for state in ("HR", "FR", "BE"):
        acts.add(state, K.RATIFICATION, D(2013, 1, 1))
    acts.add("DE", K.RATIFICATION, D(2013, 7, 1))

    status = evaluate(accession_treaty(), acts.items, as_of=D(2014, 1, 1))

    assert status.entry_into_force is None
    assert [f.code for f in status.flags] == ["condition_after_fixed_date"]


# --- 8. N consents with definitive signatures + M months; later + m months, not before EIF ----


def nairobi() -> FinalClauses:
    return FinalClauses(
        entry_into_force=EntryIntoForce(
            condition=Condition(consents=10),
            timing=Timing(months=12),
            later=Later(
                timing=Timing(months=3),
                start=LaterStart.CONDITION,
                not_before_entry_into_force=True,
                article="article 18(2)",
            ),
            article="article 18(1)",
        )
    )


def test_nairobi_convention_twelve_months_after_the_tenth_then_three_months_not_before():
    acts = Acts()
    acts.fill(7, D(2014, 4, 14))
    acts.add("X90", K.DEFINITIVE_SIGNATURE, D(2013, 1, 1))
    acts.add("X91", K.DEFINITIVE_SIGNATURE, D(2013, 2, 1))
    acts.add("DK", K.ACCESSION, D(2014, 4, 14))  # Denmark, the tenth
    acts.add("AG", K.ACCESSION, D(2015, 1, 9))  # Antigua and Barbuda
    acts.add("KE", K.ACCESSION, D(2015, 4, 14))  # Kenya
    acts.add("CH", K.RATIFICATION, D(2016, 5, 16))  # Switzerland

    status = evaluate(nairobi(), acts.items, as_of=D(2017, 1, 1))

    assert status.entry_into_force == D(2015, 4, 14)
    assert status.completed_by is not None and status.completed_by.state == "DK"
    assert status.states["AG"].in_force_from == D(2015, 4, 14)
    assert status.states["KE"].in_force_from == D(2015, 7, 14)
    assert status.states["CH"].in_force_from == D(2016, 8, 16)
    assert status.states["X90"].in_force_from == D(2015, 4, 14)


# --- 9. a count and a weight (Paris art. 21); a weight declared by the depositary -------------


def paris(declared: Declared | None = None) -> FinalClauses:
    weights = {f"X{i:02d}": 0.5 for i in range(60)} | {"BIG": 30.0}
    return FinalClauses(
        entry_into_force=EntryIntoForce(
            condition=Condition(consents=55, weights=weights, min_weight=55.0),
            timing=Timing(days=30),
            later=Later(timing=Timing(days=30), start=LaterStart.CONDITION),
            declared=declared,
            article="article 21(1)",
        )
    )


def paris_acts() -> Acts:
    acts = Acts()
    acts.fill(60, D(2016, 9, 30))  # 60 parties, but only 30% of emissions
    acts.add("BIG", K.RATIFICATION, D(2016, 10, 5))
    acts.add("DZ", K.RATIFICATION, D(2016, 10, 20))  # Algeria
    return acts


def test_paris_needs_55_parties_and_55_percent_of_emissions():
    status = evaluate(paris(), paris_acts().items, as_of=D(2017, 1, 1))

    assert status.condition_met_on == D(2016, 10, 5)
    assert status.entry_into_force == D(2016, 11, 4)
    assert status.completed_by is not None and status.completed_by.state == "BIG"
    assert status.states["DZ"].in_force_from == D(2016, 11, 19)


def test_a_weight_the_system_cannot_compute_may_be_declared_with_its_reason():
    declared = Declared(D(2016, 10, 5), "55% threshold confirmed from the UNFCCC emissions table")
    clauses = FinalClauses(
        entry_into_force=EntryIntoForce(
            condition=Condition(consents=55, min_weight=55.0, weights={"ZZ": 1.0}),
            timing=Timing(days=30),
            later=Later(timing=Timing(days=30), start=LaterStart.CONDITION),
            declared=declared,
        )
    )
    acts = Acts()
    acts.fill(70, D(2016, 10, 5))
    acts.add("DZ", K.RATIFICATION, D(2016, 10, 20))

    status = evaluate(clauses, acts.items, as_of=D(2017, 1, 1))

    assert status.entry_into_force == D(2016, 11, 4)
    assert "UNFCCC emissions table" in status.basis
    assert status.states["DZ"].in_force_from == D(2016, 11, 19)
    assert evaluate(clauses, acts.items, as_of=D(2016, 10, 4)).entry_into_force is None


# --- 10. every state of a named list (CTBT art. XIV, annex 2) -------------------------------


CTBT_MISSING = ("CN", "EG", "IL", "IN", "IR", "KP", "PK", "US")


def ctbt() -> FinalClauses:
    annex = frozenset([f"A{i:02d}" for i in range(35)] + list(CTBT_MISSING) + ["RU"])
    return FinalClauses(
        entry_into_force=EntryIntoForce(
            condition=Condition(all_of=annex),
            timing=Timing(days=180),
            floor=D(1998, 9, 24),
            article="article XIV",
        )
    )


def test_ctbt_waits_for_every_annex_2_state_and_russia_revoked_its_ratification():
    acts = Acts()
    acts.fill(35, D(1999, 1, 1), prefix="A")
    acts.add("RU", K.SIGNATURE, D(1996, 9, 24))
    ratification = acts.add("RU", K.RATIFICATION, D(2000, 6, 30))
    acts.add("RU", K.REVOCATION, D(2023, 11, 2), revokes=ratification.key)
    acts.add("US", K.SIGNATURE, D(1996, 9, 24))

    in_2020 = evaluate(ctbt(), acts.items, as_of=D(2020, 1, 1))
    in_2024 = evaluate(ctbt(), acts.items, as_of=D(2024, 1, 1))

    assert in_2020.entry_into_force is None
    assert in_2020.waiting_for == CTBT_MISSING
    assert in_2020.states["RU"].standing is Standing.CONSENTED
    assert in_2024.waiting_for == tuple(sorted((*CTBT_MISSING, "RU")))
    russia = in_2024.states["RU"]
    assert russia.standing is Standing.SIGNATORY
    assert russia.signature is not None
    assert [(t.kind, r.date) for t, r in russia.revoked] == [(K.RATIFICATION, D(2023, 11, 2))]


def test_ctbt_would_wait_for_its_floor_two_years_after_opening():
    clauses = ctbt()
    acts = Acts()
    for i, state in enumerate(sorted(clauses.entry_into_force.condition.all_of)):
        acts.add(state, K.RATIFICATION, D(1996, 10, 1) + dt.timedelta(days=i))

    status = evaluate(clauses, acts.items, as_of=D(2000, 1, 1))

    assert status.entry_into_force == D(1998, 9, 24)


# --- 11. the CSTO/CIS form: on receipt of the N-th notification, no delay, maybe retroactive ---


def csto(needed: int, retroactive: dt.date | None = None) -> FinalClauses:
    return FinalClauses(
        entry_into_force=EntryIntoForce(
            condition=Condition(consents=needed, counted=frozenset({K.NOTIFICATION})),
            later=Later(start=LaterStart.CONDITION),
            retroactive_from=retroactive,
            article="article 8",
        ),
        term=Term(years=5, renewal_years=5),
    )


def test_csto_agreement_enters_into_force_on_receipt_of_the_fourth_notification():
    acts = Acts()
    for i, state in enumerate(("RU", "KZ", "BY", "AM")):
        acts.add(state, K.SIGNATURE, D(2007, 10, 6))
        acts.add(state, K.NOTIFICATION, D(2008, 6, 1) + dt.timedelta(days=90 * i))
    acts.add("TJ", K.SIGNATURE, D(2007, 10, 6))
    acts.add("TJ", K.RATIFICATION, D(2009, 1, 1))  # a ratification is not the notification
    acts.add("KG", K.NOTIFICATION, D(2010, 2, 3))

    status = evaluate(csto(4), acts.items, as_of=D(2011, 1, 1))

    assert status.entry_into_force == D(2009, 2, 26)  # 2008-06-01 + 3 × 90 days
    assert status.completed_by is not None and status.completed_by.state == "AM"
    assert status.states["KG"].in_force_from == D(2010, 2, 3)
    assert status.states["TJ"].standing is Standing.SIGNATORY
    assert "notification" in status.basis


def test_the_1999_protocol_takes_effect_retroactively_from_21_april_1999():
    acts = Acts()
    for i, state in enumerate(("AM", "BY", "KZ", "KG", "RU", "TJ")):
        acts.add(state, K.SIGNATURE, D(1999, 4, 2))
        acts.add(state, K.NOTIFICATION, D(1999, 6, 1) + dt.timedelta(days=10 * i))

    status = evaluate(csto(5, D(1999, 4, 21)), acts.items, as_of=D(2011, 8, 12))

    assert status.entry_into_force == D(1999, 7, 11)
    assert status.effective_from == D(1999, 4, 21)
    assert status.states["TJ"].in_force_from == D(1999, 7, 21)
    assert status.term_ends == D(2014, 7, 11)


# --- 12. on ratification by all signatories (Collective Security Treaty, 1992) ---------------


def test_the_collective_security_treaty_waits_for_every_signatory_even_later_ones():
    clauses = FinalClauses(
        entry_into_force=EntryIntoForce(condition=Condition(all_signatories=True)),
        term=Term(years=5, renewal_years=5),
    )
    acts = Acts()
    for state in ("AM", "KZ", "KG", "RU", "TJ", "UZ"):
        acts.add(state, K.SIGNATURE, D(1992, 5, 15))
    acts.add("BY", K.SIGNATURE, D(1993, 12, 31))
    for state in ("AM", "KZ", "KG", "RU", "TJ", "UZ"):
        acts.add(state, K.RATIFICATION, D(1994, 2, 1))

    assert evaluate(clauses, acts.items, as_of=D(1994, 3, 1)).waiting_for == ("BY",)

    acts.add("BY", K.RATIFICATION, D(1994, 4, 20))
    status = evaluate(clauses, acts.items, as_of=D(2011, 8, 12))

    assert status.entry_into_force == D(1994, 4, 20)
    assert status.parties == 7
    assert status.term_ends == D(2014, 4, 20)


# --- 13. provisional application -------------------------------------------------------------


def test_provisional_application_from_signature_until_entry_into_force():
    clauses = FinalClauses(
        entry_into_force=EntryIntoForce(condition=Condition(consents=2)),
        provisional=Provisional(ProvisionalMode.FROM_SIGNATURE),
    )
    acts = Acts()
    acts.add("MD", K.SIGNATURE, D(2015, 7, 22))
    acts.add("MD", K.RATIFICATION, D(2020, 7, 1))

    early = evaluate(clauses, acts.items, as_of=D(2016, 1, 1))
    assert early.states["MD"].standing is Standing.PROVISIONAL
    assert early.states["MD"].provisional_from == D(2015, 7, 22)

    acts.add("EU", K.APPROVAL, D(2020, 8, 2))
    assert evaluate(clauses, acts.items, as_of=D(2021, 1, 1)).states["MD"].standing is (
        Standing.PARTY
    )


def test_provisional_application_on_declaration():
    clauses = FinalClauses(provisional=Provisional(ProvisionalMode.ON_DECLARATION, "article 23"))
    acts = Acts()
    acts.add("NO", K.SIGNATURE, D(2013, 6, 3))
    acts.add("NO", K.PROVISIONAL_APPLICATION, D(2013, 6, 3))
    acts.add("SE", K.SIGNATURE, D(2013, 6, 3))

    status = evaluate(clauses, acts.items, as_of=D(2014, 1, 1))

    assert status.states["NO"].standing is Standing.PROVISIONAL
    assert status.states["SE"].standing is Standing.SIGNATORY


def test_provisional_application_is_ignored_when_the_clauses_do_not_allow_it():
    acts = Acts()
    acts.add("NO", K.PROVISIONAL_APPLICATION, D(2013, 6, 3))

    status = evaluate(FinalClauses(), acts.items, as_of=D(2014, 1, 1))

    assert status.states["NO"].provisional_from is None


# --- 14. withdrawal after notice, a date the state names; fixed terms with renewal ----------


def test_ottawa_withdrawal_takes_effect_six_months_after_notice():
    clauses = FinalClauses(withdrawal=Withdrawal(months=6, article="article 20"))
    acts = Acts()
    acts.add("FI", K.ACCESSION, D(2012, 1, 9))
    acts.add("FI", K.WITHDRAWAL, D(2025, 7, 10))

    pending = evaluate(clauses, acts.items, as_of=D(2025, 12, 1), adopted=D(1997, 9, 18))
    after = evaluate(clauses, acts.items, as_of=D(2026, 1, 10), adopted=D(1997, 9, 18))

    assert pending.states["FI"].withdrawal_effective == D(2026, 1, 10)
    assert pending.states["FI"].standing is Standing.PARTY
    assert after.states["FI"].standing is Standing.WITHDRAWN
    assert after.states["FI"].consent is not None  # history kept


def test_rome_statute_withdrawal_takes_effect_a_year_after_notice():
    clauses = FinalClauses(withdrawal=Withdrawal(months=12, article="article 127"))
    acts = Acts()
    acts.add("BI", K.RATIFICATION, D(2004, 9, 21))  # Burundi
    acts.add("BI", K.WITHDRAWAL, D(2016, 10, 27))

    assert evaluate(clauses, acts.items, as_of=D(2017, 10, 26)).states["BI"].standing is (
        Standing.PARTY
    )
    after = evaluate(clauses, acts.items, as_of=D(2017, 10, 27)).states["BI"]
    assert after.standing is Standing.WITHDRAWN
    assert after.withdrawal_effective == D(2017, 10, 27)


def test_a_withdrawal_revoked_before_it_takes_effect_leaves_the_state_a_party():
    clauses = FinalClauses(
        entry_into_force=EntryIntoForce(condition=Condition(consents=1)),
        withdrawal=Withdrawal(months=12, article="article 127"),
    )
    acts = Acts()
    acts.add("GM", K.RATIFICATION, D(2002, 6, 28))  # the Gambia
    notice = acts.add("GM", K.WITHDRAWAL, D(2016, 11, 10))
    acts.add("GM", K.REVOCATION, D(2017, 2, 10), revokes=notice.key)

    before = evaluate(clauses, acts.items, as_of=D(2017, 1, 1)).states["GM"]
    status = evaluate(clauses, acts.items, as_of=D(2018, 1, 1))

    assert before.withdrawal_effective == D(2017, 11, 10)
    gambia = status.states["GM"]
    assert gambia.standing is Standing.PARTY
    assert gambia.withdrawal is None
    assert [(t.kind, r.date) for t, r in gambia.revoked] == [(K.WITHDRAWAL, D(2017, 2, 10))]
    assert status.parties == 1


def test_withdrawal_90_days_after_notice_or_on_a_later_date_the_state_names():
    clauses = FinalClauses(withdrawal=Withdrawal(days=90))
    assert clauses.withdrawal.effective(D(2024, 1, 10), None) == D(2024, 4, 9)
    assert clauses.withdrawal.effective(D(2024, 1, 10), D(2024, 12, 31)) == D(2024, 12, 31)
    # A date earlier than the notice period allows: the period still runs.
    assert clauses.withdrawal.effective(D(2024, 1, 10), D(2024, 2, 1)) == D(2024, 4, 9)


def test_csto_withdrawal_at_least_six_months_before_the_named_date():
    rule = Withdrawal(months=6, state_may_name_later_date=True)
    assert rule.effective(D(2020, 1, 10), D(2020, 12, 31)) == D(2020, 12, 31)
    assert rule.effective(D(2020, 1, 10), D(2020, 3, 1)) == D(2020, 7, 10)


def test_a_withdrawal_before_entry_into_force_takes_the_consent_out_of_the_count():
    clauses = FinalClauses(entry_into_force=EntryIntoForce(condition=Condition(consents=3)))
    acts = Acts()
    acts.add("A", K.RATIFICATION, D(2020, 1, 1))
    acts.add("B", K.RATIFICATION, D(2020, 2, 1))
    acts.add("A", K.WITHDRAWAL, D(2020, 2, 2))
    acts.add("C", K.RATIFICATION, D(2020, 3, 1))
    acts.add("D", K.RATIFICATION, D(2020, 4, 1))

    status = evaluate(clauses, acts.items, as_of=D(2021, 1, 1))

    assert status.entry_into_force == D(2020, 4, 1)


def test_fixed_term_with_automatic_renewal():
    term = Term(years=5, renewal_years=5)
    assert term.current_end(D(1994, 4, 20), D(1995, 1, 1)) == D(1999, 4, 20)
    assert term.current_end(D(1994, 4, 20), D(1999, 4, 20)) == D(2004, 4, 20)
    assert term.current_end(D(1994, 4, 20), D(2011, 8, 12)) == D(2014, 4, 20)
    assert Term(years=5).current_end(D(1994, 4, 20), D(2000, 1, 1)) is None
    assert Term().current_end(D(1994, 4, 20), D(2000, 1, 1)) is None


def test_a_suspension_keeps_the_state_bound_but_marks_it():
    acts = Acts()
    acts.add("UZ", K.RATIFICATION, D(2008, 3, 28))
    acts.add("UZ", K.SUSPENSION, D(2012, 12, 19))

    status = evaluate(FinalClauses(), acts.items, as_of=D(2013, 1, 1), adopted=D(2006, 1, 1))

    assert status.states["UZ"].standing is Standing.SUSPENDED
    assert status.parties == 1


def test_a_decision_takes_effect_on_adoption():
    status = evaluate(FinalClauses(), [], as_of=D(2010, 1, 1), adopted=D(2009, 2, 4))

    assert status.entry_into_force == D(2009, 2, 4)
    assert status.basis == "in effect on adoption"


# --- odd data is flagged, impossible data refused ---------------------------------------------


def test_a_ratification_dated_before_the_signature_is_flagged_not_refused():
    acts = Acts()
    acts.add("GW", K.SIGNATURE, D(2012, 1, 4))
    acts.add("GW", K.RATIFICATION, D(2011, 12, 23))  # Guinea-Bissau, Kampala Convention

    flags = check_acts(acts.items)

    assert [f.code for f in flags] == ["consent_before_signature"]


def test_a_ratification_without_deposit_is_flagged_and_does_not_count():
    clauses = FinalClauses(entry_into_force=EntryIntoForce(condition=Condition(consents=1)))
    acts = Acts()
    acts.add("CM", K.RATIFICATION, D(2015, 1, 1), deposited=False, domestic_date=D(2015, 1, 1))

    status = evaluate(clauses, acts.items, as_of=D(2016, 1, 1))

    assert status.entry_into_force is None
    assert [f.code for f in status.flags] == ["not_deposited"]
    assert status.states["CM"].undeposited is not None
    assert status.states["CM"].standing is Standing.NONE


def test_a_revocation_of_another_states_act_is_refused():
    acts = Acts()
    target = acts.add("RU", K.RATIFICATION, D(2000, 6, 30))
    acts.add("US", K.REVOCATION, D(2023, 11, 2), revokes=target.key)

    with pytest.raises(RuleViolation, match="only its own acts"):
        check_acts(acts.items)


def test_a_revocation_must_name_an_existing_act():
    acts = Acts()
    acts.add("RU", K.REVOCATION, D(2023, 11, 2), revokes=999)

    with pytest.raises(RuleViolation, match="name the act it revokes"):
        check_acts(acts.items)


def test_a_withdrawal_cannot_take_effect_before_its_notice():
    acts = Acts()
    acts.add("FI", K.WITHDRAWAL, D(2025, 7, 10), named_date=D(2025, 1, 1))

    with pytest.raises(RuleViolation, match="before its notice"):
        check_acts(acts.items)


def test_an_act_before_the_instrument_was_adopted_is_refused():
    acts = Acts()
    acts.add("AM", K.SIGNATURE, D(1992, 5, 14))

    with pytest.raises(RuleViolation, match="adopted on 1992-05-15"):
        check_acts(acts.items, adopted=D(1992, 5, 15))


def test_withdrawal_from_an_instrument_that_allows_none_is_refused():
    acts = Acts()
    acts.add("AM", K.WITHDRAWAL, D(2000, 1, 1))

    with pytest.raises(RuleViolation, match="allow no withdrawal"):
        check_acts(acts.items, withdrawal_allowed=False)


# --- the clauses as data ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "clauses",
    [att(), cwc(), rome(), budapest(), nairobi(), paris(), ctbt(), csto(5, D(1999, 4, 21))],
    ids=["att", "cwc", "rome", "budapest", "nairobi", "paris", "ctbt", "csto"],
)
def test_clauses_survive_a_round_trip_through_json(clauses):
    assert FinalClauses.from_dict(clauses.to_dict()) == clauses


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"entry_into_force": {"condition": {"consents": -1}}}, "condition.consents"),
        ({"entry_into_force": {"condition": {"consents": 2, "of_members": 3}}}, "of_members"),
        ({"entry_into_force": {"timing": {"align": "whenever"}}}, "timing.align"),
        ({"entry_into_force": {"timing": {"align": "first_of_month"}}}, "timing.months"),
        ({"entry_into_force": {"condition": {"counted": ["reservation"]}}}, "counted[0]"),
        ({"entry_into_force": {"condition": {"min_weight": 55}}}, "weights"),
        ({"entry_into_force": {"floor": "1995-13-01"}}, "entry_into_force.floor"),
        ({"entry_into_force": {"declared": {"date": "2016-10-05"}}}, "declared"),
        ({"withdrawal": {"allowed": "yes"}}, "withdrawal.allowed"),
    ],
)
def test_bad_clauses_are_refused_with_the_path_of_the_error(data, path):
    with pytest.raises(RuleViolation) as caught:
        FinalClauses.from_dict(data)
    assert path in caught.value.message
