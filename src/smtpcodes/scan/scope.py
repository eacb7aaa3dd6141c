"""Which scopes are SMTP code: points from imports, names and strings, decided per scope.

A module, class or function collects its own points (:mod:`.vocabulary` for names, imports of
known modules, handler method names, SMTP command strings); at the end each scope's points and
its children's are summed, and the scope is SMTP, OTHER (HTTP, FTP, NNTP) or NEUTRAL by
majority, a tie taking the parent's kind. So one module may hold an SMTP reply and an HTTP
admin view, each judged by its own words.
"""

from __future__ import annotations

import re

#: OTHER: HTTP, FTP, NNTP... protocols whose replies also start with three digits.
NEUTRAL, SMTP, OTHER = 0, 1, 2

#: Modules whose import makes a scope SMTP code (``--smtp-modules`` adds to these).
SMTP_MODULES = frozenset({
    "smtplib", "smtpd", "aiosmtplib", "aiosmtpd", "twisted.mail", "slimta", "salmon",
    "smtpdfix", "pytest_smtpd", "mailman.mta", "flask_mail", "flask_mailman", "yagmail", "redmail",
})
#: Modules whose import makes a scope HTTP (or FTP, NNTP) code.
OTHER_MODULES = frozenset({
    "ftplib", "nntplib", "pyftpdlib", "aioftp", "ftputil", "paramiko",
    "http", "urllib", "urllib3", "requests", "httpx", "aiohttp", "flask", "django", "fastapi",
    "starlette", "werkzeug", "tornado", "falcon", "bottle", "pyramid", "sanic", "wsgiref",
    "httplib2", "responses", "respx", "quart", "litestar", "webob", "cherrypy", "twisted.web",
    "uvicorn", "gunicorn", "rest_framework", "grequests", "treq", "ninja",
})
IMPORT_WEIGHT = 3
HANDLER_WEIGHT = 3
COMMAND_WEIGHT = 2

_VERBS = (
    r"(?:HELO|EHLO|LHLO|MAIL|RCPT|DATA|RSET|QUIT|VRFY|EXPN|NOOP|HELP|AUTH|STARTTLS|BDAT|ETRN|"
    r"PROXY)")
_LOWER_VERBS = (
    r"(?:helo|ehlo|lhlo|mail|rcpt|data|rset|vrfy|expn|starttls|auth|bdat|mail_from|rcpt_to)")
#: Method names of SMTP servers and handlers whose return value is a reply.
HANDLER_RE = re.compile(
    rf"(?:handle|do|cmd|smtp)_{_VERBS}|(?:_?handle|on|cmd)_{_LOWER_VERBS}|do_UNKNOWN|"
    r"smtp_[A-Z]{4,8}|validateTo|validateFrom|process_message|handle_exception|smtp_reply"
)
#: Hook names only SMTP has (NNTP, POP3 and FTP servers also answer QUIT, HELP, NOOP...).
SMTP_ONLY_HANDLER_RE = re.compile(
    r"(?:handle|do|cmd|smtp)_(?:HELO|EHLO|LHLO|MAIL|RCPT|DATA|VRFY|EXPN|STARTTLS|BDAT|ETRN)|"
    r"(?:_?handle|on|cmd)_(?:helo|ehlo|lhlo|rcpt|starttls|mail_from|rcpt_to)|smtp_[A-Z]{4,8}|"
    r"validateTo|validateFrom"
)
HTTP_HANDLER_RE = re.compile(r"do_(?:GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH|TRACE|CONNECT)")


class Scope:
    """A module, class or function: its own points, summed upwards at the end."""

    __slots__ = ("parent", "smtp", "other", "is_function", "handler", "codeish", "kind",
                 "returns_code", "bound", "name", "bases")

    def __init__(self, parent: Scope | None, is_function: bool, name: str = "") -> None:
        self.parent = parent
        self.smtp = 0
        self.other = 0
        self.is_function = is_function
        self.handler = False
        self.codeish = False
        self.returns_code = False
        self.bound: dict[str, int | str] | None = None
        self.kind = -1
        self.name = name
        self.bases: tuple[str, ...] | None = None  # a class's base names, as written

    def add(self, points: int) -> None:
        """Points > 0 count for SMTP, < 0 for another protocol."""
        if points > 0:
            self.smtp += points
        elif points < 0:
            self.other -= points

    def bind(self, name: str, role: int | str) -> None:
        """``code = reply.code`` (STRONG), ``code = resp.status_code`` (NEG), or
        ``status = post(url)`` (the name of the local function it came from)."""
        if self.bound is None:
            self.bound = {}
        self.bound.setdefault(name, role)

    def bound_role(self, name: str) -> int | str | None:
        """What this function (or one around it) bound ``name`` to, if anything we know."""
        scope: Scope | None = self
        while scope is not None:
            if scope.bound and name in scope.bound:
                return scope.bound[name]
            scope = scope.parent
        return None


class ScopeExit:
    """Stack marker: leaving a function or class restores the enclosing scope."""

    __slots__ = ("previous",)

    def __init__(self, previous: Scope) -> None:
        self.previous = previous


def resolve(scopes: list[Scope]) -> None:
    """Sum points upwards; a scope is SMTP or OTHER by its own majority, else it takes the
    kind of a base class of this module (a test case shares its base's server), else its
    parent's.

    A lead of one point (``resp.startswith("211 ")`` in an NNTP test class, one ``code ==
    250``) decides nothing. ``scopes`` lists parents before their children.
    """
    totals = {id(s): [s.smtp, s.other] for s in scopes}
    for scope in reversed(scopes):
        if scope.parent is not None:
            mine, theirs = totals[id(scope)], totals[id(scope.parent)]
            theirs[0] += mine[0]
            theirs[1] += mine[1]
    classes = {s.name: s for s in scopes if s.bases is not None}

    def kind_of(scope: Scope) -> int:
        if scope.kind >= 0:
            return scope.kind
        scope.kind = NEUTRAL  # a cycle of names (class A(B) ... class B(A)) ends here
        smtp, other = totals[id(scope)]
        if abs(smtp - other) >= 2:
            kind = SMTP if smtp > other else OTHER
        else:
            kind = NEUTRAL
            for name in scope.bases or ():
                base = classes.get(name)
                if base is not None and base is not scope:
                    kind = kind_of(base)
                    if kind != NEUTRAL:
                        break
            if kind == NEUTRAL and scope.parent is not None:
                kind = kind_of(scope.parent)
        scope.kind = kind
        return kind

    for scope in scopes:
        kind_of(scope)


def import_points(module: str, smtp_modules: frozenset[str]) -> int:
    """Points an imported module gives: the longest known prefix decides (twisted.web)."""
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        prefix = ".".join(parts[:end])
        if prefix in smtp_modules:
            return IMPORT_WEIGHT
        if prefix in OTHER_MODULES:
            return -IMPORT_WEIGHT
    return 0

