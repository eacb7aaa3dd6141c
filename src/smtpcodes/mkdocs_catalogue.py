"""The catalogue page of an MkDocs site: its path, its Markdown, its headings and its links.

Chips and boxes are rendered once per code and configuration, before anyone knows which page
they land on (Material's blog renders a post's excerpt again on every index page), so their
links carry a placeholder that the plugin resolves in each page's HTML once it is converted,
and in its final HTML for what other plugins put there.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from . import render
from .catalogue import Catalogue, labels

#: ``link`` template the plugin hands the extension; a URL scheme keeps MkDocs' link checks off.
PLACEHOLDER = "smtpcodes-catalogue:"
LINK_TEMPLATE = PLACEHOLDER + "#{anchor}"
_PLACEHOLDER_RE = re.compile(re.escape(PLACEHOLDER) + r"#(smtp-[\w-]+)")
_HREF_RE = re.compile(r' href="' + re.escape(PLACEHOLDER) + r'#(smtp-[\w-]+)"')
_ID_RE = re.compile(r"""\sid=["'](smtp-[\w-]+)["']""")
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
_ESCAPES = str.maketrans({c: "\\" + c for c in "\\`*_[]{}#!"})


def page_path(option: str | None) -> str | None:
    """The docs-relative path of ``catalogue_page``: ``codes``, ``/codes.md`` → ``codes.md``."""
    if not option:
        return None
    path = option.strip().replace("\\", "/").lstrip("/")
    if not path or path.endswith("/"):
        path += "index.md"
    if not path.lower().endswith(_MARKDOWN_SUFFIXES):
        if "." in path.rsplit("/", 1)[-1]:
            raise ValueError(f"catalogue_page {option!r} is not a Markdown page: "
                             "give a path such as 'codes.md'")
        path += ".md"
    return path


def used_anchors(content: str) -> set[str]:
    """Anchors on the catalogue page that a link (an href) points to."""
    return set(_PLACEHOLDER_RE.findall(content))


def present_anchors(content: str) -> set[str]:
    """Anchors (``smtp-…`` ids) that a catalogue page's HTML offers."""
    return set(_ID_RE.findall(content))


def resolve_links(output: str, catalogue_url: str, offered: set[str] | None) -> str:
    """Placeholders become links to the catalogue page, relative to the page being written.

    A code the catalogue page does not offer (``offered``; None when unknown) keeps its chip
    but loses the link, rather than leading to a missing anchor.
    """
    if PLACEHOLDER not in output:
        return output

    def link(match: re.Match[str]) -> str:
        if offered is not None and match.group(1) not in offered:
            return ""
        return f' href="{catalogue_url}#{match.group(1)}"'

    return _HREF_RE.sub(link, output)


def code_of(anchor: str) -> str:
    """``smtp-5-1-1`` → ``5.1.1``: the code an anchor stands for, to name it in a warning."""
    return anchor.removeprefix("smtp-").replace("-", ".")


def catalogue_markdown(catalogue: Catalogue, lang: str) -> str:
    """Every code under its own heading, grouped by reply class and by enhanced subject.

    One heading per code gives site search one section per code, so a search for 5.7.1 lands
    on 5.7.1; ``HeadingIds`` gives each heading the code's anchor.
    """
    words = labels(lang)
    lines = [f"# {words['catalogue_title']}", ""]
    groups: list[tuple[str, list[str]]] = []
    for reply_class in (2, 3, 4, 5):
        codes = catalogue.codes(reply_class=reply_class, kind="basic")
        if codes:
            groups.append((words["classes"][str(reply_class)], codes))
    subjects: dict[int, list[str]] = {}
    for code in catalogue.codes(kind="enhanced"):
        subjects.setdefault(int(code.split(".")[1]), []).append(code)
    for subject, codes in subjects.items():
        groups.append((f"X.{subject}.Y {catalogue.lookup(codes[0], lang).category_name}", codes))
    for title, codes in groups:
        lines += [f"## {_markdown_text(title)}", ""]
        for code in codes:
            name = _markdown_text(catalogue.lookup(code, lang).name)
            lines += [f"### {code} · {name}", "", f"<smtp:{code}>", ""]
    return "\n".join(lines)


def _markdown_text(text: str) -> str:
    """Text from a (possibly custom) catalogue, safe to put in a Markdown heading."""
    return html.escape(" ".join(text.split()), quote=False).translate(_ESCAPES)


class CatalogueTree(Extension):
    """Sees each page's tree just before ``toc`` (after the boxes are made, before ids are).

    On the generated catalogue page it gives each code's heading the code's anchor, which
    ``toc`` keeps, so the table of contents, permalinks and MkDocs' anchor validation all see
    ``smtp-553``; unless box bodies are searchable, the boxes there leave search to those
    headings, which already hold each code and name. On every page it notes the anchors the
    author's own chips link to (chips in boxes are not in the tree yet, only their marks).
    """

    def __init__(self, search_body: bool) -> None:
        super().__init__()
        #: The catalogue while the generated catalogue page is converted, else None.
        self.generated: Catalogue | None = None
        #: Anchors that the chips of the pages converted since last cleared link to.
        self.linked: set[str] = set()
        self.search_body = search_body

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_CatalogueTreeprocessor(md, self), "smtpcodes-catalogue", 6)


class _CatalogueTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, ext: CatalogueTree) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            self.ext.linked.update(used_anchors(link.get("href", "")))
        catalogue = self.ext.generated
        if catalogue is None:
            return
        for element in root:
            if element.tag == "h3":
                code = "".join(element.itertext()).split(" ", 1)[0]
                if code in catalogue:
                    element.set("id", render.anchor(code))
            elif not self.ext.search_body and "smtp-box" in element.get("class", "").split():
                element.set("data-search-exclude", "")
