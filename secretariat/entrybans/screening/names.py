"""Given names that are one name across the region's languages (Александр = Аляксандр = Олександр
= Alexander), so that screening can say "same given name" where spellings share few letters.

Use `symbols_of(word)`: the group keys of every group the word's skeletons fall in (usually none or
one). Each group lists the Russian, Belarusian, Ukrainian and common Latin forms; the Cyrillic ones
are romanised by every scheme when the table is built. Surnames are not grouped here: their
Belarusian and Russian forms (-enka/-enko, -au/-ov) are handled as ending variants.

Two more questions the scorer asks of a given name:
- `is_translated(keys)`: is this spelling a translation into another language (John, Jan, Paul
  for Иван, Павел) rather than a romanisation? A passport romanises, so such a form alone is weaker
  evidence than a transliteration.
- `is_known_given(keys)`: is it one of the region's common given names (`REGION_GIVEN_NAMES`)? Two
  different known given names one letter apart (Egor and Igor, Arman and Armen) are two names, not
  a typo of one.
"""

from __future__ import annotations

from functools import lru_cache

GIVEN_NAME_GROUPS: dict[str, tuple[str, ...]] = {
    "alexander": ("Александр", "Аляксандр", "Олександр", "Alexander", "Aleksander", "Alexandre"),
    "alexandra": ("Александра", "Аляксандра", "Олександра", "Alexandra"),
    "alexei": ("Алексей", "Аляксей", "Олексій", "Alexei", "Alexis"),
    "anatoly": ("Анатолий", "Анатоль", "Анатолій"),
    "andrei": ("Андрей", "Андрэй", "Андрій", "Andrew", "Andrzej"),
    "anna": ("Анна", "Ганна", "Hanna", "Anne"),
    "boris": ("Борис", "Барыс"),
    "dmitry": ("Дмитрий", "Дзмітрый", "Дмитро", "Dimitri"),
    "elena": ("Елена", "Алена", "Олена", "Helen", "Helena", "Jelena"),
    "evgeny": ("Евгений", "Яўген", "Євген", "Eugene"),
    "efim": ("Ефим", "Яфім", "Юхим"),
    "fedor": ("Фёдор", "Фёдар", "Федір", "Theodor"),
    "filipp": ("Филипп", "Піліп", "Пилип", "Філіп"),
    "galina": ("Галина", "Галіна", "Halyna"),
    "georgy": ("Георгий", "Георгій", "Юрый", "George"),
    "grigory": ("Григорий", "Рыгор", "Григорій", "Gregory", "Grzegorz"),
    "igor": ("Игорь", "Ігар", "Ігор"),
    "irina": ("Ирина", "Ірына", "Ірина"),
    "ivan": ("Иван", "Іван", "Янка", "John", "Jan", "Johann"),
    "konstantin": ("Константин", "Канстанцін", "Костянтин", "Constantine"),
    "leonid": ("Леонид", "Леанід", "Леонід"),
    "lyudmila": ("Людмила", "Людміла"),
    "maria": ("Мария", "Марыя", "Марія", "Mary", "Marie"),
    "mikhail": ("Михаил", "Міхаіл", "Міхась", "Михайло", "Michael", "Michail"),
    "natalia": ("Наталья", "Наталля", "Наталія", "Natalie", "Nathalie"),
    "nikolai": ("Николай", "Мікалай", "Микола", "Nicholas", "Nikolaus"),
    "oleg": ("Олег", "Алег", "Олег"),
    "olga": ("Ольга", "Вольга", "Ольга", "Olha"),
    "pavel": ("Павел", "Павел", "Павло", "Paul", "Pawel"),
    "petr": ("Пётр", "Пятро", "Петро", "Peter", "Piotr"),
    "sergei": ("Сергей", "Сяргей", "Сергій"),
    "svetlana": ("Светлана", "Святлана", "Світлана"),
    "stepan": ("Степан", "Сцяпан", "Stephen"),
    "timofei": ("Тимофей", "Цімафей", "Тимофій"),
    "tatiana": ("Татьяна", "Таццяна", "Тетяна"),
    "vasily": ("Василий", "Васіль", "Василь"),
    "viktor": ("Виктор", "Віктар", "Віктор", "Victor"),
    "vladimir": ("Владимир", "Уладзімір", "Володимир", "Wladimir", "Włodzimierz"),
    "vyacheslav": ("Вячеслав", "Вячаслаў", "В'ячеслав"),
    "yakov": ("Яков", "Якаў", "Яків", "Jacob"),
    "yuri": ("Юрий", "Юрый", "Юрій", "Jerzy"),
    "muhammad": ("Мухаммад", "Мухаммед", "Магомед", "Мухамед", "Muhammad", "Mohammed", "Mohammad"),
}


