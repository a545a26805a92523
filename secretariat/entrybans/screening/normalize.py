"""Step 1 of screening: from a name as typed to comparable tokens and their matching keys.

Use `tokenize(text)` for the words of a name (case-folded, ё→е, apostrophes, titles and the MRZ
filler `<` removed, hyphenated parts split), `skeletons(word)` for the lossy keys a word is
compared by, and `is_patronymic(word)` to recognise a patronymic in any of the region's forms.

A skeleton folds the ways the same sound is written across transliteration schemes: kh/h/x → h,
zh/ž/ż/j → Z, sh/š/sz/sch/shch → S, ch/č/cz/tsch → C, ts/tz/c → c, y/j/i → i with repeated i
collapsed, ie/io → e, w → v, doubled letters once. A spelling that is ambiguous (j is й or дж, x is
кс or the Uzbek х, ch is ч or the German х) yields one skeleton per reading.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import product

from secretariat.entrybans.screening.scripts import is_abjad, latin_forms
from secretariat.entrybans.screening.translit import romanizations, script_of

TITLES = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "gen", "col", "г-н", "г-жа", "господин", "госпожа"}
)
# The Turkic patronymic written as a word after the father's name: "son of" / "daughter of" in
# Kyrgyz (уулу, кызы), Kazakh (улы, ұлы, қызы), Azerbaijani and Turkmen (оглы, oglu, ogly, gyzy)
# and Uzbek (ўғли, o'g'li, қизи, qizi), Cyrillic and Latin (apostrophes are folded away).
PATRONYMIC_WORDS = frozenset(
    {
        "uulu", "kyzy", "кызы", "уулу", "ұлы", "улы", "қызы", "uly", "ogly", "oglu", "оглы",
        "оглу", "ogli", "ugli", "ўғли", "угли", "qizi", "kizi", "қизи", "кизи", "gyzy", "qyzy",
        "гызы",
    }
)  # fmt: skip
_PATRONYMIC_ENDINGS = (
    "ovich", "evich", "ovic", "evic", "ovych", "evych", "avich", "ich", "ych", "ovna", "evna",
    "ichna", "ivna", "avna", "ovitch", "evitch", "owitsch", "ewitsch",
    "ович", "евич", "ич", "овна", "евна", "ична", "івна", "ївна", "авіч", "евіч", "іч", "аўна",
    "еўна", "ўна", "ұлы", "қызы", "uly", "kyzy", "uulu", "ogly", "oglu", "ogli", "ugli", "qizi",
    "уулу", "кызы", "оглы", "ўғли", "угли", "қизи",
)  # fmt: skip
# Skeletons (see below) of the endings that make a patronymic of a father's given name, longest
# first: Russian and Ukrainian -ович/-евич/-ич, -овна/-евна/-ична/-івна, Belarusian -авіч/-аўна,
# Kazakh -ұлы/-қызы, Kyrgyz уулу/кызы, Azerbaijani and Uzbek оглы/o'g'li/qizi, and Tajik -зода
# ("born of", used as a surname made of the father's name). What is left is the father's name.
_FATHER_ENDINGS = (
    "ovna", "evna", "iCna", "ivna", "avna", "auna", "euna", "oviC", "eviC", "aviC",
    "uulu", "ulu", "uli", "ogli", "oglu", "ugli", "kizi", "gizi", "zoda", "zade", "iC",
)  # fmt: skip

# The Tajik and Persian "born of" that makes a surname of a father's name (Юсуфзода, Yusufzade),
# sometimes written apart from it.
_BORN_OF = frozenset({"зода", "заде", "zoda", "zade", "zodah"})

# The Arabic article al- as Russian and Latin write it, assimilated to the next sound (аш-Шами,
# ад-Дин, ar-Rashid), when it is joined to the name by a hyphen.
_ARABIC_ARTICLES = frozenset(
    {
        "al", "el", "ul", "ad", "an", "ar", "as", "ash", "at", "az", "ed", "en", "er", "es",
        "ал", "аль", "эль", "эл", "ул", "уль", "ад", "ан", "ар", "ас", "аш", "ат", "аз",
        "эд", "эн", "эр", "эс", "эш",
    }
)  # fmt: skip

_APOSTROPHES = str.maketrans("", "", "'’ʼʻ`´ʹʺ\"")
_SPLIT = re.compile(r"[\s,;/()\[\]<>.]+")
_DIACRITICS = str.maketrans(
    {
        "š": "sh", "č": "ch", "ž": "zh", "ż": "zh", "ŝ": "shch", "ć": "c", "ś": "s", "ź": "z",
        "ń": "n", "ł": "l", "ŭ": "u", "ä": "a", "ö": "o", "ü": "u", "ğ": "g", "ı": "i", "ş": "sh",
        "ç": "ch", "ñ": "n", "ë": "e", "è": "e", "é": "e", "ê": "e", "ï": "i", "î": "i", "ī": "i",
        "û": "iu", "ū": "u", "â": "ia", "à": "a", "á": "a", "ô": "o", "ó": "o", "ý": "y", "ě": "e",
        "ř": "r", "đ": "d", "ø": "o", "å": "a", "æ": "ae", "œ": "oe", "ß": "ss",
    }
)  # fmt: skip


# Serbian and Macedonian Cyrillic letters, as the Russian alphabet writes their sounds (Сергеј
# Кузњецов is Сергей Кузнецов); Bulgarian and Ukrainian need nothing more than translit.py has.
_SOUTH_SLAVIC = str.maketrans(
    {"ј": "й", "љ": "ль", "њ": "нь", "ђ": "дж", "ћ": "ч", "џ": "дж", "ѓ": "г", "ќ": "к", "ѕ": "дз"}
)


def fold(text: str) -> str:
    """NFKC, case-folded, ё→е, apostrophes dropped; the form every comparison starts from."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("ё", "е").replace("ї", "і").translate(_SOUTH_SLAVIC)
    return text.translate(_APOSTROPHES)


