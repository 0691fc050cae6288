"""Writing outputs atomically: a temporary file beside the target, then one rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from cchc_sheets.errors import OutputError


def check_output_path(output: Path, *inputs: Path | None) -> None:
    """Refuse an output whose folder is missing, or that is one of the inputs."""
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError("output-dir-missing", str(folder))
    for source in inputs:
        if source is None:
            continue
        try:
            same = output.exists() and source.exists() and os.path.samefile(output, source)
        except OSError:
            same = False
        if same or output.resolve() == source.resolve():
            raise OutputError("output-is-input", str(output))


@contextlib.contextmanager
def atomic_output(output: Path, *inputs: Path | None) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``output`` in one step.

    On any failure the temporary file is removed and ``output`` is left as it was.
    """
    output = Path(output)
    check_output_path(output, *inputs)
    folder = output.parent if str(output.parent) else Path(".")
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
