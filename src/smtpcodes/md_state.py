"""Everything one conversion keeps, and nothing that outlives it.

One extension instance converts many pages (MkDocs), sometimes the same page twice (Material's
blog renders post excerpts in a second pass): every processor reads and writes this object,
made anew for each conversion of a page that holds a shortcode (pages without one get none),
so nothing from one page's conversion (its path, links, anchors, problems) can leak into the
next.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from typing import NamedTuple

from markdown.util import AtomicString

from . import md_render
from .catalogue import Catalogue, get_catalogue
from .md_options import PageOptions
from .md_source import MARK, MARK_PREFIX, SourceMap
from .shortcode import Shortcode

#: A marked shortcode inside other HTML: the opener, its occurrence number, and the body.
_MARKED = re.compile(r"(<[sS][mM][tT][pP]:)\x02s([0-9]+)\x03([^<>\x02\x03]*>?)")


class Problem(NamedTuple):
    """A shortcode that could not be explained, or explained with a warning.

    ``path`` is None for the page being converted when no path was given (``begin_page``);
    a line from a ``pymdownx.snippets`` include names the included file.
    """

    line: int | None
    column: int | None
    source: str
    message: str
    path: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        if self.line:
            where += f"line {self.line}: "
        return f"{where}{self.message}"


class Conversion:
    """The state of one conversion."""

    def __init__(self, options: PageOptions, catalogue_path: str, page: list[str],
                 path: str | None, line_offset: int | Callable[[], int],
                 tab_length: int) -> None:
        self.options = options
        self.path = path
        #: Lines of the file before the converted text; worked out when first needed.
        self._line_offset = line_offset
        self.source = SourceMap(page, tab_length)
        self._catalogue_path = catalogue_path
        self._catalogue: Catalogue | None = None
        #: Set once the tree is final: toc runs postprocessors on headings before that.
        self.tree_done = False
        #: Lines after whitespace normalisation, from which markers get their positions.
        self.normalised: list[str] = []
        #: Raw HTML stash entries stored before inline processing: the HTML blocks.
        self.block_stash = 0
        self.chips: dict[etree.Element, tuple[Shortcode, int | None]] = {}
        self.boxes: list[str] = []
        self.anchored: set[str] = set()
        self.styled = False
        #: Markers dealt with so far: once all are, no element needs to be searched for more.
        self.seen = 0
        self._problems: list[tuple[int, Problem]] = []

    @property
    def line_offset(self) -> int:
        if callable(self._line_offset):
            self._line_offset = self._line_offset()
        return self._line_offset

    @property
    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            self._catalogue = get_catalogue(self._catalogue_path or None)
        return self._catalogue

    # --- problems --------------------------------------------------------------------------

    def report(self, occurrence: int | None, source: str, message: str) -> None:
        """Record a problem at its occurrence; they go out in page order at the end."""
        line = column = None
        path = self.path
        position = self.source.position(occurrence) if occurrence is not None else None
        if position is not None:
            line, column = position.line, position.column
            if position.path is None:
                line += self.line_offset
            else:
                path = position.path
        order = occurrence if occurrence is not None else self.source.count
        self._problems.append((order, Problem(line, column, md_render.one_line(source),
                                              md_render.one_line(message), path)))

    def finish(self, reporter: Callable[[Problem], None]) -> None:
        self.tree_done = True
        problems, self._problems = self._problems, []
        for _, problem in sorted(problems, key=lambda item: item[0]):
            reporter(problem)

    # --- rendering -------------------------------------------------------------------------

    def inline(self, occurrence: int | None, source: str, body: str) -> etree.Element:
        """The chip for a shortcode, or an error mark; problems are reported each time."""
        options = self.options
        made = md_render.inline(body, self.catalogue, options.lang, options.link)
        if made.problem:
            self.report(occurrence, source, made.problem)
        element = etree.Element(made.tag, made.attrib)
        element.text = AtomicString(made.shortcode.label if made.shortcode else source)
        if made.shortcode is not None:
            self.chips[element] = (made.shortcode, occurrence)
        self.styled = True
        return element

    def inside_tag(self, html: str, where: str = "an HTML tag") -> str:
        """Report each shortcode inside a tag or comment of the author's HTML (comments are
        the author's notes: no report), and return the HTML without markers."""
        if MARK_PREFIX not in html:
            return html
        if not html.startswith("<!--"):
            for match in _MARKED.finditer(html):
                self.report_in_tag(int(match.group(2)), match.group(1) + match.group(3), where)
        return self.drop_marks(html)

    def drop_marks(self, text: str) -> str:
        """``text`` without markers, which count as dealt with."""
        text, count = MARK.subn("", text)
        self.seen += count
        return text

    @property
    def marks_left(self) -> bool:
        return self.seen < self.source.count

    def report_in_tag(self, occurrence: int, source: str, where: str = "an HTML tag") -> None:
        self.report(occurrence, source,
                    f"{md_render.one_line(source)} inside {where} is not expanded: a shortcode "
                    "cannot stand in an attribute; write the code as plain text there")
