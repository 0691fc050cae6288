"""Time ``cchc tong-hop`` over a province's folder against the floor, in alternating runs.

For each size N (default 300 and 3,000 plans) it writes N distinct plans of about 300 tasks
(``make_plans.py``'s plans, both shapes, varied: task count 250–350, seed, commune name and how
the heading names it, sheet name) into ``benchmarks/out/rollup-N/`` (kept for the next run), then
runs, round after round and alternating which goes first:

- the floor: this script with ``--floor DIR``: python-calamine reads every cell of every sheet
  of every file (``to_python(skip_empty_area=False)``) in one process;
- the roll-up: ``python -m cchc_sheets tong-hop DIR --as-of 2025-06-30 --format json -o OUT
  --jobs J`` for each J of ``--jobs`` (the JSON to /dev/null, the output removed before each run).

Each run is a fresh process; wall time is ``time.perf_counter`` around it, CPU time and peak
memory come from ``os.wait4`` (the process and the pool workers it waited for: CPU summed, the
peak of the largest one). The machine is shared, so only ratios measured in the same run mean
much. Prints a Markdown table and writes it to ``benchmarks/out/rollup-results.md``.

Usage: python benchmarks/rollup.py [--sizes 300,3000] [--rounds 3] [--jobs 1,2] [--tasks 300]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import random
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_plans  # noqa: E402
from run import build_of, run_once  # noqa: E402

OUT = HERE / "out"
AS_OF = "2025-06-30"
FIRST = ["An", "Bình", "Hòa", "Tân", "Phú", "Thanh", "Hưng", "Long", "Đông", "Tây", "Nam",
         "Bắc", "Vĩnh", "Quang", "Minh", "Xuân", "Thịnh", "Phước", "Thới", "Hải"]
SECOND = ["Thắng", "Lợi", "Hà", "Sơn", "Lập", "Phong", "Thành", "Mỹ", "Đức", "Yên", "Lộc",
          "Tiến", "Hiệp", "Thuận", "Khánh", "Trung", "Hội", "Điền", "Giang", "Lâm"]
SHEETS = ["Phụ lục 2025", "Phân công nhiệm vụ", "PL", "Kế hoạch CCHC"]


def commune_name(i: int) -> str:
    """Distinct names for up to 400 × 20 communes: "Hòa Thắng", "Tân Lập 2"…"""
    base = f"{FIRST[i % 20]} {SECOND[(i // 20) % 20]}"
    return base if i < 400 else f"{base} {i // 400 + 1}"


def _write_one(args: tuple[Path, int, int]) -> None:
    folder, i, tasks = args
    rng = random.Random(f"rollup-{i}")
    n = tasks + rng.randint(-tasks // 6, tasks // 6)
    areas = make_plans.build(n, 1000 + i)
    name = commune_name(i)
    kind = "phường" if i % 5 == 0 else "xã"
    if i % 2 == 0:
        path = folder / f"{i:04d}-ke-hoach.xlsx"
        make_plans.write_combined(path, areas, commune=f"{kind} {name}".upper(),
                                  sheet=SHEETS[i % len(SHEETS)])
    else:
        path = folder / f"{i:04d}-phu-luc.xlsx"
        make_plans.write_separate(path, areas, commune=f"{kind} {name}")


def make_folder(n: int, tasks: int) -> Path:
    folder = OUT / f"rollup-{n}"
    stamp = OUT / f"rollup-{n}.complete"  # not in the folder: the roll-up would read it
    if stamp.exists() and stamp.read_text() == f"{n} {tasks}":
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    with multiprocessing.Pool() as pool:
        pool.map(_write_one, [(folder, i, tasks) for i in range(n)], chunksize=8)
    stamp.write_text(f"{n} {tasks}")
    print(f"wrote {n} plans into {folder} in {time.perf_counter() - t0:.0f} s", flush=True)
    return folder


def floor(folder: Path) -> int:
    """Read every cell of every sheet of every file, in this one process."""
    import python_calamine as pc

    cells = 0
    for path in sorted(folder.iterdir()):
        if path.suffix != ".xlsx":
            continue
        book = pc.CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            cells += sum(len(r) for r in rows)
        book.close()
    print(cells)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="300,3000")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--tasks", type=int, default=300)
    ap.add_argument("--floor", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.floor:
        return floor(args.floor)
    py = sys.executable
    jobs = [int(j) for j in args.jobs.split(",")]
    lines = ["| plans | run | wall s (median) | × floor (wall) | CPU s | × floor (CPU) "
             "| peak MB (largest process) |",
             "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"]
    for n in (int(s) for s in args.sizes.split(",")):
        folder = make_folder(n, args.tasks)
        out = OUT / f"rollup-{n}.xlsx"
        cmds = {"floor": [py, str(Path(__file__).resolve()), "--floor", str(folder)]}
        for j in jobs:
            cmds[f"tong-hop --jobs {j}"] = [
                py, "-m", "cchc_sheets", "tong-hop", str(folder), "--as-of", AS_OF,
                "--format", "json", "-o", str(out), "--jobs", str(j)]
        samples: dict[str, list[tuple[float, float, int]]] = {k: [] for k in cmds}
        names = list(cmds)
        for r in range(args.rounds):
            order = names if r % 2 == 0 else names[::-1]
            for name in order:
                if out.exists():
                    out.unlink()
                ms, cpu, kb, code, err = run_once(cmds[name])
                if code not in (0, 1):
                    raise SystemExit(f"{name} exited {code}: {err.decode('utf-8', 'replace')[-800:]}")
                samples[name].append((ms, cpu, kb))
                print(f"  {n} {name}: {ms / 1000:.1f} s, CPU {cpu / 1000:.1f} s, "
                      f"{kb / 1024:.0f} MB", flush=True)
        base = statistics.median(s[0] for s in samples["floor"])
        base_cpu = statistics.median(s[1] for s in samples["floor"])
        for name in names:
            wall = statistics.median(s[0] for s in samples[name])
            cpu = statistics.median(s[1] for s in samples[name])
            peak = max(s[2] for s in samples[name]) / 1024
            lines.append(f"| {n:,} | {name} | {wall / 1000:.1f} | {wall / base:.2f} | "
                         f"{cpu / 1000:.1f} | {cpu / base_cpu:.2f} | {peak:.0f} |")
    head = (f"Roll-up benchmark, {datetime.now():%Y-%m-%d %H:%M}, {platform.python_version()}, "
            f"{build_of(py)}, "
            f"{os.cpu_count()} cores (shared with other work: read the ratios), "
            f"{args.rounds} alternating rounds, ~{args.tasks} tasks per plan")
    text = head + "\n\n" + "\n".join(lines) + "\n"
    print(text)
    (OUT / "rollup-results.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
