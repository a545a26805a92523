"""Steps 3 and 4 of screening: score a query against one entry and explain the score.

Use `score_entry(query, entry, distance)`; the distance is injected so that the fast path
(rapidfuzz's C kernel) and the reference path (plain Python, `reference.py`) run the very same
rules, which a test checks. Every feature below has a docstring: it is the documentation an
officer or a reviewing body reads, and each hit's explanation quotes the features that fired.

The score is a calibrated probability-like number: the name evidence sets a log-odds, the birth
date, nationality and documents add to it, and a logistic turns it into 0..1. It does not saturate
at 1.0 on names alone, so hits can be ranked; thresholds are set per use (`USES`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from secretariat.entrybans.screening.normalize import fold, skeletons
from secretariat.entrybans.screening.records import (
    GIVEN,
    OTHER,
    PATRONYMIC,
    SURNAME,
    WEAK,
    Entry,
    Frozen,
    Name,
    PartialDate,
    Query,
    QueryToken,
    Token,
)

# distance(a, b, cutoff) -> edit distance, or any number above cutoff when it is larger.
Distance = Callable[[str, str, int], int]

ROLE_WEIGHTS = {SURNAME: 0.5, GIVEN: 0.35, PATRONYMIC: 0.15}
NAME_SLOPE = 12.0  # log-odds per unit of name score
NAME_MIDPOINT = 0.80  # name score at which, with nothing else known, the odds are even
EXTRA_QUERY_WORD_PENALTY = 0.08
# Two query words read as one listed word count only when the joined word is that word, give or
# take a transliteration: a typo of the joined word is not enough.
JOINED_SIMILARITY = 0.9
WRITTEN_APART = "written apart"
# A query word left over against a name with no surname is most likely a surname the listed
# person is not known to bear: enough doubt to leave the match to review unless a date of birth,
# nationality or document confirms it.
SURNAMELESS_EXTRA_WORD_PENALTY = 0.15
# One part of a compound surname left out ("Anna Melnikova" for Мельникова-Дорн Анна): the
# person often goes by one part, so it is neutral but for this much.
COMPOUND_PART_PENALTY = 0.05
SAME_FATHER = "same father's name"
# One surname in two of its national forms (normalize.ending_variants): Лукашенка/Лукашенко,
# Čajkovská/Чайковская, Хрущов/Хрущёв.
SURNAME_FORM = "another form of the surname"
CONSONANTS = "same consonants (written without vowels)"
PATRONYMIC_CONTRADICTION_PENALTY = 0.15
MISUSE_NAME_LEVEL = 0.8  # a name this close to a listing whose victim's identifiers match
PATRONYMIC_AGREEMENT_BONUS = (
    0.4  # log-odds: a matching patronymic is evidence, an absent one is not
)
# log-odds: a surname one edit away whose edit swaps one surname ending for another (Sidorin for
# Sidorich, Kuzminskii for Kuzminetskii) names another family, not a typo; with nothing else to
# confirm the match it is brought from hit to review level (see `other_ending`).
OTHER_ENDING_PENALTY = 1.5
TYPO, OTHER_ENDING = "typo", "other surname ending"
# The same holds for a given name one edit from another of the region's given names (Egor for
# Игорь, Arman for Армен), and for a given name translated into another language (Jan or John for
# Иван): passports romanise, they do not translate. Each alone is weaker than it looks.
OTHER_GIVEN, TRANSLATED = "other given name", "translated given name"
# Rules whose match, with nothing else confirming it, is brought from hit to review level.
UNCONFIRMED_RULES = {
    OTHER_ENDING: "one stem with two surname endings, another surname rather than a typo",
    OTHER_GIVEN: "two different given names of the region, not a typo of one",
    TRANSLATED: "a translation of the given name, not a romanisation of it",
}

# Endings that make a surname of a stem in the region's languages, as skeletons (normalize.py):
# -ов/-ев/-ин/-ын, -ова/-ева/-ина, -ский/-цкий/-овский/-евский/-ецкий and feminine forms, -енко,
# -ейко, -ко, -ук/-юк/-чук, -ич/-ович/-евич, -ян/-янц, -зода, -швили, -дзе, -бетов, -баев.
SURNAME_ENDINGS = frozenset(
    {
        "ov", "ev", "in", "ova", "eva", "ina", "ski", "Tki", "ovski", "evski", "eTki", "skaia",
        "Tkaia", "ovskaia", "evskaia", "eTkaia", "enko", "eiko", "ko", "uk", "iuk", "Cuk", "iC",
        "oviC", "eviC", "ian", "ianT", "zoda", "Svili", "dze", "betov", "baev",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Threshold(Frozen):
    """A use's two cut-offs: a hit (act on it) and a review (look closer before letting pass)."""

    hit: float
    review: float


