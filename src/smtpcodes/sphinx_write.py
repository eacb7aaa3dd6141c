"""The write phase: shortcode nodes become the shared renderer's HTML, or plain nodes.

HTML goes out in an ``smtp_html`` node rather than ``nodes.raw``: Sphinx's search indexer
reads a raw node's markup with its tags stripped (so a chip in a section title put
``<span class=…>`` into ``alltitles`` and glued a box's blocks into words such as
``moreRFC``), while an element's text children are what it indexes as words and titles. The
text children of ``smtp_html`` are chosen here: the label of a chip, the title of a box, and
the box's body only with ``smtpcodes_search_body = True``.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import render
from .catalogue import labels
from .errors import SMTPCodeError
from .shortcode import Shortcode, resolve
from .sphinx_catalogue import catalogue_linker
from .sphinx_nodes import catalogue_of, quoted, replace_children, skipped, smtp_node

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


class smtp_html(nodes.Inline, nodes.TextElement):
    """Rendered markup (attribute ``html``) whose text children are what search indexes."""


def visit_html(translator: Any, node: smtp_html) -> None:
    translator.body.append(node["html"])
    raise nodes.SkipNode


def searchable(element: etree.Element) -> str:
    """The element's text outside ``data-search-exclude`` parts, words never glued together."""
    parts: list[str] = []

    def walk(el: etree.Element) -> None:
        if "data-search-exclude" in el.attrib:
            return
        parts.append(el.text or "")
        for child in el:
            walk(child)
            parts.append(child.tail or "")

    walk(element)
    return " ".join(" ".join(parts).split())


def _shortcode(node: smtp_node) -> Shortcode:
    return Shortcode(node["kind"], tuple(node["codes"]))


def _entries(node: smtp_node, config: Any) -> tuple[Shortcode, tuple[Any, ...]]:
    return _shortcode(node), resolve(_shortcode(node), catalogue_of(config), node["lang"])


def _element(node: smtp_node, config: Any, link: render.Linker | None) -> etree.Element:
    if "error" in node:
        return render.error(node["source"], node["error"])
    if not node["block"]:
        return render.chip(*_entries(node, config), link=link)
    catalogue = catalogue_of(config)
    layout = render.card(_shortcode(node), catalogue, node["lang"], node["sections"])
    return render.box(layout, collapsible=node["collapsible"], open_=node["open"], link=link,
                      catalogue=catalogue, search_body=config.smtpcodes_search_body)


def html_node(node: smtp_node, config: Any, link: render.Linker | None) -> smtp_html:
    try:
        element = _element(node, config, link)
    except SMTPCodeError as error:  # the catalogue changed between read and write
        element = render.error(node["source"], quoted(str(error), 400))
    if node["classes"]:
        element.set("class", " ".join([element.get("class", ""), *node["classes"]]))
    if node["ids"]:
        element.set("id", node["ids"][0])
    markup = "".join(f'<span id="{html.escape(id_)}"></span>' for id_ in node["ids"][1:])
    return smtp_html("", searchable(element), html=markup + render.to_html(element))


class HTMLRenderer(SphinxPostTransform):
    """HTML builders (html, dirhtml, singlehtml, epub …): the shared renderer's markup."""

    default_priority = 100
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        link = catalogue_linker(self.env, _builder(self.env), self.env.docname)
        for parent, found in _grouped(self.document):
            in_link = skipped(parent, (nodes.reference,))  # no link inside a link
            replace_children(parent, {id(node): [html_node(
                node, self.config, None if in_link else link)] for node in found})


class PlainRenderer(SphinxPostTransform):
    """Every other builder (latex, text, man, texinfo …): plain nodes, never raw HTML."""

    default_priority = 101

    def is_supported(self) -> bool:
        # linkcheck would otherwise check every RFC link of every box: the catalogue's links,
        # which the site's authors can neither fix nor silence one by one.
        return super().is_supported() and _builder(self.env).name != "linkcheck"

    def run(self, **kwargs: Any) -> None:
        for parent, found in _grouped(self.document):
            replace_children(parent, {id(node): [_plain_or_error(node, self.config)]
                                      for node in found})


