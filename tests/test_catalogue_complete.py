"""The English interface is complete: no msgid without English, no fuzzy guess, nothing left out.

Half-translated reads worse than none (issue 15), so `make test` fails on an untranslated or fuzzy
entry of locale/en/LC_MESSAGES/django.po, on a string of the code or templates missing from it (a
translate tag added without `make messages`), and on a compiled .mo older than the .po. polib reads
the catalogues as gettext writes them (plural entries, wrapped lines, flags).
"""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

LOCALE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"


def _catalogue() -> polib.POFile:
    return polib.pofile(str(LOCALE / "django.po"))


def _is_translated(entry: polib.POEntry) -> bool:
    if entry.msgid_plural:
        return all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def catalogue_problems(catalogue: polib.POFile) -> list[str]:
    """What makes the English interface incomplete: each untranslated and each fuzzy msgid."""
    entries = [e for e in catalogue if not e.obsolete]
    return [f"untranslated: {e.msgid}" for e in entries if not _is_translated(e)] + [
        f"fuzzy: {e.msgid}" for e in entries if e.fuzzy
    ]


def test_every_english_entry_is_translated_and_none_is_fuzzy():
    problems = catalogue_problems(_catalogue())
    assert problems == [], f"{len(problems)} entries to finish (make messages):\n" + "\n".join(problems[:40])


def test_the_check_names_untranslated_plural_and_fuzzy_entries():
    sample = polib.pofile(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Trang chủ"\nmsgstr "Home"\n\n'
        'msgid "Lưu"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Sửa hồ sơ"\nmsgstr "Edit"\n\n'
        'msgid "%(n)s đơn vị"\nmsgid_plural "%(n)s đơn vị"\nmsgstr[0] "%(n)s unit"\nmsgstr[1] ""\n'
    )
    assert catalogue_problems(sample) == [
        "untranslated: Lưu",
        "untranslated: %(n)s đơn vị",
        "fuzzy: Sửa hồ sơ",
    ]


def test_the_compiled_catalogue_matches_the_po():
    compiled = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in polib.mofile(str(LOCALE / "django.mo"))
    }
    source = {
        (e.msgctxt, e.msgid): e.msgstr or {int(k): v for k, v in e.msgstr_plural.items()}
        for e in _catalogue().translated_entries()
    }
    compiled = {
        key: ({int(k): v for k, v in value.items()} if isinstance(value, dict) else value)
        for key, value in compiled.items()
    }
    stale = sorted(
        str(key[1]) for key in source.keys() | compiled.keys() if source.get(key) != compiled.get(key)
    )
    assert stale == [], f"django.mo differs from django.po (make messages): {stale[:20]}"


@pytest.fixture
def extracted(tmp_path, monkeypatch) -> polib.POFile:
    """The catalogue makemessages would write now from the code and templates, into tmp_path only.

    makemessages writes beside any `locale` folder under the working directory, so it runs in a
    folder of links to the project's sources (without locale/, tests/, bench/, .venv).
    """
    source = tmp_path / "src"
    source.mkdir()
    for entry in Path(settings.BASE_DIR).iterdir():
        if entry.name not in {"locale", "tests", "bench", "static", "media"} and not entry.name.startswith(
            "."
        ):
            (source / entry.name).symlink_to(entry)
    (tmp_path / "locale" / "en" / "LC_MESSAGES").mkdir(parents=True)
    monkeypatch.chdir(source)
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        call_command("makemessages", locale=["en"], symlinks=True, verbosity=0)
    return polib.pofile(str(tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po"))


def test_every_string_of_the_code_and_templates_is_in_the_english_catalogue(extracted):
    translated = {(e.msgctxt, e.msgid) for e in _catalogue() if not e.obsolete and _is_translated(e)}
    missing = sorted(
        f"{e.msgid!r} ({e.occurrences[0][0]}:{e.occurrences[0][1]})"
        for e in extracted
        if (e.msgctxt, e.msgid) not in translated
    )
    assert missing == [], (
        f"{len(missing)} strings not in the English catalogue (make messages):\n" + "\n".join(missing)
    )