USES: dict[str, Threshold] = {
    "border": Threshold(hit=0.70, review=0.45),
    "investigation": Threshold(hit=0.45, review=0.25),
}


@dataclass(frozen=True)
class TokenMatch(Frozen):
    query: str
    listed: str
    role: str
    score: float
    rule: str


@dataclass
class Result:
    """One entry's score for one query, with the evidence behind it."""

    entry_id: str
    score: float
    name_score: float
    matched_name: str
    weak_alias: bool
    misuse_suspected: bool
    features: dict[str, float]
    explanation: list[str]
    tokens: list[TokenMatch] = field(default_factory=list)
    payload: dict[str, object] = field(default_factory=dict)

    def decision(self, use: str = "border") -> str:
        """'hit', 'review', 'verify_identity' or 'no_match' for this use's thresholds.

        A weak alias never makes a hit alone: without the same full date of birth it is at most
        a review. A query whose name matches and which carries a recorded victim's identifiers
        asks the officer to verify identity, whatever the score: the victim's own date of birth
        differs from the listed person's by design."""
        threshold = USES[use]
        if self.misuse_suspected and self.name_score >= MISUSE_NAME_LEVEL:
            return "verify_identity"
        if self.score >= threshold.hit:
            verdict = "hit"
            if self.weak_alias and self.features.get("dob_match", 0.0) < 1.0:
                verdict = "review"
        elif self.score >= threshold.review:
            verdict = "review"
        else:
            return "no_match"
        return "verify_identity" if self.misuse_suspected else verdict

    def reportable(self, use: str = "border") -> bool:
        return self.decision(use) != "no_match"


