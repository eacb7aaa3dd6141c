"""Evidence from strings themselves: protocol lines and enhanced codes.

A reply on the wire is a code then a space, a hyphen (a continuation line) or the line's end
(RFC 5321 section 4.2), so a string shaped like that is a reply line whatever sends it:
``"250 OK"``, ``b"250-AUTH LOGIN\\r\\n"``, ``f"530 MAIL FROM {address} denied"``, ``'221 %s'``,
the ``b"334 "`` of ``b"334 " + challenge``. Each literal glued by implicit concatenation is
a line of its own. A string that starts with an enhanced code (``"5.1.1 User unknown"``) is an
enhanced status code. HTTP status lines (``"503 Service Unavailable"``) count for HTTP instead.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from .candidates import Candidate
from .roles import AMBIG, LIKELY, NONE
from .scope import COMMAND_WEIGHT
from .shapes import (
    COMMAND_HEADS,
    ENH_RE,
    FOREIGN_CODES,
    REPLY_RE,
    S_BARE,
    S_ENH,
    S_ENH_ONLY,
    S_ENH_TEXT,
    S_PROSE,
    S_REPLY,
    after_prefix,
    ends_with_crlf,
    has_more_lines,
    is_command,
    is_http_line,
    norm_enhanced,
    pieces,
    shape,
)

if TYPE_CHECKING:
    from .walk import Pass

_FIRST = frozenset({"2", "3", "4", "5", b"2", b"3", b"4", b"5"})
_TEMPLATE_HEADS = ("%d ", "%s ", "%d-", "%s-", "{} ", "{}-", "{0} ", "{code} ")


def take(p: Pass, node: ast.Constant) -> None:
    """A str or bytes constant that starts with 2-5: a reply line or enhanced code, maybe."""
    if p.defs:
        return
    role = p.roles.get(id(node), NONE)
    if role < NONE:
        return
    value = node.value
    if not isinstance(value, (str, bytes)):
        return
    if p.lines is not None and has_more_lines(value):
        glued = pieces(node, p.lines)
        if glued is not None:
            for line, col, piece in glued:
                if piece[:1] in _FIRST:
                    _literal(p, node, line, col, piece, role, False)
            return
    _literal(p, node, node.lineno, node.col_offset, value, role, id(node) in p.more)


def head(p: Pass, node: ast.Constant, value: str | bytes) -> None:
    """A string that starts with an SMTP command (the scope speaks SMTP) or with a prefix a
    reply is written after (``"action=550 5.7.1 ..."``, ``"smtp; 550 5.1.1 ..."``)."""
    if value[:4] in COMMAND_HEADS:
        if is_command(value):
            p.scope.add(COMMAND_WEIGHT)
        return
    rest = after_prefix(value)
    if rest is not None and not p.defs:
        role = p.roles.get(id(node), NONE)
        if role >= NONE:
            _literal(p, node, node.lineno, node.col_offset, rest, role, id(node) in p.more)


def _literal(p: Pass, node: ast.AST, line: int, col: int, value: str | bytes, role: int,
             more: bool) -> None:
    text = value[:120].decode("latin-1") if isinstance(value, bytes) else value[:120]
    match = REPLY_RE.match(text)
    cand: Candidate
    if match is not None:
        code = int(match.group(1))
        rest = text[match.end():]
        enh = ENH_RE.match(rest)
        enhanced = None
        if enh is not None:
            kind = S_ENH
            enhanced = norm_enhanced(enh)
            p.scope.smtp += 1
        else:
            kind = shape(rest, more, match.group(0).endswith("-"))
            if kind == S_PROSE and (ends_with_crlf(value) or value.__class__ is bytes):
                kind = S_REPLY  # "250 localhost\r\n", b"220 ready": on the wire, no sentence
            if kind == S_REPLY and is_http_line(code, rest):
                p.scope.other += 1  # "503 Service Unavailable": HTTP, and a signal of it
                return
            if kind == S_REPLY and code in FOREIGN_CODES:
                p.scope.other += 1  # "240 Article received": NNTP's line, or FTP's
        if kind == S_BARE and role == AMBIG and id(node) in p.compared:
            p.count_value(code)  # reply[:3] == "550"
        cand = Candidate(line, col, False, code, enhanced, role, p.scope, kind, None, rest)
    else:
        enh = ENH_RE.match(text)
        if enh is None:
            return
        rest = text[enh.end():]
        kind = S_ENH_TEXT if rest or more else S_ENH_ONLY
        if id(node) in p.status:
            role = max(role, LIKELY)  # r.enhanced_status_code = "2.3.4"
        cand = Candidate(line, col, False, 0, norm_enhanced(enh), role, p.scope, kind,
                         p.pairs.get(id(node)), rest)
    cand.ref = p.refs.get(id(node), "")
    p.candidates.append(cand)


def _joined(p: Pass, node: ast.JoinedStr, stack: list[Any]) -> bool:
    """``f"250-{host}\\r\\n"``: the constant head is the literal; the rest goes on."""
    values = node.values
    head = values[0] if values else None
    if head is not None and head.__class__ is ast.Constant:
        text = head.value
        if not isinstance(text, str):
            text = ""
        if text[:4] in COMMAND_HEADS and is_command(text):
            p.scope.add(COMMAND_WEIGHT)  # f"RCPT TO:<{address}>"
        if text[:1] in _FIRST and not p.defs:
            role = p.roles.get(id(node), NONE)
            if role >= NONE:
                _literal(p, node, node.lineno, node.col_offset, text, role, len(values) > 1)
    for part in values:
        if part.__class__ is ast.FormattedValue:
            stack.append(part.value)
    return True


def _binop(p: Pass, node: ast.BinOp, stack: list[Any]) -> bool:
    """``b"334 " + challenge``: the left piece goes on; ``"%d %s" % (550, text)``: a reply."""
    left = node.left
    if left.__class__ is not ast.Constant:
        return False
    value = left.value
    if not isinstance(value, (str, bytes)):
        return False
    if node.op.__class__ is ast.Add:
        p.more.add(id(left))
    elif node.op.__class__ is ast.Mod and node.right.__class__ is ast.Tuple:
        text = value.decode("latin-1") if isinstance(value, bytes) else value
        if text.startswith(_TEMPLATE_HEADS) and ("\r\n" in text or p.scope.handler):
            elts = node.right.elts
            if elts:
                p.set_role(elts[0], AMBIG)
    return False


HANDLERS: dict[type, Any] = {ast.JoinedStr: _joined, ast.BinOp: _binop}
