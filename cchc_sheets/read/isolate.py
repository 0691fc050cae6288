"""Running a reader that may exhaust memory in a child process with a limit.

A damaged .xls or .ods can make calamine (Rust) ask for gigabytes: an allocation it cannot get
aborts the whole process, with no exception to catch. :func:`run_isolated` runs such a reader in
a forked child under an address-space limit and a time limit; the child sends back the result
(pickled) or the project's own error. A child that dies, runs out of memory or time becomes a
:class:`~cchc_sheets.errors.WorkbookFileError` naming the file (exit 2 at the command line).

Where ``os.fork`` is missing (Windows) the reader runs in the process itself.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from cchc_sheets.errors import CchcError, Words, WorkbookFileError

__all__ = ["CHILD_MEMORY", "CHILD_SECONDS", "run_isolated"]

T = TypeVar("T")

#: Address space the child may add to what it shares with the parent at the fork (bytes).
CHILD_MEMORY = 2 * 1024**3
#: Wall time the child may take (seconds).
CHILD_SECONDS = 300.0


def _too_much(path: Path) -> WorkbookFileError:
    return WorkbookFileError("file-corrupt", str(path),
                             detail=Words("cần quá nhiều bộ nhớ để đọc",
                                          "it asks for too much memory to read"))


def _address_space() -> int:
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _limit_memory() -> None:
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    want = _address_space() + CHILD_MEMORY
    if soft != resource.RLIM_INFINITY:
        want = min(want, soft)  # never raised
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    resource.setrlimit(resource.RLIMIT_AS, (want, hard))


def run_isolated(func: Callable[[Path, str], T], path: Path, kind: str) -> T:
    """``func(path, kind)`` in a child process; its result, or its :class:`CchcError`."""
    if not hasattr(os, "fork") or os.environ.get("CCHC_NO_ISOLATE"):
        return func(path, kind)
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return func(path, kind)
    if pid == 0:  # pragma: no cover - the child process (measured through the parent)
        os.close(read_end)
        status = 0
        try:
            import faulthandler

            faulthandler.disable()  # an abort here is reported by the parent, in words
            _limit_memory()
            try:
                payload = pickle.dumps(("ok", func(path, kind)), protocol=pickle.HIGHEST_PROTOCOL)
            except CchcError as exc:
                payload = pickle.dumps(("error", exc.__class__, exc.code, exc.path, exc.args_))
            except MemoryError:
                payload = pickle.dumps(("memory",))
            with os.fdopen(write_end, "wb") as out:
                out.write(payload)
        except BaseException:
            status = 70
        os._exit(status)
    os.close(write_end)
    return _collect(pid, read_end, path)


def _collect(pid: int, read_end: int, path: Path) -> Any:
    chunks: list[bytes] = []
    deadline = time.monotonic() + CHILD_SECONDS
    timed_out = False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([read_end], [], [], min(left, 1.0))
            if not ready:
                continue
            chunk = os.read(read_end, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read_end)
        if timed_out:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        _, status = os.waitpid(pid, 0)
    if timed_out:
        raise WorkbookFileError("file-corrupt", str(path),
                                detail=Words("đọc quá lâu", "reading it takes too long"))
    code = os.waitstatus_to_exitcode(status)
    data = b"".join(chunks)
    if code < 0 or code == 134 or (code == 0 and not data):
        raise _too_much(path)  # killed by the kernel, or Rust aborted on a failed allocation
    if code != 0:
        raise WorkbookFileError("file-corrupt", str(path),
                                detail=Words("trình đọc dừng giữa chừng", "the reader stopped"))
    message = pickle.loads(data)  # noqa: S301 - our own child's bytes
    if message[0] == "ok":
        return message[1]
    if message[0] == "memory":
        raise _too_much(path)
    _, cls, error_code, error_path, args = message
    raise cls(error_code, error_path, **args)
