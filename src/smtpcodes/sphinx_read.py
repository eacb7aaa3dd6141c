"""The read-phase transform: ``<smtp:…>`` in rst and MyST text becomes shortcode nodes.

Every step is one pass over the page (no rescans per shortcode), so a generated page with
thousands of shortcodes, openers or backslashes costs time linear in its size.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Parser as RSTParser
from docutils.utils import get_source_line
from sphinx.transforms import SphinxTransform

from .shortcode import PATTERN, has_marker
from .sphinx_nodes import (
    check_node,
    make_node,
    page_lang,
    quoted,
    replace_children,
    skipped,
    smtp_node,
    warn,
)

Where = tuple[str | None, int | None]

#: An opener in any letter case; PATTERN decides at each one whether a shortcode follows.
_OPENER = re.compile("<smtp:", re.IGNORECASE)
#: Autolink-shaped bodies: in MyST these arrive as references, so plain text of this shape
#: was escaped (``\<smtp:553>``, ``&lt;smtp:553>``) and stays text.
_AUTOLINK_BODY = re.compile(r"[^\x00-\x20<>]*")
#: In MyST raw source: an opener written as ``<`` or as an entity for it.
_RAW_OPENER = re.compile(r"(?:<|&lt;|&#0*60;|&#[xX]0*3[cC];)smtp:", re.IGNORECASE)
#: What an unclosed opener quotes: the rest of its line, up to the next tag.
_UNCLOSED = re.compile(r"<smtp:[^<>\n]*", re.IGNORECASE)
#: Nodes whose ``rawsource`` is the inline source MyST parsed them from.
_RAW_HOLDERS = (nodes.paragraph, nodes.title, nodes.rubric)
_LITERAL = (nodes.FixedTextElement, nodes.literal, nodes.math)


class ShortcodeTransform(SphinxTransform):
    """Turns ``<smtp:…>`` text (rst, MyST) and ``smtp:`` autolinks (MyST) into smtp nodes.

    Runs after substitutions and i18n (so translated text is covered) and before smart quotes.
    Code, raw output, comments and signatures are left alone, as are escaped shortcodes; an
    opener that starts no shortcode, and a shortcode inside raw HTML, are reported.
    """

    default_priority = 500

    def apply(self, **kwargs: Any) -> None:
        parents, raws = self._candidates()
        texts = [text for parent in parents for text in _merge_texts(parent)]
        rst = self._is_rst()
        escaped = {} if rst else _myst_escapes(parents)
        starts = _line_starts([*texts, *(t for node in raws for t in node.findall(nodes.Text))],
                              myst=not rst)
        made: list[smtp_node] = []
        for parent in parents:
            made += self._replace(parent, rst, escaped, starts)
        if not rst:
            self._slug_titles({id(node.parent): node.parent for node in made
                               if isinstance(node.parent, nodes.title)}.values())
        for raw in raws:
            self._report_raw(raw, starts)
        lang = page_lang(self.document, self.env, report=True)
        for node in list(self.document.findall(smtp_node)):  # roles and directives too
            if "checked" not in node:
                check_node(node, self.env, lang, report=not skipped(
                    node.parent, (nodes.substitution_definition,)))
            if node["block"] and "error" in node:  # a broken box: an error in a paragraph
                node["block"] = False
                paragraph = nodes.paragraph()
                paragraph.source, paragraph.line = node.source, node.line
                node.replace_self(paragraph)
                paragraph += node
        for node in made:
            if "error" not in node and _alone(node):
                _make_block(node, self.document)

    def _candidates(self) -> tuple[list[nodes.Element], list[nodes.raw]]:
        """Elements holding shortcode text or ``smtp:`` autolinks, in document order, and raw
        HTML holding a shortcode."""
        parents: dict[int, nodes.Element] = {}
        raws: list[nodes.raw] = []
        for node in list(self.document.findall(
                lambda n: isinstance(n, (nodes.Text, nodes.reference, nodes.raw)))):
            if isinstance(node, nodes.raw):
                if "html" in node.get("format", "").split() and has_marker(node.astext()):
                    raws.append(node)
            elif (_is_autolink(node) if isinstance(node, nodes.reference)
                  else has_marker(node)) and not skipped(node.parent):
                parents.setdefault(id(node.parent), node.parent)
        return list(parents.values()), raws

    def _slug_titles(self, titles: Iterable[nodes.title]) -> None:
        """MyST heading anchors made from the title as readers see it, ``Retry after 421``,
        as Python-Markdown's toc makes them: a ``[…](#retry-after-421)`` link then works on
        an MkDocs site and a Sphinx site alike. The slug of the source text keeps working."""
        slugs = getattr(self.document, "myst_slugs", None)
        slugify = _slug_function(self.env)
        if not slugs or slugify is None:
            return
        for title in titles:
            section = title.parent
            old = section.get("slug")
            if old not in slugs:
                continue
            new = slugify(title.astext())
            if new and new not in slugs:
                slugs[new] = slugs[old]
                section["slug"] = new

    def _is_rst(self) -> bool:
        """Only reStructuredText keeps escapes (as NUL) in text; MyST's arrive as plain text."""
        try:
            return isinstance(self.env.parser, RSTParser)
        except (KeyError, AttributeError):
            return True

    def _replace(self, parent: nodes.Element, rst: bool, escaped: dict[tuple[int, int], bool],
                 starts: dict[int, Where]) -> list[smtp_node]:
        made: list[smtp_node] = []
        replacements: dict[int, list[nodes.Node]] = {}
        for child in parent.children:
            if isinstance(child, nodes.reference) and _is_autolink(child):
                first = next(iter(child.findall(nodes.Text)), None)
                where = starts.get(id(first)) or get_source_line(parent)
                text = child.astext()
                node = make_node(f"<{text}>", text[len("smtp:"):], block=False, where=where)
                replacements[id(child)] = [node]
                made.append(node)
            elif isinstance(child, nodes.Text) and has_marker(child):
                pieces, found = self._split(child, rst, escaped, starts)
                if found:
                    replacements[id(child)] = pieces
                    made += found
        if replacements:
            replace_children(parent, replacements)
        return made

    def _split(self, text: nodes.Text, rst: bool, escaped: dict[tuple[int, int], bool],
               starts: dict[int, Where]) -> tuple[list[nodes.Node], list[smtp_node]]:
        """The text cut around its shortcodes; unclosed openers are reported and kept."""
        data = str(text)  # keeps rst's NUL escape markers, which astext() would drop
        source, line = starts.get(id(text)) or get_source_line(text.parent)
        pieces: list[nodes.Node] = []
        made: list[smtp_node] = []
        last = counted = 0
        for opener in _OPENER.finditer(data):
            start = opener.start()
            if start < last:
                continue
            if line is not None:
                line += data.count("\n", counted, start)
            counted = start
            match = PATTERN.match(data, start)
            if start and data[start - 1] == "\x00":
                continue  # \<smtp:553> in rst, also inside MyST's {eval-rst}
            # MyST: autolink-shaped text was escaped, unless its source says otherwise.
            if not rst and escaped.get((id(text), start), match is not None and bool(
                    _AUTOLINK_BODY.fullmatch(match.group(1)))):
                continue
            if match is None:
                tail = _UNCLOSED.match(data, start) or opener
                shown = quoted(nodes.unescape(tail.group(0)), 40)
                warn(f"unclosed shortcode '{shown}': end it with '>', or write '\\<smtp:' for "
                     "the text itself", "unclosed", (source, line))
                continue
            if start > last:
                pieces.append(nodes.Text(data[last:start]))
            node = make_node(nodes.unescape(match.group(0)), nodes.unescape(match.group(1)),
                             block=False, where=(source, line))
            pieces.append(node)
            made.append(node)
            last = match.end()
        if made and last < len(data):
            pieces.append(nodes.Text(data[last:]))
        return pieces, made

    def _report_raw(self, raw: nodes.raw, starts: dict[int, Where]) -> None:
        """A shortcode in raw HTML is not expanded, and browsers hide ``<smtp:…>`` as an
        unknown tag: say so, unless it sits in an HTML comment."""
        data = _without_comments(raw.astext())
        first = next(iter(raw.findall(nodes.Text)), None)
        if raw.line is not None and not isinstance(raw.parent, nodes.TextElement):
            # A raw block: MyST's starts at its first line; rst's line is the directive's.
            source, line = raw.source or get_source_line(raw)[0], raw.line
            exact = raw.rawsource == raw.astext()
        else:
            source, line = starts.get(id(first)) or get_source_line(raw.parent)
            exact = True
        counted = 0
        for match in PATTERN.finditer(data):
            if line is not None and exact:
                line += data.count("\n", counted, match.start())
                counted = match.start()
            warn(f"{quoted(match.group(0))} inside raw HTML is not expanded: move it out of "
                 "the HTML", "raw", (source, line))


