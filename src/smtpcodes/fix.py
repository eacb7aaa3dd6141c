"""``smtpcodes lint --fix``: SMT100 literals become enum constants where nothing can tell.

An int literal is rewritten where its value meets nothing but ``==``, ``!=``, ``in``,
``not in``, a ``case`` pattern or unittest's ``assertEqual``, ``assertNotEqual``, ``assertIn``
and ``assertNotIn`` (directly or inside a tuple, list, set or dict literal): there an ``IntEnum``
member equal to it gives every result the int gave. With ``SMTPStatus``, whose ``str()``,
``format()`` and ``repr()`` are the int's, a literal passed as an argument
(``SMTPSenderRefused(553, ...)``) or as a parameter's default is rewritten too: exception
messages, logged tuples and ``%r`` print what they printed. Not in a file that looks at a
value's type (:mod:`.fix_observers`; where its own ``__eq__`` does, nothing is rewritten).
A project's own enum (``--fix-import``) keeps the enum's ``repr()``, so there arguments stay.
Return values and assignments always stay: the value travels further than the tool can
follow. A bound of a range or ordering test (``code >= 500``) is a class boundary, not the
reply the constant names: never rewritten.

Only the literal's own characters change (and one import line is added): the rest of the text,
its comments and line endings stay as they were. An edit that would not compile is dropped and
reported with the file unchanged.
"""

from __future__ import annotations

import ast
import re
import warnings
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from .fix_imports import Reach, reach
from .fix_observers import IDENTITY, comparison_observer, type_observer
from .fix_target import Target, last_name
from .scan import Report

_CONSUMING = (ast.Eq, ast.NotEq, ast.In, ast.NotIn)
_CONTAINERS = (ast.Tuple, ast.List, ast.Set)
_ASSERTS = frozenset({"assertEqual", "assertNotEqual", "assertIn", "assertNotIn"})
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_NUMBER_RE = re.compile(r"(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9][0-9_]*)")


class Fixed(NamedTuple):
    """The file's new text (the old one when nothing changed), the findings rewritten (by
    line and column) and why the rest of the fixable ones were not (one line each)."""

    text: str
    fixed: frozenset[tuple[int, int]]
    notes: tuple[str, ...] = ()


class _Site(NamedTuple):
    node: ast.Constant
    value: int
    deferred: bool  # inside a function body: runs after the module's imports


def split_lines(text: str) -> list[str]:
    """Lines with their own endings, split where Python's tokenizer splits them."""
    return _LINE_RE.findall(text)


def fix(text: str, tree: ast.Module, reports: Sequence[Report], target: Target,
        first_party: frozenset[str] = frozenset()) -> Fixed:
    """Rewrite every fixable SMT100 of ``reports`` in ``text`` (parsed as ``tree``)."""
    lines, chosen, way, withheld = _plan(text, tree, reports, target, first_party)
    notes = (f"not fixed: {withheld}",) if withheld else ()
    if not chosen:
        return Fixed(text, frozenset(), notes)
    if isinstance(way, str):
        return Fixed(text, frozenset(), (f"not fixed: {way}", *notes))
    edited = _apply(lines, chosen, way)
    if edited is None:
        return Fixed(text, frozenset(), ("not fixed: a literal is not where the parser put it",))
    new_text, done = edited
    problem = _compile_problem(new_text, text)
    if problem is not None:
        return Fixed(text, frozenset(), (f"not fixed: the result would not compile ({problem})",))
    return Fixed(new_text, frozenset(done), notes)


def fixable(text: str, tree: ast.Module, reports: Sequence[Report], target: Target,
            first_party: frozenset[str] = frozenset()) -> dict[tuple[int, int], str]:
    """(line, col) -> member name, for the findings ``fix`` would rewrite."""
    _, chosen, way, _ = _plan(text, tree, reports, target, first_party)
    if isinstance(way, str):
        return {}
    return {(report.line, report.col): member for report, _, member in chosen}


_Chosen = list[tuple[Report, _Site, str]]


def _plan(text: str, tree: ast.Module, reports: Sequence[Report], target: Target,
          first_party: frozenset[str]) -> tuple[list[str], _Chosen, Reach | str, str]:
    """The literals to rewrite, the way to the enum (or why there is none) and why some
    arguments stay ints (empty when none do)."""
    chosen, withheld = _chosen(tree, reports, target)
    if not chosen:
        return [], chosen, "", withheld
    lines = split_lines(text)
    immediate = [site.node.lineno for _, site, _ in chosen if not site.deferred]
    way = reach(tree, lines, target, first_party, min(immediate, default=0), _newline(lines))
    return lines, chosen, way, withheld


def _chosen(tree: ast.Module, reports: Sequence[Report], target: Target
            ) -> tuple[_Chosen, str]:
    """The SMT100 findings at a safe site with a member of their value, and their member's
    name; why the others are not among them in a file that looks at types (or "")."""
    if not any(report.code == "SMT100" and not report.bound for report in reports):
        return [], ""
    comparer = comparison_observer(tree)
    if comparer is not None:
        everything = len(_at_sites(reports, _sites(tree, target.passes_as_int), target))
        return [], _withheld(everything, "finding", comparer, target) if everything else ""
    observer = type_observer(tree) if target.passes_as_int else None
    chosen = _at_sites(reports, _sites(tree, arguments=target.passes_as_int and not observer),
                       target)
    if observer is None:
        return chosen, ""
    withheld = len(_at_sites(reports, _sites(tree, arguments=True), target)) - len(chosen)
    return chosen, _withheld(withheld, "argument", observer, target) if withheld else ""


