"""Hostile and broken input: nothing escapes the author's HTML, nothing is swallowed, and time
stays linear (compared with plain Python-Markdown on the same input, in the same run)."""

from __future__ import annotations

import importlib.util
import itertools
import logging
import os
import re
from pathlib import Path
from types import ModuleType

import markdown
import pytest
from markdown.inlinepatterns import HTML_RE

from htmltree import find_class, parse, text
from smtpcodes import check_docs, md_inline, md_render
from smtpcodes.md_cache import Memo
from test_markdown import problems_of
from timing import best_cpu, time_limit

PLACEHOLDER_CHARS = ("\x02", "\x03")


def plain(source: str, extensions: list[str] | None = None) -> str:
    return markdown.Markdown(extensions=extensions or []).convert(source)


def assert_clean(html: str, messages: list[str]) -> None:
    for piece in [html, *messages]:
        assert not any(c in piece for c in PLACEHOLDER_CHARS), repr(piece)
        assert "klzzwxh" not in piece and "wzxhzdk" not in piece, repr(piece)


# --- an unclosed opener swallows nothing -------------------------------------------------------

@pytest.mark.parametrize("after", [
    "as in `<smtp:553>`.", "see [the list](https://example.com/x).", "or <https://example.com>.",
    "mail <me@example.com>.", r"with \*stars\* and \`ticks\`.", "with *emphasis* and **more**.",
    "with &amp; and &copy;.",
])
def test_unclosed_opener_leaves_what_follows_as_plain_markdown(after: str) -> None:
    source = f"The opener <smtp: starts a shortcode, {after}\n"
    html, found = problems_of(source)
    assert html == plain(source)
    assert_clean(html, [p.message for p in found])
    assert [(p.line, p.column) for p in found] == [(1, 12)]
    assert found[0].message.startswith("unclosed shortcode '<smtp: starts a shortcode")


def test_many_unclosed_openers_stay_text() -> None:
    source = "<smtp:" * 50 + " and `code` <smtp:553"
    html, found = problems_of(source)
    assert html == plain(source)
    assert len(found) == 51 and [p.column for p in found[:3]] == [1, 7, 13]


# --- no escape out of an HTML attribute --------------------------------------------------------

TAGS = ["span", "a", "img", "div", "abbr"]
QUOTES = ["'", '"', ""]
BODIES = ["553", "559 onmouseover=alert(1)//", "553\" onclick=\"alert(1)", "5.1.1' x='y",
          "550 5.1.1", "235 vs 553"]
#: Python-Markdown 3.11+ reads a tag as browsers do (a ``<`` or ``>`` in a quoted value is part of
#: the value); before, it re-reads a tag around tag-like text it stashed and puts a backslash in
#: front of that text, so plain Markdown is a reference for these pages only from 3.11 on.
QUOTE_AWARE_MARKDOWN = markdown.__version_info__ >= (3, 11)


def _tag(tag: str, quote: str, body: str) -> str:
    attribute = "href" if tag == "a" else "src" if tag == "img" else "title"
    return f"x <{tag} {attribute}={quote}<smtp:{body}>{quote} class=k>y</{tag}> z"


def _as_read(source: str, quote: str) -> str:
    """The author's HTML of a ``_tag`` page, read quote-aware: with quotes, the tag as written;
    without, no tag (an unquoted value cannot hold ``<``)."""
    return f"<p>{source}</p>" if quote else "<p></p>"


def _structure(html: str) -> list[tuple[str, dict[str, str]]]:
    """The author's elements: without ours, and without the unknown ``smtp:…`` elements that
    plain Markdown makes of shortcodes standing outside any tag."""
    return [(el.tag, dict(el.attrib)) for el in parse(html, strict=False).iter()
            if not el.get("class", "").startswith("smtp") and not el.tag.startswith("smtp:")]


def _handlers(html: str) -> set[tuple[str, str]]:
    return {(el.tag, name) for el in parse(html, strict=False).iter() for name in el.attrib
            if name.startswith("on")}


@pytest.mark.parametrize("tag, quote, body", list(itertools.product(TAGS, QUOTES, BODIES)))
def test_shortcode_in_an_inline_html_attribute_leaves_the_tag_as_plain_markdown(
        tag: str, quote: str, body: str) -> None:
    source = _tag(tag, quote, body)
    html, found = problems_of(source)
    reference = _as_read(source, quote)
    if QUOTE_AWARE_MARKDOWN:
        assert _structure(plain(source)) == _structure(reference)
    assert _structure(html) == _structure(reference)
    assert _handlers(html) <= _handlers(reference)
    assert_clean(html, [p.message for p in found])
    if quote:  # the tag is the author's HTML, as written: its shortcode is reported
        assert html == reference
        assert found and found[0].column == source.index("<smtp:") + 1
        assert "inside an HTML tag is not expanded" in found[0].message
    else:  # no tag: the shortcode stands in text
        assert find_class(parse(html, strict=False), "smtp-chip") + find_class(
            parse(html, strict=False), "smtp-error")


