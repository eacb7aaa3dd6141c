"""Real ``mkdocs build --strict`` runs beside other popular plugins that touch the same pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from htmltree import find_class, parse
from sites.tools import mkdocs_build, resolve, write


def test_catalogue_links_resolve_when_minify_rewrote_the_page_first(tmp_path: Path) -> None:
    """mkdocs-minify-plugin drops the quotes around attribute values in ``on_post_page``."""
    pytest.importorskip("mkdocs_minify_plugin")
    project = write(tmp_path, {
        "mkdocs.yml": """\
            site_name: t
            plugins:
              - smtpcodes:
                  catalogue_page: codes.md
              - minify:
                  minify_html: true
            """,
        "docs/index.md": "# Home\n",
        "docs/guide/retry.md": "# Retry\n\nRetry after <smtp:421>.\n",
    })
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    page = project / "site" / "guide" / "retry" / "index.html"
    chips = find_class(parse(page.read_text("utf-8"), strict=False), "smtp-chip")
    assert [chip.get("href") for chip in chips] == ["../../codes/#smtp-421"]
    target, fragment = resolve(page, chips[0].get("href", ""))
    assert fragment in ids(target)


def ids(page: Path) -> set[str]:
    return {el.get("id", "") for el in parse(page.read_text("utf-8"), strict=False).iter()}


def test_problem_in_a_docstring_names_the_page_without_a_line_of_another_text(
        tmp_path: Path) -> None:
    """mkdocstrings converts each docstring with a Markdown of its own, inside the page's
    conversion: the docstring's line 1 is not the page's line 1."""
    pytest.importorskip("mkdocstrings_handlers.python")
    project = write(tmp_path, {
        "mkdocs.yml": """\
            site_name: t
            plugins:
              - smtpcodes
              - mkdocstrings:
                  handlers:
                    python:
                      paths: [src]
            """,
        "docs/index.md": "# Home\n",
        "docs/api.md": "# API\n\nFine <smtp:250>.\n\n::: relay.retry\n",
        "src/relay.py": '''\
            def retry(code: int) -> bool:
                """Whether to retry: yes after <smtp:421>, never after <smtp:259>."""
                return code // 100 == 4
            ''',
    })
    result = mkdocs_build(project)
    assert result.returncode != 0
    warnings = [line for line in result.stderr.splitlines() if "smtpcodes" in line]
    assert warnings == [
        "WARNING -  smtpcodes: api.md: in text another plugin converted for this page (such as "
        "a docstring): unknown SMTP code '259': no standard or custom catalogue defines it; "
        "did you mean 253 (ETRN messages pending)?"]
    page = (project / "site" / "api" / "index.html").read_text("utf-8")
    assert [c.get("data-smtp-code") for c in find_class(parse(page), "smtp-chip")] == [
        "250", "421"]


def test_lines_stay_the_files_after_another_plugin_inlined_a_file(tmp_path: Path) -> None:
    """mkdocs-include-markdown-plugin replaces its three-line directive by the included text
    before the conversion: later lines are the file's, and a problem in the included text is
    put at the directive that brought it."""
    pytest.importorskip("mkdocs_include_markdown_plugin")
    project = write(tmp_path, {
        "mkdocs.yml": "site_name: t\nplugins:\n  - include-markdown\n  - smtpcodes\n",
        "docs/index.md": """\
            ---
            title: Retry
            ---
            # Retry

            Fine <smtp:421>.

            {%
               include-markdown "../parts/part.md"
            %}

            After the include, <smtp:5.9.4> on line 12.
            """,
        "parts/part.md": "Included <smtp:250>.\n\nIncluded <smtp:5.9.3>.\n\nMore.\n",
    })
    result = mkdocs_build(project)
    warnings = [line for line in result.stderr.splitlines() if "smtpcodes" in line]
    assert [w.split(": unknown")[0] for w in warnings] == [
        "WARNING -  smtpcodes: index.md:8: in text another plugin put in its place",
        "WARNING -  smtpcodes: index.md:12"]


def test_plugins_that_keep_or_check_the_pages_html_see_real_links(tmp_path: Path) -> None:
    """mkdocs-print-site-plugin keeps each page's HTML from ``on_page_content`` for its print
    page; htmlproofer checks every link against the files it listed in ``on_files``."""
    pytest.importorskip("mkdocs_print_site_plugin")
    pytest.importorskip("htmlproofer")
    project = write(tmp_path, {
        "mkdocs.yml": """\
            site_name: t
            plugins:
              - smtpcodes:
                  catalogue_page: reference/codes.md
              - htmlproofer:
                  validate_external_urls: false
                  raise_error: true
              - print-site
            """,
        "docs/index.md": "# Home\n\nSee <smtp:421>.\n",
        "docs/guide/retry.md": "# R\n\n<smtp:451>: [451](../reference/codes.md#smtp-451)\n",
    })
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    page = project / "site" / "print_page" / "index.html"
    root = parse(page.read_text("utf-8"))
    hrefs = [chip.get("href", "") for chip in find_class(root, "smtp-chip")]
    assert "#reference-codes-smtp-421" in hrefs and "#reference-codes-smtp-451" in hrefs
    assert {href.lstrip("#") for href in hrefs} <= ids(page)


def test_lines_stay_the_files_after_macros_expanded_a_template(tmp_path: Path) -> None:
    """mkdocs-macros renders each page as a Jinja template: a loop writes its body four times,
    a variable changes a line. A shortcode written in the template is found where it is."""
    pytest.importorskip("mkdocs_macros")
    project = write(tmp_path, {
        "mkdocs.yml": "site_name: t\nplugins:\n  - macros\n  - smtpcodes\n",
        "docs/index.md": """\
            # API

            {% for i in range(4) %}
            Row {{ i }} <smtp:259>
            {% endfor %}

            On {{ config.site_name }}, <smtp:5.9.9> on line 7.
            """,
    })
    result = mkdocs_build(project)
    warnings = [line for line in result.stderr.splitlines() if "smtpcodes" in line]
    assert [w.split(": unknown")[0] for w in warnings] == [
        "WARNING -  smtpcodes: index.md:4", "WARNING -  smtpcodes: index.md:7"]
