"""What the SMT plugin adds to a flake8 run: flake8 + SMT vs flake8 + a do-nothing tree plugin.

flake8 runs every installed plugin on every file whatever ``--select`` says, so the plugin's
cost is paid on every file of every project that installs smtpcodes. This script times two
configurations over the same slice of the standard library, interleaved, in fresh processes:

* ``smt``:  flake8's own checkers (pyflakes, pycodestyle) + the installed SMT plugin;
* ``noop``: flake8's own checkers + a do-nothing tree plugin (``NOP``), loaded as a local
  plugin from a temporary ``[flake8:local-plugins]`` config.

Other installed third-party plugins (e.g. flake8-bugbear) are left out of both runs by a tiny
wrapper that filters flake8's plugin discovery, so the ratio does not depend on what else
happens to be installed. Both runs use the same config, ``--select SMT,NOP`` and ``-j 1``.

Usage::

    python bench/flake8_cost.py            # 50 files, 9 rounds
    python bench/flake8_cost.py --files 60 --rounds 9

Prints, for CPU time (user + system of the flake8 process, less sensitive to a busy machine)
and for wall time, the median of each configuration, the median of the per-round ratios and
the ratio of the fastest runs. Other processes on the machine add noise of several percent
per round; the in-process line (the checker alone, best of 5, as a share of the no-op run) is
steadier. Where valgrind is installed, the headline is the ratio of CPU instructions counted by
callgrind for one run of each configuration over the first ``--instruction-files`` files:
instruction counts repeat from run to run, whatever else the machine does (target: <= 1.03).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

NOOP_PLUGIN = '''\
"""A tree plugin that does nothing: the baseline cost of being a tree plugin."""
import ast
from typing import Iterator


class NoopChecker:
    name = "noop"
    version = "0"

    def __init__(self, tree: ast.AST) -> None:
        self.tree = tree

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        return iter(())
'''

CONFIG = """\
[flake8:local-plugins]
extension =
    NOP = noop_plugin:NoopChecker