# Forms in GIVEN_NAME_GROUPS that translate a name into another language instead of romanising it.
TRANSLATED_FORMS = frozenset(
    {
        "Alexandre", "Alexis", "Andrew", "Andrzej", "Anne", "Helen", "Helena", "Eugene", "Theodor",
        "George", "Gregory", "Grzegorz", "John", "Jan", "Johann", "Mary", "Marie", "Michael",
        "Natalie", "Nathalie", "Nicholas", "Nikolaus", "Paul", "Pawel", "Peter", "Piotr",
        "Stephen", "Jacob", "Jerzy", "Włodzimierz", "Constantine",
    }
)  # fmt: skip

# Common given names of the member states' peoples, one form each in the script of the language
# (variant spellings of one name are reached by the romanisation schemes and skeletons; spellings
# that are one name across languages are grouped above). Written for this table from common
# knowledge of the region's names; it is a list of names, not of persons. Written as lines of words
# because a list literal of 370 names would be 370 lines.
REGION_GIVEN_NAMES = (  # noqa: SIM905
    # Russian, Belarusian and Ukrainian, men
    "Александр Алексей Анатолий Андрей Антон Аркадий Арсений Артём Артур Богдан Борис Вадим "
    "Валентин Валерий Василий Вениамин Виктор Виталий Владимир Владислав Вячеслав Геннадий "
    "Георгий Герман Глеб Григорий Даниил Денис Дмитрий Евгений Егор Ефим Захар Иван Игнат Игорь "
    "Илья Иннокентий Кирилл Константин Лев Леонид Макар Максим Марк Матвей Михаил Назар Никита "
    "Николай Олег Павел Пётр Платон Роман Ростислав Руслан Савелий Святослав Семён Сергей "
    "Станислав Степан Тарас Тимофей Тимур Фёдор Филипп Эдуард Юлиан Юрий Яков Ярослав "
    "Аляксандр Аляксей Андрэй Дзмітрый Уладзімір Мікалай Сяргей Ігар Міхаіл Юрый Васіль Віктар "
    "Рыгор Янка Алесь Франц Язэп Павел Пятро Сцяпан Кастусь Зміцер Олександр Олексій Андрій "
    "Дмитро Володимир Микола Сергій Ігор Михайло Юрій Василь Віктор Петро Павло Тарас Богдан "
    # women
    "Алла Алина Алёна Алиса Анастасия Ангелина Анна Антонина Валентина Валерия Вера Вероника "
    "Виктория Галина Дарья Диана Ева Евгения Екатерина Елена Елизавета Жанна Зинаида Зоя Инна "
    "Ирина Кира Кристина Ксения Лариса Лидия Любовь Людмила Маргарита Марина Мария Надежда "
    "Наталья Нина Оксана Ольга Полина Раиса Светлана София Тамара Татьяна Ульяна Юлия Яна "
    "Ганна Вольга Святлана Таццяна Наталля Марыя Алена Ірына Кацярына Тетяна Олена Оксана "
    # Kazakh and Kyrgyz
    "Абай Айбек Айдар Айдос Алмаз Алмазбек Алтынбек Арман Асхат Аскар Асылбек Бакыт Бауыржан "
    "Бахыт Бекзат Болат Даурен Дархан Ерлан Ержан Ерболат Жандос Жанибек Жаксылык Кайрат "
    "Канат Касым Куаныш Мурат Мухтар Нурлан Нурбек Нурсултан Олжас Руслан Сагынтай Самат "
    "Серик Султан Талгат Тимур Улан Шерхан Эрлан Азамат Адилет Бакытбек Жээнбек Курманбек "
    "Кубанычбек Мелис Садыр Сооронбай Таалайбек Темир Улукбек Чынгыз Эмиль Эрмек "
    "Айгуль Айгерим Айжан Айнур Алия Асель Гульнара Гульмира Динара Жанар Жибек Зарина Карлыгаш "
    "Мадина Меруерт Назира Сауле Толкын Умут Чолпон Жылдыз Бермет Айпери Айсулуу "
    # Uzbek and Tajik
    "Алишер Азиз Акмал Анвар Ахмад Бахтиёр Бобур Давлат Джамшид Зафар Ильхом Исмоил Жасур "
    "Камол Лазиз Мансур Мирзо Нодир Одил Отабек Равшан Рустам Санжар Сардор Тохир Улугбек "
    "Фаррух Фарход Хуршид Шавкат Шерзод Шухрат Эркин Абдулло Бахром Далер Искандар Комрон "
    "Махмуд Мурод Наврӯз Рахмон Саид Сухроб Файзулло Фирдавс Хуршед Шамсиддин Эмомали "
    "Дилноза Гулнора Малика Мохира Нилуфар Севара Феруза Шахноза Зулфия Мавлюда Мехрибон "
    "Нигора Парвина Тахмина Фарангис Шабнам "
    # Armenian
    "Արամ Արմեն Արսեն Արթուր Աշոտ Բագրատ Գագիկ Գևորգ Դավիթ Եղիշե Էդգար Էդուարդ Թաթուլ "
    "Կարեն Համլետ Հայկ Հովհաննես Հրաչ Մհեր Միքայել Նարեկ Նիկոլ Ռոբերտ Սամվել Սարգիս Սերժ "
    "Սեյրան Սուրեն Վահագն Վահան Վարդան Տիգրան Արա Լևոն "
    "Անահիտ Անի Արմինե Աստղիկ Գայանե Լիլիթ Լուսինե Մարինե Նունե Սիրանուշ Սոնա Տաթևիկ Քնարիկ"
).split()


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    from secretariat.entrybans.screening.normalize import skeletons

    table: dict[str, set[str]] = {}
    for group, forms in GIVEN_NAME_GROUPS.items():
        for form in (group, *forms):
            for key in skeletons(form):
                table.setdefault(key, set()).add(group)
    return {key: frozenset(groups) for key, groups in table.items()}