def _slug_function(env: Any) -> Callable[[str], str] | None:
    """The site's ``myst_heading_slug_func``, else MyST's default; None without MyST."""
    configured: Callable[[str], str] | None = getattr(
        getattr(env, "myst_config", None), "heading_slug_func", None)
    if callable(configured):
        return configured
    try:
        from myst_parser.slugs import github_slugify
    except ImportError:  # MyST before 5.2 (the newest for Python 3.10 is 4) keeps it here
        try:
            from myst_parser.mdit_to_docutils.base import default_slugify
        except ImportError:  # an older MyST still: its anchors stay as they were
            return None
        return default_slugify
    return github_slugify


def _is_autolink(ref: nodes.reference) -> bool:
    """A MyST autolink ``<smtp:553>`` (any letter case): text and target in the smtp scheme."""
    return (ref.get("refuri", "")[:5].lower() == "smtp:" == ref.astext()[:5].lower()
            and not ref.get("name"))


def _merge_texts(parent: nodes.Element) -> list[nodes.Text]:
    """Join runs of adjacent text children; return the texts that give shortcodes their lines
    (the parent's own, and the first of each autolink).

    MyST gives each line of a paragraph its own text node, so a shortcode an editor wrapped
    (``<smtp:550`` / ``5.1.1>``) is only whole once its lines are joined.
    """
    runs: list[list[nodes.Node]] = []
    for child in parent.children:
        if runs and isinstance(child, nodes.Text) and isinstance(runs[-1][0], nodes.Text):
            runs[-1].append(child)
        else:
            runs.append([child])
    if len(runs) < len(parent.children):
        parent[:] = [run[0] if len(run) == 1 else nodes.Text("".join(run)) for run in runs]
    return [text for child in parent.children for text in (
        [child] if isinstance(child, nodes.Text) else
        list(child.findall(nodes.Text))[:1] if isinstance(child, nodes.reference)
        and _is_autolink(child) else [])]


