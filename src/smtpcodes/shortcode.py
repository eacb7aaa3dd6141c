"""The ``<smtp:…>`` shortcode: its syntax, shared by Markdown, MyST, Sphinx and ``check-docs``."""

from __future__ import annotations

import re
from typing import NamedTuple

from .catalogue import Catalogue, Entry
from .errors import MalformedCodeError

#: A shortcode as it stands in text, in any letter case (``<SMTP:553>``). The body stops at the
#: first ``>`` or ``<`` and may cross one line break, where an editor wrapped it
#: (``<smtp:550`` / ``5.1.1>``), so a stray ``<smtp:`` never swallows the rest of a paragraph.
PATTERN = re.compile(r"<smtp:([^<>\n]*(?:\n[^<>\n]*)?)>", re.IGNORECASE)
#: What every front end looks for first, case-folded: pages without it pay for nothing else.
MARKER = "<smtp:"
_MARKER_RE = re.compile(re.escape(MARKER), re.IGNORECASE)


def has_marker(text: str) -> bool:
    """Whether ``text`` holds ``<smtp:`` in any letter case: the cheap test before any parsing."""
    return MARKER in text or _MARKER_RE.search(text) is not None


class Shortcode(NamedTuple):
    """What a shortcode asks for: one code, a reply (basic + enhanced), a comparison, or one
    enhanced code's subject and detail across its classes (``X.1.1``)."""

    kind: str  # "single", "reply", "compare", or "classes" (X.1.1: one code in several classes)
    codes: tuple[str, ...]

    @property
    def label(self) -> str:
        if self.kind == "classes":
            return "X." + self.codes[0].split(".", 1)[1]
        return " vs ".join(self.codes) if self.kind == "compare" else " ".join(self.codes)


def parse(body: str, catalogue: Catalogue | None = None) -> Shortcode:
    """Parse the text between ``<smtp:`` and ``>``; the MalformedCodeError quotes it."""
    try:
        return parse_codes(body, catalogue)
    except MalformedCodeError as error:
        raise MalformedCodeError(f"<smtp:{_shown(body)}>: {error}") from None


def _shown(body: str) -> str:
    """The body as an error quotes it: on one line, so a message stays one line."""
    return " ".join(body.split())


def parse_codes(text: str, catalogue: Catalogue | None = None) -> Shortcode:
    """Parse ``553``, ``550 5.1.1``, ``235 vs 553``, ``X.1.1``, or a reply as pasted from a log
    or a bounce (``550-5.1.1``, ``smtp; 550 5.1.1 User unknown``, ``dsn=5.1.1``, a Postfix or
    Exim log line); see ``smtpcodes.replies``. Linear time in the length of ``text``.
    """
    from .replies import parse as parse_reply

    return parse_reply(text, catalogue)


def resolve(shortcode: Shortcode, catalogue: Catalogue, lang: str) -> tuple[Entry, ...]:
    """Look up every code of the shortcode; UnknownCodeError names the first unknown one."""
    return tuple(catalogue.lookup(code, lang) for code in shortcode.codes)


def contradiction(shortcode: Shortcode, entries: tuple[Entry, ...]) -> bool:
    """A reply whose enhanced code's class differs from its basic code's (``550 4.1.1``)."""
    return shortcode.kind == "reply" and entries[0].reply_class != entries[1].reply_class
