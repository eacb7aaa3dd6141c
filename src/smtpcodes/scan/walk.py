"""The single pass over a tree: scopes, literal roles and candidates, then the decision.

Each kind of evidence lives in its own module (``evidence_*``) as handlers for the node classes
it reads; this module only walks, dispatches, and takes in the literals. Cost matters because
flake8 runs every installed plugin on every file: one iterative pass, Names and Constants
handled inline, roles computed only where a literal may sit.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping, Sequence
from operator import attrgetter
from typing import Any

from . import (
    decide,
    evidence_calls,
    evidence_compare,
    evidence_defs,
    evidence_pairs,
    evidence_strings,
)
from .apis import Api
from .candidates import Candidate, DefExit, Finding
from .roles import AMBIG, DEFERRED, NONE
from .scope import Scope, ScopeExit
from .shapes import FOREIGN_CODES, HEADS, http_phrases, smtp_only_codes
from .vocabulary import SIGNAL_CACHE, ident_signal

_SKIP_FIELDS = frozenset({
    "ctx", "op", "ops", "id", "attr", "arg", "module", "level", "lineno", "kind", "type_comment",
    "simple", "is_async", "conversion", "asname", "type_ignores", "kwd_attrs", "rest",
    "annotation", "returns",
})
_FIRST = frozenset({"2", "3", "4", "5", b"2", b"3", b"4", b"5"})


def _child_fields() -> dict[type, Callable[[Any], Any]]:
    """Per node class, a getter of the fields that may hold child nodes: built once, at import.

    ``attrgetter`` fetches all of a node's child fields in one C call; a getter that fetches
    several returns a tuple, one that fetches a single field returns it alone.
    """
    table: dict[type, Callable[[Any], Any]] = {}
    todo: list[type] = [ast.AST]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        fields = tuple(f for f in getattr(cls, "_fields", ()) if f not in _SKIP_FIELDS)
        if cls in (ast.Constant, ast.Global, ast.Nonlocal) or cls.__name__ == "MatchSingleton":
            fields = ()
        elif cls.__name__ in ("MatchStar", "MatchAs"):
            fields = tuple(f for f in fields if f != "name")
        if fields:
            table[cls] = attrgetter(*fields)
    return table


_FIELDS = _child_fields()


class Pass:
    """The state of one file's pass: scopes, literal roles, candidates."""

    def __init__(self, *, allow: frozenset[str], smtp_modules: frozenset[str],
                 callables: Mapping[str, Api], defined: Callable[[str], bool],
                 lines: Sequence[str] | None) -> None:
        self.allow = allow
        self.smtp_modules = smtp_modules
        self.callables = callables
        self.defined = defined
        self.lines = lines
        self.scope = Scope(None, False)
        self.scopes: list[Scope] = [self.scope]
        self.defs = 0
        self.roles: dict[int, int] = {}
        self.pairs: dict[int, int] = {}
        self.more: set[int] = set()
        self.bounds: set[int] = set()
        self.params: dict[str, list[str]] = {}
        self.functions: dict[str, Scope] = {}
        self.refs: dict[int, str] = {}
        self.status: set[int] = set()
        self.compared: set[int] = set()
        self.compared_params: dict[str, int] = {}
        self.columns: dict[tuple[int, str], list[int]] = {}
        self.candidates: list[Candidate] = []

    def walk(self, tree: ast.AST) -> None:
        """One iterative depth-first pass: no recursion limit, Names and Constants inline."""
        stack: list[Any] = [tree]
        pop = stack.pop
        push = stack.append
        extend = stack.extend
        handlers = HANDLERS
        fields_of = _FIELDS
        name_cls, const_cls, attr_cls = ast.Name, ast.Constant, ast.Attribute
        first = _FIRST
        signals = SIGNAL_CACHE
        heads = HEADS
        while stack:
            node = pop()
            cls = node.__class__
            if cls is name_cls or cls is attr_cls:
                ident = node.id if cls is name_cls else node.attr
                signal = signals.get(ident)
                if signal is None:
                    signal = ident_signal(ident)
                if signal:
                    if signal > 0:
                        self.scope.smtp += signal
                    else:
                        self.scope.other -= signal
                if cls is attr_cls:
                    push(node.value)
                continue
            if cls is const_cls:
                value = node.value
                vcls = value.__class__
                if vcls is int:
                    if 200 <= value <= 600:
                        self.int_literal(node, value)
                elif vcls is str or vcls is bytes:
                    if value[:1] in first:
                        evidence_strings.take(self, node)
                    elif value[:4] in heads:
                        evidence_strings.head(self, node, value)
                continue
            handler = handlers.get(cls)
            if handler is not None and handler(self, node, stack):
                continue
            getter = fields_of.get(cls)
            if getter is None:
                continue
            children = getter(node)
            if children.__class__ is tuple:
                for child in children:
                    if child.__class__ is list:
                        extend(child)
                    elif child is not None:
                        push(child)
            elif children.__class__ is list:
                extend(children)
            elif children is not None:
                push(children)

    # -- literals and roles ---------------------------------------------------------------------

    def int_literal(self, node: ast.Constant, value: int) -> None:
        if self.defs:
            return
        role = self.roles.get(id(node))
        if role is None or role <= NONE:
            return
        bound = id(node) in self.bounds
        if value == 600 and not bound:
            return  # 600 only closes class 5xx: 500 <= code < 600
        if role == AMBIG and not bound and id(node) in self.compared:
            self.count_value(value)  # not 200 <= code < 300: both protocols have that class
        cand = Candidate(node.lineno, node.col_offset, True, value, None, role, self.scope, 0)
        cand.bound = bound
        cand.ref = self.refs.get(id(node), "")
        self.candidates.append(cand)

    def count_value(self, code: int) -> None:
        """``code in (550, 551, 553)``: numbers only SMTP defines speak for SMTP, numbers only
        HTTP defines (``code == 404``) for HTTP."""
        if code in smtp_only_codes():
            self.scope.smtp += 1
        elif code in FOREIGN_CODES or (code in http_phrases() and not self.defined(str(code))):
            self.scope.other += 1

    def set_role(self, node: object, role: int) -> None:
        """Give a literal (or a tuple, list, set or dict of them) its role: the strongest wins,
        a negative one always, and the deferred ones yield to any real one."""
        roles = self.roles
        current = roles.get(id(node))
        if current is None or role < NONE:
            roles[id(node)] = role
        elif current < NONE:
            return
        elif current in DEFERRED:
            if NONE < role and role not in DEFERRED:
                roles[id(node)] = role
        elif current < role and role not in DEFERRED:
            roles[id(node)] = role

    def mark_compared(self, node: ast.AST) -> None:
        """The literal (or each literal of a container) is compared with something."""
        elts = getattr(node, "elts", None)
        for item in elts if elts is not None else (node,):
            self.compared.add(id(item))

    def mark_status(self, node: ast.AST) -> None:
        """The literal (or each literal of a container) is kept in a status-ish name."""
        elts = getattr(node, "elts", None)
        for item in elts if elts is not None else (node,):
            self.status.add(id(item))

    def enter(self, scope: Scope, stack: list[Any]) -> None:
        stack.append(ScopeExit(self.scope))
        self.scope = scope
        self.scopes.append(scope)

    def findings(self) -> list[Finding]:
        """Decide every candidate now that the whole file's scopes are known."""
        return decide.findings(self)


def _scope_exit(p: Pass, node: ScopeExit, stack: list[Any]) -> bool:
    p.scope = node.previous
    return True


def _def_exit(p: Pass, node: DefExit, stack: list[Any]) -> bool:
    p.defs -= 1
    return True


_Handler = Callable[[Pass, Any, list[Any]], bool]
HANDLERS: dict[type, _Handler] = {
    ScopeExit: _scope_exit,
    DefExit: _def_exit,
    **evidence_defs.HANDLERS,
    **evidence_calls.HANDLERS,
    **evidence_compare.HANDLERS,
    **evidence_pairs.HANDLERS,
    **evidence_strings.HANDLERS,
}