def _holder(node: nodes.Node) -> nodes.Node | None:
    """The nearest block that knows its line: the base for lines of the text inside it."""
    holder: nodes.Node | None = node
    while holder is not None and (holder.line is None or (
            isinstance(holder, nodes.Inline) and isinstance(holder.parent, nodes.TextElement))):
        holder = holder.parent
    return holder


def _line_starts(texts: list[nodes.Text], *, myst: bool) -> dict[int, Where]:
    """Source and line where each text node starts: its block's line plus the line breaks of
    the text before it in that block. Each block is walked once, however many texts it holds."""
    starts: dict[int, Where] = {}
    blocks: dict[int, tuple[nodes.Node, set[int]]] = {}
    for text in texts:
        holder = _holder(text.parent)
        if holder is None:
            starts[id(text)] = get_source_line(text.parent)
        else:
            blocks.setdefault(id(holder), (holder, set()))[1].add(id(text))
    rows: dict[int, int] = {}
    for holder, wanted in blocks.values():
        source = holder.source or get_source_line(holder)[0]
        line = (_cell_line(holder, rows) if myst else None) or holder.line
        for other in holder.findall(nodes.Text):
            if id(other) in wanted:
                starts[id(other)] = (source, line)
            line += other.count("\n")
    return starts


def _cell_line(holder: nodes.Node, rows: dict[int, int]) -> int | None:
    """The line of a MyST table cell, whose own line MyST leaves at the table's first line or
    one row off: a Markdown table row is one line, and the header's delimiter row follows the
    header. ``rows`` caches each table's row offsets, so a long table is counted once."""
    row = holder.parent.parent if isinstance(holder.parent, nodes.entry) else None
    tgroup = row.parent.parent if isinstance(row, nodes.row) else None
    if not isinstance(tgroup, nodes.tgroup) or tgroup.parent.line is None:
        return None
    if id(row) not in rows:
        body = [r for part in tgroup.children for r in part.children
                if isinstance(part, (nodes.thead, nodes.tbody))]
        head = sum(isinstance(r.parent, nodes.thead) for r in body)
        rows.update((id(r), i + (i >= head)) for i, r in enumerate(body))
    line: int = tgroup.parent.line
    return line + rows.get(id(row), 0)


