"""Where each shortcode of a page stands in the files the author wrote.

Python-Markdown keeps no source positions, so the extension tags every ``<smtp:`` of the page
with a marker, ``<smtp:\\x02s7\\x03553>``, whose number leads to the occurrence's file, line
and column, worked out only for the occurrences that have a problem to report. Tagging happens
on the preprocessed lines, after fenced code has been stashed (so no highlighter ever sees a
marker) and before raw HTML is: markers then travel with the text into inline processing, raw
HTML blocks, attributes and code spans, and each problem is reported at its own occurrence.
The extension strips every marker before output.

To number lines the way the author's editor does, the lines seen at tagging time are traced
back through the preprocessors before them: fenced blocks collapsed into placeholders, front
matter removed by ``meta``, Python-Markdown's whitespace normalisation (tabs expanded, ``\\r``
line ends), ``pymdownx.snippets`` includes (see ``md_snippets``), a UTF-8 byte order mark.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from operator import add
from typing import NamedTuple

from markdown.util import HTML_PLACEHOLDER_RE

#: What stands right after ``<smtp:`` to name the occurrence.
MARK_PREFIX = "\x02s"
MARK = re.compile(r"\x02s([0-9]+)\x03")
_MARK_TEXT = MARK_PREFIX + "{}\x03"
#: An opener, in any letter case.
OPENER = re.compile(r"<[sS][mM][tT][pP]:")
#: An opener that gets a marker: not a URL (``<smtp://host>``, which Python-Markdown 3.11+
#: links and older versions keep as the author's inline HTML: left to Markdown on every
#: version, since no code starts with ``//``) nor a mail address (``<smtp:user@host>``, whose
#: ``smtp:`` is part of the address). Anything else, such as ``<smtp:/x>`` or
#: ``<smtp://h/<smtp:553>>``, is a shortcode to report at its place.
_TAGGED = re.compile(r"(<[sS][mM][tT][pP]:)(?!//[^<>]*>|[^<> !]*@[^@<> ]+>)")
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")
_BOM = "\ufeff"


class Origin(NamedTuple):
    """Where one line of the expanded page comes from: ``path`` None means the page itself."""

    path: str | None
    line: int  # 1-based, in that file
    indent: int = 0  # columns that an include's indentation added in front


class Position(NamedTuple):
    """A shortcode's place in the author's file: ``path`` None is the page being converted."""

    path: str | None
    line: int
    column: int


def strip_marks(text: str) -> str:
    """``text`` without any occurrence marker."""
    return MARK.sub("", text) if MARK_PREFIX in text else text


class SourceMap:
    """Positions of one conversion's shortcodes, numbered by their markers."""

    def __init__(self, page: list[str], tab_length: int) -> None:
        self._page = page
        self._tab_length = tab_length
        #: The page after includes were expanded, and where each of its lines comes from.
        self._expanded = page
        self._origins: list[Origin] | None = None
        self._bom_files: set[str | None] = {None} if page and page[0].startswith(_BOM) else set()
        #: How many openers were tagged: markers are numbered from 0.
        self.count = 0
        #: For each tagged line: its first marker's number, where it comes from, its text.
        self._firsts: list[int] = []
        self._lines: list[tuple[tuple[int, int, int], str]] = []
        self._found: dict[int, list[Position]] = {}

    def expanded(self, lines: list[str], origins: list[Origin], bom_files: set[str]) -> None:
        """Record what ``pymdownx.snippets`` made of the page, line by line."""
        if len(lines) == len(origins):
            self._expanded, self._origins = lines, origins
            self._bom_files |= bom_files

    def tag(self, normalised: list[str], lines: list[str]) -> list[str]:
        """``lines`` with every opener tagged; ``normalised`` are the same lines before
        fenced code was stashed and front matter removed (right after whitespace
        normalisation)."""
        wanted = _opener_lines(lines)
        if not wanted:
            return lines
        to_expanded = self._normalised_origins(normalised)
        aligned = {index: index for index in wanted} if lines == normalised else _aligned(
            lines, normalised, set(wanted))
        for index in wanted:
            lines[index] = self._tag_line(lines[index], to_expanded(aligned[index]))
        return lines

    def _tag_line(self, line: str, where: tuple[int, int, int]) -> str:
        """``line`` with a numbered marker after each opener: split and joined by the regex
        engine, so that thousands of openers on a line cost little more than plain text."""
        parts = _TAGGED.split(line)
        count = len(parts) // 2
        if count:
            first = self.count
            self._firsts.append(first)
            self._lines.append((where, line))
            parts[1::2] = map(add, parts[1::2], map(_MARK_TEXT.format, range(first, first + count)))
            self.count += count
        return "".join(parts)

    def position(self, occurrence: int) -> Position | None:
        """Where marker number ``occurrence`` stands; the positions of a line are worked out
        together, in one walk, when one of them is first asked for."""
        if not 0 <= occurrence < self.count:
            return None
        slot = bisect_right(self._firsts, occurrence) - 1
        found = self._found.get(slot)
        if found is None:
            where, line = self._lines[slot]
            index, offset, _ = where
            columns = _Columns(self._expanded[index][offset:], self._tab_length)
            found = self._found[slot] = [self._position(where, columns.index(opener.start()))
                                         for opener in _TAGGED.finditer(line)]
        return found[occurrence - self._firsts[slot]]

    def _position(self, where: tuple[int, int, int], character: int) -> Position:
        """The file position of ``character`` (0-based, in the expanded line)."""
        index, offset, breaks = where
        origin = self._origins[index] if self._origins else Origin(None, index + 1)
        character -= origin.indent
        if origin.line == 1 and not offset and origin.path in self._bom_files and character:
            character -= 1
        return Position(origin.path, origin.line + breaks, max(character, 0) + 1)

    def _normalised_origins(self, normalised: list[str]
                            ) -> Callable[[int], tuple[int, int, int]]:
        """For a normalised line: the expanded line it comes from, where in it the line
        starts, and how many lone ``\\r`` line breaks (which editors count) came before.

        Python-Markdown's normalisation adds two empty lines at the end and turns a lone
        ``\\r`` into a line break; without such a ``\\r`` lines correspond one to one.
        """
        last = len(self._expanded) - 1
        if len(normalised) == len(self._expanded) + 2:
            return lambda index: (min(index, last), 0, 0)
        result: list[tuple[int, int, int]] = []
        breaks = 0
        for index, text in enumerate(self._expanded):
            body = text[:-1] if text.endswith("\r") else text
            start = 0
            for number, part in enumerate(body.split("\r")):
                breaks += bool(number)
                result.append((index, start, breaks))
                start += len(part) + 1
        result += [(last, 0, breaks)] * max(0, len(normalised) - len(result))
        return result.__getitem__


