"""Cost of ``import smtpcodes`` plus one lookup, as a ratio to a bare interpreter start, beside
the standard library's own ``import http; http.HTTPStatus(404).phrase`` measured the same way.

The commands run interleaved, many times; each is timed by the CPU time its child process used
(user + system), and the fastest run of each is compared: other load on the machine only ever
adds time. Target (issue 11): ``lookup`` at most 1.5x, the ratio ``http`` itself costs.

Run it with the interpreter of a clean virtual environment holding the installed wheel: an
interpreter whose site-packages run ``.pth`` start-up hooks makes every ratio look smaller.
"""

from __future__ import annotations

import resource
import subprocess
import sys

COMMANDS = {
    "bare": "pass",
    "smtpcodes lookup('553')": "import smtpcodes; smtpcodes.lookup('553').name",
    "smtpcodes lookup('5.1.1', lang='zh')":
        "import smtpcodes; smtpcodes.lookup('5.1.1', lang='zh').name",
    "smtpcodes SMTPStatus(553).phrase": "import smtpcodes; smtpcodes.SMTPStatus(553).phrase",
    "http HTTPStatus(404).phrase": "import http; http.HTTPStatus(404).phrase",
}


def _once(code: str) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", code], check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(rounds: int = 40) -> dict[str, float]:
    """The fastest CPU time of each command, in seconds."""
    for code in COMMANDS.values():
        _once(code)  # warm the page cache and the .pyc files
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(rounds):
        for name, code in COMMANDS.items():
            times[name].append(_once(code))
    return {name: min(found) for name, found in times.items()}


def main() -> None:
    best = measure()
    bare = best.pop("bare")
    print(f"bare interpreter start: {bare * 1000:.1f} ms CPU ({sys.executable})")
    for name, seconds in best.items():
        print(f"{name:40} {seconds / bare:.3f}x bare ({seconds * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
