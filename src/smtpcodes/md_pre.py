"""Preprocessors: start a conversion, decide whether it needs the extension, tag shortcodes.

* ``StartPreprocessor`` (first of all) begins the conversion's state with the page as given,
  before ``pymdownx.snippets`` or whitespace normalisation change it;
* ``GatePreprocessor`` (29: after snippets and normalisation) looks once for ``<smtp:`` and
  registers the inline processors only for pages that hold one, so pages without shortcodes
  pay for that one search and nothing else;
* ``TagPreprocessor`` (22: after fenced code is stashed, before raw HTML is) tags each
  shortcode with its occurrence number (see ``md_source``).
"""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor

from .md_inline import PRIORITY, HtmlGuard, ShortcodeInlineProcessor
from .md_snippets import SnippetTrace
from .shortcode import has_marker

#: Where Python-Markdown (and smarty, which replaces it) registers the ``html`` pattern.
HTML_PRIORITY = 90


class _Processor(Preprocessor):
    def __init__(self, md: Markdown, holder: Any) -> None:
        super().__init__(md)
        self.holder = holder


class StartPreprocessor(_Processor):
    def __init__(self, md: Markdown, holder: Any, ext: Any) -> None:
        super().__init__(md, holder)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        self.holder.conversion = self.ext.start_conversion(lines, self.md)
        trace = self.holder.trace = (
            SnippetTrace.attach(self.md.preprocessors["snippet"])
            if "snippet" in self.md.preprocessors else None)
        if trace is not None:
            trace.start()
        return lines


class GatePreprocessor(_Processor):
    def run(self, lines: list[str]) -> list[str]:
        conversion = self.holder.conversion
        present = has_marker("\n".join(lines))
        conversion.active = present
        if present:
            conversion.normalised = lines
            trace = self.holder.trace
            if trace is not None and trace.result is not None:
                conversion.source.expanded(*trace.result, trace.files_with_bom)
        self._register(present)
        return lines

    def _register(self, present: bool) -> None:
        patterns = self.md.inlinePatterns
        registered = "smtpcodes" in patterns
        if present == registered:
            return
        if present:
            patterns.register(ShortcodeInlineProcessor(self.md, self.holder), "smtpcodes",
                              PRIORITY)
            html = patterns["html"] if "html" in patterns else None
            if isinstance(html, InlineProcessor) and not isinstance(html, HtmlGuard):
                patterns.register(HtmlGuard(html, self.holder), "html", HTML_PRIORITY)
        else:
            patterns.deregister("smtpcodes")
            if "html" in patterns and isinstance(patterns["html"], HtmlGuard):
                patterns.register(patterns["html"].inner, "html", HTML_PRIORITY)


class TagPreprocessor(_Processor):
    def run(self, lines: list[str]) -> list[str]:
        conversion = self.holder.conversion
        if not conversion.active:
            return lines
        tagged: list[str] = conversion.source.tag(conversion.normalised, lines)
        return tagged
