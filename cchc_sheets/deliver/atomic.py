"""Writing outputs atomically: a temporary file beside the target, then one rename.

The temporary file is hidden (``.~cchc-XXXXXXXX.xlsx``) and removed on every way out: an error,
Ctrl+C, SIGTERM or SIGHUP (see :func:`remove_on_signals`). One left by a process killed outright
(kill -9, a power cut) is removed by a later run writing into the same folder once it is older
than :data:`STALE_SECONDS`. Outputs get the permissions a new file gets (0666 less the umask),
so that others in the office can open a shared copy.

A summary workbook carries a digest of its own bytes (CRC-32 and length) in the zip archive's
comment (:func:`seal`): a summary opened and saved again in Excel, LibreOffice or openpyxl no
longer matches it (:func:`unchanged_summary`), and the next check writes beside it instead of
over it (:func:`beside_if_edited`). The digest tells an edit from no edit (a spreadsheet
program rewrites the whole archive); it is not a defence against forgery, and costs no import
(zlib is loaded already).
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import struct
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from cchc_sheets.errors import OutputError
from cchc_sheets.lazyre import lazy

__all__ = [
    "STALE_SECONDS",
    "atomic_output",
    "beside_if_edited",
    "check_output_path",
    "is_cchc_summary",
    "quiet_abandoned_zips",
    "remove_on_signals",
    "seal",
    "unchanged_summary",
    "write_error",
]

Replaceable = Callable[[Path], bool]

TEMP_PREFIX = ".~cchc-"
#: A temporary file of ours older than this (seconds) belongs to a run that was killed.
STALE_SECONDS = 15 * 60
_TEMP_NAME = lazy(r"\.~cchc-[a-z0-9_]{8}(?:\.[A-Za-z0-9]{1,8})?")
_SEAL = b"cchc-digest:"
_EOCD = b"PK\x05\x06"


def is_cchc_summary(path: Path) -> bool:
    """True for a summary workbook that ``cchc check`` wrote (it carries cchc_* properties)."""
    from cchc_sheets.render.properties import is_summary

    return is_summary(path)


def seal(path: Path) -> None:
    """Record the digest of the zip file ``path`` in its archive comment (it must have none)."""
    with open(path, "r+b") as f:
        data = f.read()
        at = len(data) - 22
        if at < 0 or data[at:at + 4] != _EOCD:
            return  # not a plain zip without a comment: left as it is
        comment = _SEAL + _digest(data)
        f.seek(at + 20)
        f.write(struct.pack("<H", len(comment)) + comment)


def unchanged_summary(path: Path) -> bool:
    """True when ``path`` is, byte for byte, a file that :func:`seal` sealed."""
    try:
        with open(path, "rb") as f:
            data = f.read(256 * 1024 * 1024)
    except OSError:
        return False
    length = len(_SEAL) + _DIGEST_LENGTH
    at = len(data) - 22 - length
    if at < 0 or data[at:at + 4] != _EOCD or data[at + 22:at + 22 + len(_SEAL)] != _SEAL:
        return False
    if struct.unpack_from("<H", data, at + 20)[0] != length:
        return False
    original = data[:at + 20] + b"\x00\x00"
    return _digest(original) == data[at + 22 + len(_SEAL):]


_DIGEST_LENGTH = 8 + 1 + 16


def _digest(data: bytes) -> bytes:
    """CRC-32 and length of ``data``: ``1a2b3c4d-00000000000094f1``."""
    import zlib

    return f"{zlib.crc32(data):08x}-{len(data):016x}".encode("ascii")


def beside_if_edited(output: Path) -> Path:
    """``output``, or when it is a summary edited since it was written, the first name beside
    it that is free or holds an unedited summary of ours (replaced as ``output`` would be):
    ``tong-hop-cchc-2025-06-30 (2).xlsx``."""
    output = Path(output)
    try:
        if not output.is_file() or unchanged_summary(output) or not is_cchc_summary(output):
            return output
    except OSError:
        return output
    for n in range(2, 1000):
        candidate = output.with_name(f"{output.stem} ({n}){output.suffix}")
        if not os.path.lexists(candidate) or unchanged_summary(candidate):
            return candidate
    return output


def check_output_path(output: Path, *inputs: Path | None,
                      may_replace: Replaceable | None = None) -> None:
    """Refuse an output that is not a regular file (a device, a pipe, a folder), whose folder
    is missing, that is one of the inputs, or (with ``may_replace``) an existing file that
    ``may_replace`` does not allow to be replaced."""
    from cchc_sheets.read.paths import inspect_output

    inspect_output(output, OutputError)
    output = Path(output)
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
    if may_replace is not None and output.exists() and not may_replace(output):
        raise OutputError("output-exists", str(output))


def remove_stale_temporaries(folder: Path, now: float | None = None) -> None:
    """Remove our own temporary files (``.~cchc-XXXXXXXX.ext``, regular files) older than
    :data:`STALE_SECONDS` from ``folder``; anything else is left alone. Never raises."""
    now = time.time() if now is None else now
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if not entry.name.startswith(TEMP_PREFIX) or not _TEMP_NAME.fullmatch(entry.name):
                    continue
                with contextlib.suppress(OSError):
                    if entry.is_file(follow_symlinks=False) and \
                            now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
                        os.unlink(entry.path)
    except OSError:
        return


def _new_file_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_error(output: Path, exc: OSError | Exception) -> OutputError:
    """The message for a failed write: the disk full, or what the system said."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return OutputError("output-disk-full", str(output))
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return OutputError("output-not-writable", str(output), detail=detail)


@contextlib.contextmanager
def atomic_output(output: Path, *inputs: Path | None,
                  may_replace: Replaceable | None = None) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``output`` in one step.

    On any failure the temporary file is removed and ``output`` is left as it was.
    """
    output = Path(output)
    check_output_path(output, *inputs, may_replace=may_replace)
    folder = output.parent if str(output.parent) else Path(".")
    remove_stale_temporaries(folder)
    import tempfile  # (imported here: start-up)

    temp: Path | None = None
    try:
        with _signals_held():  # a SIGTERM now is handled once ``temp`` is known
            try:
                handle, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=output.suffix,
                                                dir=folder)
            except OSError as exc:
                raise write_error(output, exc) from exc
            temp = Path(name)
            os.close(handle)
        yield temp
        try:
            os.chmod(temp, _new_file_mode())
            os.replace(temp, output)
        except OSError as exc:
            raise write_error(output, exc) from exc
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                temp.unlink()


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGTERM and SIGHUP back (where the platform can) for a few statements."""
    held = {getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)}
    if not hasattr(signal, "pthread_sigmask") or not held:
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def quiet_abandoned_zips() -> None:
    """After a write failed (disk full), a half-written zip's ``__del__`` tries to finish the
    archive and fails again: keep that second, unraisable error off the officer's screen."""
    previous = sys.unraisablehook
    if getattr(previous, "_cchc_quiet", False):
        return

    def hook(unraisable: Any) -> None:
        owner = getattr(unraisable.object, "__qualname__", "")
        if owner.startswith("ZipFile.") and isinstance(unraisable.exc_value, OSError):
            return
        previous(unraisable)

    hook._cchc_quiet = True  # type: ignore[attr-defined]
    sys.unraisablehook = hook


def remove_on_signals() -> None:
    """Make SIGTERM and SIGHUP end the process as an exception would, so that every ``finally``
    (the temporary file's removal among them) runs. For the ``cchc`` process only."""

    def stop(signum: int, _frame: Any) -> None:
        raise SystemExit(128 + signum)

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(ValueError, OSError):  # not the main thread
                signal.signal(number, stop)
