"""``smtpcodes check-docs``: find bad shortcodes in Markdown files before the docs build does.

It converts each file with the real extension (and the code-block extensions a MkDocs site
usually has), so shortcodes in code blocks, code spans and escapes are skipped exactly as in
the build.
"""

from __future__ import annotations

import importlib.util
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

import markdown

from . import printable
from .catalogue import Catalogue
from .markdown_ext import Problem, SMTPCodesExtension

_BASE = ["tables", "admonition", "attr_list", "md_in_html", "footnotes", "def_list"]
_PYMDOWN = ["pymdownx.superfences", "pymdownx.details", "pymdownx.tabbed"]


class Finding(NamedTuple):
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        """One line, whatever the page or the catalogue put in the message or the path."""
        return printable.one_line(f"{self.path}:{self.line}:{self.column}: {self.message}")


def _extensions() -> list[str]:
    extra = _PYMDOWN if importlib.util.find_spec("pymdownx") else ["fenced_code"]
    return _BASE + extra


def check_text(text: str, path: str, catalogue: Catalogue | None = None) -> list[Finding]:
    """Every problem the extension reports for one document, with line and column."""
    custom = catalogue.custom_path if catalogue else None
    ext = SMTPCodesExtension(catalogue=custom or "")
    found: list[Problem] = []
    ext.reporter = found.append
    markdown.Markdown(extensions=[*_extensions(), ext]).convert(text)
    return [Finding(path, p.line or 1, p.column or 1, p.message) for p in found]


def markdown_files(paths: Iterable[str], skipped: Callable[[str], None]) -> Iterator[Path]:
    """The files themselves, and every ``*.md`` / ``*.markdown`` below a directory.

    Only regular files are read: a FIFO or a device named ``*.md`` would block the check or
    never end, so each is passed to ``skipped`` with the reason instead.
    """
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in (".md", ".markdown"))
        else:
            found = [path]
        for each in found:
            try:
                mode = each.stat().st_mode
            except OSError:
                yield each  # reading it reports why it cannot be read
                continue
            if stat.S_ISREG(mode):
                yield each
            elif not stat.S_ISDIR(mode):
                skipped(f"skipping {each}: not a regular file")


def check_paths(paths: Iterable[str], catalogue: Catalogue | None = None,
                skipped: Callable[[str], None] = lambda message: None) -> list[Finding]:
    findings: list[Finding] = []
    for path in markdown_files(paths, skipped):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            findings.append(Finding(str(path), 1, 1, f"cannot read file: {error}"))
            continue
        findings += check_text(text, str(path), catalogue)
    return findings
