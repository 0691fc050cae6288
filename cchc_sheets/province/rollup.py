"""The province's roll-up (contract §9): every commune's plan or summary in one picture.

:func:`gather` lists the files under the given paths; :func:`roll_up` checks each plan (as of one
day, with the ``cchc.toml`` beside it, without history) or reads each summary's properties, in a
process pool, and returns a :class:`Rollup`: one :class:`CommuneFigures` per commune (the later
as-of wins when two files name one commune), the criteria losing points across communes, and
every file left out with its reason. Nothing is written here; :mod:`cchc_sheets.province.rollup_book`
writes the workbook and :func:`rollup_dict` gives the JSON ``cchc-rollup/1``.

Files are recognised by their content, never by their name: Excel and LibreOffice lock files,
check-history SQLite files, e-mails (``.eml``) and earlier roll-up workbooks are left out
quietly (counted in :attr:`Rollup.ignored`); anything else that is not a plan or a summary is
listed with its reason.
"""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from cchc_sheets.config import CONFIG_NAME, Config, find_config, load_config
from cchc_sheets.errors import CchcError, WorkbookLayoutError
from cchc_sheets.lazyre import lazy
from cchc_sheets.messages import render
from cchc_sheets.model import CheckResult, Severity
from cchc_sheets.province.commune import commune_key
from cchc_sheets.province.province_scores import ProvinceRow, ProvinceTable, apply_row, rows_by_key
from cchc_sheets.read.preflight import IN_MEMORY_SIZE
from cchc_sheets.read.scoring import code_key
from cchc_sheets.text import day

__all__ = ["SCHEMA", "CommuneFigures", "CriterionFigures", "FileProblem", "Rollup", "gather",
           "roll_up", "rollup_dict", "ROLLUP_PROPERTY"]

SCHEMA = "cchc-rollup/1"
ROLLUP_PROPERTY = "cchc_rollup"  # the custom property that marks a roll-up workbook
_SQLITE = b"SQLite format 3\x00"
_HISTORY_ID = (0x43434843).to_bytes(4, "big")  # history.APPLICATION_ID, at offset 68
_EML_HEADER = lazy(rb"(?im)^(mime-version|from|to|subject|received|message-id|"
                         rb"return-path|content-type|date|x-[\w-]+):[ \t]")
_FIRST_HEADER = lazy(rb"^[A-Za-z][A-Za-z0-9-]*:[ \t]")

Progress = Callable[[int, int, str], None]
_QUIET_CODES = ("rollup-scores-only",)  # files left out that are no error of anyone's


# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class FileProblem:
    """A file left out, or a note on one read: ``code`` picks the message in messages.py."""

    file: str
    code: str
    severity: Severity
    args: tuple[tuple[str, Any], ...] = ()

    def message(self, lang: str = "vi") -> str:
        return render(self.code, lang, path=self.file, file=self.file, **dict(self.args))


@dataclass
class CommuneFigures:
    """One commune's figures, from a plan checked as of the roll-up's day or from a summary."""

    commune: str
    file: str
    as_of: date
    kind: str  # "plan" or "summary"
    tasks: int
    done: int
    overdue: int
    due_soon: int
    missing_update: int
    points_lost: float | None
    weak: int
    uncovered: int
    # criteria losing points or uncovered, lowest scored level, kept compact (thousands of
    # communes stay in memory): codes, names, points lost, and 1 where uncovered
    codes: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    losses: array[float] = field(default_factory=lambda: array("d"))
    uncovered_flags: bytes = b""
    areas: dict[str, float | None] = field(default_factory=dict)  # area code → points lost
    area_names: dict[str, str] = field(default_factory=dict)
    notes: list[FileProblem] = field(default_factory=list)
    province: ProvinceRow | None = None
    mtime: float = 0.0

    @property
    def key(self) -> str:
        return commune_key(self.commune)

    @property
    def criteria(self) -> list[tuple[str, str, float, bool]]:
        """(code, name, points lost, uncovered) of each criterion losing points or uncovered."""
        return [(code, name, lost, bool(flag)) for code, name, lost, flag in zip(
            self.codes, self.names, self.losses, self.uncovered_flags, strict=True)]

    def share_strings(self, strings: dict[str, str]) -> None:
        """Use one copy of each code and name across communes (they arrive pickled, apart)."""
        self.codes = tuple(strings.setdefault(c, c) for c in self.codes)
        self.names = tuple(strings.setdefault(n, n) for n in self.names)
        self.areas = {strings.setdefault(c, c): v for c, v in self.areas.items()}
        self.area_names = {strings.setdefault(c, c): strings.setdefault(n, n)
                           for c, n in self.area_names.items()}

    @property
    def done_ratio(self) -> float | None:
        return self.done / self.tasks if self.tasks else None


