"""The ``<smtp:…>`` shortcode: its syntax, shared by Markdown, MyST, Sphinx and ``check-docs``."""

from __future__ import annotations

import re
from typing import NamedTuple

from . import codes as _codes
from .catalogue import Catalogue, Entry, get_catalogue
from .errors import MalformedCodeError

#: A shortcode as it stands in text, in any letter case (``<SMTP:553>``). The body stops at the
#: first ``>`` or ``<`` and may cross one line break, where an editor wrapped it
#: (``<smtp:550`` / ``5.1.1>``), so a stray ``<smtp:`` never swallows the rest of a paragraph.
PATTERN = re.compile(r"<smtp:([^<>\n]*(?:\n[^<>\n]*)?)>", re.IGNORECASE)
#: What every front end looks for first, case-folded: pages without it pay for nothing else.
MARKER = "<smtp:"
_MARKER_RE = re.compile(re.escape(MARKER), re.IGNORECASE)
#: Prefixes that pasted replies carry: a DSN ``Diagnostic-Code: smtp; 550 …`` and ``dsn=5.1.1``.
_PASTED_PREFIX = re.compile(r"(?:smtp|esmtp|lmtp|x-postfix|dsn|status)\s*[;=:]\s*", re.IGNORECASE)
#: ``550-5.1.1``: a continuation line's code and enhanced code, glued by the hyphen.
_GLUED = re.compile(r"([2-5][0-9][0-9])-([0-9].*)")


def has_marker(text: str) -> bool:
    """Whether ``text`` holds ``<smtp:`` in any letter case: the cheap test before any parsing."""
    return MARKER in text or _MARKER_RE.search(text) is not None


class Shortcode(NamedTuple):
    """What a shortcode asks for: one code, a reply (basic + enhanced), or a comparison."""

    kind: str  # "single", "reply" or "compare"
    codes: tuple[str, ...]

    @property
    def label(self) -> str:
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
    """Parse ``553``, ``550 5.1.1``, ``235 vs 553``, or a reply as pasted from a log or a bounce.

    Pasted forms: ``550-5.1.1`` (a continuation line), ``550 5.1.1 User unknown`` (the text
    after the codes is ignored), ``smtp; 550 5.1.1 …`` (a DSN Diagnostic-Code), ``dsn=5.1.1``.
    Words are split once, so any run of white space (line breaks included) costs linear time.
    """
    normalise = (catalogue or get_catalogue()).normalise
    words = text.split()
    if not words:
        raise MalformedCodeError("no code given: write a code such as 553 or 5.1.1")
    separators = [i for i, word in enumerate(words) if word.lower() in ("vs", "vs.")]
    if separators:
        if len(separators) > 1 or len(words) != 3 or separators[0] != 1:
            raise MalformedCodeError("a comparison takes exactly two codes (235 vs 553)")
        return Shortcode("compare", (normalise(words[0]), normalise(words[2])))
    words = _unpasted(words)
    codes = [normalise(words[0])]
    if len(words) > 1 and words[1][:1].isdigit():
        codes.append(normalise(words[1]))
        rest = words[2:]
    else:
        rest = words[1:]
    if rest and rest[0][:1].isdigit():
        raise MalformedCodeError(
            "expected one code (553, 5.1.1), a reply (550 5.1.1) or a comparison (235 vs 553)")
    if len(codes) == 1:
        return Shortcode("single", (codes[0],))
    first, second = codes
    kinds = (_codes.is_enhanced(first), _codes.is_enhanced(second))
    if kinds == (False, True):
        return Shortcode("reply", (first, second))
    if kinds == (True, False):
        return Shortcode("reply", (second, first))
    raise MalformedCodeError(
        "expected one code (553, 5.1.1), a reply (550 5.1.1) or a comparison (235 vs 553)")


def _unpasted(words: list[str]) -> list[str]:
    """The words of a pasted reply with its prefix dropped and ``550-5.1.1`` split in two."""
    joined = " ".join(words)
    prefix = _PASTED_PREFIX.match(joined)
    if prefix and prefix.end() < len(joined):
        words = joined[prefix.end():].split()
    glued = _GLUED.fullmatch(words[0])
    if glued:
        words = [glued.group(1), glued.group(2), *words[1:]]
    return words


def resolve(shortcode: Shortcode, catalogue: Catalogue, lang: str) -> tuple[Entry, ...]:
    """Look up every code of the shortcode; UnknownCodeError names the first unknown one."""
    return tuple(catalogue.lookup(code, lang) for code in shortcode.codes)


def contradiction(shortcode: Shortcode, entries: tuple[Entry, ...]) -> bool:
    """A reply whose enhanced code's class differs from its basic code's (``550 4.1.1``)."""
    return shortcode.kind == "reply" and entries[0].reply_class != entries[1].reply_class
