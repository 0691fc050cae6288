"""Time the whole ``cchc check`` process against the floor, in alternating runs, in one go.

For every plan (shape × size) it runs, round after round and alternating which goes first:

- the floor: ``python benchmarks/floor.py PLAN OUT`` (python-calamine reads every cell of every
  sheet, xlsxwriter writes them into one formatted sheet), and
- the check: ``python -m cchc_sheets check PLAN --as-of 2025-06-30 --format json --no-history
  -o OUT`` with the JSON sent to /dev/null (exit status 1 — "something needs attention" — is
  the normal result for these plans).

Each run is a fresh process: wall time is ``time.perf_counter`` around spawn-to-exit, and peak
memory is the child's own ``ru_maxrss`` from ``os.wait4`` (Linux reports KB). One untimed
warm-up pair runs first for every plan so the file cache (and the bytecode cache, kept in
benchmarks/out/pycache) is warm for both. It prints a Markdown
table (medians, ratio, peak memory, cost per 1,000 tasks) and writes it to
``benchmarks/out/results.md``.

Usage: python benchmarks/run.py [--rounds 300=7,3000=5,30000=3] [--shapes combined,separate,styled-empty]
                                [--sizes 300,3000,30000] [--no-summary] [--python PY] [--update-readme]
Generate the plans first: python benchmarks/make_plans.py
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
AS_OF = "2025-06-30"


@dataclass
class Sample:
    ms: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    kb: list[int] = field(default_factory=list)
    codes: set[int] = field(default_factory=set)
    failures: int = 0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.ms)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)

    @property
    def peak_mb(self) -> float:
        return max(self.kb) / 1024


def child_env(bytecode: bool) -> dict[str, str]:
    """The children's environment: with cached bytecode (as after ``pip install``) by default.

    Some shells set PYTHONDONTWRITEBYTECODE=1, which makes every run recompile the package
    (~60 ms); the bytecode then goes to benchmarks/out/pycache, never into the source tree.
    """
    env = dict(os.environ)
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(OUT / "pycache")
    return env


ENV: dict[str, str] = child_env(True)


def build_of(py: str) -> str:
    """Which build of the package the children run: its compiled modules or pure Python."""
    OUT.mkdir(parents=True, exist_ok=True)
    code = "from cchc_sheets import _compiled; print(_compiled.compiled())"
    done = subprocess.run([py, "-c", code], cwd=OUT, env=ENV, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{py} cannot import the installed package: {done.stderr[-400:]}")
    return "the compiled modules (mypyc)" if done.stdout.strip() == "True" else "pure Python"


def run_once(cmd: list[str]) -> tuple[float, float, int, int, bytes]:
    """Wall ms, CPU ms (user + system), peak RSS KB and exit code of one whole child process.

    It runs in benchmarks/out, so ``python -m cchc_sheets`` is the installed package (run from
    the checkout's root it would be the source tree, which a plain ``pip install .`` leaves
    uncompiled)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=OUT, env=ENV, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    # read stderr before reaping so a chatty child cannot block on a full pipe
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    ms = (time.perf_counter() - t0) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)  # keep Popen from waiting again
    if proc.stderr:
        proc.stderr.close()
    cpu = (usage.ru_utime + usage.ru_stime) * 1000
    return ms, cpu, usage.ru_maxrss, proc.returncode, err


def commands(py: str, plan: Path, tmp: Path, no_summary: bool) -> dict[str, list[str]]:
    check = [py, "-m", "cchc_sheets", "check", str(plan), "--as-of", AS_OF, "--format", "json",
             "--no-history", "-o", str(tmp / "check.xlsx")]
    if no_summary:
        check.append("--no-summary")
    return {
        "floor": [py, str(HERE / "floor.py"), str(plan), str(tmp / "floor.xlsx")],
        "check": check,
    }


def bench(py: str, plan: Path, rounds: int, no_summary: bool) -> dict[str, Sample]:
    samples = {"floor": Sample(), "check": Sample()}
    with tempfile.TemporaryDirectory(prefix="cchc-bench-") as tmp_name:
        cmds = commands(py, plan, Path(tmp_name), no_summary)
        for name, cmd in cmds.items():  # warm-up, untimed; also catches a broken command
            _, _, _, code, err = run_once(cmd)
            if code not in (0, 1):
                raise SystemExit(f"{name} failed on {plan.name} (exit {code}):\n"
                                 f"{' '.join(cmd)}\n{err.decode('utf-8', 'replace')[-2000:]}")
        for i in range(rounds):
            order = ("floor", "check") if i % 2 == 0 else ("check", "floor")
            for name in order:
                for _attempt in range(3):  # a failed run (exit ≥ 2) is retried, never timed
                    ms, cpu, kb, code, err = run_once(cmds[name])
                    if code in (0, 1):
                        break
                    samples[name].failures += 1
                    print(f"  {name} exited {code}: "
                          f"{err.decode('utf-8', 'replace').strip().splitlines()[-1:]}",
                          file=sys.stderr, flush=True)
                else:
                    raise SystemExit(f"{name} keeps failing on {plan.name}")
                samples[name].ms.append(ms)
                samples[name].cpu.append(cpu)
                samples[name].kb.append(kb)
                samples[name].codes.add(code)
    return samples