def test_attack_from_the_issue_gives_no_event_handler() -> None:
    source = "x <span title='<smtp:559 onmouseover=alert(1)//>'>y</span>"
    html, found = problems_of(source)
    assert html == f"<p>{source}</p>"
    if QUOTE_AWARE_MARKDOWN:
        assert html == plain(source)
    span = next(parse(html).iter("span"))
    assert span.attrib == {"title": "<smtp:559 onmouseover=alert(1)//>"}
    assert [(p.line, p.column) for p in found] == [(1, 16)]


def test_a_first_gt_inside_a_quoted_value_does_not_end_the_tag() -> None:
    source = 'x <a title="a>b" href="<smtp:559 onmouseover=alert(1)//>">y</a>'
    html, found = problems_of(source)
    assert html == f"<p>{source}</p>" and not _handlers(html)
    assert [(p.line, p.column) for p in found] == [(1, 24)]


@pytest.mark.skipif(not QUOTE_AWARE_MARKDOWN, reason="compares with Markdown 3.11+'s pattern")
def test_the_guard_reads_a_tag_where_markdown_3_11_reads_one() -> None:
    pieces = [" ", "\n", "b", "=", "'v'", '"v"', "'", '"', "<", ">", "/", "@", '"a>b"']
    ours, theirs = re.compile(md_inline.QUOTED_TAG), re.compile(HTML_RE)
    for size in range(5):
        for name, *rest in itertools.product(["a", "/a", "smtp:5"], *[pieces] * size):
            source = f"<{name}{''.join(rest)}>"
            mine, upstream = ours.match(source), theirs.match(source)
            assert (mine and mine.end()) == (upstream and upstream.end()), source


def test_block_html_comment_script_and_attribute_left_alone() -> None:
    source = ("<div title=\"<smtp:553>\">\n<!-- <smtp:554> -->\n"
              "<script>let s = '<smtp:555>';</script>\n</div>\n")
    html, found = problems_of(source)
    assert html == plain(source)
    assert [(p.line, p.column) for p in found] == [(1, 13)]


@pytest.mark.parametrize("source, where", [
    ("Para\n{: title='<smtp:553>' }\n", (2, 11)),
    ('Para\n{ title="<smtp:553>" }\n', (2, 10)),
    ("# Head {: title='<smtp:553>' }\n", (1, 18)),
    ("See *this*{: title='<smtp:553>' } now.\n", (1, 21)),
    ("See [this](https://example.com/x){: title='<smtp:553>' }.\n", (1, 44)),
])
def test_shortcode_in_an_attr_list_leaves_the_attributes_as_plain_markdown(
        source: str, where: tuple[int, int]) -> None:
    html, found = problems_of(source, ["attr_list"])
    assert _structure(html) == _structure(plain(source, ["attr_list"]))
    assert [(p.line, p.column) for p in found] == [where]
    assert "inside an attribute list is not expanded" in found[0].message


def test_braces_in_running_text_are_no_attr_list() -> None:
    html, found = problems_of("See {the reply <smtp:553>} here, and {<smtp:553>}\n", ["attr_list"])
    assert len(find_class(parse(html), "smtp-chip")) == 2 and not found


@pytest.mark.parametrize("source, where", [
    ("See <smtp://h/<smtp:553>> here.\n", (1, 5)), ("See <smtp:/x> here.\n", (1, 5))])
def test_an_opener_that_is_no_autolink_is_reported_at_its_place(
        source: str, where: tuple[int, int]) -> None:
    _, found = problems_of(source)
    assert [(p.line, p.column) for p in found] == [where]


def test_autolinks_and_mail_addresses_stay_links() -> None:
    source = "<smtp://mx.example.com> and <smtp:postmaster@example.com>\n"
    html, found = problems_of(source)
    assert html == plain(source) and not found


# --- time: linear, within 3x plain Python-Markdown ----------------------------------------------

