"""Parse HTML into an ElementTree, so tests assert structure rather than match strings."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = etree.Element("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = etree.SubElement(self.stack[-1], tag, {k: v or "" for k, v in attrs})
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        etree.SubElement(self.stack[-1], tag, {k: v or "" for k, v in attrs})

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return
        # A stray end tag from the author's own raw HTML: browsers ignore it, and so do we.

    def handle_data(self, data: str) -> None:
        parent = self.stack[-1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + data
        else:
            parent.text = (parent.text or "") + data


def parse(html: str, strict: bool = True) -> etree.Element:
    """``strict`` rejects unclosed tags; the fuzz test turns it off, since authors' own raw
    HTML may leave a tag open, which browsers close for them."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    assert not strict or len(builder.stack) == 1, f"unclosed <{builder.stack[-1].tag}>"
    return builder.root


def classes(el: etree.Element) -> set[str]:
    return set(el.get("class", "").split())


def find_class(root: etree.Element, name: str) -> list[etree.Element]:
    return [el for el in root.iter() if name in classes(el)]


def parent_map(root: etree.Element) -> dict[etree.Element, etree.Element]:
    return {child: parent for parent in root.iter() for child in parent}


def text(el: etree.Element) -> str:
    return "".join(el.itertext())
