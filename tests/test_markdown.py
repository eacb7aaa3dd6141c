"""The Markdown extension: real Markdown in, parsed HTML out."""

from __future__ import annotations

import logging
import textwrap
from pathlib import Path

import markdown
import pytest

from htmltree import classes, find_class, parent_map, parse, text
from smtpcodes.markdown_ext import Problem, SMTPCodesExtension

EXTENSIONS = ["smtpcodes", "tables", "admonition", "fenced_code", "attr_list", "md_in_html"]


def convert(source: str, extensions: list[object] | None = None, **config: object) -> object:
    md = markdown.Markdown(extensions=extensions or EXTENSIONS,
                           extension_configs={"smtpcodes": config} if config else {})
    return parse(md.convert(textwrap.dedent(source)))


def problems_of(source: str, extensions: list[object] | None = None,
                **config: object) -> tuple[str, list[Problem]]:
    """The HTML and the problems, in the order reported, of one conversion (no stylesheet)."""
    ext = SMTPCodesExtension(**{"css": False, **config})
    found: list[Problem] = []
    ext.reporter = found.append
    html = markdown.Markdown(extensions=[*(extensions or []), ext]).convert(source)
    return html, found


def only(root: object, name: str) -> object:
    found = find_class(root, name)  # type: ignore[arg-type]
    assert len(found) == 1, [el.attrib for el in found]
    return found[0]


def test_alone_in_paragraph_is_a_block_box() -> None:
    root = convert("Intro.\n\n<smtp:553>\n\nOutro.\n")
    box = only(root, "smtp-box")
    assert parent_map(root)[box] is root  # never nested inside a <p>
    assert box.tag == "div"
    assert classes(box) >= {"smtp", "smtp-5xx", "admonition", "danger"}
    assert box.get("data-smtp-code") == "553"
    assert "Mailbox name invalid" in text(box)
    labels = [text(dt) for dt in box.iter("dt")]
    assert labels[:3] == ["Description", "When it appears", "How to fix"]
    assert "Learn more" in labels
    links = [a.get("href") for a in box.iter("a")]
    assert "https://www.rfc-editor.org/rfc/rfc5321#section-4.2.2" in links


@pytest.mark.parametrize("source, holder", [
    ("Servers answer <smtp:553> here.", "p"),
    ("- <smtp:553>\n- other", "li"),
    ("| a | b |\n|---|---|\n| <smtp:553> | x |", "td"),
    ("## About <smtp:553>", "h2"),
    ("Two: <smtp:553> <smtp:250>", "p"),
])
def test_chip_in_running_text_list_table_and_heading(source: str, holder: str) -> None:
    root = convert(source)
    assert not find_class(root, "smtp-box")
    chip = find_class(root, "smtp-chip")[0]
    assert parent_map(root)[chip].tag == holder
    assert chip.get("data-smtp-code") == "553"
    assert "smtp-5xx" in classes(chip) and "smtp" in classes(chip)
    assert chip.get("title", "").startswith("Mailbox name invalid")
    assert text(chip) == "553"


def test_enhanced_reply_and_comparison_boxes() -> None:
    root = convert("<smtp:5.1.1>\n\n<smtp:550 5.1.1>\n\n<smtp:235 vs 553>\n")
    boxes = find_class(root, "smtp")
    assert [b.get("data-smtp-code") for b in boxes if b.tag == "div"] == [
        "5.1.1", "550 5.1.1", "235 553"]
    compare = only(root, "smtp-compare")
    assert classes(compare) >= {"smtp-2xx", "smtp-5xx"}
    headers = [text(th) for th in compare.iter("th")]
    assert "235 · Authentication succeeded" in headers and "553 · Mailbox name invalid" in headers
    labels = [text(dt) for dt in compare.iter("dt")]
    assert {"Key differences", "Which one when", "Learn more"} <= set(labels)


def test_contradicting_reply_warns_and_shows_it(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="smtpcodes"):
        root = convert("Text\n\n<smtp:550 4.1.1>\n")
    box = only(root, "smtp-box")
    assert classes(box) >= {"smtp-4xx", "smtp-5xx"}
    assert find_class(box, "smtp-warning")
    assert "4.1.1" in caplog.text and "line 3" in caplog.text


@pytest.mark.parametrize("source", [
    "Inline `<smtp:553>` code.",
    "```\n<smtp:553>\n```",
    "Para.\n\n    <smtp:553>\n",
    "~~~text\n<smtp:235 vs 553>\n~~~",
])
def test_never_expanded_in_code(source: str) -> None:
    root = convert(source)
    assert not find_class(root, "smtp") and not find_class(root, "smtp-error")
    code = next(root.iter("code"))
    assert "<smtp:" in text(code)


