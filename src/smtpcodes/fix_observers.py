"""Whether a file looks at what a value *is* rather than what it equals.

``SMTPStatus`` prints, formats, hashes, compares and writes JSON as its int does, but a member
is no ``int``: ``type(x) is int``, ``x.__class__``, ``x is 250``, ``assertIs(x, 250)``,
``isinstance(x, Enum)``, ``hasattr(x, "name")``, ``vars(x)``, ``functools.singledispatch``,
``marshal`` (which refuses a member) and YAML or TOML writers that choose by exact type all tell
the two apart. (A pickle round trip gives back the member, which prints as the int did: pickle
is not among them.) A value passed as an argument goes where the fixer cannot follow it, so in
a file that does any of these, ``--fix`` rewrites no argument; a comparison consumes its
literal where it stands and is still rewritten, unless the file's own ``__eq__``, ``__ne__`` or
``__contains__`` looks: then the comparison itself could answer differently, and nothing in the
file is rewritten.
"""

from __future__ import annotations

import ast
from functools import cache

from .fix_target import last_name

#: Modules whose output depends on the exact type of what they are given.
_BY_TYPE_MODULES = frozenset({"marshal", "ruamel", "toml", "yaml"})
_ENUM_CLASSES = frozenset({"Enum", "EnumMeta", "EnumType", "Flag", "IntEnum", "IntFlag",
                           "ReprEnum"})
_DISPATCH = frozenset({"singledispatch", "singledispatchmethod"})
#: ``type(self)``, ``type(error)`` after ``except ... as error``: never a code.
_OWN = frozenset({"self", "cls"})
_COMPARING = frozenset({"__eq__", "__ne__", "__contains__"})
_TESTS = (ast.Is, ast.IsNot, ast.Eq, ast.NotEq, ast.In, ast.NotIn)
_TYPE_ASSERTS = frozenset({"assertIs", "assertIsNot", "assertEqual", "assertNotEqual",
                           "assertIn", "assertNotIn"})
#: What ``type(250)`` is, or could be said to be: comparing with them tells.
_INT_CLASSES = frozenset({"int", "bool", "object", "Integral", "Number", "IntEnum", "Enum",
                          "SMTPStatus"})
#: Callables that compare identity, like ``is``: an argument of theirs is never rewritten.
IDENTITY = frozenset({"assertIs", "assertIsNot", "id", "is_", "is_not"})


def type_observer(tree: ast.AST) -> tuple[int, str] | None:
    """The first line where ``tree`` could tell a member from its int, and how; or None."""
    caught = {node.name for node in ast.walk(tree)
              if isinstance(node, ast.ExceptHandler) and node.name}
    harmless = _tested_against_other_classes(tree)
    found = [(line, how) for node in ast.walk(tree) if id(node) not in harmless
             for line, how in _observes(node, _OWN | caught)]
    return min(found) if found else None


def _tested_against_other_classes(tree: ast.AST) -> set[int]:
    """``type(...)`` calls only tested against classes other than ``int`` (``type(err) is
    Expected``, ``assertIs(type(err), Expected)``): a code's answer is False either way."""
    harmless: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and all(isinstance(op, _TESTS) for op in node.ops):
            operands = [node.left, *node.comparators]
        elif isinstance(node, ast.Call) and last_name(node.func) in _TYPE_ASSERTS:
            operands = node.args[:2]
        else:
            continue
        calls = [o for o in operands if isinstance(o, ast.Call) and last_name(o.func) == "type"]
        others = [o for o in operands if o not in calls]
        if len(calls) == 1 and all(_other_class(o) for o in others):
            harmless.add(id(calls[0]))
    return harmless


def _other_class(node: ast.expr) -> bool:
    """A name (or tuple of names) of a class that is not one ``type(250)`` could equal."""
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return all(_other_class(element) for element in node.elts)
    name = last_name(node)
    return bool(name) and name not in _INT_CLASSES


def comparison_observer(tree: ast.Module) -> tuple[int, str] | None:
    """Like :func:`type_observer`, within the file's own equality or membership methods."""
    found = [seen for node in ast.walk(tree)
             if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
             and node.name in _COMPARING and (seen := type_observer(node)) is not None]
    return min(found) if found else None


def _observes(node: ast.AST, exempt: frozenset[str] | set[str]) -> list[tuple[int, str]]:
    line = getattr(node, "lineno", 0)
    if isinstance(node, ast.Call) and last_name(node.func) in IDENTITY:
        return [(line, "'is' with an int")] if any(map(_is_int, node.args)) else []
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        how = _call(node.func.id, node.args, bool(node.keywords), exempt)
        return [(line, how)] if how else []
    if isinstance(node, ast.Attribute) and node.attr in ("__class__", "__dict__"):
        return [(line, node.attr)]
    if isinstance(node, (ast.Name, ast.Attribute)):
        name = node.id if isinstance(node, ast.Name) else node.attr
        return [(line, name)] if name in _DISPATCH else []
    if isinstance(node, ast.Compare):
        operands = [node.left, *node.comparators]
        for index, op in enumerate(node.ops):
            if isinstance(op, (ast.Is, ast.IsNot)) and any(
                    _is_int(o) for o in operands[index:index + 2]):
                return [(line, "'is' with an int")]
        return []
    if isinstance(node, ast.Import):
        modules = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom) and not node.level:
        modules = [node.module or ""]
    else:
        return []
    return [(line, f"import {m}") for m in modules if m.split(".")[0] in _BY_TYPE_MODULES]


def _call(func: str, args: list[ast.expr], keywords: bool, exempt: frozenset[str] | set[str]
          ) -> str | None:
    if func == "type" and len(args) == 1 and not keywords:
        never_a_code = isinstance(args[0], ast.Name) and args[0].id in exempt
        return None if never_a_code else "type()"
    if func == "vars" and args:
        return "vars()"
    if func in ("isinstance", "issubclass") and len(args) == 2 and any(
            isinstance(n, ast.Name) and n.id in _ENUM_CLASSES
            or isinstance(n, ast.Attribute) and n.attr in _ENUM_CLASSES
            for n in ast.walk(args[1])):
        return f"{func}() with an enum class"
    if (func in ("hasattr", "getattr") and len(args) >= 2 and isinstance(args[1], ast.Constant)
            and args[1].value in _member_only()):
        return f"{func}(..., {args[1].value!r})"
    return None


def _is_int(node: ast.expr) -> bool:
    return (isinstance(node, ast.Constant) and isinstance(node.value, int)
            and not isinstance(node.value, bool))


@cache
def _member_only() -> frozenset[str]:
    """Attributes a member has and an int has not (``name``, ``phrase``, ``OK``...)."""
    from .status import SMTPStatus

    return frozenset(a for a in dir(SMTPStatus.OK) if not hasattr(0, a))
