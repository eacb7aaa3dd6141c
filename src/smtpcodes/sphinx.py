"""Sphinx extension: ``extensions = ["smtpcodes.sphinx"]``.

Gives reStructuredText and MyST the same shortcodes as the Markdown side, plus native forms:

* ``<smtp:553>`` in running text is a chip; alone in its paragraph it is a box. In MyST,
  markdown-it reads ``<smtp:553>`` as an autolink (a ``reference`` with ``refuri="smtp:553"``),
  so both shapes are rewritten by one read-phase transform that never looks inside code;
* the role ``:smtp:`553``` (MyST ``{smtp}`553```) is always a chip;
* the directive ``.. smtp:: 550 5.1.1`` (MyST ```` ```{smtp} 550 5.1.1 ````) is always a box,
  with options ``:lang:``, ``:collapsible:``, ``:open:``, ``:sections:``, ``:class:``.

Everything is checked while reading, so warnings carry file and line, fail ``-W`` and can be
silenced with ``suppress_warnings = ["smtpcodes.unknown"]`` (``.malformed``, ``.mismatch``).
Rendering waits for the builder: HTML builders get the shared renderer's HTML
(:mod:`smtpcodes.render`), every other builder plain docutils nodes, never raw HTML.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import Parser as RSTParser
from docutils.parsers.rst import directives
from docutils.utils import get_source_line
from sphinx import addnodes
from sphinx.errors import ConfigError
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.util.fileutil import copy_asset_file

from . import __version__, render
from .catalogue import Catalogue, get_catalogue, labels, languages
from .errors import SMTPCodeError, UnknownCodeError
from .shortcode import MARKER, PATTERN, Shortcode, contradiction, parse, resolve

if TYPE_CHECKING:
    import xml.etree.ElementTree as etree

    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

CSS_FILE = Path(__file__).parent / "data" / "smtpcodes.css"

#: Autolink-shaped bodies: in MyST these arrive as references, so plain text of this shape
#: was escaped (``\<smtp:553>``, ``&lt;smtp:553>``) and stays text.
_AUTOLINK_BODY = re.compile(r"[^\x00-\x20<>]*")
#: CommonMark code spans: a run of backticks closed by a run of the same length.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
_WRAPPED = re.compile(r"<smtp:(.*)>", re.DOTALL)


class smtp_node(nodes.Inline, nodes.Element):
    """A shortcode checked at read time and rendered per builder at write time.

    Inline even when it stands for a box, which is replaced before writing: rst moves
    non-inline nodes out of substitution definitions, which would break ``|x| replace::``.

    Attributes: ``source`` as written (shown by errors), ``block`` (box or chip), ``kind`` and
    ``codes`` when valid, ``error`` when not, and the box options ``lang``, ``collapsible``,
    ``open``, ``sections``. Its one child is the plain label, which is what tables of contents
    and page titles show, since they copy titles before any post-transform runs.
    """


#: Where a shortcode is text, not markup: code, raw output, comments, signatures, cross-refs.
_SKIP = (nodes.FixedTextElement, nodes.literal, nodes.raw, nodes.comment, nodes.math,
         nodes.Invisible, nodes.system_message, nodes.problematic,
         addnodes.pending_xref, addnodes.literal_emphasis, addnodes.literal_strong,
         addnodes.desc_signature, smtp_node)


# --- configuration ------------------------------------------------------------------------------

def _lang_option(argument: str | None) -> str:
    """Directive option and config check: a language smtpcodes ships, named in the error."""
    lang = (argument or "").strip()
    if lang not in languages():
        raise ValueError(f"unknown language {lang!r}: available are {', '.join(languages())}")
    return lang


def _bool_option(argument: str | None) -> bool:
    """``:collapsible:`` alone means yes; ``:collapsible: no`` overrides a config default."""
    text = (argument or "").strip().lower()
    if text in ("", "yes", "true", "on", "1"):
        return True
    if text in ("no", "false", "off", "0"):
        return False
    raise ValueError(f"expected yes or no, not {argument!r}")


def _sections_option(argument: str | Sequence[str] | None) -> list[str]:
    """Comma- or space-separated section names, checked against ``render.SECTIONS``."""
    if argument is None:
        raise ValueError("name at least one section: " + ", ".join(render.SECTIONS))
    words = (re.split(r"[\s,]+", argument) if isinstance(argument, str)
             else [str(w) for w in argument])
    chosen = [w for w in (w.strip() for w in words) if w]
    unknown = [w for w in chosen if w not in render.SECTIONS]
    if unknown:
        raise ValueError(f"unknown section {unknown[0]!r}; choose from "
                         + ", ".join(render.SECTIONS))
    return chosen


def _check_config(app: Sphinx, config: Config) -> None:
    """Fail at start-up, naming the setting, rather than on the first shortcode."""
    lang = config.smtpcodes_lang
    if lang not in (None, ""):
        try:
            _lang_option(lang if isinstance(lang, str) else repr(lang))
        except ValueError as error:
            raise ConfigError(f"smtpcodes_lang: {error}") from None
    for name in ("smtpcodes_collapsible", "smtpcodes_open"):
        value = getattr(config, name)
        if not isinstance(value, bool):
            raise ConfigError(f"{name} must be True or False, not {value!r}")
    try:
        config.smtpcodes_sections = _sections_option(config.smtpcodes_sections)
    except ValueError as error:
        raise ConfigError(f"smtpcodes_sections: {error}") from None
    path = config.smtpcodes_catalogue
    if path in (None, ""):
        config.smtpcodes_catalogue = None
        return
    if not isinstance(path, (str, os.PathLike)):
        raise ConfigError(f"smtpcodes_catalogue must be a file path, not {path!r}")
    # Relative to conf.py, like html_static_path; stored absolute so workers agree.
    absolute = os.path.normpath(os.path.join(app.confdir, os.fspath(path)))
    try:
        get_catalogue(absolute)
    except SMTPCodeError as error:
        raise ConfigError(f"smtpcodes_catalogue: {error}") from None
    config.smtpcodes_catalogue = absolute


def _lang(config: Config) -> str:
    """``smtpcodes_lang``, else Sphinx's ``language`` when smtpcodes speaks it, else English."""
    if config.smtpcodes_lang:
        return str(config.smtpcodes_lang)
    wanted = re.split(r"[_-]", config.language or "en")[0].lower()
    return wanted if wanted in languages() else "en"


