"""Warnings name the line in the file the author edits: front matter and snippets, real build."""

from __future__ import annotations

import re
from pathlib import Path

from sites.tools import copy_site, mkdocs_build


def test_lines_count_front_matter_and_snippets_and_name_the_snippet_file(
        tmp_path: Path) -> None:
    project = copy_site("snippets", tmp_path)
    result = mkdocs_build(project)
    assert result.returncode != 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 3, result.stderr
    expected = [r"includes/limits\.md:3: unknown SMTP code '4\.4\.44'",
                r"index\.md:11: unknown SMTP code '5\.9\.99'",
                r"index\.md:15: unknown SMTP code '5\.7\.77'"]
    ordered = sorted(warnings, key=lambda w: "limits" not in w)
    for warning, pattern in zip(ordered, expected, strict=True):
        assert re.search(r"smtpcodes: " + pattern, warning), warning
