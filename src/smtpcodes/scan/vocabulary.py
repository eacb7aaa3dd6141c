"""The code's own words: what identifiers say about the scope and about a literal beside them.

Two questions, both answered from names only and cached per process (identifiers repeat):

* :func:`ident_signal`: does a name speak SMTP (``ehlo``, ``rcpt_to``, ``bounce``), another
  protocol with three-digit codes (``http``, ``jsonify``, ``ftp``), or neither? Scopes add
  these up (:mod:`.scope`).
* :func:`subject_role`: what does the expression a literal is compared with, assigned to or
  tested against say about it (``e.smtp_code``: SMTP; ``r.status_code``: HTTP; ``port``: a
  number)?
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from typing import Any

from .roles import AMBIG, NEG, NONE, STRONG, UNKNOWN

_WORD_RE = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")

# --- scope signals: weight of one occurrence of a name -------------------------------------------
#: Words only SMTP (and LMTP) code uses: two points each.
SMTP_WORDS = frozenset({
    "smtp", "smtpd", "smtplib", "esmtp", "lmtp", "ehlo", "helo", "lhlo", "rcpt", "rcpts",
    "rcpttos", "mailfrom", "starttls", "docmd", "getreply", "sendmail", "milter",
})
#: Whole identifiers of SMTP APIs that the word split does not catch.
SMTP_IDENTS = frozenset({
    "mail_from", "rcpt_tos", "sendCode", "ehlo_or_helo_if_needed", "rcpt_options",
    "mail_options", "smtp_code", "smtp_error",
})
#: Mail words: what bounce parsers, mailing-list managers and MTAs talk about (one point).
#: Email providers' names are not among them: their SDKs speak HTTP.
MAIL_WORDS = frozenset({
    "bounce", "bounced", "bounces", "dsn", "mta", "mailbox", "mailboxes", "exim", "envelope",
    "undeliverable", "greylist", "greylisting", "qmail",
})
#: Web frameworks' callables and exceptions: a number passed to them is an HTTP status, and
#: their names are HTTP's vocabulary (:mod:`.apis` adds the callee-only ones).
HTTP_NAMES = frozenset({
    "abort", "send_response", "send_error", "start_response", "HTTPException", "HTTPError",
    "HttpError", "HttpResponse", "JsonResponse", "JSONResponse", "Response", "make_response",
    "jsonify", "HTTPStatus", "HTTPFound", "HTTPNotFound", "raise_for_status",
    "get_object_or_404", "HttpResponseBadRequest", "HttpResponseNotFound",
    "HttpResponseForbidden",
})
#: Names that belong to HTTP (and FTP, NNTP) code: one point each, against SMTP.
OTHER_IDENTS = HTTP_NAMES | frozenset({
    "requests", "status_code", "environ", "route", "Request", "request", "flask", "django",
    "fastapi", "starlette", "aiohttp", "werkzeug", "tornado", "status_int", "reason_phrase",
    "get_json", "Blueprint", "APIRouter", "APIView", "viewsets", "serializer", "serializers",
    "url_for", "render_template", "status_text", "api_view", "permission_classes", "Depends",
    "rest_framework", "urlopen", "httpx", "client_session", "ClientSession",
})
#: (Not ``rest``: as a word of its own it is far more often "the rest of the line" than REST.)
OTHER_WORDS = frozenset({"http", "https", "wsgi", "asgi", "ftp", "ftps", "nntp", "api",
                         "endpoint", "webhook", "json", "url", "urls"})

#: Per process: identifiers repeat, so each is judged once (the walk reads this dict inline).
SIGNAL_CACHE: dict[str, int] = {}


@lru_cache(maxsize=8192)
def words_of(name: str) -> tuple[str, ...]:
    """``sendSMTPReply`` -> ``send``, ``smtp``, ``reply``: lower-case words of an identifier."""
    return tuple(w.lower() for w in _WORD_RE.findall(name))


def ident_signal(name: str) -> int:
    """Points a name gives its scope: > 0 for SMTP, < 0 for HTTP/FTP/NNTP, 0 for neither."""
    signal = SIGNAL_CACHE.get(name)
    if signal is not None:
        return signal
    low = name.lower()
    words = set(words_of(name))
    if "smtp" in low or "lmtp" in low or name in SMTP_IDENTS or words & SMTP_WORDS:
        signal = 2
    elif ("http" in low or "wsgi" in low or "nntp" in low or name in OTHER_IDENTS
          or words & OTHER_WORDS):
        signal = -1
    elif words & MAIL_WORDS:
        signal = 1
    else:
        signal = 0
    SIGNAL_CACHE[name] = signal
    return signal


# --- roles from names ----------------------------------------------------------------------------
#: Words of a name that make a number beside it anything but a reply code.
NEG_WORDS = frozenset({
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
    "release", "build", "revision", "major", "minor", "patch", "api", "rest", "json", "ftp",
    "nntp", "pop", "imap", "sum", "avg", "mean",
})
#: Names that say "code" but mean another protocol or the operating system.
NEG_NAMES = frozenset({
    "status_code", "statuscode", "http_status", "httpstatus", "returncode", "exitcode",
    "exit_code", "exit_status", "errno", "status_int", "http_code", "response_status",
})
#: Words of SMTP itself: a number or string beside them is SMTP whatever the scope.
STRONG_WORDS = frozenset({
    "smtp", "esmtp", "lmtp", "rcpt", "ehlo", "helo", "docmd", "getreply", "sendmail", "starttls",
    "smtpd", "smtplib", "enhanced", "dsn",
})
#: Words that make a name a code, reply or outcome: a number beside it is a code in SMTP code.
AMBIG_WORDS = frozenset({
    "code", "codes", "status", "rc", "errcode", "resp", "response", "responses", "result",
    "results", "res", "ret", "err", "error", "errors", "rv", "answer", "refused", "rejected",
    "reply", "replies", "reject", "accepted", "expected", "actual", "got", "want", "c",
    "outcome", "verdict", "message", "msg",
})
#: Words that make a returned name a code: ``return code`` / ``return exc.smtp_code``.
CODE_WORDS = frozenset({"code", "codes", "status", "errcode", "rc"})
_HTTP_WORDS = frozenset({"http", "https", "url", "urls", "uri", "wsgi", "html", "web"})
_REPLY_WORDS = frozenset({"code", "codes", "reply", "replies", "status", "statuses"})
_BOUNCE_WORDS = frozenset({"bounce", "bounced", "bounces", "diagnostic", "ndr", "dsn"})
#: Number words that may qualify a code: ``retry_codes``, ``min_reply``, ``temp_fail_codes``.
_SOFT_NEG_WORDS = frozenset({
    "retry", "retries", "attempts", "attempt", "tries", "delay", "limit", "limits", "max", "min",
    "threshold", "count", "counts", "total", "queue", "backoff", "wait", "level", "range",
    "read", "recv",
})
#: smtplib / aiosmtplib client methods whose result is a reply (code, text) or response.
SMTP_METHODS = frozenset({
    "ehlo", "helo", "noop", "verify", "vrfy", "expn", "rset", "quit", "mail", "rcpt", "data",
    "docmd", "getreply", "starttls", "login", "auth", "execute_command", "connect",
})
_UNWRAP_CALLS = frozenset({"int", "str", "bytes", "getattr", "bool", "repr", "decode", "strip"})
#: Calls whose number argument is a size but whose result is what came off the wire:
#: ``sock.recv(512)[:3] == b"220"`` compares a reply, not a size.
_READS = frozenset({"recv", "read", "readline", "readlines", "recvline"})
_READ_WORDS = frozenset({"read", "recv"})
#: Names of HTTP's status that other libraries give their SMTP replies too (the ``emails``
#: package's ``response.status_code``): a number only SMTP defines settles which it is.
HTTP_STATUS_NAMES = frozenset({"status_code", "statuscode"})

_ROLE_CACHE: dict[str, int] = {}


def word_role(name: str) -> int:
    """What a name says about a number compared with or assigned to it."""
    role = _ROLE_CACHE.get(name)
    if role is not None:
        return role
    low = name.lower()
    words = set(words_of(name))
    smtp = bool(words & STRONG_WORDS) or "smtp" in low or "lmtp" in low or bool(
        words & _BOUNCE_WORDS and words & _REPLY_WORDS)  # bounce_code, diagnostic_status
    negative = words & NEG_WORDS
    if negative and words & _REPLY_WORDS and negative <= _SOFT_NEG_WORDS:
        negative = set()  # retry_codes, max_reply: about codes all the same
    if low in NEG_NAMES or negative or words & _HTTP_WORDS:
        role = NEG  # smtp_port, smtp_timeout: numbers, not codes
    elif {"status", "code"} <= words and not smtp:
        role = NEG  # status_code is HTTP's; smtp_status_code, enhanced_status_code are not
    elif smtp:
        role = STRONG
    elif words & AMBIG_WORDS:
        role = AMBIG
    else:
        role = UNKNOWN
    _ROLE_CACHE[name] = role
    return role


def name_role(name: str) -> int:
    """Role of a literal bound to a name: only names that say something count."""
    role = word_role(name)
    return NONE if role == UNKNOWN else role


def is_identifier_str(node: ast.AST) -> bool:
    return (node.__class__ is ast.Constant and isinstance(node.value, str)
            and node.value.isidentifier())


def chain(start: ast.AST) -> tuple[list[str], bool, bool]:
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
            if fname == "get" and args and is_identifier_str(args[0]):
                keyed = keyed or not names
                names.append(args[0].value)
                node = func.value
            elif fname == "getattr" and len(args) > 1 and is_identifier_str(args[1]):
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
            if is_identifier_str(key):
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


def subject_role(node: ast.AST) -> int:
    """Role of a literal compared with or tested against ``node``.

    The outermost name decides (``e.smtp_code``, ``r.status_code``, ``timings["connect"]``);
    when it says nothing, the names it hangs from may (``counts.get("x")``, ``self.smtp.x()``).
    """
    if node.__class__ is ast.Constant:
        return NONE
    names, is_len, keyed = chain(node)
    if is_len:
        return NEG
    if not names:
        return NONE
    role = UNKNOWN if _reads(names[0]) and _is_call_result(node) else word_role(names[0])
    if role == NEG:
        return role
    if role < AMBIG and _is_smtp_method_call(node):
        role = AMBIG
    for index, other in enumerate(names[1:], 1):
        if "http" in other.lower() or other in OTHER_IDENTS:
            return NEG
        other_role = word_role(other)
        if other_role == STRONG and role < STRONG:
            role = STRONG
        elif role == UNKNOWN and other_role == NEG and keyed and index == 1:
            role = NEG  # the table a key was read from: counts["x"], timings.get("y")
    return role


def _reads(name: str) -> bool:
    """``recv``, ``read``, ``read_line``, ``readline``: a call that returns what came in."""
    return name in _READS or bool(_READ_WORDS.intersection(words_of(name)))


def _is_call_result(node: ast.AST) -> bool:
    """``sock.recv(512)``, ``reader.read(3)[:3]``: the value a call returned."""
    while node.__class__ in (ast.Subscript, ast.Await):
        node = node.value
    return node.__class__ is ast.Call


def _is_smtp_method_call(node: ast.AST) -> bool:
    """``client.verify("x")[0]``, ``await client.noop()``: smtplib methods return replies."""
    for _ in range(4):
        if node.__class__ in (ast.Subscript, ast.Await):
            node = node.value
    func = getattr(node, "func", None) if node.__class__ is ast.Call else None
    return func.__class__ is ast.Attribute and func.attr in SMTP_METHODS


#: smtplib's client methods that return the server's (code, text) for one command.
_PAIR_METHODS = frozenset({"ehlo", "helo", "noop", "verify", "vrfy", "expn", "rset", "docmd",
                           "getreply", "starttls", "mail", "rcpt", "data", "quit"})


def replies_pair(node: ast.AST) -> bool:
    """``server.verify(address)`` unpacked into two names: a reply code and its text."""
    if node.__class__ is ast.Await:
        node = node.value
    func = getattr(node, "func", None) if node.__class__ is ast.Call else None
    return func.__class__ is ast.Attribute and func.attr in _PAIR_METHODS


def target_role(node: ast.AST) -> int:
    """Role of a literal assigned to ``node``: only names that say "code" count, since
    ``base = 250`` is a number like any other."""
    role = subject_role(node)
    return NONE if role == UNKNOWN else role


def returns_code(node: ast.AST) -> bool:
    """``return code`` / ``return exc.smtp_code``: the function's returns are SMTP codes."""
    names, is_len, _ = chain(node)
    if is_len or not names:
        return False
    words = set(words_of(names[0]))
    return subject_role(node) == STRONG or bool(words & CODE_WORDS and word_role(names[0])
                                                != NEG)


_STATUS_WORDS = frozenset({"status", "code", "codes", "enhanced", "esc", "dsn", "diagnostic"})


def says_status(name: str | None) -> bool:
    """``status``, ``enhanced_status_code``, ``dsn_code``: a name an enhanced code is kept in
    (a version never is)."""
    return name is not None and bool(_STATUS_WORDS.intersection(words_of(name)))


def subject_says_status(node: ast.AST) -> bool:
    names, is_len, _ = chain(node)
    return not is_len and bool(names) and says_status(names[0])


def speaks_http(node: ast.AST) -> bool:
    """``resp.status_code``, ``requests.get(url).status``: an expression of HTTP's."""
    names, _, _ = chain(node)
    return any(n in NEG_NAMES or ident_signal(n) < 0 for n in names)


def is_upper(name: str) -> bool:
    return name.isupper() or (name.startswith("_") and name[1:].isupper())
