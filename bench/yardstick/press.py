"""How the press of other languages renders a Russian name: each language's published
transcription rules for Russian, written here, and its grammar where it changes names (Czech and
Slovak add -ová to a woman's surname, Lithuanian and Latvian give men's names their case endings).

`render(lang, word, role, female)` renders one word of a Russian-Cyrillic name; `LANGUAGES` lists
the conventions. Latin-script presses: cs, sk, pl, lt, lv, et, de, nl, fr, es, it, tr, eo;
Cyrillic presses: uk, be, sr, bg; other scripts: el (Greek), ka (Georgian), hy (Armenian),
ar (Arabic), he (Hebrew).
"""

from __future__ import annotations

from rules import Scheme, _t

SOFT_BEFORE = set("еёиюяь")


def _czech_rewrite(text: str) -> str:
    # Czech writes ě for the softened e after labials and d, t, n; ď, ť, ň before a, u
    for hard, soft in (("dja", "ďa"), ("tja", "ťa"), ("nja", "ňa"), ("dju", "ďu"), ("tju", "ťu")):
        text = text.replace(hard, soft)
    return text.replace("nju", "ňu")


LATIN_PRESS: dict[str, Scheme] = {
    "cs": Scheme(
        "press:cs",
        {
            **_t(
                "а=a б=b в=v г=g д=d е=e ё=jo ж=ž з=z и=i й=j к=k л=l м=m н=n о=o п=p р=r с=s "
                "т=t у=u ф=f х=ch ц=c ч=č ш=š щ=šč ъ= ы=y ь= э=e ю=ju я=ja"
            ),
            **{f"{c}е": f"{t}ě" for c, t in zip("бвмпфдтн", "bvmpfdtn", strict=True)},
            **_t("нь=ň ть=ť дь=ď"),
        },
        initial=_t("е=je ё=jo ю=ju я=ja"),
        endings=[("ий", "ij"), ("ый", "yj"), ("ой", "oj")],
        rewrite=_czech_rewrite,
    ),
    "sk": Scheme(
        "press:sk",
        {
            **_t(
                "а=a б=b в=v г=g д=d е=e ё=jo ж=ž з=z и=i й=j к=k л=l м=m н=n о=o п=p р=r с=s "
                "т=t у=u ф=f х=ch ц=c ч=č ш=š щ=šč ъ= ы=y ь= э=e ю=ju я=ja"
            ),
            **_t("нь=ň ть=ť дь=ď ль=ľ"),
        },
        initial=_t("е=je ё=jo ю=ju я=ja"),
        endings=[("ий", "ij"), ("ый", "yj"), ("ой", "oj")],
    ),
    "pl": Scheme(
        "press:pl",
        {
            **_t(
                "а=a б=b в=w г=g д=d е=ie ё=io ж=ż з=z и=i й=j к=k л=ł м=m н=n о=o п=p р=r с=s "
                "т=t у=u ф=f х=ch ц=c ч=cz ш=sz щ=szcz ъ= ы=y ь= э=e ю=iu я=ia"
            ),
            **_t("ле=le лё=lo ли=li лю=lu ля=la ль=l нь=ń сь=ś зь=ź ть=ć дь=dź"),
            **_t("же=że ше=sze че=cze це=ce жи=ży ши=szy ци=cy щи=szczy"),
        },
        initial=_t("е=je ё=jo ю=ju я=ja"),
        endings=[("ий", "ij"), ("ый", "yj"), ("ой", "oj")],
    ),
    "lt": Scheme(
        "press:lt",
        _t(
            "а=a б=b в=v г=g д=d е=e ё=jo ж=ž з=z и=i й=j к=k л=l м=m н=n о=o п=p р=r с=s т=t "
            "у=u ф=f х=ch ц=c ч=č ш=š щ=šč ъ= ы=y ь= э=e ю=ju я=ja"
        ),
        initial=_t("е=je ё=jo ю=ju я=ja"),
    ),
    "lv": Scheme(
        "press:lv",
        {
            **_t(
                "а=a б=b в=v г=g д=d е=e ё=jo ж=ž з=z и=i й=j к=k л=l м=m н=n о=o п=p р=r с=s "
                "т=t у=u ф=f х=h ц=c ч=č ш=š щ=šč ъ= ы=i ь= э=e ю=ju я=ja"
            ),
            **{f"л{v}": f"ļ{t}" for v, t in (("е", "e"), ("ё", "o"), ("ю", "u"), ("я", "a"))},
            **{f"н{v}": f"ņ{t}" for v, t in (("е", "e"), ("ё", "o"), ("ю", "u"), ("я", "a"))},
            **_t("ль=ļ нь=ņ"),
        },
        initial=_t("е=je ё=jo ю=ju я=ja"),
    ),
    "et": Scheme(
        "press:et",
        _t(
            "а=a б=b в=v г=g д=d е=e ё=jo ж=ž з=z и=i й=i к=k л=l м=m н=n о=o п=p р=r с=s т=t "
            "у=u ф=f х=h ц=ts ч=tš ш=š щ=štš ъ= ы=õ ь= э=e ю=ju я=ja"
        ),
        initial=_t("е=je ё=jo ю=ju я=ja"),
        endings=[("ий", "i"), ("ый", "õi"), ("ой", "oi")],
    ),
    "de": Scheme(
        "press:de",
        {
            **_t(
                "а=a б=b в=w г=g д=d е=e ё=jo ж=sch з=s и=i й=i к=k л=l м=m н=n о=o п=p р=r "
                "с=s т=t у=u ф=f х=ch ц=z ч=tsch ш=sch щ=schtsch ъ= ы=y ь= э=e ю=ju я=ja"
            ),
            **{
                f"{a}с{b}": f"{x}ss{y}"
                for a, x in (("а", "a"), ("о", "o"), ("у", "u"), ("и", "i"), ("е", "e"))
                for b, y in (("а", "a"), ("о", "o"), ("у", "u"), ("и", "i"), ("е", "e"))
            },
        },
        initial=_t("е=je ё=jo ю=ju я=ja"),
        endings=[("ий", "i"), ("ый", "y"), ("ой", "oi")],
    ),
    "nl": Scheme(
        "press:nl",
        _t(
            "а=a б=b в=v г=g д=d е=e ё=jo ж=zj з=z и=i й=j к=k л=l м=m н=n о=o п=p р=r с=s т=t "
            "у=oe ф=f х=ch ц=ts ч=tsj ш=sj щ=sjtsj ъ= ы=y ь= э=e ю=joe я=ja"
        ),
        initial=_t("е=je ё=jo ю=joe я=ja"),
        endings=[("ий", "i"), ("ый", "y"), ("ой", "oj")],
    ),
    "fr": Scheme(
        "press:fr",
        {
            **_t(
                "а=a б=b в=v г=g д=d е=e ё=io ж=j з=z и=i й=ï к=k л=l м=m н=n о=o п=p р=r с=s "
                "т=t у=ou ф=f х=kh ц=ts ч=tch ш=ch щ=chtch ъ= ы=y ь= э=e ю=iou я=ia"
            ),
            **_t("ге=gue ги=gui гы=guy ей=eï ай=aï ой=oï"),
            **{
                f"{a}с{b}": f"{x}ss{y}"
                for a, x in (("а", "a"), ("о", "o"), ("и", "i"), ("е", "e"))
                for b, y in (("а", "a"), ("о", "o"), ("и", "i"), ("е", "e"))
            },
        },
        initial=_t("е=ie ё=io ю=iou я=ia"),
        endings=[("ий", "i"), ("ый", "y")],
    ),
    "es": Scheme(
        "press:es",
        {
            **_t(
                "а=a б=b в=v г=g д=d е=e ё=io ж=zh з=z и=i й=i к=k л=l м=m н=n о=o п=p р=r с=s "
                "т=t у=u ф=f х=j ц=ts ч=ch ш=sh щ=sch ъ= ы=y ь= э=e ю=iu я=ia"
            ),
            **_t("ге=gue ги=gui"),
        },
        initial=_t("е=ye ё=yo ю=yu я=ya"),
        endings=[("ий", "i"), ("ый", "y"), ("ей", "éi")],
    ),
    "it": Scheme(
        "press:it",
        _t(
            "а=a б=b в=v г=g д=d е=e ё=ë ж=ž з=z и=i й=j к=k л=l м=m н=n о=o п=p р=r с=s т=t "
            "у=u ф=f х=ch ц=c ч=č ш=š щ=šč ъ= ы=y ь=' э=e ю=ju я=ja"
        ),
        initial=_t("е=e ю=ju я=ja"),
        endings=[("ий", "ij"), ("ый", "yj")],
    ),
    "tr": Scheme(
        "press:tr",
        _t(
            "а=a б=b в=v г=g д=d е=e ё=yo ж=j з=z и=i й=y к=k л=l м=m н=n о=o п=p р=r с=s т=t "
            "у=u ф=f х=h ц=ts ч=ç ш=ş щ=şç ъ= ы=ı ь= э=e ю=yu я=ya"
        ),
        initial=_t("е=ye ё=yo ю=yu я=ya"),
        endings=[("ий", "iy")],
    ),
    "eo": Scheme(
        "press:eo",
        _t(
            "а=a б=b в=v г=g д=d е=e ё=jo ж=ĵ з=z и=i й=j к=k л=l м=m н=n о=o п=p р=r с=s т=t "
            "у=u ф=f х=ĥ ц=c ч=ĉ ш=ŝ щ=ŝĉ ъ= ы=i ь= э=e ю=ju я=ja"
        ),
        initial=_t("е=je ё=jo ю=ju я=ja"),
    ),
}

