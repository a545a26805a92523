"""Recall@1 and false hits per family, on both evaluation sets and both their parts, for our
engine and two peers in the same run.

Run (the peers live in the bench extra: `pip install -e '.[bench]'`, or a separate environment
with nomenklatura, rapidfuzz, iuliia and psutil and PYTHONPATH=.):

    python bench/screening_yardstick.py [--peer-sample 300] [--no-peers] [--sets ours,project]

The sets:
- the project's own (bench/screening_data.py): its "dev" draw is the one the engine was developed
  on (register seed 1, query seed 2), its "heldout" draw another (seeds 11 and 12);
- the independent yardstick (bench/yardstick/): its "dev" and "heldout" parts, split by a hash
  fixed before any engine ran on it (the held-out digest is checked and printed).

For every query: recall@1 counts a positive when the listed person is the best-ranked hit (ties
at the top score count); a negative is a false hit when anything is a hit. Our engine decides by
its border thresholds; rapidfuzz (token_sort_ratio over every listed name) hits above a threshold
fit on the dev part of the same set (best recall minus false-hit rate), then applied unchanged to
held-out; nomenklatura's logic-v2 (yente's default matcher) scores rapidfuzz's top-50 candidates
(WRatio) and hits at yente's default threshold 0.70, on a sample (it is slow: ~35 ms a query).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "yardstick"))

import generate  # noqa: E402  (bench/yardstick, on the path above)

from secretariat.entrybans.screening.index import ScreeningIndex  # noqa: E402
from secretariat.entrybans.screening.records import make_entry, make_name, make_query  # noqa: E402
from secretariat.entrybans.screening.score import USES  # noqa: E402

USE = "border"


@dataclass
class Listing:
    id: str
    parts: list[dict[str, str]]  # keyword arguments of make_name
    birth_date: str
    nationality: str
    texts: list[str] = field(default_factory=list)  # every name as one string (for the peers)


@dataclass
class Case:
    id: str
    text: str
    birth_date: str | None
    nationality: str | None
    expected: str | None
    family: str


@dataclass
class EvalSet:
    name: str
    register: list[Listing]
    parts: dict[str, list[Case]]


def project_set(register_size: int, listed: int, negatives: int) -> EvalSet:
    import screening_data as data

    parts: dict[str, list[Case]] = {}
    register: list[Listing] = []
    for split, (register_seed, query_seed) in (("dev", (1, 2)), ("heldout", (11, 12))):
        people = data.build_register(register_size, seed=register_seed)
        queries = data.build_queries(people, listed, negatives, seed=query_seed)
        prefix = f"{split}-"
        for p in people:
            register.append(
                Listing(
                    prefix + p.id,
                    [
                        {"surname": p.surname, "given": p.given, "patronymic": p.patronymic},
                        {
                            "surname": p.surname_latin,
                            "given": p.given_latin,
                            "patronymic": p.patronymic_latin,
                        },
                        *({"full": n} for n in p.extra_names),
                    ],
                    p.birth_date,
                    p.nationality,
                    [
                        " ".join(x for x in (p.given, p.patronymic, p.surname) if x),
                        f"{p.given_latin} {p.surname_latin}",
                        *p.extra_names,
                    ],
                )
            )
        parts[split] = [
            Case(
                f"{split}-{n}",
                q.text,
                q.birth_date,
                q.nationality,
                prefix + q.expected if q.expected else None,
                q.category if q.expected else f"neg:{q.category}",
            )
            for n, q in enumerate(queries)
        ]
    return EvalSet("project's own set (bench/screening_data.py)", register, parts)


def yardstick_set() -> EvalSet:
    built = generate.build()
    digest = built.heldout_digest()
    state = "as committed" if digest == generate.committed_digest() else "CHANGED since committed"
    print(f"yardstick held-out digest {digest[:16]}…: {state}")
    register = []
    for p in built.register:
        parts = [
            {"full": n.full}
            if n.full
            else {"surname": n.surname, "given": n.given, "patronymic": n.patronymic}
            for n in p.names
        ]
        register.append(
            Listing(p.id, parts, p.birth_date, p.nationality, [n.text() for n in p.names])
        )
    cases = {
        split: [
            Case(q.id, q.text, q.birth_date, q.nationality, q.expected, q.family)
            for q in built.part(split)
        ]
        for split in ("dev", "heldout")
    }
    return EvalSet("independent yardstick (bench/yardstick/)", register, cases)


# --- the matchers: each answers (the best hit's listing ids at the top score, any hit at all) --

Answer = tuple[set[str], bool]
Matcher = Callable[[Case], Answer]


def ours(register: list[Listing]) -> tuple[Matcher, float]:
    start = time.perf_counter()
    index = ScreeningIndex(
        make_entry(
            x.id,
            [make_name(**kw) for kw in x.parts],
            birth_dates=[x.birth_date],
            nationalities=[x.nationality],
        )
        for x in register
    ).settle()
    built = time.perf_counter() - start

    def run(case: Case) -> Answer:
        try:
            query = make_query(case.text, birth_date=case.birth_date, nationality=case.nationality)
        except ValueError:
            return set(), False
        hits = [r for r in index.screen(query, USE, 50) if r.decision(USE) == "hit"]
        if not hits:
            return set(), False
        top = hits[0].score
        return {r.entry_id for r in hits if r.score == top}, True

    return run, built


def sorted_tokens(text: str) -> str:
    from rapidfuzz.utils import default_process

    return " ".join(sorted(default_process(text.replace("<<", " ")).split()))


class RapidfuzzPeer:
    """token_sort_ratio of the query against every listed name (sorting the tokens once, then
    plain ratio, which is what token_sort_ratio computes); the threshold is fit later."""

    def __init__(self, register: list[Listing]) -> None:
        self.choices: list[str] = []
        self.owners: list[str] = []
        for x in register:
            for text in x.texts:
                self.choices.append(sorted_tokens(text))
                self.owners.append(x.id)
        self.threshold = 100.0
        self.seen: dict[str, tuple[set[str], float]] = {}

    def top(self, case: Case) -> tuple[set[str], float]:
        """The best-scoring listings and their score (remembered: the fit and the run ask twice)."""
        if case.id not in self.seen:
            self.seen[case.id] = self._top(case)
        return self.seen[case.id]

    def _top(self, case: Case) -> tuple[set[str], float]:
        from rapidfuzz import fuzz, process

        found = process.extract(sorted_tokens(case.text), self.choices, scorer=fuzz.ratio, limit=20)
        if not found:
            return set(), 0.0
        best = found[0][1]
        return {self.owners[i] for _, score, i in found if score == best}, best

    def fit(self, tops: list[tuple[Case, set[str], float]]) -> float:
        """The threshold with the best recall@1 minus false-hit rate on these (dev) cases."""
        best_value, best_threshold = -2.0, 100.0
        positives = [t for t in tops if t[0].expected]
        negatives = [t for t in tops if not t[0].expected]
        for step in range(0, 101):
            threshold = 50 + step * 0.5
            recall = sum(c.expected in o and s >= threshold for c, o, s in positives) / max(
                len(positives), 1
            )
            false = sum(s >= threshold for _, _, s in negatives) / max(len(negatives), 1)
            if recall - false > best_value:
                best_value, best_threshold = recall - false, threshold
        self.threshold = best_threshold
        return best_threshold


def logic_v2(register: list[Listing], rf: RapidfuzzPeer) -> Matcher | None:
    try:
        from followthemoney import model  # type: ignore[import-not-found,unused-ignore]
        from nomenklatura.matching import get_algorithm  # type: ignore[import-not-found,unused-ignore]
        from rapidfuzz import fuzz, process
    except ImportError:
        return None
    algorithm = get_algorithm("logic-v2")
    assert algorithm is not None
    config = algorithm.default_config()
    entities = {}
    plain = rf.choices
    for x in register:
        entity = model.make_entity("Person")
        entity.id = x.id
        entity.add("name", x.texts)
        entity.add("birthDate", x.birth_date)
        entities[x.id] = entity
    counter = [0]

    def run(case: Case) -> Answer:
        counter[0] += 1
        query = model.make_entity("Person")
        query.id = f"yq-{counter[0]}"  # unique: nomenklatura caches name analysis by entity id
        query.add("name", case.text.replace("<<", " "))
        if case.birth_date:
            query.add("birthDate", case.birth_date)
        found = process.extract(sorted_tokens(case.text), plain, scorer=fuzz.WRatio, limit=100)
        candidates = list(dict.fromkeys(rf.owners[i] for _, _, i in found))[:50]
        scored = [(algorithm.compare(query, entities[c], config).score, c) for c in candidates]
        hits = [(s, c) for s, c in scored if s >= 0.70]
        if not hits:
            return set(), False
        top = max(s for s, _ in hits)
        return {c for s, c in hits if s == top}, True

    return run


# --- scoring and printing -------------------------------------------------------------------


@dataclass
class Tally:
    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def add(self, case: Case, answer: Answer) -> None:
        self.total[case.family] += 1
        top, any_hit = answer
        if case.expected:
            self.right[case.family] += case.expected in top
        else:
            self.right[case.family] += any_hit  # a false hit

    def recall(self) -> float:
        pos = [f for f in self.total if not f.startswith("neg:")]
        return sum(self.right[f] for f in pos) / max(sum(self.total[f] for f in pos), 1)

    def false_hits(self) -> float:
        neg = [f for f in self.total if f.startswith("neg:")]
        return sum(self.right[f] for f in neg) / max(sum(self.total[f] for f in neg), 1)

    def rate(self, family: str) -> str:
        if not self.total[family]:
            return "—"
        return f"{self.right[family] / self.total[family]:.3f}"

    def worst_negative(self) -> tuple[str, float]:
        neg = [(self.right[f] / self.total[f], f) for f in self.total if f.startswith("neg:")]
        rate, family = max(neg) if neg else (0.0, "")
        return family, rate


def run_all(matcher: Matcher, cases: list[Case]) -> Tally:
    tally = Tally()
    start = time.perf_counter()
    for case in cases:
        tally.add(case, matcher(case))
    tally.seconds = time.perf_counter() - start
    return tally


def report(title: str, cases: list[Case], tallies: dict[str, Tally]) -> None:
    positives = sum(1 for c in cases if c.expected)
    print(f"\n=== {title}: {positives} positive, {len(cases) - positives} negative queries")
    labels = list(tallies)
    print(f"{'family':42} {'n':>5} " + " ".join(f"{label:>14}" for label in labels))
    families = sorted({c.family for c in cases}, key=lambda f: (f.startswith("neg:"), f))
    first = True
    for family in families:
        if family.startswith("neg:") and first:
            print("  -- negatives: false-hit rate (share that alerts) --")
            first = False
        n = sum(1 for c in cases if c.family == family)
        cells = []
        for label in labels:
            t = tallies[label]
            cells.append(
                f"{t.rate(family):>9} ({t.total[family]:>3})"
                if t.total[family] != n
                else f"{t.rate(family):>14}"
            )
        print(f"{family:42} {n:>5} " + " ".join(cells))
    print(
        f"{'recall@1 (all positives)':42} {'':>5} "
        + " ".join(f"{t.recall():>14.4f}" for t in tallies.values())
    )
    print(
        f"{'false-hit rate (all negatives)':42} {'':>5} "
        + " ".join(f"{t.false_hits():>14.4f}" for t in tallies.values())
    )
    for label, t in tallies.items():
        family, rate = t.worst_negative()
        print(
            f"   {label}: {sum(t.total.values())} queries in {t.seconds:.1f} s "
            f"({sum(t.total.values()) / max(t.seconds, 1e-9):.0f}/s); worst negative family {family} {rate:.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="ours,project", help="ours, project, or both")
    parser.add_argument("--project-register", type=int, default=5000)
    parser.add_argument("--project-listed", type=int, default=800)
    parser.add_argument("--project-negatives", type=int, default=3000)
    parser.add_argument(
        "--peer-sample",
        type=int,
        default=150,
        help="positives and negatives each, per part, for logic-v2",
    )
    parser.add_argument("--no-peers", action="store_true")
    args = parser.parse_args()
    print(
        f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; our engine at the {USE} hit threshold {USES[USE].hit}"
    )
    chosen = args.sets.split(",")
    sets = []
    if "ours" in chosen:
        sets.append(yardstick_set())
    if "project" in chosen:
        sets.append(project_set(args.project_register, args.project_listed, args.project_negatives))
    for evaluation in sets:
        engine, build_seconds = ours(evaluation.register)
        print(
            f"\n##### {evaluation.name}: {len(evaluation.register)} listings (index built in {build_seconds:.1f} s)"
        )
        rf = None if args.no_peers else RapidfuzzPeer(evaluation.register)
        v2 = None if rf is None else logic_v2(evaluation.register, rf)
        if rf is not None:
            tops = [(c, *rf.top(c)) for c in evaluation.parts["dev"]]
            print(f"rapidfuzz token_sort_ratio threshold fit on dev: {rf.fit(tops):.1f}")
        if rf is not None and v2 is None:
            print("(nomenklatura is not installed: logic-v2 is not measured)")
        for split in ("dev", "heldout"):
            cases = evaluation.parts[split]
            tallies = {"ours": run_all(engine, cases)}
            if rf is not None:
                peer = rf

                def rf_run(case: Case, peer: RapidfuzzPeer = peer) -> Answer:
                    owners, score = peer.top(case)
                    return (owners, True) if score >= peer.threshold else (set(), False)

                tallies[f"rapidfuzz@{rf.threshold:.0f}"] = run_all(rf_run, cases)
            if v2 is not None and args.peer_sample:
                rng = random.Random(7)  # noqa: S311 - a reproducible sample
                pos = [c for c in cases if c.expected]
                neg = [c for c in cases if not c.expected]
                sample = rng.sample(pos, min(args.peer_sample, len(pos))) + rng.sample(
                    neg, min(args.peer_sample, len(neg))
                )
                tallies["ours(sample)"] = run_all(engine, sample)
                tallies["logic-v2@0.70"] = run_all(v2, sample)
            report(f"{evaluation.name}, {split}", cases, tallies)


if __name__ == "__main__":
    main()
