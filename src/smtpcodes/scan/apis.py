"""Callables by name: the SMTP APIs we know, and those that mark other protocols or logging.

Adding a library is a row in :data:`SMTP_CALLABLES`, not a branch in the scanner. Projects name
their own reply helpers with ``--smtp-callables`` (:func:`parse_callables`). Everything else is
judged from the callee's words (:mod:`.vocabulary`): a callable whose name or receiver speaks of
replies or SMTP takes a code with its text in any project, known or not.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from .roles import AMBIG, LIKELY, NEG, NONE, STRONG
from .vocabulary import HTTP_NAMES, words_of


class Api(NamedTuple):
    """Where a callable takes its reply code and its text: positions, then keyword names."""

    code: int = 0
    text: int = 1
    code_kw: tuple[str, ...] = ("code", "smtp_code", "status")
    text_kw: tuple[str, ...] = ("message", "msg", "text", "smtp_error", "reason")
    #: STRONG for names only SMTP uses; LIKELY for generic ones (``reply``), silent in HTTP code
    role: int = STRONG


_CODE_TEXT = Api()
_CODE_RESP = Api(0, 1, text_kw=("resp", "response", "message"))
_GENERIC = Api(role=LIKELY)

#: Known SMTP callables (last name of the callee) -> where their code and text are.
SMTP_CALLABLES: Mapping[str, Api] = {
    # smtplib
    "SMTPResponseException": _CODE_TEXT, "SMTPSenderRefused": _CODE_TEXT,
    "SMTPDataError": _CODE_TEXT, "SMTPConnectError": _CODE_TEXT, "SMTPHeloError": _CODE_TEXT,
    "SMTPAuthenticationError": _CODE_TEXT, "SMTPNotSupportedError": _CODE_TEXT,
    # aiosmtplib
    "SMTPResponse": _CODE_TEXT, "SMTPRecipientRefused": _CODE_TEXT,
    "SMTPReadTimeoutError": _CODE_TEXT,
    # Twisted mail
    "sendCode": _CODE_TEXT, "SMTPServerError": _CODE_RESP, "SMTPClientError": _CODE_RESP,
    "SMTPDeliveryError": _CODE_RESP, "SMTPProtocolError": _CODE_RESP,
    "AUTHDeclinedError": _CODE_RESP,
    # slimta, salmon, Mailman and friends
    "Reply": _GENERIC, "SMTPError": _CODE_TEXT, "SmtpError": _CODE_TEXT,
    "SMTPReply": _CODE_TEXT, "SmtpReply": _CODE_TEXT,
    # servers' own reply helpers
    "reply": _GENERIC, "send_reply": _GENERIC, "smtp_reply": _CODE_TEXT, "_reply": _GENERIC,
}

#: Callees whose positional ints are not reply codes although their names say SMTP.
SMTP_NONCODE_CALLEES = frozenset({
    "SMTP", "SMTP_SSL", "LMTP", "SMTPServer", "SMTPChannel", "Controller", "UnthreadedController",
    "InetServerController", "UnixSocketController", "SMTPFactory", "ESMTPFactory",
    "SMTPSenderFactory", "ESMTPSenderFactory", "SMTPHandler", "DebuggingServer", "PureProxy",
    "SMTPStatus", "SMTPClient", "ESMTPClient", "sendmail", "send", "connect", "login",
    "set_debuglevel", "starttls", "send_message", "SMTPConnection", "SmtpClient", "smtp_client",
})
#: Last words of SMTP callee names that take a reply code (SMTPSenderRefused, SMTPResponse...).
_CODE_CALLEE_WORDS = frozenset({
    "error", "exception", "refused", "response", "reply", "code", "failure", "rcpt", "sender",
    "recipient", "rejected", "status", "result", "fail", "reject", "defer", "bounce",
})
#: Callees that send a reply line (SMTP, but FTP and NNTP servers too): what they are passed
#: is a reply line when the scope is SMTP code.
REPLY_SENDERS = frozenset({
    "push", "sendLine", "reply", "send_reply", "smtp_reply", "_reply", "respond", "send_line",
    "writeline", "_push", "send_response_line", "write", "sendall", "send", "writelines",
    "put_line", "_send", "_write", "send_raw", "add_reply",
})
LOG_CALLEES = frozenset({
    "print", "debug", "info", "warning", "warn", "error", "exception", "critical", "log", "msg",
    "echo", "secho", "pprint", "format", "_", "gettext", "ngettext", "gettext_lazy",
    "ugettext", "lazy_gettext",
})
HTTP_CALLEES = HTTP_NAMES | frozenset({
    "set_status", "redirect", "status", "PlainTextResponse", "HTMLResponse",
    "StreamingResponse", "RedirectResponse", "json_response", "HttpResponseBase",
    "HTTPServiceUnavailable", "APIException", "ValidationError", "http_error",
    "error_response", "api_error", "ApiError", "APIError", "HTTPBadRequest", "HTTPForbidden",
    "HTTPUnauthorized", "WsgiResponse", "web_response", "Http404", "ErrorResponse",
    "JSONResponseError",
})
_REPLY_WORDS = frozenset({"reply", "replies", "smtp", "lmtp", "esmtp"})


class Callee(NamedTuple):
    """What a callee makes of its literal arguments."""

    int_role: int
    str_role: int
    is_assert: bool = False
    api: Api | None = None
    replies: bool = False  # name or receiver speaks of replies or SMTP


_NOTHING = Callee(NONE, NONE)
_ASSERT = Callee(NONE, NONE, True)
_NEGATIVE = Callee(NEG, NEG)


def callee(names: list[str], known: Mapping[str, Api]) -> Callee:
    """Roles for a callee given its chain of names (outermost first: ``self.smtp.reply``)."""
    if not names:
        return _NOTHING
    primary = names[0]
    if primary.startswith("assert"):
        return _ASSERT
    if primary in LOG_CALLEES:
        return _NEGATIVE
    if primary in HTTP_CALLEES or any("http" in n.lower() or "wsgi" in n.lower() for n in names):
        return _NEGATIVE
    api = known.get(primary)
    if api is not None:  # a generic name (Reply, reply) needs its text beside the code
        role = api.role if api.role == STRONG else NONE
        return Callee(role, role, api=api, replies=True)
    if primary in SMTP_NONCODE_CALLEES:
        return Callee(NEG, NONE)
    words = words_of(primary)
    smtp = "smtp" in words or "lmtp" in words or "esmtp" in words
    if smtp and words[-1] in _CODE_CALLEE_WORDS:
        return Callee(STRONG, STRONG, api=_CODE_TEXT, replies=True)
    if primary in REPLY_SENDERS:
        return Callee(AMBIG if "reply" in primary.lower() else NONE, AMBIG)
    receivers = {w for n in names[1:] for w in words_of(n)}
    if _REPLY_WORDS & set(words) or "reply" in receivers or smtp:
        return Callee(NONE, NONE, api=_GENERIC, replies=True)
    return _NOTHING


def parse_callables(specs: Iterable[str]) -> dict[str, Api]:
    """``NAME`` or ``NAME:CODE:TEXT`` (argument positions, from 0) -> table rows.

    ``mta.reject`` names the callable ``reject`` (the last name is what a call shows).
    """
    table: dict[str, Api] = {}
    for raw in specs:
        spec = raw.strip()
        if not spec:
            continue
        name, *positions = spec.split(":")
        name = name.strip().rpartition(".")[2]
        if not name.isidentifier():
            raise ValueError(f"{spec!r} is not a callable name (NAME or NAME:CODE:TEXT)")
        try:
            numbers = [int(p) for p in positions]
        except ValueError:
            raise ValueError(f"{spec!r}: argument positions must be numbers") from None
        if len(numbers) > 2 or any(n < 0 for n in numbers):
            raise ValueError(f"{spec!r}: give at most a code and a text position, from 0")
        code = numbers[0] if numbers else 0
        text = numbers[1] if len(numbers) > 1 else code + 1
        table[name] = Api(code, text, role=STRONG)
    return table