paths = {paths}
"""

WRAPPER = '''\
"""Run flake8 with only the plugins of the distributions named in argv[1] (plus local ones)."""
import sys

from flake8.plugins import finder

KEEP = set(sys.argv[1].split(","))
_original = finder._find_importlib_plugins


def _filtered():
    for plugin in _original():
        if plugin.package in KEEP:
            yield plugin


finder._find_importlib_plugins = _filtered

if __name__ == "__main__":
    from flake8.main.cli import main

    sys.exit(main(sys.argv[2:]))
'''

BASE = "flake8,pyflakes,pycodestyle"
#: Bytecode caches on, as in a normal install: otherwise the plugin's module would be compiled
#: from source in every run, a cost users do not pay.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def stdlib_slice(count: int) -> list[str]:
    """Every n-th top-level module of the standard library: a spread of sizes and styles."""
    root = Path(sysconfig.get_paths()["stdlib"])
    files = sorted(p for p in root.glob("*.py") if p.stat().st_size > 2000)
    step = max(1, len(files) // count)
    return [str(p) for p in files[::step][:count]]


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one flake8 process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1) or "Traceback" in done.stderr:
        raise SystemExit(f"flake8 failed: {' '.join(cmd[:6])} ...\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--instruction-files", type=int, default=15)
    args = parser.parse_args()
    files = stdlib_slice(args.files)
    lines = sum(len(Path(f).read_text(encoding="utf-8", errors="replace").splitlines())
                for f in files)
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "noop_plugin.py").write_text(NOOP_PLUGIN)
        Path(tmp, "wrapper.py").write_text(WRAPPER)
        config = Path(tmp, "flake8.cfg")
        config.write_text(CONFIG.format(paths=tmp))
        common = ["--config", str(config), "--select", "SMT,NOP", "-j", "1", *files]
        smt = [sys.executable, str(Path(tmp, "wrapper.py")), f"{BASE},smtpcodes", *common]
        noop = [sys.executable, str(Path(tmp, "wrapper.py")), BASE, *common]
        run(smt)  # warm the page cache and the bytecode caches
        run(noop)
        times: dict[str, dict[str, list[float]]] = {
            name: {"wall": [], "cpu": []} for name in ("smt", "noop")}
        ratios: dict[str, list[float]] = {"wall": [], "cpu": []}
        for index in range(args.rounds):
            order = [("smt", smt), ("noop", noop)]
            for name, cmd in order if index % 2 == 0 else order[::-1]:
                wall, cpu = run(cmd)
                times[name]["wall"].append(wall)
                times[name]["cpu"].append(cpu)
            for measure in ("wall", "cpu"):
                ratios[measure].append(times["smt"][measure][-1] / times["noop"][measure][-1])
        counted: list[int] = []
        if shutil.which("valgrind"):
            some = files[:args.instruction_files]
            with ThreadPoolExecutor(max_workers=2) as pool:
                counted = list(pool.map(instructions, (
                    [*smt[:-len(files)], *some], [*noop[:-len(files)], *some])))
    print(f"files: {len(files)} top-level modules of {os.path.dirname(files[0])} "
          f"({lines} lines); rounds: {args.rounds}, interleaved; -j 1; --select SMT,NOP")
    for measure in ("cpu", "wall"):
        smt_median = statistics.median(times["smt"][measure])
        noop_median = statistics.median(times["noop"][measure])
        best = min(times["smt"][measure]) / min(times["noop"][measure])
        print(f"{measure:4}: flake8 + SMT {smt_median:.3f} s, flake8 + no-op {noop_median:.3f} s, "
              f"median ratio {statistics.median(ratios[measure]):.3f} "
              f"(min {min(ratios[measure]):.3f}, max {max(ratios[measure]):.3f}; "
              f"ratio of the fastest runs {best:.3f})")
    share_skip, share_full, scanned = in_process(files)
    noop_cpu = statistics.median(times["noop"]["cpu"])
    print(f"in-process, the plugin alone over the same files (best of 5): "
          f"{share_skip:.3f} s as flake8 calls it ({scanned} of {len(files)} files pass the "
          f"whole-file skip) = {100 * share_skip / noop_cpu:.1f}% of the no-op run; "
          f"{share_full:.3f} s if every file were scanned = {100 * share_full / noop_cpu:.1f}%")
    if counted:
        print(f"cost ratio (CPU instructions, callgrind, {args.instruction_files} files): "
              f"{counted[0] / counted[1]:.4f}  (target <= 1.03)")
        return
    print(f"cost ratio (median of per-round CPU-time ratios): "
          f"{statistics.median(ratios['cpu']):.3f}  (target <= 1.03)")


def instructions(cmd: list[str]) -> int:
    """Instructions one flake8 process executes, start-up included, counted by callgrind."""
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                           *cmd], capture_output=True, text=True,
                          env={**ENV, "PYTHONHASHSEED": "0"})
    return int(re.findall(r"Collected : (\d+)", done.stderr)[-1])


def in_process(files: list[str]) -> tuple[float, float, int]:
    """Seconds the checker itself takes over ``files``: with the whole-file skip, without it."""
    import ast

    from smtpcodes.flake8_plugin import SMTPCodeChecker

    parsed = []
    for name in files:
        source = Path(name).read_text(encoding="utf-8")
        parsed.append((ast.parse(source), source.splitlines(True)))
    scanned = 0
    for tree, lines in parsed:
        checker = SMTPCodeChecker(tree, lines)
        scanned += checker._may_hold_findings(lines)
    best_skip = best_full = float("inf")
    for _ in range(5):
        start = time.process_time()
        for tree, lines in parsed:
            list(SMTPCodeChecker(tree, lines).run())
        middle = time.process_time()
        for tree, _lines in parsed:
            list(SMTPCodeChecker(tree).run())
        end = time.process_time()
        best_skip = min(best_skip, middle - start)
        best_full = min(best_full, end - middle)
    return best_skip, best_full, scanned


if __name__ == "__main__":
    main()