def _myst_escapes(parents: list[nodes.Element]) -> dict[tuple[int, int], bool]:
    """Which MyST openers were escaped, keyed by (text node id, offset).

    markdown-it drops the escape of ``\\<smtp:550 5.1.1>`` (and decodes ``&lt;``), but
    paragraphs, titles and table cells keep their raw inline source: the n-th opener in the
    text is the n-th in that source, once code spans and autolinks (which are not text) are
    left out. Where the counts disagree the text is left undecided and the caller falls back on
    the shape of the body.
    """
    decided: dict[tuple[int, int], bool] = {}
    holders: dict[int, nodes.Element] = {}
    for parent in parents:
        holder: nodes.Node | None = parent
        while holder is not None and not isinstance(holder, _RAW_HOLDERS):
            holder = holder.parent
        if isinstance(holder, nodes.Element) and holder.rawsource:
            holders.setdefault(id(holder), holder)
    for holder in holders.values():
        openers = list(_openers(holder))
        flags = _raw_escape_flags(_blank_code_spans(holder.rawsource))
        if len(flags) == len(openers):
            decided.update((key, flag) for key, flag in zip(openers, flags, strict=True)
                           if key is not None)
    return decided


def _openers(holder: nodes.Element) -> Iterator[tuple[int, int] | None]:
    """Every opener in ``holder``'s text as (text node id, offset), and None for an autolink:
    the order in which their source holds them."""
    for node in holder.findall(lambda n: isinstance(n, (nodes.Text, nodes.reference))):
        if isinstance(node, nodes.reference):
            if _is_autolink(node):
                yield None
        elif has_marker(node) and not skipped(node.parent, _LITERAL):
            yield from ((id(node), match.start()) for match in _OPENER.finditer(node))


def _raw_escape_flags(raw: str) -> list[bool]:
    """For each opener of MyST source, whether it was escaped (``\\<``, ``&lt;``)."""
    flags = []
    for match in _RAW_OPENER.finditer(raw):
        start = before = match.start()
        while before and raw[before - 1] == "\\":  # each run precedes one opener: linear
            before -= 1
        flags.append(raw[start] != "<" or (start - before) % 2 == 1)
    return flags


def _blank_code_spans(raw: str) -> str:
    """``raw`` with CommonMark code spans (a backtick run closed by one of the same length)
    blanked out, found in one pass instead of a backtracking regex."""
    runs = [(m.start(), m.end()) for m in re.finditer("`+", raw)]
    closer: list[int | None] = [None] * len(runs)
    latest: dict[int, int] = {}
    for i in range(len(runs) - 1, -1, -1):
        size = runs[i][1] - runs[i][0]
        closer[i] = latest.get(size)
        latest[size] = i
    pieces: list[str] = []
    done = i = 0
    while i < len(runs):
        j = closer[i]
        if j is None:
            i += 1
            continue
        start, end = runs[i][0], runs[j][1]
        pieces += [raw[done:start], " " * (end - start)]
        done, i = end, j + 1
    pieces.append(raw[done:])
    return "".join(pieces)


def _without_comments(html: str) -> str:
    """``html`` with ``<!-- … -->`` blanked (line breaks kept), found with ``str.find``."""
    pieces: list[str] = []
    done = 0
    while (start := html.find("<!--", done)) >= 0:
        end = html.find("-->", start + 4)
        end = len(html) if end < 0 else end + 3
        pieces += [html[done:start], "\n" * html.count("\n", start, end)]
        done = end
    pieces.append(html[done:])
    return "".join(pieces)


def _alone(node: smtp_node) -> bool:
    """A paragraph holding only this shortcode, outside table cells, fields and short lists
    (a list item that is a single code reads as a list of chips, as in Markdown)."""
    paragraph = node.parent
    if not isinstance(paragraph, nodes.paragraph) or paragraph.parent is None:
        return False
    if any(child is not node and not (isinstance(child, nodes.Text) and not child.strip())
           for child in paragraph.children):
        return False
    holder = paragraph.parent
    if isinstance(holder, (nodes.entry, nodes.field_body)):
        return False
    return not (isinstance(holder, nodes.list_item) and len(holder.children) == 1)


def _make_block(node: smtp_node, document: nodes.document) -> None:
    paragraph = node.parent
    node["block"] = True
    for key in ("ids", "names", "classes"):
        node[key] = paragraph[key] + node[key]
    for id_ in node["ids"]:
        document.ids[id_] = node
    paragraph.remove(node)
    paragraph.replace_self(node)