def _catalogue(config: Config) -> Catalogue:
    return get_catalogue(config.smtpcodes_catalogue or None)


# --- read phase: making and checking nodes -----------------------------------------------------

def _label(body: str) -> str:
    try:
        return parse(body).label
    except SMTPCodeError:
        return body.strip()


def make_node(source: str, body: str, *, block: bool, location: nodes.Node | None,
              options: dict[str, Any] | None = None, shown: str | None = None) -> smtp_node:
    """A node not yet checked: ``ShortcodeTransform`` checks every node of a page at once,
    when the page's own language (front matter, field list) is known.

    ``source`` is what warnings quote, ``shown`` what an error element displays (default:
    ``source``); ``location`` must carry source and line: warnings point there.
    """
    node = smtp_node("", nodes.Text(_label(body)), source=shown or source, quote=source,
                     body=body, block=block)
    for key in ("lang", "collapsible", "open", "sections"):
        if key in (options or {}):
            node[key] = (options or {})[key]
    node["classes"] += (options or {}).get("class", [])
    if location is not None:
        node.source, node.line = location.source, location.line
    return node


def check_node(node: smtp_node, env: Any, page_lang: str, *, report: bool = True) -> None:
    """Parse and resolve one node, fill in defaults, and warn (read time: file and line known).

    The verdict (``kind`` and ``codes``, or ``error``) is what the renderers use.
    """
    config = env.config
    node["lang"] = node.get("lang") or page_lang
    node["collapsible"] = node.get("collapsible", config.smtpcodes_collapsible)
    node["open"] = node.get("open", config.smtpcodes_open)
    node["sections"] = list(node.get("sections") or config.smtpcodes_sections)
    node["checked"] = True
    if config.smtpcodes_catalogue:
        env.note_dependency(config.smtpcodes_catalogue)
    source, body = node["quote"], node["body"]
    try:
        shortcode = parse(body)
        entries = resolve(shortcode, _catalogue(config), node["lang"])
    except SMTPCodeError as error:
        node["error"] = str(error)
        if report:
            logger.warning("%s", _quoting(str(error), source, body), type="smtpcodes",
                           subtype="unknown" if isinstance(error, UnknownCodeError)
                           else "malformed", location=node)
        return
    node["kind"], node["codes"] = shortcode.kind, list(shortcode.codes)
    if report and contradiction(shortcode, entries):
        logger.warning("%s: the enhanced code %s contradicts the class of %s (%sxx)", source,
                       entries[1].code, entries[0].code, entries[0].reply_class,
                       type="smtpcodes", subtype="mismatch", location=node)


