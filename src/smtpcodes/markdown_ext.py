"""Python-Markdown extension: ``<smtp:553>`` becomes a chip in running text, a box on its own.

Five small processors, registered in ``extendMarkdown``:

* ``GatePreprocessor`` looks once per page for ``<smtp:`` and (un)registers the inline
  processor, so pages without shortcodes pay for nothing but that one scan;
* ``ShortcodeInlineProcessor`` (95: after code spans at 190, before raw inline HTML at 90)
  renders a chip or an error, keeps ``\\<smtp:553>`` as literal text (Python-Markdown does not
  treat ``<`` as escapable) and reports a ``<smtp:`` left without its ``>``;
* ``BlockTreeprocessor`` (15, after inline processing, before attr_list, toc and MkDocs' link
  rewriting) turns a chip that is alone in its paragraph into a box;
* ``RawHtmlPostprocessor`` (35, before raw HTML is restored at 30) escapes shortcodes left in
  raw HTML blocks, where nothing inline runs, and reports them instead of letting a browser
  swallow them as unknown tags;
* ``BoxPostprocessor`` (25) puts the boxes' cached HTML in place.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from . import render
from .catalogue import Catalogue, get_catalogue, languages
from .errors import SMTPCodeError
from .shortcode import MARKER, Shortcode, contradiction, parse, resolve

log = logging.getLogger("smtpcodes")
_BOX_CACHE: dict[tuple[object, ...], tuple[str, dict[str, str], str]] = {}
_INLINE_CACHE: dict[tuple[object, ...], tuple[Shortcode | None, str, dict[str, str], str]] = {}
#: A shortcode, or what starts like one, inside raw HTML.
_RAW_OPENER = re.compile(r"<smtp:[^<>\n]*>?")
#: Stands in the tree for a box's content until ``BoxPostprocessor`` puts the HTML in.
_BOX_MARK = "\x02smtpcodes-box:"
_BOX_MARK_RE = re.compile(re.escape(_BOX_MARK) + r"(\d+)\x03")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def _live_lines(lines: list[str]) -> Iterator[tuple[int, str]]:
    """Numbered lines outside fenced code blocks."""
    fence = ""
    for number, line in enumerate(lines, start=1):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1).startswith(fence):
                fence = ""
        elif opening:
            fence = opening.group(1)
        else:
            yield number, line


def _live_hits(line: str, source: str) -> Iterator[int]:
    """Columns of ``source`` in ``line`` that are neither escaped nor inside a code span."""
    start = line.find(source)
    while start != -1:
        if not line[:start].endswith("\\") and line[:start].count("`") % 2 == 0:
            yield start
        start = line.find(source, start + 1)


class Problem(NamedTuple):
    """A shortcode that could not be explained, or explained with a warning."""

    line: int | None
    column: int | None
    source: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{self.message}"


def _log_problem(problem: Problem) -> None:
    log.warning("smtpcodes: %s", problem)


class _PageOptions(NamedTuple):
    """The options of the page being converted, read once per page, not per shortcode."""

    lang: str
    sections: tuple[str, ...]
    collapsible: bool
    open: bool
    link: str
    box_link: str
    anchors: bool


class GatePreprocessor(Preprocessor):
    """Registers the inline processor only for pages that hold a shortcode."""

    def __init__(self, md: Markdown, ext: SMTPCodesExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        present = MARKER in "\n".join(lines)
        self.ext.begin(lines if present else [])
        registered = "smtpcodes" in self.md.inlinePatterns
        if present and not registered:
            self.md.inlinePatterns.register(
                ShortcodeInlineProcessor(self.md, self.ext), "smtpcodes", 95)
        elif registered and not present:
            self.md.inlinePatterns.deregister("smtpcodes")
        return lines


class ShortcodeInlineProcessor(InlineProcessor):
    """Every shortcode in inline text becomes a chip, or a visible ``smtp-error``.

    One pattern does all three jobs (shortcode, escape, unclosed opener): every inline pattern
    costs a regex search on every text node of every page.
    """

    def __init__(self, md: Markdown, ext: SMTPCodesExtension) -> None:
        # A literal start lets the regex engine skip through text quickly; the escaping
        # backslash is looked up behind the match instead.
        super().__init__(r"<smtp:([^<>\n]*)(>?)", md)
        self.ext = ext

    def handleMatch(self, m: re.Match[str], data: str  # type: ignore[override]
                    ) -> tuple[etree.Element | str, int, int]:
        body, closed = m.groups()
        source, start, end = m.group(0), m.start(0), m.end(0)
        if start and data[start - 1] == "\\":
            return AtomicString(source), start - 1, end
        if not closed:
            self.ext.report(source, f"unclosed shortcode {source!r}: end it with '>'")
            return AtomicString(source), start, end
        return self.ext.inline(source, body), start, end


class BlockTreeprocessor(Treeprocessor):
    """A paragraph holding nothing but a shortcode becomes the shortcode's box."""

    def __init__(self, md: Markdown, ext: SMTPCodesExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        chips = self.ext.chips
        if not chips:
            return
        for paragraph in root.iter("p"):
            if len(paragraph) == 1 and paragraph[0] in chips and self._alone(paragraph):
                self.ext.become_box(paragraph, chips[paragraph[0]], self.md)
        if self.ext.options.box_link:  # chips are links only when some link target is set
            for link in root.iter("a"):
                for inner in link.iter("a"):
                    if inner is not link and inner in chips:  # no link inside a link
                        inner.tag = "span"
                        del inner.attrib["href"]

    @staticmethod
    def _alone(paragraph: etree.Element) -> bool:
        return not (paragraph.text or "").strip() and not (paragraph[0].tail or "").strip()


class RawHtmlPostprocessor(Postprocessor):
    """Shortcodes inside raw HTML blocks stay visible as text, with a warning."""

    def __init__(self, md: Markdown, ext: SMTPCodesExtension) -> None:
        super().__init__(md)
        self.ext = ext
        # Stash blocks already looked at: toc runs every postprocessor once per heading.
        self._blocks: list[str | etree.Element] = []
        self._checked = 0

    def run(self, text: str) -> str:
        blocks = self.md.htmlStash.rawHtmlBlocks
        if blocks is not self._blocks:  # each page gets a new list
            self._blocks, self._checked = blocks, 0
        if not self.ext.active:
            return text
        for index in range(self._checked, len(blocks)):
            block = blocks[index]
            if isinstance(block, str) and MARKER in block:
                blocks[index] = _RAW_OPENER.sub(self._escape, block)
        self._checked = len(blocks)
        return text

    def _escape(self, match: re.Match[str]) -> str:
        source = match.group(0)
        self.ext.report(source, f"{source} inside raw HTML is not expanded: put it outside the "
                                "HTML block, or use md_in_html with markdown=\"1\"")
        return source.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class BoxPostprocessor(Postprocessor):
    """Puts each box's cached HTML into its element, after Python-Markdown restored raw HTML.

    Python-Markdown re-scans the whole page after restoring its own stash; boxes are large,
    so they are kept out of that stash and put in here with one pass over the page.
    """

    def __init__(self, md: Markdown, ext: SMTPCodesExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, text: str) -> str:
        boxes = self.ext.boxes
        if not boxes or _BOX_MARK not in text:
            return text
        return _BOX_MARK_RE.sub(lambda m: boxes[int(m.group(1))], text)


class SMTPCodesExtension(Extension):
    """``markdown.markdown(text, extensions=["smtpcodes"])``."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "lang": ["en", "Language of the boxes: " + ", ".join(languages())],
            "collapsible": [False, "Render boxes as <details> (true) or plain admonitions"],
            "open": [False, "With collapsible: start expanded"],
            "sections": [list(render.SECTIONS),
                         "Sections to show, any of: " + ", ".join(render.SECTIONS)],
            "link": ["", "Chip link target: a page ('codes.md') or a template ('/smtp/{code}/')"],
            "catalogue": ["", "Path of your own catalogue file (TOML or YAML)"],
            "anchors": [False, "Give each code's first box an id (smtp-553) to link to"],
        }
        super().__init__(**kwargs)
        self.reporter: Callable[[Problem], None] = _log_problem
        #: Link target inside boxes, which bypass MkDocs' link rewriting: the plugin sets the
        #: page-relative URL of the catalogue page here; elsewhere ``link`` serves both.
        self.box_link = ""
        self.chips: dict[etree.Element, Shortcode] = {}
        self.boxes: list[str] = []
        self._lines: list[str] = []
        self._seen: dict[str, int] = {}
        self._anchored: set[str] = set()
        self._catalogue: Catalogue | None = None
        #: Options of the page being converted, read once per page in ``begin``.
        self.options = _PageOptions("en", (), False, False, "", "", False)
        self._validate()

    def _validate(self) -> None:
        lang = self.getConfig("lang")
        if lang not in languages():
            raise ValueError(f"smtpcodes: option 'lang' is {lang!r}; available languages are "
                             + ", ".join(languages()))
        sections = self.getConfig("sections")
        if isinstance(sections, str):
            sections = [s.strip() for s in sections.split(",") if s.strip()]
            self.setConfig("sections", sections)
        unknown = [s for s in sections if s not in render.SECTIONS]
        if unknown:
            raise ValueError(f"smtpcodes: option 'sections' has unknown section {unknown[0]!r}; "
                             "choose from " + ", ".join(render.SECTIONS))
        get_catalogue(self.getConfig("catalogue") or None)  # a bad file fails here, by name

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(GatePreprocessor(md, self), "smtpcodes-gate", 29)
        md.treeprocessors.register(BlockTreeprocessor(md, self), "smtpcodes-blocks", 15)
        md.postprocessors.register(RawHtmlPostprocessor(md, self), "smtpcodes-raw-html", 35)
        md.postprocessors.register(BoxPostprocessor(md, self), "smtpcodes-boxes", 25)

    def reset(self) -> None:
        self.boxes = []
        self.chips = {}
        self._anchored = set()

    # --- state of one conversion ----------------------------------------------------------

    @property
    def active(self) -> bool:
        """Whether the page being converted holds any shortcode at all."""
        return bool(self._lines)

    def begin(self, lines: list[str]) -> None:
        self.reset()
        self._lines = lines
        self._seen = {}
        self._catalogue = get_catalogue(self.getConfig("catalogue") or None) if lines else None
        self.options = _PageOptions(
            self.getConfig("lang"), tuple(self.getConfig("sections")),
            bool(self.getConfig("collapsible")), bool(self.getConfig("open")),
            self.getConfig("link"), self.box_link or self.getConfig("link"),
            bool(self.getConfig("anchors")))

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue of the page being converted, looked up once per page."""
        if self._catalogue is None:
            self._catalogue = get_catalogue(self.getConfig("catalogue") or None)
        return self._catalogue

    def _position(self, source: str) -> tuple[int, int] | tuple[None, None]:
        """Line and column of the n-th occurrence of ``source`` outside code and escapes.

        Problems are reported in document order, so the n-th report of a text is its n-th
        live occurrence. Fences and code spans are recognised by their backticks or tildes,
        which covers what authors write; indented code is not told apart.
        """
        wanted = self._seen.get(source, 0)
        self._seen[source] = wanted + 1
        live = [(n, column + 1) for n, line in _live_lines(self._lines)
                for column in _live_hits(line, source)]
        return live[wanted] if wanted < len(live) else (None, None)

    def report(self, source: str, message: str) -> None:
        line, column = self._position(source)
        self.reporter(Problem(line, column, source, message))

    def inline(self, source: str, body: str) -> etree.Element:
        """The chip for a shortcode, or an error element; problems are reported each time.

        What a shortcode becomes is worked out once per process and configuration: pages
        repeat the same few codes, and this runs for every one of them.
        """
        catalogue, lang = self.catalogue, self.options.lang
        key = (body, catalogue, lang, self.options.link)
        made = _INLINE_CACHE.get(key)
        if made is None:
            made = _INLINE_CACHE[key] = self._make_inline(source, body, catalogue, lang)
        shortcode, tag, attrib, problem = made
        if problem:
            self.report(source, problem)
        element = etree.Element(tag, attrib)
        element.text = AtomicString(shortcode.label if shortcode else source)
        if shortcode is not None:
            self.chips[element] = shortcode
        return element

    def _make_inline(self, source: str, body: str, catalogue: Catalogue, lang: str
                     ) -> tuple[Shortcode | None, str, dict[str, str], str]:
        try:
            shortcode = parse(body, catalogue)
            entries = resolve(shortcode, catalogue, lang)
        except SMTPCodeError as error:
            element = render.error(source, str(error))
            return None, element.tag, dict(element.attrib), str(error)
        problem = ""
        if contradiction(shortcode, entries):
            problem = (f"{source}: the enhanced code {entries[1].code} contradicts "
                       f"the class of {entries[0].code}")
        chip = render.chip(shortcode, entries,
                           link=lambda code: _link(self.options.link, code))
        return shortcode, chip.tag, dict(chip.attrib), problem

    def become_box(self, paragraph: etree.Element, shortcode: Shortcode, md: Markdown) -> None:
        """Turn the paragraph holding a lone chip into the box, in place.

        The content is rendered once per process for each shortcode and configuration and
        stands in the tree as a marker that ``BoxPostprocessor`` replaces: MkDocs builds many
        pages and the same codes recur, so a cached string beats rebuilding and re-serialising
        a tree each time. The box element itself stays in the tree, so its ``id`` is visible
        to MkDocs' anchor validation.
        """
        catalogue = self.catalogue
        options = self.options
        key = (shortcode, catalogue, options.lang, options.sections, options.collapsible,
               options.open, options.box_link)
        cached = _BOX_CACHE.get(key)
        if cached is None:
            layout = render.card(shortcode, catalogue, options.lang, options.sections)
            whole = render.box(layout, collapsible=options.collapsible, open_=options.open,
                               link=lambda code: _link(options.box_link, code),
                               catalogue=catalogue)
            html = render.to_html(whole)
            cached = _BOX_CACHE[key] = (whole.tag, dict(whole.attrib),
                                        html[html.index(">") + 1:html.rindex("</")])
        tag, attrib, inner = cached
        tail = paragraph.tail
        paragraph.clear()  # drops the chip, and the tail, which belongs outside the box
        paragraph.tail = tail
        paragraph.tag = tag
        paragraph.attrib.update(attrib)
        if options.anchors and shortcode.kind != "compare":
            anchor_id = render.anchor(shortcode.label.replace(" ", "-"))
            if anchor_id not in self._anchored:
                self._anchored.add(anchor_id)
                paragraph.set("id", anchor_id)
        paragraph.text = f"{_BOX_MARK}{len(self.boxes)}\x03"
        self.boxes.append(inner)



def _link(target: str, code: str) -> str | None:
    """A code's link from the ``link`` option: a page (anchor added) or a ``{code}`` template."""
    if not target:
        return None
    if "{" in target:
        return target.format(code=code, anchor=render.anchor(code))
    return f"{target}#{render.anchor(code)}"


def makeExtension(**kwargs: Any) -> SMTPCodesExtension:
    return SMTPCodesExtension(**kwargs)
