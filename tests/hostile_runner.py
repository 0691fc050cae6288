"""Run ``cchc check`` on many damaged files, each in its own process, and judge each outcome.

Started by ``tests/test_hostile.py`` (and by hand for a longer run) as a child process whose
address space is capped (``ulimit -v``, set by the caller). It imports the package once, then
forks one process per case; each case has a time limit (SIGALRM, then SIGKILL). Prints one JSON
line per case: ``{"case": name, "status": exit status or "timeout"/"signal N", "bad": why or
null}``. A case is bad when its status is not 0, 1 or 2, or its output shows a traceback, the
catch-all message or a Python exception name.

    python tests/hostile_runner.py --seconds 30 --workers 2 CASE_FILE...
"""

from __future__ import annotations

import argparse
import json
import os
import re
import select
import signal
import sys
import tempfile
import time
from pathlib import Path

CATCH_ALL = ("Unexpected error", "Lỗi không mong đợi")
EXCEPTION_NAME = re.compile(r"\b[A-Z][A-Za-z]*(?:Error|Exception|Panic)\b|\bpanicked at\b")


def judge(status: object, output: str) -> str | None:
    """Why an outcome breaks the promises, or None when it keeps them."""
    if status not in (0, 1, 2):
        return f"status {status}"
    if "Traceback" in output:
        return "traceback"
    if any(text in output for text in CATCH_ALL):
        return "catch-all message"
    found = EXCEPTION_NAME.search(output)
    if found:
        return f"exception name {found.group(0)!r}"
    return None


def _child(case: Path, out_dir: Path, seconds: float) -> None:  # pragma: no cover - a child
    signal.alarm(int(seconds) + 1)
    fd = os.open(out_dir / "out.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)
    sys.argv = ["cchc", "check", str(case), "--as-of", "2025-06-30", "--no-history",
                "--lang", "en", "--format", "json", "-o", str(out_dir / "summary.xlsx")]
    from cchc_sheets.cli import main

    code = 0
    try:
        main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        import traceback

        traceback.print_exc()
        code = 99
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def run(cases: list[Path], seconds: float, workers: int) -> list[dict[str, object]]:
    # imported once, before the forks (each case would import them again otherwise)
    import python_calamine  # noqa: F401
    import xlsxwriter  # noqa: F401

    import cchc_sheets.api  # noqa: F401
    import cchc_sheets.cli  # noqa: F401
    import cchc_sheets.render.report  # noqa: F401
    import cchc_sheets.render.summary  # noqa: F401
    import cchc_sheets.render.terminal  # noqa: F401

    results: list[dict[str, object]] = []
    running: dict[int, tuple[Path, Path, float]] = {}
    queue = list(cases)
    with tempfile.TemporaryDirectory() as base:
        slot = 0
        while queue or running:
            while queue and len(running) < workers:
                case = queue.pop(0)
                slot += 1
                out_dir = Path(base) / f"s{slot}"
                out_dir.mkdir()
                pid = os.fork()
                if pid == 0:
                    _child(case, out_dir, seconds)
                running[pid] = (case, out_dir, time.monotonic())
            pid, status = os.waitpid(-1, os.WNOHANG)
            if pid == 0:
                for other, (_, _, started) in running.items():
                    if time.monotonic() - started > seconds + 5:
                        os.kill(other, signal.SIGKILL)
                select.select([], [], [], 0.005)
                continue
            case, out_dir, _ = running.pop(pid)
            if os.WIFSIGNALED(status):
                number = os.WTERMSIG(status)
                shown: object = "timeout" if number in (signal.SIGALRM, signal.SIGKILL) \
                    else f"signal {number}"
            else:
                shown = os.WEXITSTATUS(status)
            output = (out_dir / "out.txt").read_text("utf-8", "replace")
            # the JSON on standard output is the report; only the messages are judged
            messages = "\n".join(line for line in output.splitlines()
                                 if not line.startswith("{"))
            bad = judge(shown, messages)
            results.append({"case": case.name, "status": shown, "bad": bad,
                            "tail": messages[-400:] if bad else ""})
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("cases", nargs="+", type=Path)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    for result in run(args.cases, args.seconds, args.workers):
        print(json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