def tokenize(text: str) -> list[str]:
    """The words of a name, in order: `SURNAME, Given`, MRZ `SURNAME<<GIVEN` and `Given SURNAME`
    all give their words; a hyphenated name gives its parts (Касым-Жомарт → касым, жомарт)."""
    return [word for group in tokenize_groups(text) for word in group]


def tokenize_groups(text: str) -> list[list[str]]:
    """The words of a name grouped as written: the parts of a hyphenated name form one group
    (Мельникова-Дорн, Касым-Жомарт); a Turkic patronymic word joins the father's name before it
    into one word ("серік улы", "azamat uulu": one patronymic); a name in a script that writes
    no spaces between its parts (Chinese, Korean, Japanese) gives its first syllable (the family
    name) and the rest as two groups."""
    groups: list[list[str]] = []
    chunks = [c for c in _SPLIT.split(fold(text)) if any(ch.isalpha() for ch in c)]
    for chunk in chunks:
        parts = [p.strip() for p in chunk.split("-")]
        parts = [p for p in parts if p and p not in TITLES and any(c.isalpha() for c in p)]
        if not parts:
            continue
        if len(parts) == 2 and parts[0] in _ARABIC_ARTICLES:
            # "аль-Омари", "Al-Shami", "аш-Шами": the article is not part of the name (an Arabic
            # query's article is left out too: `abjad_consonant_readings`).
            parts = parts[1:]
        if len(parts) == 2 and parts[1] in _BORN_OF and len(parts[0]) > 1:
            # "Yusuf-zoda": the Tajik surname written with a hyphen, one word (Юсуфзода).
            groups.append([parts[0] + parts[1]])
            continue
        if len(parts) == 1 and parts[0] in _BORN_OF and groups and len(groups[-1]) == 1:
            # "Мурод зода": the same surname written as two words.
            groups[-1][-1] += parts[0]
            continue
        if len(parts) == 2 and parts[1] in PATRONYMIC_WORDS:
            # "Temirlan-Kyzy", "Azamat-uulu": the father's name joined by a hyphen, one word.
            groups.append([f"{parts[0]} {parts[1]}"])
            continue
        if len(parts) == 1 and parts[0] in PATRONYMIC_WORDS and groups:
            groups[-1][-1] = f"{groups[-1][-1]} {parts[0]}"
            continue
        if len(chunks) == 1 and len(parts) == 1 and len(parts[0]) > 1 and is_syllabic(parts[0]):
            # (Written with a space, "윤 지호", the parts are already apart.)
            family, given = parts[0][:1], parts[0][1:]
            # Korean given names are romanised syllable by syllable (Jong Un, Jae-in), Chinese
            # ones as one word (Jinping).
            groups.extend([[family], list(given) if _HANGUL.search(given) else [given]])
            continue
        groups.append(parts)
    return groups


_HANGUL = re.compile(r"[\uac00-\ud7af]")
_SYLLABIC = re.compile(r"[\u3400-\u9fff\uac00-\ud7af]+")


def is_syllabic(word: str) -> bool:
    """Is the word written in Han or Hangul, where one character is one syllable and a personal
    name is written without a space between the family name (one syllable, mostly) and the given
    name?"""
    return _SYLLABIC.fullmatch(word) is not None


@lru_cache(maxsize=200_000)
def is_patronymic(word: str) -> bool:
    """Does this word look like a patronymic (-ович, -ovna, -авіч, -ұлы, "серік улы", uulu, ...)?
    Its ending alone does not make it one: Мицкевич, Тарасевич are surnames. `records.py` decides
    from the structure of the whole name which word, if any, is the patronymic."""
    word = fold(word)
    if word in PATRONYMIC_WORDS or word.rsplit(" ", 1)[-1] in PATRONYMIC_WORDS:
        return True
    return len(word) >= 6 and word.endswith(_PATRONYMIC_ENDINGS)


