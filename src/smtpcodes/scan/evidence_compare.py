"""Evidence from comparisons: ``e.smtp_code == 550``, ``code == '535'``, ``400 <= code < 500``.

The literal takes the meaning of what it is compared with (:func:`.vocabulary.subject_role`);
each bound of a range or ordering check is a finding of its own, marked ``bound`` so a fixer
leaves class boundaries alone. A bare local name defers to what the function bound it to
(``code = reply.code`` makes ``code == '535'`` SMTP whatever the scope). ``match`` cases and
``for code in (...)`` loops read the same way.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .candidates import DEF_EXIT
from .evidence_defs import literalish
from .roles import AMBIG, LIKELY, NEG, NONE, UNKNOWN, combine
from .scope import IMPORT_WEIGHT, Scope
from .shapes import smtp_only_codes
from .vocabulary import (
    HTTP_STATUS_NAMES,
    chain,
    subject_role,
    subject_says_status,
    target_role,
)

if TYPE_CHECKING:
    from .walk import Pass

_ORDERING = frozenset({ast.Lt, ast.LtE, ast.Gt, ast.GtE})


def _compare(p: Pass, node: ast.Compare, stack: list[Any]) -> bool:
    operands = [node.left, *node.comparators]
    literal = [o for o in operands if literalish(o)]
    if not literal:
        if len(operands) == 2 and p.scope.is_function:
            _param_compared(p, operands)
        return False
    if len(literal) == len(operands):
        return False
    subjects = [o for o in operands if not literalish(o)]
    role = combine(_subject(o) for o in subjects)
    named = next((s.id for s in subjects if s.__class__ is ast.Name), None)
    status = any(subject_says_status(o) for o in subjects)
    http_status = role == NEG and any(_names_http_status(o) for o in subjects)
    for operand in literal:
        if http_status and _smtp_only_numbers(p, operand):
            p.scope.other -= 1  # this status_code is no HTTP word: it holds SMTP's number
            p.scope.smtp += 1
        elif role == UNKNOWN and _smtp_code_set(operand):
            p.set_role(operand, AMBIG)  # r[1] in (250, 252): a set of SMTP's own replies
        else:
            p.set_role(operand, role)
        p.mark_compared(operand)
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


def _subject(node: ast.AST) -> int:
    """What a compared expression says; ``line[:3]`` is a reply's code read off a line."""
    role = subject_role(node)
    if role < AMBIG and node.__class__ is ast.Subscript and _first_three(node.slice):
        return AMBIG
    return role


def _first_three(index: ast.AST) -> bool:
    """``[:3]`` or ``[0:3]``."""
    if index.__class__ is not ast.Slice or index.step is not None:
        return False
    lower, upper = index.lower, index.upper
    return (upper.__class__ is ast.Constant and upper.value == 3
            and (lower is None or lower.__class__ is ast.Constant and lower.value == 0))


def _names_http_status(node: ast.AST) -> bool:
    names, _, _ = chain(node)
    return bool(names) and names[0] in HTTP_STATUS_NAMES and not any(
        "http" in n.lower() for n in names)


def _smtp_only_numbers(p: Pass, operand: ast.AST) -> bool:
    """``response.status_code == 250``: HTTP has no 250, so this status is an SMTP reply's.
    True when every number compared is one of those."""
    elts = getattr(operand, "elts", None)
    items = elts if elts is not None else (operand,)
    if not items or not all(item.__class__ is ast.Constant and item.value.__class__ is int
                            and item.value in smtp_only_codes() for item in items):
        return False
    for item in items:
        p.set_role(item, LIKELY)
    return True


def _smtp_code_set(operand: ast.AST) -> bool:
    """``(250, 252)``: two or more numbers, each a reply code only SMTP defines."""
    elts = getattr(operand, "elts", None)
    return elts is not None and len(elts) > 1 and all(
        item.__class__ is ast.Constant and item.value.__class__ is int
        and item.value in smtp_only_codes() for item in elts)