def test_never_expanded_in_superfences() -> None:
    root = convert("```python\nreply = '<smtp:553>'\n```\n",
                   extensions=["smtpcodes", "pymdownx.superfences"])
    assert not find_class(root, "smtp")
    assert "<smtp:553>" in text(root)


def test_backslash_escape_gives_literal_text() -> None:
    root = convert(r"Write \<smtp:553> to get a box, and \<smtp:235 vs 553> for two.")
    assert not find_class(root, "smtp") and not find_class(root, "smtp-error")
    paragraph = next(root.iter("p"))
    assert text(paragraph) == "Write <smtp:553> to get a box, and <smtp:235 vs 553> for two."


def test_inside_admonition_details_and_tabs() -> None:
    source = """
    !!! note "Heads up"

        <smtp:421>

    ??? info "More"

        <smtp:354>

    === "Client"

        <smtp:250>

    === "Server"

        Reply <smtp:550> inline.
    """
    root = convert(source, extensions=["smtpcodes", "admonition", "pymdownx.details",
                                       "pymdownx.superfences", "pymdownx.tabbed"])
    parents = parent_map(root)
    boxes = {b.get("data-smtp-code"): b for b in find_class(root, "smtp-box")}
    assert set(boxes) == {"421", "354", "250"}
    assert "admonition" in classes(parents[boxes["421"]])
    assert parents[boxes["354"]].tag == "details"
    inline = [c for c in find_class(root, "smtp-chip") if parents[c].tag == "p"]
    assert [c.get("data-smtp-code") for c in inline] == ["550"]


@pytest.mark.parametrize("source, code", [("<smtp:559>", "559"), ("Say <smtp:abc> now", "abc"),
                                          ("<smtp:6.1.1>", "6.1.1"), ("<smtp:553 554>", "553 554"),
                                          ("<smtp:>", "")])
def test_errors_are_visible_escaped_and_logged(source: str, code: str,
                                               caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="smtpcodes"):
        html = markdown.markdown(f"Intro\n\n{source}\n", extensions=["smtpcodes"])
    root = parse(html)
    error = only(root, "smtp-error")
    assert text(error) == f"<smtp:{code}>"
    assert "&lt;smtp:" in html
    assert not [el for el in root.iter() if el.tag.startswith("smtp")]
    assert "line 3" in caplog.text
    assert (repr(code) if code and " " not in code else "<smtp:") in caplog.text


def test_catalogue_text_is_escaped(tmp_path: Path) -> None:
    path = tmp_path / "evil.toml"
    path.write_text('[codes."559"]\nname = "<script>alert(1)</script>"\n'
                    'description = "a & b <b>bold</b>"\n', "utf-8")
    html = markdown.markdown("<smtp:559>\n\nSee <smtp:559>.", extensions=["smtpcodes"],
                             extension_configs={"smtpcodes": {"catalogue": str(path)}})
    root = parse(html)
    assert not list(root.iter("script")) and not list(root.iter("b"))
    assert "&lt;script&gt;" in html and "a &amp; b" in html


def test_one_instance_converts_many_pages_identically() -> None:
    md = markdown.Markdown(extensions=["smtpcodes"],
                           extension_configs={"smtpcodes": {"anchors": True}})
    page = "<smtp:553>\n\nText <smtp:559> and <smtp:250>.\n"
    first = md.convert(page)
    md.reset()
    assert md.convert("Plain page, no shortcodes.") == "<p>Plain page, no shortcodes.</p>"
    md.reset()
    assert md.convert(page) == first
    assert first.count('id="smtp-553"') == 1


def test_chinese_boxes() -> None:
    root = convert("<smtp:235 vs 553>\n\n<smtp:553>\n", lang="zh")
    labels = [text(dt) for dt in root.iter("dt")]
    for label in ("主要区别", "何时使用哪个", "了解更多", "描述", "何时出现", "如何修复"):
        assert label in labels


def test_options_collapsible_sections_link_anchors() -> None:
    root = convert("<smtp:553>\n\nSee <smtp:5.1.1>.\n", collapsible=True, open=True,
                   sections=["description", "fix"], link="codes.md", anchors=True)
    box = only(root, "smtp-box")
    assert box.tag == "details" and box.get("open") is not None
    assert next(box.iter("summary")).text.startswith("SMTP 553")
    assert [text(dt) for dt in box.iter("dt")] == ["Description", "How to fix"]
    assert box.get("id") == "smtp-553"
    chip = only(root, "smtp-chip")
    assert chip.tag == "a" and chip.get("href") == "codes.md#smtp-5-1-1"
    templated = convert("See <smtp:553>.", link="/smtp/{code}/")
    assert only(templated, "smtp-chip").get("href") == "/smtp/553/"


