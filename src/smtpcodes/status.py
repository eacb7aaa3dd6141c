"""``SMTPStatus``: the basic reply codes as an IntEnum, in the manner of ``http.HTTPStatus``.

Member names are API and spelled out here so editors and type checkers see them; the phrase and
description come from the catalogue, so they follow its texts (English).

A member stands in for its number everywhere (``smtpcodes lint --fix`` swaps one for the other
in running code), on every supported Python: ``str()`` and ``format()`` give ``"553"`` also on
3.10, whose IntEnum would say ``"SMTPStatus.MAILBOX_NAME_INVALID"``; ``%d``, JSON, arithmetic,
comparison and hashing are the int's; pickling keeps the member.
"""

from __future__ import annotations

from enum import IntEnum

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .catalogue import Entry


class SMTPStatus(IntEnum):
    """SMTP reply codes (RFC 5321 and extensions); ``SMTPStatus(553).phrase``."""

    SYSTEM_STATUS = 211
    HELP_MESSAGE = 214
    SERVICE_READY = 220
    SERVICE_CLOSING = 221
    AUTHENTICATION_SUCCEEDED = 235
    OK = 250
    USER_NOT_LOCAL_WILL_FORWARD = 251
    CANNOT_VRFY_USER = 252
    ETRN_MESSAGES_PENDING = 253
    AUTH_CHALLENGE = 334
    START_MAIL_INPUT = 354
    SERVICE_NOT_AVAILABLE = 421
    AUTH_TRANSITION_NEEDED = 422
    INVALID_COMMAND_TEMPORARY = 430
    PASSWORD_TRANSITION_NEEDED = 432
    MAILBOX_UNAVAILABLE_TEMPORARY = 450
    LOCAL_ERROR_IN_PROCESSING = 451
    INSUFFICIENT_STORAGE = 452
    NO_MAIL_WAITING = 453
    TEMPORARY_AUTHENTICATION_FAILURE = 454
    PARAMETERS_NOT_ACCOMMODATED = 455
    UNABLE_TO_QUEUE_FOR_NODE = 458
    NODE_NOT_ALLOWED = 459
    COMMAND_UNRECOGNIZED = 500
    SYNTAX_ERROR_IN_PARAMETERS = 501
    COMMAND_NOT_IMPLEMENTED = 502
    BAD_SEQUENCE_OF_COMMANDS = 503
    PARAMETER_NOT_IMPLEMENTED = 504
    DOES_NOT_ACCEPT_MAIL = 521
    ENCRYPTION_NEEDED = 523
    ENCRYPTION_REQUIRED = 524
    USER_ACCOUNT_DISABLED = 525
    AUTHENTICATION_REQUIRED = 530
    DELIVERY_NOT_AUTHORIZED = 533
    AUTH_MECHANISM_TOO_WEAK = 534
    AUTHENTICATION_CREDENTIALS_INVALID = 535
    ENCRYPTION_REQUIRED_FOR_MECHANISM = 538
    MAILBOX_UNAVAILABLE = 550
    USER_NOT_LOCAL = 551
    EXCEEDED_STORAGE_ALLOCATION = 552
    MAILBOX_NAME_INVALID = 553
    TRANSACTION_FAILED = 554
    PARAMETERS_NOT_RECOGNIZED = 555
    DOMAIN_DOES_NOT_ACCEPT_MAIL = 556

    # str() and format() as IntEnum gives them from Python 3.11 on (ReprEnum), spelled out for
    # 3.10; repr() too is the int's, so code that `smtpcodes lint --fix` rewrote prints what it
    # printed before, down to exception messages and logged tuples (``.name`` gives the name).
    def __str__(self) -> str:
        return int.__repr__(self)

    def __repr__(self) -> str:
        return int.__repr__(self)

    def __format__(self, format_spec: str) -> str:
        return int.__format__(self, format_spec)

    @property
    def phrase(self) -> str:
        """Short name, e.g. ``Mailbox name invalid``."""
        return _entry(self.value).name

    @property
    def description(self) -> str:
        """What the reply means."""
        return _entry(self.value).description

    @property
    def reply_class(self) -> int:
        return self.value // 100

    @property
    def is_success(self) -> bool:
        return 200 <= self.value < 300

    @property
    def is_intermediate(self) -> bool:
        return 300 <= self.value < 400

    @property
    def is_transient(self) -> bool:
        return 400 <= self.value < 500

    @property
    def is_permanent(self) -> bool:
        return 500 <= self.value < 600


def _entry(code: int) -> Entry:
    from .catalogue import lookup

    return lookup(code)
