"""What the Sphinx front end shares between reading and writing: the shortcode node and its
check, the language a page speaks, and how an author's text is quoted in warnings.

Quoting matters because warnings reach terminals and CI logs: a shortcode as written may hold
control characters, bidi overrides or a 100,000-character run of spaces, and none of that may
reach a warning or an error mark as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging

from . import render
from .catalogue import Catalogue, get_catalogue, languages
from .errors import SMTPCodeError, UnknownCodeError
from .shortcode import contradiction, parse_codes, resolve

if TYPE_CHECKING:
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger("smtpcodes.sphinx")


class smtp_node(nodes.Inline, nodes.Element):
    """A shortcode checked at read time and rendered per builder at write time.

    Inline even when it stands for a box, which is replaced before writing: rst moves
    non-inline nodes out of substitution definitions, which would break ``|x| replace::``.

    Attributes: ``source`` as displayed by an error mark, ``quote`` as warnings show it,
    ``body``, ``block`` (box or chip), ``kind`` and ``codes`` when valid, ``error`` when not,
    and the box options ``lang``, ``collapsible``, ``open``, ``sections``. Its one child is the
    plain label, which is what tables of contents and page titles show, since they copy titles
    before any post-transform runs.
    """


#: Where a shortcode is text, not markup: code, raw output, comments, signatures, cross-refs.
SKIP = (nodes.FixedTextElement, nodes.literal, nodes.raw, nodes.comment, nodes.math,
        nodes.Invisible, nodes.system_message, nodes.problematic,
        addnodes.pending_xref, addnodes.literal_emphasis, addnodes.literal_strong,
        addnodes.desc_signature, smtp_node)


def skipped(node: nodes.Node | None, skip: tuple[type, ...] = SKIP) -> bool:
    """Whether ``node`` or an ancestor is one of ``skip``."""
    while node is not None:
        if isinstance(node, skip):
            return True
        node = node.parent
    return False


def replace_children(parent: nodes.Element,
                     replacements: Mapping[int, Sequence[nodes.Node]]) -> None:
    """Swap children (keyed by ``id``) for their replacements in one pass over ``parent``.

    ``Node.replace_self`` looks the node up among its siblings: once per node, that is
    quadratic in a paragraph of thousands of chips.
    """
    parent[:] = [new for child in parent.children
                 for new in replacements.get(id(child), (child,))]


# --- quoting ------------------------------------------------------------------------------------

#: C0 and C1 controls, line and paragraph separators, bidi embeddings, overrides and isolates.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")


def quoted(text: str, limit: int = 80) -> str:
    """``text`` on one line, control characters spelt out (``\\x1b``), at most ``limit`` long."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                            else f"\\u{ord(m.group()):04x}", text)


def warn(message: str, subtype: str, location: nodes.Node | tuple[str | None, int | None]
         ) -> None:
    """A warning of type ``smtpcodes.<subtype>``: fails ``-W``, silenced by suppress_warnings.

    ``location`` is a node or a (source file, line) pair.
    """
    where = location
    if isinstance(location, tuple):
        where = nodes.inline()
        where.source, where.line = location
    logger.warning("%s", message, type="smtpcodes", subtype=subtype, location=where)


# --- languages and catalogue --------------------------------------------------------------------

def language(name: object) -> str | None:
    """The shipped language for a Sphinx or BCP 47 name (``zh_CN``, ``zh-Hans`` → ``zh``)."""
    if not isinstance(name, str):
        return None
    name = name.strip()
    if name in languages():
        return name
    primary = re.split(r"[_-]", name, maxsplit=1)[0].lower()
    return primary if primary in languages() else None


def lang_option(argument: str | None) -> str:
    """Directive option: a language smtpcodes ships, named in the error."""
    found = language(argument or "")
    if found is None:
        raise ValueError(f"unknown language '{quoted(argument or '')}': available are "
                         + ", ".join(languages()))
    return found


def config_lang(config: Config) -> str:
    """``smtpcodes_lang``, else Sphinx's ``language`` when smtpcodes speaks it, else English."""
    return language(config.smtpcodes_lang) or language(config.language or "en") or "en"


