"""Hostile and broken input on the Sphinx side: time linear in the page's size, no crash, no
escape out of the author's HTML, nothing unprintable in output or warnings, and the same
warnings from ``-j 2`` as from a serial build."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from test_sphinx import Build, build, main

pytest.importorskip("sphinx")
pytest.importorskip("myst_parser")

# --- time ---------------------------------------------------------------------------------------

#: Builds a page in-process with and without smtpcodes (best of two each, alternating) and
#: prints the CPU times: one interpreter, so start-up costs do not blur the ratio, and CPU time,
#: so other processes' load does not either.
TIMER = textwrap.dedent("""
    import io, json, sys, tempfile, time
    from pathlib import Path
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    def build(name, text, extensions):
        with tempfile.TemporaryDirectory() as root:
            src = Path(root, "src")
            src.mkdir()
            (src / "conf.py").write_text(f"extensions = {extensions!r}\\n")
            (src / name).write_text(text, encoding="utf-8")
            start = time.process_time()
            with patch_docutils(src), docutils_namespace():
                Sphinx(src, src, Path(root, "out"), Path(root, "doctrees"), "html",
                       status=None, warning=io.StringIO(), freshenv=True).build()
            return time.process_time() - start

    name, text = sys.argv[1], Path(sys.argv[2]).read_text(encoding="utf-8")
    plain, ours = ["myst_parser"], ["myst_parser", "smtpcodes.sphinx"]
    build(name, text, ours)
    times = {"plain": [], "ours": []}
    for _ in range(2):
        times["plain"].append(build(name, text, plain))
        times["ours"].append(build(name, text, ours))
    print(json.dumps({key: min(value) for key, value in times.items()}))
""")

PATHOLOGICAL = {
    # The MyST escape lookup once backtracked over every backslash run: 15,000 took seconds.
    "index.md": "# T\n\n<smtp:550 5.1.1> " + "\\" * 15000 + "x\n\n"
                + "<smtp:550 5.1.1> " + "&lt;smtp:" * 3000 + "\n\n"
                + "<smtp:550 5.1.1> " + " ".join("`" * k + "a" for k in range(1, 120)) + "\n\n"
                + "<smtp:5" + " " * 50000 + "5>\n\n"
                # Each shortcode's line was found by rescanning its paragraph.
                + "<smtp:550 5.1.1>\n" * 600 + "\n" + "<smtp:553>\n" * 600,
    "index.rst": "T\n=\n\n" + "<smtp:" * 3000 + "\n\n" + "\\<smtp:553> " * 3000 + "\n\n"
                 + "<smtp:5" + " " * 50000 + "5>\n\n" + "<smtp:550 5.1.1>\n" * 300,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_pages_cost_about_what_sphinx_itself_costs(tmp_path: Path,
                                                                name: str) -> None:
    page = tmp_path / name
    page.write_text(PATHOLOGICAL[name], encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", TIMER, name, str(page)], capture_output=True,
                         text=True, timeout=90, check=True)
    times = json.loads(run.stdout)
    assert times["ours"] < 3 * times["plain"], times


# --- hostile pages ------------------------------------------------------------------------------

CONTROL = "<smtp:5\x1b[31m53> <smtp:553\x07> <smtp:\x7f> <smtp:5\u202e53>"

RST = textwrap.dedent("""\
    Hostile
    =======

    .. toctree::

       myst

    The opener <smtp: starts a shortcode, as in ``<smtp:553>``, see `a link
    <https://example.com>`_ and \\*escaped\\*.

    Control {control} and :smtp:`5\x1b53`.

    .. smtp:: 5\x1b]0;title\x0753

    Spaces <smtp:5{spaces}5> and tabs <smtp:5{tabs}5>.

    .. raw:: html

       <b title="<smtp:553>">bold</b>
