"""Precision and recall of the SMT flake8 plugin on the fixture set, and of a plain regex.

The fixtures in ``tests/flake8_fixtures/`` declare every expected finding as a comment at the end
of the line holding the literal (``# expect: SMT100 SMT102``, or ``# expect-miss: SMT100`` for a
real finding the plugin is known to miss: it counts here as a false negative); every other
literal must stay silent. This script runs the real flake8 CLI
(``python -m flake8 --isolated --select SMT``) over them and scores the findings:

* plugin: a finding is right when the same (file, line, code) is declared;
* regex baseline: every string literal that starts with a reply code (``^[2-5][0-5]\\d[ -]``),
  no int literal at all, scored by (file, line) since a regex cannot tell SMT101 from SMT200.

Each fixture names its group on its first line (``# corpus: A``): A for SMTP servers, clients,
relays and their tests; B for other mail projects using other APIs (bounce parsers, list
managers, webmail and admin backends, milters, webhooks); ``trap`` for HTTP, FTP, NNTP, ports,
sizes and versions inside mail projects, where every finding is a false one. The scores are
given per group too, with the targets of issue 8.

Usage::

    python bench/flake8_precision.py          # summary
    python bench/flake8_precision.py -v       # also every false positive and false negative
    python bench/flake8_precision.py tests/flake8_fixtures/a.py ...   # only these fixtures
    python bench/flake8_precision.py --expect ../realcode/expect.json -v  # code kept elsewhere

``--expect`` scores files that must stay untouched (public code kept outside the repository):
their expected findings sit in a side JSON, ``{"A": {"path.py": [[line, "SMT100"], [line, col,
"SMT101"], ...]}, "B": {...}}``, paths relative to the JSON file, the group as the outer key.

Targets: set A precision >= 0.97, recall >= 0.95; set B precision >= 0.95, recall >= 0.85; no
finding in the traps.
"""

from __future__ import annotations

import argparse
import ast
import io
import json
import re
import subprocess
import sys
import tokenize
from collections import Counter
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "flake8_fixtures"
EXPECT_RE = re.compile(r"#\s*expect(?:-miss)?:\s*(.*)$")
GROUP_RE = re.compile(r"^# corpus: (\S+)", re.M)
TARGETS = {"A": (0.97, 0.95), "B": (0.95, 0.85)}
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


def expectations_from_json(path: Path) -> tuple[list[Path], Counter[Key], dict[str, str]]:
    """Files, (file, line, code) keys and groups from a side JSON (see ``--expect``)."""
    table = json.loads(path.read_text(encoding="utf-8"))
    paths: list[Path] = []
    expected: Counter[Key] = Counter()
    groups: dict[str, str] = {}
    for group, files in table.items():
        for name, findings in files.items():
            file = path.parent / name
            if file.name in groups:
                raise SystemExit(f"{path}: two files named {file.name}: scores key on the name")
            paths.append(file)
            groups[file.name] = group
            for *where, code in findings:
                expected[(file.name, int(where[0]), code)] += 1
    return paths, expected, groups


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


def group_of(path: Path) -> str:
    match = GROUP_RE.search(path.read_text(encoding="utf-8")[:200])
    return match.group(1) if match else "other"


def score(found: Counter, expected: Counter) -> tuple[int, int, int]:
    tp = sum((found & expected).values())
    return tp, sum(found.values()) - tp, sum(expected.values()) - tp


def ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--expect", type=Path, metavar="JSON",
                        help="score the files a side JSON names, with its expected findings")
    parser.add_argument("paths", nargs="*", type=Path,
                        help="fixture files to score (default: every file in the fixture set)")
    args = parser.parse_args()
    expected: Counter[Key] = Counter()
    named_groups: dict[str, str] = {}
    if args.expect:
        paths, expected, named_groups = expectations_from_json(args.expect)
        paths.sort()
    else:
        paths = sorted(args.paths) or sorted(FIXTURES.glob("*.py"))
        for path in paths:
            expected += expectations(path)
    stats: Counter[str] = Counter()
    naive: Counter[tuple[str, int]] = Counter()
    for path in paths:
        file_stats, file_naive = literal_stats(path)
        stats += file_stats
        naive += file_naive
    found = plugin_findings(paths)
    expected_lines: Counter[tuple[str, int]] = Counter()
    for (name, line, _code), count in expected.items():
        expected_lines[(name, line)] += count

    print(f"fixtures: {len(paths)} files in {paths[0].parent}")
    print("literals: " + ", ".join(f"{count} {kind}" for kind, count in sorted(stats.items())))
    by_code = Counter(key[2] for key in expected.elements())
    print(f"expected findings: {sum(expected.values())} "
          f"({', '.join(f'{count} {code}' for code, count in sorted(by_code.items()))})")
    rows = []
    tp, fp, fn = score(found, expected)
    rows.append(("SMT plugin (file, line, code)", tp, fp, fn))
    ntp, nfp, nfn = score(naive, expected_lines)
    rows.append(("regex ^[2-5][0-5]\\d[ -] on strings", ntp, nfp, nfn))
    groups: dict[str, list[str]] = {}
    for path in paths:
        group = named_groups.get(path.name) or group_of(path)
        groups.setdefault(group, []).append(path.name)
    for group, names in sorted(groups.items()):
        keep = set(names)
        rows.append((f"  set {group} ({len(names)} files)",
                     *score(Counter({k: v for k, v in found.items() if k[0] in keep}),
                            Counter({k: v for k, v in expected.items() if k[0] in keep}))))
    print(f"{'':38} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>7}")
    for name, t, f, n in rows:
        print(f"{name:38} {t:4} {f:4} {n:4} {ratio(t, t + f):10.3f} {ratio(t, t + n):7.3f}")
    if args.verbose:
        for key in sorted((found - expected).elements()):
            print("false positive:", *key)
        for key in sorted((expected - found).elements()):
            print("false negative:", *key)
    verdicts = []
    for name, t, f, n in rows[2:]:
        group = name.split()[1]
        if group == "trap":
            verdicts.append(f == 0)
        elif group in TARGETS:
            want_precision, want_recall = TARGETS[group]
            verdicts.append(ratio(t, t + f) >= want_precision and ratio(t, t + n) >= want_recall)
    verdict = "meets" if all(verdicts) else "MISSES"
    print(f"plugin {verdict} the targets (A: precision >= 0.97, recall >= 0.95; "
          "B: precision >= 0.95, recall >= 0.85; traps: no finding)")


if __name__ == "__main__":
    main()
