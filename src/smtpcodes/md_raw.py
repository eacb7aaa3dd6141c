"""Shortcodes inside raw HTML blocks, where nothing inline runs.

A shortcode standing in an HTML block's content would reach the browser as an unknown tag and
vanish: it is escaped so that it shows as text, and reported. One inside a tag (an attribute
value), a comment, or a ``<script>``/``<style>`` element is left exactly as written; only the
one inside a tag is reported, since comments and scripts are the author's own business.
A single forward pass over the block decides, so the cost is linear in its size.
"""

from __future__ import annotations

import re

from .md_render import one_line
from .md_state import Conversion

#: What changes the context in HTML: comments, raw-text elements, tag boundaries, shortcodes.
_TOKEN = re.compile(
    r"(?P<comment><!--)|(?P<raw><(?:script|style)\b)"
    r"|(?P<code><[sS][mM][tT][pP]:)\x02s(?P<n>[0-9]+)\x03(?P<body>[^<>\x02\x03]*>?)"
    r"|(?P<open><[A-Za-z/!?])|(?P<close>>)", re.IGNORECASE)
_RAW_END = re.compile(r"</(?:script|style)\b", re.IGNORECASE)


def check_block(html: str, conversion: Conversion) -> str:
    """The block with its shortcodes escaped or left alone, and reported, markers removed.

    A comment or a script is skipped whole, its markers dropped at once: whatever it holds
    costs no more than the search for its end."""
    pieces: list[str] = []
    last = position = 0
    tag = False
    while (token := _TOKEN.search(html, position)) is not None:
        position = token.end()
        if token.group("comment") or token.group("raw"):
            if token.group("comment"):
                end = html.find("-->", position)
                position = len(html) if end < 0 else end + 3
            else:
                closing = _RAW_END.search(html, position)
                position = len(html) if closing is None else closing.end()
            tag = token.group("raw") is not None
            pieces.append(conversion.drop_marks(html[last:position]))
            last = position
        elif token.group("open"):
            tag = True
        elif token.group("close"):
            tag = False
        else:
            pieces.append(html[last:token.start()])
            last = position
            _shortcode(token, tag, pieces, conversion)
    pieces.append(html[last:])
    return "".join(pieces)


def _shortcode(token: re.Match[str], tag: bool, pieces: list[str],
               conversion: Conversion) -> None:
    """A shortcode in a tag is left as written, one in text is escaped; both are reported."""
    source = token.group("code") + token.group("body")
    occurrence = int(token.group("n"))
    conversion.seen += 1
    if tag:
        pieces.append(source)
        conversion.report_in_tag(occurrence, source)
    else:
        pieces.append(source.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
        conversion.report(occurrence, source,
                          f"{one_line(source)} inside raw HTML is not expanded: put it "
                          "outside the HTML block, or use md_in_html with markdown=\"1\"")
