"""Writing outputs atomically: a temporary file beside the target, then one rename."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from cchc_sheets.errors import OutputError, Words

Replaceable = Callable[[Path], bool]


def is_cchc_summary(path: Path) -> bool:
    """True for a summary workbook that ``cchc check`` wrote (it carries cchc_* properties)."""
    from cchc_sheets.render.properties import is_summary

    return is_summary(path)


def check_output_path(output: Path, *inputs: Path | None,
                      may_replace: Replaceable | None = None) -> None:
    """Refuse an output whose folder is missing, that is one of the inputs, or (with
    ``may_replace``) an existing file that ``may_replace`` does not allow to be replaced."""
    output = Path(output)
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError("output-dir-missing", str(folder))
    if output.is_dir():
        raise OutputError("output-not-writable", str(output), detail=Words("là thư mục", "a folder"))
    for source in inputs:
        if source is None:
            continue
        try:
            same = output.exists() and source.exists() and os.path.samefile(output, source)
        except OSError:
            same = False
        if same or output.resolve() == source.resolve():
            raise OutputError("output-is-input", str(output))
    if may_replace is not None and output.exists() and not may_replace(output):
        raise OutputError("output-exists", str(output))


@contextlib.contextmanager
def atomic_output(output: Path, *inputs: Path | None,
                  may_replace: Replaceable | None = None) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``output`` in one step.

    On any failure the temporary file is removed and ``output`` is left as it was.
    """
    output = Path(output)
    check_output_path(output, *inputs, may_replace=may_replace)
    folder = output.parent if str(output.parent) else Path(".")
    import tempfile

    try:
        handle, name = tempfile.mkstemp(prefix=".~cchc-", suffix=output.suffix, dir=folder)
    except OSError as exc:
        raise OutputError("output-not-writable", str(output), detail=exc.strerror or exc) from exc
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        try:
            os.replace(temp, output)
        except OSError as exc:
            raise OutputError(
                "output-not-writable", str(output), detail=exc.strerror or exc
            ) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