def symbols_of(keys: frozenset[str]) -> frozenset[str]:
    """The given-name groups any of these skeletons belongs to."""
    table = _table()
    found: set[str] = set()
    for key in keys:
        found |= table.get(key, frozenset())
    return frozenset(found)


@lru_cache(maxsize=1)
def _translated_keys() -> frozenset[str]:
    """Skeletons only a translated form has (none a romanisation of the group's own forms gives)."""
    from secretariat.entrybans.screening.normalize import skeletons

    translated: set[str] = set()
    romanised: set[str] = set()
    for group, forms in GIVEN_NAME_GROUPS.items():
        for form in (group, *forms):
            (translated if form in TRANSLATED_FORMS else romanised).update(skeletons(form))
    return frozenset(translated - romanised)


@lru_cache(maxsize=1)
def _known_keys() -> frozenset[str]:
    from secretariat.entrybans.screening.normalize import skeletons

    keys: set[str] = set()
    for form in REGION_GIVEN_NAMES:
        keys |= skeletons(form)
    for group, forms in GIVEN_NAME_GROUPS.items():
        for form in (group, *forms):
            keys |= skeletons(form)
    return frozenset(keys)


def is_translated(keys: frozenset[str]) -> bool:
    """Is every reading of this word a translated form (Jan, John for Иван), none a romanisation?"""
    return bool(keys) and keys <= _translated_keys()


@lru_cache(maxsize=1)
def _known_belarusian_keys() -> frozenset[str]:
    return frozenset(_belarusian_vowels(k) for k in _known_keys() if len(k) >= 5)


def _belarusian_vowels(key: str) -> str:
    # As `records.akanye_keys`: Belarusian writes the unstressed о as а (Паліна for Полина).
    return key.replace("ia", "e").replace("o", "a")


def is_known_given(keys: frozenset[str]) -> bool:
    """Is some reading of this word one of the region's common given names, or its Belarusian
    spelling (Palina, Paviel)?"""
    if not keys.isdisjoint(_known_keys()):
        return True
    known = _known_belarusian_keys()
    return any(_belarusian_vowels(k) in known for k in keys if len(k) >= 5)
