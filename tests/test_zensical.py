"""Zensical runs the Markdown extension listed in mkdocs.yml: a real ``zensical build``."""

from __future__ import annotations

import re
from pathlib import Path

from htmltree import find_class, parse, text
from sites.tools import copy_site, run


def test_zensical_build_gives_boxes_with_their_css_and_warnings_naming_the_page(
        tmp_path: Path) -> None:
    project = copy_site("zensical", tmp_path)
    result = run(project, "zensical", "build", "--clean")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output

    home = parse((project / "site" / "index.html").read_text("utf-8"))
    box = find_class(home, "smtp-box")
    assert [b.get("data-smtp-code") for b in box] == ["553"]
    assert {"admonition", "danger"} <= set(box[0].get("class", "").split())
    assert [c.get("data-smtp-code") for c in find_class(home, "smtp-chip")
            if c.get("data-smtp-code") in ("250", "5.1.1")] == ["250", "5.1.1"]
    styles = [s for s in home.iter("style") if ".smtp-box" in text(s)]
    assert len(styles) == 1

    # The page and its line in the file, front matter included.
    assert re.search(r"bounces\.md:(?: line )?8: unknown SMTP code '5\.9\.99'", output), output
