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
#: ``type(self)``, ``self.__dict__`` (and a name caught by ``except ... as``): never a code.
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
    exempt = _OWN | {node.name for node in ast.walk(tree)
                     if isinstance(node, ast.ExceptHandler) and node.name}
    harmless = _tested_against_other_classes(tree, exempt)
    found = [(line, how) for node in ast.walk(tree) if id(node) not in harmless
             for line, how in _observes(node, exempt)]
    return min(found) if found else None


def _probed(node: ast.AST) -> ast.expr | None:
    """``x`` of ``type(x)`` or ``x.__class__``."""
    if (isinstance(node, ast.Call) and last_name(node.func) == "type" and len(node.args) == 1
            and not node.keywords):
        return node.args[0]
    if isinstance(node, ast.Attribute) and node.attr == "__class__":
        return node.value
    return None


def _tested_against_other_classes(tree: ast.AST, exempt: frozenset[str]) -> set[int]:
    """Type probes only tested against classes other than ``int`` (``type(err) is Expected``,
    ``assertIs(type(err), Expected)``, ``type(other) is type(self)``): False for a code and
    for its member alike."""
    harmless: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and all(isinstance(op, _TESTS) for op in node.ops):
            operands = [node.left, *node.comparators]
        elif isinstance(node, ast.Call) and last_name(node.func) in _TYPE_ASSERTS:
            operands = node.args[:2]
        else:
            continue
        probes = [o for o in operands if not _never_a_code(_probed(o), exempt)]
        if len(probes) == 1 and all(o is probes[0] or _probed(o) is not None
                                    or _other_class(o) for o in operands):
            harmless.add(id(probes[0]))
    return harmless


def _never_a_code(node: ast.expr | None, exempt: frozenset[str]) -> bool:
    """No probe at all (None), or a probe of ``self``, ``cls`` or a caught exception."""
    return node is None or isinstance(node, ast.Name) and node.id in exempt


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


def _observes(node: ast.AST, exempt: frozenset[str]) -> list[tuple[int, str]]:
    line = getattr(node, "lineno", 0)
    probed = _probed(node)
    if probed is not None:
        probe = "type()" if isinstance(node, ast.Call) else "__class__"
        return [] if _never_a_code(probed, exempt) else [(line, probe)]
    if isinstance(node, ast.Call):
        how = _call(last_name(node.func), node.args, exempt)
        return [(line, how)] if how else []
    if isinstance(node, ast.Attribute) and node.attr == "__dict__":
        return [] if _never_a_code(node.value, exempt) else [(line, "__dict__")]
    if isinstance(node, (ast.Name, ast.Attribute)):
        return [(line, last_name(node))] if last_name(node) in _DISPATCH else []
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


def _call(func: str, args: list[ast.expr], exempt: frozenset[str]) -> str | None:
    if func in IDENTITY:
        return "'is' with an int" if any(map(_is_int, args)) else None
    if func == "vars" and args and not _never_a_code(args[0], exempt):
        return "vars()"
    if func in ("isinstance", "issubclass") and len(args) == 2 and any(
            isinstance(n, ast.expr) and last_name(n) in _ENUM_CLASSES
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
