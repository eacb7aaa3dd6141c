"""Evidence from comparisons: ``e.smtp_code == 550``, ``code == '535'``, ``400 <= code < 500``.

The literal takes the meaning of what it is compared with (:func:`.vocabulary.subject_role`);
each bound of a range or ordering check is a finding of its own, marked ``bound`` so a fixer
leaves class boundaries alone. A bare local name defers to what the function bound it to
(``code = reply.code`` makes ``code == '535'`` SMTP whatever the scope). ``match`` cases and
``for code in (...)`` loops read the same way.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .evidence_defs import literalish
from .roles import combine
from .vocabulary import subject_role, subject_says_status

if TYPE_CHECKING:
    from .walk import Pass

_ORDERING = frozenset({ast.Lt, ast.LtE, ast.Gt, ast.GtE})


def _compare(p: Pass, node: ast.Compare, stack: list[Any]) -> bool:
    operands = [node.left, *node.comparators]
    literal = [o for o in operands if literalish(o)]
    if not literal or len(literal) == len(operands):
        return False
    subjects = [o for o in operands if not literalish(o)]
    role = combine(subject_role(o) for o in subjects)
    named = next((s.id for s in subjects if s.__class__ is ast.Name), None)
    status = any(subject_says_status(o) for o in subjects)
    for operand in literal:
        p.set_role(operand, role)
        if status:
            p.mark_status(operand)
        if named is not None:
            _refer(p, operand, named)
    ops = node.ops
    for index, operand in enumerate(operands):
        if operand.__class__ is ast.Constant and any(  # 400 <= code < 500: a boundary
                ops[i].__class__ in _ORDERING for i in (index - 1, index)
                if 0 <= i < len(ops)):
            p.bounds.add(id(operand))
    return False


def _refer(p: Pass, operand: ast.AST, name: str) -> None:
    """Remember the local name a literal (or each literal of a tuple) is compared with."""
    elts = getattr(operand, "elts", None)
    for item in elts if elts is not None else (operand,):
        if item.__class__ is ast.Constant:
            p.refs.setdefault(id(item), f"={name}")


def _for(p: Pass, node: ast.For, stack: list[Any]) -> bool:
    if literalish(node.iter):
        p.set_role(node.iter, subject_role(node.target))
    return False


def _match(p: Pass, node: Any, stack: list[Any]) -> bool:
    role = subject_role(node.subject)
    for case in node.cases:
        for value in _match_values(case.pattern):
            p.set_role(value, role)
    return False


def _match_values(pattern: Any) -> Iterator[ast.AST]:
    name = pattern.__class__.__name__
    if name == "MatchValue":
        yield pattern.value
    elif name == "MatchOr":
        for sub in pattern.patterns:
            yield from _match_values(sub)


HANDLERS: dict[type, Any] = {ast.Compare: _compare, ast.For: _for, ast.AsyncFor: _for}
if hasattr(ast, "Match"):
    HANDLERS[ast.Match] = _match