@dataclass
class CriterionFigures:
    code: str
    name: str
    communes_lost: int
    lost_total: float
    communes_uncovered: int

    @property
    def lost_mean(self) -> float | None:
        return self.lost_total / self.communes_lost if self.communes_lost else None


@dataclass
class Rollup:
    as_of: date
    communes: list[CommuneFigures]  # worst first
    criteria: list[CriterionFigures]
    areas: list[tuple[str, str]]  # (code, name) of the areas across communes
    left_out: list[FileProblem]  # files not used, with the reason
    notes: list[FileProblem]  # files used, with a note
    files: int  # files looked at
    ignored: dict[str, int] = field(default_factory=dict)  # lock/history/eml/rollup → count
    scores: ProvinceTable | None = None
    without_file: list[ProvinceRow] = field(default_factory=list)

    @property
    def problems(self) -> list[FileProblem]:
        return [*self.left_out, *self.notes]

    @property
    def needs_attention(self) -> bool:
        """Exit status 1: an overdue task or a missing update somewhere, or a file with an error."""
        return any(c.overdue or c.missing_update for c in self.communes) or any(
            p.severity == "error" for p in self.problems)


# --------------------------------------------------------------------------- files


def gather(paths: Sequence[Path]) -> list[tuple[Path, str]]:
    """Every file under ``paths`` (folders searched recursively), with the name to show: the
    path relative to the folder given, or the file as given. ``cchc.toml`` files are settings of
    the plans beside them, not inputs. Missing paths raise ``file-missing``."""
    from cchc_sheets.errors import WorkbookFileError

    found: list[tuple[Path, str]] = []
    seen: set[str] = set()
    for root in paths:
        root = Path(root)
        if root.is_dir():
            items = [(p, p.relative_to(root).as_posix()) for p in _walk(root)]
        elif root.exists():
            items = [(root, root.name)]
        else:
            raise WorkbookFileError("file-missing", str(root))
        for path, shown in items:
            real = os.path.realpath(path)
            if real in seen or path.name == CONFIG_NAME:
                continue
            seen.add(real)
            found.append((path, shown))
    return found


