"""The one renderer: what a box, a chip or an error shows, and its HTML.

``card()`` lays out a shortcode as format-neutral data (title, sections, table, links);
``box()``, ``chip()`` and ``error()`` turn it into ElementTree elements, which ``to_html()``
serialises without any third-party package; ``to_text()`` serves terminals and Sphinx's
non-HTML builders. The HTML contract every front end shares: class ``smtp``,
``data-smtp-code`` with the codes, one ``smtp-2xx`` … ``smtp-5xx`` class per reply class, and
``smtp-error`` for what could not be explained.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

from .catalogue import Catalogue, Entry, Reference, labels
from .comparison import compare
from .shortcode import Shortcode, contradiction, resolve

#: Sections a box can show, in order; users pick a subset.
SECTIONS = ("description", "when", "fix", "note", "related", "references")


def choose_sections(value: object) -> list[str]:
    """Section names from a list or one string of them split by commas or spaces: how every
    front end (Markdown option, attr_list, Sphinx config and directive) takes them. The
    ValueError reads after an option's name (``option 'sections' has unknown section …``)."""
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"must be a list of section names (any of {', '.join(SECTIONS)}), "
                         f"not {value!r}")
    names = [v.strip() for v in value if v.strip()]
    if not names:
        raise ValueError("names no section: name at least one of " + ", ".join(SECTIONS))
    unknown = [v for v in names if v not in SECTIONS]
    if unknown:
        raise ValueError(f"has unknown section {unknown[0][:40]!r}; choose from "
                         + ", ".join(SECTIONS))
    return names
#: Admonition type per reply class: native colours under mkdocs-material and the default theme.
ADMONITION = {2: "success", 3: "info", 4: "warning", 5: "danger"}
#: The type Sphinx themes colour alike, given as a second class; Material has no rule for "hint"
#: and rules "info" after "note", so its own type still wins there.
_SPHINX_TYPE = {"success": "hint", "info": "note"}
#: Related codes a box shows; the rest are one link away, on the catalogue page.
RELATED_LIMIT = 12

Linker = Callable[[str], "str | None"]


def anchor(code: str) -> str:
    """The id of a code's box on a catalogue page: ``smtp-553``, ``smtp-5-1-1``."""
    return "smtp-" + code.replace(".", "-")


class Section(NamedTuple):
    key: str
    label: str
    paragraphs: tuple[str, ...]


class Card(NamedTuple):
    """A box's content, independent of output format."""

    shortcode: Shortcode
    entries: tuple[Entry, ...]
    lang: str
    title: str
    meta: tuple[str, ...]
    sections: tuple[Section, ...]
    related: tuple[str, ...]
    references: tuple[Reference, ...]
    table: tuple[tuple[str, ...], ...]  # comparison rows: label, then one cell per code
    warnings: tuple[str, ...]

    @property
    def reply_classes(self) -> tuple[int, ...]:
        return tuple(sorted({e.reply_class for e in self.entries}))

    @property
    def admonition(self) -> str:
        if self.shortcode.kind == "compare":
            return "note"
        return ADMONITION[max(self.reply_classes)]


def card(shortcode: Shortcode, catalogue: Catalogue, lang: str = "en",
         sections: Sequence[str] = SECTIONS) -> Card:
    """Lay out a shortcode; raises UnknownCodeError for codes nobody defines."""
    entries = resolve(shortcode, catalogue, lang)
    words = labels(lang)
    names = words["sections"]
    if shortcode.kind == "compare":
        return _comparison_card(shortcode, entries, catalogue, lang, sections)
    if shortcode.kind == "classes":  # X.1.1: the classes the registry uses it in, if any
        entries = tuple(e for e in entries if e.source != "unused") or entries
    title = words["title"].format(code=shortcode.label) + " · " + _names(entries, " — ")
    multi = len(entries) > 1
    if shortcode.kind == "classes":
        meta = (entries[0].category_name, *(_group(e, e.status_class_name, "", words)
                                            for e in entries))
    else:
        meta = _reply_meta(entries, words) if multi else _meta(entries[0], words)
    body = []
    for key in ("description", "when", "fix", "note"):
        if key not in sections:
            continue
        paragraphs = tuple((f"{e.code}: " if multi else "") + getattr(e, key)
                           for e in entries if getattr(e, key))
        if paragraphs:
            body.append(Section(key, names[key], paragraphs))
    warnings: tuple[str, ...] = ()
    if contradiction(shortcode, entries):
        basic, enhanced = entries
        warnings = (words["mismatch"].format(
            basic=basic.code, basic_class=basic.class_name, enhanced=enhanced.code,
            enhanced_class=enhanced.reply_class),)
    return Card(shortcode, entries, lang, title, meta, tuple(body),
                _related(entries) if "related" in sections else (),
                _references(entries) if "references" in sections else (), (), warnings)


