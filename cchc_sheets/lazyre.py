"""Regular expressions compiled when first used.

Compiling a pattern costs a tenth of a millisecond or more (``re`` parses it in Python), and
every command starts a new process: the patterns of a module are mostly for the odd cell, file
or phrase, never met on a normal run. :func:`lazy` gives an object that behaves as the compiled
pattern and compiles it on the first use; after that its methods are the pattern's own.
"""

from __future__ import annotations

import re
from typing import Any, cast, overload

_METHODS = ("match", "fullmatch", "search", "sub", "subn", "split", "finditer", "findall")


class _Lazy:
    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        # only called for what the instance does not hold: the methods once compiled, and
        # the pattern's other attributes (.pattern, .groups…) from the one compiled pattern
        compiled = self.__dict__.get("compiled")
        if compiled is None:
            pattern: Any = self._args[0]
            compiled = self.__dict__["compiled"] = re.compile(pattern, self._args[1])
            for method in _METHODS:
                setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self._args[0]!r})"


@overload
def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]: ...
@overload
def lazy(pattern: bytes, flags: int = 0) -> re.Pattern[bytes]: ...
def lazy(pattern: str | bytes, flags: int = 0) -> re.Pattern[Any]:  # noqa: E302
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[Any]", _Lazy(pattern, flags))