@lru_cache(maxsize=200_000)
def father_of(keys: frozenset[str]) -> frozenset[str]:
    """The skeletons of the father's given name a patronymic is made of (Олегович, Oleg uulu,
    Серікұлы, Rahmonzoda → oleg, serik, rahmon), with a final й/i (Сергей → serge, like
    Сергеевич) or а (Никита, Никитич) left out, so that the name and the patronymic's stem meet.
    Empty for a word that does not end like a patronymic."""
    found: set[str] = set()
    for key in keys:
        for end in _FATHER_ENDINGS:
            if key.endswith(end) and len(key) - len(end) >= 2:
                found.add(given_stem(key[: -len(end)]))
                if end[0] in "kg":
                    # A skeleton writes a doubled letter once: Алмазбек кызы is "almazbekizi",
                    # so the father may end in the ending's first letter (almazbek).
                    found.add(given_stem(key[: -len(end) + 1]))
                break
    return frozenset(found)


def given_stem(key: str) -> str:
    """A given name's skeleton as a patronymic keeps it: without a final i or a."""
    return key[:-1] if len(key) > 3 and key[-1] in "ia" else key


def is_initial(word: str) -> bool:
    """A single letter of an alphabet (a Chinese or Korean character is a syllable, not one)."""
    return len(word) == 1 and not is_syllabic(word)


# Latin pre-rules, applied in order. Upper-case letters are the classes of the skeleton (S ш/щ,
# C ч, Z ж/дж, T ц), so that a later rule cannot rewrite what an earlier one produced.
_LATIN_RULES: tuple[tuple[str, str], ...] = (
    ("shtsch", "S"), ("schtsch", "S"), ("szcz", "S"), ("shch", "S"), ("shh", "S"),
    ("tsch", "C"), ("tch", "C"), ("dzh", "Z"), ("dj", "Z"), ("sch", "S"), ("zh", "Z"),
    ("kh", "h"), ("sh", "S"), ("sz", "S"), ("cz", "C"), ("ck", "k"), ("ts", "T"), ("tz", "T"),
    ("gh", "g"), ("ou", "u"), ("w", "v"), ("q", "k"), ("ph", "f"),
)  # fmt: skip
_BELARUSIAN_OV = re.compile(r"(?<=...)(?:ou|au|aw|ow|au)$")
_SOFT_C = re.compile(r"c(?=[eiy])")
_YI = re.compile(r"[yj]")
_IRUN = re.compile(r"i{2,}")
_DOUBLE = re.compile(r"(.)\1+")
_IOTATED = re.compile(r"(?<=.)i[eo]")


def _latin_readings(word: str) -> list[str]:
    """Split a Latin word on its ambiguous letters into every reading (at most 8)."""
    readings = [""]
    i = 0
    while i < len(word):
        char = word[i]
        nxt = word[i + 1] if i + 1 < len(word) else ""
        options: tuple[str, ...]
        if char == "j" and nxt in "aeiouy" and nxt:
            options = ("j", "Z")  # й (Jurij) or дж/ж (Jamshid, Jomart)
        elif char == "x":
            options = ("ks", "h")  # Alexander, or Uzbek Xolmatov
        elif char == "c" and nxt == "h" and (i == 0 or word[i - 1] not in "sth"):
            options = ("C", "h")  # ч (Chernov) or German/Polish х (Chruschtschow)
            i += 1
        elif char == "o" and nxt == "u" and i + 2 < len(word):
            options = ("u", "ov")  # French у (Youri, Boulat) or Belarusian оў (Zhukouski)
            i += 1
        else:
            options = (char,)
        readings = [r + o for r, o in product(readings, options)][:8]
        i += 1
    return readings


def _skeleton_of_reading(text: str) -> str:
    text = _BELARUSIAN_OV.sub("ov", text)  # -аў/-оў (Shcharbakou, Pyatrou) is -ов
    for old, new in _LATIN_RULES:
        text = text.replace(old, new)
    text = _SOFT_C.sub("T", text).replace("c", "k")  # Cimafiej (Цімафей), but Nicolai
    text = text.replace("x", "ks")
    text = _YI.sub("i", text)
    text = _IRUN.sub("i", text)
    text = _IOTATED.sub("e", text)  # Dmitriev/Dmitryev, Fyodor/Fedor, Sergeyev/Sergeev
    text = re.sub(r"^i(?=[eo])", "", text)  # initial Ye/Yo: Yevgeny/Evgeny
    text = _IRUN.sub("i", text)
    text = _DOUBLE.sub(r"\1", text)
    if text.endswith("of"):
        text = text[:-1] + "v"  # Smirnoff, Romanof
    return text


