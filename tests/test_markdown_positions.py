"""Every problem at its own occurrence: file, line and column as the author's editor shows them."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from smtpcodes.markdown_ext import Problem, SMTPCodesExtension
from test_markdown import problems_of


def places(source: str, extensions: list[object] | None = None) -> list[tuple[int | None, ...]]:
    return [(p.line, p.column) for p in problems_of(source, extensions)[1]]


@pytest.mark.parametrize("source, expected", [
    # a comment before the real one, as a block and inline: only the real one is reported
    ("<!-- TODO <smtp:559> -->\n\nReal <smtp:559> here.\n", [(3, 6)]),
    ("Text <!-- <smtp:559> --> then <smtp:559>.\n", [(1, 31)]),
    # an image description holds one that cannot be expanded: both at their own place
    ("![a <smtp:559>](x.png) then <smtp:559>\n", [(1, 5), (1, 29)]),
    # inline HTML with one in an attribute
    ("<b title='<smtp:559>'>x</b> <smtp:559>\n", [(1, 11), (1, 29)]),
    # a UTF-8 byte order mark is not a column; tabs count as one column each
    ("\ufeffA <smtp:559> b\n", [(1, 3)]),
    ("a\t<smtp:559>\n", [(1, 3)]),
    # a fenced example that repeats the line right after it
    ("```\n<smtp:559>\n```\n<smtp:559>\n", [(4, 1)]),
    ("Text\n\n```markdown\n<smtp:559>\n```\n\n<smtp:559>\n", [(7, 1)]),
    # code spans, escapes and indented code are skipped, the real one counted
    ("`<smtp:559>` and \\<smtp:559> and <smtp:559>\n", [(1, 34)]),
    ("Para\n\n    <smtp:559>\n\n<smtp:559>\n", [(5, 1)]),
    # a shortcode wrapped across two lines is reported where it starts
    ("x\n\nsee <smtp:550\n4.1.1> here\n", [(3, 5)]),
    # Windows and old Mac line ends
    ("a\r\n\r\nb <smtp:559>\r\n", [(3, 3)]),
    ("a\r\rb <smtp:559>\r", [(3, 3)]),
])
def test_problems_at_their_own_occurrence(source: str, expected: list[tuple[int, int]]) -> None:
    assert places(source, ["fenced_code", "md_in_html"]) == expected


def test_problems_come_in_page_order_whatever_the_processing_order() -> None:
    """Python-Markdown handles nested list items after later paragraphs; reports do not."""
    source = ("- a\n    - b <smtp:6.0.1>\n\n> quote <smtp:6.0.2>\n\n"
              "End <smtp:6.0.3> [x <smtp:6.0.4>](u)\n")
    assert places(source) == [(2, 9), (4, 9), (6, 5), (6, 21)]


def test_raw_html_blocks_report_at_their_place() -> None:
    source = ("Intro\n\n<div>\n<p><smtp:553> and <b title='<smtp:554>'>x</b></p>\n"
              "<!-- <smtp:555> -->\n<script>var s = '<smtp:556>';</script>\n</div>\n\n"
              "After <smtp:559>\n")
    html, found = problems_of(source)
    assert [(p.line, p.column, p.source) for p in found] == [
        (4, 4, "<smtp:553>"), (4, 29, "<smtp:554>"), (9, 7, "<smtp:559>")]
    assert "inside raw HTML" in found[0].message and "inside an HTML tag" in found[1].message
    assert "&lt;smtp:553&gt;" in html and "title='<smtp:554>'" in html
    assert "<!-- <smtp:555> -->" in html and "'<smtp:556>'" in html


def test_front_matter_offset_and_path_from_begin_page() -> None:
    ext = SMTPCodesExtension(css=False)
    found: list[Problem] = []
    ext.reporter = found.append
    md = markdown.Markdown(extensions=[ext])
    ext.begin_page("guide/page.md", 5)
    md.convert("# Title\n\nSee <smtp:559>.\n")
    assert [(p.path, p.line, p.column) for p in found] == [("guide/page.md", 8, 5)]


@pytest.fixture
def snippets(tmp_path: Path) -> Path:
    (tmp_path / "inc.md").write_text("Included\n\nIn the include <smtp:6.0.1>.\n", "utf-8")
    (tmp_path / "parts.md").write_text(
        "first\n<smtp:6.0.2>\n--8<-- [start:part]\npart <smtp:6.0.3>\n--8<-- [end:part]\n",
        "utf-8")
    (tmp_path / "nest.md").write_text("Outer\n\n--8<-- \"inc.md\"\n\nAfter <smtp:6.0.4>\n", "utf-8")
    return tmp_path


def test_snippet_lines_name_the_snippet_file_and_later_lines_do_not_shift(
        snippets: Path) -> None:
    ext = SMTPCodesExtension(css=False)
    found: list[Problem] = []
    ext.reporter = found.append
    md = markdown.Markdown(extensions=[ext, "admonition", "pymdownx.snippets"],
                           extension_configs={"pymdownx.snippets": {"base_path": [str(snippets)]}})
    ext.begin_page("page.md", 2)
    md.convert('Top <smtp:6.1.1>\n\n--8<-- "inc.md"\n\n!!! note\n    --8<-- "inc.md"\n\n'
               '--8<-- "parts.md:part"\n\n--8<-- "nest.md"\n\nEnd <smtp:6.1.2>\n')
    where = [(Path(p.path).name if p.path else None, p.line, p.column) for p in found]
    assert where == [("page.md", 3, 5), ("inc.md", 3, 16), ("inc.md", 3, 16),
                     ("parts.md", 4, 6), ("inc.md", 3, 16), ("nest.md", 5, 7),
                     ("page.md", 14, 5)]


def test_block_and_escaped_snippet_notation_count_as_the_notation_they_are(
        snippets: Path) -> None:
    ext = SMTPCodesExtension(css=False)
    found: list[Problem] = []
    ext.reporter = found.append
    md = markdown.Markdown(extensions=[ext, "pymdownx.snippets"],
                           extension_configs={"pymdownx.snippets": {"base_path": [str(snippets)]}})
    html = md.convert('--8<--\ninc.md\nparts.md:part\n--8<--\n\n;--8<-- "inc.md"\n\n'
                      "End <smtp:6.1.2>\n")
    assert '<p>--8&lt;-- "inc.md"</p>' in html
    where = [(Path(p.path).name if p.path else None, p.line, p.column) for p in found]
    assert where == [("inc.md", 3, 16), ("parts.md", 4, 6), (None, 8, 5)]


def test_shortcodes_in_other_extensions_attributes_are_reported() -> None:
    source = ("*[SMTP]: Simple <smtp:553> protocol\n\nSMTP and <smtp:559>\n\n"
              "Text[^1]\n\n[^1]: Note <smtp:558>\n")
    html, found = problems_of(source, ["abbr", "footnotes"])
    assert [(p.line, p.column) for p in found] == [(1, 17), (3, 10), (7, 12)]
    assert "inside the title attribute" in found[0].message
    assert 'title="Simple &lt;smtp:553&gt; protocol"' in html
