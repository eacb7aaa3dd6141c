"""How a fixed file reaches the enum: an import it already has, or one new line among its own.

A new ``from module import Name`` goes where the file keeps its imports (its first run of
import statements): after an import of the same module, else into the group (lines between
blank lines) of its isort section (standard library, third party, first party, relative), in
that group's order when it has one, else as a new group between the sections around it. A file
without imports, or whose imports come after code that needs the name, gets it after its
docstring and ``__future__`` imports. A name bound for something else is a clash: the fixer
reports it and leaves the file alone rather than shadow the author's name.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Sequence
from typing import NamedTuple

from .fix_target import Target

_STDLIB = frozenset(sys.stdlib_module_names)
FUTURE, STDLIB, THIRD_PARTY, FIRST_PARTY, LOCAL = range(5)


class Reach(NamedTuple):
    """The expression naming the enum (``SMTPStatus``, ``S``, ``smtpcodes.SMTPStatus``) and,
    when an import must be added, the line index to insert before and the lines to insert."""

    ref: str
    insert_at: int | None = None
    insert: tuple[str, ...] = ()


def reach(tree: ast.Module, lines: Sequence[str], target: Target, first_party: frozenset[str],
          first_use: int, newline: str) -> Reach | str:
    """The way to the enum, or a one-line reason why there is none.

    ``first_use`` is the first line (1-based) of an edit that runs when the module is imported
    (0 when every edit sits in a function body): an import must come before it.
    """
    existing = _existing(tree, target)
    bound = _bindings(tree, target)
    if existing is not None:
        ref, statement = existing
        root = ref.split(".")[0]
        if root in bound:
            return f"{root} is also bound to something else in this file"
        if first_use and statement.lineno >= first_use:
            return f"{target.name} is imported on line {statement.lineno}, after its first use"
        return Reach(ref)
    if target.name in bound:
        return f"{target.name} already names something else in this file"
    if target.name in _loads(tree):
        return f"{target.name} is used here without an import (a star import?)"
    at, before, after = _position(tree, lines, target, first_party, first_use)
    if first_use and at > first_use:
        return (f"no place for the import of {target.name} before line {first_use}, where it "
                "is first needed")
    added = f"from {target.module} import {target.name}{newline}"
    return Reach(target.name, at - 1, (newline,) * before + (added,) + (newline,) * after)


def _existing(tree: ast.Module, target: Target) -> tuple[str, ast.stmt] | None:
    """A module-level import of the enum (preferred) or of its module."""
    module_import = None
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and not node.level and node.module in target.modules:
            for alias in node.names:
                if alias.name == target.name:
                    return alias.asname or alias.name, node
        elif isinstance(node, ast.Import) and module_import is None:
            for alias in node.names:
                if alias.name in target.modules:
                    module_import = f"{alias.asname or alias.name}.{target.name}", node
    return module_import


def _bindings(tree: ast.Module, target: Target) -> set[str]:
    """Names bound anywhere in the file, except by an import of the enum or its module."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, ast.Import):
            names.update(alias.asname or alias.name.split(".")[0] for alias in node.names
                         if alias.name not in target.modules)
        elif isinstance(node, ast.ImportFrom):
            ours = not node.level and node.module in target.modules
            names.update(alias.asname or alias.name for alias in node.names
                         if alias.name != "*" and not (ours and alias.name == target.name))
        elif isinstance(node, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar)):
            if node.name:
                names.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            names.add(node.rest)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            names.update(node.names)
    return names


def _loads(tree: ast.Module) -> set[str]:
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}


# --- where a new import goes --------------------------------------------------------------------

def _section(node: ast.stmt, first_party: frozenset[str]) -> int:
    if isinstance(node, ast.ImportFrom):
        if node.level:
            return LOCAL
        module = node.module or ""
    else:
        assert isinstance(node, ast.Import)
        module = node.names[0].name
    top = module.split(".")[0]
    if top == "__future__":
        return FUTURE
    if top in _STDLIB:
        return STDLIB
    return FIRST_PARTY if top in first_party else THIRD_PARTY


def _module_key(node: ast.stmt) -> str:
    if isinstance(node, ast.ImportFrom):
        return "." * node.level + (node.module or "")
    assert isinstance(node, ast.Import)
    return node.names[0].name