""").format(control=CONTROL, spaces=" " * 5000, tabs="\t" * 5000)

MYST = textwrap.dedent("""\
    # Hostile MyST

    The opener <smtp: starts a shortcode, as in `<smtp:553>`, [a link](https://example.com),
    <https://example.org> and \\*escaped\\*.

    x <span title='<smtp:559 onmouseover=alert(1)//>'>y</span> and <a href="<smtp:553>">z</a>.

    <div title="<smtp:553>">
    <smtp:553>
    </div>

    <!-- <smtp:553> in a comment -->

    Control {control} and nul <smtp:55\x003> and {{smtp}}`5\x1b53`.

    Spaces <smtp:5{spaces}5> and tabs <smtp:5{tabs}5>.
""").format(control=CONTROL, spaces=" " * 5000, tabs="\t" * 5000)

PAGES = {"index.rst": RST, "myst.md": MYST}
UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e]")
WARNING = re.compile(r"^(\S+):(\d+): WARNING: (.*) \[smtpcodes\.(\w+)\]$")


def found(result: Build) -> set[tuple[str, int, str]]:
    """Every warning as (file, line, type); fails on one without both, or not ours."""
    seen = set()
    for line in result.lines():
        match = WARNING.match(line)
        assert match, line
        seen.add((Path(match.group(1)).name, int(match.group(2)), match.group(4)))
    return seen


@pytest.fixture(scope="module")
def serial(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(tmp_path_factory.mktemp("serial"), PAGES, "-W")


def test_hostile_pages_build_and_fail_dash_w(serial: Build) -> None:
    assert serial.code == 1, serial.warnings  # warnings under -W; an exception would be 2
    assert "Traceback" not in serial.warnings and "Exception" not in serial.warnings
    assert found(serial) == {
        ("index.rst", 8, "unclosed"), ("index.rst", 11, "malformed"),
        ("index.rst", 13, "malformed"), ("index.rst", 15, "malformed"),
        ("index.rst", 17, "raw"),
        ("myst.md", 3, "unclosed"), ("myst.md", 6, "raw"), ("myst.md", 8, "raw"),
        ("myst.md", 9, "raw"), ("myst.md", 14, "malformed"), ("myst.md", 16, "malformed"),
    }, serial.warnings


def test_warnings_are_printable_single_lines(serial: Build) -> None:
    assert not UNPRINTABLE.search(serial.warnings), repr(serial.warnings)
    for internal in ("\x00", "<#text", "system_message", "klzzwxh"):
        assert internal not in serial.warnings
    assert all(len(line) < 600 for line in serial.lines())
    assert r"<smtp:5\x1b[31m53>" in serial.warnings  # spelt out, so the reader sees it


@pytest.mark.parametrize("page", ["index.html", "myst.html"])
def test_output_has_no_control_characters(serial: Build, page: str) -> None:
    html = (serial.out / page).read_text(encoding="utf-8")
    assert not UNPRINTABLE.search(html), UNPRINTABLE.findall(html)
    errors = [e.text() for e in main(serial.page(page)).find(cls="smtp-error")]
    assert r"<smtp:5\x1b[31m53>" in errors


def test_authors_html_is_left_as_written(serial: Build) -> None:
    body = main(serial.page("myst.html"))
    assert [e.attrs for e in body.find("span") if "y" == e.text()] == [
        {"title": "<smtp:559 onmouseover=alert(1)//>"}]
    assert [e.attrs for e in body.find("a") if e.text() == "z"] == [{"href": "<smtp:553>"}]
    handlers = [(e.tag, key) for e in serial.page("myst.html").iter() for key in e.attrs
                if key.startswith("on")]
    assert not handlers
    bold = [e.attrs for e in main(serial.page("index.html")).find("b")]
    assert bold == [{"title": "<smtp:553>"}]


@pytest.mark.parametrize("page", ["index.html", "myst.html"])
def test_an_unclosed_opener_loses_nothing_after_it(serial: Build, page: str) -> None:
    body = main(serial.page(page))
    paragraph = next(p for p in body.find("p") if p.text().startswith("The opener"))
    assert [c.text() for c in paragraph.find("code")] == ["<smtp:553>"]
    assert "https://example.com" in [a.attrs.get("href") for a in paragraph.find("a")]
    assert "*escaped*" in paragraph.text() and not paragraph.find(cls="smtp")


def test_parallel_build_reports_the_same(serial: Build, tmp_path: Path) -> None:
    # Sphinx reads in parallel from six documents on.
    fillers = {f"filler{i}.rst": ":orphan:\n\nFiller\n======\n\nText <smtp:553>.\n"
               for i in range(4)}
    parallel = build(tmp_path, {**PAGES, **fillers}, "-W", "-j", "2")
    assert parallel.code == 1
    assert found(parallel) == found(serial)
    assert len(parallel.lines()) == len(serial.lines())
