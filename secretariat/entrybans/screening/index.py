"""Step 2 of screening, and the fast path end to end: an in-memory index of the register.

Use `ScreeningIndex(entries)` once, `index.screen(query)` per query, and `index.apply(...)` to
bring the index to a later register version in place (registry.py does both). No search server
is needed: the keys are plain dicts in the process, as the register fits in memory many times
over.

Candidates are found through three kinds of keys: each word's skeletons, each skeleton with one
letter deleted (so one typo on either side still meets: SymSpell's trick), given-name groups,
and consonant skeletons.
Entries are ranked by how many query words reach them, rare words counting more; only the best
are scored, with rapidfuzz's edit distance (optimal string alignment: a swap of
two neighbouring letters is one edit). A candidate that cannot reach review level is dropped after
a cheap bound (`score.may_report`); the rest are scored and explained by the same `score_entry`
as the reference. What depends on the words only (word-pair similarities, the entries a common
word reaches) is remembered across queries, bounded, and dropped with `forget()`.
"""

from __future__ import annotations

import gc
import heapq
import math
from array import array
from collections.abc import Iterable

from rapidfuzz.distance import OSA

from secretariat.entrybans.screening.records import Entry, Query, QueryToken
from secretariat.entrybans.screening.score import (
    USES,
    Result,
    may_report,
    score_entry,
)

MAX_CANDIDATES = 40
WEIGHT_SHARE = 0.65  # candidates weigh at least this share of the best one
COMMON_WORD = 500  # entries reached beyond which a word is common (see `candidates`)
MEMO_PAIRS = 250_000  # word pairs remembered across queries (then no more are added)
REACH_POSITIONS = 1_000_000  # entry positions of common words remembered (then no more)


def fast_distance(a: str, b: str, cutoff: int) -> int:
    return int(OSA.distance(a, b, score_cutoff=cutoff))


def deletions(key: str) -> set[str]:
    if len(key) < 5:
        return set()
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