def token_similarity(q: QueryToken, r: Token, distance: Distance) -> tuple[float, str]:
    """How alike one query word and one listed word are, and by which rule.

    - the same skeleton: 1.0 (`same spelling`, or `transliteration` when the scripts or schemes
      differ: Lukashenka ≈ Лукашенка; `another form of the surname` when only a national form of
      the ending makes them meet: Lukashenka ≈ Лукашенко, Khrushchov ≈ Хрущёв);
    - a patronymic made of the same father's name in another of the region's forms: 0.95
      (`same father's name`: "Серік улы" ≈ Серікұлы ≈ Serikovich, Мікалаевіч ≈ Николаевич);
    - a query word in a script that writes no short vowels (Arabic, Hebrew) with the listed
      word's consonants: 0.9 (`same consonants`: محمد ≈ Muhammad);
    - one given name across languages: 0.92 (`same given name`: Aliaksandr ≈ Александр);
    - the same word once the vowels Belarusian spelling changes are folded: 0.88
      (`Belarusian vowels`: Pyatrou ≈ Петров, Kazlou ≈ Козлов);
    - a single letter against a given name or patronymic that starts with it: 0.6 (`initial`);
    - otherwise spellings within an edit budget that grows with length (none below 4 letters,
      one edit from 4, two from 12): 1 − 0.6·edits/length (`typo`), on the skeletons or else on
      the plain spellings (a typo inside a digraph spoils the skeleton); when the two words are
      one stem with two different surname endings (Sidorin, Sidorich) the rule says so
      (`other surname ending`), and likewise for two of the region's given names (`other given
      name`: Egor, Игорь) and a translated given name (`translated given name`: Jan, Иван);
      `score_entry` weighs them."""
    if q.initial:
        if r.role != SURNAME and any(k[:1] == rk[:1] for k in q.keys for rk in r.keys):
            return 0.6, "initial"
        return 0.0, ""
    if q.keys & r.keys:
        if fold(q.text) == fold(r.text):
            return 1.0, "same spelling"
        if skeletons(q.text).isdisjoint(skeletons(r.text)):
            return 1.0, SURNAME_FORM  # they meet only through `ending_variants`
        return 1.0, "transliteration"
    if r.father and not q.father.isdisjoint(r.father):
        return 0.95, SAME_FATHER
    if r.father and q.father and _belarusian_fathers(q.father) & _belarusian_fathers(r.father):
        return 0.95, SAME_FATHER  # Прохараўна and Прохоровна: Прохар is Прохор
    if q.consonants and not q.consonants.isdisjoint(r.consonants):
        return 0.9, CONSONANTS
    if q.symbols & r.symbols:
        return 0.92, TRANSLATED if q.translated != r.translated else "same given name"
    if q.patronymic and r.role == SURNAME:
        # A patronymic by the query's structure is not a mistyped surname (Tarasovna is not
        # Тарасова); the same word is (Petrovich, above).
        return 0.0, ""
    best = 0.0
    if q.typos:
        best = _closest(q.keys, r.keys, distance) or _closest(q.plain, r.plain, distance)
    if best:
        if r.role in (SURNAME, OTHER) and other_ending(q.keys, r.keys):
            return best, OTHER_ENDING
        if r.known_given and q.known_given and r.role in (GIVEN, OTHER):
            return best, OTHER_GIVEN
        return best, TYPO
    if q.akanye & r.akanye:
        return 0.88, "Belarusian vowels"
    return 0.0, ""


def _belarusian_fathers(fathers: frozenset[str]) -> set[str]:
    # Belarusian writes the unstressed о as а: a father's name in either spelling meets here.
    return {f.replace("o", "a") for f in fathers if not f.startswith("§")}


# One dict per query word: id of a listed word -> its similarity and rule (see `name_score`).
Memo = list[dict[int, tuple[float, str]]]


def _stems(key: str) -> dict[str, str]:
    """Every way a skeleton splits into a stem (three letters or more) and a surname ending."""
    return {
        key[: -len(end)]: end
        for end in SURNAME_ENDINGS
        if key.endswith(end) and len(key) - len(end) >= 3
    }


def other_ending(ours: frozenset[str], theirs: frozenset[str]) -> bool:
    """Are two surnames one stem with two different endings (Сидорин and Сидорич, Кузьминский and
    Кузьминецкий, Зубко and Зубов, Василян and Василин)? Then the edit between them makes another
    real surname, where a typo (a letter slipped inside the stem, two swapped) does not."""
    for a in ours:
        split = _stems(a)
        if not split:
            continue
        for b in theirs:
            for stem, end in _stems(b).items():
                if split.get(stem, end) != end:
                    return True
    return False


def _closest(ours: frozenset[str], theirs: frozenset[str], distance: Distance) -> float:
    best = 0.0
    for a in ours:
        for b in theirs:
            longest = max(len(a), len(b))
            budget = 0 if longest < 4 else 1 if longest < 12 else 2
            if budget == 0 or abs(len(a) - len(b)) > budget:
                continue
            edits = distance(a, b, budget)
            if edits <= budget:
                best = max(best, 1.0 - 0.6 * edits / longest)
    return best


