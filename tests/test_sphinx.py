"""The Sphinx extension, end to end: small projects built by a real ``sphinx-build``.

Each build is a subprocess (what users run, and the only honest test of ``-W`` and ``-j 2``);
projects are written into tmp dirs, so the tests run in parallel under ``pytest -n 2``.
Assertions parse the HTML rather than grep it: class, ``data-smtp-code``, and where a box or
chip sits.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

import htmltree

pytest.importorskip("sphinx")
pytest.importorskip("myst_parser")

from smtpcodes import __version__
from smtpcodes.sphinx import CSS_FILE, setup

# --- helpers ----------------------------------------------------------------------------------

class Build(NamedTuple):
    code: int
    warnings: str
    out: Path

    def page(self, name: str) -> Element:
        return parse_html((self.out / name).read_text(encoding="utf-8"))

    def lines(self) -> list[str]:
        return [line for line in self.warnings.splitlines() if "WARNING" in line
                or "ERROR" in line]


def build(root: Path, files: dict[str, str], *args: str, builder: str = "html",
          conf: str = "", fresh: bool = True) -> Build:
    """Write a project under ``root`` and build it with ``python -m sphinx``; ``fresh=False``
    keeps the previous build's environment (an incremental build). ``--no-color`` because CI
    machines may set FORCE_COLOR, which Sphinx honours even when stderr is a pipe."""
    src = root / "src"
    src.mkdir(parents=True, exist_ok=True)
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "smtpcodes.sphinx"]\n'
        'exclude_patterns = ["_build"]\n' + textwrap.dedent(conf), encoding="utf-8")
    for name, text in files.items():
        (src / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    out = root / "out" / builder
    run = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", builder, *(["-E"] if fresh else []), "-q",
         "--no-color", "--keep-going", *args,
         str(src), str(out)],
        capture_output=True, text=True, timeout=120, check=False)
    return Build(run.returncode, run.stderr, out)


class Element:
    """An htmltree element that also knows its ancestors, to ask where a box or chip sits."""

    def __init__(self, element: etree.Element,
                 parents: dict[etree.Element, etree.Element]) -> None:
        self.element, self.parents = element, parents

    @property
    def tag(self) -> str:
        return self.element.tag

    @property
    def attrs(self) -> dict[str, str]:
        return dict(self.element.attrib)

    @property
    def classes(self) -> list[str]:
        return self.element.get("class", "").split()

    def text(self) -> str:
        return "".join(self.element.itertext())

    def iter(self) -> Iterator[Element]:
        for element in self.element.iter():
            if element is not self.element:
                yield Element(element, self.parents)

    def find(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [e for e in self.iter() if (tag is None or e.tag == tag)
                and (cls is None or cls in e.classes)]

    def ancestors(self) -> Iterator[Element]:
        node = self.parents.get(self.element)
        while node is not None:
            yield Element(node, self.parents)
            node = self.parents.get(node)


def parse_html(text: str) -> Element:
    root = htmltree.parse(text)
    return Element(root, htmltree.parent_map(root))


def main(page: Element) -> Element:
    """The article body, without sidebars and navigation."""
    found = [e for e in page.iter() if e.attrs.get("role") == "main"]
    return found[0] if found else page


def codes(elements: list[Element]) -> list[str]:
    return [e.attrs.get("data-smtp-code", "") for e in elements]


def in_paragraph(element: Element) -> bool:
    return any(a.tag == "p" for a in element.ancestors())


# --- shared projects --------------------------------------------------------------------------

RST = r"""
    Codes <smtp:554>
    ================

    .. toctree::

       myst

    Running text: <smtp:553> and <smtp:550 5.1.1>, a role :smtp:`235 vs 553`, and
    an escaped \<smtp:421> that stays text.

    .. _lone-box:

    <smtp:553>

    ``inline <smtp:450>``

    ::

       literal block <smtp:452>

    .. code-block:: text

       code block <smtp:451>

    - <smtp:421>
    - <smtp:5.1.1>

    .. smtp:: 235 vs 553

    .. smtp:: 550 5.1.1
       :collapsible:
       :open:
       :sections: description, fix

    .. _chinese-box:

    .. smtp:: 553
       :lang: zh
       :class: mine

    Links to :ref:`the lone box <lone-box>` and :ref:`the Chinese box <chinese-box>`.
