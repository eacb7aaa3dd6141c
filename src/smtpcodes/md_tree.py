"""Tree processors: markers out of code before inline processing, boxes after it.

* ``SweepTreeprocessor`` (31: before codehilite at 30 and inline processing at 20) removes the
  occurrence markers that stand in code: code blocks, and code spans, found the way the
  registered ``backtick`` pattern will find them, so no highlighter ever sees a marker.
* ``BlockTreeprocessor`` (15: after inline processing, before attr_list, toc and MkDocs' link
  rewriting) turns a chip that is alone in its paragraph into a box, with per-box options
  from an attr_list style ``{: ...}`` right after it; it checks the HTML blocks and removes
  every marker left in text or attributes (image descriptions, link titles).
* ``FinishTreeprocessor`` (last) reports the problems in page order.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.inlinepatterns import BacktickInlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from . import md_options, md_render, render
from .md_raw import check_block
from .md_source import MARK_PREFIX
from .md_state import Conversion
from .shortcode import Shortcode

#: An attr_list style ``{: ...}`` right after the shortcode, or alone on the next line.
_ATTRS = re.compile(r"(?:\n[ ]*)?\{:?[ ]*([^}\n ][^\n]*)\}[ ]*")
_BOX_OPTIONS = ("sections", "collapsible", "open")
#: Stands in the tree for a box's content until the box postprocessor puts the HTML in.
BOX_MARK = "\x02B"


class _Processor(Treeprocessor):
    def __init__(self, md: Markdown, holder: Any) -> None:
        super().__init__(md)
        self.holder = holder

    @property
    def conversion(self) -> Conversion | None:
        """The conversion under way, if the page holds a shortcode."""
        conversion: Conversion | None = self.holder.conversion
        return conversion


class SweepTreeprocessor(_Processor):
    """Markers in code are dead: they go before anything highlights the code.

    Without a highlighter (codehilite, inlinehilite), code keeps its markers until the
    block processor's cleanup, and this pass is skipped.
    """

    def run(self, root: etree.Element) -> None:
        conversion = self.conversion
        if conversion is None:
            return
        conversion.block_stash = len(self.md.htmlStash.rawHtmlBlocks)
        patterns = self.md.inlinePatterns
        backtick = patterns["backtick"] if "backtick" in patterns else None
        if "hilite" not in self.md.treeprocessors and type(backtick) is BacktickInlineProcessor:
            return
        for element in root.iter():
            for attribute in ("text", "tail"):
                value = getattr(element, attribute)
                if not value or MARK_PREFIX not in value:
                    continue
                if isinstance(value, AtomicString):
                    setattr(element, attribute, AtomicString(conversion.drop_marks(value)))
                elif backtick is not None:
                    setattr(element, attribute,
                            _without_marks_in_code(value, backtick, conversion))


def _without_marks_in_code(text: str, backtick: Any, conversion: Conversion) -> str:
    """``text`` with the markers inside its code spans removed.

    The spans are found as the ``backtick`` pattern (Python-Markdown's or inlinehilite's)
    will find them: it runs first on every text, so it sees the text exactly as here.
    """
    find = getattr(backtick, "find_code_spans", None)
    if find is None:
        return text
    pieces, last, position = [], 0, 0
    while True:
        match = backtick.compiled_re.search(text, position)
        if match is None:
            break
        if match.group(1):  # backslashes before a backtick, not a span
            position = match.end()
            continue
        start, end = find(match.start(), text)
        if end is None:
            position = start
            continue
        pieces += [text[last:start], conversion.drop_marks(text[start:end])]
        last, position = end, end + (start - match.start())
    return "".join(pieces) + text[last:] if pieces else text


class BlockTreeprocessor(_Processor):
    """A paragraph holding nothing but a shortcode becomes the shortcode's box."""

    def run(self, root: etree.Element) -> None:
        conversion = self.conversion
        if conversion is None:
            return
        stash = self.md.htmlStash.rawHtmlBlocks
        for index in range(conversion.block_stash):
            block = stash[index]
            if isinstance(block, str) and MARK_PREFIX in block:
                stash[index] = check_block(block, conversion)
        chips = conversion.chips
        if conversion.marks_left:
            for element in root.iter():
                _clean(element, conversion)
        for paragraph in list(root.iter("p")):
            if len(paragraph) == 1 and paragraph[0] in chips:
                options = _alone(paragraph)
                if options is not None:
                    shortcode, occurrence = chips[paragraph[0]]
                    _become_box(paragraph, shortcode, occurrence, options, conversion)
        if conversion.options.link:  # chips are links only when a link target is set
            for link in root.iter("a"):
                for inner in link.iter("a"):
                    if inner is not link and inner in chips:  # no link inside a link
                        inner.tag = "span"
                        del inner.attrib["href"]


