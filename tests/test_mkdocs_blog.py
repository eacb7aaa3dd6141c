"""Material's blog plugin renders each post's excerpt again on every index page: real build."""

from __future__ import annotations

import re
from pathlib import Path

from htmltree import find_class, parse
from sites.tools import copy_site, mkdocs_build, resolve


def test_excerpt_chips_link_from_every_index_page_and_a_bad_code_warns_once(
        tmp_path: Path) -> None:
    project = copy_site("blog", tmp_path)
    result = mkdocs_build(project)
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1, result.stderr
    assert re.search(r"smtpcodes: blog/posts/typos\.md:10: unknown SMTP code '559'", warnings[0])
    assert result.returncode != 0  # --strict: the bad code fails the build

    site = project / "site"
    catalogue = site / "reference" / "codes" / "index.html"
    anchors = {el.get("id") for el in parse(catalogue.read_text("utf-8")).iter() if el.get("id")}
    views = [site / "blog" / "index.html", site / "blog" / "archive" / "2024" / "index.html",
             site / "blog" / "category" / "delivery" / "index.html"]
    for page in views + sorted((site / "blog" / "2024").rglob("index.html")):
        chips = [c for c in find_class(parse(page.read_text("utf-8")), "smtp-chip")
                 if c.get("href")]
        assert chips, page
        for chip in chips:
            target, fragment = resolve(page, chip.get("href", ""))
            assert target == catalogue.resolve() and fragment in anchors, (page, chip.attrib)
    # Excerpts (up to the "more" mark) are on the index; the rest of a post is not.
    index = parse(views[0].read_text("utf-8"))
    shown = {c.get("data-smtp-code") for c in find_class(index, "smtp-chip")}
    assert {"451 4.7.1", "250", "5.7.1", "550 5.1.1"} <= shown
    assert not shown & {"421", "553"}
