"""What a shortcode renders to, worked out once per catalogue and configuration.

Pages repeat the same few codes and MkDocs converts hundreds of pages with one extension,
so chips and boxes come from a bounded memo (``md_cache``) rather than being rebuilt.
"""

from __future__ import annotations

from typing import NamedTuple

from . import render
from .catalogue import Catalogue
from .errors import SMTPCodeError
from .md_cache import Memo
from .md_options import link_for
from .shortcode import Shortcode, contradiction, parse, resolve


class Inline(NamedTuple):
    """A chip (``shortcode`` set) or an error mark, and the problem to report, if any."""

    shortcode: Shortcode | None
    tag: str
    attrib: dict[str, str]
    problem: str


class Box(NamedTuple):
    """A box's outer element and its inner HTML, which goes in after serialisation."""

    tag: str
    attrib: dict[str, str]
    inner: str


class BoxStyle(NamedTuple):
    lang: str
    sections: tuple[str, ...]
    collapsible: bool
    open: bool
    link: str
    search_body: bool


_INLINE: Memo[Inline] = Memo()
_BOXES: Memo[Box] = Memo()


#: Longer bodies are not remembered: real shortcodes are short, and keys should stay small.
_MEMO_BODY = 200


def inline(body: str, catalogue: Catalogue, lang: str, link: str) -> Inline:
    if len(body) > _MEMO_BODY:
        return _make_inline(body, catalogue, lang, link)
    return _INLINE.get(catalogue, (body, lang, link),
                       lambda: _make_inline(body, catalogue, lang, link))


def _make_inline(body: str, catalogue: Catalogue, lang: str, link: str) -> Inline:
    try:
        shortcode = parse(body, catalogue)
        entries = resolve(shortcode, catalogue, lang)
    except SMTPCodeError as error:
        message = one_line(str(error))
        element = render.error(f"<smtp:{body}>", message)
        return Inline(None, element.tag, dict(element.attrib), message)
    problem = ""
    if contradiction(shortcode, entries):
        problem = (f"<smtp:{shortcode.label}>: the enhanced code {entries[1].code} contradicts "
                   f"the class of {entries[0].code}")
    chip = render.chip(shortcode, entries, link=lambda code: link_for(link, code))
    return Inline(shortcode, chip.tag, dict(chip.attrib), problem)


def box(shortcode: Shortcode, catalogue: Catalogue, style: BoxStyle) -> Box:
    return _BOXES.get(catalogue, (shortcode, style), lambda: _make_box(shortcode, catalogue, style))


def _make_box(shortcode: Shortcode, catalogue: Catalogue, style: BoxStyle) -> Box:
    layout = render.card(shortcode, catalogue, style.lang, style.sections)
    whole = render.box(layout, collapsible=style.collapsible, open_=style.open,
                       link=lambda code: link_for(style.link, code), catalogue=catalogue,
                       search_body=style.search_body)
    html = render.to_html(whole)
    return Box(whole.tag, dict(whole.attrib), html[html.index(">") + 1:html.rindex("</")])


def one_line(text: str) -> str:
    """``text`` on one line with every control character shown as an escape: messages end
    up in terminals, logs and HTML attributes, where such characters could forge output."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else " " if c in "\t\n\r" else
                   c.encode("unicode_escape").decode("ascii") for c in text)
