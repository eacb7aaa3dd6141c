"""Language follows the site: mkdocs-static-i18n locales and ``theme.language``, real builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from htmltree import find_class, parse, text
from sites.tools import copy_site, mkdocs_build, resolve, write


def boxes(page: Path) -> list[tuple[str, str]]:
    """(code, lang) of each box on a built page."""
    root = parse(page.read_text("utf-8"))
    return [(b.get("data-smtp-code", ""), b.get("lang", ""))
            for b in find_class(root, "smtp-box")]


def test_i18n_site_builds_a_catalogue_page_per_locale_in_its_language(tmp_path: Path) -> None:
    project = copy_site("i18n", tmp_path)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"

    for locale, lang, name, title in (("", "en", "Mailbox name invalid", "SMTP codes"),
                                      ("zh/", "zh", "邮箱名称无效", "SMTP 代码")):
        catalogue = parse((site / locale / "codes" / "index.html").read_text("utf-8"))
        assert text(next(catalogue.iter("h1"))).rstrip("¶") == title
        heading = next(h for h in catalogue.iter("h3") if h.get("id") == "smtp-553")
        assert text(heading).startswith(f"553 · {name}")
        assert {box.get("lang") for box in find_class(catalogue, "smtp-box")} == {lang}

    # Translated page, untranslated page (shown in every locale), and a page that asks for
    # English in its front matter.
    assert boxes(site / "zh" / "index.html") == [("553", "zh")]
    assert boxes(site / "zh" / "setup" / "index.html") == [("5.7.1", "zh")]
    assert boxes(site / "setup" / "index.html") == [("5.7.1", "en")]
    assert boxes(site / "zh" / "bounces" / "index.html") == [("550 5.1.1", "en")]

    # Chips lead to the catalogue page of their own locale.
    for page in (site / "index.html", site / "zh" / "index.html"):
        chip = next(c for c in find_class(parse(page.read_text("utf-8")), "smtp-chip")
                    if c.get("data-smtp-code") == "250")
        assert resolve(page, chip.get("href", "")) == (page.parent / "codes" / "index.html",
                                                       "smtp-250")


@pytest.mark.parametrize("theme", [
    "{name: material, language: zh}",
    "{name: mkdocs, locale: zh_CN}",
])
def test_theme_language_puts_boxes_in_that_language_unless_the_page_says(
        tmp_path: Path, theme: str) -> None:
    project = write(tmp_path, {
        "mkdocs.yml": f"site_name: t\ntheme: {theme}\nplugins:\n  - smtpcodes\n",
        "docs/index.md": "# 首页\n\n<smtp:553>\n",
        "docs/en.md": "---\nsmtpcodes_lang: en\n---\n\n# English\n\n<smtp:553>\n",
    })
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert boxes(project / "site" / "index.html") == [("553", "zh")]
    assert boxes(project / "site" / "en" / "index.html") == [("553", "en")]
