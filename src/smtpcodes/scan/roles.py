"""What the expression around a literal says about it: the role scale every evidence unit uses.

A role is an int so the strongest claim wins with ``max``; a negative one (a port, an HTTP
status) always wins. The deferred roles are settled once the whole file is read.
"""

from __future__ import annotations

from collections.abc import Iterable

NEG = -1  # a port, size, timeout, HTTP status, version...: never an SMTP code
NONE = 0  # nothing known: ints are never flagged, strings only by their own shape
UNKNOWN = 1  # compared with an unrecognised name: a "250" string counts in SMTP scopes, an int not
AMBIG = 2  # compared with ``code``/``resp``, returned by handle_RCPT: a code in SMTP scopes
LIKELY = 3  # passed with a text to a reply callable: a code unless the scope is HTTP, FTP, NNTP
STRONG = 4  # SMTP by itself: ``e.smtp_code``, ``SMTPSenderRefused(...)``, beside an enhanced code
RETURNED = 5  # returned by a function: a code if the function also returns e.g. exc.smtp_code
PARAM = 6  # passed to a function of this module: a code if that parameter's name says so
NAMED = 7  # compared with a local name: a code if the function bound that name to an SMTP code

DEFERRED = frozenset({RETURNED, PARAM, NAMED})


def combine(roles: Iterable[int]) -> int:
    """The role of several subjects at once: any negative one wins, else the strongest."""
    found = list(roles)
    if not found:
        return NONE
    if NEG in found:
        return NEG
    return max(r for r in found if r not in DEFERRED) if any(
        r not in DEFERRED for r in found) else found[0]
