"""Start-up budget: what ``cchc`` imports, and how long that takes (``python -X importtime``).

Three runs, each a fresh process:

1. ``python -X importtime -c "import cchc_sheets.cli"`` — the import of the command module;
2. ``python -X importtime -m cchc_sheets --help`` — what ``cchc --help`` costs;
3. ``python -X importtime -m cchc_sheets check plan-combined-300.xlsx …`` — the whole check path,
   including the modules imported lazily while it runs (the summary writer's xlsxwriter).

For each: the total import time (sum of the top-level cumulative figures), the slowest top-level
imports, the package's own modules, and whether pandas, numpy or openpyxl were imported — they
must not be on the check path (openpyxl is only the fallback engine). Also the median wall time
of ``--help`` and of a bare ``python -c pass`` for comparison. Import times vary ±20 % between
runs; each figure is the median of ``--repeat`` runs (default 5).

Usage: python benchmarks/importtime.py [--plan benchmarks/out/plan-combined-300.xlsx] [--top 12]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
FORBIDDEN = ("pandas", "numpy", "openpyxl")
WATCH = ("click", "python_calamine", "xlsxwriter", "sqlite3", "json", "zipfile", "email", "tomllib")


def parse(stderr: str) -> list[tuple[int, int, int, str]]:
    """(level, self_us, cumulative_us, module) for each ``import time:`` line."""
    out = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        try:
            _, self_us, cum_us, name = line.split("|", 3) if line.count("|") >= 3 else (
                None, *line[len("import time:"):].split("|", 2))
        except ValueError:
            continue
        raw = name[1:] if name.startswith(" ") else name
        level = (len(raw) - len(raw.lstrip(" "))) // 2
        out.append((level, int(self_us.strip()), int(cum_us.strip()), raw.strip()))
    return out


def _env() -> dict[str, str]:
    # cached bytecode, as after ``pip install`` (see run.py); kept out of the source tree
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(HERE / "out" / "pycache")
    return env


ENV = _env()


def run(cmd: list[str]) -> tuple[str, float]:
    t0 = time.perf_counter()
    # in benchmarks/out, as run.py's children: the installed package, not the checkout's source
    proc = subprocess.run(cmd, cwd=HERE / "out", env=ENV, capture_output=True, text=True,
                          encoding="utf-8", errors="replace")
    return proc.stderr, (time.perf_counter() - t0) * 1000


def summarise(label: str, cmd: list[str], repeat: int, top: int) -> dict[str, object]:
    run(cmd)  # warm-up: writes the bytecode cache
    runs = [parse(run(cmd)[0]) for _ in range(repeat)]
    top_level: dict[str, list[int]] = defaultdict(list)
    own: dict[str, list[int]] = defaultdict(list)
    totals = []
    seen: set[str] = set()
    for entries in runs:
        totals.append(sum(cum for level, _, cum, _ in entries if level == 0))
        for level, _self, cum, name in entries:
            seen.add(name)
            if level == 0:
                top_level[name].append(cum)
            if name.startswith("cchc_sheets"):
                own[name].append(_self)
    med = {name: statistics.median(v) for name, v in top_level.items()}
    own_med = {name: statistics.median(v) for name, v in own.items()}
    forbidden = {f: any(n == f or n.startswith(f + ".") for n in seen) for f in FORBIDDEN}
    watch = {w: any(n == w or n.startswith(w + ".") for n in seen) for w in WATCH}
    print(f"\n### {label}\n\n`{' '.join(cmd[1:])}`\n")
    print(f"total import time (median of {repeat}): **{statistics.median(totals) / 1000:.0f} ms**, "
          f"{len(seen)} modules\n")
    print("| top-level import | cumulative ms |\n|---|---:|")
    for name, us in sorted(med.items(), key=lambda kv: -kv[1])[:top]:
        print(f"| {name} | {us / 1000:.1f} |")
    own_total = sum(own_med.values())
    slow_own = sorted(own_med.items(), key=lambda kv: -kv[1])[:5]
    print(f"\ncchc_sheets' own modules (self time): {own_total / 1000:.1f} ms; slowest: "
          + ", ".join(f"{n} {us / 1000:.1f} ms" for n, us in slow_own))
    print("imported: " + ", ".join(f"{k} {'YES' if v else 'no'}" for k, v in forbidden.items())
          + " | " + ", ".join(f"{k} {'yes' if v else 'no'}" for k, v in watch.items()))
    return {"forbidden": forbidden, "total_ms": statistics.median(totals) / 1000}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--plan", type=Path, default=HERE / "out" / "plan-combined-300.xlsx")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--top", type=int, default=12)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--no-bytecode-cache", action="store_true",
                    help="keep the caller's PYTHONDONTWRITEBYTECODE (recompile on every run)")
    args = ap.parse_args(argv)
    if args.no_bytecode_cache:
        ENV.clear()
        ENV.update(os.environ)
    py = args.python
    if not args.plan.exists():
        raise SystemExit(f"{args.plan} is missing: run python benchmarks/make_plans.py first")

    run([py, "-m", "cchc_sheets", "--help"])  # warm the bytecode cache
    help_ms = statistics.median(run([py, "-m", "cchc_sheets", "--help"])[1] for _ in range(args.repeat))
    bare_ms = statistics.median(run([py, "-c", "pass"])[1] for _ in range(args.repeat))
    print(f"wall time, median of {args.repeat}: `cchc --help` {help_ms:.0f} ms; "
          f"bare `python -c pass` {bare_ms:.0f} ms")
    failures = []
    with tempfile.TemporaryDirectory(prefix="cchc-imp-") as tmp:
        cases = [
            ("import cchc_sheets.cli", [py, "-X", "importtime", "-c", "import cchc_sheets.cli"]),
            ("cchc --help", [py, "-X", "importtime", "-m", "cchc_sheets", "--help"]),
            (f"cchc check {args.plan.name}",
             [py, "-X", "importtime", "-m", "cchc_sheets", "check", str(args.plan), "--as-of",
              "2025-06-30", "--format", "json", "--no-history", "-o", str(Path(tmp) / "s.xlsx")]),
        ]
        for label, cmd in cases:
            result = summarise(label, cmd, args.repeat, args.top)
            bad = [k for k, v in result["forbidden"].items() if v]  # type: ignore[union-attr]
            if bad:
                failures.append(f"{label}: imports {', '.join(bad)}")
    print()
    if failures:
        print("BUDGET BROKEN — " + "; ".join(failures))
        return 1
    print("budget kept: no pandas, numpy or openpyxl on --help or the check path")
    return 0


if __name__ == "__main__":
    sys.exit(main())
