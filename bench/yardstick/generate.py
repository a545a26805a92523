"""The independent yardstick: a register of listed persons and labelled queries, generated from
bench/yardstick/pools.py with the rules of bench/yardstick/rules.py and press.py (seeded, so the
same seeds give the same set on every machine).

Use `build(register_size, seed)` → `Yardstick` (register, queries). Each query carries a family
(what kind of variation or of negative it is) and a split, "dev" or "heldout". The split is a
hash of the query's subject (the listed person it is made from, positive or negative), fixed
before any engine ran on the set: bench/yardstick/HELDOUT.sha256 holds the digest of the
held-out part, and `Yardstick.heldout_digest()` must keep matching it. Tune on dev; report
held-out last.

How it differs from bench/screening_data.py (on purpose, so the two sets do not share blind
spots): other material (pools written per naming tradition, whole surnames, the scripts and
structures of fourteen traditions), other rules (every transliteration written here from the
published tables; the press conventions of seventeen languages and five scripts), listings
entered as parts or as one full string, and negatives drawn next to a listed person: the same
given name alone, the same given name (and father's name) with another surname of the same
pool, the same surname with another given name (a sibling), the same father's name with
another given name, a namesake born ten or more years apart.

A negative is kept only if no listed person has the same given name and surname (compared by
their Russian form, gender-neutral), and no listed person's name is within one edit of it
(rough Latin spelling): a reviewer could not tell those from a typo.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field

import pools
from press import LANGUAGES, LATIN_PRESS, SCRIPT_PRESS, render
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from rules import (
    BE_NATIONAL,
    BE_PASSPORT,
    HY_BGN,
    HY_ISO9985,
    HY_PASSPORT,
    KA_NATIONAL,
    KA_RUSSIAN,
    KG_BGN,
    KG_PASSPORT,
    KZ_LATIN_2021,
    KZ_PASSPORT,
    RU_BGN,
    RU_GOST_B,
    RU_ICAO,
    RU_ISO9,
    TJ_PASSPORT,
    UK_NATIONAL,
    UZ_LATIN,
    el_elot,
    ko_kontsevich,
    ko_rr,
    strip_marks,
)

HELDOUT_SHARE = 0.3
TRADITIONS = [  # (tradition, weight)
    ("ru", 26), ("by", 16), ("ua", 10), ("kz", 10), ("kg", 8), ("tj", 6), ("uz", 3), ("am", 7),
    ("ge", 3), ("gr", 2), ("ar", 3), ("he", 2), ("cn", 2), ("kr", 2),
]  # fmt: skip
NATIONALITY = {"ru": "RU", "by": "BY", "ua": "UA", "kz": "KZ", "kg": "KG", "tj": "TJ", "uz": "UZ",
               "am": "AM", "ge": "GE", "gr": "GR", "ar": "SY", "he": "IL", "cn": "CN", "kr": "KR"}  # fmt: skip


@dataclass
class ListedName:
    """One name of a listing as the register holds it: by parts, or as one full string."""

    surname: str = ""
    given: str = ""
    patronymic: str = ""
    full: str = ""

    def text(self) -> str:
        return self.full or " ".join(p for p in (self.given, self.patronymic, self.surname) if p)


@dataclass
class Person:
    id: str
    tradition: str
    female: bool
    birth_date: str
    nationality: str
    given_key: str  # the Russian form, lower case: equal keys are the same given name
    surname_key: str  # the Russian masculine form, lower case
    father_key: str
    ru: tuple[str, str, str]  # surname, given, patronymic in Russian Cyrillic
    native: tuple[str, str, str]  # the same in the tradition's own script and language
    latin: tuple[str, str]  # surname, given as the passport writes them
    names: list[ListedName] = field(default_factory=list)
    father_native: str = ""
    father_ru: str = ""
    compound: str = ""  # the second part of a compound surname


@dataclass
class Query:
    id: str
    text: str
    birth_date: str | None
    nationality: str | None
    expected: str | None  # the listed person's id; None for a negative
    family: str
    subject: str
    split: str = ""


@dataclass
class Yardstick:
    register: list[Person]
    queries: list[Query]

    def part(self, split: str) -> list[Query]:
        return [q for q in self.queries if q.split == split]

    def heldout_digest(self) -> str:
        digest = hashlib.sha256()
        for p in self.register:
            digest.update(repr((p.id, [n.text() for n in p.names], p.birth_date)).encode())
        for q in self.part("heldout"):
            digest.update(repr((q.id, q.text, q.birth_date, q.expected, q.family)).encode())
        return digest.hexdigest()


def split_of(subject: str) -> str:
    share = int(hashlib.sha256(f"yardstick:{subject}".encode()).hexdigest()[:8], 16) / 2**32
    return "heldout" if share < HELDOUT_SHARE else "dev"


# --- grammar of names ---------------------------------------------------------------------


def ru_patronymic(father: str, female: bool) -> str:
    irregular = {"Лев": ("Львович", "Львовна"), "Яков": ("Яковлевич", "Яковлевна"),
                 "Никита": ("Никитич", "Никитична"), "Илья": ("Ильич", "Ильинична")}  # fmt: skip
    if father in irregular:
        return irregular[father][female]
    if father.endswith("ий"):
        stem = father[:-2]
        two_consonants = len(stem) > 1 and all(c not in "аеёиоуыэюя" for c in stem[-2:])
        base = stem + ("иев" if two_consonants else "ьев")
    elif father.endswith(("ей", "ай")):
        base = father[:-1] + "ев"
    elif father.endswith("а"):
        return father[:-1] + ("ична" if female else "ич")
    elif father[-1] in "жшчщц":
        base = father + "ев"
    else:
        base = father.replace("ё", "е") + "ов"
    return base + ("на" if female else "ич")


def be_patronymic(father: str, female: bool) -> str:
    if father == "Леў":
        return "Львоўна" if female else "Львовіч"
    if father.endswith(("й", "ь")):
        return father[:-1] + ("еўна" if female else "евіч")
    if father.endswith("а"):
        return father[:-1] + ("ічна" if female else "іч")
    return father + ("аўна" if female else "авіч")


def uk_patronymic(father: str, female: bool) -> str:
    if father == "Лев":
        return "Львівна" if female else "Львович"
    if father == "Микола":
        return "Миколаївна" if female else "Миколайович"
    if father.endswith("ій"):
        return father[:-1] + ("ївна" if female else "йович")
    if father.endswith(("о", "а")):
        father = father[:-1]
    return father + ("івна" if female else "ович")


def feminine(surname: str) -> str:
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "а"
    if surname.endswith(("ский", "цкий")):
        return surname[:-2] + "ая"
    if surname.endswith("ой"):
        return surname[:-2] + "ая"
    return surname


def belarusian_surname(surname: str) -> str:
    for old, new in (("ский", "скі"), ("цкий", "цкі"), ("ская", "ская"), ("ов", "оў"),
                     ("ев", "еў"), ("ёв", "ёў"), ("енко", "енка")):  # fmt: skip
        if surname.endswith(old):
            surname = surname[: -len(old)] + new
            break
    return surname.replace("и", "і").replace("щ", "шч").replace("ъ", "'")


def ukrainian_surname(surname: str) -> str:
    for old, new in (("ский", "ський"), ("цкий", "цький"), ("ская", "ська"), ("цкая", "цька")):
        if surname.endswith(old):
            surname = surname[: -len(old)] + new
            break
    out = surname.replace("и", "і").replace("ы", "и").replace("э", "е").replace("ъ", "'")
    return out.replace("ё", "ьо")


# --- people ---------------------------------------------------------------------------------


def random_date(rng: random.Random) -> str:
    return f"{rng.randint(1950, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def entered(
    rng: random.Random, surname: str, given: str, patronymic: str, full_share: float
) -> ListedName:
    if rng.random() < full_share:
        return ListedName(full=" ".join(p for p in (surname, given, patronymic) if p))
    return ListedName(surname=surname, given=given, patronymic=patronymic)


def make_slavic(rng: random.Random, pid: str, tradition: str) -> Person:
    female = rng.random() < 0.35
    ru_g, be_g, uk_g = rng.choice(pools.SLAVIC_FEMALE if female else pools.SLAVIC_MALE)
    ru_f, be_f, uk_f = rng.choice(pools.SLAVIC_MALE)
    if tradition == "ua":
        ukrainian = [s for s in pools.SLAVIC_SURNAMES if s.endswith(("енко", "ук", "юк", "ак", "ах", "ур", "ко", "арь", "ец"))]  # fmt: skip
        base = rng.choice(ukrainian if rng.random() < 0.7 else pools.SLAVIC_SURNAMES)
    elif tradition == "by":
        belarusian = [s for s in pools.SLAVIC_SURNAMES if s.endswith(("вич", "ский", "цкий"))]
        base = rng.choice(belarusian if rng.random() < 0.6 else pools.SLAVIC_SURNAMES)
    else:
        base = rng.choice(pools.SLAVIC_SURNAMES)
    surname = feminine(base) if female else base
    compound = ""
    if female and rng.random() < 0.12:
        compound = rng.choice(pools.COMPOUND_SECOND)
    ru = (surname + (f"-{compound}" if compound else ""), ru_g, ru_patronymic(ru_f, female))
    dob = random_date(rng)
    key = (ru_g.lower(), base.lower().replace("ё", "е"), ru_f.lower())
    if tradition == "by":
        be_surname = belarusian_surname(surname) + (f"-{compound}" if compound else "")
        native = (be_surname, be_g, be_patronymic(be_f, female))
        latin = (BE_PASSPORT.word(native[0]), BE_PASSPORT.word(be_g))
    elif tradition == "ua":
        uk_surname = ukrainian_surname(surname) + (f"-{compound}" if compound else "")
        native = (uk_surname, uk_g, uk_patronymic(uk_f, female))
        latin = (UK_NATIONAL.word(native[0]), UK_NATIONAL.word(uk_g))
    else:
        native = ru
        latin = (RU_ICAO.word(ru[0]), RU_ICAO.word(ru_g))
    person = Person(pid, tradition, female, dob, NATIONALITY[tradition], *key, ru, native, latin,
                    father_native={"by": be_f, "ua": uk_f}.get(tradition, ru_f), father_ru=ru_f,
                    compound=compound)  # fmt: skip
    full_share = 0.5 if tradition == "by" else 0.3
    person.names.append(entered(rng, *ru, full_share))
    if tradition != "ru" and rng.random() < 0.7:
        person.names.append(entered(rng, *native, full_share))
    person.names.append(ListedName(surname=latin[0], given=latin[1]))
    return person


def make_kazakh(rng: random.Random, pid: str) -> Person:
    female = rng.random() < 0.35
    kk_g, ru_g = rng.choice(pools.KAZAKH_FEMALE if female else pools.KAZAKH_MALE)
    kk_f, ru_f = rng.choice(pools.KAZAKH_MALE)
    kk_s, ru_s = rng.choice(pools.KAZAKH_SURNAMES)
    if female:
        kk_s, ru_s = feminine(kk_s), feminine(ru_s)
    native = (kk_s, kk_g, kk_f + ("қызы" if female else "ұлы"))
    ru = (ru_s, ru_g, ru_patronymic(ru_f, female))
    latin = (KZ_PASSPORT.word(kk_s), KZ_PASSPORT.word(kk_g))
    key = (ru_g.lower(), ru_s.lower().removesuffix("а") if female else ru_s.lower(), ru_f.lower())
    person = Person(pid, "kz", female, random_date(rng), "KZ", *key, ru, native, latin,
                    father_native=kk_f, father_ru=ru_f)  # fmt: skip
    person.names.append(entered(rng, *ru, 0.3))
    if rng.random() < 0.7:
        person.names.append(entered(rng, *native, 0.3))
    person.names.append(ListedName(surname=latin[0], given=latin[1]))
    return person


def make_kyrgyz(rng: random.Random, pid: str) -> Person:
    female = rng.random() < 0.3
    ky_g, ru_g = rng.choice(pools.KYRGYZ_FEMALE if female else pools.KYRGYZ_MALE)
    ky_f, ru_f = rng.choice(pools.KYRGYZ_MALE)
    word = "кызы" if female else "уулу"
    if rng.random() < 0.55:  # the father's name and уулу/кызы in the surname's place
        native = (f"{ky_f} {word}", ky_g, "")
        ru = (f"{ru_f} {word}", ru_g, "")
        surname_key = f"{ru_f.lower()} {word}"
    else:
        ky_s, ru_s = rng.choice(pools.KYRGYZ_SURNAMES)
        if female:
            ky_s, ru_s = feminine(ky_s), feminine(ru_s)
        native = (ky_s, ky_g, ru_patronymic(ky_f, female))
        ru = (ru_s, ru_g, ru_patronymic(ru_f, female))
        surname_key = ru_s.lower().removesuffix("а") if female else ru_s.lower()
    latin = (KG_PASSPORT(native[0]), KG_PASSPORT.word(ky_g))
    person = Person(pid, "kg", female, random_date(rng), "KG", ru_g.lower(), surname_key,
                    ru_f.lower(), ru, native, latin, father_native=ky_f, father_ru=ru_f)  # fmt: skip
    person.names.append(entered(rng, *ru, 0.4))
    if native != ru:
        person.names.append(entered(rng, *native, 0.3))
    person.names.append(ListedName(surname=latin[0], given=latin[1]))
    return person


def make_tajik(rng: random.Random, pid: str) -> Person:
    female = rng.random() < 0.3
    tg_g, ru_g = rng.choice(pools.TAJIK_FEMALE if female else pools.TAJIK_MALE)
    tg_f, ru_f = rng.choice(pools.TAJIK_MALE)
    tg_r, ru_r = rng.choice(pools.TAJIK_ROOTS)
    native = (tg_r + "зода", tg_g, "")
    ru = (ru_r + "зода", ru_g, ru_patronymic(ru_f, female))
    latin = (TJ_PASSPORT.word(native[0]), TJ_PASSPORT.word(tg_g))
    person = Person(pid, "tj", female, random_date(rng), "TJ", ru_g.lower(), ru_r.lower() + "зода",
                    ru_f.lower(), ru, native, latin, father_native=tg_f, father_ru=ru_f)  # fmt: skip
    person.names.append(entered(rng, *ru, 0.3))
    person.names.append(entered(rng, *native, 0.3))
    person.names.append(ListedName(surname=latin[0], given=latin[1]))
    if rng.random() < 0.5:  # the older Russian-style surname, kept as an alias
        old = ru_r.removesuffix("ӣ") + ("ова" if female else "ов")
        person.names.append(ListedName(full=f"{old} {ru_g} {ru[2]}"))
    return person


def make_uzbek(rng: random.Random, pid: str) -> Person:
    female = rng.random() < 0.3
    uz_g, ru_g = rng.choice(pools.UZBEK_FEMALE if female else pools.UZBEK_MALE)
    uz_f, ru_f = rng.choice(pools.UZBEK_MALE)
    uz_s, ru_s = rng.choice(pools.UZBEK_SURNAMES)
    if female:
        uz_s, ru_s = feminine(uz_s), feminine(ru_s)
    native = (uz_s, uz_g, f"{uz_f} {'қизи' if female else 'ўғли'}")
    ru = (ru_s, ru_g, ru_patronymic(ru_f, female))
    latin = (UZ_LATIN.word(uz_s), UZ_LATIN.word(uz_g))
    key = (ru_g.lower(), ru_s.lower().removesuffix("а") if female else ru_s.lower(), ru_f.lower())
    person = Person(pid, "uz", female, random_date(rng), "UZ", *key, ru, native, latin,
                    father_native=uz_f, father_ru=ru_f)  # fmt: skip
    person.names.append(entered(rng, *ru, 0.3))
    person.names.append(ListedName(surname=latin[0], given=latin[1],
                                   patronymic=UZ_LATIN(native[2])))  # fmt: skip
    return person


def make_armenian(rng: random.Random, pid: str) -> Person:
    female = rng.random() < 0.35
    hy_g, ru_g = rng.choice(pools.ARMENIAN_FEMALE if female else pools.ARMENIAN_MALE)
    hy_f, ru_f = rng.choice(pools.ARMENIAN_MALE)
    hy_s, ru_s = rng.choice(pools.ARMENIAN_SURNAMES)
    native = (hy_s, hy_g, "")
    ru = (ru_s, ru_g, ru_patronymic(ru_f, female))
    latin = (HY_PASSPORT.word(hy_s), HY_PASSPORT.word(hy_g))
    person = Person(pid, "am", female, random_date(rng), "AM", ru_g.lower(), ru_s.lower(),
                    ru_f.lower(), ru, native, latin, father_native=hy_f, father_ru=ru_f)  # fmt: skip
    person.names.append(entered(rng, *ru, 0.3))
    if rng.random() < 0.75:
        person.names.append(ListedName(surname=hy_s, given=hy_g))
    person.names.append(ListedName(surname=latin[0], given=latin[1]))
    return person


def make_foreign(rng: random.Random, pid: str, tradition: str) -> Person:
    """A traveller from outside the member states: the register holds Russian and Latin forms."""
    female = rng.random() < 0.35
    if tradition == "ge":
        given = rng.choice(pools.GEORGIAN_FEMALE if female else pools.GEORGIAN_MALE)
        surname = rng.choice(pools.GEORGIAN_SURNAMES)
        native = (surname, given)
        ru = (KA_RUSSIAN.word(surname).capitalize(), KA_RUSSIAN.word(given).capitalize())
        latin = (KA_NATIONAL.word(surname).capitalize(), KA_NATIONAL.word(given).capitalize())
    elif tradition == "gr":
        given, ru_g = rng.choice(pools.GREEK_FEMALE if female else pools.GREEK_MALE)
        male_s, female_s, ru_m, ru_f = rng.choice(pools.GREEK_SURNAMES)
        native = (female_s if female else male_s, given)
        ru = (ru_f if female else ru_m, ru_g)
        latin = (el_elot(native[0]), el_elot(given))
    elif tradition in ("ar", "he"):
        pool = {"ar": (pools.ARABIC_FEMALE, pools.ARABIC_MALE, pools.ARABIC_SURNAMES),
                "he": (pools.HEBREW_FEMALE, pools.HEBREW_MALE, pools.HEBREW_SURNAMES)}[tradition]  # fmt: skip
        g_native, g_latin, g_ru = rng.choice(pool[0] if female else pool[1])
        s_native, s_latin, s_ru = rng.choice(pool[2])
        native, ru, latin = (s_native, g_native), (s_ru, g_ru), (s_latin, g_latin)
    elif tradition == "cn":
        s_han, s_pinyin, s_ru = rng.choice(pools.CHINESE_SURNAMES)
        syllables = rng.sample(pools.CHINESE_GIVEN_SYLLABLES, rng.choice([1, 2, 2]))
        native = (s_han, "".join(s[0] for s in syllables))
        ru = (s_ru, "".join(s[2] for s in syllables).capitalize())
        latin = (s_pinyin, "".join(s[1] for s in syllables).capitalize())
    else:  # kr
        s_hangul, s_latin, s_ru = rng.choice(pools.KOREAN_SURNAMES)
        given = rng.choice(pools.KOREAN_GIVEN)
        native = (s_hangul, given)
        ru = (s_ru, ko_kontsevich(given).capitalize())
        latin = (s_latin, ko_rr(given).capitalize())
    person = Person(pid, tradition, female, random_date(rng), NATIONALITY[tradition],
                    ru[1].lower(), ru[0].lower(), "", (ru[0], ru[1], ""), (native[0], native[1], ""),
                    latin)  # fmt: skip
    person.names.append(ListedName(surname=ru[0], given=ru[1]))
    person.names.append(ListedName(surname=latin[0], given=latin[1]))
    return person


def make_person(rng: random.Random, pid: str) -> Person:
    tradition = rng.choices([t for t, _ in TRADITIONS], [w for _, w in TRADITIONS])[0]
    if tradition in ("ru", "by", "ua"):
        return make_slavic(rng, pid, tradition)
    maker: dict[str, Callable[[random.Random, str], Person]] = {
        "kz": make_kazakh, "kg": make_kyrgyz, "tj": make_tajik, "uz": make_uzbek, "am": make_armenian,
    }  # fmt: skip
    if tradition in maker:
        return maker[tradition](rng, pid)
    return make_foreign(rng, pid, tradition)


def build_register(size: int, rng: random.Random) -> list[Person]:
    register: list[Person] = []
    seen: set[tuple[str, str]] = set()
    number = 0
    while len(register) < size:
        number += 1
        person = make_person(rng, f"Y{number:06d}")
        pair = (person.given_key, person.surname_key)
        if pair in seen:
            continue  # one listed person per given name and surname: recall@1 stays unambiguous
        seen.add(pair)
        register.append(person)
    return register


# --- renderings -----------------------------------------------------------------------------


def arrange(rng: random.Random, surname: str, given: str, patronymic: str = "") -> str:
    """One of the orders an officer types: Given [Patronymic] Surname, Surname Given
    [Patronymic], or SURNAME Given."""
    roll = rng.random()
    if roll < 0.5:
        return " ".join(p for p in (given, patronymic, surname) if p)
    if roll < 0.85:
        return " ".join(p for p in (surname, given, patronymic) if p)
    return " ".join(p for p in (upper(surname), given, patronymic) if p)


def upper(text: str) -> str:
    """Capitals where the script has them in names (Georgian's Mtavruli is not used so)."""
    return text if any("\u10a0" <= c <= "\u10ff" for c in text) else text.upper()


RU_SCHEMES = [RU_ICAO, RU_BGN, RU_ISO9, RU_GOST_B]
QWERTY = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
JCUKEN = ["йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"]


def neighbours(rows: list[str]) -> dict[str, str]:
    near: dict[str, str] = {}
    for r, row in enumerate(rows):
        for c, char in enumerate(row):
            around = [row[c - 1] if c else "", row[c + 1] if c + 1 < len(row) else ""]
            for other in (r - 1, r + 1):
                if 0 <= other < len(rows):
                    around += [rows[other][c] if c < len(rows[other]) else ""]
            near[char] = "".join(a for a in around if a)
    return near


NEAR = {**neighbours(QWERTY), **neighbours(JCUKEN)}


def keyboard_typo(rng: random.Random, word: str) -> str:
    """One slip of the fingers: a neighbouring key, a doubled or a dropped letter, two letters
    swapped. Never the first letter (officers read that one twice)."""
    if len(word) < 5:
        return word
    i = rng.randint(1, len(word) - 2)
    kind = rng.choice(["near", "near", "double", "drop", "swap"])
    char = word[i]
    if kind == "near" and NEAR.get(char.lower()):
        return word[:i] + rng.choice(NEAR[char.lower()]) + word[i + 1 :]
    if kind == "double":
        return word[:i] + char + word[i:]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def initial(word: str) -> str:
    return word[:1].upper() + "."


def cyrillic_origin(p: Person) -> bool:
    return p.tradition in ("ru", "by", "ua", "kz", "kg", "tj", "uz")


def press_name(rng: random.Random, lang: str, p: Person, with_patronymic: bool) -> str:
    surname, given, patronymic = p.ru
    parts = [render(lang, s, "surname", p.female) for s in surname.split()]
    # compound surnames keep the hyphen: render each part
    surname_out = " ".join(
        "-".join(render(lang, x, "surname", p.female) for x in s.split("-"))
        for s in surname.split()
    )
    del parts
    given_out = render(lang, given, "given", p.female)
    pat = render(lang, patronymic, "patronymic", p.female) if with_patronymic and patronymic else ""
    return arrange(rng, surname_out, given_out, pat)


def positive_families(p: Person) -> list[str]:
    families: list[str] = []
    if cyrillic_origin(p):
        families += [f"translit:{s.name}" for s in RU_SCHEMES]
        families += [f"press:{lang}" for lang in LANGUAGES]
        families += ["typo:latin", "typo:cyrillic", "initials+dob"]
    if p.tradition == "by":
        families += ["translit:be:national-2007", "translit:be:passport", "native:be"]
    if p.tradition == "ua":
        families += ["translit:uk:national-2010", "native:uk"]
    if p.tradition == "kz":
        families += ["translit:kk:passport", "translit:kk:latin-2021", "turkic:kk-uly", "native:kk"]
    if p.tradition == "kg":
        families += ["translit:ky:passport", "translit:ky:bgn-pcgn"]
        if " " in p.native[0]:
            families += ["turkic:ky-uulu", "turkic:ky-russian-patronymic"]
    if p.tradition == "tj":
        families += ["translit:tg:passport", "turkic:tg-zoda"]
    if p.tradition == "uz":
        families += ["translit:uz:latin-1995", "turkic:uz-ogli"]
    if p.tradition == "am":
        families += [
            "translit:hy:passport",
            "translit:hy:bgn-pcgn",
            "translit:hy:iso-9985",
            "native:hy",
            "typo:latin",
        ]
    if p.tradition in ("ge", "gr", "ar", "he", "cn", "kr"):
        families += [
            f"script:{ {'ge': 'ka', 'gr': 'el', 'cn': 'zh', 'kr': 'ko'}.get(p.tradition, p.tradition) }",
            "typo:latin",
        ]
    if p.tradition in ("cn", "kr"):
        families += [f"latin:{p.tradition}-syllables"]
    if p.compound:
        families += ["compound:one-part", "compound:unhyphenated"]
    return families


def positive(rng: random.Random, p: Person, family: str) -> tuple[str, str | None] | None:
    """The text of one positive query of `family` for `p`, and its date of birth (or None)."""
    dob = p.birth_date if rng.random() < 0.6 else None
    surname, given, patronymic = p.ru
    with_pat = bool(patronymic) and rng.random() < 0.4
    kind, _, detail = family.partition(":")
    if kind == "translit":
        scheme_name = detail
        if scheme_name.startswith("ru:"):
            scheme = next(s for s in RU_SCHEMES if s.name == scheme_name)
            return arrange(
                rng,
                scheme(surname),
                scheme.word(given),
                scheme.word(patronymic) if with_pat else "",
            ), dob
        scheme = {
            "be:national-2007": BE_NATIONAL, "be:passport": BE_PASSPORT, "uk:national-2010": UK_NATIONAL,
            "kk:passport": KZ_PASSPORT, "kk:latin-2021": KZ_LATIN_2021, "ky:passport": KG_PASSPORT,
            "ky:bgn-pcgn": KG_BGN, "tg:passport": TJ_PASSPORT, "uz:latin-1995": UZ_LATIN,
            "hy:passport": HY_PASSPORT, "hy:bgn-pcgn": HY_BGN, "hy:iso-9985": HY_ISO9985,
        }[scheme_name]  # fmt: skip
        n_surname, n_given, n_pat = p.native
        use_pat = with_pat and n_pat and p.tradition not in ("kz", "uz")
        if scheme_name == "hy:passport":  # the listing holds this spelling: vary case and order
            return f"{scheme(n_surname).upper()} {scheme(n_given).upper()}", dob
        return arrange(
            rng, scheme(n_surname), scheme(n_given), scheme(n_pat) if use_pat else ""
        ), dob
    if kind == "press":
        return press_name(rng, detail, p, with_pat), dob
    if kind == "native":
        n_surname, n_given, n_pat = p.native
        return arrange(rng, n_surname, n_given, n_pat if with_pat else ""), dob
    if kind == "typo":
        if detail == "latin":
            latin_surname, latin_given = p.latin
            words = [latin_given, latin_surname]
        else:
            words = [given, surname]
        j = rng.randrange(2)
        words[j] = keyboard_typo(rng, words[j])
        return " ".join(words), dob
    if kind == "initials+dob":
        dob = p.birth_date
        if rng.random() < 0.5:
            initials = " ".join(initial(RU_ICAO.word(x)) for x in (given, patronymic) if x)
            return f"{initials} {RU_ICAO(surname)}", dob
        initials = " ".join(initial(x) for x in (given, patronymic) if x)
        return f"{surname} {initials}", dob
    if kind == "turkic":
        father_n, father_r = p.father_native, p.father_ru
        n_surname, n_given, _ = p.native
        if detail == "kk-uly":
            word = "қызы" if p.female else "ұлы"
            forms = [
                f"{n_given} {father_n} {word} {n_surname}",
                f"{given} {father_r} {'кызы' if p.female else 'улы'} {surname}",
                f"{KZ_PASSPORT.word(n_given)} {KZ_PASSPORT.word(father_n)} {'kyzy' if p.female else 'uly'} {KZ_PASSPORT.word(n_surname)}",
                f"{KZ_PASSPORT.word(n_surname)} {KZ_PASSPORT.word(n_given)} {KZ_PASSPORT.word(father_n)}{'kyzy' if p.female else 'uly'}",
            ]
            return rng.choice(forms), dob
        if detail == "ky-uulu":
            word = "кызы" if p.female else "уулу"
            latin_word = "kyzy" if p.female else "uulu"
            forms = [
                f"{n_given} {father_n} {word}",
                f"{given} {father_r}{word}",
                f"{KG_PASSPORT.word(n_given)} {KG_PASSPORT.word(father_n)} {latin_word}",
                f"{KG_PASSPORT.word(father_n).upper()} {latin_word.upper()} {KG_PASSPORT.word(n_given).upper()}",
                f"{KG_PASSPORT.word(n_given)} {KG_PASSPORT.word(father_n)}-{latin_word.capitalize()}",
            ]
            return rng.choice(forms), dob
        if detail == "ky-russian-patronymic":
            return f"{given} {ru_patronymic(father_r, p.female)}", p.birth_date
        if detail == "tg-zoda":
            root = n_surname.removesuffix("зода")
            forms = [
                f"{TJ_PASSPORT.word(n_given)} {TJ_PASSPORT.word(root)}zade",
                f"{TJ_PASSPORT.word(n_given)} {TJ_PASSPORT.word(root)}-zoda",
                f"{n_given} {root} зода",
                f"{RU_ICAO.word(given)} {RU_ICAO.word(surname.removesuffix('зода'))}zoda",
            ]
            return rng.choice(forms), dob
        if detail == "uz-ogli":
            word = "qizi" if p.female else "o'g'li"
            forms = [
                f"{UZ_LATIN.word(n_given)} {UZ_LATIN.word(father_n)} {word} {UZ_LATIN.word(n_surname)}",
                f"{UZ_LATIN.word(n_surname)} {UZ_LATIN.word(n_given)} {UZ_LATIN.word(father_n)} {word.replace(chr(39), '')}",
                f"{n_surname} {n_given} {father_n} {'қизи' if p.female else 'ўғли'}",
            ]
            return rng.choice(forms), dob
    if kind == "script":
        n_surname, n_given, _ = p.native
        if detail == "zh":
            return n_surname + n_given, dob
        if detail == "ko":
            return rng.choice([n_surname + n_given, f"{n_surname} {n_given}"]), dob
        if detail == "el" and rng.random() < 0.3:
            return f"{n_surname.upper()} {n_given.upper()}", dob
        return arrange(rng, n_surname, n_given), dob
    if kind == "latin":
        latin_surname, latin_given = p.latin
        if p.tradition == "kr":
            syllables = [ko_rr(s) for s in p.native[1]]
            return rng.choice([f"{latin_surname} {syllables[0].capitalize()}-{syllables[1]}",
                               f"{syllables[0].capitalize()} {syllables[1].capitalize()} {latin_surname}"]), dob  # fmt: skip
        chinese = [
            next(s[1] for s in pools.CHINESE_GIVEN_SYLLABLES if s[0] == c) for c in p.native[1]
        ]
        return rng.choice([f"{latin_surname} {' '.join(c.capitalize() for c in chinese)}",
                           f"{latin_given} {latin_surname}", f"{latin_surname.upper()} {'-'.join(chinese).capitalize()}"]), dob  # fmt: skip
    if kind == "compound":
        first, second = surname.split("-", 1)
        if detail == "one-part":
            return arrange(rng, RU_ICAO.word(first), RU_ICAO.word(given)), p.birth_date
        return f"{RU_ICAO.word(given)} {RU_ICAO.word(first)} {RU_ICAO.word(second)}", dob
    raise ValueError(family)


# --- negatives ------------------------------------------------------------------------------


def rough(text: str) -> str:
    """A rough Latin key of a name: ICAO of the Russian form, no marks, y as i, kh as h, doubled
    letters once, words sorted. Two names within one edit of each other here are not told
    apart by a reviewer."""
    latin = (
        strip_marks(RU_ICAO(text)).lower().replace("y", "i").replace("kh", "h").replace("-", " ")
    )
    words = sorted(
        "".join(c for i, c in enumerate(w) if i == 0 or c != w[i - 1]) for w in latin.split()
    )
    return " ".join(words)


class Labeller:
    """Knows the register well enough to say whether a name is clearly not a listed person."""

    def __init__(self, register: list[Person]) -> None:
        self.pairs = {(p.given_key, p.surname_key) for p in register}
        self.keys = [rough(f"{p.ru[1]} {p.ru[0]}") for p in register]
        self.years: dict[tuple[str, str], list[int]] = {}
        for p in register:
            self.years.setdefault((p.given_key, p.surname_key), []).append(int(p.birth_date[:4]))

    def clearly_unlisted(self, given_key: str, surname_key: str, ru_text: str) -> bool:
        if (given_key, surname_key) in self.pairs:
            return False
        near = process.extractOne(
            rough(ru_text), self.keys, scorer=Levenshtein.distance, score_cutoff=1
        )
        return near is None


NEGATIVE_FAMILIES = [
    "neg:given-only", "neg:given+other-surname", "neg:given+father+other-surname",
    "neg:surname+other-given", "neg:same-father-other-given", "neg:namesake-other-dob",
    "neg:unlisted-same-pool",
]  # fmt: skip


def render_like(
    rng: random.Random, p: Person, ru: tuple[str, str, str], native: tuple[str, str, str]
) -> str:
    """A name in one of the spellings a positive of `p` could come in (so the spelling says
    nothing about the label): Russian Cyrillic, a Russian romanisation, a press convention,
    the tradition's own script or passport Latin."""
    surname, given, patronymic = ru
    roll = rng.random()
    if p.tradition in ("ge", "gr", "ar", "he", "cn", "kr") and roll < 0.5:
        if p.tradition == "cn":
            return native[0] + native[1]
        return arrange(rng, native[0], native[1])
    if roll < 0.25:
        return arrange(rng, surname, given, patronymic)
    if roll < 0.55:
        scheme = rng.choice(RU_SCHEMES)
        return arrange(
            rng, scheme(surname), scheme.word(given), scheme.word(patronymic) if patronymic else ""
        )
    if roll < 0.8 and cyrillic_origin(p):
        lang = rng.choice([*LATIN_PRESS, *SCRIPT_PRESS])
        return arrange(rng, render(lang, surname, "surname", p.female), render(lang, given, "given", p.female),
                       render(lang, patronymic, "patronymic", p.female) if patronymic else "")  # fmt: skip
    return arrange(
        rng, RU_ICAO(surname), RU_ICAO.word(given), RU_ICAO.word(patronymic) if patronymic else ""
    )


def pool_given(p: Person, rng: random.Random) -> tuple[str, str]:
    """Another given name of `p`'s own pool and sex: (native form, Russian form)."""
    if p.tradition in ("ru", "by", "ua"):
        ru, be, uk = rng.choice(pools.SLAVIC_FEMALE if p.female else pools.SLAVIC_MALE)
        return {"by": be, "ua": uk}.get(p.tradition, ru), ru
    table = {
        "kz": (pools.KAZAKH_FEMALE, pools.KAZAKH_MALE), "kg": (pools.KYRGYZ_FEMALE, pools.KYRGYZ_MALE),
        "tj": (pools.TAJIK_FEMALE, pools.TAJIK_MALE), "uz": (pools.UZBEK_FEMALE, pools.UZBEK_MALE),
        "am": (pools.ARMENIAN_FEMALE, pools.ARMENIAN_MALE),
    }  # fmt: skip
    if p.tradition in table:
        native, ru = rng.choice(table[p.tradition][0] if p.female else table[p.tradition][1])
        return native, ru
    other = make_foreign(rng, "x", p.tradition)
    return other.native[1], other.ru[1]


def pool_surname(p: Person, rng: random.Random) -> tuple[str, str, str]:
    """Another surname of `p`'s pool, gendered like `p`'s: (native, Russian, key)."""
    if p.tradition in ("ru", "by", "ua"):
        base = rng.choice(pools.SLAVIC_SURNAMES)
        ru = feminine(base) if p.female else base
        native = {"by": belarusian_surname(ru), "ua": ukrainian_surname(ru)}.get(p.tradition, ru)
        return native, ru, base.lower().replace("ё", "е")
    table = {"kz": pools.KAZAKH_SURNAMES, "kg": pools.KYRGYZ_SURNAMES, "uz": pools.UZBEK_SURNAMES,
             "am": pools.ARMENIAN_SURNAMES}  # fmt: skip
    if p.tradition in table:
        native, ru = rng.choice(table[p.tradition])
        if p.female and p.tradition != "am":
            return feminine(native), feminine(ru), ru.lower()
        return native, ru, ru.lower()
    if p.tradition == "tj":
        native, ru = rng.choice(pools.TAJIK_ROOTS)
        return native + "зода", ru + "зода", ru.lower() + "зода"
    other = make_foreign(rng, "x", p.tradition)
    return other.native[0], other.ru[0], other.surname_key


def negative(
    rng: random.Random, p: Person, family: str, labeller: Labeller
) -> tuple[str, str | None] | None:
    surname, given, patronymic = p.ru
    n_surname, n_given, n_pat = p.native
    dob = random_date(rng) if rng.random() < 0.5 else None
    if family == "neg:given-only":
        text = render_like(rng, p, ("", given, ""), ("", n_given, "")).strip()
        return text, p.birth_date if rng.random() < 0.5 else None
    if family in ("neg:given+other-surname", "neg:given+father+other-surname"):
        o_native, o_ru, o_key = pool_surname(p, rng)
        if p.tradition == "kg" and " " in surname:
            return None  # their surname is the father's name: see same-father
        if not labeller.clearly_unlisted(p.given_key, o_key, f"{given} {o_ru}"):
            return None
        pat = patronymic if family.endswith("father+other-surname") else ""
        if family.endswith("father+other-surname") and not patronymic:
            return None
        return render_like(
            rng, p, (o_ru, given, pat), (o_native, n_given, n_pat if pat else "")
        ), dob
    if family == "neg:surname+other-given":
        o_native, o_ru = pool_given(p, rng)
        if o_ru.lower() == p.given_key or not labeller.clearly_unlisted(
            o_ru.lower(), p.surname_key, f"{o_ru} {surname}"
        ):
            return None
        return render_like(rng, p, (surname, o_ru, ""), (n_surname, o_native, "")), dob
    if family == "neg:same-father-other-given":
        if not p.father_ru:
            return None
        o_native, o_ru = pool_given(p, rng)
        if o_ru.lower() == p.given_key:
            return None
        if (
            p.tradition == "kg" and " " in surname
        ):  # Нурлан Азамат уулу: a brother, not the listed man
            if not labeller.clearly_unlisted(o_ru.lower(), p.surname_key, f"{o_ru} {surname}"):
                return None
            word = surname.split()[1]
            forms = [f"{o_ru} {p.father_ru} {word}", f"{KG_PASSPORT.word(o_native)} {KG_PASSPORT.word(p.father_native)} {KG_PASSPORT.word(word)}"]  # fmt: skip
            return rng.choice(forms), dob
        o_s_native, o_s_ru, o_key = pool_surname(p, rng)
        if not labeller.clearly_unlisted(o_ru.lower(), o_key, f"{o_ru} {o_s_ru}"):
            return None
        if p.tradition == "kz":
            return f"{o_native} {n_pat} {o_s_native}", dob
        if p.tradition == "uz":
            return f"{UZ_LATIN.word(o_native)} {UZ_LATIN(n_pat)} {UZ_LATIN.word(o_s_native)}", dob
        return render_like(
            rng, p, (o_s_ru, o_ru, ru_patronymic(p.father_ru, p.female)), (o_s_native, o_native, "")
        ), dob
    if family == "neg:namesake-other-dob":
        year = int(p.birth_date[:4]) + rng.choice([-1, 1]) * rng.randint(10, 30)
        if any(abs(year - y) < 10 for y in labeller.years[(p.given_key, p.surname_key)]):
            return None
        return render_like(
            rng, p, (surname, given, ""), (n_surname, n_given, "")
        ), f"{year}{p.birth_date[4:]}"
    if family == "neg:unlisted-same-pool":
        o_native, o_ru = pool_given(p, rng)
        s_native, s_ru, s_key = pool_surname(p, rng)
        if not labeller.clearly_unlisted(o_ru.lower(), s_key, f"{o_ru} {s_ru}"):
            return None
        return render_like(rng, p, (s_ru, o_ru, ""), (s_native, o_native, "")), dob
    raise ValueError(family)


# --- the set --------------------------------------------------------------------------------


def build(register_size: int = 5000, seed: int = 15, positives_per_person: int = 2,
          listed_share: float = 0.8, negatives: int = 7000) -> Yardstick:  # fmt: skip
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not a secret
    register = build_register(register_size, rng)
    labeller = Labeller(register)
    queries: list[Query] = []

    def add(text: str, dob: str | None, expected: str | None, family: str, subject: Person) -> None:
        nationality = subject.nationality if rng.random() < 0.3 else None
        query = Query(
            f"Q{len(queries) + 1:06d}", text, dob, nationality, expected, family, subject.id
        )
        query.split = split_of(subject.id)
        queries.append(query)

    # Positives: every family gets its share; rare families are drawn first so each has enough.
    sampled = rng.sample(register, int(len(register) * listed_share))
    counts: dict[str, int] = {}
    for person in sampled:
        families = positive_families(person)
        families.sort(key=lambda f: (counts.get(f, 0), rng.random()))
        for family in families[:positives_per_person]:
            made = positive(rng, person, family)
            if made is None:
                continue
            counts[family] = counts.get(family, 0) + 1
            add(made[0], made[1], person.id, family, person)
    made_negatives = 0
    attempts = 0
    while made_negatives < negatives and attempts < negatives * 20:
        attempts += 1
        person = rng.choice(register)
        family = NEGATIVE_FAMILIES[attempts % len(NEGATIVE_FAMILIES)]
        made = negative(rng, person, family, labeller)
        if made is None or not made[0].strip():
            continue
        made_negatives += 1
        add(made[0], made[1], None, family, person)
    return Yardstick(register, queries)


DIGEST_FILE = __file__.rsplit("/", 1)[0] + "/HELDOUT.sha256"


def committed_digest() -> str:
    with open(DIGEST_FILE, encoding="utf-8") as given:
        return given.read().split()[0]


def main() -> None:
    """`python bench/yardstick/generate.py` prints the set's families per split and checks the
    held-out digest; `--fix-heldout` writes it (done once, before any engine ran on the set)."""
    import sys
    from collections import Counter

    yardstick = build()
    counts = Counter((q.family, q.split) for q in yardstick.queries)
    for family in sorted({q.family for q in yardstick.queries}):
        print(f"{family:40} dev {counts[family, 'dev']:5}  heldout {counts[family, 'heldout']:5}")
    digest = yardstick.heldout_digest()
    if "--fix-heldout" in sys.argv:
        with open(DIGEST_FILE, "w", encoding="utf-8") as out:
            out.write(f"{digest}  held-out part of build() with the default arguments\n")
    print(
        f"held-out digest {digest}: {'as committed' if digest == committed_digest() else 'CHANGED'}"
    )


if __name__ == "__main__":
    main()