def test_chip_inside_a_link_is_not_a_nested_link() -> None:
    root = convert("[read <smtp:553>](https://example.com)", link="codes.md")
    chip = only(root, "smtp-chip")
    assert chip.tag == "span"
    assert parent_map(root)[chip].tag == "a"


@pytest.mark.parametrize("config, message", [
    ({"lang": "fr"}, "option 'lang' is 'fr'"),
    ({"lang": ""}, "option 'lang' is ''"),
    ({"sections": ["description", "colour"]}, "unknown section 'colour'"),
    ({"sections": 5}, "option 'sections' must be a list of section names"),
    ({"link": "/smtp/{foo}/"}, r"option 'link' may use only \{code\} and \{anchor\}, not \{foo\}"),
    ({"link": "{code.__class__.__name__}"}, r"not \{code.__class__.__name__\}"),
    ({"link": "{code[0]}"}, r"not \{code\[0\]\}"),
    ({"link": "{code!r}"}, r"not \{code!r\}"),
    ({"link": "{}"}, r"not \{\}"),
    ({"link": "/smtp/{code"}, "option 'link' is not a valid template"),
    ({"link": 3}, "option 'link' must be a string"),
    ({"collapsible": "maybe"}, "option 'collapsible' must be true or false"),
    ({"css": 2}, "option 'css' must be true or false"),
    ({"catalogue": 7}, "option 'catalogue' must be a file path"),
    ({"box_link": "x.md"}, "unknown option 'box_link'; the options are lang, "),
])
def test_bad_options_are_clear_errors_at_creation(config: dict[str, object],
                                                  message: str) -> None:
    with pytest.raises(ValueError, match=message):
        markdown.Markdown(extensions=["smtpcodes"], extension_configs={"smtpcodes": config})


def test_options_changed_later_are_checked_too() -> None:
    ext = SMTPCodesExtension()
    with pytest.raises(ValueError, match="option 'link'"):
        ext.setConfig("link", "{code.real}")
    ext.setConfig("sections", "description, fix")
    ext.setConfig("open", "yes")
    assert ext.getConfig("sections") == ["description", "fix"] and ext.getConfig("open") is True


def test_link_templates_fill_code_and_anchor_for_chips_and_boxes() -> None:
    root = convert("<smtp:553>\n\nSee <smtp:5.1.1>.\n", link="/codes/{code}/#{anchor}")
    paragraph = [p for p in root.iter("p") if text(p).startswith("See")][0]
    assert only(paragraph, "smtp-chip").get("href") == "/codes/5.1.1/#smtp-5-1-1"
    related = [a.get("href") for a in only(root, "smtp-box").iter("a")
               if "smtp-chip" in classes(a)]
    assert related and all(href.startswith("/codes/") for href in related)


def test_bad_catalogue_option_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[codes."559"]\ndescription = "x"\n', "utf-8")
    from smtpcodes import CatalogueFileError

    with pytest.raises(CatalogueFileError, match="bad.toml: entry '559'"):
        markdown.markdown("<smtp:553>", extensions=["smtpcodes"],
                          extension_configs={"smtpcodes": {"catalogue": str(path)}})


def test_problem_lines_skip_code_and_count_from_the_source(
        caplog: pytest.LogCaptureFixture) -> None:
    source = "# T\n\n```\na\nb\n<smtp:559>\n```\n\n`<smtp:559>` is code\n\nReal <smtp:559> here.\n"
    with caplog.at_level(logging.WARNING, logger="smtpcodes"):
        markdown.markdown(source, extensions=["pymdownx.superfences", "smtpcodes"])
    assert "line 11:" in caplog.text and caplog.text.count("unknown SMTP code") == 1


def test_any_letter_case_wrapped_and_pasted_forms() -> None:
    root = convert("Reply <SMTP:553>, <Smtp:550-5.1.1> and <smtp:250 2.0.0 Ok: queued as 7>.\n\n"
                   "<smtp:550\n5.1.1>\n")
    chips = [c.get("data-smtp-code") for c in find_class(next(root.iter("p")), "smtp-chip")]
    assert chips == ["553", "550 5.1.1", "250 2.0.0"]
    assert only(root, "smtp-box").get("data-smtp-code") == "550 5.1.1"
    assert not find_class(root, "smtp-error")


def test_stylesheet_inline_once_where_there_is_something_to_style() -> None:
    md = markdown.Markdown(extensions=["smtpcodes"])
    html = md.convert("<smtp:553>\n\nSee <smtp:250> and <smtp:559>.\n")
    root = parse(html)
    styles = list(root.iter("style"))
    assert len(styles) == 1 and html.startswith("<style>")
    assert ".smtp-chip" in (styles[0].text or "") and "/*" not in (styles[0].text or "")
    md.reset()
    assert "<style>" not in md.convert("Only `<smtp:553>` in code, and text.")
    md.reset()
    assert "<style>" not in md.convert("No shortcode at all.")
    assert "<style>" not in markdown.markdown(
        "See <smtp:553>.", extensions=["smtpcodes"],
        extension_configs={"smtpcodes": {"css": False}})