def page_lang(document: nodes.document, env: BuildEnvironment, *, report: bool) -> str:
    """``smtpcodes_lang`` from the page's front matter or leading field list, else the site's.

    Read from the top of the document, where rst's bibliographic field list and MyST's front
    matter both sit, so a directive can ask while the page is still being parsed.
    """
    config = env.config
    index = document.first_child_not_matching_class(nodes.PreBibliographic)
    first = document[index] if index is not None else None
    if isinstance(first, (nodes.docinfo, nodes.field_list)):
        for field in first.findall(nodes.field):
            if field[0].astext().strip() != "smtpcodes_lang":
                continue
            wanted = field[1].astext().strip()
            found = language(wanted)
            if found is not None:
                return found
            if report:
                warn(f"smtpcodes_lang: unknown language '{quoted(wanted)}': available are "
                     f"{', '.join(languages())}; using {config_lang(config)!r}", "lang",
                     field if field.line else (document.get("source"), 1))
    return config_lang(config)


def catalogue_of(config: Config) -> Catalogue:
    return get_catalogue(config.smtpcodes_catalogue or None)


# --- shortcode nodes ----------------------------------------------------------------------------

def make_node(quote: str, body: str, *, block: bool, where: tuple[str | None, int | None],
              options: dict[str, Any] | None = None, shown: str | None = None) -> smtp_node:
    """A node not yet checked: the read transform checks every node of a page at once, when
    the page's own language (front matter, field list) is known.

    ``quote`` is what warnings quote, ``shown`` what an error mark displays (default:
    ``quote``); ``where`` is the source file and line that warnings point to.
    """
    options = options or {}
    node = smtp_node("", nodes.Text(_label(body)), source=quoted(shown or quote, 120),
                     quote=quoted(quote), body=body, block=block)
    for key in ("lang", "collapsible", "open", "sections"):
        if key in options:
            node[key] = options[key]
    node["classes"] += options.get("class", [])
    node.source, node.line = where
    return node


def _label(body: str) -> str:
    try:
        return parse_codes(body).label
    except SMTPCodeError:
        return quoted(body, 40)


def check_node(node: smtp_node, env: BuildEnvironment, lang: str, *, report: bool = True
               ) -> None:
    """Parse and resolve one node, fill in defaults, and warn (read time: file and line known).

    The verdict (``kind`` and ``codes``, or ``error``) is what the renderers use.
    """
    config = env.config
    node["lang"] = node.get("lang") or lang
    node["collapsible"] = node.get("collapsible", config.smtpcodes_collapsible)
    node["open"] = node.get("open", config.smtpcodes_open)
    node["sections"] = list(node.get("sections") or config.smtpcodes_sections)
    node["checked"] = True
    if config.smtpcodes_catalogue:
        env.note_dependency(config.smtpcodes_catalogue)
    catalogue = catalogue_of(config)
    try:
        shortcode = parse_codes(node["body"], catalogue)
        entries = resolve(shortcode, catalogue, node["lang"])
    except SMTPCodeError as error:
        node["error"] = quoted(str(error), 400)
        if report:
            warn(f"{node['quote']}: {node['error']}",
                 "unknown" if isinstance(error, UnknownCodeError) else "malformed", node)
        return
    node["kind"], node["codes"] = shortcode.kind, list(shortcode.codes)
    if report and contradiction(shortcode, entries):
        warn(f"{node['quote']}: the enhanced code {entries[1].code} contradicts the class of "
             f"{entries[0].code} ({entries[0].reply_class}xx)", "mismatch", node)


def sections_option(argument: str | Iterable[str] | None) -> list[str]:
    """Comma- or space-separated section names, checked against ``render.SECTIONS``."""
    try:
        return render.choose_sections(argument if isinstance(argument, str) else list(
            argument or ()))
    except ValueError as error:
        raise ValueError(f"sections: {error}") from None


def bool_option(argument: str | None) -> bool:
    """``:collapsible:`` alone means yes; ``:collapsible: no`` overrides a config default."""
    text = (argument or "").strip().lower()
    if text in ("", "yes", "true", "on", "1"):
        return True
    if text in ("no", "false", "off", "0"):
        return False
    raise ValueError(f"expected yes or no, not '{quoted(argument or '', 40)}'")


#: Options of every directive that makes boxes.
BOX_OPTIONS: dict[str, Callable[[str], Any]] = {
    "lang": lang_option, "collapsible": bool_option, "open": bool_option,
    "sections": sections_option,
}
