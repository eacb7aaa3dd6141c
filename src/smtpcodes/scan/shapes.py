"""What a string literal looks like: a reply line, an enhanced code, an HTTP status line, an
SMTP command, or several pieces glued by implicit concatenation.

Shapes follow from the protocol (RFC 5321 section 4.2: a reply is three digits then a space,
a hyphen for a continuation line, or the end of the line; RFC 3463: ``class.subject.detail``
with class 2, 4 or 5), not from any one library.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Sequence

REPLY_RE = re.compile(r"([2-5][0-5][0-9])(?=[ \-\r\n]|$)[ -]?")
ENH_RE = re.compile(r"([245])\.([0-9]{1,3})\.([0-9]{1,3})(?=\s|$)")
_HOST_RE = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\s|$)")
_DIGIT_WORD_RE = re.compile(r"[0-9]+[A-Z]")
_CODE_LINE_RE = re.compile(r"\n[2-5][0-5][0-9][ \-\r\n]")

# What follows the code inside a reply string.
S_ENH, S_REPLY, S_BARE, S_PROSE, S_ENH_ONLY, S_ENH_TEXT = range(6)


def shape(rest: str, more: bool, dash: bool) -> int:
    """What follows a reply code: a reply text, nothing, or an ordinary sentence.

    ``more``: the literal goes on (an f-string, ``"334 " + challenge``), so nothing after the
    code is still a reply being built.
    """
    text = rest.lstrip(" ")
    if not text.strip():
        return S_REPLY if more or rest[:1] in ("\r", "\n") else S_BARE
    head = text[0]
    if dash and not head.isdigit():  # "250-mail.example.com", "250-PIPELINING": EHLO lines
        return S_REPLY
    if head.isupper() or head in "<%{[(\"'":
        return S_REPLY
    if head.isdigit():
        return S_REPLY if _DIGIT_WORD_RE.match(text) else S_PROSE
    low = text.lower()
    if "smtp" in low or low.startswith("ok") or _HOST_RE.match(text):
        return S_REPLY
    return S_PROSE


def norm_enhanced(match: re.Match[str]) -> str:
    return ".".join(str(int(part)) for part in match.groups())


def ends_with_crlf(value: str | bytes) -> bool:
    return value[-2:] in ("\r\n", b"\r\n")


# --- HTTP: three digits too, another protocol ----------------------------------------------------

_HTTP_PHRASES: dict[int, str] = {}


def http_phrases() -> dict[int, str]:
    """HTTP status codes and their reason phrases, lower case (from the running Python)."""
    if not _HTTP_PHRASES:
        from http import HTTPStatus

        _HTTP_PHRASES.update({int(s.value): s.phrase.lower() for s in HTTPStatus})
        _HTTP_PHRASES.setdefault(418, "i'm a teapot")
    return _HTTP_PHRASES


_SMTP_ONLY: set[int] = set()


def smtp_only_codes() -> set[int]:
    """Reply codes of the standard catalogue that no HTTP status shares (250, 354, 550...)."""
    if not _SMTP_ONLY:
        from ..catalogue import get_catalogue

        basic = {int(c) for c in get_catalogue().codes(kind="basic")}
        _SMTP_ONLY.update(basic - set(http_phrases()))
    return _SMTP_ONLY


#: Reply codes that FTP (RFC 959 and its extensions) or NNTP (RFC 3977) define and SMTP does
#: not: a reply line starting with one belongs to the other protocol's server.
FOREIGN_CODES = frozenset({
    200, 201, 202, 205, 212, 213, 215, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232,
    234, 240, 257, 281, 331, 332, 340, 350, 381, 411, 412, 420, 423, 425, 426, 434, 435, 436,
    437, 440, 441, 480, 483, 532,
})


def is_http_line(code: int, rest: str) -> bool:
    """``"503 Service Unavailable"``: an HTTP status line, not an SMTP reply."""
    phrase = http_phrases().get(code)
    if phrase is None:
        return False
    text = rest.strip().lower()
    if not text:
        return False
    return text.startswith(phrase) or (len(text) >= 3 and phrase.startswith(text))


# --- SMTP commands: vocabulary of the scope ------------------------------------------------------

#: First four characters of a command only SMTP and LMTP have -> what must follow them.
#: (STARTTLS, AUTH, QUIT, NOOP and RSET are POP3's, IMAP's or NNTP's too.)
_COMMANDS = {
    "EHLO": r"EHLO(?:[ \r\n]|$)", "HELO": r"HELO(?:[ \r\n]|$)", "LHLO": r"LHLO(?:[ \r\n]|$)",
    "MAIL": r"MAIL FROM:", "RCPT": r"RCPT TO:", "DATA": r"DATA(?:\r?\n)?$",
    "VRFY": r"VRFY(?:[ \r\n]|$)", "EXPN": r"EXPN(?:[ \r\n]|$)", "BDAT": r"BDAT ",
}
#: Prefixes a reply is written after: a Postfix access(5) or policy action
#: (``"action=550 5.7.1 ..."``) and a DSN's diagnostic code (``"smtp; 550 5.1.1 ..."``,
#: RFC 3464).
REPLY_PREFIXES = ("action=", "smtp;", "smtp; ")
_PREFIX_HEADS = frozenset({"acti", "smtp", b"acti", b"smtp"})
#: First four characters of a string worth a second look: a command or a reply prefix.
HEADS = (frozenset(_COMMANDS) | frozenset(h.encode() for h in _COMMANDS)) | _PREFIX_HEADS
COMMAND_HEADS = HEADS - _PREFIX_HEADS


def after_prefix(value: str | bytes) -> str | bytes | None:
    """What follows ``action=`` or ``smtp;`` at the start of a string, when a code follows."""
    text = value[:8].decode("latin-1") if isinstance(value, bytes) else value[:8]
    for prefix in REPLY_PREFIXES[::-1]:
        if text.startswith(prefix):
            rest = value[len(prefix):]
            return rest if rest[:1] in ("2", "4", "5", b"2", b"4", b"5") else None
    return None
_COMMAND_RES = {head: re.compile(pattern) for head, pattern in _COMMANDS.items()}


def is_command(value: str | bytes) -> bool:
    """``"RCPT TO:<%s>"``, ``b"EHLO example.com\\r\\n"``: a string that speaks SMTP."""
    text = value[:40].decode("latin-1") if isinstance(value, bytes) else value[:40]
    pattern = _COMMAND_RES.get(text[:4])
    return pattern is not None and pattern.match(text) is not None


# --- implicit concatenation: one Constant, several literals in the source -----------------------

def has_more_lines(value: str | bytes) -> bool:
    """Whether a string holds a second line that starts with a reply code."""
    text = value[:400].decode("latin-1") if isinstance(value, bytes) else value[:400]
    return _CODE_LINE_RE.search(text) is not None


def pieces(node: ast.Constant, lines: Sequence[str] | None
           ) -> list[tuple[int, int, str | bytes]] | None:
    """(line, col, value) of each literal glued into ``node`` (``b"250-A\\r\\n" b"250 B"``);
    None when it is one literal or the source is not at hand."""
    end_line = getattr(node, "end_lineno", None)
    end_col = getattr(node, "end_col_offset", None)
    if lines is None or end_line is None or end_col is None:
        return None
    try:
        first = node.lineno - 1
        raw = [line.encode("utf-8") for line in lines[first:end_line]]
        raw[-1] = raw[-1][:end_col]
        raw[0] = raw[0][node.col_offset:]
        source = b"".join(raw).decode("utf-8")
        found: list[tuple[int, int, str | bytes]] = []
        tokens = tokenize.generate_tokens(io.StringIO("(" + source + ")").readline)
        for token in tokens:
            if token.type != tokenize.STRING:
                continue
            row, col = token.start
            if row == 1:
                col = node.col_offset + len(source.splitlines()[0][:col - 1].encode("utf-8"))
            else:
                col = len(token.line[:col].encode("utf-8"))
            found.append((node.lineno + row - 1, col, ast.literal_eval(token.string)))
    except (SyntaxError, ValueError, IndexError, UnicodeError, tokenize.TokenError):
        return None
    return found if len(found) > 1 else None
