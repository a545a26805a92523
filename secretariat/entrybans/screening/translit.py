"""Romanisation of names written in Cyrillic or Armenian, in every scheme an officer meets.

Use `romanizations(word)` to get the Latin spellings a name can take in passports and
lists: ICAO Doc 9303 (the machine-readable zone since 2013), the older Russian passport scheme
(MVD 1997, "Y" forms), BGN/PCGN, GOST 7.79 system B, ISO 9 / scientific (with diacritics), German
and Polish styles, Belarusian national and Łacinka, Ukrainian national (2010), Kazakh, Kyrgyz,
Tajik and Uzbek passport styles, and an Armenian passport style. The screening engine folds every
spelling to a matching skeleton afterwards, so the tables only need to be faithful where schemes
really differ. Pure Python, no dependency: the tables are the documentation.
"""

from __future__ import annotations

from functools import lru_cache

VOWELS = set("аеёиоуыэюяіїєўәөұүӣӯ")
SIGNS = set("ъь'’ʼ")

# Letters shared by all Russian-alphabet schemes; each scheme overrides what it writes differently.
_BASE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    # letters of the other Cyrillic alphabets of the region, in their most common passport form
    "і": "i", "ї": "i", "є": "ie", "ґ": "g", "ў": "u", "ә": "a", "ғ": "g", "қ": "k", "ң": "n",
    "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "ӣ": "i", "ӯ": "u", "ҳ": "h", "ҷ": "dzh",
    "'": "", "’": "", "ʼ": "",
}  # fmt: skip


def _scheme(**overrides: str) -> dict[str, str]:
    table = dict(_BASE)
    table.update(overrides)
    return table


# The tables write each letter so that the skeleton reads it back without doubt (Х as "h" where a
# scheme writes CH or X): the Latin side of screening tries every reading of an ambiguous letter.
# name -> (letter table, iotated forms written with a leading "y"/"j" at the start of a word
# and after vowels and signs, e.g. BGN "Yevgeniy", German "Jewgeni"; None when not used).
SCHEMES: dict[str, tuple[dict[str, str], str | None]] = {
    # ICAO Doc 9303 Part 3 (Russian passports since 2013): Ъ→IE, Й→I, Ю→IU, Я→IA.
    "icao": (_scheme(ъ="ie"), None),
    # Russian passports 1997-2010 and most older lists: Й→Y, Ю→YU, Я→YA.
    "mvd1997": (_scheme(й="y", ю="yu", я="ya", ё="yo"), None),
    # BGN/PCGN (1947): like the above, E written YE at the start of a word and after vowels.
    "bgn": (_scheme(й="y", ю="yu", я="ya", ё="yo", ы="y"), "y"),
    # GOST 7.79-2000 system B (ASCII only).
    "gost_b": (_scheme(й="j", х="h", ц="c", щ="shh", ю="yu", я="ya", ё="yo", ы="y", э="e"), None),
    # ISO 9 / scientific transliteration, with diacritics (folded later by the skeleton).
    "iso9": (_scheme(ж="ž", й="j", х="h", ц="ts", ч="č", ш="š", щ="šč", ю="ju", я="ja"), None),
    # German press and registry style.
    "german": (
        _scheme(в="w", ж="sch", з="s", й="j", х="h", ц="z", ч="tsch", ш="sch", щ="schtsch",
                ю="ju", я="ja", ы="y"),
        "j",
    ),
    # Polish style.
    "polish": (_scheme(в="w", ж="ż", й="j", х="h", ц="ts", ч="cz", ш="sz", щ="szcz", ю="ju", я="ja"), None),
    # Belarusian passports (2008 instruction, ICAO-based): Г→H, Ў→U, Я→IA.
    "belarus": (_scheme(г="h", ў="u", ё="io", и="i", й="i", ю="iu", я="ia", х="kh"), None),
    # Belarusian Łacinka: Г→H, Х→CH, Ж/Ч/Ш with carons, Ў→Ŭ, Ц→C, Й→J.
    "lacinka": (
        _scheme(г="h", х="h", ж="ž", ч="č", ш="š", ц="ts", ў="ŭ", й="j", ю="ju", я="ja", ё="jo", е="ie"),
        None,
    ),
    # Ukrainian national (Cabinet resolution 55 of 2010): Г→H, И→Y, Є→IE/YE, Ї→I/YI.
    "ukraine": (_scheme(г="h", и="y", й="i", є="ie", ї="i", ю="iu", я="ia"), None),
    # Kazakh passport style: Ж→J, Й→Y, Ә→A, Ғ→G, Қ→K, Ң→N, Ө→O, Ұ/Ү→U, Х→KH.
    "kazakh": (_scheme(ж="zh", й="y", ю="yu", я="ya", ы="y", щ="sch"), "y"),
    # Kyrgyz and Tajik passport styles: Ң→NG, Ө→O, Ү→U, Ғ→GH, Қ→Q, Ҳ→H, Ҷ→J.
    "central_asia": (_scheme(ң="ng", ғ="gh", қ="q", ҳ="h", ҷ="dzh", ж="zh", й="y", ю="yu", я="ya"), "y"),
    # Uzbek official Latin from Uzbek Cyrillic: Ў→O', Ғ→G', Қ→Q, Ҳ→H, Х→X, Ж→J, Ш→SH, Ч→CH.
    "uzbek": (_scheme(ў="o", ғ="g", қ="q", ҳ="h", х="h", ж="zh", й="y", ю="yu", я="ya", ё="yo", ц="ts"), "y"),
}  # fmt: skip