def ascii_letters(word: str) -> str:
    latin = word.translate(_DIACRITICS)
    return "".join(c for c in unicodedata.normalize("NFKD", latin) if c.isascii() and c.isalpha())


# How the press of the languages around the member states writes Russian (and Belarusian,
# Ukrainian, Kazakh...) names, as rules of each language's orthography: a language's rules apply
# to a word that shows its marks, and give one more reading of it. Each rule rewrites a letter or
# an ending into the skeleton's classes (S ш/щ, C ч, Z ж/дж, T ц; see `_LATIN_RULES`) or into
# the English-like spelling the skeleton reads without doubt.
PRESS_ORTHOGRAPHIES: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    (
        # Czech and Slovak: c is ц, ch is х, j is й; a woman's surname takes -ová, also on a
        # Russian feminine form (Kuzněcovová for Кузнецова), and -ská/-cká is -ская/-цкая.
        "czech/slovak",
        r"[ěřůňťďľĺŕôáý]|ová$",
        (
            (r"ch", "h"), (r"c", "T"), (r"č", "C"), (r"š", "S"), (r"ž", "Z"), (r"j", "i"),
            (r"(ov|ev|in)ová$", r"\1a"), (r"ová$", "ova"), (r"ská$", "skaia"),
            (r"cká$", "Tkaia"), (r"ý$", "i"),
        ),
    ),
    (
        # Lithuanian and Latvian: c is ц, j is й; a man's name takes the case ending -as/-is/-us
        # (Kuznecovas, Sergejus) or -s (Kuzņecovs, Sergejs).
        "lithuanian/latvian",
        r"[ąęėįųūčšžņļķģāēīō]|(ov|ev|in|yn)(as|s)$|(ij|ej|aj)(us|s)$|[^aeiouy]as$",
        (
            (r"ch", "h"), (r"c", "T"), (r"č", "C"), (r"š", "S"), (r"ž", "Z"), (r"j", "i"),
            (r"(ov|ev|in|yn)(as|s)$", r"\1"), (r"(ii|ei|ai)(us|s)$", r"\1"),
            # Any other man's name takes -as after its last consonant too (Akžolas, Levas,
            # Prochoras, Ždanovičas, Kravecas).
            (r"(?<=[^aeiouy])as$", ""),
        ),
    ),
    (
        # Armenian names in ISO 9985, as libraries and some registers write them: ł is ղ (gh),
        # ow is ու (u), j is ձ (dz), ǰ is ջ (j), c and c' are ծ and ց (ts), x is խ (kh), ṙ is ռ,
        # ə ը, ō օ, ē է, w վ after a vowel (Łowkasyan, Sowren, Hambarjowmyan, Tatʼewik).
        "armenian iso 9985",
        r"[łǰṙəōē]|ow|yan$",
        (
            (r"ł", "gh"), (r"ow", "u"), (r"ǰ", "Z"), (r"(?<=[a-z])j", "dz"), (r"^j", "dz"),
            (r"c", "T"), (r"č", "C"), (r"x", "h"), (r"ṙ", "r"), (r"ə", "e"), (r"ō", "o"),
            (r"ē", "e"), (r"(?<=[aeiou])w", "v"),
        ),
    ),
    (
        # Estonian: tš is ч, šš and štš щ, š ш, ž ж, j й (Kovaltšuk, Oništšenko, Sergejevitš).
        "estonian",
        r"tš|šš",
        (
            (r"štš", "S"), (r"šš", "S"), (r"tš", "C"), (r"š", "S"), (r"ž", "Z"), (r"j", "i"),
        ),
    ),
    (
        # Dutch: oe is у, sj ш, zj ж, tsj ч, sjtsj щ, ch х, j й (Chroesjtsjov, Koeznetsova).
        "dutch",
        r"oe|sj|zj",
        (
            (r"sjtsj", "S"), (r"tsj", "C"), (r"sj", "S"), (r"zj", "Z"), (r"ch", "h"),
            (r"oe", "u"), (r"j", "i"),
        ),
    ),
    (
        # French: ou is у, ch ш, tch ч, chtch щ, j and dj ж/дж, gu before e/i is г, and a final
        # -e keeps -ine sounded (Iouri Chtchoukine, Gueorgui Joukov, Poutine).
        "french",
        r"ou|tch|gu[eiy]|[ïë]|ine$|ff$",
        (
            (r"chtch", "S"), (r"tch", "C"), (r"ch", "S"), (r"dj", "Z"), (r"j", "Z"),
            (r"gu(?=[eiy])", "g"), (r"ou", "u"), (r"ine$", "in"), (r"ff$", "v"),
        ),
    ),
    (
        # Spanish: j is х (Jruschov, Jodorkovski), y is й, ch ч, sh ш.
        "spanish",
        r"j[^aeiouy]|ñ|^jo",
        ((r"ch", "C"), (r"sh", "S"), (r"j", "h"), (r"y", "i"), (r"ñ", "ni")),
    ),
    (
        # Italian: sc before e/i is ш/щ, c before e/i and ci before a/o/u ч, gi before a/o/u and
        # g before e/i дж, ch х (Kruscev, Gorbaciov, Chruscev).
        "italian",
        r"sc[ei]|ci[aou]|gi[aou]|ce",
        (
            (r"sci(?=[aou])", "S"), (r"sc(?=[ei])", "S"), (r"ci(?=[aou])", "C"),
            (r"c(?=[ei])", "C"), (r"gi(?=[aou])", "Z"), (r"g(?=[ei])", "Z"), (r"ch", "h"),
        ),
    ),
    (
        # Turkish: ş is ш, ç ч, şç щ, c дж, j ж, ı ы (Hruşçov).
        "turkish",
        r"[şçğı]",
        ((r"şç", "S"), (r"ş", "S"), (r"ç", "C"), (r"c", "Z"), (r"j", "Z"), (r"ğ", "")),
    ),
    (
        # Esperanto: ĉ is ч, ŝ ш, ŝĉ щ, ĝ дж, ĵ ж, ĥ х, c ц, j й (Ĥruŝĉov).
        "esperanto",
        r"[ĉĝĥĵŝŭ]",
        (
            (r"ŝĉ", "S"), (r"ĉ", "C"), (r"ŝ", "S"), (r"ĝ", "Z"), (r"ĵ", "Z"), (r"ĥ", "h"),
            (r"c", "T"), (r"j", "i"), (r"ŭ", "u"),
        ),
    ),
    (
        # Serbian and Croatian Latin: ć is ч, đ and dž дж, c ц, j й.
        "serbian/croatian",
        r"[ćđ]|dž",
        ((r"dž", "Z"), (r"đ", "Z"), (r"ć", "C"), (r"c", "T"), (r"j", "i")),
    ),
)  # fmt: skip
_PRESS = tuple(
    (name, re.compile(tell), tuple((re.compile(a), b) for a, b in rules))
    for name, tell, rules in PRESS_ORTHOGRAPHIES
)


