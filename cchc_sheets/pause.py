"""Pausing Python's cycle collector while a batch of objects is built.

Reading a 30,000-task plan makes millions of small objects (cells, tasks, report dicts, and
XlsxWriter's cell tuples), none of them in reference cycles that must be freed early. With the
collector running, each full collection walks the whole growing heap: about a tenth of a large
check's time. Reference counting still frees everything as usual; the collector runs again when
the block ends.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["no_cyclic_gc"]


@contextlib.contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Disable the cycle collector inside the block; restore its state after (nesting is fine)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
