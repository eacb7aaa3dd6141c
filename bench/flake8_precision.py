"""Precision and recall of the SMT flake8 plugin on the fixture set, and of a plain regex.

The fixtures in ``tests/flake8_fixtures/`` declare every expected finding as a comment at the end
of the line holding the literal (``# expect: SMT100 SMT102``, or ``# expect-miss: SMT100`` for a
real finding the plugin is known to miss: it counts here as a false negative); every other
literal must stay silent. This script runs the real flake8 CLI
(``python -m flake8 --isolated --select SMT``) over them and scores the findings:

* plugin: a finding is right when the same (file, line, code) is declared;
* regex baseline: every string literal that starts with a reply code (``^[2-5][0-5]\\d[ -]``),
  no int literal at all, scored by (file, line) since a regex cannot tell SMT101 from SMT200.

Usage::

    python bench/flake8_precision.py          # summary
    python bench/flake8_precision.py -v       # also every false positive and false negative

Targets for the plugin: precision >= 0.97, recall >= 0.95.
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import subprocess
import sys
import tokenize
from collections import Counter
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "flake8_fixtures"
EXPECT_RE = re.compile(r"#\s*expect(?:-miss)?:\s*(.*)$")
CODE_RE = re.compile(r"SMT\d{3}")
NAIVE_RE = re.compile(r"^[2-5][0-5]\d[ -]")
BASIC_INT = re.compile(r"[2-5][0-5]\d")

Key = tuple[str, int, str]


def expectations(path: Path) -> Counter[Key]:
    """(file, line, code) for every ``# expect:`` comment (real comments only, via tokenize)."""
    found: Counter[Key] = Counter()
    source = path.read_text(encoding="utf-8")
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            match = EXPECT_RE.search(token.string)
            if match:
                for code in CODE_RE.findall(match.group(1)):
                    found[(path.name, token.start[0], code)] += 1
    return found


def plugin_findings(paths: list[Path]) -> Counter[Key]:
    cmd = [sys.executable, "-m", "flake8", "--isolated", "--select", "SMT",
           "--format", "%(path)s\t%(row)d\t%(col)d\t%(code)s", *map(str, paths)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode not in (0, 1) or done.stderr.strip():
        raise SystemExit(f"flake8 failed ({done.returncode}):\n{done.stderr}")
    found: Counter[Key] = Counter()
    for line in done.stdout.splitlines():
        path, row, _col, code = line.split("\t")
        found[(Path(path).name, int(row), code)] += 1
    return found


def literal_stats(path: Path) -> tuple[Counter[str], Counter[tuple[str, int]]]:
    """Counts of literals by kind, and the naive regex's hits by (file, line)."""
    stats: Counter[str] = Counter()
    naive: Counter[tuple[str, int]] = Counter()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            head = node.values[0] if node.values else None
            if isinstance(head, ast.Constant) and NAIVE_RE.match(str(head.value)):
                naive[(path.name, node.lineno)] += 1
            continue
        if not isinstance(node, ast.Constant):
            continue
        value = node.value
        if isinstance(value, bool):
            continue
        if isinstance(value, int):
            stats["int"] += 1
            if BASIC_INT.fullmatch(str(value)):
                stats["int in 200-559"] += 1
        elif isinstance(value, (str, bytes)):
            text = value.decode("latin-1") if isinstance(value, bytes) else value
            stats["string"] += 1
            if re.match(r"[2-5][0-5]\d(?:[ \-\r\n]|$)|[245]\.\d{1,3}\.\d{1,3}", text):
                stats["string starting with a code"] += 1
            if NAIVE_RE.match(text):
                naive[(path.name, node.lineno)] += 1
    return stats, naive


def score(found: Counter, expected: Counter) -> tuple[int, int, int]:
    tp = sum((found & expected).values())
    return tp, sum(found.values()) - tp, sum(expected.values()) - tp


def ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    paths = sorted(FIXTURES.glob("*.py"))
    expected: Counter[Key] = Counter()
    stats: Counter[str] = Counter()
    naive: Counter[tuple[str, int]] = Counter()
    for path in paths:
        expected += expectations(path)
        file_stats, file_naive = literal_stats(path)
        stats += file_stats
        naive += file_naive
    found = plugin_findings(paths)
    expected_lines: Counter[tuple[str, int]] = Counter()
    for (name, line, _code), count in expected.items():
        expected_lines[(name, line)] += count

    print(f"fixtures: {len(paths)} files in {FIXTURES}")
    print("literals: " + ", ".join(f"{count} {kind}" for kind, count in sorted(stats.items())))
    by_code = Counter(key[2] for key in expected.elements())
    print(f"expected findings: {sum(expected.values())} "
          f"({', '.join(f'{count} {code}' for code, count in sorted(by_code.items()))})")
    rows = []
    tp, fp, fn = score(found, expected)
    rows.append(("SMT plugin (file, line, code)", tp, fp, fn))
    ntp, nfp, nfn = score(naive, expected_lines)
    rows.append(("regex ^[2-5][0-5]\\d[ -] on strings", ntp, nfp, nfn))
    print(f"{'':38} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>7}")
    for name, t, f, n in rows:
        print(f"{name:38} {t:4} {f:4} {n:4} {ratio(t, t + f):10.3f} {ratio(t, t + n):7.3f}")
    if args.verbose:
        for key in sorted((found - expected).elements()):
            print("false positive:", *key)
        for key in sorted((expected - found).elements()):
            print("false negative:", *key)
    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    verdict = "meets" if precision >= 0.97 and recall >= 0.95 else "MISSES"
    print(f"plugin {verdict} the targets (precision >= 0.97, recall >= 0.95)")


if __name__ == "__main__":
    main()