def _walk(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            yield Path(folder, name)


def file_kind(path: Path) -> str:
    """What a file holds, by its content: ``lock``, ``history``, ``eml``, ``rollup``,
    ``summary``, or ``workbook`` (anything else: the check will say what it is)."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(4096)
            whole = b""
            if head.startswith(b"PK") and size <= IN_MEMORY_SIZE:  # see _no_custom_properties
                whole = head + handle.read(IN_MEMORY_SIZE)
    except OSError:
        return "workbook"  # the reader reports the error
    if head.startswith(_SQLITE):
        return "history" if head[68:72] == _HISTORY_ID else "workbook"
    if head.startswith(b"PK"):
        if _no_custom_properties(whole) or not _names_cchc_property(path):
            return "workbook"  # (a plan: no property of ours, nothing to parse)
        props = custom_properties(path)
        if ROLLUP_PROPERTY in props:
            return "rollup"
        if "cchc_as_of" in props:
            return "summary"
        return "workbook"
    if _is_lock(head, size):
        return "lock"
    if _FIRST_HEADER.match(head) and len(_EML_HEADER.findall(head)) >= 2:
        return "eml"
    return "workbook"


def _no_custom_properties(whole: bytes) -> bool:
    """Whether the bytes of a whole zip (``b""``: not read) never spell ``custom.xml``: then no
    member is named ``docProps/custom.xml`` (a member's name is in the central directory as it
    is stored, and an ASCII name only decodes from the same bytes), whether the zip opens or not,
    and the kind is known without opening it."""
    return bool(whole) and len(whole) <= IN_MEMORY_SIZE and b"custom.xml" not in whole


def _names_cchc_property(path: Path) -> bool:
    """Whether the workbook's custom properties may name one of ours (a byte test first:
    most plans have none)."""
    from cchc_sheets.render.properties import custom_xml_head

    try:
        return b'name="cchc_' in custom_xml_head(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError,
            NotImplementedError, zlib.error):
        return True  # the properties' own reader says what is wrong


def _is_lock(head: bytes, size: int) -> bool:
    """Excel's owner file ``~$…`` (162 or 165 bytes: the user's name, a length byte first) or
    LibreOffice's ``.~lock.…#`` (one line: name, host, user, time, URL;)."""
    if size in (162, 165) and 0 < head[0] <= 54:
        name = head[1:1 + head[0]]
        return all(32 <= b < 127 or b >= 0xC0 for b in name)
    if size < 2048 and head.count(b",") >= 4 and head.rstrip().endswith(b";") \
            and head.count(b"\n") <= 1:
        return True
    return False


def custom_properties(path: Path) -> dict[str, str]:
    """The custom document properties of an xlsx (empty for anything else)."""
    from cchc_sheets.render.properties import NotASummary, raw_properties

    try:
        return raw_properties(path)
    except (NotASummary, NotImplementedError, RuntimeError):
        return {}


# --------------------------------------------------------------------------- one file


@dataclass
class _Job:
    as_of: date
    config: Path | None
    scores: ProvinceTable | None


_JOB: _Job | None = None
_ROWS: dict[str, ProvinceRow] = {}


def _init(job: _Job) -> None:
    global _JOB, _ROWS
    import gc

    gc.disable()  # a worker builds many objects and no cycles worth collecting
    _JOB = job
    _ROWS = rows_by_key(job.scores) if job.scores else {}


Outcome = tuple[str, Any]  # ("commune", CommuneFigures) | ("left_out", FileProblem) | (kind, None)


_CACHE_LIMIT = 8192  # texts remembered across files: beyond this, start afresh


def _forget_texts() -> None:
    """Empty the text caches when they have grown: they help within one plan (units,
    statuses), and over thousands of plans would only fill with task titles."""
    from cchc_sheets import text

    for cache in (text._clean_text, text._fold_text):
        if cache.cache_info().currsize > _CACHE_LIMIT:
            cache.cache_clear()


def _work(item: tuple[Path, str]) -> Outcome:
    try:
        return _work_on(item)
    finally:
        _forget_texts()


def _work_on(item: tuple[Path, str]) -> Outcome:
    path, shown = item
    assert _JOB is not None
    try:
        kind = file_kind(path)
        if kind in ("lock", "history", "eml", "rollup"):
            return kind, None
        if kind == "summary":
            return "commune", _from_summary(path, shown)
        return "commune", _from_plan(path, shown, _JOB)
    except WorkbookLayoutError as exc:
        if exc.code == "no-header":
            return "left_out", FileProblem(shown, "rollup-not-a-plan", "error")
        return "left_out", _error_problem(shown, exc)
    except CchcError as exc:
        return "left_out", _error_problem(shown, exc)
    except MemoryError:
        return "left_out", FileProblem(shown, "rollup-file-failed", "error",
                                       (("detail", "MemoryError"),))
    except Exception as exc:  # one bad file never stops the roll-up
        return "left_out", FileProblem(shown, "rollup-file-failed", "error",
                                       (("detail", f"{type(exc).__name__}: {exc}"),))


def _error_problem(shown: str, exc: CchcError) -> FileProblem:
    args = dict(exc.args_)
    if exc.code == "not-a-workbook":
        return FileProblem(shown, "rollup-not-a-workbook", "error",
                           (("kind", args.get("kind", "?")), ("kind_en", args.get("kind_en", "?"))))
    severity: Severity = "warning" if exc.code in _QUIET_CODES else "error"
    return FileProblem(shown, exc.code, severity, tuple(args.items()))


