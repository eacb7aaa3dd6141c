"""Evidence from calls: which argument of which callable is a reply code.

* a known SMTP API (:data:`.apis.SMTP_CALLABLES`, ``--smtp-callables``): its code argument;
* any callable whose name or receiver speaks of replies or SMTP (``Reply('250', 'Ok')``,
  ``self.smtp.reject(550, text)``): a three-digit code passed with a text;
* assertions: the literal takes the meaning of what it is asserted against;
* ``x.startswith("250")``: the meaning of ``x``;
* HTTP and logging callees (``abort(404)``, ``JsonResponse(..., status=400)``, ``print``): never;
* ``f(550)`` where this module has ``def f(code)``: the parameter's name decides, later.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from .apis import Callee, callee
from .evidence_defs import literalish, local_callee, table_rows
from .evidence_pairs import choices, code_of, is_text, pair_up
from .roles import AMBIG, NEG, NONE, PARAM, STRONG, combine
from .shapes import ENH_RE
from .vocabulary import chain, name_role, says_status, subject_role, subject_says_status

if TYPE_CHECKING:
    from .walk import Pass

_COMPARE_METHODS = frozenset({"startswith", "endswith", "__eq__", "count", "find", "index"})


def _call(p: Pass, node: ast.Call, stack: list[Any]) -> bool:
    args = node.args
    keywords = node.keywords
    if not any(a.__class__ in _LITERAL for a in args) and not any(
            k.value.__class__ in _LITERAL for k in keywords):
        return False
    func = node.func
    if func.__class__ is ast.Attribute and func.attr in _COMPARE_METHODS:
        subject = subject_role(func.value)
        status = subject_says_status(func.value)  # status.startswith(("5.1.1", "5.1.10"))
        for arg in args:
            if literalish(arg):
                p.set_role(arg, subject)
                p.mark_compared(arg)
                if status:
                    p.mark_status(arg)
        return False
    if (func.__class__ is ast.Attribute and func.attr == "parametrize"
            and len(args) > 1 and args[0].__class__ is ast.Constant
            and isinstance(args[0].value, str)):
        _parametrize(p, args[0].value, args[1])
        return False
    names, _, _ = chain(func)
    role = callee(names, p.callables)
    int_role, str_role = role.int_role, role.str_role
    if role.is_assert:
        subjects = [a for a in args if not literalish(a)]
        int_role = str_role = combine(subject_role(a) for a in subjects)
        if any(subject_says_status(a) for a in subjects):
            for arg in args:
                if literalish(arg):
                    p.mark_status(arg)
    elif int_role == NONE:
        _param_refs(p, func, args)
    for arg in args:
        if literalish(arg):
            _set_arg_role(p, arg, int_role, str_role)
        elif arg.__class__ is ast.IfExp:  # SMTPResponseException(450 if soft else 550, text)
            for choice in choices(arg):
                _set_arg_role(p, choice, int_role, str_role)
    if role.replies and int_role >= NONE:
        _code_with_text(p, role, args, keywords)
    elif int_role == NONE and len(args) > 1 and is_text(args[1]):
        for choice in choices(args[0]):  # DeliveryError(451, "Try again later"): in SMTP code
            if code_of(choice) is not None:
                p.set_role(choice, AMBIG)
    for kw in keywords:
        value = kw.value
        if kw.arg is None or not literalish(value):
            continue
        word = name_role(kw.arg)
        if says_status(kw.arg):
            p.mark_status(value)
        if kw.arg.endswith(_LOOKUP_BOUNDS) and value.__class__ is ast.Constant:
            p.bounds.add(id(value))  # filter(smtp_code__gte=400): Django's ordering lookups
        if int_role == NEG or word == NEG or (kw.arg == "status" and not role.replies
                                              and value.__class__ is ast.Constant
                                              and value.value.__class__ is int):
            p.set_role(value, NEG)  # status=400: HTTP's keyword unless a reply callable takes it
        elif int_role == STRONG or word == STRONG:
            p.set_role(value, STRONG)
        elif word == AMBIG:
            p.set_role(value, AMBIG)
    if int_role != NEG:
        pair_up(p, [*args, *(k.value for k in keywords)])
    return False


_LITERAL = frozenset({ast.Constant, ast.Tuple, ast.List, ast.Set, ast.JoinedStr, ast.Dict,
                      ast.IfExp})
_ENH_HEADS = frozenset({"2.", "4.", "5."})
_LOOKUP_BOUNDS = ("__gt", "__gte", "__lt", "__lte")


def _code_with_text(p: Pass, role: Callee, args: list[ast.expr],
                    keywords: list[ast.keyword]) -> None:
    """``Reply('550', error_msg)``, ``SMTPServerError(502, text)``: a code and its text."""
    api = role.api
    if api is None:
        return
    code: ast.expr | None = args[api.code] if len(args) > api.code else None
    has_text = len(args) > api.text or any(k.arg in api.text_kw for k in keywords)
    for kw in keywords:
        if kw.arg in api.code_kw:
            code = kw.value
    if code is None or not has_text:
        return
    for choice in choices(code):
        if _is_code_literal(choice):
            p.set_role(choice, api.role)


def _is_code_literal(node: ast.AST) -> bool:
    if node.__class__ is not ast.Constant:
        return False
    value = node.value
    if value.__class__ is int:
        return 200 <= value <= 559
    if value.__class__ in (str, bytes):
        return len(value) == 3 and value.isdigit()
    return False


def _is_enhanced_literal(node: ast.AST) -> bool:
    """``"5.1.1"`` alone: passed to ``score_for(status)``, the parameter's name decides."""
    value = getattr(node, "value", None) if node.__class__ is ast.Constant else None
    return (value.__class__ is str and value[:2] in _ENH_HEADS
            and ENH_RE.fullmatch(value) is not None)


def _param_refs(p: Pass, func: ast.expr, args: list[ast.expr]) -> None:
    """``classify(421)`` with ``def classify(code)`` in this module: decided by the name."""
    local = local_callee(func)
    if local is None:
        return
    for index, arg in enumerate(args):
        if (_is_code_literal(arg) or _is_enhanced_literal(arg)) and id(arg) not in p.roles:
            p.roles[id(arg)] = PARAM
            p.refs[id(arg)] = f"{local}:{index}"


def _set_arg_role(p: Pass, arg: ast.AST, int_role: int, str_role: int) -> None:
    if arg.__class__ is ast.Constant:
        is_int = arg.value.__class__ is int
        p.set_role(arg, int_role if is_int else str_role)
    elif arg.__class__ is ast.JoinedStr:
        p.set_role(arg, str_role)
    else:
        p.set_role(arg, int_role if int_role != NONE else str_role)


def _parametrize(p: Pass, names: str, rows: Any) -> None:
    """``@pytest.mark.parametrize("address, expected", [("a@b", 250)])``: columns by name."""
    table_rows(p, [name_role(n.strip()) for n in names.split(",")], rows)


HANDLERS: dict[type, Any] = {ast.Call: _call}
