"""Cost of ``import smtpcodes`` plus one lookup, as a ratio to a bare interpreter start.

The commands run interleaved, many times; each is timed by the CPU time its child process used
(user + system), and the fastest run of each is compared: other load on the machine only ever
adds time. Target: <= 1.20.
"""

from __future__ import annotations

import resource
import subprocess
import sys

BARE = [sys.executable, "-c", "pass"]
LOOKUP = [sys.executable, "-c", "import smtpcodes; smtpcodes.lookup('553').name"]
ENHANCED = [sys.executable, "-c", "import smtpcodes; smtpcodes.lookup('5.1.1', lang='zh').name"]


def _once(command: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(rounds: int = 40) -> None:
    for command in (BARE, LOOKUP, ENHANCED):
        _once(command)  # warm the page cache and the .pyc files
    times: dict[str, list[float]] = {"bare": [], "lookup": [], "enhanced": []}
    for _ in range(rounds):
        times["bare"].append(_once(BARE))
        times["lookup"].append(_once(LOOKUP))
        times["enhanced"].append(_once(ENHANCED))
    bare = min(times["bare"])
    for name in ("lookup", "enhanced"):
        best = min(times[name])
        print(f"import smtpcodes + {name:8} lookup: {best / bare:.3f}x bare interpreter start "
              f"({best * 1000:.1f} ms vs {bare * 1000:.1f} ms CPU)")


if __name__ == "__main__":
    main()
