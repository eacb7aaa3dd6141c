"""``smtpcodes check-docs``: find bad shortcodes in Markdown files before the docs build does.

It converts each file with the real extension (and the code-block extensions a MkDocs site
usually has), so shortcodes in code blocks, code spans and escapes are skipped exactly as in
the build.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

import markdown

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
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


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


def markdown_files(paths: Iterable[str]) -> Iterator[Path]:
    """The files themselves, and every ``*.md`` / ``*.markdown`` below a directory."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in (".md", ".markdown"))
        else:
            yield path


def check_paths(paths: Iterable[str], catalogue: Catalogue | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for path in markdown_files(paths):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            findings.append(Finding(str(path), 1, 1, f"cannot read file: {error}"))
            continue
        findings += check_text(text, str(path), catalogue)
    return findings
