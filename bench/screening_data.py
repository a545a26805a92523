"""A labelled evaluation set for name screening, generated (nothing large is stored).

Use `build_register(n, seed)` for a register of n listed persons and `build_queries(register,
n, seed)` for labelled queries: positives (every transliteration scheme that iuliia implements,
Belarusian and Uzbek passport styles, Armenian passport and Russian renderings, word orders, MRZ
and "SURNAME, Given" forms, one-letter typos, missing patronymics, back-transliteration to
Cyrillic, dates of birth with day and month swapped) and hard negatives (namesakes born in
other years, the same surname with another given name, people not listed, and names from
neighbouring countries). A negative one typo away from a listed person of the same given name is
left out: no reviewer could tell it from a typo, so its label would be noise. The register's Latin forms come from iuliia's ICAO table and a small
Belarusian table written here, not from the engine's own tables, so the engine is not graded on
its own spelling.

The names are built from common given names and surname stems of the region; the set also
carries a handful of publicly known officials of the member states (public names) so that real
spellings are in it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import iuliia  # type: ignore[import-not-found,unused-ignore]  # the peers environment
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

SLAVIC_MALE = [
    "Александр",
    "Сергей",
    "Андрей",
    "Алексей",
    "Дмитрий",
    "Владимир",
    "Николай",
    "Иван",
    "Михаил",
    "Евгений",
    "Юрий",
    "Игорь",
    "Олег",
    "Виктор",
    "Павел",
    "Петр",
    "Анатолий",
    "Константин",
    "Василий",
    "Григорий",
    "Борис",
    "Вячеслав",
    "Леонид",
    "Федор",
    "Степан",
    "Роман",
    "Максим",
    "Денис",
    "Артем",
    "Кирилл",
    "Тимофей",
    "Глеб",
    "Илья",
    "Егор",
    "Антон",
    "Вадим",
    "Геннадий",
    "Валерий",
    "Аркадий",
    "Семен",
]
SLAVIC_FEMALE = [
    "Анна",
    "Мария",
    "Елена",
    "Ольга",
    "Татьяна",
    "Наталья",
    "Ирина",
    "Светлана",
    "Юлия",
    "Екатерина",
    "Галина",
    "Людмила",
    "Валентина",
    "Оксана",
    "Алена",
    "Дарья",
    "Ксения",
    "Вера",
    "Надежда",
    "Любовь",
]
SLAVIC_STEMS = [
    "Иван",
    "Петр",
    "Сидор",
    "Кузнец",
    "Смирн",
    "Поп",
    "Васил",
    "Соколов",
    "Михайл",
    "Новик",
    "Федор",
    "Морозов",
    "Волк",
    "Алексе",
    "Лебед",
    "Семен",
    "Егор",
    "Павл",
    "Козл",
    "Степан",
    "Никол",
    "Орл",
    "Андре",
    "Макар",
    "Никит",
    "Захар",
    "Зайц",
    "Солов",
    "Борис",
    "Яковл",
    "Григорь",
    "Роман",
    "Воробь",
    "Серге",
    "Кузьмин",
    "Фрол",
    "Александр",
    "Дмитри",
    "Корол",
    "Гусев",
    "Киселев",
    "Ильин",
    "Максим",
    "Поляк",
    "Соросин",
    "Виноград",
    "Ковал",
    "Белоус",
    "Крав",
    "Тимошен",
    "Шевчен",
    "Бондар",
    "Ткач",
    "Мельник",
    "Бойк",
    "Левчен",
    "Карпен",
    "Руден",
    "Гончар",
    "Лукаш",
    "Мясник",
    "Сахар",
    "Жук",
    "Цвет",
    "Щерб",
    "Хрущ",
    "Чернов",
    "Шмел",
    "Ершов",
    "Юдин",
    "Ягод",
    "Зуб",
    "Рыбак",
    "Галуш",
    "Дуб",
    "Клим",
    "Громык",
    "Кравц",
    "Мирон",
    "Пашк",
    "Сушк",
    "Тарас",
    "Устин",
    "Харит",
    "Цыбул",
    "Чумак",
]
SLAVIC_SUFFIXES = ("ов", "ев", "ин", "енко", "ук", "ский", "ич", "ко")
KAZAKH_GIVEN = [
    "Нурлан",
    "Ерлан",
    "Асхат",
    "Бауыржан",
    "Айдос",
    "Данияр",
    "Ержан",
    "Нуржан",
    "Серик",
    "Болат",
    "Талгат",
    "Арман",
    "Канат",
    "Марат",
    "Айгерим",
    "Гульнара",
    "Динара",
    "Салтанат",
    "Жанна",
    "Ерболат",
]
KAZAKH_STEMS = [
    "Абен",
    "Абиш",
    "Айтмух",
    "Байжан",
    "Бекмух",
    "Досжан",
    "Жуман",
    "Исмаил",
    "Касым",
    "Кенже",
    "Мукан",
    "Нурпеис",
    "Омар",
    "Сарсен",
    "Сейт",
    "Тасмаган",
    "Тулеген",
    "Утеш",
    "Шалаб",
    "Жаксыбек",
    "Ертай",
    "Куаныш",
    "Серикбай",
    "Тлеу",
]
CENTRAL_GIVEN = [
    "Азамат",
    "Бакыт",
    "Бекзат",
    "Нурбек",
    "Улан",
    "Эрмек",
    "Чынгыз",
    "Алмаз",
    "Айбек",
    "Фаррух",
    "Джамшед",
    "Рустам",
    "Бахтиер",
    "Шавкат",
    "Фирдавс",
    "Зафар",
    "Манучехр",
    "Сухроб",
    "Далер",
    "Парвиз",
]
CENTRAL_STEMS = [
    "Рахим",
    "Саид",
    "Карим",
    "Назар",
    "Шариф",
    "Хол",
    "Одина",
    "Мирзо",
    "Хасан",
    "Юсуф",
    "Абдулл",
    "Бобо",
    "Давлат",
    "Исмоил",
    "Курбон",
    "Махмуд",
    "Нурмат",
    "Раджаб",
    "Сафар",
    "Турсун",
    "Усмон",
    "Файзулл",
    "Хайдар",
    "Шерали",
    "Эргаш",
]
ARMENIAN_GIVEN = [
    "Արամ",
    "Արմեն",
    "Գագիկ",
    "Դավիթ",
    "Հայկ",
    "Կարեն",
    "Տիգրան",
    "Վահե",
    "Սամվել",
    "Գևորգ",
    "Հովհաննես",
    "Աշոտ",
    "Անի",
    "Լիլիթ",
    "Նարինե",
]
ARMENIAN_SURNAMES = [
    "Հովհաննիսյան",
    "Պետրոսյան",
    "Սարգսյան",
    "Գրիգորյան",
    "Հարությունյան",
    "Խաչատրյան",
    "Մկրտչյան",
    "Ավետիսյան",
    "Կարապետյան",
    "Ղազարյան",
    "Վարդանյան",
    "Մարտիրոսյան",
    "Ստեփանյան",
    "Ասատրյան",
    "Բաղդասարյան",
    "Մանուկյան",
    "Առաքելյան",
    "Սիմոնյան",
    "Դանիելյան",
    "Աբրահամյան",
]
# Publicly known officials of the member states (their names are public).
OFFICIALS = [
    ("RU", "Лукашенко", "Александр", "Григорьевич", "1954-08-30"),
    ("KZ", "Токаев", "Касым-Жомарт", "Кемелевич", "1953-05-17"),
    ("KZ", "Назарбаев", "Нурсултан", "Абишевич", "1940-07-06"),
    ("KG", "Жапаров", "Садыр", "Нургожоевич", "1968-12-06"),
    ("TJ", "Рахмон", "Эмомали", "", "1952-10-05"),
    ("RU", "Лавров", "Сергей", "Викторович", "1950-03-21"),
    ("RU", "Бордюжа", "Николай", "Николаевич", "1949-10-20"),
    ("RU", "Шойгу", "Сергей", "Кужугетович", "1955-05-21"),
    ("BY", "Макей", "Владимир", "Владимирович", "1958-08-05"),
    ("KZ", "Тасмагамбетов", "Имангали", "Нургалиевич", "1956-12-09"),
    ("RU", "Хачатуров", "Юрий", "Григорьевич", "1952-10-11"),
    ("KG", "Атамбаев", "Алмазбек", "Шаршенович", "1956-09-17"),
    ("BY", "Зась", "Станислав", "Васильевич", "1964-02-16"),
    ("TJ", "Зарифи", "Хамрохон", "", "1948-12-12"),
    ("RU", "Медведев", "Дмитрий", "Анатольевич", "1965-09-14"),
]
ARMENIAN_OFFICIALS = [
    ("Փաշինյան", "Նիկոլ", "1975-06-01"),
    ("Սարգսյան", "Սերժ", "1954-06-30"),
    ("Քոչարյան", "Ռոբերտ", "1954-08-31"),
]
NEIGHBOURS = [
    "Giorgi Beridze", "Nino Kapanadze", "Elchin Mammadov", "Leyla Aliyeva", "Mehmet Yilmaz",
    "Ayse Demir", "Jan Kowalski", "Anna Nowak", "Jonas Kazlauskas", "Batbayar Ganbold",
    "Wang Wei", "Li Na", "Ahmad Karimi", "Zahra Hosseini", "Gheorghe Rusu", "Andris Berzins",
    "Tamar Gelashvili", "Rashad Huseynov", "Emre Kaya", "Tomasz Wisniewski",
]  # fmt: skip

# Belarusian forms and a Belarusian passport romanisation (a small table, written here).
BELARUSIAN_GIVEN = {
    "Александр": "Аляксандр", "Сергей": "Сяргей", "Андрей": "Андрэй", "Алексей": "Аляксей",
    "Дмитрий": "Дзмітрый", "Владимир": "Уладзімір", "Николай": "Мікалай", "Иван": "Іван",
    "Михаил": "Міхаіл", "Евгений": "Яўген", "Юрий": "Юрый", "Игорь": "Ігар", "Олег": "Алег",
    "Виктор": "Віктар", "Павел": "Павел", "Петр": "Пятро", "Анатолий": "Анатоль",
    "Константин": "Канстанцін", "Василий": "Васіль", "Григорий": "Рыгор", "Анна": "Ганна",
    "Ольга": "Вольга", "Татьяна": "Таццяна", "Наталья": "Наталля", "Ирина": "Ірына",
    "Светлана": "Святлана", "Елена": "Алена", "Мария": "Марыя",
}  # fmt: skip
BELARUSIAN_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "д": "d", "е": "ie", "ё": "io", "ж": "zh", "з": "z",
    "і": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ў": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia", "'": "", "и": "i", "щ": "shch",
}  # fmt: skip
ARMENIAN_LATIN = {
    "ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "է": "e", "ը": "y", "թ": "t",
    "ժ": "zh", "ի": "i", "լ": "l", "խ": "kh", "ծ": "ts", "կ": "k", "հ": "h", "ձ": "dz",
    "ղ": "gh", "ճ": "ch", "մ": "m", "յ": "y", "ն": "n", "շ": "sh", "ո": "o", "չ": "ch",
    "պ": "p", "ջ": "j", "ռ": "r", "ս": "s", "վ": "v", "տ": "t", "ր": "r", "ց": "ts",
    "ւ": "", "փ": "p", "ք": "k", "օ": "o", "ֆ": "f", "և": "ev",
}  # fmt: skip
ARMENIAN_RUSSIAN = {
    "ա": "а", "բ": "б", "գ": "г", "դ": "д", "ե": "е", "զ": "з", "է": "э", "ը": "ы", "թ": "т",
    "ժ": "ж", "ի": "и", "լ": "л", "խ": "х", "ծ": "ц", "կ": "к", "հ": "", "ձ": "дз",
    "ղ": "г", "ճ": "ч", "մ": "м", "յ": "й", "ն": "н", "շ": "ш", "ո": "о", "չ": "ч",
    "պ": "п", "ջ": "дж", "ռ": "р", "ս": "с", "վ": "в", "տ": "т", "ր": "р", "ց": "ц",
    "ւ": "", "փ": "п", "ք": "к", "օ": "о", "ֆ": "ф", "և": "ев",
}  # fmt: skip
SCHEMES = [
    "icao_doc_9303", "mvd_310", "mvd_782", "bgn_pcgn", "bs_2979", "gost_7034", "gost_779",
    "gost_779_alt", "gost_52535", "iso_9_1968", "scientific", "ungegn_1987", "wikipedia",
    "ala_lc_alt", "mosmetro", "telegram", "yandex_money", "mvd_310_fr",
]  # fmt: skip


@dataclass
class Person:
    id: str
    state: str
    surname: str  # original script
    given: str
    patronymic: str
    surname_latin: str
    given_latin: str
    patronymic_latin: str
    birth_date: str
    nationality: str
    kind: str  # slavic, belarusian, kazakh, central, armenian, official
    extra_names: list[str] = field(default_factory=list)


@dataclass
class LabelledQuery:
    text: str
    birth_date: str | None
    nationality: str | None
    expected: str | None  # the listed person's id, or None for a negative
    category: str


def icao(text: str) -> str:
    return iuliia.schemas.get("icao_doc_9303").translate(text.replace("ё", "е").replace("Ё", "Е"))


def belarusian_latin(text: str) -> str:
    out = []
    for i, char in enumerate(text.lower()):
        latin = BELARUSIAN_LATIN.get(char, char)
        if char == "е" and i > 0 and text.lower()[i - 1] not in "аеёіоуыэюяў'ь":
            latin = "e"
        out.append(latin)
    return "".join(out).capitalize()


def armenian_latin(text: str) -> str:
    text = text.replace("ու", "u")
    return "".join(ARMENIAN_LATIN.get(c, c) for c in text.lower()).capitalize()


def armenian_russian(text: str) -> str:
    text = text.replace("ու", "у")
    return "".join(ARMENIAN_RUSSIAN.get(c, c) for c in text.lower()).capitalize()


def patronymic_of(father: str, female: bool) -> str:
    if father.endswith("й") or father.endswith("ь"):
        base = father[:-1] + "ев"
    elif father[-1] in "аяо":
        base = father[:-1] + "ов"
    else:
        base = father + "ов"
    return base + ("на" if female else "ич")


def belarusian_surname(surname: str) -> str:
    for old, new in (("енко", "енка"), ("ов", "оў"), ("ев", "еў"), ("ский", "скі"), ("ин", "ін")):
        if surname.endswith(old):
            return (surname[: -len(old)] + new).replace("и", "і")
    return surname.replace("и", "і")


def random_date(rng: random.Random, start: int = 1945, end: int = 2004) -> str:
    return f"{rng.randint(start, end)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def make_person(rng: random.Random, index: int) -> Person:
    roll = rng.random()
    dob = random_date(rng)
    pid = f"P{index:07d}"
    if roll < 0.45 or roll >= 0.93:
        female = rng.random() < 0.3
        given = rng.choice(SLAVIC_FEMALE if female else SLAVIC_MALE)
        stem, suffix = rng.choice(SLAVIC_STEMS), rng.choice(SLAVIC_SUFFIXES)
        surname = stem + suffix
        if female and suffix in ("ов", "ев", "ин"):
            surname += "а"
        if female and suffix == "ский":
            surname = surname[:-2] + "ая"
        patronymic = patronymic_of(rng.choice(SLAVIC_MALE), female)
        if roll >= 0.93 and given in BELARUSIAN_GIVEN:
            by_given, by_surname = BELARUSIAN_GIVEN[given], belarusian_surname(surname)
            return Person(pid, "BY", surname, given, patronymic, belarusian_latin(by_surname),
                          belarusian_latin(by_given), "", dob, "BY", "belarusian",
                          extra_names=[f"{by_given} {by_surname}"])  # fmt: skip
        return Person(pid, "RU", surname, given, patronymic, icao(surname), icao(given),
                      icao(patronymic), dob, rng.choice(["RU", "RU", "UA", "BY"]), "slavic")  # fmt: skip
    if roll < 0.65:
        given = rng.choice(KAZAKH_GIVEN)
        surname = rng.choice(KAZAKH_STEMS) + rng.choice(["ов", "ев", "бетов", "баев"])
        patronymic = patronymic_of(rng.choice(KAZAKH_GIVEN[:14]), False)
        return Person(pid, "KZ", surname, given, patronymic, icao(surname), icao(given),
                      icao(patronymic), dob, "KZ", "kazakh")  # fmt: skip
    if roll < 0.83:
        given = rng.choice(CENTRAL_GIVEN)
        surname = rng.choice(CENTRAL_STEMS) + rng.choice(["ов", "ев", "зода", "ов"])
        state = rng.choice(["KG", "TJ", "UZ"])
        latin_scheme = "uz" if state == "UZ" else "icao_doc_9303"
        latin = iuliia.schemas.get(latin_scheme)
        return Person(pid, state, surname, given, "", latin.translate(surname),
                      latin.translate(given), "", dob, state, "central")  # fmt: skip
    given = rng.choice(ARMENIAN_GIVEN)
    surname = rng.choice(ARMENIAN_SURNAMES)
    return Person(pid, "AM", surname, given, "", armenian_latin(surname), armenian_latin(given),
                  "", dob, "AM", "armenian",
                  extra_names=[f"{armenian_russian(given)} {armenian_russian(surname)}"])  # fmt: skip


def build_register(n: int, seed: int = 1) -> list[Person]:
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not a secret
    people = [make_person(rng, i) for i in range(n)]
    for i, (state, surname, given, patronymic, dob) in enumerate(OFFICIALS):
        people.append(Person(f"OFF{i:03d}", state, surname, given, patronymic, icao(surname),
                             icao(given), icao(patronymic), dob, state, "official"))  # fmt: skip
    for i, (surname, given, dob) in enumerate(ARMENIAN_OFFICIALS):
        people.append(Person(f"OFFA{i:02d}", "AM", surname, given, "", armenian_latin(surname),
                             armenian_latin(given), "", dob, "AM", "official",
                             extra_names=[f"{armenian_russian(given)} {armenian_russian(surname)}"]))  # fmt: skip
    return people


def typo(rng: random.Random, word: str) -> str:
    if len(word) < 5:
        return word
    i = rng.randint(1, len(word) - 2)
    kind = rng.choice(["sub", "del", "ins", "swap"])
    letters = "aeioukrstnlmv"
    if kind == "sub":
        return word[:i] + rng.choice(letters) + word[i + 1 :]
    if kind == "del":
        return word[:i] + word[i + 1 :]
    if kind == "ins":
        return word[:i] + rng.choice(letters) + word[i:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def swap_day_month(dob: str) -> str:
    year, month, day = dob.split("-")
    if int(day) > 12:
        return dob
    return f"{year}-{day}-{month}"


BACK = {"kh": "х", "zh": "ж", "ch": "ч", "sh": "ш", "ts": "ц", "iu": "ю", "ia": "я", "yu": "ю", "ya": "я"}  # fmt: skip
SINGLE = dict(zip("abvgdezijklmnoprstufhy", "абвгдезийклмнопрстуфхы", strict=True))


def back_to_cyrillic(latin: str) -> str:
    """A clerk's naive re-spelling of a Latin passport name in Cyrillic."""
    text, out, i = latin.lower(), [], 0
    while i < len(text):
        pair = text[i : i + 2]
        if pair in BACK:
            out.append(BACK[pair])
            i += 2
            continue
        out.append(SINGLE.get(text[i], text[i]))
        i += 1
    return "".join(out).capitalize()


