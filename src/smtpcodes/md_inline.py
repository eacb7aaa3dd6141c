"""Inline processing: shortcodes in running text, and the author's inline HTML left alone.

``<smtp:553>`` looks like an inline HTML tag to Python-Markdown. The extension lets the
``html`` pattern run first, wrapped in ``HtmlGuard``, which declines a match that is a
shortcode and keeps every other tag exactly as plain Markdown does, even when a shortcode
stands inside one of its attributes: such a shortcode is reported and left alone, so nothing
from it can end up inside, or break out of, the author's tag. ``ShortcodeInlineProcessor``
runs next and sees only shortcodes in text.

Whether a shortcode stands inside a tag must not depend on the Python-Markdown version:
before 3.11 its pattern ends a tag at the first ``>`` or ``<``, even inside a quoted value,
so ``<span title='<smtp:553>'>`` was no tag there and the shortcode's HTML would have landed
inside the author's attribute. The guard reads such tags with its own quote-aware pattern.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING, Any

from markdown import Markdown
from markdown.inlinepatterns import HtmlInlineProcessor, InlineProcessor
from markdown.util import AtomicString

from .md_render import one_line
from .md_source import MARK_PREFIX, OPENER, strip_marks

if TYPE_CHECKING:
    from .md_state import Conversion

#: Priority of the shortcode pattern: after ``html`` (90), before magiclink (85) and entities.
PRIORITY = 89
#: A shortcode in text: the opener in any letter case, its marker, and a body that may cross
#: one line break but never a tag, a placeholder (code span, link, escape) or a second line
#: break. The body excludes ``<`` so a search never re-reads text past the next opener.
SHORTCODE = re.compile(
    r"<[sS][mM][tT][pP]:(?!/)(?:\x02s([0-9]+)\x03)?"
    r"([^<>\n\x02\x03]*(?:\n[^<>\n\x02\x03]*)?)(>)?")


#: What ends an inline element that an attr_list right after it applies to (ETX ends the
#: placeholder of one already made).
_INLINE_ENDS = "\x03*_)]`"


def shown(text: str, limit: int = 60) -> str:
    """Source text as a message quotes it: one line, no control characters, not too long."""
    flat = " ".join(one_line(strip_marks(text)).split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


class ShortcodeInlineProcessor(InlineProcessor):
    """Every shortcode in inline text becomes a chip, or a visible ``smtp-error``."""

    def __init__(self, md: Markdown, state: Any) -> None:
        super().__init__(SHORTCODE.pattern, md)
        self.compiled_re = SHORTCODE
        self.holder = state

    def handleMatch(self, m: re.Match[str], data: str  # type: ignore[override]
                    ) -> tuple[etree.Element | str, int, int]:
        conversion: Conversion = self.holder.conversion
        mark, body, closed = m.group(1), m.group(2), m.group(3)
        start, end = m.start(0), m.end(0)
        occurrence = int(mark) if mark else None
        conversion.seen += mark is not None
        opener = data[start:start + 6]
        head = m.start(2)  # after the opener and its marker
        if start and data[start - 1] == "\\":  # \<smtp:553> is text, without the backslash
            if closed:
                return AtomicString(f"{opener}{body}>"), start - 1, end
            return AtomicString(opener), start - 1, head
        if closed and "attr_list" in self.md.treeprocessors and _in_attr_list(data, start, end):
            source = f"{opener}{body}>"
            if occurrence is not None:
                conversion.report_in_tag(occurrence, source, "an attribute list")
            return AtomicString(source), start, end
        if not closed:
            quoted = shown(opener + body, 26)
            conversion.report(occurrence, quoted,
                              f"unclosed shortcode {quoted!r}: end it with '>' on the same "
                              "or the next line, before any code span, link or tag")
            return AtomicString(opener), start, head
        return conversion.inline(occurrence, f"{opener}{body}>", body), start, end


def _in_attr_list(data: str, start: int, end: int) -> bool:
    """Whether ``data[start:end]`` stands inside an attr_list ``{: ...}`` that attr_list will
    read: right after an inline element (``*em*{: ...}``), or ending its line when it starts
    with ``{:`` or starts the line (a block's or a heading's attributes). Looks no further
    than the line, so a long line costs what Python-Markdown's own passes over it cost."""
    line_start = data.rfind("\n", 0, start) + 1
    opening = data.rfind("{", line_start, start)
    if opening < 0 or data.find("}", opening, start) >= 0:
        return False
    line_end = data.find("\n", end)
    line_end = len(data) if line_end < 0 else line_end
    closing = data.rfind("}", end, line_end)
    if closing < 0:
        return False
    if opening > line_start and data[opening - 1] in _INLINE_ENDS:
        return True
    return not data[closing + 1:line_end].strip(" ") and (
        data.startswith(":", opening + 1) or not data[line_start:opening].strip(" "))


#: An HTML tag as browsers and Python-Markdown 3.11+ read it: a ``<`` or ``>`` inside a quoted
#: attribute value belongs to the value, an unquoted value holds neither. Written for the ``re``
#: of Python 3.10 (no possessive quantifiers): names, values and the spaces between them cannot
#: share a character, so a failed attempt gives each character back once (no catastrophic
#: backtracking; 100 KB of unclosed tags and quotes is searched in about 10 ms).
QUOTED_TAG = (r"</?[a-zA-Z][^\s\"'<>@]*"
              r"(?:\s+[^\s\"'=<>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>]+))?)*"
              r"\s*/?>")


class HtmlGuard(HtmlInlineProcessor):
    """Python-Markdown's ``html`` pattern, except for shortcodes.

    A tag that is itself a shortcode is declined, for ``ShortcodeInlineProcessor``. A tag
    with a shortcode in an attribute is the ``QUOTED_TAG`` found there; anything else is left
    to the ``html`` pattern it wraps (Markdown's, or smarty's), so it is stashed exactly as
    plain Markdown would. Each shortcode inside a stashed tag is reported (comments are the
    author's own business).

    The search finds a ``<`` where one of the two patterns matches and consumes only that
    ``<``, so a declined position gives up no text after it. Starting with the literal lets
    ``re`` skip from ``<`` to ``<``; the lookbehind steps back onto it to try the patterns.
    """

    def __init__(self, inner: InlineProcessor, state: Any) -> None:
        pattern = f"<(?<=(?=({QUOTED_TAG})|(?:{inner.compiled_re.pattern})).)"
        super().__init__(pattern, inner.md)
        self.compiled_re = re.compile(pattern, inner.compiled_re.flags)
        self.inner = inner
        self.holder = state

    def handleMatch(self, m: re.Match[str], data: str  # type: ignore[override]
                    ) -> tuple[Any, Any, Any]:
        start = m.start(0)
        if OPENER.match(data, start) and data.startswith(MARK_PREFIX, start + 6):
            return None, None, None
        tag = m.group(1)
        if tag is not None and MARK_PREFIX in tag:
            placeholder, _, _ = super().handleMatch(m, data)
            result: tuple[Any, Any, Any] = placeholder, start, start + len(tag)
        else:
            found = self.inner.compiled_re.match(data, start)
            if found is None:
                return None, None, None
            tag = found.group(0)
            result = self.inner.handleMatch(found, data)
        stash = self.md.htmlStash.rawHtmlBlocks if self.md is not None else []
        if MARK_PREFIX in tag and stash and isinstance(stash[-1], str):
            stash[-1] = self.holder.conversion.inside_tag(stash[-1], "an HTML tag")
        return result

