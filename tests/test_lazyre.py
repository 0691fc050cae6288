"""A pattern compiled when first used behaves as the compiled one."""

from __future__ import annotations

import re

from cchc_sheets.lazyre import lazy


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    for make in (lazy, re.compile):
        pattern = make(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})", re.I)
        assert make is re.compile or "compiled" not in vars(pattern)
        assert pattern.fullmatch("30/6") and pattern.fullmatch("30/6")["m"] == "6"  # type: ignore[index]
        assert pattern.search("hạn 1/2")[0] == "1/2"  # type: ignore[index]
        assert pattern.sub("x", "1/2 và 3/4") == "x và x"
        assert pattern.split("a 1/2 b") == ["a ", "1", "2", " b"]
        assert [m[0] for m in pattern.finditer("1/2 3/4")] == ["1/2", "3/4"]
        assert pattern.findall("1/2") == [("1", "2")]
        assert (pattern.pattern, pattern.groups, pattern.groupindex["d"]) == \
            (r"(?P<d>\d{1,2})/(?P<m>\d{1,2})", 2, 1)
    data = lazy(rb"<c\b")
    assert data.search(b"<row><c r='A1'>").start() == 5  # type: ignore[union-attr]


def test_nothing_is_compiled_before_it_is_used() -> None:
    pattern = lazy(r"[")  # a bad pattern fails where it is used, not at import
    try:
        pattern.search("x")
    except re.error:
        pass
    else:
        raise AssertionError("the pattern was not compiled")
