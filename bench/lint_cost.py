"""What ``smtpcodes lint`` costs next to ``flake8 --select SMT``, over the whole standard library.

One run measures, on the same files:

* ``flake8 --select SMT`` (every installed plugin, all cores: what a project pays today);
* ``smtpcodes lint`` (all cores, the default) and ``smtpcodes lint -j 1``.

Cost is CPU time (user + system of the command and its worker processes), which other load on
the machine barely changes. That every core is used is read from ``/proc`` while lint runs: how
many worker processes it started and the CPU time each spent (wall times are printed too, but
mean little on a busy machine). Both tools must print the same findings (paths, lines,
columns, codes, messages): the whole-stdlib equality check of issue 12.

    python bench/lint_cost.py [--max-ratio 0.2]

Exits 1 when the findings differ or lint costs more than ``--max-ratio`` of flake8.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

from lint_fixtures.tools import smtpcodes_command, stdlib_files  # noqa: E402
from smtpcodes.lint import cores  # noqa: E402


class Run(NamedTuple):
    cpu: float
    wall: float
    lines: list[str]
    #: CPU seconds of each worker process seen in /proc (empty where there is no /proc).
    workers: list[float]


def measure(command: list[str], cwd: str) -> Run:
    """One command: its CPU and wall time, output, and what its worker processes spent."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    seen: dict[int, float] = {}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, text=True)
        while process.poll() is None:
            for child in _children(process.pid):
                seen[child] = max(seen.get(child, 0.0), _cpu_of(child))
            time.sleep(0.05)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode not in (0, 1):
        sys.exit(f"{command[:3]} failed: {stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(cpu, wall, stdout.splitlines(), sorted(seen.values(), reverse=True))


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def _cpu_of(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def findings(lines: list[str]) -> list[str]:
    """``path:line:col: SMTxxx message`` lines: lint's one-line parse errors left out, as
    flake8 shows none with ``--select SMT``."""
    return sorted(line for line in lines if line.split(": ", 1)[-1].startswith("SMT"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-ratio", type=float, default=0.2)
    args = parser.parse_args()
    files = stdlib_files()
    root = str(Path(files[0]).parent)
    names = [str(Path(f).relative_to(root)) for f in files]
    lint = [*smtpcodes_command(), "lint", "--color", "never", *names]
    runs = {
        "flake8 --select SMT": measure(
            [sys.executable, "-m", "flake8", "--select", "SMT", "--color", "never", *names],
            root),
        "smtpcodes lint": measure(lint, root),
        "smtpcodes lint -j 1": measure([*lint, "-j", "1"], root),
    }
    print(f"{len(files)} files of {root}, {cores()} cores")
    print(f"{'command':<22}{'CPU s':>9}{'wall s':>9}{'findings':>10}")
    for name, run in runs.items():
        print(f"{name:<22}{run.cpu:>9.2f}{run.wall:>9.2f}{len(findings(run.lines)):>10}")
    flake8, lint_run, serial = runs.values()
    ratio = lint_run.cpu / flake8.cpu
    print(f"cost ratio lint/flake8 (CPU): {ratio:.3f} (limit {args.max_ratio})")
    print(f"wall ratio lint/flake8: {lint_run.wall / flake8.wall:.3f}; "
          f"lint wall against -j 1: {lint_run.wall / serial.wall:.2f} (ideal {1 / cores():.2f})")
    busy = [cpu for cpu in lint_run.workers if cpu >= 0.1 * lint_run.cpu / cores()]
    print(f"lint worker processes: {len(lint_run.workers)}, CPU s each: "
          f"{', '.join(f'{cpu:.2f}' for cpu in lint_run.workers)}")
    every_core = not lint_run.workers or len(busy) >= cores()
    print(f"uses every core: {every_core}")
    same = findings(flake8.lines) == findings(lint_run.lines) == findings(serial.lines)
    print(f"same findings as flake8: {same}")
    if not same:
        theirs, ours = set(findings(flake8.lines)), set(findings(lint_run.lines))
        for line in sorted(theirs - ours)[:10]:
            print(f"  only flake8: {line}")
        for line in sorted(ours - theirs)[:10]:
            print(f"  only lint:   {line}")
    return 0 if same and every_core and ratio <= args.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