"""

MYST = r"""
    # MyST <smtp:421>

    Running text: <smtp:553> and <smtp:550 5.1.1>, a role {smtp}`5.7.1`,
    escaped \<smtp:421> and \<smtp:550 5.1.2> and &lt;smtp:452> that stay text,
    `inline <smtp:450>` and `<smtp:550 5.1.3>` untouched, then <smtp:550 5.1.3>.

    <smtp:5.1.1>

    <smtp:235 vs 553>

    ```
    fenced <smtp:451>
    ```

    ```{smtp} 550 5.1.1
    :collapsible:
    ```

    | code | meaning |
    | ---- | ------- |
    | 553  | <smtp:553> |
    | 550  | \<smtp:550 5.1.2> |

    **bold \<smtp:550 5.1.2>** and [a link around <smtp:553>](https://example.com)

    ```{eval-rst}
    From rst: <smtp:421>, \<smtp:450> and :smtp:`4.7.1`.
    ```
"""


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(tmp_path_factory.mktemp("html"), {"index.rst": RST, "myst.md": MYST},
                   conf='myst_enable_extensions = []\n')
    assert result.code == 0, result.warnings
    return result


# --- HTML: reStructuredText -------------------------------------------------------------------

def test_rst_chips_sit_in_running_text(html: Build) -> None:
    body = main(html.page("index.html"))
    paragraph = next(p for p in body.find("p") if p.text().startswith("Running text"))
    chips = paragraph.find(cls="smtp-chip")
    assert codes(chips) == ["553", "550 5.1.1", "235 553"]
    assert all("smtp" in chip.classes for chip in chips)
    assert "smtp-5xx" in chips[0].classes
    assert {"smtp-2xx", "smtp-5xx"} <= set(chips[2].classes)
    assert chips[2].text() == "235 vs 553"
    assert "<smtp:421>" in paragraph.text()  # the escape is honoured and the text kept


def test_rst_lone_shortcode_and_directive_are_boxes(html: Build) -> None:
    body = main(html.page("index.html"))
    boxes = [e for e in body.iter() if "smtp" in e.classes and e.tag in ("div", "details")]
    assert codes(boxes) == ["553", "235 553", "550 5.1.1", "553"]
    assert not any(in_paragraph(box) for box in boxes)
    lone, comparison, reply, chinese = boxes
    assert {"admonition", "danger", "smtp-box", "smtp-5xx"} <= set(lone.classes)
    assert lone.find("p", "smtp-title")[0].text().startswith("SMTP 553")
    assert "smtp-compare" in comparison.classes and comparison.find("table", "smtp-table")
    assert reply.tag == "details" and "open" in reply.attrs
    assert [dt.classes[0] for dt in reply.find("dt")] == ["smtp-description", "smtp-fix"]
    assert chinese.attrs["lang"] == "zh" and "mine" in chinese.classes
    assert (lone.attrs["id"], chinese.attrs["id"]) == ("lone-box", "chinese-box")
    links = next(p for p in body.find("p") if p.text().startswith("Links to")).find("a")
    assert [a.attrs["href"] for a in links] == ["#lone-box", "#chinese-box"]


def test_rst_code_and_literals_untouched(html: Build) -> None:
    body = main(html.page("index.html"))
    literal = [c for c in body.find("code") if "inline" in c.text()]
    assert literal and literal[0].text() == "inline <smtp:450>"
    blocks = body.find("pre")
    assert {"literal block <smtp:452>", "code block <smtp:451>"} <= {
        b.text().strip() for b in blocks}
    assert not any(b.find(cls="smtp") for b in blocks + literal)


def test_rst_list_of_codes_stays_chips(html: Build) -> None:
    body = main(html.page("index.html"))
    items = [li for li in body.find("li") if li.find(cls="smtp-chip")]
    assert codes([li.find(cls="smtp-chip")[0] for li in items]) == ["421", "5.1.1"]


def test_title_shortcode_is_a_chip_and_plain_in_the_toc(html: Build) -> None:
    page = html.page("index.html")
    heading = main(page).find("h1")[0]
    assert codes(heading.find(cls="smtp-chip")) == ["554"]
    assert page.find("title")[0].text().startswith("Codes 554")
    toc = [a for a in main(page).find("a") if a.attrs.get("href") == "myst.html"]
    assert toc and toc[0].text() == "MyST 421" and not toc[0].find(cls="smtp")


# --- HTML: MyST -------------------------------------------------------------------------------

def test_myst_autolinks_and_spaced_shortcodes_become_chips(html: Build) -> None:
    body = main(html.page("myst.html"))
    paragraph = next(p for p in body.find("p") if p.text().startswith("Running text"))
    assert codes(paragraph.find(cls="smtp-chip")) == ["553", "550 5.1.1", "5.7.1", "550 5.1.3"]
    assert not [a for a in paragraph.find("a") if a.attrs.get("href", "").startswith("smtp:")]


def test_myst_escapes_and_code_untouched(html: Build) -> None:
    body = main(html.page("myst.html"))
    paragraph = next(p for p in body.find("p") if p.text().startswith("Running text"))
    text = paragraph.text()
    for literal in ("<smtp:421>", "<smtp:550 5.1.2>", "<smtp:452>"):
        assert literal in text
    spans = [c.text() for c in paragraph.find("code")]
    assert spans == ["inline <smtp:450>", "<smtp:550 5.1.3>"]
    fenced = [p for p in body.find("pre") if "fenced" in p.text()]
    assert fenced and fenced[0].text().strip() == "fenced <smtp:451>"
    assert not fenced[0].find(cls="smtp")


def test_myst_lone_shortcodes_and_directive_are_boxes(html: Build) -> None:
    body = main(html.page("myst.html"))
    boxes = [e for e in body.iter() if "smtp" in e.classes and e.tag in ("div", "details")]
    assert codes(boxes) == ["5.1.1", "235 553", "550 5.1.1"]
    assert not any(in_paragraph(box) for box in boxes)
    assert "smtp-compare" in boxes[1].classes
    assert boxes[2].tag == "details" and "open" not in boxes[2].attrs


def test_myst_table_cell_is_a_chip(html: Build) -> None:
    body = main(html.page("myst.html"))
    cells = [td for td in body.find("td") if td.find(cls="smtp")]
    assert codes([c.find(cls="smtp")[0] for c in cells]) == ["553"]
    assert "smtp-chip" in cells[0].find(cls="smtp")[0].classes
    assert "<smtp:550 5.1.2>" in [td.text().strip() for td in body.find("td")]


def test_myst_links_emphasis_and_eval_rst(html: Build) -> None:
    body = main(html.page("myst.html"))
    bold = next(p for p in body.find("p") if p.text().startswith("bold"))
    strong = bold.find("strong")[0]
    assert strong.text() == "bold <smtp:550 5.1.2>" and not strong.find(cls="smtp")
    link = [a for a in bold.find("a") if a.attrs.get("href") == "https://example.com"][0]
    chip = link.find(cls="smtp-chip")
    assert codes(chip) == ["553"] and chip[0].tag == "span"  # no link inside the link
    assert not [a for a in body.find("a") if a.attrs.get("href", "").startswith("smtp:")]
    rst = next(p for p in body.find("p") if p.text().startswith("From rst"))
    assert codes(rst.find(cls="smtp-chip")) == ["421", "4.7.1"]
    assert "<smtp:450>" in rst.text()


def test_css_is_shipped_and_linked(html: Build) -> None:
    links = [e.attrs["href"] for e in html.page("index.html").find("link")
             if "smtpcodes.css" in e.attrs.get("href", "")]
    assert links and links[0].startswith("_static/smtpcodes.css")
    if CSS_FILE.exists():
        assert (html.out / "_static" / "smtpcodes.css").read_bytes() == CSS_FILE.read_bytes()


# --- warnings, -W, suppress_warnings ----------------------------------------------------------

BROKEN_RST = """
    Broken
    ======

    Fine <smtp:553>, unknown <smtp:259>,
    malformed <smtp:5&3> on the second line.

    <smtp:550 4.1.1>

    .. toctree::

       broken_md

    Role :smtp:`abc`.

    .. smtp:: 999
"""

BROKEN_MD = """
    # Broken MyST

    Unknown <smtp:5.9.99> here.

    <smtp:550 4.1.1>
"""


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(tmp_path_factory.mktemp("broken"),
                 {"index.rst": BROKEN_RST, "broken_md.md": BROKEN_MD})


def test_warnings_name_file_line_and_type(broken: Build) -> None:
    assert broken.code == 0
    found = {(Path(m.group(1)).name, int(m.group(2)), m.group(3))
             for m in re.finditer(r"(\S+):(\d+): WARNING: .*?\[smtpcodes\.(\w+)\]",
                                  broken.warnings)}
    assert found == {
        ("index.rst", 4, "unknown"), ("index.rst", 5, "malformed"),
        ("index.rst", 7, "mismatch"), ("index.rst", 13, "malformed"),
        ("index.rst", 15, "malformed"),
        ("broken_md.md", 3, "unknown"), ("broken_md.md", 5, "mismatch"),
    }, broken.warnings
    assert "did you mean" in broken.warnings  # the catalogue's hint reaches the user


def test_errors_are_visible_and_escaped(broken: Build) -> None:
    body = main(broken.page("index.html"))
    errors = body.find(cls="smtp-error")
    assert [e.text() for e in errors] == ["<smtp:259>", "<smtp:5&3>", ":smtp:`abc`", "999"]
    assert all(e.tag == "span" and e.attrs["title"] for e in errors)
    assert all(in_paragraph(e) for e in errors)  # a broken box is not a box
    raw = (broken.out / "index.html").read_text(encoding="utf-8")
    assert "&lt;smtp:5&amp;3&gt;" in raw and "<smtp:" not in raw
    mismatch = [e for e in body.find("div", "smtp-box") if "smtp-warning" in
                {c for x in e.iter() for c in x.classes}]
    assert codes(mismatch) == ["550 4.1.1"]


def test_dash_w_fails_and_suppress_warnings_silences(tmp_path: Path) -> None:
    failing = build(tmp_path / "a", {"index.rst": BROKEN_RST, "broken_md.md": BROKEN_MD}, "-W")
    assert failing.code != 0
    quiet = build(tmp_path / "b", {"index.rst": BROKEN_RST, "broken_md.md": BROKEN_MD}, "-W",
                  conf='suppress_warnings = ["smtpcodes"]\n')
    assert quiet.code == 0, quiet.warnings
    assert "smtpcodes" not in quiet.warnings
    partial = build(tmp_path / "c", {"index.rst": BROKEN_RST, "broken_md.md": BROKEN_MD},
                    conf='suppress_warnings = ["smtpcodes.unknown", "smtpcodes.malformed"]\n')
    assert "[smtpcodes.mismatch]" in partial.warnings
    assert "[smtpcodes.unknown]" not in partial.warnings
    assert "[smtpcodes.malformed]" not in partial.warnings


# --- parallel builds --------------------------------------------------------------------------

def test_parallel_build_is_clean_and_identical(tmp_path: Path) -> None:
    pages = {f"p{i}.rst": f"Page {i}\n======\n\n<smtp:55{i}>\n\nText :smtp:`4.2.{i}`.\n"
             for i in range(4)}
    pages["m.md"] = "# M\n\n<smtp:553>\n"
    pages["index.rst"] = "Index\n=====\n\n.. toctree::\n   :glob:\n\n   *\n"
    serial = build(tmp_path / "serial", pages, "-W")
    parallel = build(tmp_path / "parallel", pages, "-W", "-j", "2")
    assert serial.code == 0 and parallel.code == 0, parallel.warnings
    assert not parallel.lines(), parallel.warnings
    for name in ("p0.html", "p3.html", "m.html"):
        one = main(serial.page(name)).find(cls="smtp")
        two = main(parallel.page(name)).find(cls="smtp")
        assert codes(one) == codes(two) and one


def test_parallel_build_reports_warnings(tmp_path: Path) -> None:
    pages = {"index.rst": BROKEN_RST, "broken_md.md": BROKEN_MD}
    result = build(tmp_path, pages, "-W", "-j", "2")
    assert result.code != 0
    assert "[smtpcodes.unknown]" in result.warnings


def test_setup_metadata() -> None:
    class App:
        def __getattr__(self, name: str) -> object:
            return lambda *args, **kwargs: None

    meta = setup(App())  # type: ignore[arg-type]
    assert meta["version"] == __version__
    assert meta["parallel_read_safe"] is True and meta["parallel_write_safe"] is True


def test_myst_heading_anchor_is_the_titles_text_as_on_mkdocs(tmp_path: Path) -> None:
    """``[…](#retry-after-421-now)`` is the link Python-Markdown's toc gives the heading: the
    same MyST page builds under ``-W`` on both sites, and the source text's slug still works."""
    result = build(tmp_path, {
        "index.md": """\
            # Bounces

            ## Retry after <smtp:421> now

            ## Full: <smtp:552 5.2.2>

            See [retry](#retry-after-421-now), [full](#full-552-522) and
            [as before](#retry-after-smtp421-now), or [the other page](other.md#later-250).

            ```{toctree}
            other
            ```
            """,
        "other.md": "# Other\n\n## Later <smtp:250>\n\n[Back](index.md#retry-after-421-now)\n",
    }, "-W", conf="myst_heading_anchors = 2\n")
    assert result.code == 0, result.warnings
    ids = {name: {e.attrs.get("id") for e in result.page(name).iter()}
           for name in ("index.html", "other.html")}
    written = []  # the page's own links; MyST 4 links them to docutils' ids, not the slugs
    for name in ids:
        for link in result.page(name).find("a", "internal"):
            page, _, fragment = link.attrs["href"].partition("#")
            assert not fragment or fragment in ids[page or name], link.attrs["href"]
            written += [link.text()] if link.text() in {"retry", "full", "as before",
                                                   "the other page", "Back"} else []
    assert sorted(written) == ["Back", "as before", "full", "retry", "the other page"]


# --- non-HTML builders ------------------------------------------------------------------------

PLAIN = """
    Plain
    =====

    Chip <smtp:553> in text and :smtp:`235 vs 553`.

    <smtp:550 5.1.1>

    .. smtp:: 235 vs 553

    Broken <smtp:259>.

    ``<smtp:553>``
"""

HTML_BITS = re.compile(r"<(?:div|span|p|a|details|summary|dl|dt|dd|table)\b|class=|data-smtp")


def test_text_builder_is_readable_without_html(tmp_path: Path) -> None:
    result = build(tmp_path, {"index.rst": PLAIN, "m.md": "# M\n\n<smtp:553>\n"},
                   builder="text", conf="root_doc = 'index'\n")
    assert result.code == 0, result.warnings
    text = (result.out / "index.txt").read_text(encoding="utf-8")
    assert not HTML_BITS.search(text), text
    text = " ".join(text.split())  # the text writer wraps lines
    assert "**553** (Mailbox name invalid)" in text
    assert "**235 vs 553** (Authentication succeeded vs Mailbox name invalid)" in text
    assert "SMTP 550 5.1.1 · Requested mailbox unavailable" in text
    assert "SMTP 235 vs 553" in text and "Key differences" in text
    assert "<smtp:259>" in text  # the error stays visible, as written
    assert '"<smtp:553>"' in text  # inline code untouched
    assert not HTML_BITS.search((result.out / "m.txt").read_text(encoding="utf-8"))


def test_chip_in_a_title_is_its_label_in_text_and_latex(tmp_path: Path) -> None:
    """The title reads as in HTML, its table of contents and search: no name appended."""
    page = ("Retry\n=====\n\n"
            "Retrying after <smtp:421>\n-------------------------\n\nSee <smtp:421>.\n")
    text = build(tmp_path, {"index.rst": page}, builder="text")
    assert text.code == 0, text.warnings
    assert (text.out / "index.txt").read_text(encoding="utf-8").endswith(
        "Retrying after 421\n==================\n\nSee **421** (Service not available).\n")
    latex = build(tmp_path, {"index.rst": page}, builder="latex", conf="project = 'p'\n")
    assert latex.code == 0, latex.warnings
    tex = (latex.out / "p.tex").read_text(encoding="utf-8")
    assert "\\chapter{Retrying after 421}" in tex


@pytest.mark.parametrize("builder, name", [("latex", "python.tex"), ("man", "python.1")])
def test_latex_and_man_get_plain_nodes(tmp_path: Path, builder: str, name: str) -> None:
    result = build(tmp_path, {"index.rst": PLAIN}, builder=builder,
                   conf="project = 'python'\n")
    assert result.code == 0, result.warnings
    out = next(result.out.glob(f"*{Path(name).suffix}")).read_text(encoding="utf-8")
    assert not HTML_BITS.search(out)
    assert "Mailbox name invalid" in out and "Requested mailbox unavailable" in out


# --- configuration ----------------------------------------------------------------------------

def test_config_defaults_and_custom_catalogue(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "codes.toml").write_text(textwrap.dedent("""
        [codes.559]
        name = "Our own refusal"
        description = "Only this provider sends it."
        """), encoding="utf-8")
    page = """
        Custom
        ======

        <smtp:559>

        .. smtp:: 553
           :collapsible: no

        Text <smtp:553>.
    """
    result = build(tmp_path, {"index.rst": page}, "-W", conf="""
        smtpcodes_catalogue = "codes.toml"
        smtpcodes_collapsible = True
        smtpcodes_lang = "zh"
        smtpcodes_sections = ["description"]
    """)
    assert result.code == 0, result.warnings
    body = main(result.page("index.html"))
    custom, plain = [e for e in body.iter() if "smtp" in e.classes and e.tag != "span"]
    assert custom.tag == "details" and custom.attrs["data-smtp-code"] == "559"
    assert "Our own refusal" in custom.text()
    assert plain.tag == "div" and plain.attrs["lang"] == "zh"
    assert [dt.classes[0] for dt in plain.find("dt")] == ["smtp-description"]


@pytest.mark.parametrize("conf, message", [
    ("smtpcodes_lang = 'xx'", "smtpcodes_lang: unknown language 'xx'"),
    ("smtpcodes_catalogue = 'missing.toml'", "smtpcodes_catalogue: "),
    ("smtpcodes_sections = ['description', 'nope']", "unknown section 'nope'"),
    ("smtpcodes_collapsible = 'yes'", "smtpcodes_collapsible must be True or False"),
    ("smtpcodes_search_body = 'no'", "smtpcodes_search_body must be True or False"),
])
def test_bad_config_stops_the_build(tmp_path: Path, conf: str, message: str) -> None:
    result = build(tmp_path, {"index.rst": "T\n=\n\n<smtp:553>\n"}, conf=conf + "\n")
    assert result.code != 0
    assert message in result.warnings


def test_bad_directive_option_is_reported(tmp_path: Path) -> None:
    page = "T\n=\n\n.. smtp:: 553\n   :lang: xx\n\n.. smtp:: 553\n   :sections: nope\n"
    result = build(tmp_path, {"index.rst": page})
    assert "unknown language 'xx'" in result.warnings
    assert "unknown section 'nope'" in result.warnings
    assert "index.rst:4" in result.warnings and "index.rst:7" in result.warnings


def test_page_language_from_front_matter_and_field_list(tmp_path: Path) -> None:
    pages = {
        "index.rst": ":smtpcodes_lang: zh\n\nT\n=\n\n<smtp:553>\n\n.. toctree::\n\n   m\n   bad\n",
        "m.md": "---\nsmtpcodes_lang: zh\n---\n# M\n\n<smtp:553>\n\n"
                "```{smtp} 553\n:lang: en\n```\n",
        "bad.md": "---\nsmtpcodes_lang: xx\n---\n# B\n\n<smtp:553>\n",
    }
    result = build(tmp_path, pages)
    assert result.code == 0, result.warnings
    langs = {name: [b.attrs["lang"] for b in main(result.page(name)).find(cls="smtp-box")]
             for name in ("index.html", "m.html", "bad.html")}
    assert langs == {"index.html": ["zh"], "m.html": ["zh", "en"], "bad.html": ["en"]}
    assert re.search(r"bad\.md:\d+: WARNING: smtpcodes_lang: unknown language 'xx'.*"
                     r"\[smtpcodes\.lang\]", result.warnings), result.warnings


def test_substitutions_are_checked_once(tmp_path: Path) -> None:
    page = "T\n=\n\n.. |bad| replace:: see :smtp:`259`\n\nOne |bad| and two |bad|.\n"
    result = build(tmp_path, {"index.rst": page})
    assert result.warnings.count("[smtpcodes.unknown]") == 2  # one per use, none for the definition
    errors = main(result.page("index.html")).find(cls="smtp-error")
    assert len(errors) == 2


def test_linkcheck_skips_the_catalogue_links(tmp_path: Path) -> None:
    result = build(tmp_path, {"index.rst": PLAIN}, builder="linkcheck")
    assert result.code == 0, result.warnings
    assert "rfc-editor.org" not in (result.out / "output.txt").read_text(encoding="utf-8")
