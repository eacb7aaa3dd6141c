"""The Markdown extension: real Markdown in, parsed HTML out."""

from __future__ import annotations

import logging
import textwrap
from pathlib import Path

import markdown
import pytest

from htmltree import classes, find_class, parent_map, parse, text

EXTENSIONS = ["smtpcodes", "tables", "admonition", "fenced_code", "attr_list", "md_in_html"]


def convert(source: str, extensions: list[object] | None = None, **config: object) -> object:
    md = markdown.Markdown(extensions=extensions or EXTENSIONS,
                           extension_configs={"smtpcodes": config} if config else {})
    return parse(md.convert(textwrap.dedent(source)))


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
    ({"sections": ["description", "colour"]}, "unknown section 'colour'"),
])
def test_bad_options_are_clear_errors(config: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        markdown.markdown("x", extensions=["smtpcodes"], extension_configs={"smtpcodes": config})


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
