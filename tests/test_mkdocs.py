"""Real ``mkdocs build --strict`` runs on small sites, default and Material themes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from htmltree import classes, find_class, parent_map, parse, text
from sites.tools import ENV, mkdocs_build, write

ROOT = Path(__file__).parent.parent


def site(tmp_path: Path, config: str, pages: dict[str, str]) -> Path:
    return write(tmp_path, {"mkdocs.yml": config,
                            **{f"docs/{name}": body for name, body in pages.items()}})


def build(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return mkdocs_build(project, *extra)


PAGES = {
    "index.md": """\
        # Home

        <smtp:553>

        Running text with <smtp:250> and a comparison:

        <smtp:235 vs 553>
        """,
    "guide/errors.md": """\
        # Errors

        A user-unknown bounce is <smtp:550 5.1.1>.
        """,
}


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_plugin_alone_builds_boxes_chips_and_css(tmp_path: Path, theme: str) -> None:
    project = site(tmp_path, f"""\
        site_name: t
        theme: {theme}
        plugins:
          - smtpcodes
        """, PAGES)
    result = build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "index.html").read_text("utf-8")
    root = parse(html)
    box = [b for b in find_class(root, "smtp-box") if b.get("data-smtp-code") == "553"][0]
    assert parent_map(root)[box].tag != "p"
    assert classes(box) >= {"admonition", "danger", "smtp-5xx"}
    assert [c.get("data-smtp-code") for c in find_class(root, "smtp-chip")
            if parent_map(root)[c].tag == "p"] == ["250"]
    assert find_class(root, "smtp-compare")
    links = [el.get("href", "") for el in root.iter("link")]
    assert any(href.endswith("assets/smtpcodes/smtpcodes.css") for href in links)
    assert (project / "site" / "assets" / "smtpcodes" / "smtpcodes.css").exists()
    assert not [s for s in root.iter("style") if ".smtp" in text(s)]  # shipped, not inline


def test_bad_shortcode_fails_strict_naming_page_line_and_code(tmp_path: Path) -> None:
    project = site(tmp_path, """\
        site_name: t
        plugins:
          - smtpcodes
        """, {"index.md": "# Home\n\nFine <smtp:553>.\n",
              "bad.md": "# Bad\n\nSee <smtp:559>.\n\n<smtp:5.1>\n"})
    result = build(project)
    assert result.returncode != 0
    assert "bad.md:3: unknown SMTP code '559'" in result.stderr
    assert "bad.md:5: <smtp:5.1>" in result.stderr
    assert "did you mean 5.1.0" in result.stderr
    assert "Aborted with 2 warnings in strict mode" in result.stdout + result.stderr


def test_catalogue_page_is_generated_with_anchors_and_chips_link_to_it(tmp_path: Path) -> None:
    project = site(tmp_path, """\
        site_name: t
        plugins:
          - smtpcodes:
              catalogue_page: reference/codes.md
        """, PAGES)
    result = build(project)
    assert result.returncode == 0, result.stderr
    codes = parse((project / "site" / "reference" / "codes" / "index.html").read_text("utf-8"))
    ids = {h.get("id") for h in codes.iter("h3")}
    assert {"smtp-553", "smtp-5-1-1", "smtp-2-0-0", "smtp-4-7-1"} <= ids
    assert len(ids) == len(find_class(codes, "smtp-box")) == 44 + 81 * 3
    guide = parse((project / "site" / "guide" / "errors" / "index.html").read_text("utf-8"))
    chip = find_class(guide, "smtp-chip")[0]
    assert chip.get("href") == "../../reference/codes/#smtp-550"
    home = parse((project / "site" / "index.html").read_text("utf-8"))
    box = [b for b in find_class(home, "smtp-box") if b.get("data-smtp-code") == "553"][0]
    related = [c.get("href") for c in find_class(box, "smtp-chip")]
    assert "reference/codes/#smtp-5-1-3" in related
    box = [b for b in find_class(codes, "smtp-box") if b.get("data-smtp-code") == "553"][0]
    assert "#smtp-5-1-3" in [c.get("href") for c in find_class(box, "smtp-chip")]


def test_options_language_collapsible_sections_and_page_language(tmp_path: Path) -> None:
    project = site(tmp_path, """\
        site_name: t
        plugins:
          - smtpcodes:
              lang: zh
              collapsible: true
              sections: [description, fix]
        """, {"index.md": "<smtp:553>\n", "en.md": "---\nsmtpcodes_lang: en\n---\n<smtp:553>\n"})
    assert build(project).returncode == 0
    zh = parse((project / "site" / "index.html").read_text("utf-8"))
    box = find_class(zh, "smtp-box")[0]
    assert box.tag == "details"
    assert ["".join(dt.itertext()) for dt in box.iter("dt")] == ["描述", "如何修复"]
    en = parse((project / "site" / "en" / "index.html").read_text("utf-8"))
    assert ["".join(dt.itertext()) for dt in find_class(en, "smtp-box")[0].iter("dt")] == [
        "Description", "How to fix"]


def test_custom_catalogue_and_bad_options(tmp_path: Path) -> None:
    (tmp_path / "codes.toml").write_text(
        '[codes."559"]\nname = "Greylisted"\ndescription = "Try later."\n', "utf-8")
    project = site(tmp_path, """\
        site_name: t
        plugins:
          - smtpcodes:
              catalogue: codes.toml
        """, {"index.md": "<smtp:559>\n"})
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "Greylisted" in (project / "site" / "index.html").read_text("utf-8")

    (tmp_path / "codes.toml").write_text('[codes."559"]\ndescription = "x"\n', "utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "codes.toml: entry '559'" in result.stderr

    (tmp_path / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - smtpcodes:\n      lang: fr\n")
    result = build(project)
    assert result.returncode != 0 and "lang" in result.stderr and "'fr'" in result.stderr


def test_extension_alone_works_without_the_plugin(tmp_path: Path) -> None:
    project = site(tmp_path, """\
        site_name: t
        markdown_extensions:
          - smtpcodes:
              lang: zh
        extra_css: [smtpcodes.css]
        """, {"index.md": "<smtp:553>\n", "smtpcodes.css": ""})
    result = build(project)
    assert result.returncode == 0, result.stderr
    root = parse((project / "site" / "index.html").read_text("utf-8"))
    assert "描述" in "".join(find_class(root, "smtp-box")[0].itertext())


def test_plugin_and_extension_listed_together_register_once(tmp_path: Path) -> None:
    project = site(tmp_path, """\
        site_name: t
        markdown_extensions:
          - smtpcodes:
              sections: [description]
        plugins:
          - smtpcodes
        """, {"index.md": "<smtp:553>\n"})
    result = build(project)
    assert result.returncode == 0, result.stderr
    root = parse((project / "site" / "index.html").read_text("utf-8"))
    assert len(find_class(root, "smtp-box")) == 1


def test_project_docs_build_strict_and_show_every_code(tmp_path: Path) -> None:
    result = build(ROOT, "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    codes = parse((tmp_path / "site" / "codes" / "index.html").read_text("utf-8"))
    assert len(find_class(codes, "smtp-box")) == 44 + 81 * 3
    zh = (tmp_path / "site" / "zh" / "index.html").read_text("utf-8")
    assert "何时出现" in zh


def test_stylesheet_comes_before_the_sites_own_so_overrides_win(tmp_path: Path) -> None:
    project = site(tmp_path, """\
        site_name: t
        theme: material
        extra_css: [overrides.css]
        plugins:
          - smtpcodes
        """, {"index.md": "<smtp:553>\n", "overrides.css": ".smtp-box { margin: 0 }\n"})
    result = build(project)
    assert result.returncode == 0, result.stderr
    root = parse((project / "site" / "index.html").read_text("utf-8"))
    sheets = [link.get("href", "").rsplit("/", 1)[-1] for link in root.iter("link")
              if link.get("rel") == "stylesheet"]
    assert sheets.index("smtpcodes.css") < sheets.index("overrides.css")
    assert sheets.count("smtpcodes.css") == 1


def test_two_builds_from_one_config_register_the_extension_once(tmp_path: Path) -> None:
    project = site(tmp_path, """\
        site_name: t
        markdown_extensions:
          - smtpcodes:
              open: true
        plugins:
          - smtpcodes:
              collapsible: true
        """, {"index.md": "<smtp:553>\n"})
    script = textwrap.dedent("""\
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from smtpcodes.markdown_ext import SMTPCodesExtension

        config = load_config("mkdocs.yml")
        for _ in range(2):
            build(config)
        mine = [e for e in config.markdown_extensions if isinstance(e, SMTPCodesExtension)]
        print(len(mine), mine[0].getConfig("open"), config.extra_css)
        """)
    result = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True,
                            text=True, check=False, env=ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[0] == (
        "1 True ['assets/smtpcodes/smtpcodes.css']")
    root = parse((project / "site" / "index.html").read_text("utf-8"))
    assert [(b.tag, b.get("open")) for b in find_class(root, "smtp-box")] == [("details", "open")]