def _settings(path: Path, job: _Job) -> Config:
    beside = find_config(path, None)
    if beside is not None:
        return load_config(beside)
    config = load_config(job.config) if job.config else Config()
    config.commune = ""  # one file for all plans names no commune
    return config


def _from_plan(path: Path, shown: str, job: _Job) -> CommuneFigures:
    from cchc_sheets.checking.rules import check_figures
    from cchc_sheets.province.province_scores import score_year
    from cchc_sheets.read.reader import read_plan
    from cchc_sheets.read.scoring import finish_criteria

    settings = _settings(path, job)
    plan = read_plan(path, settings, default_year=job.as_of.year)
    if not plan.task_sheets and not plan.tasks:
        # a criteria table and no task: last year's scores beside a plan, not a plan
        raise CchcError("rollup-scores-only", shown)
    notes: list[FileProblem] = []
    if any(p.code == "file-open-elsewhere" for p in plan.problems):
        notes.append(FileProblem(shown, "file-open-elsewhere", "warning"))
    name = plan.commune
    if not name:
        name = _name_from_file(path)
        notes.append(FileProblem(shown, "rollup-name-from-file", "warning", (("commune", name),)))
    province = None
    if job.scores is not None:
        province = _ROWS.get(commune_key(name))
        if province is not None:
            apply_row(plan, job.scores, province, score_year(job.scores, plan, job.as_of))
            finish_criteria(plan)
        else:
            notes.append(FileProblem(shown, "rollup-no-score-row", "warning",
                                     (("commune", name), ("scores", job.scores.path.name))))
    result = check_figures(plan, job.as_of, settings)  # only the figures are kept
    figures = commune_figures(result, name, shown, "plan")
    figures.notes = notes
    figures.province = province
    figures.mtime = _mtime(path)
    return figures


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _name_from_file(path: Path) -> str:
    stem = re.sub(r"[_\s]+", " ", path.stem.replace("-", " ")).strip()
    return stem or path.name


def commune_figures(result: CheckResult, commune: str, file: str, kind: str) -> CommuneFigures:
    """The roll-up's figures of one checked plan (the same as its summary's)."""
    from cchc_sheets.checking.figures import lowest_uncovered, points_lost, score_total

    # the summary's own figures (key_figures), as its properties hold them: those kept here
    total = score_total(result, result.last_year)
    lost = points_lost(result, total) if total is not None else None
    criteria = result.criteria
    uncovered_codes = lowest_uncovered(criteria)
    codes: list[str] = []
    names: list[str] = []
    losses = array("d")
    flags = bytearray()
    for item in criteria:
        if item.bonus:
            continue
        lost_here = item.lost if item.leaf and item.lost else 0.0
        uncovered = item.code in uncovered_codes
        if lost_here > 0 or uncovered:
            codes.append(item.code)
            names.append(item.name)
            losses.append(float(lost_here))
            flags.append(uncovered)
    areas: dict[str, float | None] = {}
    area_names: dict[str, str] = {}
    for item in criteria:
        if item.parent is None and not item.bonus:
            areas[item.code] = item.lost
            area_names[item.code] = item.name
    totals = result.totals
    return CommuneFigures(
        commune=commune, file=file, as_of=result.as_of, kind=kind, tasks=totals.tasks,
        done=totals.done, overdue=totals.overdue, due_soon=totals.due_soon,
        missing_update=totals.missing_update,
        points_lost=round(lost, 4) if lost is not None else None,
        weak=len(result.weak_criteria), uncovered=len(uncovered_codes), codes=tuple(codes),
        names=tuple(names), losses=losses, uncovered_flags=bytes(flags), areas=areas,
        area_names=area_names)


