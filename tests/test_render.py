"""The shared renderer: HTML without third-party packages, text a search indexer reads cleanly,
and box content that says which tag belongs to which code, each name once, related codes few."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as etree
from pathlib import Path

import pytest

from htmltree import classes, find_class, parse, text
from smtpcodes import render
from smtpcodes.catalogue import Catalogue
from smtpcodes.shortcode import parse as parse_shortcode

CATALOGUE = Catalogue()


def _link(code: str) -> str:
    return f"codes/#{render.anchor(code)}"


def _box(body: str, lang: str = "en", **options: object) -> str:
    layout = render.card(parse_shortcode(body), CATALOGUE, lang)
    element = render.box(layout, catalogue=CATALOGUE, **options)  # type: ignore[arg-type]
    return render.to_html(element)


def _only(html: str) -> etree.Element:
    root = parse(html)
    assert len(root) == 1
    return root[0]


# --- HTML without the markdown package ----------------------------------------------------------

BLOCKER = """
import sys
class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name == "markdown" or name.startswith("markdown."):
            raise ImportError(f"blocked: {name}")
sys.meta_path.insert(0, Blocker())
from smtpcodes import render
from smtpcodes.catalogue import Catalogue
from smtpcodes.shortcode import parse
catalogue = Catalogue()
link = lambda code: f"codes/#{render.anchor(code)}"
for body in ("550 5.1.1", "235 vs 553"):
    layout = render.card(parse(body), catalogue)
    sys.stdout.write(render.to_html(render.box(layout, catalogue=catalogue, link=link)))