def _builder(env: BuildEnvironment) -> Builder:
    """The running builder: through ``env._app`` from Sphinx 9 on, where a transform's own
    ``app`` is deprecated, and ``env.app`` before."""
    app = getattr(env, "_app", None) or env.app
    builder: Builder = app.builder
    return builder


def _grouped(document: nodes.document) -> list[tuple[nodes.Element, list[smtp_node]]]:
    """Shortcode nodes grouped by parent, so each parent's children are rebuilt once."""
    groups: dict[int, tuple[nodes.Element, list[smtp_node]]] = {}
    for node in document.findall(smtp_node):
        groups.setdefault(id(node.parent), (node.parent, []))[1].append(node)
    return list(groups.values())


def _plain_or_error(node: smtp_node, config: Any) -> nodes.Element:
    try:
        return _plain(node, config)
    except SMTPCodeError:
        return nodes.inline("", node["source"], classes=["smtp-error"])


def _plain(node: smtp_node, config: Any) -> nodes.Element:
    """Docutils nodes every writer knows: an admonition for a box, strong text for a chip."""
    if "error" in node:
        return nodes.inline("", node["source"], classes=["smtp-error"], ids=node["ids"])
    shortcode, entries = _entries(node, config)
    classes = sorted({f"smtp-{e.reply_class}xx" for e in entries})
    if not node["block"]:
        chip = ["smtp", "smtp-chip", *classes, *node["classes"]]
        if _in_title(node):  # the title reads as in HTML, its contents and search
            return nodes.inline("", shortcode.label, classes=chip, ids=node["ids"])
        names = (" vs " if shortcode.kind == "compare" else " — ").join(e.name for e in entries)
        return nodes.inline("", "", nodes.strong("", shortcode.label), nodes.Text(f" ({names})"),
                            classes=chip, ids=node["ids"])
    layout = render.card(shortcode, catalogue_of(config), node["lang"], node["sections"])
    # The body sits in a container: the text writer runs an admonition's own paragraphs
    # together, which suits a one-line note but not a box.
    body = nodes.container()
    box = nodes.admonition("", nodes.title("", layout.title), body,
                           classes=["smtp", "smtp-box", layout.admonition, *classes,
                                    *node["classes"]], ids=node["ids"])
    if layout.meta:
        body += nodes.paragraph("", "", nodes.emphasis("", " · ".join(layout.meta)))
    for warning in layout.warnings:
        body += nodes.paragraph("", "", nodes.strong("", warning))
    items = nodes.definition_list()
    for row in layout.table[1:]:
        items += _item(row[0], [nodes.paragraph("", f"{e.code}: {cell}")
                                for e, cell in zip(layout.entries, row[1:], strict=False)])
    for section in layout.sections:
        if section.key in ("differences", "which"):
            listing: nodes.Element = (nodes.enumerated_list(enumtype="arabic", prefix="",
                                                            suffix=".")
                                      if section.key == "differences" else nodes.bullet_list(
                                          bullet="-"))
            listing += [nodes.list_item("", nodes.paragraph("", text))
                        for text in section.paragraphs]
            items += _item(section.label, [listing])
        else:
            items += _item(section.label, [nodes.paragraph("", text)
                                           for text in section.paragraphs])
    names = labels(layout.lang)["sections"]
    if layout.related:
        items += _item(names["related"], [nodes.paragraph("", ", ".join(layout.related))])
    if layout.references:
        refs = nodes.paragraph()
        for i, ref in enumerate(layout.references):
            if i:
                refs += nodes.Text(", ")
            refs += (nodes.reference("", ref.title, refuri=ref.url) if ref.url
                     else nodes.Text(ref.title))
        items += _item(names["references"], [refs])
    if len(items):
        body += items
    return box


def _in_title(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.title):
        parent = parent.parent
    return parent is not None


def _item(term: str, body: list[nodes.Element]) -> nodes.definition_list_item:
    return nodes.definition_list_item("", nodes.term("", term), nodes.definition("", *body))