CYRILLIC_PRESS: dict[str, Scheme] = {
    "uk": Scheme(
        "press:uk",
        _t("и=і ы=и э=е ё=ьо ъ='"),
        initial=_t("е=є ё=йо"),
        endings=[("ский", "ський"), ("цкий", "цький"), ("ий", "ій"), ("ей", "ій")],
    ),
    "be": Scheme(
        "press:be",
        _t("и=і щ=шч ъ=' э=э"),
        endings=[
            ("ский", "скі"),
            ("цкий", "цкі"),
            ("ий", "ій"),
            ("ов", "оў"),
            ("ев", "еў"),
            ("ёв", "ёў"),
        ],
    ),
    "sr": Scheme(
        "press:sr",
        _t("й=ј ы=и э=е ё=јо ю=ју я=ја щ=шч ь= ъ= нь=њ ль=љ ня=ња лю=љу ля=ља ле=ље не=ње"),
        initial=_t("е=је ё=јо ю=ју я=ја"),
        endings=[("ий", "иј"), ("ей", "еј"), ("ай", "ај")],
    ),
    "bg": Scheme(
        "press:bg",
        _t("ы=и э=е ё=ьо ъ="),
        initial=_t("ё=йо"),
    ),
}

SCRIPT_PRESS: dict[str, Scheme] = {
    "el": Scheme(
        "press:el",
        _t(
            "а=α б=μπ в=β г=γκ д=ντ е=ε ё=ιο ж=ζ з=ζ и=ι й=ι к=κ л=λ м=μ н=ν о=ο п=π р=ρ с=σ "
            "т=τ у=ου ф=φ х=χ ц=τσ ч=τσ ш=σ щ=σ ъ= ы=ι ь= э=ε ю=ιου я=ια"
        ),
        endings=[("ов", "οφ"), ("ев", "εφ"), ("ий", "ι"), ("ей", "έι")],
        rewrite=lambda s: s[:-1] + "ς" if s.endswith("σ") else s,
    ),
    "ka": Scheme(
        "press:ka",
        _t(
            "а=ა б=ბ в=ვ г=გ д=დ е=ე ё=იო ж=ჟ з=ზ и=ი й=ი к=კ л=ლ м=მ н=ნ о=ო п=პ р=რ с=ს "
            "т=ტ у=უ ф=ფ х=ხ ц=ც ч=ჩ ш=შ щ=შჩ ъ= ы=ი ь= э=ე ю=იუ я=ია"
        ),
        endings=[("ий", "ი")],
        # Georgian gives a consonant-final foreign name the nominative -ი
        rewrite=lambda s: s if s[-1:] in "აეიოუ" else s + "ი",
    ),
    "hy": Scheme(
        "press:hy",
        _t(
            "а=ա б=բ в=վ г=գ д=դ е=ե ё=յո ж=ժ з=զ и=ի й=յ к=կ л=լ м=մ н=ն о=ո п=պ р=ր с=ս т=տ "
            "у=ու ф=ֆ х=խ ц=ց ч=չ ш=շ щ=շչ ъ= ы=ը ь= э=է ю=յու я=յա"
        ),
        initial=_t("е=ե о=օ"),
    ),
    "ar": Scheme(
        "press:ar",
        _t(
            "а=ا б=ب в=ف г=غ д=د е=ي ё=يو ж=ج з=ز и=ي й=ي к=ك л=ل м=م н=ن о=و п=ب р=ر с=س "
            "т=ت у=و ф=ف х=خ ц=تس ч=تش ш=ش щ=شتش ъ= ы=ي ь= э=ي ю=يو я=يا"
        ),
        initial=_t("а=أ е=ي и=إي о=أو у=أو э=إي"),
    ),
    "he": Scheme(
        "press:he",
        _t(
            "а= б=ב в=ב г=ג д=ד е= ё=יו ж=ז' з=ז и=י й=יי к=ק л=ל м=מ н=נ о=ו п=פ р=ר с=ס т=ט "
            "у=ו ф=פ х=ח ц=צ ч=צ' ш=ש щ=שצ' ъ= ы=י ь= э=א ю=יו я=יה"
        ),
        initial=_t("а=א е=א и=אי о=או у=או"),
        endings=[("я", "יה"), ("а", "ה")],
        rewrite=lambda s: _hebrew_finals(s),
    ),
}
HEBREW_FINAL = {"מ": "ם", "נ": "ן", "פ": "ף", "צ": "ץ", "כ": "ך"}


