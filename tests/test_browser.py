"""Headless Chromium (Debian's ``chromium``) loads real sites built with the themes people use,
light and dark where the theme has both, and checks that boxes look like the theme's own
admonitions: same colours, title, icon and indents as a native admonition of the same type on
the same page, readable text, no icon over the title, section labels not styled as API
signatures, and chips and errors visible. ``SMTPCODES_SCREENSHOTS=dir`` keeps a screenshot of
every page; look at them."""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REQUIRED = bool(os.environ.get("SMTPCODES_REQUIRE_BROWSER"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    if REQUIRED:
        raise RuntimeError("SMTPCODES_REQUIRE_BROWSER is set but chromium is not installed")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)",
                allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

CHROME_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# The shipped class colours, which chips wear everywhere.
CLASS_COLOURS = {"250": "rgb(0, 168, 107)", "354": "rgb(11, 139, 217)",
                 "421": "rgb(224, 138, 0)", "553": "rgb(229, 56, 59)"}

MARKDOWN = """\
# Boxes

Chips: <smtp:250>, <smtp:354>, <smtp:421>, <smtp:553> and <smtp:559>.

<smtp:250>

<smtp:354>

<smtp:421>

<smtp:550 5.1.1>

<smtp:235 vs 553>

!!! success "Native"
    A native admonition.

!!! hint "Native"
    A native admonition.

!!! info "Native"
    A native admonition.

!!! warning "Native"
    A native admonition.

!!! danger "Native"
    A native admonition.

!!! note "Native"
    A native admonition.
"""
RST = """\
Boxes
=====

Chips: <smtp:250>, <smtp:354>, <smtp:421>, <smtp:553> and <smtp:559>.

<smtp:250>

<smtp:354>

<smtp:421>

<smtp:550 5.1.1>

<smtp:235 vs 553>

.. smtp:: 452 4.2.2
   :collapsible:
   :open:

.. hint:: A native admonition.

.. note:: A native admonition.

.. warning:: A native admonition.

.. danger:: A native admonition.
"""
MATERIAL_PALETTE = """
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
    - media: "(prefers-color-scheme: dark)"
      scheme: slate"""
# The native admonition each box should look like: Material's types, and Sphinx's (which the
# readthedocs theme of MkDocs shares).
MATERIAL_TYPES = {"250": "success", "354": "info", "421": "warning", "550 5.1.1": "danger",
                  "compare": "note"}
SPHINX_TYPES = {**MATERIAL_TYPES, "250": "hint", "354": "note"}


class Site:
    def __init__(self, name: str, tool: str, module: str, schemes: tuple[str, ...],
                 types: dict[str, str], theme: str = "", python: tuple[int, int] = (3, 10)
                 ) -> None:
        self.name, self.tool, self.module, self.schemes = name, tool, module, schemes
        self.types, self.theme, self.python = types, theme or name, python

    def build(self, root: Path) -> Path:
        """Build the small site under ``root``; return the folder to serve."""
        root.mkdir()
        if self.tool == "plain":
            import markdown

            # The extension puts its stylesheet inline in the page: nothing to copy by hand.
            body = markdown.markdown(MARKDOWN, extensions=["admonition", "smtpcodes"])
            (root / "index.html").write_text(
                f'<!doctype html><html><head><meta charset="utf-8"></head><body>{body}</body>'
                '</html>', "utf-8")
            return root
        if self.tool == "sphinx":
            (root / "index.rst").write_text(RST, "utf-8")
            (root / "conf.py").write_text(
                f"extensions = ['smtpcodes.sphinx']\nhtml_theme = {self.theme!r}\n", "utf-8")
            command = ["sphinx", "-q", "-b", "html", ".", "_build"]
            out = root / "_build"
        else:
            (root / "docs").mkdir()
            (root / "docs" / "index.md").write_text(MARKDOWN, "utf-8")
            config = f"site_name: t\ntheme:\n  name: {self.theme}"
            config += MATERIAL_PALETTE if self.theme == "material" else ""
            config += "\n  color_mode: auto" if self.theme == "mkdocs" else ""
            if self.tool == "zensical":  # no MkDocs plugins: the extension brings its stylesheet
                config += "\nmarkdown_extensions: [admonition, smtpcodes]"
            else:
                config += "\nplugins: [smtpcodes]\nmarkdown_extensions: [admonition]"
            (root / "mkdocs.yml").write_text(config + "\n", "utf-8")
            command = [self.tool, "build"]
            out = root / "site"
        run = subprocess.run([sys.executable, "-m", *command], cwd=root, capture_output=True,
                             text=True, timeout=300,
                             env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        assert run.returncode == 0, run.stdout + run.stderr
        return out


BOTH = ("light", "dark")
SITES = [
    Site("plain", "plain", "markdown", ("light",), MATERIAL_TYPES),
    Site("material", "mkdocs", "material", BOTH, MATERIAL_TYPES),
    Site("mkdocs", "mkdocs", "mkdocs", BOTH, MATERIAL_TYPES),
    Site("readthedocs", "mkdocs", "mkdocs", ("light",), SPHINX_TYPES),
    Site("zensical", "zensical", "zensical", BOTH, MATERIAL_TYPES, theme="material",
         python=(3, 11)),
    Site("alabaster", "sphinx", "alabaster", ("light",), SPHINX_TYPES),
    Site("furo", "sphinx", "furo", BOTH, SPHINX_TYPES),
    Site("sphinx_rtd_theme", "sphinx", "sphinx_rtd_theme", ("light",), SPHINX_TYPES),
    Site("pydata_sphinx_theme", "sphinx", "pydata_sphinx_theme", BOTH, SPHINX_TYPES),
    Site("sphinx_book_theme", "sphinx", "sphinx_book_theme", BOTH, SPHINX_TYPES),
]

# Measures an element in the page: computed looks, text contrast against the colours actually
# behind it, where its text starts and ends, and where a title's icon sits.
MEASURE = """(selector) => {
  const el = document.querySelector(selector);
  if (!el) return null;
  const rgba = c => {
    const m = c.match(/[\\d.]+/g).map(Number);
    return [...m.slice(0, 3), m.length > 3 ? m[3] : 1];
  };
  const over = (top, below) =>
    [0, 1, 2].map(i => top[i] * top[3] + below[i] * (1 - top[3])).concat([1]);
  const behind = e => {
    const layers = [];
    for (; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const luminance = c => {
    const [r, g, b] = c.slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = e => {
    const bg = behind(e), fg = over(rgba(getComputedStyle(e).color), bg);
    const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  };
  const texts = e => {
    const out = [], walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    for (let n; (n = walk.nextNode());) {
      if (!n.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      out.push(...range.getClientRects());
    }
    return out;
  };
  const keys = (e, names, pseudo) => {
    const style = getComputedStyle(e, pseudo);
    return Object.fromEntries(names.map(k => [k, style.getPropertyValue(k)]));
  };
  const icon = (title, pseudo) => {
    const s = getComputedStyle(title, pseudo), t = getComputedStyle(title);
    if (['none', 'normal'].includes(s.content) || s.position !== 'absolute') return null;
    if (t.position === 'static') return null;
    const width = parseFloat(s.width), box = title.getBoundingClientRect();
    if (!(width < 3 * parseFloat(t.fontSize))) return null;  // a background layer, not an icon
    const left = box.left + parseFloat(t.borderLeftWidth) + parseFloat(s.left)
      + parseFloat(s.marginLeft);
    return [left, left + width];
  };
  const left = e => e.getBoundingClientRect().left - el.getBoundingClientRect().left;
  const box = el.getBoundingClientRect();
  const title = el.querySelector(':scope > .admonition-title');
  const body = el.querySelector(':scope > p:not(.admonition-title)')
    || el.querySelector(':scope > :not(.admonition-title)');
  const all = texts(el), titleText = texts(title)[0];
  const look = ['border-left-color', 'border-left-width', 'border-top-color', 'border-top-width',
                'background-color', 'border-radius', 'box-shadow', 'padding-left', 'padding-right',
                'padding-top', 'margin-top', 'margin-bottom', 'font-family', 'font-size'];
  const titleLook = ['color', 'background-color', 'font-family', 'font-size', 'font-weight',
                     'padding-left', 'padding-top', 'padding-bottom', 'margin-left', 'margin-right',
                     'margin-top', 'border-top-width', 'border-left-width', 'display'];
  const pseudo = ['content', 'color', 'background-color', 'position', 'left', 'width'];
  const dts = [...el.querySelectorAll('dl > dt')];
  return {
    visible: box.width > 300 && box.height > 60 && getComputedStyle(el).visibility === 'visible',
    width: Math.round(box.width), right: box.right,
    look: keys(el, look), title: keys(title, titleLook),
    before: keys(title, pseudo, '::before'), after: keys(title, pseudo, '::after'),
    titleContrast: contrast(title), bodyContrast: contrast(body),
    titleTextLeft: titleText.left, titleTextRight: titleText.right,
    icons: [icon(title, '::before'), icon(title, '::after')].filter(Boolean),
    bodyIndent: left(body),
    bottomGap: box.bottom - Math.max(...all.map(r => r.bottom)),
    widest: Math.max(...[...el.querySelectorAll('*')].map(e => e.getBoundingClientRect().right)),
    ddIndent: [...el.querySelectorAll('dl > dd')].map(left),
    dtLook: dts.map(dt => keys(dt, ['background-color', 'border-top-width', 'display',
                                    'font-family'])),
    bodyFont: getComputedStyle(body).fontFamily,
    dtContrast: dts.map(contrast),
    pills: [...el.querySelectorAll('.smtp-class, .smtp-chip')].map(contrast),
  };
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS)
        yield instance
        instance.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _serve(directory: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _needs(site: Site) -> None:
    if sys.version_info < site.python:
        pytest.skip(f"{site.name} needs Python {'.'.join(map(str, site.python))} or later")
    module = site.module
    if importlib.util.find_spec(module) is None:
        if REQUIRED:
            raise AssertionError(f"{module} is not installed: pip install -e '.[dev]'")
        pytest.skip(f"{module} is not installed")


@pytest.mark.parametrize("site", SITES, ids=[s.name for s in SITES])
def test_boxes_look_like_the_themes_own_admonitions(browser: Any, tmp_path: Path,
                                                    site: Site) -> None:
    _needs(site)
    server = _serve(site.build(tmp_path / site.name))
    try:
        for scheme in site.schemes:
            page = browser.new_page(viewport={"width": 1100, "height": 900},
                                    color_scheme=scheme)
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/index.html")
            try:
                _check_page(page, site, scheme)
            finally:
                _screenshots(page, site, scheme)
                page.close()
    finally:
        server.shutdown()


def _check_page(page: Any, site: Site, scheme: str) -> None:
    where = f"{site.name} ({scheme})"
    natives: dict[str, Any] = {}
    for code, kind in site.types.items():
        selector = "div.smtp-compare" if code == "compare" else f'div.smtp[data-smtp-code="{code}"]'
        ours = page.evaluate(MEASURE, selector)
        assert ours and ours["visible"], f"{where}: box {code} is not visible"
        _check_box(ours, f"{where}, box {code}")
        if site.tool == "plain":
            continue
        if kind not in natives:
            natives[kind] = page.evaluate(MEASURE, f"div.admonition.{kind}:not(.smtp)")
        _check_native_look(ours, natives[kind], f"{where}, box {code} vs a native {kind}")
    if site.tool == "plain":
        _check_self_drawn(page, where)
    if site.tool == "sphinx":
        details = page.evaluate(MEASURE, "details.smtp")
        assert details and details["visible"], f"{where}: the collapsible box is not visible"
        drawn = details["look"]
        assert drawn["background-color"] != "rgba(0, 0, 0, 0)" or (
            drawn["border-left-width"] != "0px"), f"{where}: the collapsible box has no box"
        if site.name != "alabaster":  # which draws no collapsible admonition: the box does
            indent = natives["note"]["bodyIndent"]
            assert abs(details["bodyIndent"] - indent) <= 1, (
                f"{where}: the collapsible box's body starts at {details['bodyIndent']:.0f}px, "
                f"in a native admonition at {indent:.0f}px")
        _check_box(details, f"{where}, collapsible box")
    for code, colour in CLASS_COLOURS.items():
        chip = page.locator(f'p .smtp-chip[data-smtp-code="{code}"]')
        assert chip.is_visible(), f"{where}: chip {code}"
        assert chip.evaluate("e => getComputedStyle(e).borderTopColor") == colour, where
    error = page.locator(".smtp-error")
    assert error.is_visible() and error.inner_text() == "<smtp:559>", where


def _check_box(ours: dict[str, Any], where: str) -> None:
    """What every box must get right, whatever the theme."""
    assert ours["bodyContrast"] >= 4.5, f"{where}: body text contrast {ours['bodyContrast']:.2f}"
    assert min(ours["pills"], default=21) >= 4.5, f"{where}: chip or pill contrast {ours['pills']}"
    assert min(ours["dtContrast"], default=21) >= 4.5, f"{where}: section label contrast"
    for left, right in ours["icons"]:
        assert right <= ours["titleTextLeft"] + 0.5 or left >= ours["titleTextRight"], (
            f"{where}: the title's icon ({left:.0f}-{right:.0f}px) covers its text, which starts "
            f"at {ours['titleTextLeft']:.0f}px")
    for dt in ours["dtLook"]:  # a plain label, not an API signature
        assert dt["background-color"] == "rgba(0, 0, 0, 0)", f"{where}: section label {dt}"
        assert dt["border-top-width"] == "0px" and dt["display"] == "block", where
        assert dt["font-family"] == ours["bodyFont"], f"{where}: section label font {dt}"
    assert all(abs(dd - ours["ddIndent"][0]) <= 1 for dd in ours["ddIndent"]), where
    assert ours["widest"] <= ours["right"] + 1, f"{where}: content overflows the box"


def _check_native_look(ours: dict[str, Any], native: dict[str, Any], where: str) -> None:
    assert native, f"{where}: the page has no native admonition to compare with"
    for part in ("look", "title", "before", "after"):
        differ = {k: (v, native[part][k]) for k, v in ours[part].items() if v != native[part][k]}
        assert not differ, f"{where}: {part} differs (ours, native): {differ}"
    assert ours["width"] == native["width"], where
    assert abs(ours["bodyIndent"] - native["bodyIndent"]) <= 1, (
        f"{where}: body starts at {ours['bodyIndent']:.0f}px, natively {native['bodyIndent']:.0f}")
    assert abs(ours["ddIndent"][0] - native["bodyIndent"]) <= 1, f"{where}: sections indented"
    assert ours["bottomGap"] <= native["bottomGap"] + 4, (
        f"{where}: {ours['bottomGap']:.0f}px below the text, natively {native['bottomGap']:.0f}")
    assert ours["titleContrast"] >= min(4.5, native["titleContrast"] - 0.01), where


def _check_self_drawn(page: Any, where: str) -> None:
    """Without a theme the box draws itself in its class colour."""
    for code in ("250", "354", "421"):
        box = page.locator(f'div.smtp[data-smtp-code="{code}"]')
        assert box.evaluate("e => getComputedStyle(e).borderLeftColor") == CLASS_COLOURS[code]
        assert box.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
        title = box.locator(".smtp-title")
        assert title.evaluate("e => getComputedStyle(e).fontWeight") == "700", where


def _screenshots(page: Any, site: Site, scheme: str) -> None:
    """The top of the page, then each kind of box and the native admonitions, for a person to
    compare."""
    folder = os.environ.get("SMTPCODES_SCREENSHOTS")
    if not folder:
        return
    name = Path(folder) / f"{site.name}-{scheme}"
    page.screenshot(path=f"{name}-top.png")
    for label, selector in (("reply", 'div.smtp[data-smtp-code="550 5.1.1"]'),
                            ("compare", "div.smtp-compare"), ("details", "details.smtp"),
                            ("native", ".admonition:not(.smtp)")):
        clip = page.evaluate("""s => {
            const all = [...document.querySelectorAll(s)];
            if (!all.length) return null;
            const top = all[0].getBoundingClientRect(), end = all.at(-1).getBoundingClientRect();
            return {x: top.x + scrollX - 8, y: top.y + scrollY - 8, width: top.width + 16,
                    height: end.bottom - top.top + 16}; }""", selector)
        if clip:
            page.screenshot(path=f"{name}-{label}.png", full_page=True, clip=clip)