def name_score(
    query: Query, name: Name, distance: Distance, memo: Memo | None = None, explain: bool = True
) -> tuple[float, list[TokenMatch], list[str]]:
    """Align the query's words to the name's words in any order and weigh them by role.

    Surname 0.5, given name 0.35, patronymic 0.15 (untagged words share 0.85 equally). A
    patronymic the query does not give is neutral (left out of the weighing); one the query gives
    differently is a contradiction and costs 0.15. A part of a compound (hyphenated) name left
    out while another part matched is neutral but for 0.05, on either side. Every query word left unmatched costs 0.08,
    so an extra or different given name counts against the match. With `explain` false the
    words are weighed the same but no wording is built (the fast path's first pass)."""
    # (-similarity, 0 for two query words read as one else 1, query word, name word, rule)
    pairs: list[tuple[float, int, int, int, str]] = []
    for qi, q in enumerate(query.tokens):
        row = memo[qi] if memo is not None else None
        for ri, r in enumerate(name.tokens):
            if row is None:
                similarity, rule = token_similarity(q, r, distance)
            else:
                found = row.get(id(r))
                if found is None:
                    found = row[id(r)] = token_similarity(q, r, distance)
                similarity, rule = found
            if similarity >= 0.5:
                pairs.append((-similarity, 1, qi, ri, rule))
    # Two neighbouring query words that are one listed word written apart ("Ming-min" for
    # Mingmin, "Абдул Азиз" for Абдулазиз): the listed word is matched by both, in preference to
    # one of them alone at the same similarity.
    for position, joined in query.joins:
        for ri, r in enumerate(name.tokens):
            if r.role == PATRONYMIC:
                continue
            similarity, rule = token_similarity(joined, r, distance)
            if similarity >= JOINED_SIMILARITY:
                pairs.append((-similarity, 0, position, ri, f"{rule}, {WRITTEN_APART}"))
    pairs.sort()  # most alike first, joined words first, then query order, then name order
    used_q: dict[int, tuple[int, float, str]] = {}
    used_r: dict[int, tuple[int, float, str]] = {}
    joined_text: dict[int, str] = {}
    for negative, single, qi, ri, rule in pairs:
        similarity = -negative
        if qi in used_q or ri in used_r or (not single and qi + 1 in used_q):
            continue
        used_q[qi] = (ri, similarity, rule)
        used_r[ri] = (qi, similarity, rule)
        if not single:
            used_q[qi + 1] = (ri, similarity, rule)
            joined_text[ri] = f"{query.tokens[qi].text} {query.tokens[qi + 1].text}"
    others = 0
    parts = name.parts or (0,) * len(name.tokens)
    # The compound names (hyphenated) of which some part matched: the other parts are neutral.
    matched_parts = {parts[ri] for ri in used_r if parts[ri]}
    matched_query_parts = {query.tokens[qi].part for qi in used_q if query.tokens[qi].part}
    unmatched_query = [i for i in range(len(query.tokens)) if i not in used_q]
    query_patronymic_left = any(query.tokens[i].patronymic for i in unmatched_query)
    weighed = got = penalty = 0.0
    notes: list[str] = []
    matches: list[TokenMatch] = []
    # A name with no surname (Kyrgyz "Бекзат Азамат уулу") is told apart from its namesakes by
    # the patronymic alone: there it weighs what a surname weighs, and a query that leaves it out
    # has given only a given name, never enough for a hit.
    # A word left untagged beside that patronymic can only be the given name.
    roles = [t.role for t in name.tokens]
    surnameless = PATRONYMIC in roles and SURNAME not in roles and roles.count(OTHER) <= 1
    for ri, token in enumerate(name.tokens):
        weight = ROLE_WEIGHTS.get(token.role)
        if surnameless:
            weight = ROLE_WEIGHTS[SURNAME if token.role == PATRONYMIC else GIVEN]
        if weight is None:
            others = others or sum(1 for t in name.tokens if t.role == OTHER)
            weight = 0.85 / others
        if ri in used_r:
            qi, similarity, rule = used_r[ri]
            weighed += weight
            got += weight * similarity
            if explain or rule in UNCONFIRMED_RULES or token.role == PATRONYMIC:
                text = joined_text.get(ri) or query.tokens[qi].text
                matches.append(TokenMatch(text, token.text, token.role, similarity, rule))
        elif parts[ri] in matched_parts:
            penalty += COMPOUND_PART_PENALTY
            if explain:
                notes.append(f"part '{token.text}' of a compound name not given")
        elif token.role == PATRONYMIC and not surnameless:
            if query_patronymic_left:
                weighed += weight
                penalty += PATRONYMIC_CONTRADICTION_PENALTY
                if explain:
                    notes.append(f"patronymic '{token.text}' contradicted by the query")
            elif explain:
                notes.append(f"patronymic '{token.text}' not given (neutral)")
        else:
            weighed += weight
            if explain:
                notes.append(f"{token.role} '{token.text}' not matched")
    for qi in unmatched_query:
        if query.tokens[qi].patronymic and not any(t.role == PATRONYMIC for t in name.tokens):
            if explain:
                notes.append(f"patronymic '{query.tokens[qi].text}' not on record (neutral)")
            continue
        if query.tokens[qi].part in matched_query_parts:
            penalty += COMPOUND_PART_PENALTY
            if explain:
                notes.append(f"part '{query.tokens[qi].text}' of a compound name not on record")
            continue
        penalty += SURNAMELESS_EXTRA_WORD_PENALTY if surnameless else EXTRA_QUERY_WORD_PENALTY
        if explain:
            notes.append(f"query word '{query.tokens[qi].text}' not matched")
    if not weighed:
        return 0.0, matches, notes
    return max(0.0, got / weighed - penalty), matches, notes