def _param_compared(p: Pass, operands: list[ast.expr]) -> None:
    """``def expect(sock, wanted): if reply[:3] != wanted``: what callers pass as ``wanted``
    is a code, as the other side of the comparison says."""
    scope = p.scope
    params = p.params.get(scope.name)
    if not params:
        return
    for operand, other in (operands, operands[::-1]):
        if operand.__class__ is ast.Name and operand.id in params:
            role = _subject(other)
            if role >= AMBIG:
                key = f"{scope.name}:{params.index(operand.id)}"
                p.compared_params[key] = max(p.compared_params.get(key, NONE), role)


def _refer(p: Pass, operand: ast.AST, name: str) -> None:
    """Remember the local name a literal (or each literal of a tuple) is compared with."""
    elts = getattr(operand, "elts", None)
    for item in elts if elts is not None else (operand,):
        if item.__class__ is ast.Constant:
            p.refs.setdefault(id(item), f"={name}")


def _for(p: Pass, node: ast.For, stack: list[Any]) -> bool:
    if literalish(node.iter):
        p.set_role(node.iter, subject_role(node.target))
    elif node.iter.__class__ is ast.Name and node.target.__class__ is ast.Tuple:
        # cases = [(421, True), ...] then for code, retry in cases: columns by name. The
        # loop is read before the table it walks (later statements come off the stack first).
        columns = [target_role(elt) for elt in node.target.elts]
        if any(role > NONE for role in columns):
            p.columns[(id(p.scope), node.iter.id)] = columns
    return False


def _if(p: Pass, node: ast.If, stack: list[Any]) -> bool:
    """``if proto == "ftp":``: the branch speaks that protocol, its numbers are not SMTP's;
    ``if name == "smtp/starttls":``: the branch speaks SMTP, whatever the function around it."""
    test = node.test
    protocol = _branch_protocol(test) if test.__class__ is ast.Compare else None
    if protocol is None:
        return False
    stack.extend(node.orelse)
    if protocol in SMTP_PROTOCOLS:
        outer = p.scope
        branch = Scope(outer, outer.is_function, outer.name)
        branch.handler, branch.codeish = outer.handler, outer.codeish
        branch.smtp += IMPORT_WEIGHT
        p.enter(branch, stack)
    else:
        stack.append(DEF_EXIT)
        p.defs += 1
    stack.extend(node.body)
    stack.append(test)
    return True


def _branch_protocol(test: ast.Compare) -> str | None:
    """The protocol an equality test names first: ``"ftp"``, ``"ftp/starttls"``, ``"smtp"``."""
    if test.ops[0].__class__ not in (ast.Eq, ast.Is):
        return None
    for operand in test.comparators:
        value = getattr(operand, "value", None) if operand.__class__ is ast.Constant else None
        if value.__class__ is str:
            match = _PROTOCOL_RE.match(value.lower())
            word = match.group(0) if match is not None else ""
            if word in OTHER_PROTOCOLS or word in SMTP_PROTOCOLS:
                return word
    return None


def _match(p: Pass, node: Any, stack: list[Any]) -> bool:
    role = subject_role(node.subject)
    for case in node.cases:
        for value in _match_values(case.pattern):
            p.set_role(value, role)
            p.mark_compared(value)
    return False


def _match_values(pattern: Any) -> Iterator[ast.AST]:
    name = pattern.__class__.__name__
    if name == "MatchValue":
        yield pattern.value
    elif name == "MatchOr":
        for sub in pattern.patterns:
            yield from _match_values(sub)


#: Protocols with numeric replies of their own, or none: a branch for one of them is not SMTP.
OTHER_PROTOCOLS = frozenset({"ftp", "ftps", "sftp", "http", "https", "nntp", "nntps", "pop",
                             "pop3", "pop3s", "imap", "imaps", "imap4"})
#: Names of SMTP itself: a branch for one of them speaks SMTP.
SMTP_PROTOCOLS = frozenset({"smtp", "smtps", "esmtp", "lmtp"})
#: The first word of a protocol selector: ``"ftp/starttls"``, ``"http-proxy"``, ``"smtp"``.
_PROTOCOL_RE = re.compile(r"[a-z][a-z0-9]*")

HANDLERS: dict[type, Any] = {ast.Compare: _compare, ast.For: _for, ast.AsyncFor: _for,
                             ast.If: _if}
if hasattr(ast, "Match"):
    HANDLERS[ast.Match] = _match