def _names(entries: Iterable[Entry], joiner: str) -> str:
    """Names of the codes, each once: 535 and 5.7.8 share one name, said once."""
    return joiner.join(dict.fromkeys(e.name for e in entries if e.name))


def _meta(entry: Entry, words: dict[str, Any]) -> tuple[str, ...]:
    """One code's tags: its class first (the box shows it as a pill), then the rest."""
    meta = [entry.class_name, entry.category_name]  # the pill says the class: said once
    if entry.kind == "basic" and entry.commands:
        meta.append(_commands(entry, words))
    return (*meta, *_flags(entry, words))


def _reply_meta(entries: Sequence[Entry], words: dict[str, Any]) -> tuple[str, ...]:
    """A reply's tags, one group per code (``550: Mail system``), so each tag has an owner."""
    basic, enhanced = entries
    contradicts = basic.reply_class != enhanced.reply_class
    return (basic.class_name,
            _group(basic, basic.category_name, _commands(basic, words), words),
            _group(enhanced, enhanced.category_name,
                   enhanced.status_class_name if contradicts else "", words))


def _group(entry: Entry, tag: str, detail: str, words: dict[str, Any]) -> str:
    if detail:
        tag = words["meta_detail"].format(tag=tag, detail=detail)
    return str(words["meta_group"].format(code=entry.code, tags=", ".join(
        [tag, *_flags(entry, words)])))


def _commands(entry: Entry, words: dict[str, Any]) -> str:
    return ", ".join(words["commands"].get(c, c) for c in entry.commands)


def _flags(entry: Entry, words: dict[str, Any]) -> list[str]:
    flags = [words["deprecated"]] if entry.deprecated else []
    if entry.source in words["sources"]:
        flags.append(words["sources"][entry.source])
    return flags


def _comparison_card(shortcode: Shortcode, entries: tuple[Entry, ...], catalogue: Catalogue,
                     lang: str, sections: Sequence[str]) -> Card:
    """The comparison box, section for section: both codes' texts side by side, then what
    tells them apart and which one to expect when; the facts at a glance sit in the table."""
    words = labels(lang)
    names = words["sections"]
    result = compare(shortcode.codes[0], shortcode.codes[1], lang=lang, catalogue=catalogue)
    a, b = result.a, result.b
    rows = [("", f"{a.code} · {a.name}", f"{b.code} · {b.name}"),
            (names["class"], a.class_name, b.class_name),
            (names["category"], _group_cell(a), _group_cell(b))]
    if a.commands or b.commands:
        rows.append((names["commands"], _commands(a, words) or "–", _commands(b, words) or "–"))
    body = []
    for key in ("description", "when", "fix", "note"):
        if key not in sections:
            continue
        lead = (result.summary,) if key == "description" else ()
        paragraphs = lead + tuple(f"{e.code}: {getattr(e, key)}" for e in (a, b)
                                  if getattr(e, key))
        if paragraphs:
            body.append(Section(key, names[key], paragraphs))
    body += [Section("differences", names["differences"], tuple(result.differences)),
             Section("which", names["which"], tuple(result.which))]
    return Card(shortcode, entries, lang, result.title, (), tuple(body), (),
                result.references if "references" in sections else (), tuple(rows), ())


def _group_cell(entry: Entry) -> str:
    if entry.kind == "enhanced":
        return f"{entry.status_class_name} · {entry.category_name}"
    return entry.category_name


def _related(entries: Sequence[Entry]) -> tuple[str, ...]:
    """Related codes, closest first, in the catalogue's order within each rank."""
    own = {e.code for e in entries}
    seen: dict[str, None] = {}
    for entry in entries:
        seen.update((code, None) for code in entry.related if code not in own)
    return tuple(sorted(seen, key=lambda code: min(_distance(e, code) for e in entries)))


