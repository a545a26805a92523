"""Transliteration rules of the independent yardstick, each written here from the published table
of its system (no transliteration library is used, so the set does not share code or tables with
the engine or with bench/screening_data.py, which relies on iuliia).

A rule set is a `Scheme`: a letter table (keys may be several letters: the longest match wins), a
table for the letters that change at the start of a word or after a vowel (Cyrillic е, ё, ю, я),
word-final rewrites (-ий, -ый, …) applied before the letters, and optional whole-output rewrites.
`scheme.word(text)` transliterates one word keeping its capitalisation; `scheme(text)` every
word of a name.

Systems (one `Scheme` each, named in SCHEMES):
- Russian: ICAO Doc 9303 (2015), BGN/PCGN (1947), ISO 9:1995, GOST 7.79-2000 system B.
- Belarusian: the national system of 2007 (with diacritics) and the passport (ICAO-style) spelling.
- Ukrainian: the national system of 2010 (Cabinet resolution 55).
- Kazakh: the passport (ICAO-style) spelling and the Latin alphabet of 2021.
- Kyrgyz: the passport (ICAO-style) spelling and BGN/PCGN (1979).
- Tajik: the passport spelling; Uzbek: the Latin alphabet of 1995.
- Armenian: the passport spelling, BGN/PCGN (1981) and ISO 9985.
- Georgian: the national system of 2002; Greek: ELOT 743 (ISO 843 type 2).
- Korean: the Revised Romanization (2000) and the Kontsevich Cyrillic system, from Hangul jamo.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

CYRILLIC_VOWELS = set("аеёиоуыэюяіїєўүөұәӣӯ")
SIGNS = set("ьъ'’")


@dataclass
class Scheme:
    name: str
    table: dict[str, str]
    # е ё ю я (and the like) at the start of a word, after a vowel or after a sign
    initial: dict[str, str] = field(default_factory=dict)
    endings: list[tuple[str, str]] = field(default_factory=list)
    rewrite: Callable[[str], str] | None = None
    vowels: set[str] = field(default_factory=lambda: CYRILLIC_VOWELS)

    def word(self, text: str) -> str:
        if not text:
            return text
        lower = text.lower()
        tail = ""
        for ending, replacement in self.endings:
            if lower.endswith(ending) and len(lower) > len(ending) + 1:
                lower, tail = lower[: -len(ending)], replacement
                break
        longest = max((len(k) for k in self.table), default=1)
        out: list[str] = []
        i = 0
        while i < len(lower):
            prev = lower[i - 1] if i else ""
            for size in range(longest, 0, -1):
                chunk = lower[i : i + size]
                start = i == 0 or prev in self.vowels or prev in SIGNS or prev == "-"
                if start and chunk in self.initial:
                    out.append(self.initial[chunk])
                    break
                if chunk in self.table:
                    out.append(self.table[chunk])
                    break
            else:
                out.append(chunk[:1])
                size = 1
            i += size
        result = "".join(out) + tail
        if self.rewrite:
            result = self.rewrite(result)
        return recase(text, result)

    def __call__(self, text: str) -> str:
        return " ".join("-".join(self.word(p) for p in w.split("-")) for w in text.split())


def recase(original: str, result: str) -> str:
    if not result or "\u10a0" <= result[0] <= "\u10ff" or not result[0].isalpha():
        return result  # Georgian capitals (Mtavruli) are not used in names
    if original.isupper() and len(original) > 1:
        return result.upper()
    if original[:1].isupper():
        return result[:1].upper() + result[1:]
    return result


def strip_marks(text: str) -> str:
    """Latin letters without diacritics (how a passport's machine zone, and many clerks, write)."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _t(pairs: str) -> dict[str, str]:
    """'а=a б=b …' into a table; an empty right side drops the letter."""
    table = {}
    for pair in pairs.split():
        source, _, target = pair.partition("=")
        table[source] = target
    return table


RU_ICAO = Scheme(
    "ru:icao-9303",
    _t(
        "а=a б=b в=v г=g д=d е=e ё=e ж=zh з=z и=i й=i к=k л=l м=m н=n о=o п=p р=r с=s т=t "
        "у=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch ъ=ie ы=y ь= э=e ю=iu я=ia"
    ),
)
RU_BGN = Scheme(
    "ru:bgn-pcgn",
    _t(
        "а=a б=b в=v г=g д=d е=e ё=ё ж=zh з=z и=i й=y к=k л=l м=m н=n о=o п=p р=r с=s т=t "
        "у=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch ъ=ʺ ы=y ь=ʹ э=e ю=yu я=ya"
    ),
    initial=_t("е=ye ё=yё"),
)
RU_ISO9 = Scheme(
    "ru:iso-9",
    _t(
        "а=a б=b в=v г=g д=d е=e ё=ë ж=ž з=z и=i й=j к=k л=l м=m н=n о=o п=p р=r с=s т=t "
        "у=u ф=f х=h ц=c ч=č ш=š щ=ŝ ъ=ʺ ы=y ь=ʹ э=è ю=û я=â"
    ),
)
RU_GOST_B = Scheme(
    "ru:gost-7.79-b",
    {
        **_t(
            "а=a б=b в=v г=g д=d е=e ё=yo ж=zh з=z и=i й=j к=k л=l м=m н=n о=o п=p р=r с=s "
            "т=t у=u ф=f х=x ц=cz ч=ch ш=sh щ=shh ъ=`` ы=y` ь=` э=e` ю=yu я=ya"
        ),
        # ц before е, и, ы, й is c in system B
        **{f"ц{v}": f"c{t}" for v, t in (("е", "e"), ("и", "i"), ("ы", "y`"), ("й", "j"))},
    },
)
BE_NATIONAL = Scheme(
    "be:national-2007",
    {
        **_t(
            "а=a б=b в=v г=h ґ=g д=d дж=dž дз=dz е=ie ё=io ж=ž з=z і=i й=j к=k л=l м=m н=n "
            "о=o п=p р=r с=s т=t у=u ў=ŭ ф=f х=ch ц=c ч=č ш=š ы=y ь= э=e ю=iu я=ia '="
        ),
        **_t("ль=ĺ нь=ń сь=ś зь=ź ць=ć ле=lie лі=li"),
    },
    initial=_t("е=je ё=jo ю=ju я=ja"),
)
BE_PASSPORT = Scheme(
    "be:passport",
    _t(
        "а=a б=b в=v г=h д=d е=ie ё=io ж=zh з=z і=i й=i к=k л=l м=m н=n о=o п=p р=r с=s т=t "
        "у=u ў=u ф=f х=kh ц=ts ч=ch ш=sh ы=y ь= э=e ю=iu я=ia '="
    ),
    initial=_t("е=ye ё=yo ю=yu я=ya"),
)
UK_NATIONAL = Scheme(
    "uk:national-2010",
    _t(
        "а=a б=b в=v г=h ґ=g д=d е=e є=ie ж=zh з=z зг=zgh и=y і=i ї=i й=i к=k л=l м=m н=n "
        "о=o п=p р=r с=s т=t у=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch ь= ю=iu я=ia '= ’="
    ),
    initial=_t("є=ye ї=yi й=y ю=yu я=ya"),
)
KZ_PASSPORT = Scheme(
    "kk:passport",
    _t(
        "а=a ә=a б=b в=v г=g ғ=g д=d е=e ё=yo ж=zh з=z и=i й=y к=k қ=k л=l м=m н=n ң=n о=o "
        "ө=o п=p р=r с=s т=t у=u ұ=u ү=u ф=f х=kh һ=h ц=ts ч=ch ш=sh щ=shch ъ= ы=y і=i ь= "
        "э=e ю=yu я=ya"
    ),
    initial=_t("е=ye"),
)
KZ_LATIN_2021 = Scheme(
    "kk:latin-2021",
    _t(
        "а=a ә=ä б=b в=v г=g ғ=ğ д=d е=e ё=io ж=j з=z и=i й=i к=k қ=q л=l м=m н=n ң=ñ о=o "
        "ө=ö п=p р=r с=s т=t у=u ұ=ū ү=ü ф=f х=h һ=h ц=ts ч=ç ш=ş щ=şş ъ= ы=y і=ı ь= э=e "
        "ю=iu я=ia"
    ),
)
KG_PASSPORT = Scheme(
    "ky:passport",
    _t(
        "а=a б=b в=v г=g д=d е=e ё=yo ж=zh з=z и=i й=i к=k л=l м=m н=n ң=n о=o ө=o п=p р=r "
        "с=s т=t у=u ү=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch ъ= ы=y ь= э=e ю=iu я=ia"
    ),
    initial=_t("е=e"),
)
KG_BGN = Scheme(
    "ky:bgn-pcgn",
    _t(
        "а=a б=b в=v г=g д=d е=e ё=yo ж=j з=z и=i й=y к=k л=l м=m н=n ң=ng о=o ө=ö п=p р=r "
        "с=s т=t у=u ү=ü ф=f х=kh ц=ts ч=ch ш=sh щ=shch ъ=ʺ ы=y ь=ʹ э=e ю=yu я=ya"
    ),
    initial=_t("е=ye"),
)
TJ_PASSPORT = Scheme(
    "tg:passport",
    _t(
        "а=a б=b в=v г=g ғ=gh д=d е=e ё=yo ж=zh з=z и=i ӣ=i й=y к=k қ=q л=l м=m н=n о=o п=p "
        "р=r с=s т=t у=u ӯ=u ф=f х=kh ҳ=h ц=ts ч=ch ҷ=j ш=sh щ=shch ъ= ь= э=e ю=yu я=ya"
    ),
    initial=_t("е=ye"),
)
UZ_LATIN = Scheme(
    "uz:latin-1995",
    _t(
        "а=a б=b в=v г=g ғ=gʻ д=d е=e ё=yo ж=j з=z и=i й=y к=k қ=q л=l м=m н=n о=o п=p р=r "
        "с=s т=t у=u ў=oʻ ф=f х=x ҳ=h ц=ts ч=ch ш=sh щ=shch ъ=ʼ ь= э=e ю=yu я=ya"
    ),
    initial=_t("е=ye"),
)
HY_VOWELS = set("աեէըիոօւ")
HY_PASSPORT = Scheme(
    "hy:passport",
    _t(
        "ա=a բ=b գ=g դ=d ե=e զ=z է=e ը=y թ=t ժ=zh ի=i լ=l խ=kh ծ=ts կ=k հ=h ձ=dz ղ=gh ճ=ch "
        "մ=m յ=y ն=n շ=sh ո=o չ=ch պ=p ջ=j ռ=r ս=s վ=v տ=t ր=r ց=ts ու=u փ=p ք=k օ=o ֆ=f "
        "և=ev"
    ),
    initial=_t("ե=ye ո=vo"),
    vowels=HY_VOWELS,
)
HY_BGN = Scheme(
    "hy:bgn-pcgn",
    _t(
        "ա=a բ=b գ=g դ=d ե=e զ=z է=e ը=y թ=t' ժ=zh ի=i լ=l խ=kh ծ=ts կ=k հ=h ձ=dz ղ=gh ճ=ch "
        "մ=m յ=y ն=n շ=sh ո=o չ=ch' պ=p ջ=j ռ=rr ս=s վ=v տ=t ր=r ց=ts' ու=u փ=p' ք=k' օ=o "
        "ֆ=f և=yev"
    ),
    initial=_t("ե=ye ո=vo"),
    vowels=HY_VOWELS,
)
HY_ISO9985 = Scheme(
    "hy:iso-9985",
    _t(
        "ա=a բ=b գ=g դ=d ե=e զ=z է=ē ը=ë թ=tʼ ժ=ž ի=i լ=l խ=x ծ=c կ=k հ=h ձ=j ղ=ł ճ=č մ=m "
        "յ=y ն=n շ=š ո=o չ=čʼ պ=p ջ=ǰ ռ=ṙ ս=s վ=v տ=t ր=r ց=cʼ ու=ow փ=pʼ ք=kʼ օ=ō ֆ=f "
        "և=ew"
    ),
    vowels=HY_VOWELS,
)
KA_NATIONAL = Scheme(
    "ka:national-2002",
    _t(
        "ა=a ბ=b გ=g დ=d ე=e ვ=v ზ=z თ=t ი=i კ=k ლ=l მ=m ნ=n ო=o პ=p ჟ=zh რ=r ს=s ტ=t უ=u "
        "ფ=p ქ=k ღ=gh ყ=q შ=sh ჩ=ch ც=ts ძ=dz წ=ts ჭ=ch ხ=kh ჯ=j ჰ=h"
    ),
    vowels=set("აეიოუ"),
)
# Georgian to Russian, the way Russian texts spell Georgian names (ия for final ია)
KA_RUSSIAN = Scheme(
    "ka:russian",
    _t(
        "ა=а ბ=б გ=г დ=д ე=е ვ=в ზ=з თ=т ი=и კ=к ლ=л მ=м ნ=н ო=о პ=п ჟ=ж რ=р ს=с ტ=т უ=у "
        "ფ=п ქ=к ღ=г ყ=к შ=ш ჩ=ч ც=ц ძ=дз წ=ц ჭ=ч ხ=х ჯ=дж ჰ=х ია=ия"
    ),
    initial=_t("ე=э"),
    vowels=set("აეიოუ"),
)


def _greek_plain(text: str) -> str:
    return strip_marks(text.lower()).replace("ς", "σ")


_ELOT = Scheme(
    "el:elot-743",
    _t(
        "α=a β=v γ=g δ=d ε=e ζ=z η=i θ=th ι=i κ=k λ=l μ=m ν=n ξ=x ο=o π=p ρ=r σ=s τ=t υ=y "
        "φ=f χ=ch ψ=ps ω=o γγ=ng γκ=gk γξ=nx γχ=nch αυ=av ευ=ev ηυ=iv ου=ou μπ=mp ντ=nt"
    ),
    vowels=set("αεηιουω"),
)


def el_elot(text: str) -> str:
    """ELOT 743 (ISO 843 type 2), accents dropped first; initial μπ is b."""
    words = []
    for word in text.split():
        plain = _greek_plain(word)
        latin = _ELOT.word(plain)
        if plain.startswith("μπ"):
            latin = "b" + latin[2:]
        words.append(recase(word, latin))
    return " ".join(words)


def _w(text: str) -> list[str]:
    return text.split()


# Hangul: a syllable is initial, medial and final jamo (Unicode's arithmetic decomposition).
RR_INITIAL = _w("g kk n d tt r m b pp s ss _ j jj ch k t p h")
RR_MEDIAL = _w("a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i")
RR_FINAL = ["", *_w("k k k n n n t l k m l l l p l m p p t t ng t t k t p t")]
KC_INITIAL = _w("к кк н т тт р м п пп с сс _ ч чч чх кх тх пх х")
KC_MEDIAL = _w("а э я йе о е ё йе о ва вэ вэ ё у во ве ви ю ы ый и")
KC_FINAL = ["", *_w("к к к н н н т ль к м ль ль ль п ль м п п т т н т т к т п т")]


def hangul(text: str, initial: list[str], medial: list[str], final: list[str]) -> str:
    out = []
    for char in text:
        code = ord(char) - 0xAC00
        if not 0 <= code < 11172:
            out.append(char)
            continue
        lead, rest = divmod(code, 588)
        vowel, tail = divmod(rest, 28)
        out.append(initial[lead].replace("_", "") + medial[vowel] + final[tail])
    return "".join(out)


def ko_rr(text: str) -> str:
    return hangul(text, RR_INITIAL, RR_MEDIAL, RR_FINAL)


KC_VOICED = {"к": "г", "т": "д", "п": "б", "ч": "дж"}


def ko_kontsevich(text: str) -> str:
    """Kontsevich's Cyrillic, simplified: an initial inside a word is voiced (к→г, т→д, п→б,
    ч→дж), as in Минджун."""
    out = []
    for i, char in enumerate(text):
        syllable = hangul(char, KC_INITIAL, KC_MEDIAL, KC_FINAL)
        if (
            i
            and syllable[:1] in KC_VOICED
            and not syllable.startswith(("чх", "кх", "тх", "пх", "кк", "тт", "пп", "чч"))
        ):
            syllable = KC_VOICED[syllable[0]] + syllable[1:]
        out.append(syllable)
    return "".join(out)


SCHEMES: dict[str, Scheme] = {
    s.name: s
    for s in (
        RU_ICAO, RU_BGN, RU_ISO9, RU_GOST_B, BE_NATIONAL, BE_PASSPORT, UK_NATIONAL,
        KZ_PASSPORT, KZ_LATIN_2021, KG_PASSPORT, KG_BGN, TJ_PASSPORT, UZ_LATIN,
        HY_PASSPORT, HY_BGN, HY_ISO9985, KA_NATIONAL,
    )
}  # fmt: skip