def press_spellings(word: str) -> list[str]:
    """The word read by the rules of each language whose marks it shows (see above)."""
    spellings: list[str] = []
    for _, tell, rules in _PRESS:
        if tell.search(word):
            spelling = word
            for pattern, replacement in rules:
                spelling = pattern.sub(replacement, spelling)
            if spelling != word:
                spellings.append(spelling)
    return spellings


# How the Greek press writes Russian (and the region's) names: Greek has no ш, ж, ч or ц, so
# σ stands for с, ш and щ, ζ for з and ж, τσ for ч and ц; μπ is б, ντ д, γκ г, ου у, β в
# (Σουμπιν is Шубин, Εφιμοβιτς Ефимович, Ζντανοβιτς Жданович). ICU's reading is the Greek one
# (Soumpin, Efimovits); these are the readings of a Russian name written in Greek letters.
_GEORGIAN_NOMINATIVE = re.compile(r"[\u10d0-\u10ff][^\u10d0\u10d4\u10d8\u10dd\u10e3]ი$")
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_GREEK_PRESS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("μπ", ("b",)), ("ντ", ("d",)), ("γκ", ("g",)), ("γγ", ("g",)), ("τσ", ("C", "T")),
    ("τζ", ("Z",)), ("ου", ("u",)), ("αι", ("e",)), ("ει", ("i",)), ("οι", ("i",)),
    ("α", ("a",)), ("β", ("v",)), ("γ", ("g",)), ("δ", ("d",)), ("ε", ("e",)), ("ζ", ("z", "Z")),
    ("η", ("i",)), ("θ", ("t",)), ("ι", ("i",)), ("κ", ("k",)), ("λ", ("l",)), ("μ", ("m",)),
    ("ν", ("n",)), ("ξ", ("ks",)), ("ο", ("o",)), ("π", ("p",)), ("ρ", ("r",)), ("σ", ("s", "S")),
    ("ς", ("s", "S")), ("τ", ("t",)), ("υ", ("i",)), ("φ", ("f",)), ("χ", ("h",)),
    ("ψ", ("ps",)), ("ω", ("o",)),
)  # fmt: skip