def positives_for(rng: random.Random, p: Person) -> list[LabelledQuery]:
    out: list[LabelledQuery] = []

    def add(text: str, category: str, dob: str | None = None) -> None:
        out.append(LabelledQuery(text, dob, None, p.id, category))

    dob = p.birth_date if rng.random() < 0.7 else None
    if p.kind in ("slavic", "kazakh", "official", "central"):
        scheme = rng.choice(SCHEMES)
        translit = iuliia.schemas.get(scheme)
        parts = [p.given, p.patronymic, p.surname] if rng.random() < 0.5 else [p.given, p.surname]
        add(
            " ".join(translit.translate(x.replace("ё", "е")) for x in parts if x),
            f"scheme:{scheme}",
            dob,
        )
        add(f"{p.surname} {p.given} {p.patronymic}".strip(), "cyrillic original", dob)
        add(f"{p.surname_latin.upper()}<<{p.given_latin.upper()}", "mrz", dob)
        add(f"{p.surname_latin}, {p.given_latin}", "surname first", dob)
        add(
            f"{back_to_cyrillic(p.given_latin)} {back_to_cyrillic(p.surname_latin)}",
            "back-transliteration",
            dob,
        )
    if p.kind == "belarusian":
        add(f"{p.given_latin} {p.surname_latin}", "belarusian passport", dob)
        add(p.extra_names[0], "belarusian cyrillic", dob)
        add(f"{icao(p.given)} {icao(p.surname)}", "russian icao of a belarusian", dob)
    if p.kind == "armenian" or (p.extra_names and p.state == "AM"):
        add(f"{p.given_latin} {p.surname_latin}", "armenian passport", dob)
        add(p.extra_names[0], "armenian in russian", dob)
        add(f"{p.surname} {p.given}", "armenian original", dob)
    words = [p.given_latin, p.surname_latin]
    j = rng.randrange(2)
    words[j] = typo(rng, words[j])
    add(" ".join(words), "typo", dob)
    if p.birth_date and swap_day_month(p.birth_date) != p.birth_date:
        add(f"{p.given_latin} {p.surname_latin}", "day-month swapped", swap_day_month(p.birth_date))
    return out


