"""``smtpcodes lint``: the ``SMT`` checks of the flake8 plugin, without flake8.

Ruff runs no plugins, so a ruff project gets the checks here: the same scanner
(:func:`smtpcodes.scan.check`), codes, messages and ``# noqa`` handling, over files checked in
parallel, plus ``--fix``. This module holds the command: options, the run over files and what
each file's check does; discovery, configuration, output and the fixer have modules of their
own (``lint_files``, ``lint_config``, ``lint_output``, ``fix``).

Worker processes get plain values only (file paths and :class:`lint_config.Options`) and build
their scanner settings themselves, so the run also works under the ``spawn`` start method.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .fix_target import Target
    from .lint_config import Options
    from .lint_output import FileError, Finding
    from .scan import Report, Settings

#: Below this many files a worker pool costs more than it saves.
_POOL_MIN_FILES = 16


def add_subcommand(sub: Any) -> None:
    """Register ``lint`` on the ``smtpcodes`` command's sub-parsers."""
    from .lint_output import FORMATS

    lint = sub.add_parser(
        "lint", help="report (and fix) hard-coded SMTP codes in Python files, without flake8",
        description="The SMT checks of the flake8 plugin for any project (ruff projects too). "
                    "Options default to [tool.smtpcodes] in pyproject.toml. Exit status: 0 "
                    "clean, 1 findings, 2 bad usage or configuration.")
    lint.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                      help="files and folders (default: the current folder)")
    lint.add_argument("--config", metavar="FILE", help="pyproject.toml to read [tool.smtpcodes] "
                      "from (default: the nearest one upwards)")
    for flag, text in (
            ("select", "codes or prefixes to report (default: SMT)"),
            ("ignore", "codes or prefixes not to report"),
            ("allow", "SMTP codes that may be written as literals, e.g. 250,2.0.0"),
            ("modules", "extra modules whose import marks SMTP code"),
            ("callables", "your own reply helpers: NAME or NAME:CODE:TEXT"),
            ("exclude", "gitignore-style patterns to skip (replaces exclude from the config)"),
            ("extend-exclude", "patterns to skip in addition to exclude")):
        names = [f"--{flag}"] + ([f"--smtp-{flag}"] if flag in ("allow", "modules", "callables")
                                 else [])
        lint.add_argument(*names, dest=flag.replace("-", "_"), metavar="LIST",
                          help=f"{text}; comma-separated")
    lint.add_argument("--catalogue", "--smtp-catalogue", dest="catalogue", metavar="FILE",
                      help="custom catalogue file (TOML or YAML) with your own codes")
    lint.add_argument("--no-respect-gitignore", action="store_true",
                      help="also read files that .gitignore files exclude")
    lint.add_argument("--format", choices=FORMATS, default="text",
                      help="text (flake8's), json, github (workflow annotations) or sarif")
    lint.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                      help="colour text output (auto: on a terminal unless NO_COLOR is set)")
    lint.add_argument("--statistics", action="store_true", help="count findings per code")
    lint.add_argument("--fix", action="store_true",
                      help="rewrite literals into enum constants where behaviour cannot change")
    lint.add_argument("--diff", action="store_true",
                      help="print what --fix would change as a diff, write nothing")
    lint.add_argument("--fix-import", metavar="MODULE:NAME",
                      help="the enum --fix writes (default: smtpcodes:SMTPStatus)")
    lint.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                      help="processes to run (default: one per core)")
    lint.set_defaults(run=run)


