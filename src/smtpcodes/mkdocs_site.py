"""What the MkDocs plugin reads from the site around a page: its language and its source lines.

Kept apart from the plugin's events so that each rule (which language wins, how many lines
front matter takes, where mkdocs-static-i18n puts a locale's pages) is stated once.
"""

from __future__ import annotations

from bisect import bisect_left
from difflib import SequenceMatcher
from typing import Any, NamedTuple

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from .catalogue import languages


def supported(tag: object) -> str | None:
    """The catalogue language for a site's language tag: ``zh``, ``zh-Hant``, ``zh_CN`` → zh."""
    primary = str(tag or "").replace("_", "-").split("-", 1)[0].lower()
    return primary if primary in languages() else None


class I18nBuild(NamedTuple):
    """The locale mkdocs-static-i18n is building, which it rebuilds the whole site for."""

    locale: str
    default: str
    folder: bool  # docs/<locale>/page.md rather than page.<locale>.md

    @property
    def prefix(self) -> str:
        """Where this locale's pages go in the site: nowhere special for the default one."""
        return "" if self.locale == self.default else f"{self.locale}/"


def i18n_build(config: MkDocsConfig) -> I18nBuild | None:
    """The locale being built, when the site uses mkdocs-static-i18n."""
    plugin: Any = config.plugins.get("i18n")
    locale = getattr(plugin, "current_language", None)
    if not locale:
        return None
    structure = getattr(plugin.config, "docs_structure", "suffix")
    return I18nBuild(str(locale), str(plugin.default_language or locale), structure == "folder")


def site_language(config: MkDocsConfig, fallback: str = "en") -> str:
    """The language the site is being built in, as far as the catalogue has it.

    The i18n plugin's locale first (it rebuilds the site once per locale), then the theme's:
    Material's ``theme.language``, or ``theme.locale`` of MkDocs' own themes.
    """
    build = i18n_build(config)
    candidates = [build.locale if build else None,
                  config.theme.get("language"), config.theme.get("locale")]
    for candidate in candidates:
        lang = supported(candidate)
        if lang:
            return lang
    return fallback


#: Lines SequenceMatcher may compare in the changed middle of a page: its cost grows with the
#: product of both sides' lengths, so past this a changed middle is one block.
_DIFF_BUDGET = 1_000_000


class SourceLines:
    """Where each line of the Markdown that MkDocs converts stands in the page's file.

    MkDocs strips front matter, and plugins that run before the conversion may change the
    text: mkdocs-include-markdown-plugin inlines files, mkdocs-macros expands templates. A line
    the file has is found at its place, and so is a shortcode written in a template another
    plugin expanded; other lines such a plugin put in stand for the first line of what they
    replaced.
    """

    def __init__(self, file: File, markdown: str) -> None:
        try:
            raw = file.content_string.replace("\r\n", "\n").replace("\r", "\n")
        except (OSError, UnicodeDecodeError, AssertionError):
            raw = markdown
        body, _ = get_data(raw)
        self.offset = raw.count("\n") - body.count("\n") if raw.endswith(body) else 0
        self._file = body.split("\n")
        self._found: dict[tuple[str, int], list[int]] = {}
        self._blocks = None if body == markdown else _blocks(self._file, markdown.split("\n"))

    def __call__(self, line: int, text: str = "") -> tuple[int, bool]:
        """The file's line for line ``line`` (1-based) of the converted text, which holds
        ``text``, and whether it is that line itself rather than the place where another
        plugin put the text."""
        for start, end, first, last, same in self._blocks or ():
            if start < line <= end:
                if same:
                    return self.offset + first + line - start, True
                found = self._holding(text, first, last)
                if not found:
                    return self.offset + first + 1, False
                # Of the lines that hold it, the one at about the same place in the block.
                guess = first + (line - 1 - start) * (last - first) / (end - start)
                at = bisect_left(found, guess)
                near = min(found[max(at - 1, 0):at + 1], key=lambda n: abs(n - guess))
                return self.offset + near + 1, True
        return self.offset + line, True

    def _holding(self, text: str, first: int, last: int) -> list[int]:
        """The file's lines from ``first`` to ``last`` that hold ``text``, found once."""
        key = (text, first)
        if key not in self._found:
            self._found[key] = [n for n in range(first, last) if text and text in self._file[n]]
        return self._found[key]


def _blocks(file: list[str], converted: list[str]) -> list[tuple[int, int, int, int, bool]]:
    """Runs of converted lines as ``(start, end, first, last, same)``: lines ``start`` to
    ``end`` (0-based, end excluded) are the file's from ``first`` on if ``same``, else stand
    for the file's lines ``first`` to ``last``."""
    head = 0
    while head < min(len(file), len(converted)) and file[head] == converted[head]:
        head += 1
    tail = 0
    while (tail < min(len(file), len(converted)) - head
           and file[-1 - tail] == converted[-1 - tail]):
        tail += 1
    old, new = file[head:len(file) - tail], converted[head:len(converted) - tail]
    blocks = [(0, head, 0, head, True)]
    if len(old) * len(new) <= _DIFF_BUDGET:
        # Blank lines are no landmarks: matched first, they would pair unrelated text.
        matcher = SequenceMatcher(lambda text: not text.strip(), old, new)
        blocks += [(head + j1, head + j2, head + i1, head + i2, tag == "equal")
                   for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    else:
        blocks.append((head, head + len(new), head, head + len(old), False))
    blocks.append((len(converted) - tail, len(converted), len(file) - tail, len(file), True))
    return [block for block in blocks if block[0] < block[1]]
