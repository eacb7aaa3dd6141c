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
    "sendcode", "mail_from", "mailfrom", "mail from:", "milter", "getreply", "enhanced", "dsn",
    "auth login", "auth plain", *sorted(MAIL_WORDS - {"envelope"}),
)
_TRIGGER_RE = re.compile(
    r"def (?:_?handle_|do_|on_|cmd_|validateto|validatefrom|process_message)"
    r"|[\"'][2-5][0-5][0-9](?:[ \-\"'\\\r\n]|$)|[\"'][245]\.[0-9]{1,3}\.[0-9]{1,3}"
    r"|reply\w*\(\s*b?[\"']?[2-5][0-5][0-9]", re.M)


def trigger_words(modules: Iterable[str], callables: Iterable[str] = ()) -> tuple[str, ...]:
    """Trigger words plus the module and callable names no trigger word already finds."""
    extra = {m.lower() for m in (*modules, *callables)
             if not any(w in m.lower() for w in _TRIGGER_WORDS)}
    return _TRIGGER_WORDS + tuple(sorted(extra))


def may_hold_findings(lines: Sequence[str], triggers: Iterable[str]) -> bool:
    """The cheap test first."""
    low = "".join(lines).lower()
    for word in triggers:
        if word in low:
            return True
    return _TRIGGER_RE.search(low) is not None
