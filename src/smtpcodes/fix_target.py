"""The enum ``--fix`` writes: ``smtpcodes.SMTPStatus`` or a project's own (``module:Name``).

A project's own enum is read from its source, never imported: a linter must not run the code it
checks. Only members written as ``NAME = <int>`` count, and only a class whose members equal
their ints (an ``IntEnum``, an ``IntFlag`` or a plain class of ints) is accepted, since the
fixer relies on ``member == int``.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import sys
from collections.abc import Mapping
from typing import NamedTuple

DEFAULT = "smtpcodes:SMTPStatus"

#: Bases whose members compare equal to their int values.
_INT_BASES = frozenset({"IntEnum", "IntFlag", "int"})


class Target(NamedTuple):
    """Where the constants live and which int each member stands for."""

    module: str
    name: str
    members: Mapping[int, str]
    #: Modules an existing import may name it from (``smtpcodes.status`` re-exported too).
    modules: frozenset[str]
    #: Whether a member is the int to every reader, ``repr()`` included (``SMTPStatus`` is):
    #: then a literal may also be rewritten where it is passed on, as an argument.
    passes_as_int: bool = False


def load(spec: str | None, root: str) -> Target:
    """The target named by ``module:Name``; the project ``root`` and its ``src`` folder are
    searched before ``sys.path``.

    Raises ``ValueError`` naming the option and what is wrong.
    """
    spec = spec or DEFAULT
    module, sep, name = spec.partition(":")
    if not sep or not name.isidentifier() or not all(
            part.isidentifier() for part in module.split(".")):
        raise ValueError(f"--fix-import: {spec!r} is not module:Name (e.g. mypkg.codes:Status)")
    if spec == DEFAULT:
        from .status import SMTPStatus

        members = {int(member): member.name for member in SMTPStatus}
        return Target(module, name, members, frozenset({module, SMTPStatus.__module__}),
                      passes_as_int=True)
    roots = [root, os.path.join(root, "src")]
    return Target(module, name, _read_members(module, name, roots, spec), frozenset({module}))


def _read_members(module: str, name: str, roots: list[str], spec: str) -> dict[int, str]:
    seen: set[str] = set()
    for _ in range(8):  # follow re-exports (``from .status import Codes``) a few steps
        path = _source_of(module, roots)
        if path is None or path in seen:
            break
        seen.add(path)
        try:
            with open(path, "rb") as f:
                tree = ast.parse(f.read(), path)
        except (OSError, SyntaxError, ValueError) as error:
            raise ValueError(f"--fix-import: cannot read {path}: {error}") from None
        found = _class_members(tree, name, spec, path)
        if found is not None:
            return found
        origin = _reexport(tree, module, name, path)
        if origin is None:
            break
        module, name = origin
    raise ValueError(f"--fix-import: no class {name} found in module {module} "
                     f"(searched {', '.join(roots)} and sys.path)")


def _source_of(module: str, roots: list[str]) -> str | None:
    """The source file of ``module``, found without importing anything."""
    parts = module.split(".")
    for root in [*roots, *sys.path]:
        base = os.path.join(root or ".", *parts)
        for candidate in (base + ".py", os.path.join(base, "__init__.py")):
            if os.path.isfile(candidate):
                return os.path.abspath(candidate)
    try:
        spec = importlib.util.find_spec(parts[0])  # finders only: runs no module code
    except (ImportError, ValueError):
        return None
    locations = list(spec.submodule_search_locations or []) if spec else []
    if len(parts) == 1:
        origin = spec.origin if spec else None
        return origin if origin and origin.endswith(".py") else None
    for location in locations:
        base = os.path.join(location, *parts[1:])
        for candidate in (base + ".py", os.path.join(base, "__init__.py")):
            if os.path.isfile(candidate):
                return candidate
    return None


def _class_members(tree: ast.Module, name: str, spec: str, path: str) -> dict[int, str] | None:
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == name:
            bases = {last_name(base) for base in node.bases}
            if bases and not bases & _INT_BASES:
                raise ValueError(
                    f"--fix-import: {spec} ({path}:{node.lineno}) derives from "
                    f"{', '.join(sorted(b for b in bases if b))}: the fixer needs an IntEnum "
                    "(or a class of ints) whose members equal their values")
            members: dict[int, str] = {}
            for statement in node.body:
                if (isinstance(statement, ast.Assign) and len(statement.targets) == 1
                        and isinstance(statement.targets[0], ast.Name)
                        and isinstance(statement.value, ast.Constant)
                        and type(statement.value.value) is int
                        and not statement.targets[0].id.startswith("_")):
                    members.setdefault(statement.value.value, statement.targets[0].id)
            return members
    return None


def last_name(node: ast.expr) -> str:
    """``f`` for ``f``, ``m`` for ``x.m``; "" for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _reexport(tree: ast.Module, module: str, name: str, path: str) -> tuple[str, str] | None:
    """``from .status import Codes [as Name]`` in the module: where ``Name`` really lives."""
    package = module if path.endswith("__init__.py") else module.rpartition(".")[0]
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if (alias.asname or alias.name) == name:
                    source = node.module or ""
                    if node.level:
                        base = package.split(".")
                        base = base[:len(base) - node.level + 1]
                        source = ".".join([*base, source] if source else base)
                    return source, alias.name
    return None