def greek_press_readings(word: str) -> list[str]:
    """The readings (at most 8) of a name written in Greek letters as the Greek press writes a
    Russian one, in the skeleton's classes; empty for a word with no Greek letter."""
    if not _GREEK.search(word):
        return []
    text = "".join(
        c for c in unicodedata.normalize("NFD", fold(word)) if not unicodedata.combining(c)
    )
    readings = [""]
    i = 0
    while i < len(text):
        for greek, options in _GREEK_PRESS:
            if text.startswith(greek, i):
                readings = [r + o for r, o in product(readings, options)][:8]
                i += len(greek)
                break
        else:
            i += 1  # a letter of no Greek reading (a stray mark): left out
    return [r for r in readings if r]


# Korean names in the Russian (Kontsevich) practice and the passport's: each syllable's initial,
# vowel and final as the region's Russian-language documents write them (박 Пак, 강 Кан, 지호
# Чихо, 현우 Хёну), which ICU's Revised Romanisation (bag, gang, jiho, hyeonu) does not give.
_HANGUL_INITIALS: tuple[tuple[str, ...], ...] = (
    ("k", "g"), ("k",), ("n",), ("t", "d"), ("t",), ("r", "l"), ("m",), ("p", "b"), ("p",),
    ("s",), ("s",), ("",), ("C", "Z"), ("C",), ("C", "Ckh"), ("k", "kkh"), ("t", "tkh"),
    ("p", "pkh"), ("h",),
)  # fmt: skip
# (The aspirated ㅊ ㅋ ㅌ ㅍ are чх кх тх пх in Russian: 최 Чхве, 철 чхоль.)
_HANGUL_VOWELS: tuple[tuple[str, ...], ...] = (
    ("a",), ("e",), ("ia",), ("ie",), ("o",), ("e",), ("io",), ("ie",), ("o",), ("va",),
    ("ve",), ("ve", "oe"), ("io",), ("u",), ("vo",), ("ve",), ("vi",), ("iu",), ("y", "u"),
    ("yi", "i"), ("i",),
)  # fmt: skip
_HANGUL_FINALS: tuple[str, ...] = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p",
    "p", "t", "t", "n", "t", "t", "k", "t", "p", "t",
)  # fmt: skip
# A family name of one syllable that South Korean spelling writes without its initial ㄹ (이, 임,
# 유, 양: Ли, Лим, Лю, Лян in Russian, Lee, Lim, Lyu in passports).
_DROPPED_L = frozenset({1, 2, 3, 6, 7, 12, 17, 20})  # vowels after which ㄹ was dropped
HANGUL_READINGS = 16


def hangul_readings(word: str) -> list[str]:
    """The readings (at most `HANGUL_READINGS`) of a word in Hangul as Russian-language and
    passport practice writes Korean names; empty for a word with no Hangul syllable."""
    syllables = [ord(c) - 0xAC00 for c in word if 0xAC00 <= ord(c) <= 0xD7A3]
    if not syllables:
        return []
    readings = [""]
    for position, code in enumerate(syllables):
        initial, vowel, final = code // 588, (code % 588) // 28, code % 28
        starts = _HANGUL_INITIALS[initial]
        if initial == 11 and vowel in _DROPPED_L and len(syllables) == 1 and position == 0:
            starts = ("", "l")
        sounds = [a + b + _HANGUL_FINALS[final] for a in starts for b in _HANGUL_VOWELS[vowel]]
        readings = list(dict.fromkeys(r + s for r, s in product(readings, sounds)))
        readings = readings[:HANGUL_READINGS]
    return readings


@lru_cache(maxsize=400_000)
def latin_skeletons(word: str) -> frozenset[str]:
    """The skeletons of a word written in Latin (lower case, diacritics allowed): one per
    reading of its ambiguous letters, since nothing tells which scheme wrote it, and one per
    reading by the orthography of another language's press it shows the marks of."""
    latin = ascii_letters(word)
    if not latin:
        return frozenset()
    keys = {_skeleton_of_reading(r) for r in _latin_readings(latin)}
    for spelling in press_spellings(word):
        keys.update(_skeleton_of_reading(r) for r in _latin_readings(ascii_letters(spelling)))
    return frozenset(k for k in keys if k)


@lru_cache(maxsize=400_000)
def skeletons(word: str) -> frozenset[str]:
    """Every skeleton of a word in any script. A Cyrillic or Armenian word is romanised in every
    scheme and each spelling folded as it is (its source is known, so no letter is ambiguous); a
    word mixing Latin and Cyrillic letters (a clerk's half-converted Xайдаров) is romanised and
    then read as Latin."""
    word = fold(word)
    script = script_of(word)
    if script == "latin":
        return latin_skeletons(word)
    if script == "other":
        found: set[str] = set()
        for latin in latin_forms(word):
            found |= latin_skeletons(latin)
        if _GEORGIAN_NOMINATIVE.search(word):
            # Georgian gives a name ending in a consonant the nominative -ი (Savchuk is
            # სავჩუკი, Panfilov პანფილოვი): the name is read without it too.
            for latin in latin_forms(word[:-1]):
                found |= latin_skeletons(latin)
        found.update(_skeleton_of_reading(r) for r in greek_press_readings(word))
        found.update(_skeleton_of_reading(r) for r in hangul_readings(word))
        found.update(abjad_vowel_readings(word))
        # A script ICU cannot romanise: the word is still screened, as written.
        return frozenset(found) or frozenset({word.replace(" ", "")})
    if any("a" <= c <= "z" for c in word):
        keys: set[str] = set()
        for latin in romanizations(word):
            keys |= latin_skeletons(latin)
        return frozenset(keys)
    keys = {_skeleton_of_reading(ascii_letters(latin)) for latin in romanizations(word)}
    return frozenset(k for k in keys if k)


