"""Text made safe to print: control characters shown as escapes, never sent raw.

Catalogue files and Markdown pages come from other people. Raw, an ESC could retitle a
terminal window, plant a hyperlink or clear the screen; a carriage return could hide what came
before it; a line break could forge an extra ``file:line: message`` line for a tool that reads
the report. Every C0 and C1 control character, DEL and the Unicode line and paragraph
separators are shown as ``\\x1b`` or ``\\u2028``, as ``repr`` would; so are the bidirectional
embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which would make a terminal
show the rest of a line in an order other than the bytes' ("Trojan Source").
"""

from __future__ import annotations

#: The bidirectional formatting characters that reorder what follows them.
BIDI = frozenset(chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
_CONTROLS = (*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, *map(ord, sorted(BIDI)))
_ONE_LINE = {code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
             for code in _CONTROLS}
_LINES = {code: escape for code, escape in _ONE_LINE.items() if code != 0x0A}
_JSON = {code: f"\\u{code:04x}"
         for code in (*range(0x7F, 0xA0), 0x2028, 0x2029, *map(ord, BIDI))}


def one_line(text: str) -> str:
    """For a line of a report: line breaks are escaped too."""
    return text.translate(_ONE_LINE)


def lines(text: str) -> str:
    """For a block of output lines: only the line breaks stay."""
    return text.translate(_LINES)


def json_text(text: str) -> str:
    """For JSON already serialised with ``ensure_ascii=False``: it escapes C0 itself but leaves
    DEL, the C1 range (which holds an 8-bit CSI, ``\\x9b``), the line separators and the
    bidirectional overrides raw."""
    return text.translate(_JSON)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: East Asian wide and full-width characters take two."""
    if text.isascii():
        return len(text)
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(char) in "WF" else 1 for char in text)