def _jobs(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("give at least 1")
    return number


def cores() -> int:
    """Cores this process may use."""
    counter = getattr(os, "process_cpu_count", None)
    if counter is not None:
        return int(counter() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


# --- one run ------------------------------------------------------------------------------------

class FileResult(NamedTuple):
    """What one file's check returns to the parent process."""

    findings: list[Finding]
    error: FileError | None = None
    notes: tuple[str, ...] = ()
    diff: str = ""
    fixed: int = 0


def run(args: argparse.Namespace, cat: Catalogue | None = None, out: TextIO = sys.stdout
        ) -> int:
    """The ``lint`` sub-command; returns the exit status."""
    from . import lint_output
    from .fix_target import load as load_target
    from .lint_config import ConfigError, load
    from .lint_files import discover

    err = sys.stderr
    try:
        options, excludes = load(args)
        load_target(options.fix_import, options.root)
    except (ConfigError, ValueError) as error:
        err.write(f"smtpcodes lint: error: {error}\n")
        return 2
    missing = [p for p in args.paths if not os.path.exists(p)]
    if missing:
        err.write(f"smtpcodes lint: error: no such file or folder: {', '.join(missing)}\n")
        return 2
    mode = "diff" if args.diff else "fix" if args.fix else "check"
    files = list(discover(args.paths, excludes))
    results = run_files(files, options, mode, args.jobs or cores())
    findings = [f for r in results for f in r.findings]
    errors = [r.error for r in results if r.error is not None]
    for note in (n for r in results for n in r.notes):
        err.write(f"{note}\n")
    if mode == "diff":
        out.write("".join(r.diff for r in results))
    else:
        colour = args.color == "always" or (args.color == "auto" and _colour(out))
        lint_output.write(args.format, findings, errors, out, colour)
    if args.statistics:
        lint_output.statistics(findings, out if args.format == "text" else err)
    _summary(results, findings, mode, err)
    changed = mode == "diff" and any(r.diff for r in results)
    return 1 if findings or errors or changed else 0


def _colour(stream: TextIO) -> bool:
    return (stream.isatty() and not os.environ.get("NO_COLOR")
            and os.environ.get("TERM") != "dumb")


def _summary(results: list[FileResult], findings: list[Finding], mode: str, err: TextIO
             ) -> None:
    fixed = sum(r.fixed for r in results)
    files = sum(1 for r in results if r.fixed)
    if mode == "fix" and fixed:
        err.write(f"smtpcodes lint: fixed {_count(fixed, 'finding')} in "
                  f"{_count(files, 'file')}, {len(findings)} left\n")
    elif mode == "diff" and fixed:
        err.write(f"smtpcodes lint: --fix would fix {_count(fixed, 'finding')} in "
                  f"{_count(files, 'file')}\n")
    elif mode == "check":
        can = sum(1 for f in findings if f.fix)
        if can:
            err.write(f"smtpcodes lint: {_count(can, 'finding')} of {len(findings)} can be "
                      "fixed with --fix\n")


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def run_files(files: list[str], options: Options, mode: str, jobs: int) -> list[FileResult]:
    """Every file's result, in the order given; over ``jobs`` processes when it pays."""
    if jobs <= 1 or len(files) < _POOL_MIN_FILES:
        _start(options, mode)
        return [lint_file(path) for path in files]
    import multiprocessing

    by_size = sorted(files, key=_size, reverse=True)  # big files first: the pool ends together
    chunk = max(1, min(8, len(files) // (jobs * 8)))
    with multiprocessing.get_context().Pool(min(jobs, len(files)), initializer=_start,
                                            initargs=(options, mode)) as pool:
        done = dict(zip(by_size, pool.imap(lint_file, by_size, chunk), strict=True))
    return [done[path] for path in files]


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


# --- one file (in a worker process) -------------------------------------------------------------

class _Worker(NamedTuple):
    options: Options
    settings: Settings
    target: Target
    mode: str
    first_party: frozenset[str]


_WORKER: list[_Worker] = []


def _start(options: Options, mode: str) -> None:
    """Per process: the scanner's settings and the fixer's target, built once."""
    from .fix_target import load as load_target
    from .lint_config import first_party
    from .scan import Settings

    settings = Settings.from_options(**options.settings_kwargs())
    target = load_target(options.fix_import, options.root)
    _WORKER[:] = [_Worker(options, settings, target, mode, first_party(options.root))]


def lint_file(path: str) -> FileResult:
    """Read, parse, check and (in fix modes) rewrite one file; a failure is that file's own."""
    from .lint_output import FileError

    shown = _shown(path)
    try:
        return _lint_file(path, shown, _WORKER[0])
    except Exception as error:  # noqa: BLE001 - one file must not stop the run
        return FileResult([], FileError(shown, 0, 0, "smtpcodes could not check this file "
                                        f"({type(error).__name__}: {error}); please report it"))


def _lint_file(path: str, shown: str, worker: _Worker) -> FileResult:
    from .lint_output import FileError

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO or a device: reading would hang
            return FileResult([], FileError(shown, 0, 0, "cannot read: not a regular file"))
        with open(path, "rb") as f:
            data = f.read()
    except OSError as error:
        return FileResult([], FileError(shown, 0, 0, f"cannot read: {error.strerror}"))
    encoding, text = _decode(data)
    checked = _check(text, shown, worker)
    if isinstance(checked, FileError):
        return FileResult([], checked)
    tree, reports, lines = checked
    if worker.mode == "check" or not reports:
        return FileResult(_findings(shown, text, reports, lines, tree, worker))
    from .fix import fix

    fixed = fix(text, tree, reports, worker.target, worker.first_party)
    notes = tuple(f"{shown}: {note}" for note in fixed.notes)
    if fixed.text == text:
        return FileResult(_findings(shown, text, reports, lines, tree, worker), None,
                          notes)
    if worker.mode == "diff":
        left = [r for r in reports if (r.line, r.col) not in fixed.fixed]
        return FileResult(_findings(shown, text, left, lines, tree, worker), None,
                          notes, _diff(text, fixed.text, shown), len(fixed.fixed))
    try:
        with open(path, "wb") as f:
            f.write(fixed.text.encode(encoding))
    except OSError as error:
        return FileResult([], FileError(shown, 0, 0, f"cannot write: {error.strerror}"), notes)
    again = _check(fixed.text, shown, worker)
    if isinstance(again, FileError):  # cannot happen: fix() compiled the text
        return FileResult([], again, notes)
    tree, reports, lines = again
    return FileResult(_findings(shown, fixed.text, reports, lines, tree, worker), None,
                      notes, fixed=len(fixed.fixed))


def _shown(path: str) -> str:
    """The path as the user reads it: relative to the current folder when below it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _decode(data: bytes) -> tuple[str, str]:
    """The text as Python reads it (PEP 263, BOM), latin-1 when that fails, as flake8 does."""
    import io
    import tokenize

    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return encoding, data.decode(encoding)
    except (SyntaxError, UnicodeError, LookupError):
        return "latin-1", data.decode("latin-1")


def _check(text: str, shown: str, worker: _Worker
           ) -> tuple[Any, list[Report], list[str]] | FileError:
    """Parse and scan; the reports flake8 would show (selected, not silenced by noqa)."""
    import ast
    import warnings

    from .fix import split_lines
    from .lint_noqa import unsilenced
    from .lint_output import FileError
    from .scan import MESSAGES, Report, check

    universal = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = split_lines(universal)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "invalid escape sequence" is not ours to say
            tree = ast.parse(universal, shown)
    except SyntaxError as error:
        return FileError(shown, error.lineno or 1, error.offset or 1,
                         f"{type(error).__name__}: {error.msg}")
    except (ValueError, RecursionError, MemoryError) as error:
        return FileError(shown, 1, 1, f"cannot parse: {error}")
    try:
        reports = check(tree, lines, worker.settings)
    except Exception as error:  # noqa: BLE001 - one file's failure must not stop the run
        reports = [Report(1, 0, "SMT900", MESSAGES["SMT900"].format(
            error=type(error).__name__), "")]
    selected = [r for r in reports if worker.options.selected(r.code)]
    return tree, unsilenced(selected, lines), lines


def _findings(shown: str, text: str, reports: list[Report], lines: list[str], tree: Any,
              worker: _Worker) -> list[Finding]:
    """Reports as printed; a check names the constant ``--fix`` would write."""
    from .lint_output import Finding

    fixes: dict[tuple[int, int], str] = {}
    if worker.mode == "check" and reports:
        from .fix import fixable

        fixes = fixable(text, tree, reports, worker.target, worker.first_party)
    found = []
    for r in reports:
        line = lines[r.line - 1] if 0 < r.line <= len(lines) else ""
        chars = len(line.encode("utf-8")[:r.col].decode("utf-8", "replace"))
        member = fixes.get((r.line, r.col))
        found.append(Finding(shown, r.line, r.col + 1, r.code, r.message.partition(" ")[2],
                             chars + 1, f"{worker.target.name}.{member}" if member else None))
    return found


def _diff(old: str, new: str, shown: str) -> str:
    import difflib

    from .fix import split_lines

    name = shown.replace(os.sep, "/")
    return "".join(difflib.unified_diff(split_lines(old), split_lines(new), f"a/{name}",
                                        f"b/{name}"))
