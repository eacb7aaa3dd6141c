"""The catalogue page: ``.. smtp-catalogue::`` gives every code a heading and a box on one
page, and every chip and box of the site then links to its code's heading there.

The page is found, not configured: whichever document holds the directive (the first by name
if several do, with a warning). Headings are the bare codes, which is what Sphinx's search
matches a query such as ``5.7.1`` against; the box under each heading gives the name.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from . import render
from .catalogue import labels
from .sphinx_nodes import BOX_OPTIONS, catalogue_of, make_node, page_lang, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

#: Environment attributes: the pages holding the directive, and the catalogue page as it was
#: before this build read anything.
_PAGES = "smtpcodes_catalogue_pages"
_BEFORE = "smtpcodes_catalogue_before"


class CatalogueDirective(SphinxDirective):
    """``.. smtp-catalogue::`` — a section per reply class, a heading and a box per code.

    Boxes are collapsible unless ``:collapsible: no``; options as for ``.. smtp::``.
    """

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = BOX_OPTIONS

    def run(self) -> list[nodes.Node]:
        _pages(self.env)[self.env.docname] = self.lineno
        document = self.state.document
        lang = self.options.get("lang") or page_lang(document, self.env, report=False)
        options = {"collapsible": True, **self.options}
        where = self.get_source_info()
        catalogue = catalogue_of(self.config)
        groups: list[nodes.Node] = []
        for reply_class in (2, 3, 4, 5):
            codes = catalogue.codes(reply_class=reply_class)
            if not codes:
                continue
            group = self._section(f"smtp-{reply_class}xx",
                                  labels(lang)["classes"][str(reply_class)])
            for code in codes:
                entry = self._section(render.anchor(code), code)
                entry += make_node(f"smtp-catalogue {code}", code, block=True, where=where,
                                   options=options)
                group += entry
            groups.append(group)
        return groups

    def _section(self, id_: str, title: str) -> nodes.section:
        section = nodes.section(ids=[id_])
        section += nodes.title("", title)
        self.state.document.ids.setdefault(id_, section)
        return section


def _pages(env: BuildEnvironment) -> dict[str, int]:
    """Documents holding the directive, with its line: kept in the environment across
    incremental builds."""
    if not hasattr(env, _PAGES):
        setattr(env, _PAGES, {})
    pages: dict[str, int] = getattr(env, _PAGES)
    return pages


def catalogue_page(env: BuildEnvironment) -> str | None:
    pages = sorted(_pages(env))
    return pages[0] if pages else None


def catalogue_linker(env: BuildEnvironment, builder: Builder, docname: str
                     ) -> render.Linker | None:
    """Links from ``docname`` to codes' headings on the catalogue page, if there is one."""
    page = catalogue_page(env)
    if page is None:
        return None
    # singlehtml puts every page into one file, where the anchor alone is the link.
    prefix = "" if page == docname or builder.name == "singlehtml" else \
        builder.get_relative_uri(docname, page)
    return lambda code: f"{prefix}#{render.anchor(code)}"


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _pages(env).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: Iterable[str],
           other: BuildEnvironment) -> None:
    _pages(env).update((name, line) for name, line in _pages(other).items()
                       if name in docnames)


def _before(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
            removed: set[str]) -> list[str]:
    setattr(env, _BEFORE, catalogue_page(env))
    return []


def _check(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """One catalogue page; and when it came, went or moved, every page's links change."""
    pages = sorted(_pages(env))
    for other in pages[1:]:
        warn(f"a second smtp-catalogue page: chips link to {pages[0]!r} only",
             "catalogue", (str(env.doc2path(other)), _pages(env)[other]))
    if catalogue_page(env) != getattr(env, _BEFORE, None):
        return sorted(env.found_docs)
    return []


def setup_catalogue(app: Sphinx) -> None:
    app.add_directive("smtp-catalogue", CatalogueDirective)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-outdated", _before)
    app.connect("env-updated", _check)
