"""Which literals in a Python tree are SMTP codes used as SMTP codes: the analysis of ``SMT``.

A number is only an SMTP code when the expression around it says so (compared with
``e.smtp_code``, passed to ``SMTPSenderRefused``, returned from an aiosmtpd ``handle_RCPT`` hook)
or when the scope around it is SMTP code and the expression is a code comparison. The scope
decision is made per function and per class, from imports, names, calls, handler method names
and class bases, so one module may hold an HTTP status line and an SMTP reply. The rules are
written down in ``docs/flake8.md``.

Kept apart from the flake8 adapter (``flake8_plugin``) so the rules read, and can be tested,
without flake8: this module returns plain findings and words no message. Cost matters because
flake8 runs every installed plugin on every file: one iterative pass over the tree, Names and
Constants handled inline, roles computed only where a literal sits.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import attrgetter
from typing import Any, NamedTuple


class Finding(NamedTuple):
    """A literal to report: where, which check (``SMT100``...) and the code(s) it names.

    ``code`` is one code (``"553"``, ``"5.1.1"``) or a reply's two, ``"550 4.2.2"``.
    """

    line: int
    col: int
    kind: str
    code: str


# --- roles: what the expression around a literal says about it ---------------------------------
NEG = -1  # a port, size, timeout, HTTP status, version...: never an SMTP code
NONE = 0  # nothing known: ints are never flagged, strings only by their own shape
UNKNOWN = 1  # compared with an unrecognised name: a "250" string counts in SMTP scopes, an int not
AMBIG = 2  # compared with ``code``/``resp``, returned by handle_RCPT: flagged in SMTP scopes
STRONG = 3  # passed to SMTPSenderRefused or sendCode, compared with e.smtp_code: any scope
RETURNED = 4  # returned by a function: a code if the function also returns e.g. exc.smtp_code
PARAM = 5  # passed to a function of this module: a code if that parameter's name says so

# --- scope kinds --------------------------------------------------------------------------------
#: OTHER: HTTP, FTP, NNTP... protocols whose replies also start with three digits.
NEUTRAL, SMTP, OTHER = 0, 1, 2

#: Modules whose import makes a scope SMTP code (``--smtp-modules`` adds to these).
SMTP_MODULES = frozenset({
    "smtplib", "smtpd", "aiosmtplib", "aiosmtpd", "twisted.mail", "slimta", "salmon",
    "smtpdfix", "pytest_smtpd", "mailman.mta",
})
#: Modules whose import makes a scope HTTP (or FTP, NNTP) code.
OTHER_MODULES = frozenset({
    "ftplib", "nntplib", "pyftpdlib", "aioftp", "ftputil", "paramiko",
    "http", "urllib", "urllib3", "requests", "httpx", "aiohttp", "flask", "django", "fastapi",
    "starlette", "werkzeug", "tornado", "falcon", "bottle", "pyramid", "sanic", "wsgiref",
    "httplib2", "responses", "respx", "quart", "litestar", "webob", "cherrypy", "twisted.web",
    "uvicorn", "gunicorn", "rest_framework", "grequests", "treq",
})
_IMPORT_WEIGHT = 3
_HANDLER_WEIGHT = 3

#: Method names of SMTP servers and handlers whose return value is a reply.
_SMTP_VERBS = (
    r"(?:HELO|EHLO|MAIL|RCPT|DATA|RSET|QUIT|VRFY|EXPN|NOOP|HELP|AUTH|STARTTLS|BDAT|ETRN|PROXY)")
_SMTP_HANDLER_RE = re.compile(
    rf"handle_{_SMTP_VERBS}|do_{_SMTP_VERBS}|do_UNKNOWN|smtp_[A-Z]{{4,8}}|validateTo|validateFrom|"
    r"process_message|handle_exception|smtp_reply"
)
#: Hook names only SMTP has (NNTP, POP3 and FTP servers also answer QUIT, HELP, NOOP...).
_SMTP_ONLY_HANDLER_RE = re.compile(
    r"(?:handle|do)_(?:HELO|EHLO|MAIL|RCPT|DATA|VRFY|EXPN|STARTTLS|BDAT|ETRN)|smtp_[A-Z]{4,8}|"
    r"validateTo|validateFrom"
)
_HTTP_HANDLER_RE = re.compile(r"do_(?:GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH|TRACE|CONNECT)")

# Identifiers (names, attributes, parameters, function and class names) as scope signals.
_SMTP_IDENTS = frozenset({
    "sendmail", "ehlo", "helo", "starttls", "rcpt", "rcpt_tos", "rcpttos", "mailfrom",
    "mail_from", "envelope", "docmd", "getreply", "sendCode", "ehlo_or_helo_if_needed",
    "rcpt_options",
})
_HTTP_IDENTS = frozenset({
    "requests", "status_code", "start_response", "send_response", "send_error", "environ",
    "jsonify", "abort", "route", "HttpResponse", "JsonResponse", "JSONResponse", "Response",
    "Request", "request", "flask", "django", "fastapi", "starlette", "aiohttp", "werkzeug",
    "tornado", "HTTPStatus", "HTTPException", "status_int", "reason_phrase", "get_json",
    "make_response", "HTTPFound", "HTTPNotFound", "raise_for_status",
})

# Words of names, split at underscores and camelCase: what a name compared with a literal means.
_NEG_WORDS = frozenset({
    "port", "ports", "timeout", "timeouts", "size", "sizes", "len", "length", "width", "height",
    "limit", "limits", "max", "min", "maxlen", "maxsize", "count", "counts", "total", "num",
    "number", "version", "versions", "ver", "http", "https", "url", "urls", "uri", "wsgi", "html",
    "retries", "retry", "attempts", "attempt", "tries", "delay", "ttl", "bytes", "lineno",
    "offset", "depth", "year", "month", "day", "hour", "ms", "msec", "sec", "secs",
    "seconds", "minutes", "interval", "chunk", "buffer", "bufsize", "pid", "uid", "gid", "mode",
    "perm", "perms", "errno", "exit", "returncode", "signal", "index", "idx", "i", "j", "k", "n",
    "x", "y", "z", "level", "priority", "section", "sections", "rfc", "chapter", "page", "pages",
    "id", "ip", "ipv", "addr", "host", "score", "weight", "percent", "pct", "rate", "ratio",
    "cache", "memory", "mem", "kb", "mb", "gb", "threshold", "capacity", "batch", "workers",
    "threads", "pool", "backlog", "queue", "steps", "step", "epoch", "epochs", "seed", "duration",
    "elapsed", "latency", "dpi", "quality", "color", "font", "rows", "cols", "columns", "bits",
    "sleep", "range", "socket", "connect", "bind", "listen", "recv", "read", "seek", "truncate",
    "round", "randint", "randrange", "chr", "ord", "zfill", "ljust", "rjust", "center", "pos",
    "position", "col", "column", "port_number", "backoff", "wait", "deadline", "days",
    "hours", "weeks", "quota", "recipients_max", "kib", "mib", "megabytes", "age",
    "expires", "expiry", "lifetime", "iterations", "rounds", "salt", "key", "keys", "random",
    "sample", "shape", "dim", "dims", "frame", "frames", "fps", "channel", "channels", "volume",
    "pixels", "px", "degrees", "angle", "price", "amount", "balance", "cents", "qty", "quantity",
    "time", "times", "timing", "timings", "millis", "micros", "nanos", "usec", "schema",
    "release", "build", "revision", "major", "minor", "patch",
})
#: smtplib / aiosmtplib client methods whose result is a reply (code, text) or response.
_SMTP_METHODS = frozenset({
    "ehlo", "helo", "noop", "verify", "vrfy", "expn", "rset", "quit", "mail", "rcpt", "data",
    "docmd", "getreply", "starttls", "login", "auth", "execute_command", "connect",
})
#: Words that make a returned name a code: ``return code`` / ``return exc.smtp_code``.
_CODE_WORDS = frozenset({"code", "codes", "status", "errcode", "rc"})
_STRONG_WORDS = frozenset({
    "smtp", "esmtp", "lmtp", "rcpt", "ehlo", "helo", "docmd", "getreply", "sendmail", "starttls",
    "smtpd", "smtplib",
})

#: The whole-file skip: a file whose lower-cased text holds none of these words, no handler
#: ``def`` and no string starting with a code cannot produce a finding under the rules above
#: (every SMTP signal, STRONG word and reply sender contains one of them). Keep them in step.
_TRIGGER_WORDS = (
    "smtp", "lmtp", "rcpt", "ehlo", "helo", "sendmail", "starttls", "docmd", "envelope",
    "sendcode", "mail_from", "mailfrom",
)
_TRIGGER_DEF_RE = re.compile(
    r"def (?:handle_|do_|validateto|validatefrom|process_message)")
_TRIGGER_STRING_RE = re.compile(
    r"[\"'][2-5][0-5][0-9](?:[ \-\"'\\\r\n]|$)|[\"'][245]\.[0-9]{1,3}\.[0-9]{1,3}", re.M)
_AMBIG_WORDS = frozenset({
    "code", "codes", "status", "rc", "errcode", "resp", "response", "responses", "result",
    "results", "res", "ret", "err", "error", "errors", "rv", "answer", "refused", "rejected",
    "reply", "replies",
    "reject", "accepted", "expected", "actual", "got", "want", "c", "outcome", "verdict",
    "message", "msg",
})
_HTTP_WORDS = frozenset({"http", "https", "url", "urls", "uri", "wsgi", "html", "web"})
_NEG_NAMES = frozenset({
    "status_code", "statuscode", "http_status", "httpstatus", "returncode", "exitcode",
    "exit_code", "exit_status", "errno", "status_int", "http_code", "response_status",
})

#: Callees whose positional ints are not reply codes although their names say SMTP.
_SMTP_NONCODE_CALLEES = frozenset({
    "SMTP", "SMTP_SSL", "LMTP", "SMTPServer", "SMTPChannel", "Controller", "UnthreadedController",
    "InetServerController", "UnixSocketController", "SMTPFactory", "ESMTPFactory",
    "SMTPSenderFactory", "ESMTPSenderFactory", "SMTPHandler", "DebuggingServer", "PureProxy",
    "SMTPStatus", "SMTPClient", "ESMTPClient", "sendmail", "send", "connect", "login",
    "set_debuglevel", "starttls",
})
#: Last words of SMTP callee names that take a reply code (SMTPSenderRefused, SMTPResponse...).
_SMTP_CODE_CALLEE_WORDS = frozenset({
    "error", "exception", "refused", "response", "reply", "code", "failure", "rcpt", "sender",
    "recipient", "rejected", "status",
})
#: Callees that send a reply line (SMTP, but FTP and NNTP servers too): what they are passed
#: is a reply code or line when the scope is SMTP code.
_REPLY_SENDERS = frozenset({
    "push", "sendLine", "reply", "send_reply", "smtp_reply", "_reply", "respond", "send_line",
    "writeline", "_push", "send_response_line",
})
_REPLY_CODE_SENDERS = frozenset({"reply", "send_reply", "smtp_reply", "_reply"})
#: Twisted's SMTP reply method: SMTP whatever the scope.
_SMTP_CODE_SENDERS = frozenset({"sendCode"})
_LOG_CALLEES = frozenset({
    "print", "debug", "info", "warning", "warn", "error", "exception", "critical", "log", "msg",
    "echo", "secho", "pprint", "format", "_", "gettext", "ngettext",
})
_HTTP_CALLEES = frozenset({
    "abort", "set_status", "send_response", "send_error", "start_response", "HTTPException",
    "HTTPError", "HttpResponse", "JsonResponse", "JSONResponse", "Response", "make_response",
    "jsonify", "redirect", "HTTPStatus", "status", "PlainTextResponse", "HTMLResponse",
    "StreamingResponse", "RedirectResponse", "web.Response", "json_response", "HttpResponseBase",
    "HTTPServiceUnavailable", "HTTPFound", "raise_for_status",
})
_UNWRAP_CALLS = frozenset({"int", "str", "bytes", "getattr", "bool", "repr", "decode", "strip"})
_COMPARE_METHODS = frozenset({"startswith", "endswith", "__eq__", "count", "find", "index"})

_WORD_RE = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
_REPLY_RE = re.compile(r"([2-5][0-5][0-9])(?=[ \-\r\n]|$)[ -]?")
_ENH_RE = re.compile(r"([245])\.([0-9]{1,3})\.([0-9]{1,3})(?=\s|$)")
_HOST_RE = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\s|$)")
_DIGIT_WORD_RE = re.compile(r"[0-9]+[A-Z]")
_FIRST = frozenset({"2", "3", "4", "5", b"2", b"3", b"4", b"5"})
_LITERALISH = frozenset({ast.Constant, ast.Tuple, ast.List, ast.Set, ast.JoinedStr, ast.Dict})
_CONTAINERS = (ast.Tuple, ast.List, ast.Set)
_ORDERING = frozenset({ast.Lt, ast.LtE, ast.Gt, ast.GtE})

# String shapes: what follows the code inside a reply string.
S_ENH, S_REPLY, S_BARE, S_PROSE, S_ENH_ONLY, S_ENH_TEXT = range(6)


# --- word and identifier tables (cached per process: identifiers repeat a lot) -----------------

_IDENT_CACHE: dict[str, int] = {}
_WORD_CACHE: dict[str, int] = {}


def _ident_signal(name: str) -> int:
    """SMTP (1), OTHER (2: HTTP, FTP, NNTP) or nothing (0) for an identifier in a scope."""
    low = name.lower()
    if "smtp" in low or "lmtp" in low or name in _SMTP_IDENTS:
        kind = SMTP
    elif ("http" in low or "wsgi" in low or "ftp" in low or "nntp" in low
          or name in _HTTP_IDENTS):
        kind = OTHER
    else:
        kind = NEUTRAL
    _IDENT_CACHE[name] = kind
    return kind


def _word_role(name: str) -> int:
    """What a name says about a number compared with or assigned to it."""
    role = _WORD_CACHE.get(name)
    if role is not None:
        return role
    low = name.lower()
    words = {w.lower() for w in _WORD_RE.findall(name)}
    if low in _NEG_NAMES or ({"status", "code"} <= words and "smtp" not in words):
        role = NEG
    elif words & _NEG_WORDS or words & _HTTP_WORDS:
        role = NEG
    elif words & _STRONG_WORDS or "smtp" in low:
        role = STRONG
    elif words & _AMBIG_WORDS:
        role = AMBIG
    else:
        role = UNKNOWN
    _WORD_CACHE[name] = role
    return role


def _chain(start: ast.AST) -> tuple[list[str], bool, bool]:
    """Names along ``a.b.c`` / ``f(x).y`` / ``x["key"]``, outermost first; whether len() was hit;
    whether the outermost name is a key (``timings["connect"]``, ``counts.get("bounced")``)."""
    node: Any = start
    names: list[str] = []
    keyed = False
    for _ in range(12):
        cls = node.__class__
        if cls is ast.Attribute:
            names.append(node.attr)
            node = node.value
        elif cls is ast.Name:
            names.append(node.id)
            break
        elif cls is ast.Call:
            func = node.func
            fname = func.id if func.__class__ is ast.Name else (
                func.attr if func.__class__ is ast.Attribute else "")
            if fname == "len":
                return names, True, keyed
            args = node.args
            if fname == "get" and args and _is_identifier_str(args[0]):
                keyed = keyed or not names
                names.append(args[0].value)
                node = func.value
            elif fname == "getattr" and len(args) > 1 and _is_identifier_str(args[1]):
                names.append(args[1].value)
                node = args[0]
            elif fname in _UNWRAP_CALLS and func.__class__ is ast.Name and args:
                node = args[0]
            elif fname in _UNWRAP_CALLS and func.__class__ is ast.Attribute:
                node = func.value
            else:
                node = func
        elif cls is ast.Subscript:
            key = node.slice
            if _is_identifier_str(key):
                keyed = keyed or not names
                names.append(key.value)
            node = node.value
        elif cls is ast.Await or cls is ast.Starred:
            node = node.value
        elif cls is ast.BinOp:
            node = node.left
        else:
            break
    return names, False, keyed


def _is_identifier_str(node: ast.AST) -> bool:
    return (node.__class__ is ast.Constant and isinstance(node.value, str)
            and node.value.isidentifier())


def _subject_role(node: ast.AST) -> int:
    """Role of a literal compared with or tested against ``node``.

    The outermost name decides (``e.smtp_code``, ``r.status_code``, ``timings["connect"]``);
    when it says nothing, the names it hangs from may (``counts.get("x")``, ``self.smtp.x()``).
    """
    if node.__class__ is ast.Constant:
        return NONE
    names, is_len, keyed = _chain(node)
    if is_len:
        return NEG
    if not names:
        return NONE
    role = _word_role(names[0])
    if role == NEG:
        return role
    if role < AMBIG and _is_smtp_method_call(node):
        role = AMBIG
    for index, other in enumerate(names[1:], 1):
        if "http" in other.lower() or other in _HTTP_IDENTS:
            return NEG
        other_role = _word_role(other)
        if other_role == STRONG and role < STRONG:
            role = STRONG
        elif role == UNKNOWN and other_role == NEG and keyed and index == 1:
            role = NEG  # the table a key was read from: counts["x"], timings.get("y")
    return role


def _is_smtp_method_call(node: ast.AST) -> bool:
    """``client.verify("x")[0]``, ``await client.noop()``: smtplib methods return replies."""
    for _ in range(4):
        if node.__class__ in (ast.Subscript, ast.Await):
            node = node.value
    func = getattr(node, "func", None) if node.__class__ is ast.Call else None
    return func.__class__ is ast.Attribute and func.attr in _SMTP_METHODS


def _target_role(node: ast.AST) -> int:
    """Role of a literal assigned to ``node`` or bound to a parameter or keyword of that name:
    only names that say "code" count, since ``base = 250`` is a number like any other."""
    role = _subject_role(node)
    return NONE if role == UNKNOWN else role


def _name_role(name: str) -> int:
    role = _word_role(name)
    return NONE if role == UNKNOWN else role


def _returns_code(node: ast.AST) -> bool:
    """``return code`` / ``return exc.smtp_code``: the function's returns are SMTP codes."""
    names, is_len, _ = _chain(node)
    if is_len or not names:
        return False
    words = {w.lower() for w in _WORD_RE.findall(names[0])}
    return _subject_role(node) == STRONG or bool(words & _CODE_WORDS and _word_role(names[0])
                                                 != NEG)


