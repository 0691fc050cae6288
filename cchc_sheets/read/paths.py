"""What a path names, looked at before it is opened: a regular file, or why not.

A device (/dev/zero, /dev/full), a named pipe or a folder given as the plan, the scores, the
configuration or the output would make a reader wait forever, read without end or write without
end. :func:`inspect_input` and :func:`inspect_output` look with ``stat`` first and raise the
caller's error class (so the message says which file it was) with one of these codes:

``path-empty``, ``path-too-long``, ``path-loop`` (symbolic links that lead to each other),
``path-no-access`` (a folder on the way that may not be searched), ``path-not-a-file``
(``kind`` says what it is instead), and ``file-missing`` for an input that is not there.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from cchc_sheets.errors import CchcError, Words

__all__ = ["MAX_PATH_BYTES", "inspect_input", "inspect_output", "kind_of"]

#: Longest path accepted (bytes, in the file system's encoding): Linux's PATH_MAX.
MAX_PATH_BYTES = 4096
_MAX_NAME_BYTES = 255


def kind_of(mode: int) -> Words:
    """What a non-regular file is, in both languages."""
    if stat.S_ISDIR(mode):
        return Words("một thư mục", "a folder")
    if stat.S_ISFIFO(mode):
        return Words("một đường ống (FIFO)", "a named pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Words("một thiết bị", "a device")
    if stat.S_ISSOCK(mode):
        return Words("một socket", "a socket")
    return Words("không phải tệp thông thường", "not a regular file")


def _check_text(path: str, error: type[CchcError]) -> None:
    if not path:
        raise error("path-empty", path)
    try:
        raw = os.fsencode(path)
    except (UnicodeError, TypeError):
        raw = path.encode("utf-8", "surrogatepass")
    if b"\0" in raw:
        raise error("file-unreadable", path, detail=Words("tên tệp chứa ký tự NUL",
                                                          "the name holds a NUL character"))
    if len(raw) > MAX_PATH_BYTES or any(len(part) > _MAX_NAME_BYTES for part in raw.split(b"/")):
        raise error("path-too-long", _shown(path), limit=MAX_PATH_BYTES)


def _shown(path: str) -> str:
    """A path short enough to print."""
    return path if len(path) <= 200 else path[:90] + "…" + path[-90:]


def _stat_error(path: str, exc: OSError, error: type[CchcError]) -> CchcError:
    if exc.errno == errno.ELOOP:
        return error("path-loop", path)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return error("path-no-access", path)
    if exc.errno == errno.ENAMETOOLONG:
        return error("path-too-long", _shown(path), limit=MAX_PATH_BYTES)
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return error("file-missing", path)
    return error("file-unreadable", path, detail=exc.strerror or str(exc))


def inspect_input(path: Path | str, error: type[CchcError]) -> os.stat_result:
    """The ``stat`` of an input that must be a regular file, or ``error`` saying why not."""
    _check_text(os.fspath(path), error)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _stat_error(str(path), exc, error) from None
    except ValueError as exc:
        raise error("file-unreadable", str(path), detail=str(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise error("path-not-a-file", str(path), kind=kind_of(info.st_mode))
    return info


def inspect_output(path: Path | str, error: type[CchcError]) -> None:
    """Refuse an output path that is empty, too long, unreachable, or names something other
    than a regular file (a device, a pipe, a folder); a missing file is fine."""
    _check_text(os.fspath(path), error)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        if exc.errno == errno.ENOTDIR:
            return  # the folder check of the caller says it
        raise _stat_error(str(path), exc, error) from None
    except ValueError as exc:
        raise error("file-unreadable", str(path), detail=str(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise error("path-not-a-file", str(path), kind=kind_of(info.st_mode))
