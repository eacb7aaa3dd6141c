"""Sphinx's search index: plain titles, real words, and box bodies left out unless asked for.

Each test reads the ``searchindex.js`` of a real build, the file Sphinx's search page (and
every theme built on it) queries, and searches it the way ``searchtools.js`` does: a query's
words are stemmed and looked up in ``titleterms`` and ``terms``.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from test_sphinx import Build, build, main

pytest.importorskip("sphinx")
pytest.importorskip("myst_parser")

from sphinx.search.en import SearchEnglish  # noqa: E402

PAGES = {
    "index.rst": """
        Retrying after <smtp:421>
        =========================

        .. toctree::

           myst

        Greylisting :smtp:`4.7.1` explained
        -----------------------------------

        Upper case <SMTP:550 5.1.1> bounces
        -----------------------------------

        Some words about relays.

        <smtp:553>
    """,
    "myst.md": """
        # Throttling <smtp:452> guidance

        ## Reply <smtp:550 5.1.1> unpacked

        ## Role {smtp}`5.7.1` heading

        Mentioned in passing: <smtp:235 vs 553>.

        <smtp:5.1.1>
    """,
}

TITLES = {
    "Retrying after 421", "Greylisting 4.7.1 explained", "Upper case 550 5.1.1 bounces",
    "Throttling 452 guidance", "Reply 550 5.1.1 unpacked", "Role 5.7.1 heading",
}

#: Words of the box bodies (section labels, reference links), never of the pages' own text.
BODY_WORDS = ("description", "learn", "rfc", "related")
#: Tokens the old index held: markup, and block texts glued together.
GLUED = ("span", "chip", "data", "class", "morerfc", "noterfc", "titl")


def index(result: Build) -> dict[str, Any]:
    text = (result.out / "searchindex.js").read_text(encoding="utf-8")
    assert text.startswith("Search.setIndex(") and text.endswith(")")
    found: dict[str, Any] = json.loads(text[len("Search.setIndex("):-1])
    return found


def title_search(data: dict[str, Any], query: str) -> set[str]:
    """Pages with a title holding ``query`` and at most twice as long: ``searchtools.js``'s
    title match, the one that takes a reader to the section."""
    wanted = query.lower().strip()
    return {data["docnames"][doc] for title, places in data["alltitles"].items()
            if wanted in title.lower() and len(wanted) >= len(title) / 2
            for doc, _anchor in places}


def search(data: dict[str, Any], query: str) -> set[str]:
    """Pages whose titles or text hold every word of ``query``, as Sphinx's search finds them."""
    stem = SearchEnglish({}).stem
    pages: set[str] | None = None
    for word in query.split():
        key = stem(word.lower()).lower()
        hits: set[int] = set()
        for mapping in (data["titleterms"], data["terms"]):
            found = mapping.get(key, [])
            hits |= {found} if isinstance(found, int) else set(found)
        names = {data["docnames"][i] for i in hits}
        pages = names if pages is None else pages & names
    return pages or set()


@pytest.fixture(scope="module")
def default(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(tmp_path_factory.mktemp("search"), PAGES, "-W")
    assert result.code == 0, result.warnings
    return result


@pytest.fixture(scope="module")
def with_body(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(tmp_path_factory.mktemp("search-body"), PAGES, "-W",
                   conf="smtpcodes_search_body = True\n")
    assert result.code == 0, result.warnings
    return result


def test_titles_in_the_index_are_plain_text(default: Build) -> None:
    data = index(default)
    assert set(data["alltitles"]) == TITLES
    assert set(data["titles"]) == {"Retrying after 421", "Throttling 452 guidance"}
    for title in data["alltitles"]:
        assert "<" not in title and "smtp" not in title.lower()


def test_title_terms_are_the_titles_words(default: Build) -> None:
    terms = set(index(default)["titleterms"])
    english = SearchEnglish({})
    words = {english.stem(w.lower()) for title in TITLES for w in title.split()
             if w.isalpha() and english.word_filter(w.lower())}
    assert words <= terms
    assert not terms & set(GLUED), terms


@pytest.mark.parametrize("query, page", [
    ("retrying", "index"), ("greylisting explained", "index"), ("upper case bounces", "index"),
    ("throttling guidance", "myst"), ("reply unpacked", "myst"), ("role heading", "myst"),
])
def test_searching_a_titles_words_finds_its_page(default: Build, query: str, page: str) -> None:
    assert page in search(index(default), query)


@pytest.mark.parametrize("title", sorted(TITLES))
def test_searching_a_whole_title_finds_its_section(default: Build, title: str) -> None:
    page = "index" if title in ("Retrying after 421", "Greylisting 4.7.1 explained",
                                "Upper case 550 5.1.1 bounces") else "myst"
    assert title_search(index(default), title) == {page}


def test_markup_words_find_nothing(default: Build) -> None:
    data = index(default)
    for word in ("span", "chip", "data", "class"):
        assert not search(data, word), word


def test_box_bodies_stay_out_of_search_by_default(default: Build) -> None:
    data = index(default)
    for word in BODY_WORDS:
        assert not search(data, word), word
    # The box titles are indexed: a box is found by its code's name.
    assert search(data, "mailbox name invalid") == {"index"}
    assert search(data, "bad destination mailbox") == {"myst"}


def test_search_body_indexes_whole_words(with_body: Build) -> None:
    data = index(with_body)
    for word in BODY_WORDS:
        assert search(data, word) == {"index", "myst"}, word
    assert not set(data["terms"]) & set(GLUED)
    assert set(data["alltitles"]) == TITLES


def test_search_body_does_not_change_the_html(default: Build, with_body: Build) -> None:
    one = [e.text() for e in main(default.page("index.html")).find(cls="smtp")]
    two = [e.text() for e in main(with_body.page("index.html")).find(cls="smtp")]
    assert one == two and one