class ScreeningIndex:
    def __init__(self, entries: Iterable[Entry], version: int = 0) -> None:
        self.version = version
        self.entries: list[Entry] = []
        self._position_of: dict[str, int] = {}
        # Positions of entries replaced or removed by `apply` (kept in place, never candidates).
        self._dead: frozenset[int] = frozenset()
        self._vocabulary: dict[str, int] = {}
        self._postings: list[array[int]] = []
        self._near: dict[str, array[int]] = {}
        for entry in entries:
            self._add(entry)
        # Query word (as typed, folded) -> id of a listed word -> similarity and rule. A word's
        # similarity to a listed word depends on nothing but the two words, so it is remembered
        # across queries (given names recur); the listed words live as long as the index.
        self._memo: dict[str, dict[int, tuple[float, str]]] = {}
        self._memo_pairs = 0
        # Query word -> the entries it reaches, for common words only (given names recur).
        self._reach: dict[str, set[int]] = {}
        self._reach_positions = 0

    def _add(self, entry: Entry) -> None:
        """Append an entry: its position goes into the postings of each of its keys; a key the
        index did not know yet also goes under each of its one-letter deletions (SymSpell).

        The entry is in `entries` before any posting names its position, so a query running in
        another thread meanwhile never meets a position it cannot read."""
        position = len(self.entries)
        self.entries.append(entry)
        self._position_of[entry.id] = position
        vocabulary, postings, near = self._vocabulary, self._postings, self._near
        seen: set[int] = set()
        for name in entry.names:
            for token in name.tokens:
                symbols = (f"§{s}" for s in token.symbols)
                akanye = (f"¤{c}" for c in token.akanye)
                plain = (f"·{c}" for c in token.plain)
                consonants = (f"‡{c}" for c in token.consonants)
                # A patronymic is also found by its father's name: "Азаматович" reaches
                # "Азамат уулу", which shares no spelling with it.
                fathers = (f"♂{f}" for f in token.father)
                for key in (*token.keys, *symbols, *akanye, *plain, *consonants, *fathers):
                    word = vocabulary.get(key)
                    if word is None:
                        word = len(postings)
                        postings.append(array("i"))
                        vocabulary[key] = word
                        if key[0] not in "§¤‡♂":
                            for variant in deletions(key):  # "·" keys keep their mark
                                near.setdefault(variant, array("i")).append(word)
                    if word not in seen:
                        seen.add(word)
                        postings[word].append(position)

    def apply(self, changed: Iterable[Entry], removed: Iterable[str], version: int) -> None:
        """Bring the index to a later register version in place: each changed entry replaces the
        entry of its id (or is added), each removed id is dropped. The replaced entries stay
        where they were, marked dead (a caller rebuilds once `dead_share` grows large), so the
        positions other queries hold stay valid. What was remembered of the words' reach is
        forgotten (it may have changed); word-pair similarities stay (they depend on the words
        only)."""
        dead = set(self._dead)
        for entry_id in removed:
            position = self._position_of.pop(entry_id, None)
            if position is not None:
                dead.add(position)
        for entry in changed:
            position = self._position_of.get(entry.id)
            if position is not None:
                dead.add(position)
            self._add(entry)
        self._dead = frozenset(dead)
        self._reach = {}
        self._reach_positions = 0
        self.version = version

    @property
    def dead_share(self) -> float:
        """The share of positions taken by replaced or removed entries."""
        return len(self._dead) / max(len(self.entries), 1)

    def settle(self) -> ScreeningIndex:
        """Keep the index's objects out of the cyclic garbage collector's walks.

        Call once on a long-lived index (the server's, a benchmark's): a full collection over
        millions of index objects otherwise stalls a query now and then. The index holds no
        reference cycles, so a later index replacing it is still freed by reference counting."""
        gc.collect()
        gc.freeze()
        return self

    def __len__(self) -> int:
        """The number of live entries."""
        return len(self._position_of)

    def _words_for(self, token: QueryToken) -> set[int]:
        words: set[int] = set()
        vocabulary, near = self._vocabulary, self._near
        for key in (*token.keys, *(f"·{p}" for p in token.plain)):
            if key in vocabulary:
                words.add(vocabulary[key])
                if len(self._postings[vocabulary[key]]) > COMMON_WORD:
                    # A common word the register knows as typed: its typo neighbours would
                    # mostly be other names, and walking them costs the most.
                    continue
            if key in near:
                words.update(near[key])
            for variant in deletions(key):
                if variant in vocabulary:
                    words.add(vocabulary[variant])
                if variant in near:
                    words.update(near[variant])
        tagged_keys = (
            *(f"§{s}" for s in token.symbols),
            *(f"¤{c}" for c in token.akanye),
            *(f"‡{c}" for c in token.consonants),
            *(f"♂{f}" for f in token.father),
        )
        for tagged in tagged_keys:
            word = vocabulary.get(tagged)
            if word is not None:
                words.add(word)
        return words

    def _reaches(self, token: QueryToken) -> set[int]:
        """The entries a query word reaches; a common word's are remembered across queries."""
        known = self._reach.get(token.text)
        if known is not None:
            return known
        hits: set[int] = set()
        for word in self._words_for(token):
            hits.update(self._postings[word])
        if self._dead:
            hits -= self._dead  # replaced or removed entries are never candidates
        # Once full, nothing more is remembered (freeing a full memory at once would stall the
        # query that does it).
        if len(hits) > COMMON_WORD and self._reach_positions + len(hits) <= REACH_POSITIONS:
            self._reach[token.text] = hits  # never changed after this (see `candidates`)
            self._reach_positions += len(hits)
        return hits

    def candidates(self, query: Query) -> list[int]:
        """Positions of the entries worth scoring, most promising first.

        Each query word (and each pair of neighbouring words read as one, `Query.joins`)
        reaches a set of entries; an entry's weight is the sum, over the words
        that reach it, of the word's rarity (log of register size over the entries it reaches).
        Only the heaviest `MAX_CANDIDATES` are scored: the listed person shares every word with
        the query and so weighs most."""
        total = max(len(self), 1)
        reached: list[set[int]] = []
        for token in (*query.tokens, *(joined for _, joined in query.joins)):
            if token.initial:
                continue
            hits = self._reaches(token)
            if hits:
                reached.append(hits)
        reached.sort(key=len)
        # The entries are kept in groups of equal weight (weight -> positions) rather than one
        # weight per entry: entries reached by the same words weigh the very same sum (added in
        # the same order), so the groups are few and every step is a set operation over them.
        groups: dict[float, set[int]] = {}
        for rank, hits in enumerate(reached):
            rarity = math.log(1 + total / len(hits))
            if rank == 0:
                groups = {rarity: set(hits)}  # a copy: a common word's set is remembered
                continue
            moved: list[tuple[float, set[int]]] = []
            for weight, group in groups.items():
                shared = group & hits
                if shared:
                    group -= shared
                    moved.append((weight + rarity, shared))
            if len(hits) <= COMMON_WORD:
                # A rare word also brings the entries no other word reached. A common word (a
                # frequent given name or patronymic) only adds weight to entries the rarer words
                # reached: walking all its entries would cost more than it tells.
                fresh = set(hits)
                for group in groups.values():
                    fresh -= group
                for _, shared in moved:
                    fresh -= shared
                if fresh:
                    moved.append((rarity, fresh))
            for weight, shared in moved:
                known = groups.get(weight)
                if known is None:
                    groups[weight] = shared
                else:
                    known |= shared
            groups = {weight: group for weight, group in groups.items() if group}
        if not groups:
            return []
        # An entry reached by clearly fewer or commoner words than the best cannot outscore it
        # on the name; it is not worth scoring. Of the rest, the heaviest first, the earlier
        # entry first among equals.
        floor = max(groups) * WEIGHT_SHARE
        chosen: list[int] = []
        for weight in sorted(groups, reverse=True):
            if weight < floor or len(chosen) >= MAX_CANDIDATES:
                break
            chosen.extend(heapq.nsmallest(MAX_CANDIDATES - len(chosen), groups[weight]))
        return chosen

    def _memo_rows(self, query: Query) -> list[dict[int, tuple[float, str]]]:
        if self._memo_pairs > MEMO_PAIRS:
            # Full: this query remembers for itself only (freeing a full memory at once would
            # stall the query that does it).
            return [{} for _ in query.tokens]
        return [self._memo.setdefault(token.text, {}) for token in query.tokens]

    def forget(self) -> None:
        """Drop what is remembered across queries (a benchmark measuring cold queries)."""
        self._memo = {}
        self._memo_pairs = 0
        self._reach = {}
        self._reach_positions = 0

    def screen(self, query: Query, use: str = "border", limit: int = 10) -> list[Result]:
        """Scored candidates worth an officer's look for this use (review or more), best first."""
        rows = self._memo_rows(query)
        before = sum(len(row) for row in rows)
        # A candidate that could not reach review level even with a patronymic agreement in its
        # favour is not scored in full (most are not): the ones scored are scored by the same
        # rules as the reference, so they get the same results.
        review = USES[use].review
        floor = math.log(review / (1 - review)) - 1e-3  # scores are rounded to 4 places
        results = []
        for position in self.candidates(query):
            entry = self.entries[position]
            if not may_report(query, entry, fast_distance, rows, floor):
                continue
            result = score_entry(query, entry, fast_distance, rows)
            if result.reportable(use):
                results.append(result)
        self._memo_pairs += sum(len(row) for row in rows) - before
        results.sort(key=lambda r: (-r.score, r.entry_id))
        return results[:limit]
