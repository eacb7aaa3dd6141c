"""Postprocessors: boxes' HTML in place, the stylesheet once per page, no marker left.

Python-Markdown re-scans the whole page after restoring its own stash; boxes are large, so
they are kept out of that stash and put in by ``BoxPostprocessor`` (25) in one pass.
``FinalPostprocessor`` (10) adds the stylesheet inline when asked to (``css``): Zensical and
plain Python-Markdown run the extension but ship no stylesheet of ours. toc runs every
postprocessor on each heading while the tree is still being processed: both act only on the
finished page.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from markdown import Markdown
from markdown.postprocessors import Postprocessor

from .md_source import MARK_PREFIX, strip_marks
from .md_tree import BOX_MARK

_BOX_MARK_RE = re.compile(re.escape(BOX_MARK) + r"(\d+)\x03")


class _Processor(Postprocessor):
    def __init__(self, md: Markdown, holder: Any) -> None:
        super().__init__(md)
        self.holder = holder


class BoxPostprocessor(_Processor):
    def run(self, text: str) -> str:
        conversion = self.holder.conversion
        if not conversion.boxes or BOX_MARK not in text:
            return text
        boxes = conversion.boxes
        return _BOX_MARK_RE.sub(lambda m: boxes[int(m.group(1))], text)


class FinalPostprocessor(_Processor):
    def run(self, text: str) -> str:
        conversion = self.holder.conversion
        if not conversion.active or not conversion.tree_done:
            return text
        if MARK_PREFIX in text:  # from an extension that copied text after the cleanup
            text = strip_marks(text)
        if conversion.styled and conversion.options.css:
            text = f"<style>{stylesheet()}</style>\n{text}"
        return text


@cache
def stylesheet() -> str:
    """The package's stylesheet, as one line of CSS with its comments left out."""
    css = resources.files("smtpcodes").joinpath("data/smtpcodes.css").read_text("utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    return " ".join(css.split())