def _quoting(message: str, source: str, body: str) -> str:
    """The message as the user wrote it: ``:smtp:`abc`: …`` rather than ``<smtp:abc>: …``."""
    written = f"<smtp:{body}>"
    if message.startswith(written):
        return source + message[len(written):]
    return message if source in message else f"{source}: {message}"


def _unwrap(text: str) -> str:
    """Role and directive accept ``553`` and, forgivingly, ``<smtp:553>``."""
    match = _WRAPPED.fullmatch(text.strip())
    return match.group(1) if match else text


class SMTPRole(SphinxRole):
    """``:smtp:`553``` — always an inline chip, wherever it stands."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        where = nodes.inline()
        self.set_source_info(where)
        return [make_node(self.rawtext, _unwrap(self.text), block=False, location=where)], []


class SMTPDirective(SphinxDirective):
    """``.. smtp:: 553`` — always a box; options override the ``smtpcodes_*`` settings."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = False
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "lang": _lang_option,
        "collapsible": _bool_option,
        "open": _bool_option,
        "sections": _sections_option,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        body = _unwrap(self.arguments[0])
        where = nodes.inline()
        self.set_source_info(where)
        return [make_node(f"smtp directive {body.strip()!r}", body, block=True, location=where,
                          options=self.options, shown=body.strip())]