def test_box_bodies_stay_out_of_search_unless_asked() -> None:
    body = [child for child in only(convert("<smtp:553>\n"), "smtp-box")][1:]
    assert body and all(child.get("data-search-exclude") is not None for child in body)
    body = [child for child in only(convert("<smtp:553>\n", search_body=True), "smtp-box")][1:]
    assert all(child.get("data-search-exclude") is None for child in body)


@pytest.mark.parametrize("source", [
    "<smtp:553>\n{: collapsible open sections=\"description fix\" #mine .wide }\n",
    "<smtp:553>{: collapsible=true open=yes sections='description,fix' #mine .wide }\n",
])
def test_per_box_options_in_attr_list_style(source: str) -> None:
    root = convert(source)
    box = only(root, "smtp-box")
    assert box.tag == "details" and box.get("open") is not None
    assert [text(dt) for dt in box.iter("dt")] == ["Description", "How to fix"]
    assert box.get("id") == "mine" and "wide" in classes(box)
    assert "{:" not in text(root)


def test_per_box_options_only_touch_their_box_and_bad_ones_are_reported() -> None:
    html, found = problems_of("<smtp:553>\n{: sections=\"colour\" collapsible=perhaps }\n\n"
                              "<smtp:553>\n", ["attr_list"])
    boxes = find_class(parse(html), "smtp-box")
    assert [b.tag for b in boxes] == ["div", "div"]
    assert len(list(boxes[0].iter("dt"))) == len(list(boxes[1].iter("dt")))
    assert [(p.line, p.column) for p in found] == [(1, 1), (1, 1)]
    assert "unknown section 'colour'" in found[0].message
    assert "expected true or false, not 'perhaps'" in found[1].message


def test_no_state_leaks_between_conversions() -> None:
    """A second conversion with the same instance (Material's blog excerpts) starts clean."""
    ext = SMTPCodesExtension(css=False, anchors=True)
    found: list[Problem] = []
    ext.reporter = found.append
    md = markdown.Markdown(extensions=[ext])
    ext.begin_page("posts/a.md", 3)
    first = md.convert("<smtp:553>\n\nBad <smtp:559>.\n")
    second = md.convert("<smtp:553>\n\nBad <smtp:559>.\n")
    assert first == second and first.count('id="smtp-553"') == 1
    assert [(p.path, p.line) for p in found] == [("posts/a.md", 6), (None, 3)]
    ext.setConfig("link", "codes.md")
    assert 'href="codes.md#smtp-559"' not in md.convert("See <smtp:553>.")
    assert 'href="codes.md#smtp-553"' in md.convert("See <smtp:553>.")


def test_page_named_by_the_zensical_rendering_context(tmp_path: Path) -> None:
    """Zensical registers a context preprocessor holding the page, and passes the text without
    its front matter: problems name the page, with lines as in the file."""
    from markdown.preprocessors import Preprocessor

    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "errors.md").write_text(
        "---\ntitle: Errors\n---\n\nx\n\n<smtp:559>\n", "utf-8")

    class Page:
        path = "guide/errors.md"

    class Context(Preprocessor):
        page = Page()
        config = {"docs_dir": str(tmp_path)}

        def run(self, lines: list[str]) -> list[str]:
            return lines

    ext = SMTPCodesExtension(css=False)
    found: list[Problem] = []
    ext.reporter = found.append
    md = markdown.Markdown(extensions=[ext])
    md.preprocessors.register(Context(md), "rendering_context", 0)
    md.convert("x\n\n<smtp:559>\n")
    assert [(p.path, p.line, p.column) for p in found] == [("guide/errors.md", 7, 1)]
    assert str(found[0]).startswith("guide/errors.md: line 7: unknown SMTP code '559'")


@pytest.mark.parametrize("page", [
    "# Title\n\nText with *emphasis*, `code`, [a link](https://example.com) and <b>html</b>.\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\nprint('x')\n```\n\n<div>\n<p>raw</p>\n</div>\n",
    "- one\n- two\n\n> quote <span title='x'>y</span> &amp; <!-- c -->\n\n    indented\n",
    "Mail <me@example.com>, <https://example.com>, smtp://host and <smtp://host>.\n",
])
def test_pages_without_shortcodes_are_byte_identical(page: str) -> None:
    md = markdown.Markdown(extensions=EXTENSIONS)
    plain = markdown.Markdown(extensions=EXTENSIONS[1:])
    assert md.convert(page) == plain.convert(page)