def rough(latin: str) -> str:
    """Lower case, y as i, kh as h, doubled letters once: spellings no reviewer tells apart."""
    text = latin.lower().replace("y", "i").replace("kh", "h")
    return "".join(c for i, c in enumerate(text) if i == 0 or c != text[i - 1])


def build_queries(
    register: list[Person], n_listed: int, n_negative: int, seed: int = 2
) -> list[LabelledQuery]:
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not a secret
    queries: list[LabelledQuery] = []
    officials = [p for p in register if p.kind == "official"]
    sample = officials + rng.sample(register, min(n_listed, len(register)))
    for person in sample:
        queries.extend(positives_for(rng, person))
    listed_pairs = {(p.given, p.surname) for p in register}
    latin_pairs = {(p.given_latin.lower(), p.surname_latin.lower()) for p in register}
    years: dict[tuple[str, str], list[int]] = {}
    surnames_of: dict[str, list[str]] = {}
    for person in register:
        years.setdefault((person.given, person.surname), []).append(int(person.birth_date[:4]))
        if person.kind != "armenian":
            surnames_of.setdefault(person.given, []).append(rough(icao(person.surname)))

    def one_typo_from_a_listed_person(given: str, surname: str) -> bool:
        """Within one edit (in a rough ICAO spelling) of a listed person of the same given name (in
        Cyrillic): a reviewer could not tell
        it from a typo, so it is not a clean negative (the label would be noise)."""
        listed = surnames_of.get(given, [])
        return (
            process.extractOne(rough(surname), listed, scorer=Levenshtein.distance, score_cutoff=1)
            is not None
        )

    negatives: list[LabelledQuery] = []
    while len(negatives) < n_negative:
        roll = rng.random()
        p = rng.choice(register)
        if roll < 0.3:
            year = int(p.birth_date[:4]) + rng.choice([-1, 1]) * rng.randint(6, 25)
            other = f"{year}-{p.birth_date[5:]}"
            if any(abs(year - y) < 5 for y in years[(p.given, p.surname)]):
                continue  # a listed namesake born near that year: not a negative
            negatives.append(
                LabelledQuery(
                    f"{p.given_latin} {p.surname_latin}",
                    other,
                    None,
                    None,
                    "namesake, other birth year",
                )
            )
        elif roll < 0.6:
            pool = SLAVIC_MALE if p.kind in ("slavic", "official") else KAZAKH_GIVEN + CENTRAL_GIVEN
            given = rng.choice(pool)
            if (given, p.surname) in listed_pairs or given == p.given:
                continue
            if one_typo_from_a_listed_person(given, icao(p.surname)):
                continue
            dob = random_date(rng) if rng.random() < 0.5 else None
            negatives.append(
                LabelledQuery(
                    f"{icao(given)} {p.surname_latin}",
                    dob,
                    None,
                    None,
                    "same surname, other given name",
                )
            )
        elif roll < 0.85:
            given, stem = rng.choice(SLAVIC_MALE), rng.choice(SLAVIC_STEMS)
            surname = stem + rng.choice(["ян", "ецкий", "овский", "ашвили", "ейко", "иди"])
            if (icao(given).lower(), icao(surname).lower()) in latin_pairs:
                continue
            if one_typo_from_a_listed_person(given, icao(surname)):
                continue
            dob = random_date(rng) if rng.random() < 0.5 else None
            negatives.append(
                LabelledQuery(f"{icao(given)} {icao(surname)}", dob, None, None, "unlisted person")
            )
        else:
            negatives.append(
                LabelledQuery(
                    rng.choice(NEIGHBOURS),
                    random_date(rng) if rng.random() < 0.5 else None,
                    None,
                    None,
                    "neighbouring country",
                )
            )
    return queries + negatives
