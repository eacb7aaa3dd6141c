"""Shortcodes as authors really type them: wrapped by an editor, pasted from a log, in upper
case; and the language a page asks for. Real builds, rst and MyST side by side."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from test_sphinx import Build, build, codes, main

pytest.importorskip("sphinx")
pytest.importorskip("myst_parser")

#: What rst and MyST write alike; ``{role}`` and ``{directive}`` are each syntax's own.
BODY = textwrap.dedent("""\
    Wrapped <smtp:550
    5.1.1> in running text, upper <SMTP:553> and mixed <Smtp:5.1.1>.

    Pasted <smtp:550-5.1.1>, <smtp:250 2.0.0 Ok: queued> and <smtp:smtp; 550 5.1.1 User unknown>.

    Role {role}`550
    5.1.1` wrapped, pasted {role}`550-5.1.1` and {role}`<SMTP:553>`.

    <smtp:452
    4.2.2>

    {directive}

    - item <smtp:550
      5.1.1> in a list

    Broken <smtp:550
    5.9.99> wrapped.

    Unclosed <smtp:550
    5.1.1
    and more> here.

    Escaped \\<smtp:550
    5.1.1> stays text.
""")

RST = "Authoring\n=========\n\n.. toctree::\n\n   myst\n\n" + BODY.format(
    role=":smtp:", directive=".. smtp:: 550\n   5.1.1\n\n.. smtp:: 250 2.0.0 Ok: queued")
MYST = "# MyST authoring\n\n" + BODY.format(
    role="{smtp}", directive="```{smtp} 550-5.1.1\n```\n\n```{smtp} 250 2.0.0 Ok: queued\n```")


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


@pytest.fixture(scope="module")
def authored(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(tmp_path_factory.mktemp("authoring"), {"index.rst": RST, "myst.md": MYST},
                 "-W")


def paragraph(result: Build, page: str, start: str) -> list[str]:
    body = main(result.page(page))
    found = next(p for p in body.find("p") if p.text().startswith(start))
    return codes(found.find(cls="smtp-chip"))


@pytest.mark.parametrize("page", ["index.html", "myst.html"])
def test_wrapped_upper_case_and_pasted_shortcodes_are_chips(authored: Build, page: str) -> None:
    assert paragraph(authored, page, "Wrapped") == ["550 5.1.1", "553", "5.1.1"]
    assert paragraph(authored, page, "Pasted") == ["550 5.1.1", "250 2.0.0", "550 5.1.1"]
    assert paragraph(authored, page, "Role") == ["550 5.1.1", "550 5.1.1", "553"]
    item = next(li for li in main(authored.page(page)).find("li") if "item" in li.text())
    assert codes(item.find(cls="smtp-chip")) == ["550 5.1.1"]


@pytest.mark.parametrize("page", ["index.html", "myst.html"])
def test_wrapped_and_pasted_boxes(authored: Build, page: str) -> None:
    body = main(authored.page(page))
    boxes = [e for e in body.iter() if "smtp-box" in e.classes]
    assert codes(boxes) == ["452 4.2.2", "550 5.1.1", "250 2.0.0"]


def test_every_shortcode_left_as_text_was_reported(authored: Build) -> None:
    assert authored.code != 0  # -W
    found = {(Path(m.group(1)).name, int(m.group(2)), m.group(3)) for m in re.finditer(
        r"(\S+):(\d+): WARNING: .*?\[smtpcodes\.(\w+)\]", authored.warnings)}
    assert found == {
        ("index.rst", line_of(RST, "Broken"), "unknown"),
        ("index.rst", line_of(RST, "Unclosed"), "unclosed"),
        ("myst.md", line_of(MYST, "Broken"), "unknown"),
        ("myst.md", line_of(MYST, "Unclosed"), "unclosed"),
    }, authored.warnings
    assert len(authored.lines()) == 4, authored.warnings
    for page in ("index.html", "myst.html"):
        body = main(authored.page(page))
        assert [e.text() for e in body.find(cls="smtp-error")] == ["<smtp:550 5.9.99>"]
        left = [p.text() for p in body.find("p") if "<smtp:" in p.text().lower()]
        assert [t.split()[0] for t in left] == ["Broken", "Unclosed", "Escaped"], left


def test_unclosed_warning_quotes_one_line(authored: Build) -> None:
    message = next(line for line in authored.lines() if "[smtpcodes.unclosed]" in line)
    assert "unclosed shortcode '<smtp:550': end it with '>'" in message


# --- language -----------------------------------------------------------------------------------

LANG_PAGES = {
    "index.rst": "Index\n=====\n\n.. toctree::\n   :glob:\n\n   *\n\n<smtp:553>\n",
    "myst.md": "# MyST\n\n<smtp:553>\n\nChip <smtp:553>.\n",
    "en_front.md": "---\nsmtpcodes_lang: en\n---\n# English\n\n<smtp:553>\n",
    "en_field.rst": ":smtpcodes_lang: en\n\nEnglish\n=======\n\n<smtp:553>\n",
    "region.md": "---\nsmtpcodes_lang: zh_CN\n---\n# Region\n\n<smtp:553>\n",
    "region_field.rst": ".. a comment first\n\n:smtpcodes_lang: zh-Hans\n\nRegion\n======\n\n"
                        "<smtp:553>\n",
}


@pytest.mark.parametrize("conf", ["language = 'zh_CN'", "language = 'zh'",
                                  "smtpcodes_lang = 'zh_CN'"])
def test_language_follows_the_site_unless_the_page_says(tmp_path: Path, conf: str) -> None:
    result = build(tmp_path, LANG_PAGES, "-W", conf=conf + "\n")
    assert result.code == 0, result.warnings
    langs = {name: [e.attrs["lang"] for e in main(result.page(f"{name}.html")).find(cls="smtp-box")]
             for name in ("index", "myst", "en_front", "en_field", "region", "region_field")}
    assert langs == {"index": ["zh"], "myst": ["zh"], "en_front": ["en"], "en_field": ["en"],
                     "region": ["zh"], "region_field": ["zh"]}
    chip = next(p for p in main(result.page("myst.html")).find("p") if p.text().startswith(
        "Chip")).find(cls="smtp-chip")[0]
    assert chip.attrs["title"].startswith("邮箱")


# --- lines --------------------------------------------------------------------------------------

LINES_RST = textwrap.dedent("""\
    Lines
    =====

    .. toctree::

       lines_md

    .. note::

       In a note <smtp:901>.

       Second paragraph
       <smtp:902>.

    - item

      - nested <smtp:903>

    +------+------------+
    | a    | <smtp:904> |
    +------+------------+

    .. list-table::

       * - x
         - <smtp:905>

    term
       definition <smtp:906>

       quoted <smtp:907>

    .. include:: included.txt

    After the include <smtp:908>.

    | line block
    | <smtp:909>

    .. topic:: Topic

       body <smtp:912>

    :field: <smtp:913>
