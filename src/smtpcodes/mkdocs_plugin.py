"""MkDocs plugin: ``plugins: [smtpcodes]`` is all a site needs.

A thin convenience over the Markdown extension, which does the real work (MkDocs-compatible
successors run Markdown extensions but not MkDocs plugins): it registers the extension, ships
the stylesheet, generates the catalogue page on request, and reports bad shortcodes through a
``mkdocs.`` logger with page and line, so that ``mkdocs build --strict`` fails on them.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import render
from .catalogue import Catalogue, get_catalogue, labels, languages
from .errors import CatalogueFileError
from .markdown_ext import Problem, SMTPCodesExtension

log = get_plugin_logger(__name__)

CSS_URI = "assets/smtpcodes/smtpcodes.css"
_CSS_SOURCE = Path(__file__).parent / "data" / "smtpcodes.css"


class SMTPCodesConfig(base.Config):
    lang = c.Choice(languages(), default="en")
    catalogue = c.Optional(c.File(exists=True))
    collapsible = c.Type(bool, default=False)
    sections = c.ListOfItems(c.Choice(render.SECTIONS), default=list(render.SECTIONS))
    catalogue_page = c.Optional(c.Type(str))


class SMTPCodesPlugin(BasePlugin[SMTPCodesConfig]):
    """Registers the extension and turns its problems into MkDocs warnings."""

    def __init__(self) -> None:
        self.extension: SMTPCodesExtension | None = None
        self._page: Page | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        options: dict[str, Any] = {}
        if "smtpcodes" in config.markdown_extensions:
            config.markdown_extensions.remove("smtpcodes")
            options.update(config.mdx_configs.pop("smtpcodes", {}) or {})
        options.update(lang=self.config.lang, collapsible=self.config.collapsible,
                       sections=self.config.sections, catalogue=self.config.catalogue or "")
        try:
            if self.config.catalogue:
                get_catalogue(self.config.catalogue)
            self.extension = SMTPCodesExtension(**options)
        except (CatalogueFileError, ValueError) as error:
            raise PluginError(f"smtpcodes: {error}") from None
        self.extension.reporter = self._report
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        if CSS_URI not in config.extra_css:
            config.extra_css.append(CSS_URI)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        files.append(File.generated(config, CSS_URI, abs_src_path=str(_CSS_SOURCE)))
        page = self.config.catalogue_page
        if page and files.get_file_from_path(page) is None:
            content = catalogue_markdown(self._catalogue(), self.config.lang)
            files.append(File.generated(config, page, content=content))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        assert self.extension is not None
        self._page = page
        target = self.config.catalogue_page
        is_catalogue = bool(target) and page.file.src_uri == target
        link = box_link = ""
        catalogue_file = files.get_file_from_path(target) if target else None
        if catalogue_file is not None:
            here = posixpath.dirname(page.file.src_uri)
            link = posixpath.relpath(catalogue_file.src_uri, here or ".")
            box_link = get_relative_url(catalogue_file.url, page.url)
        lang = page.meta.get("smtpcodes_lang", self.config.lang)
        if lang not in languages():
            log.warning(f"{page.file.src_uri}: smtpcodes_lang {lang!r} is not one of "
                        f"{', '.join(languages())}; using {self.config.lang!r}")
            lang = self.config.lang
        self.extension.setConfig("lang", lang)
        self.extension.setConfig("link", link)
        self.extension.box_link = box_link
        self.extension.setConfig("anchors", is_catalogue)
        self.extension.setConfig("collapsible", is_catalogue or self.config.collapsible)
        return markdown

    def _report(self, problem: Problem) -> None:
        where = self._page.file.src_uri if self._page else "?"
        line = f":{problem.line}" if problem.line else ""
        log.warning(f"{where}{line}: {problem.message}")

    def _catalogue(self) -> Catalogue:
        return get_catalogue(self.config.catalogue or None)


def catalogue_markdown(catalogue: Catalogue, lang: str) -> str:
    """A page with every code's box, grouped by reply class and by enhanced subject."""
    words = labels(lang)
    lines = [f"# SMTP {words['cli']['codes']}", ""]
    for cls in (2, 3, 4, 5):
        codes = catalogue.codes(reply_class=cls, kind="basic")
        if codes:
            lines += [f"## {words['classes'][str(cls)]}", ""]
            lines += [f"<smtp:{code}>\n" for code in codes]
    subjects: dict[int, list[str]] = {}
    for code in catalogue.codes(kind="enhanced"):
        subjects.setdefault(int(code.split(".")[1]), []).append(code)
    for subject, codes in subjects.items():
        name = catalogue.lookup(codes[0], lang).category_name
        lines += [f"## X.{subject}.Y {name}", ""]
        lines += [f"<smtp:{code}>\n" for code in codes]
    return "\n".join(lines)