def _hebrew_finals(word: str) -> str:
    if word and word[-1] in HEBREW_FINAL:
        word = word[:-1] + HEBREW_FINAL[word[-1]]
    return word or "א"


LANGUAGES = [*LATIN_PRESS, *CYRILLIC_PRESS, *SCRIPT_PRESS]


def _baltic(lang: str, scheme: Scheme, word: str) -> str:
    """Lithuanian and Latvian decline men's names: Сергей → Sergejus / Sergejs, Игорь → Igoris /
    Igors, Кузнецов → Kuznecovas / Kuzņecovs."""
    lower = word.lower()
    if lower.endswith("ий"):
        return scheme.word(word[:-2]) + ("ijus" if lang == "lt" else "ijs")
    if lower.endswith("ь"):
        return scheme.word(word[:-1]) + ("is" if lang == "lt" else "s")
    out = scheme.word(word)
    if lower.endswith("й"):
        return out + ("us" if lang == "lt" else "s")
    if lower[-1:] in "аеёиоуыэюя":
        return out
    return out + ("as" if lang == "lt" else "s")


def render(lang: str, word: str, role: str, female: bool) -> str:
    """One word of a Russian-Cyrillic name (role: given, surname or patronymic) in `lang`'s press."""
    scheme = LATIN_PRESS.get(lang) or CYRILLIC_PRESS.get(lang) or SCRIPT_PRESS[lang]
    if lang in ("lt", "lv") and not female and role != "patronymic":
        return _baltic(lang, scheme, word)
    out = scheme.word(word)
    if lang in ("cs", "sk") and female and role == "surname":
        if out[-3:] in ("ova", "eva", "ina", "yna"):
            out = out[:-1] + "ová"
        elif out.endswith("aja"):
            out = out[:-3] + "á"
    return out
