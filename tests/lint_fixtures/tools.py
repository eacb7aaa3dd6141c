"""Running the real ``smtpcodes`` and ``flake8`` commands in tests and the lint bench."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from collections.abc import Iterable
from pathlib import Path

#: One finding as both tools print it: (absolute path, line, column, code, message).
Row = tuple[str, int, int, str, str]

FLAKE8_FORMAT = "%(path)s\t%(row)d\t%(col)d\t%(code)s\t%(text)s"

#: flake8 with only its own plugins and ours: pycodestyle and pyflakes are not under test and
#: take most of flake8's time. Selection, noqa and reporting stay flake8's.
ONLY_SMT = """\
import sys

from flake8.plugins import finder

_found = finder._find_importlib_plugins


def _flake8_and_smtpcodes():
    return (p for p in _found() if p.package in ("flake8", "smtpcodes"))


finder._find_importlib_plugins = _flake8_and_smtpcodes

if __name__ == "__main__":
    from flake8.main.cli import main

    sys.exit(main(sys.argv[1:]))
"""


def smtpcodes_command() -> list[str]:
    """The installed console script next to this interpreter, else ``-m smtpcodes.cli``."""
    script = Path(sys.executable).with_name("smtpcodes")
    return [str(script)] if script.exists() else [sys.executable, "-m", "smtpcodes.cli"]


def run_lint(*args: str, cwd: Path | str | None = None, env: dict[str, str] | None = None,
             timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*smtpcodes_command(), "lint", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout, check=False)


def lint_rows(done: subprocess.CompletedProcess[str], cwd: Path | str) -> set[Row]:
    """The findings of a ``--format json`` run."""
    assert done.returncode in (0, 1), done.stderr
    data = json.loads(done.stdout)
    return {(os.path.abspath(os.path.join(cwd, f["path"])), f["line"], f["column"], f["code"],
             f["message"]) for f in data["findings"]}


def flake8_rows(paths: Iterable[str], cwd: Path | str, wrapper: Path | None = None,
                *options: str) -> set[Row]:
    """``flake8 --select SMT`` over ``paths``: findings with flake8's own columns."""
    prefix = [str(wrapper)] if wrapper else ["-m", "flake8"]
    done = subprocess.run(
        [sys.executable, *prefix, "--isolated", "--select", "SMT", "--format", FLAKE8_FORMAT,
         *options, *paths], cwd=cwd, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode in (0, 1), done.stderr
    rows = set()
    for line in done.stdout.splitlines():
        path, row, col, code, text = line.split("\t", 4)
        rows.add((os.path.abspath(os.path.join(cwd, path)), int(row), int(col), code, text))
    return rows


def stdlib_files(every: int = 1) -> list[str]:
    """The running Python's standard library sources (every n-th, and the SMTP modules)."""
    root = Path(sysconfig.get_paths()["stdlib"])
    skip = ("site-packages", "dist-packages", "__pycache__")
    files = sorted(str(p) for p in root.rglob("*.py")
                   if not any(part in skip for part in p.relative_to(root).parts))
    chosen = files[::every]
    for name in ("smtplib.py", "smtpd.py", "test/test_smtplib.py", "test/test_smtpd.py"):
        path = str(root / name)
        if path in files and path not in chosen:
            chosen.append(path)
    return chosen


def interpreters() -> list[str]:
    """This Python and every other CPython 3.10-3.14 on the machine (PATH or pyenv), one each."""
    import glob
    import shutil

    candidates = [sys.executable]
    pyenv = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    for minor in range(10, 15):
        candidates.append(shutil.which(f"python3.{minor}") or "")
        candidates += sorted(glob.glob(os.path.join(pyenv, "versions", f"3.{minor}.*", "bin",
                                                    "python")))
    found: dict[str, str] = {}
    for python in filter(None, candidates):
        done = subprocess.run([python, "-c", "import sys; print(sys.version_info[:2])"],
                              capture_output=True, text=True, timeout=60, check=False)
        version = done.stdout.strip()
        if done.returncode == 0 and version not in found:
            found[version] = python
    return list(found.values())
