"""One home for the two languages: every ``(vi, en)`` pair under one namespace, and one lookup.

Keys are ``"<namespace>:<key>"``: ``label:`` the words of the workbooks and the terminal
(:mod:`cchc_sheets.render.labels`), ``msg:`` problems and errors by code, ``screen:`` what the
commands print, ``words:`` pieces of messages (:mod:`cchc_sheets.messages`), ``mail:`` the pieces
of the e-mails (:mod:`cchc_sheets.deliver.wording`), ``template:`` the blank plan's words, its
guide sheet's rows included (:mod:`cchc_sheets.render.template_text`), ``terminal:`` the short
summary on the screen (:mod:`cchc_sheets.render.terminal`), ``help:`` the commands' help
(:mod:`cchc_sheets.cli_text`). The owners keep
their tables as data and hand them to :func:`define`, which refuses a key defined twice; every
lookup goes through :func:`say`. ``label()``, ``render()``, ``screen()`` and ``words()`` are thin
wrappers around it.

Filling in: English counts agree with the arguments (``"{n} task[s]"``,
:func:`cchc_sheets.text.english_plurals`). A ``strict`` namespace (labels, words) fills fields
with :meth:`str.format` and fails on a missing one; a lenient one (messages, screen) shows each
value with the namespace's ``show`` and a missing field as ``?``.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any

from cchc_sheets.text import in_language, pick

Pair = tuple[str, str]
Show = Callable[[Any, str], str]

CATALOGUE: dict[str, Pair] = {}
"""Every pair, by ``"namespace:key"``."""

# the module that defines each namespace, imported on the first look-up of one of its keys
OWNERS: dict[str, str] = {
    "label": "cchc_sheets.render.labels",
    "msg": "cchc_sheets.messages",
    "screen": "cchc_sheets.messages",
    "words": "cchc_sheets.messages",
    "mail": "cchc_sheets.deliver.wording",
    "template": "cchc_sheets.render.template_text",
    "terminal": "cchc_sheets.render.terminal",
    "help": "cchc_sheets.cli_text",
}


class _Namespace:
    __slots__ = ("defaults", "fallback", "show", "strict", "tables")

    def __init__(self, strict: bool, show: Show | None, defaults: Mapping[str, str],
                 fallback: Callable[[str], Pair] | None) -> None:
        self.strict = strict
        self.show = show
        self.defaults = dict(defaults)
        self.fallback = fallback
        self.tables: list[dict[str, Pair]] = []


_SPACES: dict[str, _Namespace] = {}


class _Defaulting(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "?"


_FORMATTER = string.Formatter()


def define(namespace: str, table: dict[str, Pair], *, strict: bool = True,
           show: Show | None = None, defaults: Mapping[str, str] | None = None,
           fallback: Callable[[str], Pair] | None = None) -> None:
    """Put ``table`` in the catalogue under ``namespace``; a key already defined is an error.

    The table stays its owner's: keys it gains later (``table.update``) are added with
    :func:`extend`."""
    space = _SPACES.get(namespace)
    if space is None:
        space = _SPACES[namespace] = _Namespace(strict, show, defaults or {}, fallback)
    space.tables.append(table)
    extend(namespace, table)


def extend(namespace: str, table: Mapping[str, Pair]) -> None:
    """Add the pairs of ``table`` to ``namespace`` (already :func:`define`-d)."""
    for key, pair in table.items():
        full = f"{namespace}:{key}"
        if full in CATALOGUE and CATALOGUE[full] is not pair:
            raise ValueError(f"catalogue key defined twice: {full}")
        CATALOGUE[full] = pair


def load_all() -> dict[str, Pair]:
    """The whole catalogue, every owner imported (for tests and tools)."""
    for owner in set(OWNERS.values()):
        import_module(owner)
    return CATALOGUE


def _space(namespace: str) -> _Namespace:
    space = _SPACES.get(namespace)
    if space is None:
        import_module(OWNERS[namespace])
        space = _SPACES[namespace]
    return space


def say(key: str, lang: str = "vi", /, **args: Any) -> str:
    """The text of ``key`` (``"namespace:key"``) in ``lang`` ("vi" or "en"), ``args`` filled in."""
    namespace, _, name = key.partition(":")
    space = _space(namespace)
    pair = CATALOGUE.get(key)
    if pair is None:
        for table in space.tables:  # a key its owner added after defining the table
            if name in table:
                pair = table[name]
                break
        else:
            if space.fallback is None:
                raise KeyError(key)
            pair = space.fallback(name)
    vi, en = pair
    if space.strict:
        if not args:
            return pick(pair, lang)
        return fill(pair, lang, **args)
    template = in_language(vi, en, lang, args)
    show = space.show
    values = _Defaulting({k: show(v, lang) if show else str(v) for k, v in args.items()})
    for field, value in space.defaults.items():
        values.setdefault(field, value)
    return _FORMATTER.vformat(template, (), values)


def fill(pair: Pair, lang: str, /, **args: Any) -> str:
    """A pair that is not looked up by key (a whole e-mail body) in ``lang``, filled as
    :func:`say` fills a strict namespace's text: English counts agree, a missing field fails."""
    return in_language(pair[0], pair[1], lang, args).format(**args)


def both(key: str, /, **args: Any) -> Pair:
    """The text of ``key`` in both languages, fields filled in (no plural agreement: as
    :func:`cchc_sheets.messages.words` always did)."""
    namespace, _, name = key.partition(":")
    _space(namespace)
    vi, en = CATALOGUE[key]
    return vi.format(**args), en.format(**args)
