"""Sphinx extension: ``extensions = ["smtpcodes.sphinx"]``.

Gives reStructuredText and MyST the same shortcodes as the Markdown side, plus native forms:

* ``<smtp:553>`` in running text is a chip; alone in its paragraph it is a box. In MyST,
  markdown-it reads ``<smtp:553>`` as an autolink (a ``reference`` with ``refuri="smtp:553"``),
  so both shapes are rewritten by one read-phase transform that never looks inside code
  (:mod:`smtpcodes.sphinx_read`);
* the role ``:smtp:`553``` (MyST ``{smtp}`553```) is always a chip;
* the directive ``.. smtp:: 550 5.1.1`` (MyST ```` ```{smtp} 550 5.1.1 ````) is always a box,
  with options ``:lang:``, ``:collapsible:``, ``:open:``, ``:sections:``, ``:class:``;
* ``.. smtp-catalogue::`` lists every code, and chips link there
  (:mod:`smtpcodes.sphinx_catalogue`).

Everything is checked while reading, so warnings carry file and line, fail ``-W`` and can be
silenced with ``suppress_warnings = ["smtpcodes.unknown"]`` (``.malformed``, ``.mismatch``,
``.unclosed``, ``.raw``, ``.lang``, ``.catalogue``). Rendering waits for the builder
(:mod:`smtpcodes.sphinx_write`): HTML builders get the shared renderer's HTML, every other
builder plain docutils nodes, never raw HTML.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from .errors import SMTPCodeError, missing_extra

try:
    from docutils import nodes
    from docutils.parsers.rst import directives
    from sphinx.errors import ConfigError
    from sphinx.util.docutils import SphinxDirective, SphinxRole
    from sphinx.util.fileutil import copy_asset_file
except ModuleNotFoundError as error:
    raise missing_extra(error, "sphinx", __name__) from None

from . import __version__, render
from .catalogue import get_catalogue, languages
from .sphinx_catalogue import setup_catalogue
from .sphinx_nodes import BOX_OPTIONS, language, make_node, sections_option, smtp_node
from .sphinx_read import ShortcodeTransform
from .sphinx_write import HTMLRenderer, PlainRenderer, smtp_html, visit_html

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

CSS_FILE = Path(__file__).parent / "data" / "smtpcodes.css"
_WRAPPED = re.compile(r"<smtp:(.*)>", re.DOTALL | re.IGNORECASE)


def _check_config(app: Sphinx, config: Config) -> None:
    """Fail at start-up, naming the setting, rather than on the first shortcode."""
    lang = config.smtpcodes_lang
    if lang not in (None, "") and language(lang) is None:
        raise ConfigError(f"smtpcodes_lang: unknown language {lang!r}: available are "
                          + ", ".join(languages()))
    for name in ("smtpcodes_collapsible", "smtpcodes_open", "smtpcodes_search_body"):
        value = getattr(config, name)
        if not isinstance(value, bool):
            raise ConfigError(f"{name} must be True or False, not {value!r}")
    try:
        config.smtpcodes_sections = sections_option(config.smtpcodes_sections)
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


def _unwrap(text: str) -> str:
    """Role and directive accept ``553`` and, forgivingly, ``<smtp:553>``."""
    match = _WRAPPED.fullmatch(text.strip())
    return match.group(1) if match else text


class SMTPRole(SphinxRole):
    """``:smtp:`553``` — always an inline chip, wherever it stands."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        return [make_node(self.rawtext, _unwrap(self.text), block=False,
                          where=self.get_source_info())], []


class SMTPDirective(SphinxDirective):
    """``.. smtp:: 553`` — always a box; options override the ``smtpcodes_*`` settings."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {**BOX_OPTIONS, "class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        body = _unwrap(self.arguments[0])
        return [make_node(f"smtp directive {body.strip()!r}", body, block=True,
                          where=self.get_source_info(), options=self.options,
                          shown=body.strip())]


def _visit_label(translator: Any, node: smtp_node) -> None:
    """Titles copied into tables of contents skip post-transforms: show the plain label."""


def _depart(translator: Any, node: nodes.Node) -> None:
    pass


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
    app.add_config_value("smtpcodes_search_body", False, "html", types=frozenset({bool}),
                         description="index box bodies for search, not only their titles")
    app.connect("config-inited", _check_config)
    app.connect("builder-inited", _copy_css)
    handlers = (_visit_label, _depart)
    app.add_node(smtp_node, html=handlers, latex=handlers, text=handlers, man=handlers,
                 texinfo=handlers)
    app.add_node(smtp_html, html=(visit_html, _depart))
    app.add_role("smtp", SMTPRole())
    app.add_directive("smtp", SMTPDirective)
    setup_catalogue(app)
    app.add_transform(ShortcodeTransform)
    app.add_post_transform(HTMLRenderer)
    app.add_post_transform(PlainRenderer)
    app.add_css_file("smtpcodes.css")
    return {"version": __version__, "env_version": 2, "parallel_read_safe": True,
            "parallel_write_safe": True}