class ShortcodeTransform(SphinxTransform):
    """Turns ``<smtp:…>`` text (rst, MyST) and ``smtp:`` autolinks (MyST) into smtp nodes.

    Runs after substitutions and i18n (so translated text is covered) and before smart quotes.
    Code, raw output, comments and signatures are left alone, as are escaped shortcodes.
    """

    default_priority = 500

    def apply(self, **kwargs: Any) -> None:
        rst = self._is_rst()
        escaped = {} if rst else self._myst_escapes()
        made: list[smtp_node] = []
        for ref in list(self.document.findall(nodes.reference)):
            if self._is_autolink(ref) and not self._skipped(ref.parent):
                made.append(self._replace_autolink(ref))
        for text in list(self.document.findall(nodes.Text)):
            if MARKER in text and not self._skipped(text.parent):
                made += self._replace_text(text, rst, escaped)
        page_lang = self._page_lang()
        for node in list(self.document.findall(smtp_node)):  # roles and directives too
            if "checked" not in node:
                check_node(node, self.env, page_lang, report=not self._skipped(
                    node.parent, (nodes.substitution_definition,)))
            if node["block"] and "error" in node:  # a broken box: an error in a paragraph
                node["block"] = False
                paragraph = nodes.paragraph()
                paragraph.source, paragraph.line = node.source, node.line
                node.replace_self(paragraph)
                paragraph += node
        for node in made:
            if "error" not in node and self._alone(node):
                self._make_block(node)

    def _page_lang(self) -> str:
        """``smtpcodes_lang`` in a page's front matter or field list, as on the MkDocs side."""
        for field in self.document.findall(nodes.field):
            if isinstance(field.parent, nodes.docinfo) and \
                    field[0].astext().strip() == "smtpcodes_lang":
                wanted = str(field[1].astext()).strip()
                if wanted in languages():
                    return wanted
                logger.warning("smtpcodes_lang: unknown language %r: available are %s; using "
                               "%r", wanted, ", ".join(languages()), _lang(self.config),
                               type="smtpcodes", subtype="lang",
                               location=field if field.line else (self.env.docname, 1))
        return _lang(self.config)

    def _is_rst(self) -> bool:
        """Only reStructuredText keeps escapes (as NUL) in text; MyST's arrive as plain text."""
        try:
            return isinstance(self.env.parser, RSTParser)
        except (KeyError, AttributeError):
            return True

    @staticmethod
    def _is_autolink(ref: nodes.reference) -> bool:
        uri = ref.get("refuri", "")
        return uri.startswith("smtp:") and ref.astext().startswith("smtp:") and not ref.get("name")

    @staticmethod
    def _skipped(node: nodes.Node | None, skip: tuple[type, ...] | None = None) -> bool:
        while node is not None:
            if isinstance(node, skip or _SKIP):
                return True
            node = node.parent
        return False

    def _myst_escapes(self) -> dict[tuple[int, int], bool]:
        """Which MyST text shortcodes were escaped, keyed by (Text node id, offset).

        markdown-it drops the escape of ``\\<smtp:550 5.1.1>`` (and decodes ``&lt;``), but
        paragraphs, titles and table cells keep their raw inline source: the n-th occurrence
        in the text is the n-th in that source, code spans removed. Where the counts disagree
        the text is left undecided and the caller falls back on the shape of the body.
        """
        decided: dict[tuple[int, int], bool] = {}
        for holder in self.document.findall(
                lambda n: isinstance(n, (nodes.paragraph, nodes.title, nodes.rubric))):
            raw = holder.rawsource
            if not raw or "smtp:" not in raw:
                continue
            seen: dict[str, list[tuple[int, int]]] = {}
            for text in holder.findall(nodes.Text):
                if MARKER in text and not self._skipped(
                        text.parent, (nodes.FixedTextElement, nodes.literal, nodes.math)):
                    for match in PATTERN.finditer(text):
                        seen.setdefault(match.group(0), []).append((id(text), match.start()))
            if not seen:
                continue
            plain = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), raw)
            for source, places in seen.items():
                flags = [len(m.group(1)) % 2 == 1 or m.group(2) != "<" for m in re.finditer(
                    r"(\\*)(<|&lt;|&#0*60;|&#[xX]0*3[cC];)" + re.escape(source[1:]), plain)]
                if len(flags) == len(places):
                    decided.update(zip(places, flags, strict=True))
        return decided

    def _replace_autolink(self, ref: nodes.reference) -> smtp_node:
        text = ref.astext()
        where = nodes.inline()
        first = next(iter(ref.findall(nodes.Text)), None)
        where.source, where.line = (self._location(first, "") if first is not None
                                    else get_source_line(ref))
        node = make_node(f"<{text}>", text[len("smtp:"):], block=False, location=where)
        ref.replace_self(node)
        return node

    def _replace_text(self, text: nodes.Text, rst: bool,
                      escaped: dict[tuple[int, int], bool]) -> list[smtp_node]:
        data = str(text)  # keeps rst's NUL escape markers, which astext() would drop
        pieces: list[nodes.Node] = []
        made: list[smtp_node] = []
        last = 0
        for match in PATTERN.finditer(data):
            start, body = match.start(), match.group(1)
            if start and data[start - 1] == "\x00":
                continue  # \<smtp:553> in rst, also inside MyST's {eval-rst}
            # In MyST a real autolink-shaped shortcode is a reference: text of that shape was
            # escaped, unless the raw source says otherwise (rst inside MyST).
            if not rst and escaped.get((id(text), start), bool(_AUTOLINK_BODY.fullmatch(body))):
                continue
            if start > last:
                pieces.append(nodes.Text(data[last:start]))
            where = nodes.inline()
            where.source, where.line = self._location(text, data[:start])
            node = make_node(nodes.unescape(match.group(0)), nodes.unescape(body), block=False,
                             location=where)
            pieces.append(node)
            made.append(node)
            last = match.end()
        if made:
            if last < len(data):
                pieces.append(nodes.Text(data[last:]))
            parent = text.parent
            index = parent.index(text)
            parent[index:index + 1] = pieces
        return made

    @staticmethod
    def _location(text: nodes.Text, before: str) -> tuple[str | None, int | None]:
        """Source and line of a match: the block's first line plus the newlines before it."""
        holder: nodes.Node | None = text.parent
        while holder is not None and (holder.line is None or isinstance(holder, nodes.Inline)):
            holder = holder.parent
        if holder is None:
            source, line = get_source_line(text.parent)
            return source, line
        offset = 0
        for other in holder.findall(nodes.Text):
            if other is text:
                break
            offset += other.count("\n")
        return holder.source, holder.line + offset + before.count("\n")

    @staticmethod
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

    def _make_block(self, node: smtp_node) -> None:
        paragraph = node.parent
        node["block"] = True
        for key in ("ids", "names", "classes"):
            node[key] = paragraph[key] + node[key]
        for id_ in node["ids"]:
            self.document.ids[id_] = node
        node.parent.remove(node)
        paragraph.replace_self(node)


# --- write phase: rendering --------------------------------------------------------------------

def _entries(node: smtp_node, config: Config) -> tuple[Shortcode, tuple[Any, ...]]:
    shortcode = Shortcode(node["kind"], tuple(node["codes"]))
    return shortcode, resolve(shortcode, _catalogue(config), node["lang"])


def _html(node: smtp_node, config: Config) -> str:
    element: etree.Element
    if "error" in node:
        element = render.error(node["source"], node["error"])
    elif node["block"]:
        catalogue = _catalogue(config)
        layout = render.card(Shortcode(node["kind"], tuple(node["codes"])), catalogue,
                             node["lang"], node["sections"])
        element = render.box(layout, collapsible=node["collapsible"], open_=node["open"],
                             catalogue=catalogue)
    else:
        element = render.chip(*_entries(node, config))
    if node["classes"]:
        element.set("class", " ".join([element.get("class", ""), *node["classes"]]))
    if node["ids"]:
        element.set("id", node["ids"][0])
    html = render.to_html(element)
    return "".join(f'<span id="{id_}"></span>' for id_ in node["ids"][1:]) + html


