"""The catalogue page: how it is named, hand-written or generated, and what search gets of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from htmltree import find_class, parse, text
from sites.tools import copy_site, mkdocs_build, resolve, write

CODES = 44 + 81 * 3  # basic codes, and each enhanced code in classes 2, 4 and 5


@pytest.mark.parametrize("option", ["codes", "/codes.md"])
def test_catalogue_page_path_without_suffix_or_with_leading_slash(
        tmp_path: Path, option: str) -> None:
    project = write(tmp_path, {
        "mkdocs.yml": f"site_name: t\nplugins:\n  - smtpcodes:\n      catalogue_page: {option}\n",
        "docs/index.md": "# Home\n\nRejected with <smtp:553>.\n\n<smtp:5.1.1>\n",
    })
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert not (site / "codes").is_file()
    catalogue = site / "codes" / "index.html"
    ids = {h.get("id") for h in parse(catalogue.read_text("utf-8")).iter("h3")}
    home = site / "index.html"
    links = [a.get("href", "") for a in parse(home.read_text("utf-8")).iter("a")
             if "smtp-chip" in a.get("class", "")]
    assert links and all(resolve(home, href)[0] == catalogue.resolve() for href in links)
    assert {resolve(home, href)[1] for href in links} <= ids


def test_catalogue_page_that_is_not_markdown_is_a_configuration_error(tmp_path: Path) -> None:
    project = write(tmp_path, {
        "mkdocs.yml": "site_name: t\nplugins:\n  - smtpcodes:\n      catalogue_page: codes.html\n",
        "docs/index.md": "# Home\n",
    })
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "catalogue_page 'codes.html' is not a Markdown page" in result.stderr


def test_hand_written_catalogue_page_lacking_codes_warns_and_unlinks(tmp_path: Path) -> None:
    project = copy_site("handwritten", tmp_path)
    result = mkdocs_build(project)
    assert result.returncode != 0
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert len(warnings) == 1, result.stderr
    assert "reference.md: the catalogue page has no box for 1 code(s)" in warnings[0]
    assert "452 (on index.md)" in warnings[0]
    home = project / "site" / "index.html"
    chips = {c.get("data-smtp-code"): c.get("href")
             for c in find_class(parse(home.read_text("utf-8")), "smtp-chip")}
    assert chips == {"250": "reference/#smtp-250", "553": "reference/#smtp-553", "452": None}
    reference = parse((project / "site" / "reference" / "index.html").read_text("utf-8"))
    assert {b.get("id") for b in find_class(reference, "smtp-box")} == {"smtp-250", "smtp-553"}


def search_index(project: Path) -> list[dict[str, str]]:
    docs: list[dict[str, str]] = json.loads(
        (project / "site" / "search" / "search_index.json").read_text("utf-8"))["docs"]
    return docs


@pytest.mark.parametrize(("theme", "search_body"), [
    ("material", False), ("material", True), ("mkdocs", False), ("mkdocs", True)])
def test_generated_catalogue_gives_search_one_section_per_code(
        tmp_path: Path, theme: str, search_body: bool) -> None:
    """Material's search honours ``data-search-exclude``; MkDocs' own is given the pages
    without the excluded blocks."""
    project = write(tmp_path, {
        "mkdocs.yml": f"""\
            site_name: t
            theme: {theme}
            plugins:
              - search
              - smtpcodes:
                  catalogue_page: codes.md
                  search_body: {str(search_body).lower()}
            """,
        "docs/index.md": "# Home\n\nA policy rejection: <smtp:5.7.1>.\n\n<smtp:553>\n",
    })
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    docs = search_index(project)
    sections = {doc["location"]: doc for doc in docs
                if doc["location"].startswith("codes/#smtp-") and doc["title"] != "SMTP codes"}
    assert len(sections) == CODES
    section = sections["codes/#smtp-5-7-1"]
    assert section["title"] == "5.7.1 · Delivery not authorized, message refused"
    home = " ".join(doc["text"] for doc in docs if doc["location"] in ("", "#home"))
    assert "SMTP 553 · Mailbox name invalid" in home
    if search_body:
        assert "Description" in section["text"]
        assert "Description" in home
    else:
        assert section["text"] in ("", "SMTP 5.7.1 · Delivery not authorized, message refused")
        assert "Description" not in home
        assert "Description" in (project / "site" / "index.html").read_text("utf-8")
    catalogue = parse((project / "site" / "codes" / "index.html").read_text("utf-8"))
    heading = next(h for h in catalogue.iter("h3") if h.get("id") == "smtp-5-7-1")
    assert text(heading).startswith("5.7.1 · ")
