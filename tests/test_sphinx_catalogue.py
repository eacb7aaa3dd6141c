"""The catalogue page: ``smtp-catalogue`` gives each code a heading, and chips link there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from test_sphinx import Build, Element, build, main
from test_sphinx_search import index, title_search

pytest.importorskip("sphinx")
pytest.importorskip("myst_parser")

from smtpcodes import render  # noqa: E402
from smtpcodes.catalogue import get_catalogue, labels  # noqa: E402

PAGES = {
    "index.rst": """
        Index
        =====

        .. toctree::
           :maxdepth: 1

           codes
           myst
           more

        Chips <smtp:553>, :smtp:`550 5.1.1` and <smtp:235 vs 553>.

        <smtp:5.7.1>
    """,
    "myst.md": """
        # MyST

        [A link around <smtp:553>](https://example.com) and <smtp:421>.
    """,
    "codes.md": """
        # SMTP codes

        ```{smtp-catalogue}
        ```
    """,
    "more.rst": """
        More codes
        ==========

        .. smtp-catalogue::
           :lang: zh
    """,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    # Six documents, so that -j 2 reads in parallel and the catalogue page is merged back.
    fillers = {f"filler{i}.rst": f":orphan:\n\nFiller\n======\n\nText <smtp:42{i + 1}>.\n"
               for i in range(2)}
    return build(tmp_path_factory.mktemp("catalogue"), {**PAGES, **fillers}, "-j", "2")


def chips(page: Element) -> list[tuple[str, str, str | None]]:
    return [(e.tag, e.attrs["data-smtp-code"], e.attrs.get("href"))
            for e in main(page).find(cls="smtp-chip")]


def test_chips_link_to_their_codes_heading(site: Build) -> None:
    found = chips(site.page("index.html"))
    assert found[:3] == [("a", "553", "codes.html#smtp-553"),
                         ("a", "550 5.1.1", "codes.html#smtp-550"),
                         ("span", "235 553", None)]
    related = found[3:]  # the 5.7.1 box's related codes link too
    assert related and all(href == f"codes.html#{render.anchor(code)}"
                           for _tag, code, href in related)
    assert chips(site.page("myst.html")) == [("span", "553", None),  # no link in a link
                                             ("a", "421", "codes.html#smtp-421")]


def test_pages_read_in_parallel_link_too(site: Build) -> None:
    assert chips(site.page("filler1.html")) == [("a", "422", "codes.html#smtp-422")]


def test_every_link_target_is_a_heading(site: Build) -> None:
    page = main(site.page("codes.html"))
    ids = {e.attrs["id"] for e in page.iter() if "id" in e.attrs}
    for name in ("index.html", "myst.html", "codes.html"):
        for _tag, _code, href in chips(site.page(name)):
            if href:
                assert href.split("#")[1] in ids, href


def test_one_heading_per_code(site: Build) -> None:
    page = main(site.page("codes.html"))
    catalogue = get_catalogue()
    headings = [h.text().rstrip("¶").strip() for h in page.find("h3")]
    assert headings == catalogue.codes(reply_class=2) + catalogue.codes(reply_class=3) + \
        catalogue.codes(reply_class=4) + catalogue.codes(reply_class=5)
    groups = [h.text().rstrip("¶").strip() for h in page.find("h2")]
    assert groups == ["2xx Positive Completion", "3xx Positive Intermediate",
                      "4xx Transient Negative", "5xx Permanent Negative"]
    boxes = page.find("details", "smtp-box")  # collapsible on this page
    assert len(boxes) == len(headings)


def test_a_code_is_found_by_searching_for_it(site: Build) -> None:
    data = index(site)
    assert title_search(data, "5.7.1") == {"codes", "more"}
    assert data["alltitles"]["5.7.1"] == [[data["docnames"].index("codes"), "smtp-5-7-1"],
                                          [data["docnames"].index("more"), "smtp-5-7-1"]]


def test_a_second_catalogue_page_is_reported(site: Build) -> None:
    assert re.search(r"more\.rst:4: WARNING: a second smtp-catalogue page: chips link to "
                     r"'codes' only \[smtpcodes\.catalogue\]", site.warnings), site.warnings
    assert len(site.lines()) == 1, site.warnings
    more = main(site.page("more.html"))
    assert {b.attrs["lang"] for b in more.find("details", "smtp-box")} == {"zh"}
    assert more.find("h2")[0].text().startswith(labels("zh")["classes"]["2"])


def test_singlehtml_links_stay_on_the_page(tmp_path: Path) -> None:
    pages = {key: PAGES[key] for key in ("myst.md", "codes.md")}
    pages["index.rst"] = "Index\n=====\n\n.. toctree::\n\n   codes\n   myst\n"
    result = build(tmp_path, pages, "-W", builder="singlehtml")
    assert result.code == 0, result.warnings
    assert chips(result.page("index.html"))[-1] == ("a", "421", "#smtp-421")


def test_adding_the_catalogue_page_relinks_unchanged_pages(tmp_path: Path) -> None:
    first = build(tmp_path, {"index.rst": "Index\n=====\n\nChip <smtp:553>.\n"}, "-W")
    assert first.code == 0 and chips(first.page("index.html")) == [("span", "553", None)]
    second = build(tmp_path, {"codes.rst": ":orphan:\n\nCodes\n=====\n\n.. smtp-catalogue::\n"},
                   "-W", fresh=False)
    assert second.code == 0, second.warnings
    assert chips(second.page("index.html")) == [("a", "553", "codes.html#smtp-553")]