def _from_summary(path: Path, shown: str) -> CommuneFigures:
    """A summary written by ``cchc check``: its properties, as they are."""
    from cchc_sheets.render.properties import NotASummary, read_properties

    try:
        props = read_properties(path)
    except NotASummary:
        raise CchcError("rollup-not-a-plan", shown) from None
    notes: list[FileProblem] = []
    name = props.commune
    if not name:  # a summary written before the commune was recorded
        name = _name_from_file(Path(props.source)) if props.source else _name_from_file(path)
        notes.append(FileProblem(shown, "rollup-name-from-file", "warning", (("commune", name),)))
    figures = props.figures
    return CommuneFigures(
        commune=name, file=shown, as_of=props.as_of, kind="summary", tasks=figures.tasks,
        done=figures.done, overdue=figures.overdue, due_soon=figures.due_soon,
        missing_update=figures.missing_update,
        points_lost=round(figures.lost, 4) if figures.total is not None else None,
        weak=figures.weak, uncovered=figures.uncovered, notes=notes, mtime=_mtime(path))


# --------------------------------------------------------------------------- all files


def default_jobs() -> int:
    return os.cpu_count() or 1


def roll_up(paths: Sequence[Path], *, as_of: date, scores: ProvinceTable | None = None,
            config: Path | None = None, jobs: int | None = None,
            progress: Progress | None = None) -> Rollup:
    """Check every plan and read every summary under ``paths``; see the module's docstring.

    ``jobs`` processes share the files (default: the number of cores; 1 runs in this process).
    ``progress(done, total, file)`` is called after each file.
    """
    items = gather(paths)
    job = _Job(as_of, Path(config) if config else None, scores)
    outcomes = _run(items, job, jobs or default_jobs(), progress)
    return assemble(outcomes, as_of, scores, len(items))


