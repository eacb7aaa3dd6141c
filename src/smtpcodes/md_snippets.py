"""Which file and line each line comes from after ``pymdownx.snippets`` inlined its includes.

Snippets expands ``--8<-- "file.md"`` in a preprocessor that runs before the extension sees
the page, so a problem inside an included file would be blamed on the including page and
every later line shifted. ``SnippetTrace`` wraps the preprocessor's ``parse_snippets`` (one
call per file, nested for nested includes) and its ``read_lines``, and works out from each
call's input and output where every output line comes from: the lines of the file itself
keep their order, and each nested include's lines sit where its notation line stood.

pymdown-extensions before 13 (the newest for Python 3.10) has neither ``read_lines`` nor
``get_syntax_mask``: the trace then reads each included file itself, as snippets does, and
finds the notation lines with the preprocessor's own patterns.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from .md_source import Origin

_Expansion = tuple[list[str], list[Origin]]


class SnippetTrace:
    """Records, for the latest run of one snippets preprocessor, the origin of each line."""

    def __init__(self, preprocessor: Any) -> None:
        self._pre = preprocessor
        self._parse: Callable[..., list[str]] = preprocessor.parse_snippets
        self._mask: Callable[..., list[bool]] | None = getattr(
            preprocessor, "get_syntax_mask", None)
        self._frames: list[list[_Expansion]] = []
        self._files: dict[str, list[str]] = {}
        #: The page as snippets returned it, with each line's origin; None until it ran.
        self.result: _Expansion | None = None
        preprocessor.parse_snippets = self._traced_parse
        read: Callable[[str], list[str]] | None = getattr(preprocessor, "read_lines", None)
        self._reads_itself = read is None
        if read is not None:
            preprocessor.read_lines = lambda path: self._keep(path, read(path))

    @classmethod
    def attach(cls, preprocessor: Any) -> SnippetTrace | None:
        """The trace of ``preprocessor``, made on first use; None if it is not snippets'."""
        trace = getattr(preprocessor, "_smtpcodes_trace", None)
        if trace is None and hasattr(preprocessor, "parse_snippets"):
            trace = cls(preprocessor)
            preprocessor._smtpcodes_trace = trace
        return trace

    def start(self) -> None:
        self.result = None
        self._files = {}

    @property
    def files_with_bom(self) -> set[str]:
        return {path for path, lines in self._files.items() if lines and lines[0][:1] == "\ufeff"}

    def _keep(self, path: str, lines: list[str]) -> list[str]:
        self._files[path] = lines
        return lines

    def _read_before_13(self, path: str) -> None:
        """Read an included file as snippets before version 13 does, for its line numbers."""
        try:
            with open(path, encoding=self._pre.encoding) as file:
                text = file.read()
        except (OSError, UnicodeDecodeError, LookupError):
            return  # a URL, or a file snippets could not read either
        self._files[path] = text.split("\n") if text else []

    def _traced_parse(self, lines: list[str], file_name: str | None = None, *args: Any,
                      **kwargs: Any) -> list[str]:
        if self._reads_itself and file_name and file_name not in self._files:
            self._read_before_13(file_name)
        self._frames.append([])
        try:
            output = self._parse(lines, file_name, *args, **kwargs)
        finally:
            nested = self._frames.pop()
        is_section = bool(kwargs.get("is_section", args[1] if len(args) > 1 else False))
        origins = self._origins(lines, file_name, output, nested, is_section)
        if self._frames:
            self._frames[-1].append((output, origins))
        else:
            self.result = (output, origins)
        return output

    def _origins(self, lines: list[str], file_name: str | None, output: list[str],
                 nested: list[_Expansion], is_section: bool) -> list[Origin]:
        """Walk the input: content lines come out one each, notation lines make way for the
        nested includes whose (indented) lines come out next."""
        numbers = self._line_numbers(lines, file_name)
        notation = self._notation(lines, is_section)
        pending = deque(nested)
        origins: list[Origin] = []
        for index, is_notation in enumerate(notation):
            if not is_notation:
                origins.append(Origin(file_name, numbers[index]))
                continue
            while pending and _fits(output, len(origins), pending[0][0]):
                child_lines, child_origins = pending.popleft()
                if child_lines:
                    indent = len(output[len(origins)]) - len(child_lines[0])
                    origins += [o._replace(indent=o.indent + indent) for o in child_origins]
        while pending:  # what the walk could not place goes where it stands, in order
            origins += pending.popleft()[1]
        return origins[:len(output)] if len(origins) >= len(output) else [
            *origins, *[Origin(file_name, 0)] * (len(output) - len(origins))]

    def _notation(self, lines: list[str], is_section: bool) -> list[bool]:
        if self._mask is not None:
            return self._mask(lines, is_section=is_section)
        return _notation_before_13(self._pre, lines, is_section)

    def _line_numbers(self, lines: list[str], file_name: str | None) -> list[int]:
        """1-based line numbers in the file of the lines snippets selected from it: the whole
        file, or line ranges and sections, possibly dedented."""
        whole = self._files.get(file_name) if file_name else None
        if whole is None or lines is whole:
            return list(range(1, len(lines) + 1))
        numbers, cursor = [], 0
        for line in lines:
            text = line.strip()
            found = cursor
            while found < len(whole) and whole[found].strip() != text:
                found += 1
            if found < len(whole):
                cursor = found + 1
                numbers.append(cursor)
            else:
                numbers.append(min(cursor + 1, len(whole)))
        return numbers


def _notation_before_13(pre: Any, lines: list[str], is_section: bool) -> list[bool]:
    """Which lines are snippet notation, by the rules ``get_syntax_mask`` states in 13: a
    marker line not escaped with ``;``, every line of a block, a section marker outside one."""
    mask: list[bool] = []
    block = False
    for line in lines:
        marker = pre.RE_ALL_SNIPPETS.match(line)
        if marker is not None:
            escaped = bool(marker.group("escape"))
            block ^= not escaped and not marker.group("inline_marker")
            mask.append(not escaped)
        else:
            section = None if block or is_section else pre.RE_SNIPPET_SECTION.match(line)
            mask.append(block or bool(section and not section.group("escape")))
    return mask


def _fits(output: list[str], start: int, child: list[str]) -> bool:
    """Whether ``child``'s lines, each perhaps indented, stand in ``output`` from ``start``."""
    end = start + len(child)
    return end <= len(output) and all(
        out.endswith(line) for out, line in zip(output[start:end], child, strict=True))
