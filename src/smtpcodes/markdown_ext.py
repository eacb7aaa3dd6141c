"""Python-Markdown extension: ``<smtp:553>`` becomes a chip in running text, a box on its own.

The work is spread over small processors, each in the module named for its stage:

* ``md_pre``: start each conversion afresh, skip pages without ``<smtp:``, tag every
  shortcode with its position in the author's files (``md_source``, ``md_snippets``);
* ``md_tree``: keep markers out of code, then turn lone chips into boxes;
* ``md_inline``: chips and error marks in running text, the author's inline HTML untouched;
* ``md_raw``: shortcodes left in raw HTML blocks shown as text;
* ``md_post``: boxes' HTML in place, the stylesheet inline when wanted.

Options are checked in ``md_options``; what a shortcode renders to is memoised in
``md_render``; one conversion's state lives in ``md_state``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import missing_extra

try:
    from markdown import Markdown
    from markdown.extensions import Extension
except ModuleNotFoundError as error:
    raise missing_extra(error, "markdown", __name__) from None

from . import md_options
from .md_options import PageOptions
from .md_post import OutputPostprocessor
from .md_pre import GatePreprocessor, StartPreprocessor, TagPreprocessor
from .md_state import Conversion, Problem
from .md_tree import BlockTreeprocessor, FinishTreeprocessor, SweepTreeprocessor

__all__ = ["Problem", "SMTPCodesExtension", "makeExtension"]

log = logging.getLogger("smtpcodes")


def _log_problem(problem: Problem) -> None:
    log.warning("smtpcodes: %s", problem)


class _Holder:
    """What the processors of one Markdown instance share about the conversion under way:
    the page as given and its name, and, once it is known to hold a shortcode, its state."""

    def __init__(self, ext: SMTPCodesExtension) -> None:
        self.ext = ext
        self.conversion: Conversion | None = None
        self.lines: list[str] = []
        self.page: tuple[str | None, int] = (None, 0)
        self.trace: Any = None


class SMTPCodesExtension(Extension):
    """``markdown.markdown(text, extensions=["smtpcodes"])``."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {name: [default, description]
                       for name, (default, description) in md_options.DEFAULTS.items()}
        self.config["sections"][0] = list(self.config["sections"][0])
        super().__init__(**kwargs)
        #: Called with each problem, in page order, at the end of a conversion.
        self.reporter: Callable[[Problem], None] = _log_problem
        self._page: tuple[str | None, int] = (None, 0)

    def setConfig(self, key: str, value: Any) -> None:
        """Set an option, checked: a wrong value fails here, naming the option."""
        checked = md_options.check(key, value)
        self.config[key][0] = checked

    def begin_page(self, path: str | None, line_offset: int = 0) -> None:
        """Name the page the next conversion converts, for its problems.

        ``line_offset`` is the number of lines before the text that is converted, such as
        front matter a site generator removed, so that lines count as in the file. It applies
        to the next conversion only: a later conversion without this call (a blog excerpt,
        say) is not blamed on this page.
        """
        self._page = (path, line_offset)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        holder = _Holder(self)
        md.preprocessors.register(StartPreprocessor(md, holder), "smtpcodes-start", 1000)
        md.preprocessors.register(GatePreprocessor(md, holder), "smtpcodes-gate", 29)
        md.preprocessors.register(TagPreprocessor(md, holder), "smtpcodes-tag", 22)
        md.treeprocessors.register(SweepTreeprocessor(md, holder), "smtpcodes-sweep", 31)
        md.treeprocessors.register(BlockTreeprocessor(md, holder), "smtpcodes-blocks", 15)
        md.treeprocessors.register(FinishTreeprocessor(md, holder), "smtpcodes-finish",
                                   -1000)
        md.postprocessors.register(OutputPostprocessor(md, holder), "smtpcodes-output", 25)

    def take_page(self) -> tuple[str | None, int]:
        """The page named by ``begin_page`` for the conversion that is starting, once."""
        page, self._page = self._page, (None, 0)
        return page

    def start_conversion(self, lines: list[str], page: tuple[str | None, int],
                         md: Markdown) -> Conversion:
        """A fresh state for a conversion of a page that holds a shortcode, with the options
        as they are now."""
        path, given = page
        offset: int | Callable[[], int] = given
        get = self.getConfig
        options = PageOptions(get("lang"), tuple(get("sections")), get("collapsible"),
                              get("open"), get("link"), get("anchors"), get("css"),
                              get("search_body"))
        if path is None and "rendering_context" in md.preprocessors:
            path, offset = _zensical_page(md.preprocessors["rendering_context"], lines)
        return Conversion(options, get("catalogue"), lines, path, offset, md.tab_length)


def _zensical_page(context: Any, lines: list[str]) -> tuple[str | None, Callable[[], int]]:
    """The page Zensical is rendering, from the context preprocessor it registers, and how
    many lines (front matter) precede the text it passes, found in the file when needed."""
    path = getattr(getattr(context, "page", None), "path", None)
    config = getattr(context, "config", None)
    docs = config.get("docs_dir") if isinstance(config, dict) else None
    if not isinstance(path, str):
        return None, lambda: 0
    return path, lambda: _lines_before(Path(str(docs or "."), path), lines)


def _lines_before(file: Path, lines: list[str]) -> int:
    head = "\n".join(line for line in lines[:8]).strip()
    try:
        text = file.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return 0
    found = text.find(head) if head else -1
    return text.count("\n", 0, found) - next(
        (i for i, line in enumerate(lines) if line.strip()), 0) if found > 0 else 0


def makeExtension(**kwargs: Any) -> SMTPCodesExtension:
    return SMTPCodesExtension(**kwargs)
