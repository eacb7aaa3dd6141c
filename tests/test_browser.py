"""Headless Chromium (Debian's ``chromium``) loads built sites: boxes and chips are visible and
wear their class colours, under mkdocs-material (light and dark) and the default theme."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    if os.environ.get("SMTPCODES_REQUIRE_BROWSER"):
        raise RuntimeError("SMTPCODES_REQUIRE_BROWSER is set but chromium is not installed")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)",
                allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

PAGE = """\
# Boxes

<smtp:250>

<smtp:354>

<smtp:421>

<smtp:553>

<smtp:235 vs 553>

Chips: <smtp:250>, <smtp:354>, <smtp:421>, <smtp:553> and <smtp:559>.
"""
CHROME_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Native admonition colours of mkdocs-material, and the shipped CSS elsewhere.
MATERIAL = {"250": "rgb(0, 200, 83)", "354": "rgb(0, 184, 212)", "421": "rgb(255, 145, 0)",
            "553": "rgb(255, 23, 68)"}
SHIPPED = {"250": "rgb(0, 168, 107)", "354": "rgb(11, 139, 217)", "421": "rgb(224, 138, 0)",
           "553": "rgb(229, 56, 59)"}


def _build(root: Path, theme: str, scheme: str = "default") -> Path:
    palette = f"\n  palette:\n    scheme: {scheme}" if theme == "material" else ""
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text(PAGE, "utf-8")
    (root / "mkdocs.yml").write_text(
        f"site_name: t\ntheme:\n  name: {theme}{palette}\nplugins:\n  - smtpcodes\n", "utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=root, check=True,
                   capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return root / "site"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS)
        yield instance
        instance.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.mark.parametrize("theme, scheme, colours", [
    ("material", "default", MATERIAL),
    ("material", "slate", MATERIAL),
    ("mkdocs", "default", SHIPPED),
])
def test_boxes_and_chips_are_visible_in_their_class_colours(
        browser: object, tmp_path: Path, theme: str, scheme: str,
        colours: dict[str, str]) -> None:
    site = _build(tmp_path, theme, scheme)
    server, url = _serve(site)
    try:
        page = browser.new_page(viewport={"width": 1200, "height": 900})  # type: ignore[attr-defined]
        page.goto(url)
        for code, colour in colours.items():
            box = page.locator(f'div.smtp-box[data-smtp-code="{code}"]')
            assert box.is_visible()
            size = box.bounding_box()
            assert size and size["height"] > 60 and size["width"] > 300
            assert box.evaluate("e => getComputedStyle(e).borderLeftColor") == colour
            chip = page.locator(f'p .smtp-chip[data-smtp-code="{code}"]')
            assert chip.is_visible()
            assert chip.evaluate("e => getComputedStyle(e).borderTopColor") == SHIPPED[code]
        assert page.locator(".smtp-compare").is_visible()
        error = page.locator(".smtp-error")
        assert error.is_visible() and error.inner_text() == "<smtp:559>"
        if scheme == "slate":  # text stays light on the dark background
            text = page.locator('div.smtp-box[data-smtp-code="553"] dd p').first
            rgb = text.evaluate("e => getComputedStyle(e).color")
            red, green, blue = (float(v) for v in re.findall(r"[\d.]+", rgb)[:3])
            assert red + green + blue > 400, rgb
        shots = os.environ.get("SMTPCODES_SCREENSHOTS")
        if shots:
            page.screenshot(path=str(Path(shots) / f"{theme}-{scheme}.png"), full_page=True)
        page.close()
    finally:
        server.shutdown()