def _clean(element: etree.Element, conversion: Conversion) -> None:
    """Remove markers the inline pass left: in attributes (image descriptions, link titles,
    where a shortcode cannot be expanded, so it is reported) and in text."""
    for name, value in element.attrib.items():
        if value and MARK_PREFIX in value:
            element.set(name, conversion.inside_tag(value, f"the {name} attribute"))
    for attribute in ("text", "tail"):
        value = getattr(element, attribute)
        if value and MARK_PREFIX in value:
            cleaned = conversion.drop_marks(value)
            setattr(element, attribute,
                    AtomicString(cleaned) if isinstance(value, AtomicString) else cleaned)


def _alone(paragraph: etree.Element) -> str | None:
    """The paragraph's per-box options (``""`` for none) if the chip stands alone in it."""
    if (paragraph.text or "").strip():
        return None
    tail = paragraph[0].tail or ""
    if not tail.strip():
        return ""
    attrs = _ATTRS.fullmatch(tail.rstrip())
    return attrs.group(1) if attrs else None


def _become_box(paragraph: etree.Element, shortcode: Shortcode, occurrence: int | None,
                attrs: str, conversion: Conversion) -> None:
    """Turn the paragraph holding a lone chip into the box, in place.

    The box element stays in the tree, so its ``id`` is visible to MkDocs' anchor validation;
    its content stands there as a marker that the box postprocessor replaces with cached HTML.
    """
    options = conversion.options
    style = md_render.BoxStyle(options.lang, options.sections, options.collapsible,
                               options.open, options.link, options.search_body, options.anchors)
    extra: list[tuple[str, str | None]] = []
    if attrs:
        style, extra = _box_options(attrs, style, occurrence, shortcode, conversion)
    made = md_render.box(shortcode, conversion.catalogue, style)
    tail = paragraph.tail
    paragraph.clear()  # drops the chip, and the tail, which belongs outside the box
    paragraph.tail = tail
    paragraph.tag = made.tag
    paragraph.attrib.update(made.attrib)
    if options.anchors and shortcode.kind != "compare":
        anchor_id = render.anchor(shortcode.label.replace(" ", "-"))
        if anchor_id not in conversion.anchored:
            conversion.anchored.add(anchor_id)
            paragraph.set("id", anchor_id)
    for name, value in extra:
        if name == ".":
            paragraph.set("class", f"{paragraph.get('class', '')} {value}".strip())
        else:
            paragraph.set(name, value)  # type: ignore[arg-type]
    paragraph.text = f"{BOX_MARK}{len(conversion.boxes)}\x03"
    conversion.boxes.append(made.inner)


def _box_options(attrs: str, style: md_render.BoxStyle, occurrence: int | None,
                 shortcode: Shortcode, conversion: Conversion
                 ) -> tuple[md_render.BoxStyle, list[tuple[str, str | None]]]:
    """Per-box ``sections``, ``collapsible`` and ``open``, checked as the options of the same
    name are; other attributes go on the box as attr_list would put them on the paragraph."""
    pairs, _ = get_attrs_and_remainder(attrs)
    extra: list[tuple[str, str | None]] = []
    source = f"<smtp:{shortcode.label}>"
    for name, value in pairs:
        if name not in _BOX_OPTIONS:
            extra.append((name, value))
            continue
        # A bare word (``{: open}``) is a value of None in Python-Markdown 3.11+ and the word
        # itself before; ``open=open`` means true as HTML's boolean attributes do.
        try:
            checked = md_options.check(name, "true" if value in (None, name) else value)
        except ValueError as error:
            conversion.report(occurrence, source,
                              f"{source}: {{: {name}=...}}: {str(error).split(': ', 1)[-1]}")
            continue
        if name == "sections":
            style = style._replace(sections=tuple(checked))
        elif name == "collapsible":
            style = style._replace(collapsible=checked)
        else:  # open implies collapsible
            style = style._replace(open=checked, collapsible=style.collapsible or checked)
    return style, extra


class FinishTreeprocessor(_Processor):
    """Reports the problems, in page order, once the tree is final; markers that extensions
    after the block processor brought in (abbr's titles) are reported and removed first."""

    def run(self, root: etree.Element) -> None:
        conversion = self.conversion
        if conversion is None:
            return
        if conversion.marks_left:
            for element in root.iter():
                _clean(element, conversion)
        conversion.finish(self.holder.ext.reporter)