def _callee_roles(func: ast.AST) -> tuple[int, int, bool]:
    """(role of int arguments, role of string arguments, is an assertion) for a callee."""
    names, _, _ = _chain(func)
    if not names:
        return NONE, NONE, False
    primary = names[0]
    if primary.startswith("assert") or primary.startswith("assert_"):
        return NONE, NONE, True
    if primary in _LOG_CALLEES:
        return NEG, NEG, False
    if primary in _HTTP_CALLEES or any("http" in n.lower() for n in names):
        return NEG, NEG, False
    if primary in _SMTP_NONCODE_CALLEES:
        return NEG, NONE, False
    if primary in _SMTP_CODE_SENDERS:
        return STRONG, STRONG, False
    if primary in _REPLY_SENDERS:
        return (AMBIG if primary in _REPLY_CODE_SENDERS else NONE), AMBIG, False
    words = [w.lower() for w in _WORD_RE.findall(primary)]
    if words and ("smtp" in words or "lmtp" in words or "esmtp" in words):
        if words[-1] in _SMTP_CODE_CALLEE_WORDS:
            return STRONG, STRONG, False
        return NONE, NONE, False
    if _word_role(primary) == NEG:
        return NEG, NEG, False
    return NONE, NONE, False


def _combine(roles: Iterable[int]) -> int:
    found = list(roles)
    if not found:
        return NONE
    if NEG in found:
        return NEG
    return max(found)