def _distance(entry: Entry, code: str) -> int:
    """0 for the basic codes an enhanced code is sent with, or a basic code's own category
    (550: 551, 553); 1 for the same subject (5.1.1: 5.1.2); 2 for the rest."""
    enhanced = "." in code
    if entry.kind == "enhanced":
        if code in entry.associated:
            return 0
        return 1 if enhanced and code.split(".")[:2] == entry.code.split(".")[:2] else 2
    return 0 if not enhanced and code[1] == entry.code[1] else 2


def _references(entries: Iterable[Entry]) -> tuple[Reference, ...]:
    seen: dict[Reference, None] = {}
    for entry in entries:
        seen.update((ref, None) for ref in entry.references)
    return tuple(seen)


# --- HTML ---------------------------------------------------------------------------------------

def _element(tag: str, attrib: dict[str, str] | None = None, text: str | None = None,
             parent: etree.Element | None = None) -> etree.Element:
    el = etree.Element(tag, attrib or {}) if parent is None else etree.SubElement(
        parent, tag, attrib or {})
    if text is not None:
        el.text = text
    return el


def _classes(base: str, reply_classes: Iterable[int]) -> str:
    return " ".join([base, *(f"smtp-{c}xx" for c in reply_classes)])


def box(layout: Card, *, collapsible: bool = False, open_: bool = False,
        link: Linker | None = None, anchor_id: str | None = None,
        catalogue: Catalogue | None = None, search_body: bool = False,
        related_limit: int | None = RELATED_LIMIT) -> etree.Element:
    """The block box: an admonition (or details) carrying the smtp contract.

    Unless ``search_body`` is set, only the title is left to site search: the body is the
    catalogue's text, the same on every page, and would pull unrelated pages into results.
    Past ``related_limit`` related codes, a "more" link leads to the code on the catalogue page
    (when ``link`` knows it); the catalogue page itself passes ``None`` and lists them all.
    """
    kind = "smtp-compare" if layout.shortcode.kind == "compare" else "smtp-box"
    admonition = " ".join(dict.fromkeys(
        [layout.admonition, _SPHINX_TYPE.get(layout.admonition, layout.admonition)]))
    classes = _classes(f"admonition {admonition} smtp {kind}", layout.reply_classes)
    attrib = {"data-smtp-code": " ".join(layout.shortcode.codes), "lang": layout.lang}
    if anchor_id:
        attrib["id"] = anchor_id
    if collapsible:
        root = _element("details", {"class": classes, **attrib})
        if open_:
            root.set("open", "open")
        _element("summary", {"class": "admonition-title smtp-title"}, layout.title, root)
    else:
        root = _element("div", {"class": classes, **attrib})
        _element("p", {"class": "admonition-title smtp-title"}, layout.title, root)
    if layout.meta:
        meta = _element("p", {"class": "smtp-meta"}, parent=root)
        for i, item in enumerate(layout.meta):
            _element("span", {"class": "smtp-class" if i == 0 else "smtp-tag"}, item, meta)
            if i < len(layout.meta) - 1:
                meta[-1].tail = " · "
    for warning in layout.warnings:
        _element("p", {"class": "smtp-warning"}, warning, root)
    if layout.table:
        _table(layout.table, layout.entries, root)
    _sections(layout, root, link, catalogue, related_limit)
    if not search_body:
        for child in root[1:]:
            child.set("data-search-exclude", "")
    return root


def _table(rows: Sequence[Sequence[str]], entries: Sequence[Entry],
           parent: etree.Element) -> None:
    table = _element("table", {"class": "smtp-table"}, parent=parent)
    head = _element("tr", parent=_element("thead", parent=table))
    _element("th", text=rows[0][0], parent=head)
    for entry, cell in zip(entries, rows[0][1:], strict=True):
        _element("th", {"class": f"smtp-{entry.reply_class}xx"}, cell, head)
    body = _element("tbody", parent=table)
    for row in rows[1:]:
        tr = _element("tr", parent=body)
        _element("th", {"scope": "row"}, row[0], tr)
        for cell in row[1:]:
            _element("td", text=cell, parent=tr)


