"""The one catalogue of the two languages (catalogue.py): every key resolves in both languages,
Vietnamese is NFC, no key is defined twice, and the wrappers (``label``, ``render``, ``screen``,
``words``, the e-mail's ``wording.words`` and ``wording.fill``) give, for every key, the text
they gave before the catalogue (a snapshot taken then: tests/fixtures/catalogue_snapshot.json)."""

from __future__ import annotations

import json
import re
import string
import unicodedata
from pathlib import Path

import pytest

from cchc_sheets import catalogue, cli_text, messages
from cchc_sheets.deliver import wording
from cchc_sheets.render import labels, template_text, terminal

SNAPSHOT = Path(__file__).parent / "fixtures" / "catalogue_snapshot.json"


def _fields(*templates: str) -> list[str]:
    names: list[str] = []
    for template in templates:
        for _, name, _, _ in string.Formatter().parse(template):
            if name and name not in names:
                names.append(name)
    return names


def _argsets(vi: str, en: str) -> list[dict[str, object]]:
    names = _fields(vi, en)
    if not names:
        return [{}]
    return [{n: 1 for n in names}, {n: 2 for n in names}, {n: "x" for n in names}]


def _now() -> dict[str, object]:
    """What the wrappers give today, keyed as the snapshot is."""
    out: dict[str, object] = {}
    for lang in ("vi", "en"):
        for key, (vi, en) in labels.LABELS.items():
            for a in _argsets(vi, en):
                out[f"label|{key}|{lang}|{json.dumps(a, sort_keys=True)}"] = \
                    labels.label(key, lang, **a)
        for key, (vi, en) in messages.MESSAGES.items():
            for a in [*_argsets(vi, en), {}]:
                out[f"render|{key}|{lang}|{json.dumps(a, sort_keys=True)}"] = \
                    messages.render(key, lang, **a)
        out[f"render|no-such-code|{lang}|{{}}"] = messages.render("no-such-code", lang)
        for key, (vi, en) in messages.SCREEN.items():
            for a in [*_argsets(vi, en), {}]:
                out[f"screen|{key}|{lang}|{json.dumps(a, sort_keys=True)}"] = \
                    messages.screen(key, lang, **a)
    for key, (vi, en) in messages.WORDS.items():
        for a in _argsets(vi, en):
            w = messages.words(key, **a)
            out[f"words|{key}|both|{json.dumps(a, sort_keys=True)}"] = [w.vi, w.en]
    bodies = {"summary-subject": wording.SUMMARY_SUBJECT, "summary-body": wording.SUMMARY_BODY,
              "unit-subject": wording.UNIT_SUBJECT, "unit-body": wording.UNIT_BODY}
    for lang in ("vi", "en"):
        for key, (vi, en) in wording.WORDS.items():
            for a in _argsets(vi, en):
                out[f"mail|{key}|{lang}|{json.dumps(a, sort_keys=True)}"] = \
                    wording.words(key, lang, **a)
        for key, pair in bodies.items():
            for a in _argsets(*pair):
                out[f"mail-fill|{key}|{lang}|{json.dumps(a, sort_keys=True)}"] = \
                    wording.fill(pair, lang, **a)
    return out


def test_wrappers_give_the_text_they_gave_before() -> None:
    before = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    now = _now()
    assert set(now) >= set(before)  # no key lost
    changed = {k: (before[k], now[k]) for k in before if now[k] != before[k]}
    assert not changed


TABLES = (("label", labels.LABELS), ("msg", messages.MESSAGES), ("screen", messages.SCREEN),
          ("words", messages.WORDS), ("mail", wording.WORDS), ("template", template_text.TEXTS),
          ("terminal", terminal.TEXT), ("help", cli_text.HELP))


def test_every_table_is_in_the_catalogue() -> None:
    everything = catalogue.load_all()
    assert {namespace for namespace, _ in TABLES} == set(catalogue.OWNERS)
    for namespace, table in TABLES:
        for key, pair in table.items():
            assert everything[f"{namespace}:{key}"] is pair
    assert len(everything) == sum(len(table) for _, table in TABLES)


def test_every_key_resolves_in_both_languages_and_vietnamese_is_nfc() -> None:
    for key, (vi, en) in catalogue.load_all().items():
        assert vi and en, key
        assert unicodedata.is_normalized("NFC", vi), key
        assert unicodedata.is_normalized("NFC", en), key
        args = {n: 2 for n in _fields(vi, en)}
        if key.startswith("words:"):
            assert all(catalogue.both(key, **args)), key
            continue
        for lang in ("vi", "en"):
            assert catalogue.say(key, lang, **args), (key, lang)


def test_no_key_is_defined_twice() -> None:
    catalogue.load_all()
    with pytest.raises(ValueError, match="defined twice"):
        catalogue.extend("label", {"sheet.overview": ("Khác", "Other")})
    assert catalogue.say("label:sheet.overview", "en") == "Overview"


def test_say_is_the_lookup_behind_the_wrappers() -> None:
    assert catalogue.say("label:line.tasks", "en", count=1) == "1 task"
    assert catalogue.say("label:line.tasks", "en", count=3) == "3 tasks"
    assert catalogue.say("label:line.tasks", "vi", count=3) == "3 nhiệm vụ"
    assert catalogue.say("msg:no-such-code", "en") == "no-such-code: ?"  # a missing field is "?"
    with pytest.raises(KeyError):
        catalogue.say("label:no-such-label", "vi")


# choosing words by the language in place: what the catalogue's one lookup (say) replaces
_LANGUAGE_BRANCH = re.compile(r'\blang\s*[!=]=\s*"|\bpick\(|\bin_language\(|startswith\("en"\)')


def test_no_command_or_writer_branches_on_the_language() -> None:
    """The commands, the writers (screen, JSON, workbooks, e-mail, the Word import) and the
    flags' table take their words from the catalogue; none picks a language itself."""
    package = Path(catalogue.__file__).parent
    files = [package / "cli.py", package / "cli_text.py"]
    for stage in ("checking", "render", "deliver", "word"):
        files += sorted((package / stage).glob("*.py"))
    found = [f"{path.relative_to(package)}:{number}: {line.strip()}"
             for path in files
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if _LANGUAGE_BRANCH.search(line)]
    assert not found


def test_a_summary_names_its_language_by_the_one_rule() -> None:
    from cchc_sheets.text import LANGS, language

    assert [language(tag) for tag in ("en", "EN-gb", "english", "vi", "", None, "fr")] == \
        ["en", "en", "en", "vi", "vi", "vi", "vi"]
    assert set(map(language, LANGS)) == set(LANGS)
