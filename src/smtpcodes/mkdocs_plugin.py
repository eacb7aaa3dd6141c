"""MkDocs plugin: ``plugins: [smtpcodes]`` is all a site needs.

A thin layer over the Markdown extension, which does the real work (Zensical and other
MkDocs successors run Markdown extensions but not MkDocs plugins). The plugin registers the
extension once, ships the stylesheet ahead of the site's own ``extra_css``, picks each page's
language, generates the catalogue page (one per locale with mkdocs-static-i18n) and resolves
links to it in each page's HTML, keeps box bodies out of MkDocs' own search, and reports bad
shortcodes at their line in the file through a ``mkdocs.`` logger, so that
``mkdocs build --strict`` fails on them.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from .errors import CatalogueFileError, missing_extra

try:
    from mkdocs.config import base
    from mkdocs.config import config_options as c
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import PluginError
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page
    from mkdocs.utils import get_relative_url
except ModuleNotFoundError as error:
    raise missing_extra(error, "mkdocs", __name__) from None

from . import mkdocs_catalogue as pages
from . import mkdocs_search, render
from .catalogue import Catalogue, get_catalogue, languages
from .markdown_ext import Problem, SMTPCodesExtension
from .mkdocs_site import SourceLines, i18n_build, site_language
from .shortcode import has_marker

log = get_plugin_logger(__name__)

CSS_URI = "assets/smtpcodes/smtpcodes.css"
_CSS_SOURCE = Path(__file__).parent / "data" / "smtpcodes.css"
#: Names under which a site may list the extension itself in ``markdown_extensions``.
_EXTENSION_NAMES = ("smtpcodes", "smtpcodes.markdown_ext",
                    "smtpcodes.markdown_ext:SMTPCodesExtension")


class SMTPCodesConfig(base.Config):
    lang = c.Optional(c.Choice(languages()))
    catalogue = c.Optional(c.File(exists=True))
    collapsible = c.Type(bool, default=False)
    sections = c.ListOfItems(c.Choice(render.SECTIONS), default=list(render.SECTIONS))
    catalogue_page = c.Optional(c.Type(str))
    search_body = c.Type(bool, default=False)


class SMTPCodesPlugin(BasePlugin[SMTPCodesConfig]):
    """Registers the extension and turns its problems into MkDocs warnings."""

    def __init__(self) -> None:
        self.extension: SMTPCodesExtension | None = None
        self._page_tree = pages.CatalogueTree(search_body=False)
        #: Options the site gave the extension under ``markdown_extensions``, kept for rebuilds.
        self._site_options: dict[str, Any] = {}
        self._page_path: str | None = None
        self._project_dir = ""
        self._temp: tempfile.TemporaryDirectory[str] | None = None
        # State of one build (mkdocs-static-i18n builds once per locale with this instance).
        self._catalogue_file: File | None = None
        self._generated: File | None = None
        self._converting: Page | None = None
        #: Lines of the page being converted in its file.
        self._lines: SourceLines | None = None
        self._reported: set[tuple[str, str, str]] = set()
        self._used: dict[str, set[str]] = {}
        #: Anchors the catalogue page offers, once it is converted.
        self._offered: set[str] | None = None
        #: The page's HTML while MkDocs' search reads it without the boxes' bodies.
        self._shown_content: str | None = None

    # --- configuration --------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._project_dir = os.path.dirname(config.config_file_path or "")
        self._take_over_site_entry(config)
        options = {**self._site_options, "collapsible": self.config.collapsible,
                   "sections": self.config.sections, "catalogue": self.config.catalogue or "",
                   "search_body": self.config.search_body, "css": False}
        try:
            self._page_path = pages.page_path(self.config.catalogue_page)
            if self.config.catalogue:
                get_catalogue(self.config.catalogue)
            self.extension = SMTPCodesExtension(**options)
        except (CatalogueFileError, ValueError) as error:
            raise PluginError(f"smtpcodes: {error}") from None
        self.extension.reporter = self._report
        self._page_tree.search_body = self.config.search_body
        config.markdown_extensions += [self.extension, self._page_tree]  # type: ignore[list-item]
        if CSS_URI in config.extra_css:
            config.extra_css.remove(CSS_URI)
        config.extra_css.insert(0, CSS_URI)  # before the site's own sheets: theirs win
        build = i18n_build(config)
        if build is None or build.locale == build.default:
            # Other locales' builds run inside the default one's and convert its fallback
            # pages again: their problems were said once already.
            self._reported = set()
        return config

    def _take_over_site_entry(self, config: MkDocsConfig) -> None:
        """Remove the extension from ``markdown_extensions`` (ours from an earlier build too)."""
        extensions: list[Any] = config.markdown_extensions
        for item in list(extensions):
            if item in _EXTENSION_NAMES:
                extensions.remove(item)
                self._site_options.update(config.mdx_configs.pop(item, {}) or {})
            elif item is self.extension or item is self._page_tree:
                extensions.remove(item)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Any) -> LiveReloadServer:
        if self.config.catalogue:
            server.watch(self.config.catalogue)
        return server

    def on_shutdown(self) -> None:
        if self._temp is not None:
            self._temp.cleanup()
            self._temp = None

    # --- files ----------------------------------------------------------------------------

    @event_priority(50)  # early, so that plugins that list the files (htmlproofer) have ours
    def _files_early(self, files: Files, *, config: MkDocsConfig) -> Files:
        if i18n_build(config) is None:
            self._add_files(files, config)
        return files

    @event_priority(-110)  # after mkdocs-static-i18n (-100), which rebuilds the file list
    def _files_late(self, files: Files, *, config: MkDocsConfig) -> Files:
        if i18n_build(config) is not None:
            self._add_files(files, config)
        elif self._generated is not None and self._page_path:
            # A plugin put a page of its own there since (mkdocs-gen-files): it is the one.
            found = files.get_file_from_path(self._page_path)
            if found is not self._generated:
                self._generated, self._catalogue_file = None, found
        return files

    on_files = CombinedEvent(_files_early, _files_late)

    def _add_files(self, files: Files, config: MkDocsConfig) -> None:
        files.append(File.generated(config, CSS_URI, abs_src_path=str(_CSS_SOURCE)))
        self._used, self._offered, self._generated = {}, None, None
        self._catalogue_file = None
        if self._page_path:
            self._catalogue_file = files.get_file_from_path(self._page_path)
            if self._catalogue_file is None:
                self._generated = self._catalogue_file = self._generate(config)
                files.append(self._generated)

    def _generate(self, config: MkDocsConfig) -> File:
        """The catalogue page in the language being built, backed by a file of its own.

        A real source file (not in-memory content) keeps plugins that read every page's
        ``abs_src_path`` working; mkdocs-static-i18n's locale decides where it goes.
        """
        assert self._page_path is not None
        build = i18n_build(config)
        lang = self._site_lang(config)
        if self._temp is None:
            self._temp = tempfile.TemporaryDirectory(prefix="smtpcodes-")
        source = Path(self._temp.name, build.locale if build else "_", self._page_path)
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(pages.catalogue_markdown(self._catalogue(), lang), "utf-8")
        src_uri = self._page_path
        if build and build.folder:
            src_uri = f"{build.locale}/{src_uri}"
        file = File.generated(config, src_uri, abs_src_path=str(source))
        plain = File(self._page_path, None, config.site_dir, config.use_directory_urls)
        file.dest_uri = (build.prefix if build else "") + plain.dest_uri
        return file

    # --- pages ----------------------------------------------------------------------------

    @event_priority(-100)  # last, right before conversion: other plugins may edit the text
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        assert self.extension is not None
        is_catalogue = self._catalogue_file is not None and page.file is self._catalogue_file
        ext = self.extension
        ext.setConfig("lang", self._page_lang(page, config))
        ext.setConfig("anchors", is_catalogue and page.file is not self._generated)
        ext.setConfig("collapsible", is_catalogue or self.config.collapsible)
        if self._catalogue_file is not None:
            ext.setConfig("link", pages.LINK_TEMPLATE)
        self._lines = SourceLines(page.file, markdown) if has_marker(markdown) else None
        ext.begin_page(page.file.src_uri)
        self._page_tree.generated = self._catalogue() if page.file is self._generated else None
        self._page_tree.linked = set()
        self._converting = page
        return markdown

    def _site_lang(self, config: MkDocsConfig) -> str:
        """The plugin's ``lang`` if set, else the language the site is being built in."""
        return self.config.lang or site_language(config)

    def _page_lang(self, page: Page, config: MkDocsConfig) -> str:
        """The page's front matter first, then the site's language."""
        site = self._site_lang(config)
        lang = page.meta.get("smtpcodes_lang", site)
        if lang not in languages():
            log.warning(f"{page.file.src_uri}: smtpcodes_lang {lang!r} is not one of "
                        f"{', '.join(languages())}; using {site!r}")
            return site
        return str(lang)

    @event_priority(100)  # first: the conversion this plugin started has ended
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        self._converting = self._page_tree.generated = None
        if page.file is self._catalogue_file:
            self._offered = pages.present_anchors(html)
        for anchor in self._page_tree.linked:
            self._used.setdefault(anchor, set()).add(page.file.src_uri)
        if self._generated is not None or self._offered is not None:
            # Plugins that keep the page's HTML (llmstxt, print-site) get real links. Links to
            # a hand-written catalogue page wait until it shows which codes it has.
            html = self._resolve(html, page)
        return html

    @event_priority(1)  # right before MkDocs' search plugin (0) reads the page
    def _hide_from_search(self, context: Any, *, page: Page, config: MkDocsConfig,
                          nav: Any) -> Any:
        if not self.config.search_body and page.content and mkdocs_search.builtin_search(config):
            self._shown_content = page.content
            page.content = mkdocs_search.without_excluded(page.content)
        return context

    @event_priority(-1)  # and back before the template shows it
    def _show_to_readers(self, context: Any, *, page: Page, config: MkDocsConfig,
                         nav: Any) -> Any:
        if self._shown_content is not None:
            page.content, self._shown_content = self._shown_content, None
        return context

    on_page_context = CombinedEvent(_hide_from_search, _show_to_readers)

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Every page is converted: name the chips a hand-written catalogue page leaves unlinked."""
        target = self._catalogue_file
        if target is not None and self._offered is not None:
            missing = sorted(set(self._used) - self._offered, key=pages.code_of)
            if missing:
                listed = "; ".join(f"{pages.code_of(a)} (on {', '.join(sorted(self._used[a]))})"
                                   for a in missing)
                log.warning(f"{target.src_uri}: the catalogue page has no box for "
                            f"{len(missing)} code(s) that chips link to, so those chips are "
                            f"not links: {listed}. Add a <smtp:…> box for each to "
                            f"{target.src_uri}, or remove the page to have it generated.")
        return env

    # The page's HTML is whole once templates are rendered, blog excerpts included: resolve
    # what is left first, so that plugins rewriting it later (minify unquotes attributes) see
    # real links.
    @event_priority(100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return self._resolve(output, page)

    def _resolve(self, html: str, page: Page) -> str:
        """Links to the catalogue page in ``html``, relative to ``page``."""
        target = self._catalogue_file
        if target is None:
            return html
        url = "" if page.file is target else get_relative_url(target.url, page.url)
        return pages.resolve_links(html, url, self._offered)

    # --- problems -------------------------------------------------------------------------

    def _report(self, problem: Problem) -> None:
        """One warning per problem, naming the file and line it comes from.

        A conversion this plugin did not start either repeats a page already reported
        (Material's blog renders each post's excerpt again for every index page), and is said
        only if new, or converts other text for the page being converted (mkdocstrings, a
        docstring), whose lines are not the page's.
        """
        page = self._converting
        page_path = page.file.src_uri if page else None
        path = self._shown(problem.path) or page_path
        if page is None and any(key[2] == problem.message for key in self._reported):
            return
        if page is not None and problem.path is None:
            where = ": in text another plugin converted for this page (such as a docstring)"
        elif problem.line and self._lines is not None and problem.path == page_path:
            line, same = self._lines(problem.line, problem.source)
            where = f":{line}" + ("" if same else ": in text another plugin put in its place")
        else:
            where = f":{problem.line}" if problem.line else ""
        key = (path or "?", where, problem.message)
        if key in self._reported:
            return
        self._reported.add(key)
        log.warning(f"{path or 'a page rendered outside the build'}{where}: {problem.message}")

    def _shown(self, path: str | None) -> str | None:
        """A file outside ``docs/`` (a snippet) by its path from the project, if it is in it."""
        if path and os.path.isabs(path) and self._project_dir:
            try:
                relative = os.path.relpath(path, self._project_dir)
            except ValueError:  # another drive
                return path
            if not relative.startswith(".."):
                return relative.replace(os.sep, "/")
        return path

    def _catalogue(self) -> Catalogue:
        return get_catalogue(self.config.catalogue or None)
