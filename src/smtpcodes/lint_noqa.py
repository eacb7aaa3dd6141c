"""``# noqa`` as flake8 7 reads it, so a comment silences the same findings under both.

flake8's rules, kept here on purpose rather than approximated:

* ``# noqa`` anywhere in the lines of a finding's token run (a multi-line string or a
  backslash-continued line counts as one) silences it; the search is case-insensitive and also
  finds the text inside a string;
* ``# noqa: SMT100,SMT2`` silences codes equal to or starting with a listed entry; the list is
  matched case-sensitively, so ``# noqa: smt100`` silences nothing;
* an entry must be letters then digits: ``# noqa: SMT`` is no list, so it silences everything;
* a line starting (after white space) with ``# flake8: noqa`` silences the whole file.
"""

from __future__ import annotations

import re
import tokenize
from collections.abc import Sequence
from typing import TypeVar

from .scan import Report

_INLINE_RE = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.I)
_FILE_RE = re.compile(r"\s*# flake8[:=]\s*noqa", re.I)
_LIST_RE = re.compile(r"[,\s]")

R = TypeVar("R", bound=Report)


def unsilenced(reports: Sequence[R], lines: Sequence[str]) -> list[R]:
    """The findings no ``noqa`` comment silences; ``lines`` as flake8 reads them."""
    if not reports:
        return []
    if any(_FILE_RE.match(line) for line in lines):
        return []
    if not any(_INLINE_RE.search(line) for line in lines):
        return list(reports)
    runs = _runs(lines)
    kept = []
    for report in reports:
        text = runs.get(report.line)
        if text is None:
            text = lines[report.line - 1] if 0 < report.line <= len(lines) else ""
        if not _silences(text, report.code):
            kept.append(report)
    return kept


def _silences(text: str, code: str) -> bool:
    match = _INLINE_RE.search(text)
    if match is None:
        return False
    listed = match.group("codes")
    if listed is None:
        return True
    codes = tuple(item.strip() for item in _LIST_RE.split(listed) if item.strip())
    return code in codes or code.startswith(codes)


def _runs(lines: Sequence[str]) -> dict[int, str]:
    """Each line number -> the text of all lines its tokens span, between two line ends."""
    runs: dict[int, str] = {}
    feed = iter(lines)
    first, last = len(lines) + 2, -1
    try:
        for token in tokenize.generate_tokens(lambda: next(feed, "")):
            if token.type in (tokenize.ENDMARKER, tokenize.DEDENT):
                continue
            first = min(first, token.start[0])
            last = max(last, token.end[0])
            if token.type in (tokenize.NL, tokenize.NEWLINE):
                text = "".join(lines[first - 1:last])
                runs.update(dict.fromkeys(range(first, last + 1), text))
                first, last = len(lines) + 2, -1
    except (tokenize.TokenError, SyntaxError):
        return {}
    return runs