def parse_rounds(text: str) -> dict[int, int]:
    out = {}
    for part in text.split(","):
        size, _, n = part.partition("=")
        out[int(size)] = int(n)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", default="300=7,3000=5,30000=3",
                    help="rounds per size, e.g. 300=7,3000=5,30000=3")
    ap.add_argument("--sizes", default="300,3000,30000")
    ap.add_argument("--shapes", default="combined,separate,styled-empty")
    ap.add_argument("--no-summary", action="store_true",
                    help="pass --no-summary to the check (no summary workbook written)")
    ap.add_argument("--python", default=sys.executable, help="interpreter for both children")
    ap.add_argument("--results", type=Path, default=OUT / "results.md")
    ap.add_argument("--update-readme", action="store_true",
                    help="also put the table into benchmarks/README.md (between its markers)")
    ap.add_argument("--no-bytecode-cache", action="store_true",
                    help="keep the caller's PYTHONDONTWRITEBYTECODE (recompile on every run)")
    args = ap.parse_args(argv)
    global ENV
    ENV = child_env(not args.no_bytecode_cache)
    rounds = parse_rounds(args.rounds)
    sizes = [int(s) for s in args.sizes.split(",")]
    shapes = [s.strip() for s in args.shapes.split(",")]

    plans: list[tuple[str, int, Path]] = []
    for shape in shapes:
        for n in sizes:
            if shape == "styled-empty" and n != 300:
                continue
            plan = OUT / f"plan-{shape}-{n}.xlsx"
            if not plan.exists():
                raise SystemExit(f"{plan} is missing: run python benchmarks/make_plans.py first")
            plans.append((shape, n, plan))

    rows = []
    for shape, n, plan in plans:
        r = rounds.get(n, 3)
        print(f"… {shape} {n:,} tasks, {r} rounds", file=sys.stderr, flush=True)
        s = bench(args.python, plan, r, args.no_summary)
        rows.append((shape, n, s["floor"], s["check"]))

    base = {shape: check.median_ms for shape, n, _, check in rows if n == min(sizes)}
    lines = [
        "| shape | tasks | floor median ms | check median ms | ratio | CPU ratio | check peak MB "
        "| floor peak MB | check ms / 1,000 tasks | marginal check ms / 1,000 tasks | runs |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for shape, n, floor, check in rows:
        ratio = check.median_ms / floor.median_ms
        per_k = check.median_ms / n * 1000
        small = base.get(shape)
        marginal = ("—" if small is None or n == min(sizes)
                    else f"{(check.median_ms - small) / (n - min(sizes)) * 1000:,.0f}")
        lines.append(
            f"| {shape} | {n:,} | {floor.median_ms:,.0f} | {check.median_ms:,.0f} | {ratio:.2f}× "
            f"| {check.median_cpu / floor.median_cpu:.2f}× "
            f"| {check.peak_mb:,.0f} | {floor.peak_mb:,.0f} | {per_k:,.0f} | {marginal} "
            f"| {len(check.ms)}{f' (+{check.failures} failed)' if check.failures else ''} |"
        )
    cpu = platform.processor() or platform.machine()
    notes = [
        "",
        f"Measured {datetime.now():%Y-%m-%d %H:%M} on {platform.system()} {cpu}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, {build_of(args.python)}; "
        f"check {'with --no-summary' if args.no_summary else 'writing the summary workbook'}; "
        f"bytecode {'not cached' if args.no_bytecode_cache else 'cached (as installed)'}. "
        "Medians of whole-process wall time over alternating runs; CPU ratio = ratio of the "
        "median CPU times (user + system, from wait4), steadier than wall time on a busy machine; "
        f"load average at the end {os.getloadavg()[0]:.1f}; peak MB = max ru_maxrss over "
        "the runs. Marginal = (check at N − check at the smallest size) ÷ (N − smallest) × 1,000: "
        "the cost of each further 1,000 tasks, start-up excluded. Goals: ratio ≤ 2× at 300 and "
        "30,000 tasks, check peak < 300 MB at 30,000.",
    ]
    table = "\n".join(lines + notes)
    print(table)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(table + "\n", encoding="utf-8")
    print(f"\nwritten to {args.results}", file=sys.stderr)
    if args.update_readme:
        readme = HERE / "README.md"
        text = readme.read_text(encoding="utf-8")
        start, end = "<!-- results:start -->", "<!-- results:end -->"
        if start in text and end in text:
            head, rest = text.split(start, 1)
            tail = rest.split(end, 1)[1]
            readme.write_text(f"{head}{start}\n{table}\n{end}{tail}", encoding="utf-8")
            print(f"table put into {readme}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