def birth_date_evidence(
    query: PartialDate | None, listed: tuple[PartialDate, ...], explain: bool = True
) -> tuple[float, float | None, str]:
    """Log-odds from the date of birth, its feature value, and its wording (left empty without
    `explain`: the bound in `may_report` needs the number only).

    Same full date +2.0; day and month swapped, or one day apart, +0.6 (keeps a typing slip at
    review level rather than clearing it); same year when one side knows only the year +0.8 (same
    month too +1.0); same year but another day −2.0; one year apart −2.0; two to four −3.0;
    five or more −5.0. Nothing to compare: 0."""
    if query is None or not listed:
        return 0.0, None, ""
    best: tuple[float, float, str] = (-99.0, 0.0, "")
    for date in listed:
        delta, feature, kind = _compare_dates(query, date)
        text = ""
        if explain:
            years = abs(query.year - date.year)
            text = DATE_WORDING[kind].format(q=query, r=date, years=years)
        best = max(best, (delta, feature, text))
    return best


# How each finding of `_compare_dates` is worded in an explanation.
DATE_WORDING = {
    "same": "same date of birth {r}",
    "swapped": "date of birth {q} has day and month of {r} swapped",
    "one day": "date of birth {q} one day from {r}",
    "other day": "date of birth {q} differs from {r} (same year)",
    "other month": "month of birth {q} differs from {r}",
    "same month": "same year and month of birth {r}",
    "same year": "same year of birth {r.year}",
    "one year": "year of birth {q.year} one year from {r.year}",
    "years": "year of birth {q.year} {years} years from {r.year}",
}


def _compare_dates(q: PartialDate, r: PartialDate) -> tuple[float, float, str]:
    """Log-odds, feature value and finding (a key of `DATE_WORDING`) of two dates of birth."""
    years = abs(q.year - r.year)
    if years == 0:
        if q.day and r.day and q.month and r.month:
            if (q.month, q.day) == (r.month, r.day):
                return 2.0, 1.0, "same"
            if (q.month, q.day) == (r.day, r.month):
                return 0.6, 0.7, "swapped"
            apart = abs((dt.date(q.year, q.month, q.day) - dt.date(r.year, r.month, r.day)).days)
            if apart <= 1:
                return 0.6, 0.7, "one day"
            return -2.0, 0.3, "other day"
        if q.month and r.month and q.month != r.month:
            return -0.5, 0.4, "other month"
        if q.month and r.month:
            return 1.0, 0.8, "same month"
        return 0.8, 0.8, "same year"
    if years == 1:
        return -2.0, 0.2, "one year"
    if years < 5:
        return -3.0, 0.0, "years"
    return -5.0, 0.0, "years"


