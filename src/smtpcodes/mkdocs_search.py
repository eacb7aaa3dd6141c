"""Box bodies kept out of MkDocs' own search, as Material's search keeps them out by itself.

Boxes mark what search should skip with ``data-search-exclude``, which mkdocs-material and
Zensical honour. MkDocs' built-in ``search`` plugin (the default and readthedocs themes) indexes
every word of ``page.content`` instead: the plugin hands it the page without those blocks, and
puts the page back before the template is rendered.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.contrib.search import SearchPlugin

#: An opening tag, and the class of one of smtpcodes' elements among its attributes.
_TAG = re.compile(r"<([a-z]+)(\s[^>]*)?>")
_OURS = re.compile(r'\bclass="(?:[^" ]+ )*smtp[^"]*"')


def builtin_search(config: MkDocsConfig) -> bool:
    """Whether the site's search is MkDocs' own, which ignores ``data-search-exclude``."""
    return isinstance(config.plugins.get("search"), SearchPlugin)


def without_excluded(html: str) -> str:
    """``html`` without smtpcodes' blocks marked ``data-search-exclude``, each replaced by a
    line break so that the words on either side stay apart."""
    if "data-search-exclude" not in html:
        return html
    pieces: list[str] = []
    position = 0
    while (tag := _TAG.search(html, position)) is not None:
        attributes = tag.group(2) or ""
        if ' data-search-exclude=""' in attributes and _OURS.search(attributes):
            pieces += [html[position:tag.start()], "\n"]
            position = _end_of(html, tag.group(1), tag.end())
        else:
            pieces.append(html[position:tag.end()])
            position = tag.end()
    pieces.append(html[position:])
    return "".join(pieces)


def _end_of(html: str, tag: str, start: int) -> int:
    """Where the element of type ``tag`` whose opening tag ends at ``start`` ends."""
    depth = 1
    for match in re.compile(rf"<(/?){tag}\b[^>]*>").finditer(html, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return len(html)
