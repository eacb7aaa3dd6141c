"""The ``<smtp:…>`` shortcode: its syntax, shared by Markdown, MyST, Sphinx and ``check-docs``."""

from __future__ import annotations

import re
from typing import NamedTuple

from . import codes as _codes
from .catalogue import Catalogue, Entry, get_catalogue
from .errors import MalformedCodeError

#: A shortcode as it stands in text. The body stops at the first ``>``, ``<`` or line end so
#: that a stray ``<smtp:`` never swallows the rest of a paragraph.
PATTERN = re.compile(r"<smtp:([^<>\n]*)>")
#: Cheap test before any regex work: pages without it pay nothing.
MARKER = "<smtp:"

_VS = re.compile(r"\s+vs\.?\s+", re.IGNORECASE)


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
        raise MalformedCodeError(f"<smtp:{body}>: {error}") from None


def parse_codes(text: str, catalogue: Catalogue | None = None) -> Shortcode:
    """Parse ``553``, ``550 5.1.1`` or ``235 vs 553`` as typed on a command line."""
    normalise = (catalogue or get_catalogue()).normalise
    text = text.strip()
    if not text:
        raise MalformedCodeError("no code given: write a code such as 553 or 5.1.1")
    parts = _VS.split(text)
    if len(parts) == 2:
        return Shortcode("compare", (normalise(parts[0]), normalise(parts[1])))
    if len(parts) > 2:
        raise MalformedCodeError("a comparison takes exactly two codes (235 vs 553)")
    words = text.split()
    if len(words) == 1:
        return Shortcode("single", (normalise(words[0]),))
    if len(words) == 2:
        first, second = (normalise(w) for w in words)
        kinds = (_codes.is_enhanced(first), _codes.is_enhanced(second))
        if kinds == (False, True):
            return Shortcode("reply", (first, second))
        if kinds == (True, False):
            return Shortcode("reply", (second, first))
    raise MalformedCodeError(
        "expected one code (553, 5.1.1), a reply (550 5.1.1) or a comparison (235 vs 553)")


def resolve(shortcode: Shortcode, catalogue: Catalogue, lang: str) -> tuple[Entry, ...]:
    """Look up every code of the shortcode; UnknownCodeError names the first unknown one."""
    return tuple(catalogue.lookup(code, lang) for code in shortcode.codes)


def contradiction(shortcode: Shortcode, entries: tuple[Entry, ...]) -> bool:
    """A reply whose enhanced code's class differs from its basic code's (``550 4.1.1``)."""
    return shortcode.kind == "reply" and entries[0].reply_class != entries[1].reply_class