def trigger_words(modules: Iterable[str]) -> tuple[str, ...]:
    """Trigger words plus the module names no trigger word already finds (each costs a scan)."""
    extra = {m.lower() for m in modules if not any(w in m.lower() for w in _TRIGGER_WORDS)}
    return _TRIGGER_WORDS + tuple(sorted(extra))


def _is_upper(name: str) -> bool:
    return name.isupper() or (name.startswith("_") and name[1:].isupper())


# --- scopes -------------------------------------------------------------------------------------

class _Scope:
    """A module, class or function: its own SMTP and OTHER signals, summed upwards at the end."""

    __slots__ = ("parent", "smtp", "other", "is_function", "handler", "codeish", "kind",
                 "returns_code")

    def __init__(self, parent: _Scope | None, is_function: bool) -> None:
        self.parent = parent
        self.smtp = 0
        self.other = 0
        self.is_function = is_function
        self.handler = False
        self.codeish = False
        self.returns_code = False
        self.kind = -1


class _ScopeExit:
    """Stack marker: leaving a function or class restores the enclosing scope."""

    __slots__ = ("previous",)

    def __init__(self, previous: _Scope) -> None:
        self.previous = previous


class _DefExit:
    """Stack marker: leaving the value of a constant definition."""

    __slots__ = ()


