"""Which literals in Python code are SMTP codes: the one analysis behind ``SMT`` findings.

Both front ends call :func:`check` with a :class:`Settings`: the flake8 plugin
(``flake8_plugin``) and ``smtpcodes lint``. They differ only in how they find files, read
options and print; every rule and every message lives in this package.

* ``analysis``: the pass over the tree and the decision per literal;
* ``messages``: the message table, worded from the catalogue.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .analysis import SMTP_MODULES, may_hold_findings, scan, trigger_words
from .messages import MESSAGES, texts_for

__all__ = ["MESSAGES", "Report", "SMTP_MODULES", "Settings", "check", "may_hold_findings"]


class Settings(NamedTuple):
    """What a project configured: the same keys as flake8 options and ``[tool.smtpcodes]``.

    Build it with :meth:`from_options`, which checks every value and names the option in its
    ``ValueError``.
    """

    allow: frozenset[str] = frozenset()
    modules: frozenset[str] = SMTP_MODULES
    catalogue: str | None = None
    triggers: tuple[str, ...] = trigger_words(SMTP_MODULES)

    @classmethod
    def from_options(cls, *, allow: Iterable[str] = (), modules: Iterable[str] = (),
                     catalogue: str | None = None) -> Settings:
        """Normalise and check user values; ``modules`` add to :data:`SMTP_MODULES`."""
        from ..codes import normalise

        allowed: set[str] = set()
        for raw in allow:
            try:
                allowed.add(normalise(raw))
            except ValueError as error:
                raise ValueError(f"--smtp-allow: {error}") from None
        extra = frozenset(m.strip() for m in modules if m.strip())
        every = SMTP_MODULES | extra
        if catalogue:
            try:
                texts_for(catalogue)
            except Exception as error:  # CatalogueFileError names the file and the entry
                raise ValueError(f"--smtp-catalogue: {error}") from None
        return cls(frozenset(allowed), every, catalogue or None, trigger_words(every))


class Report(NamedTuple):
    """One finding, worded: ``message`` starts with ``code`` (``"SMT100 hard-coded …"``).

    ``literal`` is the code the literal names (``"553"``, ``"5.1.1"``, ``"550 5.1.1"``).
    """

    line: int
    col: int
    code: str
    message: str
    literal: str


_DEFAULT = Settings()


def check(tree: ast.AST, lines: Sequence[str] | None, settings: Settings = _DEFAULT
          ) -> list[Report]:
    """Every finding in one parsed file, in source order.

    ``lines`` (the file's text) only allow a cheap whole-file skip; the tree is the truth.
    """
    texts = None

    def defined(code: str) -> bool:
        nonlocal texts
        if texts is None:
            texts = texts_for(settings.catalogue)
        return texts.defined(code)

    found = scan(tree, lines, allow=settings.allow, smtp_modules=settings.modules,
                 triggers=settings.triggers, defined=defined)
    if not found:
        return []
    words = texts_for(settings.catalogue)
    return [Report(f.line, f.col, f.kind, words.message(f.kind, f.code), f.code) for f in found]
