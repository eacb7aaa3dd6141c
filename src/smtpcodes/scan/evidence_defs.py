"""Evidence from definitions: imports, functions, classes, assignments and returns.

* imports of known modules give their scope points (:mod:`.scope`);
* a function's name, parameters and decorators speak for it (``def handle_RCPT``,
  ``def bounce(smtp_code)``, ``@app.route``), a handler's returns are replies;
* constant definitions (module and class level, ``UPPER_CASE`` names) are never findings: they
  are what a finding asks for;
* an assignment gives the literal the target's meaning (``reply.code = "250"``), and a name
  bound to an SMTP code (``code = reply.code``) makes later comparisons with it SMTP too;
* ``return body, 400`` is an HTTP response tuple: the number is silent.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from .candidates import DEF_EXIT
from .evidence_pairs import pair_up
from .roles import AMBIG, NEG, RETURNED, STRONG
from .scope import (
    HANDLER_RE,
    HANDLER_WEIGHT,
    HTTP_HANDLER_RE,
    SMTP_ONLY_HANDLER_RE,
    Scope,
    import_points,
)
from .vocabulary import (
    ident_signal,
    is_upper,
    name_role,
    replies_pair,
    returns_code,
    speaks_http,
    subject_role,
    subject_says_status,
    target_role,
    word_role,
)

if TYPE_CHECKING:
    from .walk import Pass

_LITERALISH = frozenset({ast.Constant, ast.Tuple, ast.List, ast.Set, ast.JoinedStr, ast.Dict})


def literalish(node: ast.AST) -> bool:
    """A literal, or a container or f-string that may hold one."""
    return node.__class__ in _LITERALISH


def _import(p: Pass, node: ast.Import, stack: list[Any]) -> bool:
    for alias in node.names:
        p.scope.add(import_points(alias.name, p.smtp_modules))
    return True


def _import_from(p: Pass, node: ast.ImportFrom, stack: list[Any]) -> bool:
    if node.module:
        points = import_points(node.module, p.smtp_modules)
        p.scope.add(points)
        for alias in node.names:
            if not points:  # from twisted import mail
                p.scope.add(import_points(f"{node.module}.{alias.name}", p.smtp_modules))
            if ident_signal(alias.name) > 0:
                p.scope.add(ident_signal(alias.name))
    return True


def _function(p: Pass, node: ast.FunctionDef, stack: list[Any]) -> bool:
    scope = Scope(p.scope, True, node.name)
    name = node.name
    # Hook names speak for the class that holds them (an NNTP server has a handle_QUIT
    # too): the class decides, and its methods inherit the decision.
    if HANDLER_RE.fullmatch(name):
        if SMTP_ONLY_HANDLER_RE.fullmatch(name):
            p.scope.smtp += HANDLER_WEIGHT
        scope.handler = True
    elif HTTP_HANDLER_RE.fullmatch(name):
        p.scope.other += HANDLER_WEIGHT
    else:
        scope.codeish = word_role(name) in (AMBIG, STRONG)
    scope.add(ident_signal(name))
    p.enter(scope, stack)
    stack.extend(node.decorator_list)  # @app.route speaks for the view, not for its module
    args = node.args
    positional = [*getattr(args, "posonlyargs", []), *args.args]
    names = [a.arg for a in positional]
    if names and names[0] in ("self", "cls"):
        names = names[1:]
    p.params.setdefault(name, names)
    p.functions.setdefault(name, scope)
    for arg in (*positional, *args.kwonlyargs, args.vararg, args.kwarg):
        if arg is not None:
            scope.add(ident_signal(arg.arg))
    defaults = args.defaults
    if defaults:
        for arg, default in zip(positional[-len(defaults):], defaults, strict=False):
            if literalish(default):
                p.set_role(default, name_role(arg.arg))
        stack.extend(defaults)
    for arg, kw_default in zip(args.kwonlyargs, args.kw_defaults, strict=False):
        if kw_default is not None:
            if literalish(kw_default):
                p.set_role(kw_default, name_role(arg.arg))
            stack.append(kw_default)
    stack.extend(node.body)
    return True


def _class(p: Pass, node: ast.ClassDef, stack: list[Any]) -> bool:
    stack.extend(node.decorator_list)
    p.enter(Scope(p.scope, False, node.name), stack)
    p.scope.bases = tuple(b.id if isinstance(b, ast.Name) else b.attr for b in node.bases
                          if isinstance(b, (ast.Name, ast.Attribute)))
    p.scope.add(ident_signal(node.name))
    stack.extend(node.bases)
    stack.extend(node.keywords)
    stack.extend(node.body)
    return True


def _is_definition(p: Pass, targets: list[ast.expr]) -> bool:
    """Module- and class-level assignments and UPPER_CASE names define constants."""
    if not p.scope.is_function:
        return True
    return all(t.__class__ is ast.Name and is_upper(t.id) for t in targets)


def _bind(p: Pass, targets: list[ast.expr], value: ast.expr) -> None:
    """``code = reply.code``, ``code, text = smtp.ehlo()``: these names now hold SMTP codes;
    ``code = resp.status_code``: an HTTP status."""
    if value.__class__ not in (ast.Attribute, ast.Call, ast.Subscript, ast.Await, ast.Name):
        return
    if targets[0].__class__ is ast.Tuple and replies_pair(value):
        for elt in targets[0].elts:  # status_code, text = server.verify(address)
            if elt.__class__ is ast.Name:
                p.scope.bind(elt.id, AMBIG)
        return
    role: int | str = subject_role(value)
    if role == NEG and not speaks_http(value):
        return  # code = read_reply(): a name that says "number" is not a protocol
    if role != STRONG and role != NEG:
        call = value.value if value.__class__ is ast.Await else value
        local = local_callee(call.func) if call.__class__ is ast.Call else None
        if local is None:
            return
        role = local  # status = post(url): decided by what post() is, at the end
    for target in targets:
        elts = target.elts if target.__class__ is ast.Tuple else [target]
        for elt in elts:
            if elt.__class__ is ast.Name:
                p.scope.bind(elt.id, role)


def table_rows(p: Pass, columns: list[int], rows: Any) -> None:
    """Rows of a table whose columns are named (``parametrize("line, code", ...)``,
    ``for code, retry in cases``): each cell takes its column's role."""
    row: Any
    for row in getattr(rows, "elts", ()):
        cells: list[Any] = row.elts if row.__class__ in (ast.Tuple, ast.List) else [row]
        for role, cell in zip(columns, cells, strict=False):
            if literalish(cell):
                p.set_role(cell, role)
        if row.__class__ in (ast.Tuple, ast.List):
            pair_up(p, cells)