def _bench() -> ModuleType:
    """``bench/markdown_cost.py``, whose hostile pages the time tests share."""
    spec = importlib.util.spec_from_file_location(
        "markdown_cost", Path(__file__).parent.parent / "bench" / "markdown_cost.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


UNKNOWN = [f"5.9.{n}" for n in range(20)]
PAGES: dict[str, str] = {
    **_bench().HOSTILE,
    "a run of tabs": "<smtp:5" + "\t" * 30_000 + "5>",
    "unclosed openers before code": "The opener <smtp: starts `<smtp:553>` here.\n\n" * 2000,
    "attributes": "x <span title='<smtp:559 onmouseover=alert(1)//>'>y</span>\n\n" * 2000,
    "unclosed tags and quotes": "<smtp:553> " + ("<a x='" + '<a y="' + "<a " + "<a b b=c ") * 4000
    + " <smtp:553>\n",
    "one unclosed tag of 50,000 attributes": "<smtp:553> <a" + " b" * 50_000 + " <smtp:553>\n",
}


@pytest.mark.parametrize("name", PAGES)
def test_hostile_page_costs_at_most_3x_plain_markdown(name: str) -> None:
    source = PAGES[name]
    logging.disable(logging.WARNING)
    try:
        with time_limit(60):
            base, ours = best_cpu(lambda: plain(source, ["tables"]),
                                  lambda: problems_of(source, ["tables"]))
    finally:
        logging.disable(logging.NOTSET)
    assert ours <= 3 * max(base, 0.01), f"{name}: {ours:.3f}s vs {base:.3f}s plain"


def test_check_docs_on_a_large_file_of_unknown_codes(tmp_path: Path) -> None:
    lines = [f"Line {i} of the page mentions <smtp:{UNKNOWN[i % 20]}> once." for i in range(4000)]
    path = tmp_path / "big.md"
    path.write_text("\n\n".join(lines), "utf-8")
    assert os.path.getsize(path) > 100_000
    source = path.read_text("utf-8")
    with time_limit(60):
        findings: list[check_docs.Finding] = []
        base, ours = best_cpu(lambda: plain(source, check_docs._extensions()),
                              lambda: findings.extend(check_docs.check_paths([str(path)])))
    assert len(findings) == 3 * 4000 and findings[1].line == 3  # three rounds' findings
    assert ours <= 3 * base, f"{ours:.3f}s vs {base:.3f}s plain"


# --- long-running processes --------------------------------------------------------------------

def test_memo_keeps_few_catalogues_and_bounded_entries() -> None:
    memo: Memo[int] = Memo(catalogues=2, entries=10)
    for catalogue in range(40):
        for key in range(25):
            assert memo.get(catalogue, key, lambda k=key: k) == key
    assert len(memo) <= 2 * 10


def test_catalogue_edits_under_serve_do_not_grow_the_caches(tmp_path: Path) -> None:
    path = tmp_path / "codes.toml"
    md = markdown.Markdown(extensions=["smtpcodes"],
                           extension_configs={"smtpcodes": {"catalogue": str(path)}}
                           ) if _write(path, 0) else None
    assert md is not None
    sizes = []
    for edit in range(1, 41):
        _write(path, edit)
        md.reset()
        html = md.convert("<smtp:559>\n\nSee <smtp:559> and <smtp:553>.\n")
        assert f"Edit {edit}" in text(find_class(parse(html), "smtp-box")[0])
        sizes.append(len(md_render._INLINE) + len(md_render._BOXES))
    assert len(set(sizes[2:])) == 1, sizes  # the two latest catalogues, and nothing more


def _write(path: Path, edit: int) -> bool:
    path.write_text(f'[codes."559"]\nname = "Edit {edit}"\ndescription = "d"\n', "utf-8")
    os.utime(path, ns=(edit * 10**9, edit * 10**9))
    return True


@pytest.mark.parametrize("code", ["`#!python x = <smtp:553>`", "`#!html <smtp:553> and <b>`",
                                  "``<smtp:553> ` <smtp:554>``"])
def test_highlighted_code_spans_are_untouched(code: str) -> None:
    """Code is highlighted before anything else runs: it must see the author's text only."""
    extensions = ["pymdownx.inlinehilite", "pymdownx.highlight"]
    source = f"Real <smtp:553> and {code} here.\n\n    <smtp:553> indented\n"
    html, found = problems_of(source, extensions)
    assert _code_html(html) == _code_html(plain(source, extensions))
    assert len(_code_html(html)) == 2 and not found


def _code_html(html: str) -> list[str]:
    return re.findall(r"<code.*?</code>", html, flags=re.DOTALL)