assert not any(m == "markdown" or m.startswith("markdown.") for m in sys.modules)
"""


def test_renders_without_the_markdown_package_byte_for_byte_as_in_process() -> None:
    run = subprocess.run([sys.executable, "-c", BLOCKER], capture_output=True, text=True,
                         encoding="utf-8", timeout=60)
    assert run.returncode == 0, run.stderr
    expected = "".join(_box(body, link=_link) for body in ("550 5.1.1", "235 vs 553"))
    assert run.stdout == expected
    assert _box("550 5.1.1", link=_link) == _box("550 5.1.1", link=_link)


def test_attributes_come_out_sorted_whatever_order_they_were_set_in() -> None:
    one = etree.Element("span", {"title": "t", "class": "c", "data-smtp-code": "553"})
    two = etree.Element("span", {"data-smtp-code": "553", "class": "c", "title": "t"})
    assert render.to_html(one) == render.to_html(two) == (
        '<span class="c" data-smtp-code="553" title="t"></span>')


def test_text_and_attribute_values_are_escaped() -> None:
    hostile = '<script>alert("x")</script> & &amp; \'q\''
    html = render.to_html(render.error(hostile, hostile))
    assert "<script>" not in html
    element = _only(html)
    assert element.get("title") == hostile
    assert text(element) == hostile


def test_texts_from_a_catalogue_file_are_escaped_in_boxes(tmp_path: Path) -> None:
    name = 'Quota <b>"full"</b> & more'
    path = tmp_path / "codes.toml"
    path.write_text(f"[codes.'5.2.2']\nname = '{name}'\ndescription = 'a < b > c & d'\n",
                    "utf-8")
    catalogue = Catalogue(path)
    layout = render.card(parse_shortcode("552 5.2.2"), catalogue)
    box = _only(render.to_html(render.box(layout, catalogue=catalogue)))
    assert text(find_class(box, "smtp-title")[0]).endswith(name)
    assert not box.findall(".//b")
    assert "5.2.2: a < b > c & d" in [text(p) for p in box.iter("p")]
    chip = _only(render.to_html(render.chip(layout.shortcode, layout.entries)))
    assert name in chip.get("title", "")


@pytest.mark.parametrize("attrib", [{'onclick="x" class': "y"}, {"Data-X": "1"}, {"": "1"}])
def test_attribute_names_are_never_taken_from_data(attrib: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="attribute name"):
        render.to_html(etree.Element("span", attrib))


# --- what a search indexer reads ------------------------------------------------------------------

def _words(value: str) -> set[str]:
    return set(re.findall(r"\w[\w.]*\w|\w", value))


def _block_texts(element: etree.Element) -> set[str]:
    """Words as a browser lays them out: every block on its own line."""
    words: set[str] = set()
    inline = [element.text or ""]
    for child in element:
        if child.tag in ("span", "a"):
            inline.append(text(child))
        else:
            words |= _block_texts(child)
        inline.append(child.tail or "")
    return words | _words("".join(inline))


@pytest.mark.parametrize("body", ["550 5.1.1", "235 vs 553", "4.1.1", "421"])
def test_stripping_tags_never_glues_two_blocks_into_one_word(body: str) -> None:
    html = _box(body, link=_link)
    # Sphinx's indexer strips raw HTML exactly like this, MkDocs' joins the parser's data.
    stripped = re.sub(r"<[^<]+?>", "", html)
    assert _words(stripped) == _block_texts(_only(html))
    assert not re.search(r"Learn more\S|Related codes\S|[a-z]\d\.\d", stripped)


def test_collapsible_boxes_keep_the_line_breaks() -> None:
    html = _box("553", collapsible=True, open_=True)
    assert html.startswith("<details ") and "</summary>\n<p " in html
    assert _words(re.sub(r"<[^<]+?>", "", html)) == _block_texts(_only(html))


def test_mkdocs_search_indexes_separate_words() -> None:
    search = pytest.importorskip("mkdocs.contrib.search.search_index")
    parser = search.ContentParser()
    parser.feed("<h1>Codes</h1>" + _box("550 5.1.1", link=_link))
    parser.close()
    indexed = " ".join(" ".join(s.text) for s in parser.data)
    assert "more RFC" in re.sub(r"\s+", " ", indexed)
    assert not re.search(r"Learn moreRFC|codes4|codes5|Description550", indexed)


# --- box content --------------------------------------------------------------------------------

def _meta_tags(box: etree.Element) -> list[str]:
    return [text(span) for span in find_class(box, "smtp-tag")]


def test_a_reply_meta_line_has_one_group_per_code() -> None:
    box = _only(_box("553 5.3.0"))
    assert text(find_class(box, "smtp-class")[0]) == "5xx Permanent Negative"
    first, second = _meta_tags(box)
    assert first.startswith("553: Mail system")
    assert "MAIL" in first  # the commands belong to the basic code's group
    assert second == "5.3.0: Mail system"


def test_a_contradicting_reply_names_the_enhanced_class_in_its_own_group() -> None:
    box = _only(_box("250 5.1.1"))
    assert text(find_class(box, "smtp-class")[0]) == "2xx Positive Completion"
    assert _meta_tags(box)[1] == "5.1.1: Addressing (Permanent failure)"


def test_chinese_groups_use_chinese_punctuation() -> None:
    box = _only(_box("550 5.1.1", lang="zh"))
    assert [tag.split("：")[0] for tag in _meta_tags(box)] == ["550", "5.1.1"]


def test_single_codes_keep_plain_tags() -> None:
    assert _meta_tags(_only(_box("550")))[0] == "Mail system"
    assert render.to_text(render.card(parse_shortcode("550 5.1.1"), CATALOGUE)).split("\n")[1] \
        .endswith(" · 5.1.1: Addressing")


def test_a_name_shared_by_both_codes_is_said_once() -> None:
    entry = CATALOGUE.lookup("535")
    assert entry.name == CATALOGUE.lookup("5.7.8").name
    layout = render.card(parse_shortcode("535 5.7.8"), CATALOGUE)
    assert layout.title == f"SMTP 535 5.7.8 · {entry.name}"
    pair = parse_shortcode("4.2.2 vs 5.2.2")
    chip = render.chip(pair, [CATALOGUE.lookup(c) for c in pair.codes])
    name = CATALOGUE.lookup("5.2.2").name
    assert chip.get("title", "").startswith(f"{name} · ")
    assert " vs " not in chip.get("title", "")


def _related(box: etree.Element) -> etree.Element:
    return find_class(box, "smtp-related")[1]


def test_related_codes_are_capped_with_the_rest_one_link_away() -> None:
    total = len(render.card(parse_shortcode("550"), CATALOGUE).related)
    assert total > render.RELATED_LIMIT
    dd = _related(_only(_box("550", link=_link)))
    chips = [a.get("data-smtp-code") for a in find_class(dd, "smtp-chip")]
    assert len(chips) == render.RELATED_LIMIT
    assert chips[:3] == ["450", "551", "553"]  # the same category first
    more = find_class(dd, "smtp-more")[0]
    assert more.tag == "a" and more.get("href") == "codes/#smtp-550"
    assert text(more) == f"{total - render.RELATED_LIMIT} more"


def test_without_a_link_the_rest_is_counted_not_linked() -> None:
    more = find_class(_related(_only(_box("550"))), "smtp-more")[0]
    assert more.tag == "span" and "href" not in more.attrib


def test_the_catalogue_page_can_list_every_related_code() -> None:
    total = len(render.card(parse_shortcode("550"), CATALOGUE).related)
    dd = _related(_only(_box("550", link=_link, related_limit=None)))
    assert len(find_class(dd, "smtp-chip")) == total
    assert not find_class(dd, "smtp-more")


def test_enhanced_codes_list_their_basic_codes_then_their_subject_first() -> None:
    entry = CATALOGUE.lookup("5.1.3")
    assert entry.associated == ("501",) and "553" in entry.related  # 553 only points here
    related = render.card(parse_shortcode("5.1.3"), CATALOGUE).related
    assert related == ("501", "5.1.1", "5.1.7", "553")


def test_short_related_lists_have_no_more_link() -> None:
    dd = _related(_only(_box("5.2.2", link=_link)))
    assert not find_class(dd, "smtp-more")
    assert dd[-1].tail is None
    assert all("smtp-chip" in classes(child) for child in dd)