def nationality_evidence(
    query: str | None, listed: frozenset[str], explain: bool = True
) -> tuple[float, float | None, str]:
    """Same nationality +0.3; another −0.5 (a small penalty only: people hold two)."""
    if not query or not listed:
        return 0.0, None, ""
    if query in listed:
        return 0.3, 1.0, f"same nationality {query}" if explain else ""
    if not explain:
        return -0.5, 0.0, ""
    return -0.5, 0.0, f"nationality {query} not among {', '.join(sorted(listed))}"


def document_evidence(
    query: frozenset[str], listed: frozenset[str]
) -> tuple[float, float | None, str]:
    """The same identity document number +3.0 (near proof); other numbers −0.3 (documents are
    renewed, so a different number is weak evidence)."""
    if not query or not listed:
        return 0.0, None, ""
    if query & listed:
        return 3.0, 1.0, "same identity document number"
    return -0.3, 0.0, "other identity document numbers"


def misuse_evidence(query: Query, entry: Entry) -> tuple[float, bool, str]:
    """A query carrying the identifiers of a recorded victim of identity misuse (the same
    document, or the victim's full date of birth where the listed person's differs) costs −2.0 and
    asks the officer to verify identity: it is the main protection against false hits at the
    border (SIS Regulation 2018/1861, Art. 47)."""
    for record in entry.misuse:
        if query.documents & record.documents:
            return -2.0, True, "document of a recorded victim of identity misuse: verify identity"
        q, v = query.birth_date, record.birth_date
        victims_day = bool(q and v and q.day and q == v)
        if victims_day and not any(d == q for d in entry.birth_dates):
            return -2.0, True, "date of birth of a recorded victim of identity misuse: verify"
    return 0.0, False, ""


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def may_report(
    query: Query, entry: Entry, distance: Distance, memo: Memo | None, floor: float
) -> bool:
    """Could this entry reach `floor` (log-odds)? False only when its best name, with its date of
    birth, nationality and document evidence and a patronymic agreement in its favour, stays
    below (the surname-ending penalty only ever lowers a score): the fast path then skips scoring
    it in full, with wording. An entry with a recorded victim of identity misuse is always scored
    (it may ask the officer to verify identity whatever its score)."""
    if entry.misuse:
        return True
    logit = PATRONYMIC_AGREEMENT_BONUS
    logit += birth_date_evidence(query.birth_date, entry.birth_dates, explain=False)[0]
    logit += nationality_evidence(query.nationality, entry.nationalities, explain=False)[0]
    logit += document_evidence(query.documents, entry.documents)[0]
    needed = NAME_MIDPOINT + (floor - logit) / NAME_SLOPE
    if needed > 1.0:
        return False
    return any(
        name_score(query, name, distance, memo, explain=False)[0] >= needed for name in entry.names
    )


def _patronymic_contradicted(
    query: Query, entry: Entry, name: Name, distance: Distance
) -> str | None:
    """A note when the query's patronymic differs from the one the listing records in its other
    names, the best-matching name giving none (a Latin alias "Nurzhan Imanbayev" beside
    "Нұржан Саматұлы Иманбаев"): the contradiction counts as if that name gave it."""
    if any(t.role == PATRONYMIC for t in name.tokens):
        return None  # `name_score` weighed it
    asked = [q for q in query.tokens if q.patronymic]
    recorded = [t for other in entry.names for t in other.tokens if t.role == PATRONYMIC]
    if not asked or not recorded:
        return None
    for q in asked:
        for t in recorded:
            if token_similarity(q, t, distance)[0] >= 0.5:  # as alike as `name_score` pairs
                return None
    return f"patronymic '{asked[0].text}' contradicted by the listing's other names"


