"""Step 2 of screening, and the fast path end to end: an in-memory index of the register.

Use `ScreeningIndex(entries)` once per register version and `index.screen(query)` per query; the
index is immutable, so a new register version means a new index (built in well under a second
for the register sizes of this organization). No search server is needed: the keys are plain
dicts in the process, as the register fits in memory many times over.

Candidates are found through three kinds of keys: each word's skeletons, each skeleton with one
letter deleted (so one typo on either side still meets: SymSpell's trick), given-name groups,
and consonant skeletons.
Entries are ranked by how many query words reach them, rare words counting more; only the best
are scored, with rapidfuzz's edit distance (optimal string alignment: a swap of
two neighbouring letters is one edit).
"""

from __future__ import annotations

import gc
import heapq
import math
from array import array
from collections.abc import Iterable

from rapidfuzz.distance import OSA

from secretariat.entrybans.screening.records import Entry, Query, QueryToken
from secretariat.entrybans.screening.score import Result, score_entry

MAX_CANDIDATES = 40
MAX_TIED = 150
WEIGHT_SHARE = 0.65  # candidates weigh at least this share of the best one
COMMON_WORD = 500  # entries reached beyond which a word is common (see `candidates`)


def fast_distance(a: str, b: str, cutoff: int) -> int:
    return int(OSA.distance(a, b, score_cutoff=cutoff))


def deletions(key: str) -> set[str]:
    if len(key) < 5:
        return set()
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


class ScreeningIndex:
    def __init__(self, entries: Iterable[Entry], version: int = 0) -> None:
        self.version = version
        self.entries: list[Entry] = list(entries)
        vocabulary: dict[str, int] = {}
        postings: list[array[int]] = []
        for position, entry in enumerate(self.entries):
            seen: set[int] = set()
            for name in entry.names:
                for token in name.tokens:
                    symbols = (f"§{s}" for s in token.symbols)
                    akanye = (f"¤{c}" for c in token.akanye)
                    plain = (f"·{c}" for c in token.plain)
                    for key in (*token.keys, *symbols, *akanye, *plain):
                        word = vocabulary.setdefault(key, len(vocabulary))
                        if word == len(postings):
                            postings.append(array("i"))
                        if word not in seen:
                            seen.add(word)
                            postings[word].append(position)
        self._vocabulary = vocabulary
        self._postings = postings
        years: dict[int, array[int]] = {}
        for position, entry in enumerate(self.entries):
            for date in entry.birth_dates:
                years.setdefault(date.year, array("i")).append(position)
        self._years = {year: frozenset(found) for year, found in years.items()}
        near: dict[str, list[int]] = {}
        for key, word in vocabulary.items():
            if key[0] in "§¤":
                continue
            for variant in deletions(key):
                near.setdefault(variant, []).append(word)  # "·" keys keep their mark
        self._near = {k: array("i", v) for k, v in near.items()}

    def settle(self) -> ScreeningIndex:
        """Keep the index's objects out of the cyclic garbage collector's walks.

        Call once on a long-lived index (the server's, a benchmark's): a full collection over
        millions of index objects otherwise stalls a query now and then. The index holds no
        reference cycles, so a later index replacing it is still freed by reference counting."""
        gc.collect()
        gc.freeze()
        return self

    def __len__(self) -> int:
        return len(self.entries)

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
        for tagged in (*(f"§{s}" for s in token.symbols), *(f"¤{c}" for c in token.akanye)):
            word = vocabulary.get(tagged)
            if word is not None:
                words.add(word)
        return words

    def candidates(self, query: Query) -> list[int]:
        """Positions of the entries worth scoring, most promising first.

        Each query word reaches a set of entries; an entry's weight is the sum, over the words
        that reach it, of the word's rarity (log of register size over the entries it reaches).
        Only the heaviest `MAX_CANDIDATES` are scored: the listed person shares every word with
        the query and so weighs most."""
        total = max(len(self.entries), 1)
        reached: list[set[int]] = []
        for token in query.tokens:
            if token.initial:
                continue
            hits: set[int] = set()
            for word in self._words_for(token):
                hits.update(self._postings[word])
            if hits:
                reached.append(hits)
        reached.sort(key=len)
        weights: dict[int, float] = {}
        for rank, hits in enumerate(reached):
            rarity = math.log(1 + total / len(hits))
            if rank and len(hits) > COMMON_WORD:
                # A common word (a frequent given name or patronymic) only adds weight to entries
                # the rarer words reached: walking all its entries would cost more than it tells.
                for position in weights.keys() & hits:
                    weights[position] += rarity
                continue
            for position in hits:
                weights[position] = weights.get(position, 0.0) + rarity
        ranked = heapq.nlargest(
            MAX_CANDIDATES, weights.items(), key=lambda item: (item[1], -item[0])
        )
        if not ranked:
            return []
        # An entry reached by clearly fewer or commoner words than the best cannot outscore it
        # on the name; it is not worth scoring.
        floor = ranked[0][1] * WEIGHT_SHARE
        return [position for position, weight in ranked if weight >= floor]

    def screen(self, query: Query, use: str = "border", limit: int = 10) -> list[Result]:
        """Scored candidates worth an officer's look for this use (review or more), best first."""
        results = []
        memo: dict[tuple[int, int], tuple[float, str]] = {}
        for position in self.candidates(query):
            result = score_entry(query, self.entries[position], fast_distance, memo)
            if result.reportable(use):
                results.append(result)
        results.sort(key=lambda r: (-r.score, r.entry_id))
        return results[:limit]