@lru_cache(maxsize=400_000)
def plain_forms(word: str) -> frozenset[str]:
    """The word in plain ASCII letters before any folding (its ICAO romanisation when written
    in another script): a typo inside a digraph (Snhmelskii) spoils the skeleton, not this."""
    word = fold(word)
    script = script_of(word)
    if script == "latin":
        return frozenset({ascii_letters(word)} - {""})
    if script == "other":
        return frozenset(latin_forms(word)[:1])
    from secretariat.entrybans.screening.translit import romanize

    latin = romanize(word, "icao") if script == "cyrillic" else romanizations(word)[0]
    return frozenset({ascii_letters(latin)} - {""})


_VOWELS = re.compile(r"[aeiouy]")

# The consonants of a name written in Hebrew or Arabic letters, as those scripts write the
# region's (and their own) names: each letter's possible sounds, in the skeleton's classes (S ш,
# C ч, Z ж/дж, T ц), '' for a letter that is a vowel or silent. ICU gives one reading (ב is b,
# ו is w, ف is f); a Russian name is written with ב or ف for в, ו or و for о/у, غ for г,
# צ׳ or تش for ч, and Arabic has no п (ب). Longest first where one letter sequence is one sound.
_ABJAD_SOUNDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Hebrew
    ("וו", ("v",)), ("יי", ("",)), ("א", ("",)), ("ב", ("b", "v")), ("ג", ("g", "Z")),
    ("ד", ("d",)), ("ה", ("h", "")), ("ו", ("", "v")), ("ז", ("z", "Z")), ("ח", ("h",)),
    ("ט", ("t",)), ("י", ("",)), ("כ", ("k", "h")), ("ך", ("h", "k")), ("ל", ("l",)),
    ("מ", ("m",)), ("ם", ("m",)), ("נ", ("n",)), ("ן", ("n",)), ("ס", ("s",)), ("ע", ("",)),
    ("פ", ("p", "f")), ("ף", ("f",)), ("צ", ("T", "C")), ("ץ", ("T", "C")), ("ק", ("k",)),
    ("ר", ("r",)), ("ש", ("S", "s")), ("ת", ("t",)),
    # Arabic
    ("شتش", ("S",)), ("تش", ("C",)), ("ا", ("",)), ("أ", ("",)), ("إ", ("",)), ("آ", ("",)),
    ("ء", ("",)), ("ئ", ("",)), ("ؤ", ("",)), ("ب", ("b", "p")), ("ت", ("t",)),
    ("ث", ("s", "t")), ("ج", ("Z", "g")), ("ح", ("h",)), ("خ", ("h",)), ("د", ("d",)),
    ("ذ", ("z", "d")), ("ر", ("r",)), ("ز", ("z",)), ("س", ("s",)), ("ش", ("S",)),
    ("ص", ("s",)), ("ض", ("d",)), ("ط", ("t",)), ("ظ", ("z",)), ("ع", ("",)),
    ("غ", ("g", "h")), ("ف", ("f", "v")), ("ق", ("k",)), ("ك", ("k",)), ("ل", ("l",)),
    ("م", ("m",)), ("ن", ("n",)), ("ه", ("h", "")), ("ة", ("", "t")), ("و", ("", "v")),
    ("ي", ("",)), ("ى", ("",)),
)  # fmt: skip
_ARTICLE = re.compile(r"^ال(?=..)")  # al-, el-, аль-: the article is not part of the name
ABJAD_READINGS = 32


def abjad_consonant_readings(word: str) -> list[str]:
    """The consonant skeletons (at most `ABJAD_READINGS`) of a word in Hebrew or Arabic letters
    read as either script writes a name (see `_ABJAD_SOUNDS`); empty for any other word."""
    if not is_abjad(word):
        return []
    text = fold(word)
    readings = {""}
    for start in [0, len(m.group(0))] if (m := _ARTICLE.match(text)) else [0]:
        readings |= _abjad_readings(text[start:])
    return sorted(k for r in readings if len(k := _skeleton_of_reading(r)) >= 2)