def _sections(layout: Card, parent: etree.Element, link: Linker | None,
              catalogue: Catalogue | None, related_limit: int | None) -> None:
    names = labels(layout.lang)["sections"]
    # "simple" marks a plain definition list: sphinx_rtd_theme styles any other dl with a class
    # as an API signature.
    dl = _element("dl", {"class": "smtp-sections simple"}, parent=parent)
    for section in layout.sections:
        _element("dt", {"class": f"smtp-{section.key}"}, section.label, dl)
        dd = _element("dd", {"class": f"smtp-{section.key}"}, parent=dl)
        if section.key in ("differences", "which"):
            items = _element("ol" if section.key == "differences" else "ul", parent=dd)
            for text in section.paragraphs:
                _element("li", text=text, parent=items)
        else:
            for text in section.paragraphs:
                _element("p", text=text, parent=dd)
    if layout.related and catalogue is not None:
        _element("dt", {"class": "smtp-related"}, names["related"], dl)
        dd = _element("dd", {"class": "smtp-related"}, parent=dl)
        _related_chips(layout, dd, link, catalogue, related_limit)
    if layout.references:
        _element("dt", {"class": "smtp-references"}, names["references"], dl)
        dd = _element("dd", {"class": "smtp-references"}, parent=dl)
        _reference_links(layout.references, dd, labels(layout.lang)["iana_registry"])
    if not len(dl):
        parent.remove(dl)


def _related_chips(layout: Card, parent: etree.Element, link: Linker | None,
                   catalogue: Catalogue, limit: int | None) -> None:
    shown = [(code, entry) for code in layout.related
             if (entry := _known(catalogue, code, layout.lang)) is not None]
    rest = max(0, len(shown) - limit) if limit is not None else 0
    for code, entry in shown[:len(shown) - rest]:
        parent.append(chip(Shortcode("single", (code,)), (entry,), link=link))
        parent[-1].tail = " "
    if rest:
        more = link(layout.shortcode.codes[0]) if link else None
        text = labels(layout.lang)["more_related"].format(count=rest)
        attrib = {"class": "smtp-more", **({"href": more} if more else {})}
        _element("a" if more else "span", attrib, text, parent)
    elif len(parent):
        parent[-1].tail = None


def _known(catalogue: Catalogue, code: str, lang: str) -> Entry | None:
    try:
        return catalogue.lookup(code, lang)
    except LookupError:
        return None


def _reference_links(references: Sequence[Reference], parent: etree.Element,
                     iana: str) -> None:
    groups: dict[str, list[Reference]] = {}
    for ref in references:
        groups.setdefault(ref.document, []).append(ref)
    for n, (document, refs) in enumerate(groups.items()):
        item = _element("span", {"class": "smtp-ref"}, parent=parent)
        plain = [r for r in refs if not r.section]
        head = plain[0] if plain else Reference(document)
        _link(head.title if head.document != "IANA" else iana, head.url, item)
        sections = [r for r in refs if r.section]
        for i, ref in enumerate(sections):
            item[-1].tail = " " if i == 0 else ", "
            _link(f"§{ref.section}", ref.url, item)
        if n < len(groups) - 1:
            item.tail = " · "


def _link(text: str, url: str, parent: etree.Element) -> None:
    if url:
        _element("a", {"href": url}, text, parent)
    else:
        _element("span", text=text, parent=parent)


def chip(shortcode: Shortcode, entries: Sequence[Entry],
         link: Linker | None = None) -> etree.Element:
    """The inline chip: the code, its name as a tooltip, a link to its catalogue entry."""
    title = _names(entries, " vs " if shortcode.kind == "compare" else " — ")
    title += " · " + " / ".join(dict.fromkeys(e.class_name for e in entries))
    href = link(shortcode.codes[0]) if link and shortcode.kind != "compare" else None
    attrib = {
        "class": _classes("smtp smtp-chip", sorted({e.reply_class for e in entries})),
        "data-smtp-code": " ".join(shortcode.codes), "title": title,
    }
    if href:
        attrib["href"] = href
    return _element("a" if href else "span", attrib, shortcode.label)


