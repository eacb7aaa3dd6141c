# corpus: trap
"""Where SMTP codes belong: named constants, enums and tables. Nothing here may be reported.

Fixture for the SMT flake8 plugin: constant definitions are the cure, not the disease.
"""

# ruff: noqa  (realistic code, linted by the SMT plugin only)

from __future__ import annotations

import enum
import smtplib
from typing import Final, Literal

OK: Final = 250
READY = 220
CLOSING = 221
START_INPUT = 354
SERVICE_UNAVAILABLE = 421
MAILBOX_BUSY = 450
LOCAL_ERROR = 451
INSUFFICIENT_STORAGE = 452
SYNTAX_ERROR = 500
BAD_SEQUENCE = 503
MAILBOX_UNAVAILABLE = 550
MAILBOX_NAME_INVALID = 553
TRANSACTION_FAILED = 554
DEFAULT_PORT = 25
SUBMISSION_PORT = 587
SMTPS_PORT = 465

ENHANCED_UNKNOWN_USER = "5.1.1"
ENHANCED_RELAY_DENIED = "5.7.1"
ENHANCED_MAILBOX_FULL = "4.2.2"

TEMPORARY = frozenset({421, 450, 451, 452, 454})
PERMANENT = (500, 501, 502, 503, 504, 550, 551, 552, 553, 554)

REPLY_TEXT = {
    250: "Requested mail action okay, completed",
    354: "Start mail input; end with <CRLF>.<CRLF>",
    421: "Service not available, closing transmission channel",
    550: "Requested action not taken: mailbox unavailable",
}

CANNED = {
    "accepted": "250 2.0.0 Ok: queued",
    "unknown": "550 5.1.1 User unknown",
    "greylisted": "451 4.7.1 Please try again later",
    "bad_mix": "550 4.1.1 intentionally wrong but a definition",
}

ENHANCED_TABLE = [
    ("2.0.0", "Other undefined status"),
    ("5.1.1", "Bad destination mailbox address"),
    ("5.7.1", "Delivery not authorized, message refused"),
]

Code = Literal[250, 251, 252]


class Reply(enum.IntEnum):
    SERVICE_READY = 220
    OK = 250
    WILL_FORWARD = 251
    START_MAIL_INPUT = 354
    SERVICE_NOT_AVAILABLE = 421
    MAILBOX_UNAVAILABLE = 550
    MAILBOX_NAME_INVALID = 553


class Enhanced(str, enum.Enum):
    SUCCESS = "2.0.0"
    BAD_MAILBOX = "5.1.1"
    NOT_AUTHORIZED = "5.7.1"


class Settings:
    port = 587
    timeout = 30
    max_size = 52428800
    retry_codes = (421, 450, 451)
    greeting = "220 mail.example.com ESMTP ready"

    def __init__(self) -> None:
        self.port = 587
        self.timeout = 30.0


class ProviderCodes:
    """A provider's own replies, kept in one table."""

    GREYLISTED = 559
    QUOTA = "552 5.2.2 Quota exceeded"
    BLOCKED = "554 5.7.1 Blocked by policy"


def is_temporary(code: int) -> bool:
    TRANSIENT = {421, 450, 451, 452}
    return code in TRANSIENT


def default_client() -> smtplib.SMTP:
    return smtplib.SMTP("localhost", DEFAULT_PORT, timeout=30)
