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

    python bench/flake8_cost.py            # 50 files, 7 rounds
    python bench/flake8_cost.py --files 60 --rounds 9

Prints, for CPU time (user + system of the flake8 process, robust against a busy machine)
and for wall time, the median of each configuration and the median of the per-round ratios.
The headline is the CPU-time ratio (target: <= 1.03).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
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
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1) or "Traceback" in done.stderr:
        raise SystemExit(f"flake8 failed: {' '.join(cmd[:6])} ...\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=7)
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
    print(f"files: {len(files)} top-level modules of {os.path.dirname(files[0])} "
          f"({lines} lines); rounds: {args.rounds}, interleaved; -j 1; --select SMT,NOP")
    for measure in ("cpu", "wall"):
        smt_median = statistics.median(times["smt"][measure])
        noop_median = statistics.median(times["noop"][measure])
        print(f"{measure:4}: flake8 + SMT {smt_median:.3f} s, flake8 + no-op {noop_median:.3f} s, "
              f"median ratio {statistics.median(ratios[measure]):.3f} "
              f"(min {min(ratios[measure]):.3f}, max {max(ratios[measure]):.3f})")
    print(f"cost ratio (median of per-round CPU-time ratios): "
          f"{statistics.median(ratios['cpu']):.3f}  (target <= 1.03)")


if __name__ == "__main__":
    main()
