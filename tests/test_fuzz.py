"""Random Markdown mixing shortcodes, code, HTML and junk: never raises, always parses, and
nothing from inside a shortcode comes out as markup."""

from __future__ import annotations

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from htmltree import find_class, parse

CODES = ["553", "250", "5.1.1", "4.7.1", "550 5.1.1", "235 vs 553", "550 4.1.1", "559",
         "6.1.1", "abc", ""]
JUNK = st.text(alphabet=st.sampled_from(list("<>&\"'=/ `*_[]()#!-|\\\n:.0123456789abcsmtp")),
               max_size=12)
HOSTILE = st.sampled_from([
    '"><script>alert(1)</script>', "' onmouseover='x", "<b>", "</p>", "&amp;", "\" class=\"x",
    "553\"><img src=x>", "<smtp:553>", "vs", "\\"])
SHORTCODE = st.one_of(
    st.sampled_from(CODES).map(lambda c: f"<smtp:{c}>"),
    st.tuples(st.sampled_from(CODES), HOSTILE).map(lambda t: f"<smtp:{t[0]}{t[1]}>"),
    st.tuples(HOSTILE, st.sampled_from(CODES)).map(lambda t: f"<smtp:{t[0]} {t[1]}>"),
    st.sampled_from(CODES).map(lambda c: f"\\<smtp:{c}>"),
)
PIECE = st.one_of(
    SHORTCODE, JUNK, HOSTILE,
    SHORTCODE.map(lambda s: f"`{s}`"),
    SHORTCODE.map(lambda s: f"\n\n```\n{s}\n```\n\n"),
    SHORTCODE.map(lambda s: f"\n\n    {s}\n\n"),
    SHORTCODE.map(lambda s: f"\n\n<div>{s}</div>\n\n"),
    SHORTCODE.map(lambda s: f"\n\n- {s}\n- x\n\n"),
    SHORTCODE.map(lambda s: f"\n\n| a |\n|---|\n| {s} |\n\n"),
    SHORTCODE.map(lambda s: f"\n\n!!! note\n\n    {s}\n\n"),
    SHORTCODE.map(lambda s: f"[{s}](http://x)"),
    st.just("\n\n"),
)
MD = markdown.Markdown(extensions=["smtpcodes", "admonition", "tables", "fenced_code"])


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECE, max_size=12).map("".join))
def test_random_markdown_never_breaks(source: str) -> None:
    MD.reset()
    html = MD.convert(source)
    root = parse(html, strict=False)
    # No element that a shortcode could have produced carries markup from the input.
    for el in find_class(root, "smtp") + find_class(root, "smtp-error"):
        for node in el.iter():
            assert node.tag not in ("script", "img", "b", "smtp"), html
            assert "onmouseover" not in node.attrib, html
            assert set(node.attrib) <= {"class", "data-smtp-code", "title", "href", "lang",
                                        "id", "open", "scope", "data-search-exclude"}, node.attrib
    for el in find_class(root, "smtp"):
        assert set(el.get("data-smtp-code", "").replace(".", "").replace(" ", "")) <= set(
            "0123456789"), el.attrib
    assert not [el for el in root.iter() if el.tag.startswith("smtp:")], html
