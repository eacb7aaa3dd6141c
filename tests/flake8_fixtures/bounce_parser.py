# corpus: B
"""Bounce (DSN) classification: enhanced status codes next to versions, IPs and RFC sections.

Fixture for the SMT flake8 plugin (``# expect: CODE`` marks each literal that must be reported).
"""

# ruff: noqa  (realistic code, linted by the SMT plugin only)

from __future__ import annotations

import re
import smtplib
from email.message import Message

PARSER_VERSION = "4.1.1"
STATUS_RE = re.compile(r"^Status:\s*([245]\.\d{1,3}\.\d{1,3})", re.M)
DIAGNOSTIC_RE = re.compile(r"^Diagnostic-Code:\s*smtp;\s*(\d{3})", re.M)
HARD_BOUNCES = {"5.1.1", "5.1.2", "5.1.10", "5.2.1"}
SOFT_BOUNCES = {"4.2.2", "4.4.1", "4.7.1"}


def status_of(dsn: Message) -> str | None:
    body = dsn.get_payload(decode=True) or b""
    match = STATUS_RE.search(body.decode("utf-8", "replace"))
    return match.group(1) if match else None


def classify(dsn: Message) -> str:
    status = status_of(dsn)
    if status is None:
        return "unknown"
    if status == "5.1.1":  # expect: SMT102
        return "no-such-user"
    if status in ("5.7.1", "5.7.26"):  # expect: SMT102 SMT102
        return "policy"
    if status.startswith("4.2.2"):  # expect: SMT102
        return "mailbox-full"
    if status == "5.9.99":  # expect: SMT201
        return "provider-specific"
    if status[0] == "5":
        return "hard"
    return "soft"


def diagnostic_code(dsn: Message) -> int | None:
    body = (dsn.get_payload(decode=True) or b"").decode("utf-8", "replace")
    match = DIAGNOSTIC_RE.search(body)
    if match is None:
        return None
    code = int(match.group(1))
    if code == 550 or code == 551:  # expect: SMT100 SMT100
        return 550  # expect: SMT100
    return code


def reply_text(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error.decode("utf-8", "replace")
    if text.startswith("5.1.1 "):  # expect: SMT102
        return "mailbox does not exist"
    if exc.smtp_code == 550 and text.startswith("4."):  # expect: SMT100
        return "inconsistent reply"
    return text


def infrastructure() -> dict[str, str]:
    return {
        "resolver": "4.2.2.2",
        "backup_resolver": "4.2.2.1",
        "parser": PARSER_VERSION,
        "schema": "2.0.0",
        "rfc": "RFC 3463 section 3.2",
        "section": "4.2.2",
    }


def upgrade_needed(current: str = "2.1.0") -> bool:
    version = tuple(int(p) for p in current.split("."))
    return version < (4, 1, 1) and current != "4.1.1"
