"""Evidence from literals side by side: a reply code with an enhanced code, a code with a text.

RFC 3463 ties the two together: an enhanced status code's class repeats the reply code's first
digit. So ``f('550', '5.7.1', text)``, ``(550, "5.4.5 text")`` and ``{"code": 451,
"enhanced": "4.3.0"}`` are SMTP in any scope, whatever library they go to; when the classes
disagree the pair is SMT200. Containers also pass their own role on to their elements, and a
``(code, "text")`` tuple is a reply on its own in SMTP code.

Dicts: a key names its value (``{"smtp_code": 550}``); a JSON error body (``{"code": 404,
"error": ...}``) carries an HTTP status, silent.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .roles import AMBIG, LIKELY, NEG, RETURNED, STRONG, UNKNOWN
from .shapes import ENH_RE, REPLY_RE, http_phrases
from .vocabulary import NEG_NAMES, says_status, word_role

if TYPE_CHECKING:
    from .walk import Pass

_LITERAL = frozenset({ast.Constant, ast.Tuple, ast.List, ast.Set, ast.JoinedStr, ast.Dict})
_JSON_BODY_KEYS = frozenset({"error", "errors", "detail", "details", "success", "data", "ok"})
_JSON_CODE_KEYS = frozenset({"code", "status", "status_code", "statusCode", "http_status"})


def code_of(node: ast.AST) -> int | None:
    """The reply code a literal is, alone: ``550``, ``"550"``, ``b"550"``."""
    if node.__class__ is not ast.Constant:
        return None
    value = node.value
    if value.__class__ is int:
        return value if 200 <= value <= 599 else None
    if value.__class__ in (str, bytes) and len(value) == 3 and value.isdigit():
        number = int(value)
        return number if 200 <= number <= 559 else None
    return None


def choices(node: ast.AST) -> list[ast.AST]:
    """The literals an argument may be: itself, or each branch of ``450 if soft else 550``."""
    if node.__class__ is ast.IfExp:
        return [*choices(node.body), *choices(node.orelse)]
    return [node] if node.__class__ is ast.Constant else []


def _enhanced_class(node: ast.AST) -> int | None:
    """The class digit of a literal that starts with an enhanced code (``"5.7.1 text"``)."""
    if node.__class__ is not ast.Constant:
        return None
    value = node.value
    if value.__class__ is bytes:
        value = value[:16].decode("latin-1")
    elif value.__class__ is not str:
        return None
    match = ENH_RE.match(value[:16])
    return int(match.group(1)) if match is not None else None


def _reply_code(node: ast.AST) -> int | None:
    """The code a reply string starts with: ``"500 No such user"`` (not ``"500 5.0.0 ..."``,
    which is a pair on its own)."""
    value = getattr(node, "value", None) if node.__class__ is ast.Constant else None
    if not isinstance(value, (str, bytes)):
        return None
    text = value[:24].decode("latin-1") if isinstance(value, bytes) else value[:24]
    match = REPLY_RE.match(text)
    if match is None or not text[match.end():] or ENH_RE.match(text[match.end():]):
        return None
    return int(match.group(1))


def head_of(node: ast.AST) -> ast.AST:
    """The literal a text starts with: ``"5.1.1 " + address``, ``f"5.1.1 {text}"``."""
    for _ in range(4):
        if node.__class__ is ast.BinOp and node.op.__class__ in (ast.Add, ast.Mod):
            node = node.left
        elif node.__class__ is ast.JoinedStr and node.values:
            return node.values[0]
        else:
            break
    return node


def is_text(node: ast.AST) -> bool:
    """A reply text: a string literal, an f-string, or a string glued with +."""
    head = head_of(node)
    return (head.__class__ is ast.Constant and head.value.__class__ in (str, bytes)
            or node.__class__ is ast.JoinedStr)


_ENH_HEADS = frozenset({"2.", "4.", "5.", b"2.", b"4.", b"5."})


def pair_up(p: Pass, elements: Sequence[ast.AST]) -> None:
    """A reply code and an enhanced code among ``elements``: both are SMTP, in any scope.

    Of several numbers, the one whose class the enhanced code repeats is the reply code;
    a number already known as something else (``"limit_mb": 250``) is none.
    """
    if len(elements) < 2 or len(elements) > 12:
        return
    enhanced_node: ast.AST | None = None
    enhanced_class = 0
    roles = p.roles
    for element in elements:  # the cheap test first: most tuples hold no enhanced code
        head = element if element.__class__ is ast.Constant else head_of(element)
        value = getattr(head, "value", None) if head.__class__ is ast.Constant else None
        if isinstance(value, (str, bytes)) and value[:2] in _ENH_HEADS:
            found = _enhanced_class(head)
            if found is not None and roles.get(id(head), 0) >= 0:
                # an f-string's role and pair sit on the f-string, a + piece's on its literal
                enhanced_node = element if element.__class__ is ast.JoinedStr else head
                enhanced_class = found
                break
    if enhanced_node is None:
        return
    codes: list[tuple[ast.AST, int]] = []
    for element in elements:
        code = code_of(element) if element is not enhanced_node else None
        if code is None:  # {"status": "5.0.0", "reason": "500 No such user"}
            code = _reply_code(element)
        if code is not None and roles.get(id(element), 0) >= 0:
            codes.append((element, code))
    if not codes:
        return
    code_node, code = next(((n, c) for n, c in codes if c // 100 == enhanced_class), codes[0])
    p.set_role(code_node, STRONG)
    p.set_role(enhanced_node, STRONG)
    p.pairs[id(enhanced_node)] = code


def _container(p: Pass, node: ast.Tuple, stack: list[Any]) -> bool:
    """Pass a role on to the elements; a ``(code, "text")`` pair is a reply on its own."""
    elts = node.elts
    role = p.roles.get(id(node))
    if role is not None:
        for elt in elts:
            if elt.__class__ in _LITERAL:
                p.set_role(elt, role)
    if 1 < len(elts) < 8:
        _line_beside_its_code(p, elts)
    if len(elts) == 2:
        first, second = elts
        if (first.__class__ is ast.Constant and first.value.__class__ is int
                and (second.__class__ is ast.JoinedStr or (
                    second.__class__ is ast.Constant
                    and second.value.__class__ in (str, bytes)))):
            if role is None or role >= 0:
                p.set_role(first, AMBIG if role in (None, RETURNED) else max(role, AMBIG))
    pair_up(p, elts)
    return False


def _line_beside_its_code(p: Pass, elts: Sequence[ast.expr]) -> None:
    """``("250 last", 250)``: a reply line next to its own code, as test tables hold them."""
    numbers = {e.value for e in elts if e.__class__ is ast.Constant
               and e.value.__class__ is int and 200 <= e.value <= 559}
    if not numbers:
        return
    for elt in elts:
        code = _reply_code(elt)
        if code is not None and code in numbers:
            p.set_role(elt, AMBIG)


def _dict(p: Pass, node: ast.Dict, stack: list[Any]) -> bool:
    role = p.roles.get(id(node))
    keys = [k.value if k is not None and k.__class__ is ast.Constant
            and isinstance(k.value, str) else None for k in node.keys]
    json_body = bool(_JSON_BODY_KEYS.intersection(k for k in keys if k))
    for key, value in zip(keys, node.values, strict=False):
        if key is not None and key.isidentifier() and key not in NEG_NAMES and word_role(key) < 0:
            p.set_role(value, NEG)  # "limit_mb": 250 is no code, paired or not
    if role is None or role >= 0:
        pair_up(p, node.values)  # before the other keys: "status_code" beside "5.1.1" is SMTP's
    if any(key is not None and key.isidentifier() and word_role(key) == STRONG for key in keys):
        _smtp_record(p, node.values)
    for key, value in zip(keys, node.values, strict=False):
        if value.__class__ not in _LITERAL or p.roles.get(id(value)) == STRONG:
            continue
        if (json_body and key in _JSON_CODE_KEYS and value.__class__ is ast.Constant
                and value.value in http_phrases()):
            p.set_role(value, NEG)  # {"code": 404, "error": "..."}: an HTTP error body
            continue
        word = word_role(key) if key is not None and key.isidentifier() else UNKNOWN
        if says_status(key):
            p.mark_status(value)
        if word != UNKNOWN:
            p.set_role(value, word)
        elif role is not None:
            p.set_role(value, role)
    return False


def _smtp_record(p: Pass, values: Sequence[ast.expr]) -> None:
    """``{"smtp_code": 421, "response": "421 temporary deferral"}``: a record that names its
    SMTP code holds SMTP's reply lines and enhanced codes under its other keys too."""
    for value in values:
        head = head_of(value)
        if _reply_code(head) is not None or _enhanced_class(head) is not None:
            p.set_role(value if value.__class__ is ast.JoinedStr else head, LIKELY)


def _ifexp(p: Pass, node: ast.IfExp, stack: list[Any]) -> bool:
    """``450 if soft else 550``: the transient and permanent forms of one reply (RFC 5321
    section 4.2.1), a choice HTTP does not make."""
    body, orelse = node.body, node.orelse
    if body.__class__ is ast.Constant and orelse.__class__ is ast.Constant:
        a, b = body.value, orelse.value
        if (a.__class__ is int and b.__class__ is int and {a // 100, b // 100} == {4, 5}
                and a % 100 == b % 100 and not {a, b} <= http_phrases().keys()):
            p.set_role(body, LIKELY)
            p.set_role(orelse, LIKELY)
    return False


HANDLERS: dict[type, Any] = {
    ast.IfExp: _ifexp,
    ast.Tuple: _container,
    ast.List: _container,
    ast.Set: _container,
    ast.Dict: _dict,
}
