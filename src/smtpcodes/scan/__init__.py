"""Which literals in Python code are SMTP codes: the one analysis behind ``SMT`` findings.

Both front ends call :func:`check` with a :class:`Settings`: the flake8 plugin
(``flake8_plugin``) and ``smtpcodes lint``. They differ only in how they find files, read
options and print; every rule and every message lives in this package:

* ``skip``: the whole-file skip, a C-speed search before any tree walk;
* ``walk``: the single pass, dispatching each node to the evidence that reads it;
* ``evidence_defs``, ``evidence_calls``, ``evidence_compare``, ``evidence_pairs``,
  ``evidence_strings``: one unit per kind of evidence (definitions, calls, comparisons,
  literals side by side, string shapes);
* ``scope``: which scopes are SMTP code, from the code's own vocabulary;
* ``vocabulary``, ``shapes``, ``apis``: what names, strings and callables say (``apis`` holds
  the table of known SMTP callables);
* ``roles``: the scale of evidence; ``decide``: the decision per literal;
* ``messages``: the message table, worded from the catalogue.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

from .apis import SMTP_CALLABLES, Api, parse_callables
from .messages import MESSAGES, texts_for
from .scope import SMTP_MODULES
from .skip import may_hold_findings, trigger_words
from .walk import Pass

__all__ = ["MESSAGES", "Report", "SMTP_CALLABLES", "SMTP_MODULES", "Settings", "check",
           "may_hold_findings"]


class Settings(NamedTuple):
    """What a project configured: the same keys as flake8 options and ``[tool.smtpcodes]``.

    Build it with :meth:`from_options`, which checks every value and names the option in its
    ``ValueError``.
    """

    allow: frozenset[str] = frozenset()
    modules: frozenset[str] = SMTP_MODULES
    catalogue: str | None = None
    triggers: tuple[str, ...] = trigger_words(SMTP_MODULES)
    callables: Mapping[str, Api] = SMTP_CALLABLES

    @classmethod
    def from_options(cls, *, allow: Iterable[str] = (), modules: Iterable[str] = (),
                     catalogue: str | None = None, callables: Iterable[str] = ()) -> Settings:
        """Normalise and check user values; ``modules`` add to :data:`SMTP_MODULES`,
        ``callables`` (``NAME`` or ``NAME:CODE:TEXT``) to :data:`SMTP_CALLABLES`."""
        from ..codes import normalise

        allowed: set[str] = set()
        for raw in allow:
            try:
                allowed.add(normalise(raw))
            except ValueError as error:
                raise ValueError(f"--smtp-allow: {error}") from None
        extra = frozenset(m.strip() for m in modules if m.strip())
        every = SMTP_MODULES | extra
        try:
            own = parse_callables(callables)
        except ValueError as error:
            raise ValueError(f"--smtp-callables: {error}") from None
        if catalogue:
            try:
                texts_for(catalogue)
            except Exception as error:  # CatalogueFileError names the file and the entry
                raise ValueError(f"--smtp-catalogue: {error}") from None
        table = MappingProxyType({**SMTP_CALLABLES, **own}) if own else SMTP_CALLABLES
        return cls(frozenset(allowed), every, catalogue or None, trigger_words(every, own),
                   table)


class Report(NamedTuple):
    """One finding, worded: ``message`` starts with ``code`` (``"SMT100 hard-coded …"``).

    ``literal`` is the code the literal names (``"553"``, ``"5.1.1"``, ``"550 5.1.1"``);
    ``bound`` is True for a bound of a range or ordering check (``code >= 500``), which a
    fixer leaves alone: it is a class boundary, not a reply.
    """

    line: int
    col: int
    code: str
    message: str
    literal: str
    bound: bool = False


_DEFAULT = Settings()


def check(tree: ast.AST, lines: Sequence[str] | None, settings: Settings = _DEFAULT
          ) -> list[Report]:
    """Every finding in one parsed file, in source order.

    ``lines`` (the file's text) allow a cheap whole-file skip and split implicitly
    concatenated literals; the tree is the truth.
    """
    if lines is not None and not may_hold_findings(lines, settings.triggers):
        return []
    texts = None

    def defined(code: str) -> bool:
        nonlocal texts
        if texts is None:
            texts = texts_for(settings.catalogue)
        return texts.defined(code)

    scan = Pass(allow=settings.allow, smtp_modules=settings.modules,
                callables=settings.callables, defined=defined, lines=lines)
    scan.walk(tree)
    found = scan.findings()
    if not found:
        return []
    words = texts_for(settings.catalogue)
    return [Report(f.line, f.col, f.kind, words.message(f.kind, f.code), f.code, f.bound)
            for f in found]