def _position(tree: ast.Module, lines: Sequence[str], target: Target,
              first_party: frozenset[str], first_use: int) -> tuple[int, int, int]:
    """(1-based line to insert before, blank lines before, blank lines after)."""
    body = tree.body
    start = 1 if body and _is_docstring(body[0]) else 0
    while start < len(body) and _is_future(body[start]):
        start += 1
    first = next((i for i in range(start, len(body))
                  if isinstance(body[i], (ast.Import, ast.ImportFrom))), len(body))
    end = first
    while end < len(body) and isinstance(body[end], (ast.Import, ast.ImportFrom)):
        end += 1
    block = body[first:end]
    if block:
        floor = _end(body[first - 1]) if first else 0
        at = _in_block(block, lines, target, first_party, floor,
                       body[end] if end < len(body) else None)
        if not first_use or at[0] <= first_use:
            return at
    return _at_top(body, start, lines)


def _in_block(block: list[ast.stmt], lines: Sequence[str], target: Target,
              first_party: frozenset[str], floor: int, following: ast.stmt | None
              ) -> tuple[int, int, int]:
    """Within the file's first run of imports (``floor``: the line before it)."""
    same = [n for n in block if isinstance(n, ast.ImportFrom) and not n.level
            and n.module in target.modules]
    if same:
        return _end(same[-1]) + 1, 0, 0
    ours = FIRST_PARTY if target.module.split(".")[0] in first_party else THIRD_PARTY
    groups = _groups(block, lines)
    for group in reversed(groups):
        if any(_section(n, first_party) == ours for n in group):
            return _in_group(group, target), 0, 0
    previous_end = floor
    for group in groups:
        if _section(group[0], first_party) > ours:
            return _above_comments(group[0].lineno, lines, previous_end), 0, 1
        previous_end = _end(group[-1])
    end = _end(block[-1])
    return end + 1, 1, _blanks_wanted(following, lines, end)


def _groups(block: list[ast.stmt], lines: Sequence[str]) -> list[list[ast.stmt]]:
    """Import statements split where a blank line separates them."""
    groups = [[block[0]]]
    for previous, node in zip(block, block[1:], strict=False):
        gap = lines[_end(previous):node.lineno - 1]
        if any(not line.strip() for line in gap):
            groups.append([node])
        else:
            groups[-1].append(node)
    return groups


def _in_group(group: list[ast.stmt], target: Target) -> int:
    """Line to insert before, in the group's order (isort's, or by module alone) if sorted."""
    module = target.module.lower()
    end = _end(group[-1]) + 1
    by_kind = [(isinstance(n, ast.ImportFrom), _module_key(n).lower()) for n in group]
    if by_kind == sorted(by_kind):
        later = (n for n, key in zip(group, by_kind, strict=True) if key > (True, module))
        return next((n.lineno for n in later), end)
    by_module = [key[1] for key in by_kind]
    if by_module == sorted(by_module):
        later = (n for n, key in zip(group, by_module, strict=True) if key > module)
        return next((n.lineno for n in later), end)
    return end


def _at_top(body: list[ast.stmt], start: int, lines: Sequence[str]
                     ) -> tuple[int, int, int]:
    """Before any code: after the docstring and ``__future__`` imports, else before the first
    statement (and the comments right above it, unless they start the file)."""
    if start:
        anchor = _end(body[start - 1])
        following = body[start] if start < len(body) else None
        return anchor + 1, 1, _blanks_wanted(following, lines, anchor)
    first = body[0]
    line = _above_comments(first.lineno, lines, 0)
    if line == 1:  # comments from the top of the file are its header: stay below them
        line = first.lineno
    return line, 0, _blanks_wanted(first, lines, line - 1)


def _above_comments(line: int, lines: Sequence[str], floor: int) -> int:
    """The first line of the comment lines right above ``line`` (below line ``floor``, where
    the statement before ends): they belong to it."""
    while line > floor + 1 and lines[line - 2].lstrip().startswith("#"):
        line -= 1
    return line


def _blanks_wanted(following: ast.stmt | None, lines: Sequence[str], after: int) -> int:
    """Blank lines to add so the code after the import sits where PEP 8 puts it."""
    if following is None:
        return 0
    wanted = 2 if isinstance(following, (ast.FunctionDef, ast.AsyncFunctionDef,
                                          ast.ClassDef)) else 1
    present = 0
    for line in lines[after:]:
        if line.strip():
            break
        present += 1
    return max(0, wanted - present)


def _is_docstring(node: ast.stmt) -> bool:
    return (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str))


def _is_future(node: ast.stmt) -> bool:
    return isinstance(node, ast.ImportFrom) and node.module == "__future__"


def _end(node: ast.stmt) -> int:
    return node.end_lineno or node.lineno
