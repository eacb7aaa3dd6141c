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
    r"(?P<comment_start><!--)|(?P<comment_end>-->)"
    r"|(?P<raw_start><(?:script|style)\b)|(?P<raw_end></(?:script|style)\b)"
    r"|(?P<code><[sS][mM][tT][pP]:)\x02s(?P<n>\d+)\x03(?P<body>[^<>\x02\x03]*>?)"
    r"|(?P<open><[A-Za-z/!?])|(?P<close>>)", re.IGNORECASE)


def check_block(html: str, conversion: Conversion) -> str:
    """The block with its shortcodes escaped or left alone, and reported, markers removed."""
    pieces: list[str] = []
    last = 0
    comment = raw = tag = False
    for token in _TOKEN.finditer(html):
        kind = token.lastgroup if token.group("code") is None else "code"
        if comment:
            comment = kind != "comment_end"
        elif raw:
            raw = kind != "raw_end"
            tag = not raw
        elif kind == "comment_start":
            comment = True
        elif kind in ("raw_start", "open"):
            tag = True
            raw = kind == "raw_start"
        elif kind == "close":
            tag = False
        if token.group("code") is None:
            continue
        source = token.group("code") + token.group("body")
        pieces.append(html[last:token.start()])
        last = token.end()
        if comment or raw:
            pieces.append(source)
        elif tag:
            pieces.append(source)
            conversion.report_in_tag(int(token.group("n")), source)
        else:
            pieces.append(source.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
            conversion.report(int(token.group("n")), source,
                              f"{one_line(source)} inside raw HTML is not expanded: put it "
                              "outside the HTML block, or use md_in_html with markdown=\"1\"")
    pieces.append(html[last:])
    return "".join(pieces)