def _withheld(count: int, what: str, observer: tuple[int, str], target: Target) -> str:
    line, how = observer
    return (f"{count} {what}{'s' * (count != 1)}: line {line} tells an {target.name} from an "
            f"int ({how})")


def _at_sites(reports: Sequence[Report], sites: dict[tuple[int, int], _Site], target: Target
              ) -> _Chosen:
    chosen: _Chosen = []
    for report in reports:
        site = sites.get((report.line, report.col))
        if report.code != "SMT100" or report.bound or site is None:
            continue
        member = target.members.get(site.value)
        if member is not None:
            chosen.append((report, site, member))
    return chosen


def _sites(tree: ast.Module, arguments: bool) -> dict[tuple[int, int], _Site]:
    """Int literals whose value only meets equality: ``==``, ``!=``, ``in``, ``not in``, a
    ``case`` pattern or an equality assertion; with ``arguments``, also arguments of calls and
    parameter defaults (an argument the caller left out)."""
    found: dict[tuple[int, int], _Site] = {}
    echoed = _echoed(tree)
    stack: list[tuple[ast.AST, bool]] = [(tree, False)]
    while stack:
        node, deferred = stack.pop()
        compared: list[ast.expr] = []
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            compared = [operand for index, operand in enumerate(operands)
                        if all(isinstance(op, _CONSUMING)
                               for op in node.ops[max(0, index - 1):index + 1])]
        elif isinstance(node, ast.MatchValue):
            compared = [node.value]
        elif isinstance(node, ast.Call):
            if arguments and last_name(node.func) not in IDENTITY:
                compared = [*node.args, *(keyword.value for keyword in node.keywords)]
            elif isinstance(node.func, ast.Attribute) and node.func.attr in _ASSERTS:
                compared = node.args[:2]
        elif arguments and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            compared = [*node.args.defaults, *(d for d in node.args.kw_defaults if d)]
        for operand in compared:
            for literal, value in _literals(operand):
                if id(literal) not in echoed:
                    found[(literal.lineno, literal.col_offset)] = _Site(literal, value, deferred)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            body = node.body if isinstance(node.body, list) else [node.body]
            stack.extend((child, True) for child in body)
            header = [*node.args.defaults, *(d for d in node.args.kw_defaults if d)]
            if not isinstance(node, ast.Lambda):
                header += node.decorator_list
            stack.extend((child, deferred) for child in header)
        else:
            stack.extend((child, deferred) for child in ast.iter_child_nodes(node))
    return found


def _echoed(tree: ast.Module) -> set[int]:
    """Int literals an f-string prints as source text (``f"{code == 250=}"`` shows
    ``code == 250=True``): the ids of their nodes."""
    echoed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for before, field in zip(node.values, node.values[1:], strict=False):
                if (isinstance(field, ast.FormattedValue) and isinstance(before, ast.Constant)
                        and isinstance(before.value, str) and before.value.rstrip().endswith("=")):
                    echoed.update(id(n) for n in ast.walk(field.value)
                                  if isinstance(n, ast.Constant) and str(n.value) in before.value)
    return echoed


def _literals(node: ast.expr) -> Iterator[tuple[ast.Constant, int]]:
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, int) and not isinstance(value, bool):
            yield node, value
    elif isinstance(node, _CONTAINERS):
        for element in node.elts:
            yield from _literals(element)
    elif isinstance(node, ast.Dict):  # keys hash and compare as their ints, values print so
        for entry in (*node.keys, *node.values):
            if entry is not None:  # None: a ``**mapping`` key
                yield from _literals(entry)


def _apply(lines: list[str], chosen: _Chosen, way: Reach
           ) -> tuple[str, list[tuple[int, int]]] | None:
    """Replace each literal's characters, right to left per line; add the import line."""
    out = list(lines)
    done: list[tuple[int, int]] = []
    for report, site, member in sorted(chosen, key=lambda c: (c[1].node.lineno,
                                                               c[1].node.col_offset),
                                       reverse=True):
        node = site.node
        if node.end_lineno != node.lineno or node.end_col_offset is None:
            return None
        index = node.lineno - 1
        line = out[index]
        raw = line.encode("utf-8")
        start = len(raw[:node.col_offset].decode("utf-8", "replace"))
        end = len(raw[:node.end_col_offset].decode("utf-8", "replace"))
        token = line[start:end]
        if not _NUMBER_RE.fullmatch(token) or int(token.replace("_", ""), 0) != site.value:
            return None
        replacement = f"{way.ref}.{member}"
        if start and (line[start - 1].isalnum() or line[start - 1] == "_"):
            replacement = " " + replacement
        if end < len(line) and (line[end].isalnum() or line[end] == "_"):
            replacement += " "
        out[index] = line[:start] + replacement + line[end:]
        done.append((report.line, report.col))
    if way.insert_at is not None:
        at = way.insert_at
        if at == len(out) and out and not out[-1].endswith(("\n", "\r")):
            out[-1] += _newline(out)
        out[at:at] = way.insert
    return "".join(out), done


def _newline(lines: Sequence[str]) -> str:
    """The file's own line ending (its first line's), ``\\n`` for a one-line file."""
    for line in lines:
        if line.endswith("\r\n"):
            return "\r\n"
        if line.endswith(("\n", "\r")):
            return line[-1]
    return "\n"


def _compile_problem(new: str, old: str) -> str | None:
    """Why ``new`` would not compile while ``old`` did, or None."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(new, "<fixed>", "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as error:
            try:
                compile(old, "<original>", "exec", dont_inherit=True)
            except (SyntaxError, ValueError):
                return None
            return f"{type(error).__name__}: {error}"
    return None