# A short name in Hebrew or Arabic letters is told by its vowel letters as much as by its one or
# two consonants (علي Али, נועה Ноа, ليلى Лейла): its readings with the letters that write
# vowels read as vowels (ع and ע mostly sound as one in names of the region's press).
_ABJAD_VOWEL_LETTERS: dict[str, tuple[str, ...]] = {
    "ا": ("a",), "ى": ("a",), "ة": ("a",), "ع": ("a", "o", ""), "ي": ("i", "ei", "ai"),
    "و": ("u", "o", "v"), "ه": ("a", "h"), "א": ("a", "e", ""), "ע": ("a", "e", "o", ""),
    "ו": ("o", "u", "v"), "י": ("i", "e", "ei"), "ה": ("a", "h", ""),
}  # fmt: skip
SHORT_ABJAD = 4  # letters: a word this short is also read with its vowels


def abjad_vowel_readings(word: str) -> list[str]:
    """The skeletons of a short word in Hebrew or Arabic letters read with its vowel letters as
    vowels; empty for any other word (see `_ABJAD_VOWEL_LETTERS`)."""
    text = fold(word)
    if not is_abjad(text) or len(text) > SHORT_ABJAD:
        return []
    readings = [""]
    for letter in text:
        sounds = _ABJAD_VOWEL_LETTERS.get(letter)
        if sounds is None:
            sounds = next((s for k, s in _ABJAD_SOUNDS if k == letter), ("",))
        readings = list(dict.fromkeys(r + s for r, s in product(readings, sounds)))
        readings = readings[:ABJAD_READINGS]
    return sorted({k for r in readings if len(k := _skeleton_of_reading(r)) >= 2})


def _abjad_readings(text: str) -> set[str]:
    readings = [""]
    i = 0
    while i < len(text):
        for letters, sounds in _ABJAD_SOUNDS:
            if text.startswith(letters, i):
                readings = list(dict.fromkeys(r + s for r, s in product(readings, sounds)))
                readings = readings[:ABJAD_READINGS]
                i += len(letters)
                break
        else:
            i += 1  # a vowel point or a letter of no reading here
    return set(readings)


@lru_cache(maxsize=400_000)
def consonant_keys(word: str) -> frozenset[str]:
    """The skeletons of a word's consonants alone. Arabic and Hebrew write no short vowels
    (محمد is mhmd, משה msh): such a word is compared with a listed word's consonants, and every
    listed word keeps them (Muhammad → mhmd, Moshe → mS)."""
    word = fold(word)
    spellings = latin_forms(word) if script_of(word) == "other" else tuple(plain_forms(word))
    keys: set[str] = set(abjad_consonant_readings(word))
    for latin in spellings:
        bare = _VOWELS.sub("", ascii_letters(latin))
        if len(bare) >= 2:
            keys |= latin_skeletons(bare)
    return frozenset(k for k in keys if len(k) >= 2)


def written_without_vowels(word: str) -> bool:
    """Is the word in a script that leaves out short vowels (see `consonant_keys`)?"""
    return is_abjad(word)


def ending_variants(keys: frozenset[str]) -> frozenset[str]:
    """Forms of one surname: Belarusian and Russian -enka/-enko, -ava/-ova (-au/-ov is folded by
    the skeleton itself), -ская/-ska, and -ёв written -ов after a hushing consonant. (Not the
    Tajik -зода for -ов: Рахимзода and Рахимов are as often two families as one renamed.)"""
    extra: set[str] = set()
    for key in keys:
        if key.endswith("enka"):
            extra.add(key[:-1] + "o")
        elif key.endswith("ava") and len(key) > 5:
            extra.add(key[:-3] + "ova")
        # The Tajik -зода is the Persian -заде (Yusufzoda, Yusufzade): one surname in two spellings.
        if key.endswith("zade") and len(key) > 6:
            extra.add(key[:-4] + "zoda")
        elif key.endswith("zoda") and len(key) > 6:
            extra.add(key[:-4] + "zade")
        # -ская written -ska (Polish, Czech -ská): Čajkovská, Czajkowska for Чайковская
        if key.endswith(("skaia", "Tkaia")) and len(key) > 6:
            extra.add(key[:-2])
        # ё after ж, ч, ш, щ is written o by Ukrainian, Belarusian and Bulgarian spelling and
        # most of the press (Хрущов, Khrushchov, Горбачов): -ёв/-ёва are also -ov/-ova there.
        if len(key) > 4 and key[-3] in "SCZ" and key.endswith(("ev", "eva"), len(key) - 3):
            extra.add(key[:-2] + "ov" if key.endswith("ev") else key[:-3] + "ova")
        elif len(key) > 5 and key[-4] in "SCZ" and key.endswith("eva"):
            extra.add(key[:-3] + "ova")
    return keys | extra


def detect_script(text: str) -> str:
    return script_of(fold(text))