def _run(items: list[tuple[Path, str]], job: _Job, jobs: int,
         progress: Progress | None) -> Iterable[Outcome]:
    total = len(items)
    if jobs <= 1 or total <= 1:
        _init(job)
        try:
            for done, item in enumerate(items, start=1):
                outcome = _work(item)
                if progress:
                    progress(done, total, item[1])
                yield outcome
        finally:
            _reset()
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if "fork" in
                                          multiprocessing.get_all_start_methods() else "spawn")
    if context.get_start_method() == "fork":
        _import_for_workers()
    # small chunks keep both processes busy to the end and the progress line moving
    chunk = max(1, min(8, total // (jobs * 16) or 1))
    with context.Pool(min(jobs, total), initializer=_init, initargs=(job,)) as pool:
        for done, (outcome, shown) in enumerate(
                pool.imap(_work_named, items, chunksize=chunk), start=1):
            if progress:
                progress(done, total, shown)
            yield outcome


def _import_for_workers() -> None:
    """Import here, once, what every worker needs: forked workers then share it (each
    imported it again, a tenth of a second each, before its first file)."""
    import python_calamine  # noqa: F401

    import cchc_sheets.checking.figures  # noqa: F401
    import cchc_sheets.checking.rules  # noqa: F401
    import cchc_sheets.read.reader  # noqa: F401
    import cchc_sheets.render.properties  # noqa: F401


def _work_named(item: tuple[Path, str]) -> tuple[Outcome, str]:
    return _work(item), item[1]


def _reset() -> None:
    global _JOB, _ROWS
    import gc

    _JOB, _ROWS = None, {}
    gc.enable()


def assemble(outcomes: Iterable[Outcome], as_of: date, scores: ProvinceTable | None,
             files: int) -> Rollup:
    """Keep one file per commune (the later as-of), order worst first, add up the criteria."""
    chosen: dict[str, CommuneFigures] = {}
    left_out: list[FileProblem] = []
    ignored: Counter[str] = Counter()
    strings: dict[str, str] = {}
    for kind, value in outcomes:
        if kind == "commune":
            figures: CommuneFigures = value
            figures.share_strings(strings)
            other = chosen.get(figures.key)
            if other is None:
                chosen[figures.key] = figures
                continue
            keep, drop = (figures, other) if _later(figures, other) else (other, figures)
            chosen[figures.key] = keep
            left_out.append(FileProblem(drop.file, "rollup-duplicate", "warning", (
                ("commune", keep.commune), ("other", keep.file),
                ("other_as_of", day(keep.as_of)))))
        elif kind == "left_out":
            left_out.append(value)
        else:
            ignored[kind] += 1
    communes = sorted(chosen.values(), key=_worst_first)
    without_file: list[ProvinceRow] = []
    if scores is not None:
        rows = rows_by_key(scores)
        for figures in communes:
            if figures.province is None:
                figures.province = rows.get(figures.key)
        have = {c.key for c in communes}
        without_file = [row for row in scores.rows if row.key not in have]
    notes = [note for c in communes for note in c.notes]
    notes += [FileProblem(scores.path.name if scores else "", "rollup-no-file", "warning",
                          (("commune", row.name),)) for row in without_file]
    return Rollup(as_of=as_of, communes=communes, criteria=_criteria(communes),
                  areas=_areas(communes), left_out=left_out, notes=notes, files=files,
                  ignored=dict(ignored), scores=scores, without_file=without_file)


def _later(new: CommuneFigures, old: CommuneFigures) -> bool:
    if new.as_of != old.as_of:
        return new.as_of > old.as_of
    if new.kind != old.kind:
        return new.kind == "plan"  # a fresh check beats a summary of the same day
    return (new.mtime, new.file) > (old.mtime, old.file)


def _worst_first(c: CommuneFigures) -> tuple[Any, ...]:
    ratio = c.done_ratio if c.done_ratio is not None else 1.0
    return (-c.overdue, -c.missing_update, ratio, -(c.points_lost or 0.0), c.key)


def _criteria(communes: Sequence[CommuneFigures]) -> list[CriterionFigures]:
    table: dict[str, CriterionFigures] = {}
    names: dict[str, Counter[str]] = {}
    for commune in communes:
        for code, name, lost, uncovered in zip(commune.codes, commune.names, commune.losses,
                                               commune.uncovered_flags, strict=True):
            item = table.get(code)
            if item is None:
                item = table[code] = CriterionFigures(code, "", 0, 0.0, 0)
                names[code] = Counter()
            if lost > 0:
                item.communes_lost += 1
                item.lost_total += lost
            if uncovered:
                item.communes_uncovered += 1
            if name:
                names[code][name] += 1
    for code, item in table.items():
        item.lost_total = round(item.lost_total, 4)
        if names[code]:
            item.name = names[code].most_common(1)[0][0]
    return sorted(table.values(), key=lambda c: (-c.communes_lost, -c.lost_total,
                                                 -c.communes_uncovered, code_key(c.code)))


def _areas(communes: Sequence[CommuneFigures]) -> list[tuple[str, str]]:
    names: dict[str, Counter[str]] = {}
    for commune in communes:
        for code in commune.areas:
            names.setdefault(code, Counter())[commune.area_names.get(code, "")] += 1
    return [(code, names[code].most_common(1)[0][0]) for code in sorted(names, key=code_key)]


# --------------------------------------------------------------------------- JSON


def rollup_dict(rollup: Rollup, lang: str = "vi") -> dict[str, Any]:
    """The JSON ``cchc-rollup/1`` of contract §9."""
    return {
        "schema": SCHEMA,
        "as_of": rollup.as_of.isoformat(),
        "communes": [{
            "commune": c.commune, "file": c.file, "as_of": c.as_of.isoformat(),
            "tasks": c.tasks, "done": c.done, "overdue": c.overdue, "due_soon": c.due_soon,
            "missing_update": c.missing_update, "points_lost": c.points_lost,
            "weak": c.weak, "uncovered": c.uncovered,
        } for c in rollup.communes],
        "criteria": [{
            "code": c.code, "communes_lost": c.communes_lost, "lost_total": c.lost_total,
            "communes_uncovered": c.communes_uncovered,
        } for c in rollup.criteria],
        "problems": [{
            "file": p.file, "code": p.code, "severity": p.severity, "message": p.message(lang),
        } for p in rollup.problems],
    }


__all__ += ["assemble", "commune_figures", "custom_properties", "default_jobs", "file_kind"]