_DEF_EXIT = _DefExit()

_SKIP_FIELDS = frozenset({
    "ctx", "op", "ops", "id", "attr", "arg", "module", "level", "lineno", "kind", "type_comment",
    "simple", "is_async", "conversion", "asname", "type_ignores", "kwd_attrs", "rest",
    "annotation", "returns",
})


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


class _Candidate:
    """A literal that may be reported, decided once the whole file's scopes are known."""

    __slots__ = ("line", "col", "is_int", "value", "enhanced", "role", "scope", "shape",
                 "pair_basic", "rest", "bound")

    def __init__(self, line: int, col: int, is_int: bool, value: int, enhanced: str | None,
                 role: int, scope: _Scope, shape: int, pair_basic: int | None,
                 rest: str) -> None:
        self.line = line
        self.col = col
        self.is_int = is_int
        self.value = value
        self.enhanced = enhanced
        self.role = role
        self.scope = scope
        self.shape = shape
        self.pair_basic = pair_basic
        self.rest = rest
        self.bound = False


# --- HTTP status lines: three digits too, another protocol --------------------------------------

_HTTP_PHRASES: dict[int, str] = {}


def _http_phrases() -> dict[int, str]:
    """HTTP status codes and their reason phrases, lower case (from the running Python)."""
    if not _HTTP_PHRASES:
        from http import HTTPStatus

        _HTTP_PHRASES.update({int(s.value): s.phrase.lower() for s in HTTPStatus})
    return _HTTP_PHRASES


_SMTP_ONLY: set[int] = set()


def _smtp_only_codes() -> set[int]:
    """Reply codes of the standard catalogue that no HTTP status shares (250, 354, 550...)."""
    if not _SMTP_ONLY:
        from ..catalogue import get_catalogue

        basic = {int(c) for c in get_catalogue().codes(kind="basic")}
        _SMTP_ONLY.update(basic - set(_http_phrases()))
    return _SMTP_ONLY


def _is_http_line(code: int, rest: str) -> bool:
    """``"503 Service Unavailable"``: an HTTP status line, not an SMTP reply."""
    phrase = _http_phrases().get(code)
    if phrase is None:
        return False
    text = rest.strip().lower()
    if not text:
        return False
    return text.startswith(phrase) or (len(text) >= 3 and phrase.startswith(text))


# --- the whole-file skip and the pass -----------------------------------------------------------

def may_hold_findings(lines: Sequence[str], triggers: Iterable[str]) -> bool:
    """The cheap test first: most files never mention SMTP, and C-speed search says so."""
    text = "".join(lines)
    low = text.lower()
    for word in triggers:
        if word in low:
            return True
    return bool(_TRIGGER_DEF_RE.search(low) or _TRIGGER_STRING_RE.search(text))