# Armenian: one passport style (close to BGN/PCGN and the Armenian passport's visual zone).
ARMENIAN = {
    "ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "է": "e", "ը": "y", "թ": "t",
    "ժ": "zh", "ի": "i", "լ": "l", "խ": "kh", "ծ": "ts", "կ": "k", "հ": "h", "ձ": "dz",
    "ղ": "gh", "ճ": "ch", "մ": "m", "յ": "y", "ն": "n", "շ": "sh", "ո": "o", "չ": "ch",
    "պ": "p", "ջ": "dzh", "ռ": "r", "ս": "s", "վ": "v", "տ": "t", "ր": "r", "ց": "ts",
    "ւ": "v", "փ": "p", "ք": "k", "օ": "o", "ֆ": "f", "և": "ev",
}  # fmt: skip


def script_of(word: str) -> str:
    """'cyrillic', 'armenian', 'latin' or 'other' (any other script: `scripts.py` romanises it):
    the first non-Latin letter decides, so a word mixing Latin and Cyrillic letters counts as
    Cyrillic (its Latin letters pass through romanisation)."""
    for char in word:
        code = ord(char)
        if code < 0x0250 or 0x1E00 <= code <= 0x1EFF:  # Latin, with its diacritics
            continue
        if 0x0400 <= code <= 0x052F:
            return "cyrillic"
        if 0x0530 <= code <= 0x058F:
            return "armenian"
        if char.isalpha():
            return "other"
    return "latin"


def romanize(word: str, scheme: str) -> str:
    """One word (lower case) in one scheme."""
    table, iotation = SCHEMES[scheme]
    out: list[str] = []
    previous = ""
    for index, char in enumerate(word):
        latin = table.get(char, char)
        if iotation and char in "еєяюё" and (index == 0 or previous in VOWELS or previous in SIGNS):
            latin = {"е": "ye", "є": "ye", "я": "ya", "ю": "yu", "ё": "yo"}[char]
            if iotation == "j":
                latin = "j" + latin[1:]
        out.append(latin)
        previous = char
    return "".join(out)


def romanize_armenian(word: str) -> list[str]:
    """The passport style, plus the common variants: initial Ե→Ye, Ո→Vo, ու→u, and Հ left out as
    Russian renderings do (Հովհաննես → Ованнес)."""
    text = word.replace("ու", "u")
    plain = "".join(ARMENIAN.get(c, c) for c in text)
    forms = {plain, "".join(ARMENIAN.get(c, c) for c in text if c != "հ")}
    if text[:1] == "ե":
        forms.add("ye" + plain[1:])
    if text[:1] == "ո":
        forms.add("vo" + plain[1:])
    return sorted(forms)


@lru_cache(maxsize=200_000)
def romanizations(word: str) -> tuple[str, ...]:
    """Every Latin spelling of `word` (lower case) the tables above produce; Latin stays as is."""
    script = script_of(word)
    if script == "cyrillic":
        return tuple(sorted({romanize(word, name) for name in SCHEMES}))
    if script == "armenian":
        return tuple(romanize_armenian(word))
    return (word,)