def _plain(node: smtp_node, config: Config) -> nodes.Element:
    """Docutils nodes every writer knows: an admonition for a box, strong text for a chip."""
    if "error" in node:
        return nodes.inline("", node["source"], classes=["smtp-error"], ids=node["ids"])
    shortcode, entries = _entries(node, config)
    classes = sorted({f"smtp-{e.reply_class}xx" for e in entries})
    if not node["block"]:
        names = (" vs " if shortcode.kind == "compare" else " — ").join(e.name for e in entries)
        return nodes.inline("", "", nodes.strong("", shortcode.label), nodes.Text(f" ({names})"),
                            classes=["smtp", "smtp-chip", *classes, *node["classes"]],
                            ids=node["ids"])
    layout = render.card(shortcode, _catalogue(config), node["lang"], node["sections"])
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


def _item(term: str, body: list[nodes.Element]) -> nodes.definition_list_item:
    return nodes.definition_list_item("", nodes.term("", term), nodes.definition("", *body))


class HTMLRenderer(SphinxPostTransform):
    """HTML builders (html, dirhtml, singlehtml, epub …): the shared renderer's markup."""

    default_priority = 100
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(smtp_node)):
            try:
                html = _html(node, self.config)
            except SMTPCodeError as error:  # the catalogue changed between read and write
                html = render.to_html(render.error(node["source"], str(error)))
            node.replace_self(nodes.raw("", html, format="html"))


class PlainRenderer(SphinxPostTransform):
    """Every other builder (latex, text, man, texinfo …): plain nodes, never raw HTML."""

    default_priority = 101

    def is_supported(self) -> bool:
        # linkcheck would otherwise check every RFC link of every box: the catalogue's links,
        # which the site's authors can neither fix nor silence one by one.
        builder = getattr(self.env, "_builder_cls", None)
        return super().is_supported() and getattr(builder, "name", "") != "linkcheck"

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(smtp_node)):
            try:
                replacement = _plain(node, self.config)
            except SMTPCodeError:
                replacement = nodes.inline("", node["source"], classes=["smtp-error"])
            node.replace_self(replacement)


def _visit_label(translator: Any, node: smtp_node) -> None:
    """Titles copied into tables of contents skip post-transforms: show the plain label."""


def _depart_label(translator: Any, node: smtp_node) -> None:
    pass


# --- assets and setup -------------------------------------------------------------------------

def _copy_css(app: Sphinx) -> None:
    """Ship the stylesheet into ``_static`` before pages are written; a user file of the same
    name in ``html_static_path`` is copied later and wins."""
    if app.builder.format == "html" and CSS_FILE.exists():
        static = Path(app.outdir, "_static")
        static.mkdir(parents=True, exist_ok=True)
        copy_asset_file(CSS_FILE, static / CSS_FILE.name, force=True)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value("smtpcodes_lang", None, "env", types=frozenset({str, type(None)}),
                         description="language of boxes and chips (default: from `language`)")
    app.add_config_value("smtpcodes_catalogue", None, "env",
                         types=frozenset({str, os.PathLike, type(None)}),
                         description="your catalogue file (TOML/YAML), relative to conf.py")
    app.add_config_value("smtpcodes_collapsible", False, "env", types=frozenset({bool}))
    app.add_config_value("smtpcodes_open", False, "env", types=frozenset({bool}))
    app.add_config_value("smtpcodes_sections", list(render.SECTIONS), "env",
                         types=frozenset({list, tuple, str}),
                         description="sections boxes show: " + ", ".join(render.SECTIONS))
    app.connect("config-inited", _check_config)
    app.connect("builder-inited", _copy_css)
    handlers = (_visit_label, _depart_label)
    app.add_node(smtp_node, html=handlers, latex=handlers, text=handlers, man=handlers,
                 texinfo=handlers)
    app.add_role("smtp", SMTPRole())
    app.add_directive("smtp", SMTPDirective)
    app.add_transform(ShortcodeTransform)
    app.add_post_transform(HTMLRenderer)
    app.add_post_transform(PlainRenderer)
    app.add_css_file("smtpcodes.css")
    return {"version": __version__, "env_version": 1, "parallel_read_safe": True,
            "parallel_write_safe": True}