class _Columns:
    """Indexes in one expanded line of normalised columns asked for in increasing order: tabs
    were expanded, and the characters Python-Markdown reserves for placeholders (STX, ETX)
    removed. One walk serves every opener of the line, so a long line costs linear time."""

    def __init__(self, text: str, tab_length: int) -> None:
        self._text = text
        self._tab_length = tab_length
        self._plain = "\t" not in text and "\x02" not in text and "\x03" not in text
        self._index = self._width = 0

    def index(self, column: int) -> int:
        if self._plain:
            return column
        text, index, width = self._text, self._index, self._width
        while index < len(text) and width < column:
            char = text[index]
            if char == "\t":
                width += self._tab_length - width % self._tab_length
            elif char not in "\x02\x03":
                width += 1
            index += 1
        self._index, self._width = index, width
        return index


def _opener_lines(lines: list[str]) -> list[int]:
    """Indexes of the lines that hold an opener, found with one search per such line."""
    text = "\n".join(lines)
    found: list[int] = []
    line = last = 0
    opener = OPENER.search(text)
    while opener is not None:
        line += text.count("\n", last, opener.start())
        found.append(line)
        last = text.find("\n", opener.end())
        if last < 0:
            break
        opener = OPENER.search(text, last)
    return found


def _aligned(lines: list[str], normalised: list[str], wanted: set[int]) -> dict[int, int]:
    """For the ``wanted`` lines: the normalised line each one was, walking both in order.

    Between the two, preprocessors only removed lines (front matter) or collapsed a fenced
    block into one placeholder line: after a placeholder the fence is skipped whole, so a
    line that the fenced example repeats is not taken for the example.
    """
    found: dict[int, int] = {}
    cursor, total = 0, len(normalised)
    for index, line in enumerate(lines):
        if not line:
            continue
        if cursor < total and normalised[cursor] == line:
            match = cursor
        elif "\x02" in line and HTML_PLACEHOLDER_RE.fullmatch(line.strip()):
            cursor = _after_fence(normalised, cursor)
            continue
        else:
            try:
                match = normalised.index(line, cursor, cursor + 100_000)
            except ValueError:  # changed by a preprocessor: most likely the next line
                if index in wanted:
                    found[index] = min(cursor, total - 1)
                continue
        if index in wanted:
            found[index] = match
        cursor = match + 1
    return found


def _after_fence(lines: list[str], cursor: int) -> int:
    """The index after the fenced block that starts at ``cursor`` (after blank lines)."""
    while cursor < len(lines) and not lines[cursor].strip():
        cursor += 1
    opening = _FENCE.match(lines[cursor]) if cursor < len(lines) else None
    if opening is None:
        return cursor
    fence = opening.group(1)
    for index in range(cursor + 1, len(lines)):
        closing = _FENCE.match(lines[index])
        if (closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence)
                and not lines[index][closing.end():].strip()):
            return index + 1
    return len(lines)