def scan(tree: ast.AST, lines: Sequence[str] | None, *, allow: frozenset[str],
         smtp_modules: frozenset[str], triggers: Iterable[str],
         defined: Callable[[str], bool]) -> list[Finding]:
    """The findings in ``tree``, by line and column.

    ``lines`` only serve the whole-file skip (``triggers``: :func:`trigger_words`); ``allow``
    holds the codes that may be written as literals, ``smtp_modules`` the imports that make a
    scope SMTP, and ``defined`` says whether the catalogue defines a code (SMT201 if not): it is
    only called for candidates, so a file without any never loads a catalogue.
    """
    if lines is not None and not may_hold_findings(lines, triggers):
        return []
    scanner = _Scanner(allow, smtp_modules, defined)
    scanner.walk(tree)
    return scanner.findings()


class _Scanner:
    """The state of one file's pass: scopes, literal roles, candidates, then the decision."""

    def __init__(self, allow: frozenset[str], smtp_modules: frozenset[str],
                 defined: Callable[[str], bool]) -> None:
        self.allow = allow
        self.smtp_modules = smtp_modules
        self.defined = defined
        self.scope = _Scope(None, False)
        self.scopes: list[_Scope] = [self.scope]
        self.defs = 0
        self.roles: dict[int, int] = {}
        self.pairs: dict[int, int] = {}
        self.bounds: set[int] = set()
        self.params: dict[str, list[str]] = {}
        self.param_refs: dict[int, tuple[str, int]] = {}
        self.candidates: list[_Candidate] = []

    # -- the single pass ------------------------------------------------------------------------

    def walk(self, tree: ast.AST) -> None:
        """One iterative depth-first pass: no recursion limit, Names and Constants inline."""
        stack: list[Any] = [tree]
        pop = stack.pop
        push = stack.append
        extend = stack.extend
        handlers = _HANDLERS
        fields_of = _FIELDS
        ident_cache = _IDENT_CACHE
        name_cls, const_cls, attr_cls = ast.Name, ast.Constant, ast.Attribute
        first = _FIRST
        while stack:
            node = pop()
            cls = node.__class__
            if cls is name_cls or cls is attr_cls:
                ident = node.id if cls is name_cls else node.attr
                signal = ident_cache.get(ident)
                if signal is None:
                    signal = _ident_signal(ident)
                if signal:
                    if signal == SMTP:
                        self.scope.smtp += 1
                    else:
                        self.scope.other += 1
                if cls is attr_cls:
                    push(node.value)
                continue
            if cls is const_cls:
                value = node.value
                vcls = value.__class__
                if vcls is int:
                    if 200 <= value <= 559:
                        self._int(node, value)
                elif vcls is str or vcls is bytes:
                    if value[:1] in first:
                        self._string(node, node, value, False)
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

    # -- literals -------------------------------------------------------------------------------

    def _int(self, node: ast.Constant, value: int) -> None:
        if (value // 10) % 10 > 5 or self.defs:
            return
        role = self.roles.get(id(node))
        if role is None or role <= NONE:
            return
        cand = _Candidate(
            node.lineno, node.col_offset, True, value, None, role, self.scope, S_BARE, None, "")
        cand.bound = id(node) in self.bounds
        if role == PARAM:
            name, index = self.param_refs[id(node)]
            cand.rest = f"{name}:{index}"
        self.candidates.append(cand)

    def _string(self, node: ast.expr, where: ast.expr, value: str | bytes, more: bool) -> None:
        if self.defs:
            return
        text = value[:120].decode("latin-1") if isinstance(value, bytes) else value[:120]
        role = self.roles.get(id(node), NONE)
        if role < NONE:
            return
        match = _REPLY_RE.match(text)
        if match is not None:
            code = int(match.group(1))
            rest = text[match.end():]
            enh = _ENH_RE.match(rest)
            enhanced = None
            if enh is not None:
                shape = S_ENH
                enhanced = _norm_enhanced(enh)
                self.scope.smtp += 1
            else:
                shape = _shape(rest, more, match.group(0).endswith("-"))
                if shape == S_PROSE and value[-2:] in ("\r\n", b"\r\n"):
                    shape = S_REPLY  # "250 localhost\r\n": a line on the wire, not a sentence
                if shape == S_REPLY and _is_http_line(code, rest):
                    self.scope.other += 1  # "503 Service Unavailable": HTTP, and a signal of it
                    return
            self.candidates.append(_Candidate(
                where.lineno, where.col_offset, False, code, enhanced, role, self.scope, shape,
                None, rest))
            return
        enh = _ENH_RE.match(text)
        if enh is None:
            return
        rest = text[enh.end():]
        shape = S_ENH_TEXT if rest or more else S_ENH_ONLY
        self.candidates.append(_Candidate(
            where.lineno, where.col_offset, False, 0, _norm_enhanced(enh), role, self.scope, shape,
            self.pairs.get(id(node)), rest))

    # -- deciding -------------------------------------------------------------------------------

    def findings(self) -> list[Finding]:
        """Decide every candidate now that the whole file's scopes are known."""
        if not self.candidates:
            return []
        self._resolve_scopes()
        found: list[Finding] = []
        for cand in self.candidates:
            decided = self._decide(cand)
            if decided is not None:
                found.append(Finding(cand.line, cand.col, *decided))
        found.sort(key=lambda finding: (finding.line, finding.col))
        return found

    def _resolve_scopes(self) -> None:
        """Sum signals upwards; a scope is SMTP or OTHER by its own majority, else its parent's."""
        totals = {id(s): [s.smtp, s.other] for s in self.scopes}
        for scope in reversed(self.scopes):
            if scope.parent is not None:
                mine, theirs = totals[id(scope)], totals[id(scope.parent)]
                theirs[0] += mine[0]
                theirs[1] += mine[1]
        for scope in self.scopes:  # parents come before children
            smtp, other = totals[id(scope)]
            if smtp > other:
                scope.kind = SMTP
            elif other > smtp:
                scope.kind = OTHER
            else:
                scope.kind = scope.parent.kind if scope.parent is not None else NEUTRAL

    def _decide(self, cand: _Candidate) -> tuple[str, str] | None:
        """(kind, code) to report for a candidate, or None."""
        role = cand.role
        in_smtp = cand.scope.kind == SMTP
        allow = self.allow
        if role == RETURNED:
            role = AMBIG if cand.scope.returns_code else NONE
        elif role == PARAM:
            role = self._param_role(cand.rest)
        if cand.is_int:
            code = str(cand.value)
            defined = self.defined(code)
            flag = role == STRONG or (in_smtp and role == AMBIG)
            if not flag or code in allow or (cand.bound and not defined):
                return None
            return "SMT100" if defined else "SMT201", code
        if cand.value:  # a reply string, "250 OK" or "550 5.1.1 ..."
            code = str(cand.value)
            enhanced = cand.enhanced
            defined = self.defined(code)
            if not self._flag_reply(cand, defined, in_smtp):
                return None
            if enhanced is not None:
                basic_class = cand.value // 100
                if basic_class != 3 and int(enhanced[0]) != basic_class:
                    return "SMT200", f"{code} {enhanced}"
            if not defined:
                return None if code in allow else ("SMT201", code)
            if enhanced is not None and not self.defined(enhanced):
                return None if enhanced in allow else ("SMT201", enhanced)
            if code in allow and (enhanced is None or enhanced in allow):
                return None
            return "SMT101", f"{code} {enhanced}" if enhanced else code
        enhanced = cand.enhanced or ""
        defined = self.defined(enhanced)
        shape = cand.shape
        if role == STRONG:
            flag = True
        elif not in_smtp:
            flag = False
        elif shape == S_ENH_ONLY:  # "2.0.0" is a version as often as a code: the name decides
            flag = role == AMBIG
        else:
            flag = True
        if not flag:
            return None
        if cand.pair_basic is not None:
            basic_class = cand.pair_basic // 100
            if basic_class != 3 and int(enhanced[0]) != basic_class:
                return "SMT200", f"{cand.pair_basic} {enhanced}"
        if enhanced in allow:
            return None
        return "SMT102" if defined else "SMT201", enhanced

    def _param_role(self, ref: str) -> int:
        """``classify(421)`` where this module has ``def classify(code)``: the name decides."""
        name, _, index = ref.rpartition(":")
        params = self.params.get(name)
        if params is None or int(index) >= len(params):
            return NONE
        return _name_role(params[int(index)])

    def _flag_reply(self, cand: _Candidate, defined: bool, in_smtp: bool) -> bool:
        role, shape = cand.role, cand.shape
        if role == STRONG or shape == S_ENH:
            return True
        if shape == S_REPLY:
            if _is_http_line(cand.value, cand.rest):
                return False
            if in_smtp:
                return True
            return cand.scope.kind == NEUTRAL and defined and cand.value in _smtp_only_codes()
        if not in_smtp:
            return False
        if shape == S_BARE:
            return role == AMBIG or (role == UNKNOWN and defined)
        return role == AMBIG  # S_PROSE: "250 messages queued" is a sentence, not a reply

    # -- node handlers (return True when they pushed the children themselves) -------------------

    def _signal_import(self, module: str) -> None:
        for prefix in _prefixes(module):
            if prefix in self.smtp_modules:
                self.scope.smtp += _IMPORT_WEIGHT
                return
            if prefix in OTHER_MODULES:
                self.scope.other += _IMPORT_WEIGHT
                return

    def _import(self, node: ast.Import, stack: list[Any]) -> bool:
        for alias in node.names:
            self._signal_import(alias.name)
        return True

    def _import_from(self, node: ast.ImportFrom, stack: list[Any]) -> bool:
        if node.module:
            before = (self.scope.smtp, self.scope.other)
            self._signal_import(node.module)
            matched = before != (self.scope.smtp, self.scope.other)
            for alias in node.names:
                if not matched:  # from twisted import mail
                    self._signal_import(f"{node.module}.{alias.name}")
                signal = _IDENT_CACHE.get(alias.name)
                if signal is None:
                    signal = _ident_signal(alias.name)
                if signal == SMTP:
                    self.scope.smtp += 1
        return True

    def _enter(self, scope: _Scope, stack: list[Any]) -> None:
        stack.append(_ScopeExit(self.scope))
        self.scope = scope
        self.scopes.append(scope)

    def _function(self, node: ast.FunctionDef, stack: list[Any]) -> bool:
        scope = _Scope(self.scope, True)
        name = node.name
        # Hook names speak for the class that holds them (an NNTP server has a handle_QUIT
        # too): the class decides, and its methods inherit the decision.
        if _SMTP_HANDLER_RE.fullmatch(name):
            if _SMTP_ONLY_HANDLER_RE.fullmatch(name):
                self.scope.smtp += _HANDLER_WEIGHT
            scope.handler = True
        elif _HTTP_HANDLER_RE.fullmatch(name):
            self.scope.other += _HANDLER_WEIGHT
        else:
            scope.codeish = _word_role(name) in (AMBIG, STRONG)
        signal = _IDENT_CACHE.get(name)
        if signal is None:
            signal = _ident_signal(name)
        if signal == SMTP:
            scope.smtp += 1
        elif signal == OTHER:
            scope.other += 1
        stack.extend(node.decorator_list)
        self._enter(scope, stack)
        args = node.args
        positional = [*getattr(args, "posonlyargs", []), *args.args]
        names = [a.arg for a in positional]
        if names and names[0] in ("self", "cls"):
            names = names[1:]
        self.params.setdefault(name, names)
        for arg in (*positional, *args.kwonlyargs, args.vararg, args.kwarg):
            if arg is not None:
                signal = _IDENT_CACHE.get(arg.arg)
                if signal is None:
                    signal = _ident_signal(arg.arg)
                if signal == SMTP:
                    scope.smtp += 1
                elif signal == OTHER:
                    scope.other += 1
        defaults = args.defaults
        if defaults:
            for arg, default in zip(positional[-len(defaults):], defaults, strict=False):
                if default.__class__ in _LITERALISH:
                    self._set_role(default, _name_role(arg.arg))
            stack.extend(defaults)
        for arg, kw_default in zip(args.kwonlyargs, args.kw_defaults, strict=False):
            if kw_default is not None:
                if kw_default.__class__ in _LITERALISH:
                    self._set_role(kw_default, _name_role(arg.arg))
                stack.append(kw_default)
        stack.extend(node.body)
        return True

    def _class(self, node: ast.ClassDef, stack: list[Any]) -> bool:
        stack.extend(node.decorator_list)
        self._enter(_Scope(self.scope, False), stack)
        signal = _IDENT_CACHE.get(node.name)
        if signal is None:
            signal = _ident_signal(node.name)
        if signal == SMTP:
            self.scope.smtp += 1
        elif signal == OTHER:
            self.scope.other += 1
        stack.extend(node.bases)
        stack.extend(node.keywords)
        stack.extend(node.body)
        return True

    def _scope_exit(self, node: _ScopeExit, stack: list[Any]) -> bool:
        self.scope = node.previous
        return True

    def _def_exit(self, node: _DefExit, stack: list[Any]) -> bool:
        self.defs -= 1
        return True

    def _assign(self, node: ast.Assign, stack: list[Any]) -> bool:
        value = node.value
        targets = node.targets
        if self._is_definition(targets):
            stack.append(_DEF_EXIT)
            self.defs += 1
            stack.append(value)
            return True
        if value.__class__ in _LITERALISH:
            target = targets[0]
            if target.__class__ is ast.Tuple and value.__class__ is ast.Tuple:
                for t_elt, v_elt in zip(target.elts, value.elts, strict=False):
                    if v_elt.__class__ in _LITERALISH:
                        self._set_role(v_elt, _target_role(t_elt))
            else:
                self._set_role(value, _target_role(target))
        stack.append(value)
        stack.extend(targets)
        return True

    def _ann_assign(self, node: ast.AnnAssign, stack: list[Any]) -> bool:
        value = node.value
        if value is None:
            return True
        if self._is_definition([node.target]):
            stack.append(_DEF_EXIT)
            self.defs += 1
            stack.append(value)
            return True
        if value.__class__ in _LITERALISH:
            self._set_role(value, _target_role(node.target))
        stack.append(value)
        stack.append(node.target)
        return True

    def _is_definition(self, targets: list[ast.expr]) -> bool:
        """Module- and class-level assignments and UPPER_CASE names define constants."""
        if not self.scope.is_function:
            return True
        return all(t.__class__ is ast.Name and _is_upper(t.id)
                   for t in targets)

    def _expr(self, node: ast.Expr, stack: list[Any]) -> bool:
        value = node.value
        if value.__class__ is ast.Constant and isinstance(value.value, str):
            return True  # a docstring or a string used as a comment
        stack.append(value)
        return True

    def _joined(self, node: ast.JoinedStr, stack: list[Any]) -> bool:
        values = node.values
        head = values[0] if values else None
        if head is not None and head.__class__ is ast.Constant:
            text = head.value
            if isinstance(text, str) and text[:1] in _FIRST:
                role = self.roles.get(id(node))
                if role is not None:
                    self.roles[id(head)] = role
                self._string(head, node, text, len(values) > 1)
        for part in values:
            if part.__class__ is ast.FormattedValue:
                stack.append(part.value)
        return True

    def _set_role(self, node: object, role: int) -> None:
        """Give a literal (or a tuple, list, set or dict of them) its role: the strongest wins,
        a negative one always, and the deferred ones (RETURNED, PARAM) yield to any real one."""
        roles = self.roles
        current = roles.get(id(node))
        if current is None or role < NONE:
            roles[id(node)] = role
        elif current in (RETURNED, PARAM):
            if NONE < role < RETURNED:
                roles[id(node)] = role
        elif current < role < RETURNED:
            roles[id(node)] = role

    def _compare(self, node: ast.Compare, stack: list[Any]) -> bool:
        operands = [node.left, *node.comparators]
        literal = [o for o in operands if o.__class__ in _LITERALISH]
        if literal and len(literal) < len(operands):
            role = _combine(_subject_role(o) for o in operands if o.__class__ not in _LITERALISH)
            for operand in literal:
                self._set_role(operand, role)
            ops = node.ops
            for index, operand in enumerate(operands):
                if operand.__class__ is ast.Constant and any(  # 400 <= code < 500: a boundary
                        ops[i].__class__ in _ORDERING for i in (index - 1, index)
                        if 0 <= i < len(ops)):
                    self.bounds.add(id(operand))
        return False

    def _call(self, node: ast.Call, stack: list[Any]) -> bool:
        args = node.args
        keywords = node.keywords
        if not any(a.__class__ in _LITERALISH for a in args) and not any(
                k.value.__class__ in _LITERALISH for k in keywords):
            return False
        func = node.func
        if func.__class__ is ast.Attribute and func.attr in _COMPARE_METHODS:
            role = _subject_role(func.value)
            for arg in args:
                if arg.__class__ in _LITERALISH:
                    self._set_role(arg, role)
            return False
        if (func.__class__ is ast.Attribute and func.attr == "parametrize" and len(args) > 1
                and args[0].__class__ is ast.Constant and isinstance(args[0].value, str)):
            self._parametrize(args[0].value, args[1])
            return False
        int_role, str_role, is_assert = _callee_roles(func)
        if int_role == NONE and not is_assert:
            local = func.id if func.__class__ is ast.Name else (
                func.attr if func.__class__ is ast.Attribute
                and func.value.__class__ is ast.Name and func.value.id == "self" else None)
            if local is not None:
                for index, arg in enumerate(args):
                    if arg.__class__ is ast.Constant and arg.value.__class__ is int:
                        self.roles[id(arg)] = PARAM
                        self.param_refs[id(arg)] = (local, index)
        if is_assert:
            role = _combine(_subject_role(a) for a in args if a.__class__ not in _LITERALISH)
            int_role = str_role = role
        for index, arg in enumerate(args):
            if arg.__class__ in _LITERALISH:
                self._set_arg_role(arg, int_role, str_role)
                if index == 0 and len(args) > 1:
                    self._pair(arg, args[1])
        for kw in keywords:
            value = kw.value
            if value.__class__ not in _LITERALISH:
                continue
            if kw.arg is None:
                continue
            word = _name_role(kw.arg)
            if word == NEG or int_role == NEG:
                self._set_role(value, NEG)
            elif int_role == STRONG or word == STRONG:
                self._set_role(value, STRONG)
            elif word == AMBIG:
                self._set_role(value, AMBIG)
        return False

    def _parametrize(self, names: str, rows: Any) -> None:
        """``@pytest.mark.parametrize("address, expected", [("a@b", 250)])``: columns by name."""
        columns = [_name_role(n.strip()) for n in names.split(",")]
        row: Any
        for row in getattr(rows, "elts", ()):
            cells: list[Any] = row.elts if row.__class__ in _CONTAINERS else [row]
            for role, cell in zip(columns, cells, strict=False):
                if cell.__class__ in _LITERALISH:
                    self._set_role(cell, role)

    def _set_arg_role(self, arg: ast.AST, int_role: int, str_role: int) -> None:
        if arg.__class__ is ast.Constant:
            is_int = arg.value.__class__ is int
            self._set_role(arg, int_role if is_int else str_role)
        else:
            self._set_role(arg, int_role if int_role != NONE else str_role)

    def _pair(self, first: ast.AST, second: ast.AST) -> None:
        """``(550, b"5.1.1 User unknown")``: remember the code to compare the classes."""
        if (first.__class__ is ast.Constant and second.__class__ is ast.Constant
                and first.value.__class__ is int):
            self.pairs[id(second)] = first.value

    def _return(self, node: ast.Return, stack: list[Any]) -> bool:
        value = node.value
        if value is None:
            return False
        scope = self.scope
        if value.__class__ in _LITERALISH:
            if scope.handler or scope.codeish:
                self._set_role(value, AMBIG)
            elif id(value) not in self.roles:
                self.roles[id(value)] = RETURNED
        elif not scope.returns_code and scope.is_function and _returns_code(value):
            scope.returns_code = True
        return False

    def _container(self, node: ast.Tuple, stack: list[Any]) -> bool:
        """Pass a role on to the elements; a ``(code, "text")`` pair is a reply on its own."""
        elts = node.elts
        role = self.roles.get(id(node))
        if role is not None:
            for elt in elts:
                if elt.__class__ in _LITERALISH:
                    self._set_role(elt, role)
        if len(elts) == 2:
            first, second = elts
            if (first.__class__ is ast.Constant and first.value.__class__ is int
                    and (second.__class__ is ast.JoinedStr or (
                        second.__class__ is ast.Constant
                        and second.value.__class__ in (str, bytes)))):
                if role is None or role >= NONE:
                    self._set_role(first, AMBIG if role in (None, RETURNED) else max(role, AMBIG))
                self._pair(first, second)
        return False

    def _dict(self, node: ast.Dict, stack: list[Any]) -> bool:
        role = self.roles.get(id(node))
        for key, value in zip(node.keys, node.values, strict=False):
            if value.__class__ not in _LITERALISH:
                continue
            word = None
            if key is not None and key.__class__ is ast.Constant and isinstance(
                    key.value, str) and key.value.isidentifier():
                word = _word_role(key.value)
                if word == UNKNOWN:
                    word = None
            if word is not None:
                self._set_role(value, word)
            elif role is not None:
                self._set_role(value, role)
        return False

    def _for(self, node: ast.For, stack: list[Any]) -> bool:
        if node.iter.__class__ in _LITERALISH:
            self._set_role(node.iter, _subject_role(node.target))
        return False

    def _match(self, node: Any, stack: list[Any]) -> bool:
        role = _subject_role(node.subject)
        for case in node.cases:
            for value in _match_values(case.pattern):
                self._set_role(value, role)
        return False


def _match_values(pattern: Any) -> Iterator[ast.AST]:
    name = pattern.__class__.__name__
    if name == "MatchValue":
        yield pattern.value
    elif name == "MatchOr":
        for sub in pattern.patterns:
            yield from _match_values(sub)


def _shape(rest: str, more: bool, dash: bool) -> int:
    """What follows the code: a reply text, nothing, or an ordinary sentence."""
    text = rest.lstrip(" ")
    if not text.strip():
        return S_REPLY if more else S_BARE
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


def _norm_enhanced(match: re.Match[str]) -> str:
    return ".".join(str(int(part)) for part in match.groups())


def _prefixes(module: str) -> Iterator[str]:
    """``a.b.c`` -> ``a.b.c``, ``a.b``, ``a``: longest first, so twisted.web beats twisted."""
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        yield ".".join(parts[:end])


_Handler = Callable[[_Scanner, Any, list[Any]], bool]
_HANDLERS: dict[type, _Handler] = {
    ast.Import: _Scanner._import,
    ast.ImportFrom: _Scanner._import_from,
    ast.FunctionDef: _Scanner._function,
    ast.AsyncFunctionDef: _Scanner._function,
    ast.ClassDef: _Scanner._class,
    ast.Assign: _Scanner._assign,
    ast.AnnAssign: _Scanner._ann_assign,
    ast.Expr: _Scanner._expr,
    ast.JoinedStr: _Scanner._joined,
    ast.Compare: _Scanner._compare,
    ast.Call: _Scanner._call,
    ast.Return: _Scanner._return,
    ast.Tuple: _Scanner._container,
    ast.List: _Scanner._container,
    ast.Set: _Scanner._container,
    ast.Dict: _Scanner._dict,
    ast.For: _Scanner._for,
    ast.AsyncFor: _Scanner._for,
    _ScopeExit: _Scanner._scope_exit,
    _DefExit: _Scanner._def_exit,
}
if hasattr(ast, "Match"):
    _HANDLERS[ast.Match] = _Scanner._match
