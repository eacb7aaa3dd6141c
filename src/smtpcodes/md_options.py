"""The Markdown extension's options: defaults, checks, and the snapshot one conversion reads.

Every value is checked when it is set (when the extension is created, and whenever the MkDocs
plugin changes one for a page), so a mistake fails at once with the option's name instead of
as a ``KeyError`` or ``TypeError`` somewhere inside a page's conversion.
"""

from __future__ import annotations

import os
import string
from collections.abc import Callable
from typing import Any, NamedTuple

from . import render
from .catalogue import get_catalogue, languages

#: name -> (default, description), in the form Python-Markdown's ``Extension.config`` wants.
DEFAULTS: dict[str, tuple[Any, str]] = {
    "lang": ("en", "Language of boxes and chip tooltips"),
    "collapsible": (False, "Render boxes as <details> (true) or plain admonitions"),
    "open": (False, "With collapsible: start expanded"),
    "sections": (list(render.SECTIONS), "Sections a box shows: " + ", ".join(render.SECTIONS)),
    "link": ("", "Where chips and boxes link: a page ('codes.md') or a template ('/smtp/{code}/')"),
    "catalogue": ("", "Path of your own catalogue file (TOML or YAML)"),
    "anchors": (False, "Give each code's first box an id (smtp-553) to link to"),
    "css": (True, "Put the stylesheet inline, once, in each page that has boxes or chips"),
    "search_body": (False, "Leave box bodies to site search (by default only titles)"),
}
#: Words a boolean option may be given as (Python-Markdown's own, from YAML or a command line).
_WORDS = {"true": True, "yes": True, "on": True, "y": True, "1": True,
          "false": False, "no": False, "off": False, "n": False, "0": False, "none": False}
#: The fields a ``link`` template may use.
LINK_FIELDS = ("code", "anchor")


class PageOptions(NamedTuple):
    """The options one conversion works with, read once when it starts."""

    lang: str
    sections: tuple[str, ...]
    collapsible: bool
    open: bool
    link: str
    anchors: bool
    css: bool
    search_body: bool


def check(name: str, value: Any) -> Any:
    """The value to store for option ``name``; ValueError, naming the option, if it is wrong."""
    if name not in DEFAULTS:
        raise ValueError(f"smtpcodes: unknown option {name!r}; the options are "
                         + ", ".join(DEFAULTS))
    checker: Callable[[str, Any], Any] = _CHECKS.get(name, _boolean)
    return checker(name, value)


def _boolean(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _WORDS:
        return _WORDS[value.strip().lower()]
    raise ValueError(f"smtpcodes: option {name!r} must be true or false, not {value!r}")


def _lang(name: str, value: Any) -> str:
    if not isinstance(value, str) or value not in languages():
        raise ValueError(f"smtpcodes: option {name!r} is {value!r}; available languages are "
                         + ", ".join(languages()))
    return value


def _sections(name: str, value: Any) -> list[str]:
    try:
        return render.choose_sections(value)
    except ValueError as error:
        raise ValueError(f"smtpcodes: option {name!r} {error}") from None


def _link(name: str, value: Any) -> str:
    """A page, or a template whose only fields are ``{code}`` and ``{anchor}``.

    Format strings can reach attributes (``{code.__class__}``) and items: only bare names pass.
    """
    if not isinstance(value, str):
        raise ValueError(f"smtpcodes: option {name!r} must be a string, not {value!r}")
    if "{" not in value and "}" not in value:
        return value
    try:
        fields = [(f, spec, conv) for _, f, spec, conv in string.Formatter().parse(value)
                  if f is not None]
    except ValueError as error:
        raise ValueError(f"smtpcodes: option {name!r} is not a valid template ({error}): "
                         f"{value!r}") from None
    for field, spec, conversion in fields:
        if field not in LINK_FIELDS or spec or conversion:
            shown = "{" + field + (f"!{conversion}" if conversion else "") + (
                f":{spec}" if spec else "") + "}"
            raise ValueError(f"smtpcodes: option {name!r} may use only {{code}} and "
                             f"{{anchor}}, not {shown}: {value!r}")
    return value


def _catalogue(name: str, value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, (str, os.PathLike)):
        raise ValueError(f"smtpcodes: option {name!r} must be a file path, not {value!r}")
    path = os.fspath(value)
    if path:
        get_catalogue(path)  # a broken file fails here, naming itself
    return path


_CHECKS: dict[str, Callable[[str, Any], Any]] = {
    "lang": _lang, "sections": _sections, "link": _link, "catalogue": _catalogue,
}


def link_for(template: str, code: str) -> str | None:
    """A code's link: a page gets the code's anchor, a template is filled in."""
    if not template:
        return None
    if "{" in template:
        return template.format(code=code, anchor=render.anchor(code))
    return f"{template}#{render.anchor(code)}"