""")

LINES_INCLUDED = "Included\n\nfrom the include <smtp:951>\n"

LINES_MD = textwrap.dedent("""\
    ---
    title: front matter shifts nothing
    ---
    # Lines in MyST

    Paragraph
    <smtp:921>.

    - item

      - nested <smtp:923>

    | a | b |
    |---|---|
    | x | <smtp:924> |
    | y | <smtp:929> |

    > quoted
    > <smtp:925>

    ```{eval-rst}
    Some rst

    on a line <smtp:926>
    ```

    ```{note}
    In a note
    <smtp:927>
    ```

    Para with `code` and
    more <smtp:928>
""")


def test_warnings_point_at_the_shortcodes_line(tmp_path: Path) -> None:
    pages = {"index.rst": LINES_RST, "included.txt": LINES_INCLUDED, "lines_md.md": LINES_MD}
    result = build(tmp_path, pages)
    found = {m.group(3): (Path(m.group(1)).name, int(m.group(2))) for m in re.finditer(
        r"(\S+):(\d+): WARNING: <smtp:(\d+)>", result.warnings)}
    expected = {}
    for name, text in pages.items():
        for code in re.findall(r"<smtp:(\d+)>", text):
            expected[code] = (name, line_of(text, f"<smtp:{code}>"))
    assert found == expected, result.warnings
