"""Given names that are one name across the region's languages (Александр = Аляксандр = Олександр
= Alexander), so that screening can say "same given name" where spellings share few letters.

Use `symbols_of(word)`: the group keys of every group the word's skeletons fall in (usually none or
one). Each group lists the Russian, Belarusian, Ukrainian and common Latin forms; the Cyrillic ones
are romanised by every scheme when the table is built. Surnames are not grouped here: their
Belarusian and Russian forms (-enka/-enko, -au/-ov) are handled as ending variants.
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
    "fedor": ("Фёдор", "Фёдар", "Федір", "Theodor"),
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
    "tatiana": ("Татьяна", "Таццяна", "Тетяна"),
    "vasily": ("Василий", "Васіль", "Василь"),
    "viktor": ("Виктор", "Віктар", "Віктор", "Victor"),
    "vladimir": ("Владимир", "Уладзімір", "Володимир", "Wladimir", "Włodzimierz"),
    "vyacheslav": ("Вячеслав", "Вячаслаў", "В'ячеслав"),
    "yakov": ("Яков", "Якаў", "Яків", "Jacob"),
    "yuri": ("Юрий", "Юрый", "Юрій", "Jerzy"),
    "muhammad": ("Мухаммад", "Мухаммед", "Магомед", "Мухамед", "Muhammad", "Mohammed", "Mohammad"),
}


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