def score_entry(
    query: Query,
    entry: Entry,
    distance: Distance,
    memo: Memo | None = None,
    explain: bool = True,
) -> Result:
    """The best of the entry's names for this query, with the other evidence added. `memo`
    (one per query) remembers word-against-word scores across entries; it changes no result.
    With `explain` false the score, features and decision are the same but the explanation and
    token list are left empty: the fast path scores every candidate so, and explains only those
    worth reporting."""
    best: tuple[float, Name, list[TokenMatch], list[str]] | None = None
    for name in entry.names:
        value, matches, notes = name_score(query, name, distance, memo, explain)
        # A strong name wins a tie with a weak alias.
        rank = value - (0.001 if name.quality == WEAK else 0.0)
        if best is None or rank > best[0]:
            best = (rank, name, matches, notes)
    if best is None:
        return Result(entry.id, 0.0, 0.0, "", False, False, {}, [], payload=entry.payload)
    _, name, matches, notes = best
    value = max(0.0, best[0] + (0.001 if name.quality == WEAK else 0.0))
    contradicted = _patronymic_contradicted(query, entry, name, distance)
    if contradicted is not None:
        value = max(0.0, value - PATRONYMIC_CONTRADICTION_PENALTY)
        if explain:  # (in place of "not on record (neutral)")
            notes = [n for n in notes if not n.endswith("not on record (neutral)")]
            notes.append(contradicted)
    logit = NAME_SLOPE * (value - NAME_MIDPOINT)
    features = {"name_match": round(value, 4)}
    explanation: list[str] = []
    if explain:
        explanation.extend(
            f"'{m.query}' ≈ '{m.listed}' ({m.role}, {m.rule}): {m.score:.2f}" for m in matches
        )
        explanation.extend(notes)
    supported = False
    if any(m.role == PATRONYMIC and m.score >= 0.9 for m in matches):
        logit += PATRONYMIC_AGREEMENT_BONUS
        supported = True
        explanation.append(f"patronymic agrees ({PATRONYMIC_AGREEMENT_BONUS:+.1f})")
    if name.quality == WEAK and explain:
        explanation.append(f"matched a weak alias '{name.text}': never a hit alone")
    for key, (delta, feature, text) in (
        ("dob_match", birth_date_evidence(query.birth_date, entry.birth_dates, explain)),
        ("country_match", nationality_evidence(query.nationality, entry.nationalities, explain)),
        ("identifier_match", document_evidence(query.documents, entry.documents)),
    ):
        logit += delta
        supported = supported or delta > 0
        if feature is not None:
            features[key] = feature
            if explain:
                explanation.append(f"{text} ({delta:+.1f})")
    variant = next((m for m in matches if m.rule in UNCONFIRMED_RULES), None)
    if variant is not None and not supported:
        logit -= OTHER_ENDING_PENALTY
        features[variant.rule.replace(" ", "_")] = 1.0
        if explain:
            explanation.append(
                f"'{variant.query}' and '{variant.listed}': {UNCONFIRMED_RULES[variant.rule]}, "
                "and no date of birth, nationality, document or patronymic confirms the match "
                f"({-OTHER_ENDING_PENALTY:+.1f})"
            )
    delta, suspected, text = misuse_evidence(query, entry)
    if suspected:
        logit += delta
        features["misused_identity"] = 1.0
        if explain:
            explanation.append(f"{text} ({delta:+.1f})")
    return Result(
        entry_id=entry.id,
        score=round(_sigmoid(logit), 4),
        name_score=round(value, 4),
        matched_name=name.text,
        weak_alias=name.quality == WEAK,
        misuse_suspected=suspected,
        features=features,
        explanation=explanation,
        tokens=matches if explain else [],
        payload=entry.payload,
    )
