"""The Russian catalogs are complete: every string the code and the templates mark for translation
has a Russian translation, with no fuzzy or untranslated entry, every plural in Russian's three
forms, and the same placeholders as the English. `make catalogs` runs this file alone (it needs no
database); `make check` runs it before the suite."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

from secretariat.core.management.commands.compile_catalogs import catalog_files

# Russian's three forms (1, 21 …; 2–4, 22–24 …; 5–20, 25 …), as GNU gettext writes them; the
# catalogs Django's makemessages starts from add a fourth form for fractions, which is accepted.
RUSSIAN_PLURALS = {
    "nplurals=3;plural=(n%10==1&&n%100!=11?0:n%10>=2&&n%10<=4&&(n%100<10||n%100>=20)?1:2);",
    "nplurals=4;plural=(n%10==1&&n%100!=11?0:n%10>=2&&n%10<=4&&(n%100<12||n%100>14)?1:"
    "n%10==0||(n%10>=5&&n%10<=9)||(n%100>=11&&n%100<=14)?2:3);",
}
GETTEXT_CALLS = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy"}
CONTEXT_CALLS = {"pgettext", "pgettext_lazy", "npgettext", "npgettext_lazy"}
TRANSLATE_TAG = re.compile(r"""{% (?:translate|trans) (["'])(.+?)\1(?: context (["'])(.+?)\3)?""")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|{{ *(\w+) *}}")

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _russian_catalogs() -> list[Path]:
    return [path for path in catalog_files() if "/ru/" in str(path)]


def _translated() -> set[tuple[str, str]]:
    return {
        (entry.msgctxt or "", entry.msgid)
        for path in _russian_catalogs()
        for entry in polib.pofile(str(path))
        if entry.translated()
    }


def _marked_in_python() -> set[tuple[str, str]]:
    """(context, msgid) of every literal string passed to gettext and friends in our code."""
    found: set[tuple[str, str]] = set()
    for path in Path(settings.PACKAGE_DIR).rglob("*.py"):
        if "/tests/" in str(path) or "/migrations/" in str(path):
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            args = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
            if node.func.id in GETTEXT_CALLS and args and isinstance(args[0], str):
                found.add(("", args[0]))
            elif node.func.id in CONTEXT_CALLS and len(args) > 1 and isinstance(args[1], str):
                found.add((str(args[0]), args[1]))
    return found


def _marked_in_templates() -> set[tuple[str, str]]:
    return {
        (match.group(4) or "", match.group(2))
        for path in Path(settings.PACKAGE_DIR).rglob("templates/**/*.html")
        for match in TRANSLATE_TAG.finditer(path.read_text())
    }


@pytest.mark.parametrize("path", _russian_catalogs(), ids=lambda p: str(p.parent.parent.parent))
def test_a_catalog_is_fully_translated_with_no_fuzzy_entry(path: Path) -> None:
    catalog = polib.pofile(str(path))
    assert not catalog.fuzzy_entries(), [e.msgid for e in catalog.fuzzy_entries()]
    assert not catalog.untranslated_entries(), [e.msgid for e in catalog.untranslated_entries()]
    assert catalog.percent_translated() == 100
    plurals = [entry for entry in catalog if entry.msgid_plural]
    header = catalog.metadata.get("Plural-Forms", "").replace(" ", "")
    assert header in RUSSIAN_PLURALS, header
    count = int(header.split(";")[0].split("=")[1])
    for entry in plurals:
        forms = [entry.msgstr_plural.get(i, "") for i in range(count)]
        assert all(forms), f"{entry.msgid!r} needs every Russian plural form: {forms}"


@pytest.mark.parametrize("path", _russian_catalogs(), ids=lambda p: str(p.parent.parent.parent))
def test_a_translation_keeps_the_placeholders_of_its_english(path: Path) -> None:
    for entry in polib.pofile(str(path)):
        # Every Russian form of a plural names the count: form 0 also serves 21, 31, …
        english = {a or b for a, b in PLACEHOLDER.findall(entry.msgid_plural or entry.msgid)}
        translations = [entry.msgstr] if not entry.msgid_plural else entry.msgstr_plural.values()
        for russian in translations:
            assert {a or b for a, b in PLACEHOLDER.findall(russian)} == english, entry.msgid


def test_every_string_marked_for_translation_has_its_russian() -> None:
    missing = (_marked_in_python() | _marked_in_templates()) - _translated()
    assert not missing, f"run makemessages and translate: {sorted(missing)}"