def error(source: str, message: str) -> etree.Element:
    """What stands in for a shortcode that could not be explained: visible, never raw HTML."""
    return _element("span", {"class": "smtp-error", "title": message}, source)


#: Elements laid out as blocks: a line break after each, so text extracted by stripping tags
#: (Sphinx's search indexer, MkDocs' search plugin) never glues two blocks into one word.
_BLOCKS = frozenset({"details", "summary", "div", "p", "dl", "dt", "dd", "ol", "ul", "li",
                     "table", "thead", "tbody", "tr", "th", "td"})
_NAME = re.compile(r"[a-z][a-z0-9-]*\Z")


def to_html(element: etree.Element) -> str:
    """HTML for a box, chip or error, the same bytes for the same tree, with no third-party
    package: attributes sorted, text and attribute values escaped."""
    out: list[str] = []
    _write(element, out)
    return "".join(out)


def _write(element: etree.Element, out: list[str]) -> None:
    tag = element.tag
    if not _NAME.match(tag):
        raise ValueError(f"not an HTML element name: {tag!r}")
    out.append(f"<{tag}")
    for name, value in sorted(element.items()):
        if not _NAME.match(name):
            raise ValueError(f"not an HTML attribute name: {name!r}")
        out.append(f' {name}="{_escape(value, quote=True)}"')
    out.append(">")
    if any(child.tag in _BLOCKS for child in element):
        out.append("\n")
    if element.text:
        out.append(_escape(element.text))
    for child in element:
        _write(child, out)
        if child.tag in _BLOCKS:
            out.append("\n")
        if child.tail:
            out.append(_escape(child.tail))
    out.append(f"</{tag}>")


def _escape(text: str, quote: bool = False) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if quote else text


# --- plain text ---------------------------------------------------------------------------------

def to_text(layout: Card, width: int = 88) -> str:
    """A readable plain rendering for terminals and Sphinx's text, LaTeX and man builders."""
    lines = [layout.title]
    if layout.meta:
        lines.append(" · ".join(layout.meta))
    lines += [f"! {w}" for w in layout.warnings]
    for row in layout.table[1:]:
        lines.append("")
        lines.append(row[0])
        for entry, cell in zip(layout.entries, row[1:], strict=True):
            lines += _wrap(f"{entry.code}: {cell}", width, "  ", "    ")
    names = labels(layout.lang)["sections"]
    blocks = [(s.label, s.paragraphs) for s in layout.sections]
    if layout.related:
        blocks.append((names["related"], (", ".join(layout.related),)))
    if layout.references:
        blocks.append((names["references"], tuple(
            f"{r.title} <{r.url}>" if r.url else r.title for r in layout.references)))
    for label, paragraphs in blocks:
        lines += ["", label]
        for text in paragraphs:
            lines += _wrap(text, width, "  ", "  ")
    return "\n".join(lines)


#: Punctuation that closes a phrase: Chinese typesetting never starts a line with it.
_NO_LINE_START = frozenset("。，、；：？！）」』”’》")


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """Wrap for a terminal: CJK characters take two columns and may break anywhere, except
    before closing punctuation: the character or word before it goes down with it, so no line
    starts with it and none grows past the width."""
    import re
    import textwrap
    import unicodedata

    def size(chunk: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in chunk)

    if size(text) == len(text):  # no wide character: break at spaces and hyphens only
        return textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest)
    lines: list[str] = []
    indent, parts = first, list[str]()  # the line being filled, chunk by chunk
    for chunk in re.findall(r"[\u2e80-\uffef]|[^\s\u2e80-\uffef]+|\s+", text):
        if size(indent + "".join(parts) + chunk) > width and "".join(parts).strip():
            keep = len(parts)
            if chunk in _NO_LINE_START:  # the last word and its closing marks go down together
                keep -= 1
                while keep > 0 and parts[keep] in _NO_LINE_START:
                    keep -= 1
                if keep < 1 or parts[keep].isspace() or not "".join(parts[:keep]).strip():
                    parts.append(chunk)
                    continue
            lines.append((indent + "".join(parts[:keep])).rstrip())
            indent, parts = rest, parts[keep:]
            if chunk.isspace():
                continue
        parts.append(chunk)
    return [*lines, (indent + "".join(parts)).rstrip()]
