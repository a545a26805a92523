"""Names in every other script (Georgian, Greek, Arabic, Hebrew, Chinese, Korean, Japanese,
Devanagari, Thai, …) in Latin letters, through the ICU library's transforms (PyICU).

Use `latin_forms(word)` for the Latin spellings of a word the region's own tables
(`translit.py`: Cyrillic and Armenian, in every scheme an officer meets) do not cover, and
`is_abjad(word)` to know whether its script leaves out short vowels (Arabic, Hebrew, Syriac):
such a word is compared on its consonants (`normalize.consonant_keys`).

Why ICU: its transforms (CLDR) are maintained for every script Unicode has, by the people who
maintain Unicode itself, and ship with every ICU; a table of our own would cover a few scripts
and be wrong in the others. ICU's romanisation is one standard per script (ISO 843-like Greek,
national Georgian, pinyin, Revised Romanisation of Korean); the passport conventions that differ
from it are added here as the languages' rules (Korean passports write 김 KIM, 박 PARK, 정 JONG).

This module is not compiled with the kernel (`kernel.py`): it only calls into ICU's C++ code, so
compiling it would gain nothing, and mypyc does not know PyICU's types.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import icu

_TO_LATIN = "Any-Latin; Latin-ASCII; Lower"
_HANGUL = re.compile(r"[\uac00-\ud7af]")
# Revised Romanisation (ICU) to the passport and press forms of Korean names: a plain initial
# consonant written voiceless (g→k, d→t, b→p: Kim, Park, Tae), eo→o and eu→u (Jong, Un), as the
# McCune–Reischauer-based passport practice writes them.
_KOREAN_INITIAL = {"g": "k", "d": "t", "b": "p"}


_PER_THREAD = threading.local()


def _transliterator() -> icu.Transliterator:
    """This thread's transliterator: ICU does not promise that one instance may be used by
    several threads at once (the server screens in threads)."""
    found: icu.Transliterator | None = getattr(_PER_THREAD, "transliterator", None)
    if found is None:
        found = _PER_THREAD.transliterator = icu.Transliterator.createInstance(_TO_LATIN)
    return found


@lru_cache(maxsize=100_000)
def latin_forms(word: str) -> tuple[str, ...]:
    """The Latin spellings of one word in any script (lower case, ASCII letters, no spaces): ICU's
    romanisation, and for Korean also the passport form. Empty when ICU knows no romanisation."""
    # Marks ICU keeps (ʿ for the Arabic ain, ' between Georgian syllables) are not letters of
    # the name's Latin spelling.
    romanised = str(_transliterator().transliterate(word))
    latin = "".join(c for c in romanised if c.isascii() and c.isalpha())
    if not latin:
        return ()
    forms = [latin]
    if _HANGUL.search(word):
        passport = latin.replace("eo", "o").replace("eu", "u")
        passport = _KOREAN_INITIAL.get(passport[:1], passport[:1]) + passport[1:]
        forms.append(passport)
    return tuple(dict.fromkeys(forms))


_ABJAD = re.compile(r"[\u0590-\u07bf\u08a0-\u08ff\ufb1d-\ufeff]")


def is_abjad(word: str) -> bool:
    """Is the word in a script that writes consonants and long vowels only (Arabic, Hebrew,
    Syriac, Thaana)?"""
    return _ABJAD.search(word) is not None