def local_callee(func: ast.expr) -> str | None:
    """``classify`` of ``classify(x)`` or ``self.classify(x)``: maybe a function of this module."""
    if func.__class__ is ast.Name:
        return func.id
    if (func.__class__ is ast.Attribute and func.value.__class__ is ast.Name
            and func.value.id == "self"):
        return func.attr
    return None


def _assign(p: Pass, node: ast.Assign, stack: list[Any]) -> bool:
    value = node.value
    targets = node.targets
    if _is_definition(p, targets):
        stack.append(DEF_EXIT)
        p.defs += 1
        stack.append(value)
        return True
    target = targets[0]
    if target.__class__ is ast.Name and value.__class__ in (ast.List, ast.Tuple):
        columns = p.columns.get((id(p.scope), target.id))
        if columns is not None:  # cases = [...] walked by "for code, retry in cases"
            table_rows(p, columns, value)
    if target.__class__ is ast.Tuple and value.__class__ is ast.Tuple:
        for t_elt, v_elt in zip(target.elts, value.elts, strict=False):
            if literalish(v_elt):
                p.set_role(v_elt, target_role(t_elt))
            else:  # code, text = exc.smtp_code, exc.smtp_error
                _bind(p, [t_elt], v_elt)
    elif literalish(value) or value.__class__ in (ast.IfExp, ast.BoolOp):
        role = target_role(target)
        status = subject_says_status(target)
        for part in _alternatives(value):
            p.set_role(part, role)
            if status:
                p.mark_status(part)
    else:
        _bind(p, targets, value)
    stack.append(value)
    stack.extend(targets)
    return True


def _alternatives(value: ast.expr) -> list[ast.expr]:
    """The literals a value may be: ``"5.0.0" if permanent else "4.0.0"``, ``x or "250"``."""
    if value.__class__ is ast.IfExp:
        return [*_alternatives(value.body), *_alternatives(value.orelse)]
    if value.__class__ is ast.BoolOp:
        return [v for part in value.values for v in _alternatives(part)]
    return [value] if literalish(value) else []


def _ann_assign(p: Pass, node: ast.AnnAssign, stack: list[Any]) -> bool:
    value = node.value
    if value is None:
        return True
    if _is_definition(p, [node.target]):
        stack.append(DEF_EXIT)
        p.defs += 1
        stack.append(value)
        return True
    if literalish(value):
        p.set_role(value, target_role(node.target))
        if subject_says_status(node.target):
            p.mark_status(value)
    stack.append(value)
    stack.append(node.target)
    return True


def _expr(p: Pass, node: ast.Expr, stack: list[Any]) -> bool:
    value = node.value
    if value.__class__ is ast.Constant and isinstance(value.value, str):
        return True  # a docstring or a string used as a comment
    stack.append(value)
    return True


def _return(p: Pass, node: ast.Return, stack: list[Any]) -> bool:
    value = node.value
    if value is None:
        return False
    scope = p.scope
    if value.__class__ is ast.Tuple and _is_http_response_tuple(value):
        for elt in value.elts[1:]:
            p.set_role(elt, NEG)
    if literalish(value):
        if scope.handler or scope.codeish:
            p.set_role(value, AMBIG)
        elif id(value) not in p.roles:
            p.roles[id(value)] = RETURNED
    elif not scope.returns_code and scope.is_function and returns_code(value):
        scope.returns_code = True
    return False


def _is_http_response_tuple(node: ast.Tuple) -> bool:
    """``return body, 400`` / ``return jsonify(x), 404, headers``: a web framework's response.

    SMTP code puts the code first, ``(550, "text")``; a body first and a number after it is
    how Flask, Quart and friends spell an HTTP status.
    """
    elts = node.elts
    if len(elts) < 2:
        return False
    first, second = elts[0], elts[1]
    if first.__class__ is ast.Constant and first.value.__class__ is int:
        return False
    return second.__class__ is ast.Constant and second.value.__class__ is int


HANDLERS: dict[type, Any] = {
    ast.Import: _import,
    ast.ImportFrom: _import_from,
    ast.FunctionDef: _function,
    ast.AsyncFunctionDef: _function,
    ast.ClassDef: _class,
    ast.Assign: _assign,
    ast.AnnAssign: _ann_assign,
    ast.Expr: _expr,
    ast.Return: _return,
}
