"""Where a check's time goes: each phase timed in one process, and optionally a profile.

Phases (the same calls ``cchc check`` makes, in order): python-calamine reading the sheets
(``sources.load_book``), the rest of ``reader.read_plan`` (merges, header, rows, deadlines,
scoring frame), ``check.check_plan`` (flags, units, weak criteria), ``report.result_dict`` plus
``json.dumps`` (the ``--format json`` output) and ``summary.write_summary`` (the workbook).
``read_plan`` is timed whole and the calamine load separately, so "read (rest)" is the
difference. Times are the median of ``--repeat`` in-process runs; start-up is not included
(see importtime.py for it).

``--profile`` adds a cProfile run (cProfile inflates pure-Python code ~2–3×; the shares are
what matters) listing the functions with the most own time, as file:function and share.

Usage: python benchmarks/phases.py PLAN [--repeat 3] [--profile] [--top 25]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

AS_OF = date(2025, 6, 30)


def phases(plan: Path, out: Path) -> dict[str, float]:
    from cchc_sheets.api import load_settings
    from cchc_sheets.checking.rules import check_plan
    from cchc_sheets.pause import no_cyclic_gc
    from cchc_sheets.read.reader import read_plan
    from cchc_sheets.read.sources import load_book
    from cchc_sheets.render.report import result_dict
    from cchc_sheets.render.summary import write_summary

    t = {}
    t0 = time.perf_counter()
    with no_cyclic_gc():  # as api.check reads and checks
        load_book(plan)
    t["calamine load (sources.load_book)"] = time.perf_counter() - t0
    settings = load_settings(plan, None)
    t0 = time.perf_counter()
    with no_cyclic_gc():
        data = read_plan(plan, settings, default_year=AS_OF.year)
    t["read_plan whole"] = time.perf_counter() - t0
    t["read (rest of read_plan)"] = t["read_plan whole"] - t["calamine load (sources.load_book)"]
    t0 = time.perf_counter()
    with no_cyclic_gc():
        result = check_plan(data, AS_OF, settings)
    t["check_plan"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    json.dumps(result_dict(result, "vi"), ensure_ascii=False).encode("utf-8")  # as into a pipe
    t["json report"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    write_summary(result, out, lang="vi")
    t["write_summary"] = time.perf_counter() - t0
    return t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("plan", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cchc-phases-") as tmp:
        out = Path(tmp) / "summary.xlsx"
        runs = [phases(args.plan, out) for _ in range(args.repeat)]
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        total = sum(v for k, v in med.items() if k != "read_plan whole")
        print(f"### phases of the check on {args.plan.name} (median of {args.repeat}, in-process)\n")
        print("| phase | ms | share |\n|---|---:|---:|")
        for k, v in med.items():
            if k == "read_plan whole":
                continue
            print(f"| {k} | {v * 1000:,.0f} | {v / total:.0%} |")
        print(f"| **total** | **{total * 1000:,.0f}** | |")
        if args.profile:
            prof = cProfile.Profile()
            prof.enable()
            phases(args.plan, out)
            prof.disable()
            stats = pstats.Stats(prof)
            entries = stats.stats  # type: ignore[attr-defined]
            whole = sum(tt for (_, _, tt, _, _) in entries.values())
            rows = sorted(entries.items(), key=lambda kv: -kv[1][2])[: args.top]
            print(f"\n### own time by function (cProfile, {whole:.1f} s profiled)\n")
            print("| function | calls | own s | own share | cumulative s |\n|---|---:|---:|---:|---:|")
            for (file, line, func), (_cc, nc, tt, ct, _callers) in rows:
                where = _short(file)
                print(f"| {where}:{func} (line {line}) | {nc:,} | {tt:.2f} | {tt / whole:.1%} "
                      f"| {ct:.2f} |")
            cums = sorted(
                ((k, v) for k, v in entries.items() if "cchc_sheets" in k[0]),
                key=lambda kv: -kv[1][3],
            )[: args.top]
            print("\n### package functions by cumulative time\n")
            print("| function | calls | cumulative s | share |\n|---|---:|---:|---:|")
            for (file, _line, func), (_cc, nc, _tt, ct, _callers) in cums:
                print(f"| {_short(file)}:{func} | {nc:,} | {ct:.2f} | {ct / whole:.1%} |")
    return 0


def _short(file: str) -> str:
    if "cchc_sheets/" in file:
        return "cchc_sheets/" + file.split("cchc_sheets/", 1)[1]
    for marker in ("site-packages/", "python3.11/"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file


if __name__ == "__main__":
    sys.exit(main())
