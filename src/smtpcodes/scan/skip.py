"""The whole-file skip: most files never mention SMTP, and a C-speed search says so.

A file whose lower-cased text holds none of the trigger words, no handler ``def``, no string
that starts with a reply or enhanced code and no reply call with a code cannot produce a
finding under the rules: every way a scope becomes SMTP and every way a literal becomes a
code without one goes through one of them. Keep them in step with :mod:`.vocabulary`,
:mod:`.apis` and :mod:`.scope` (``test_whole_file_skip_agrees_with_a_full_scan``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .vocabulary import MAIL_WORDS

_TRIGGER_WORDS = (
    "smtp", "lmtp", "rcpt", "ehlo", "helo", "lhlo", "sendmail", "starttls", "docmd", "envelope",
    "sendcode", "mail_from", "mailfrom", "mail from:", "milter", "getreply", "dsn",
    *sorted(MAIL_WORDS - {"envelope"}),
)
#: Hooks only SMTP has (their scope is SMTP), then literals shaped like codes, reply calls,
#: an HTTP-named status compared with a number of SMTP's (``status_code == 250``) and the
#: transient/permanent choice ``450 if soft else 550``: searches cheaper apart than as one
#: alternation.
_TRIGGER_RES = (
    re.compile(r"def (?:_?handle|do|cmd|on)_(?:helo|ehlo|lhlo|mail|rcpt|data|vrfy|expn|starttls"
               r"|bdat|etrn)|def validate(?:to|from)"),
    re.compile(r"[\"'][2-5](?:[0-5][0-9](?:[ \-\"'\\\r\n]|$)|\.[0-9]{1,3}\.[0-9]{1,3})", re.M),
    re.compile(r"reply\w*\(\s*b?[\"']?[2-5][0-9][0-9]"),
    re.compile(r"status_?code\s*(?:[!=]=|in)\s*[(\[{]?\s*(?:2[125]|3[35]|4[35]|5[2-5])[0-9]\b"),
    re.compile(r" else [45][0-9][0-9]\b"),  # the literal start keeps it a fast scan
)


def trigger_words(modules: Iterable[str], callables: Iterable[str] = ()) -> tuple[str, ...]:
    """Trigger words plus the module and callable names, less every word another one already
    finds (``bounce`` finds ``bounced``): each costs a pass over the file's text."""
    words = sorted({w.lower() for w in (*_TRIGGER_WORDS, *modules, *callables)}, key=len)
    kept: list[str] = []
    for word in words:
        if not any(shorter in word for shorter in kept):
            kept.append(word)
    return tuple(kept)


def may_hold_findings(lines: Sequence[str], triggers: Iterable[str]) -> bool:
    """The cheap test first."""
    low = "".join(lines).lower()
    for word in triggers:
        if word in low:
            return True
    return any(pattern.search(low) is not None for pattern in _TRIGGER_RES)
