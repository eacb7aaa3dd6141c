"""flake8 plugin ``SMT``: hard-coded SMTP reply codes, reply strings and enhanced status codes.

A literal ``553`` or ``"550 5.1.1 User unknown"`` says nothing to the next reader and hides
real bugs (a 5xx reply carrying a 4.x.x enhanced code, a code no standard defines). The plugin
names the meaning from the catalogue and the fix (``SMTPStatus.MAILBOX_NAME_INVALID``).

This module is the flake8 adapter only: options, the message texts (each catalogue text looked
up once per process) and the never-raise guard. Which literals are codes is decided in
``flake8_scan``; the rules are written down in ``docs/flake8.md``.
"""

from __future__ import annotations

import argparse
import ast
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from . import __version__
from .flake8_scan import SMTP_MODULES, may_hold_findings, scan, trigger_words
from .flake8_scan import Finding as ScanFinding

if TYPE_CHECKING:
    from .catalogue import Catalogue

Finding = tuple[int, int, str, type]

#: Every finding code and its message template: the one place a message is worded.
MESSAGES: dict[str, str] = {
    "SMT100": "SMT100 hard-coded SMTP reply code {code} ({about}): use {fix}",
    "SMT101": "SMT101 hard-coded SMTP reply string {code} ({about}): build it from {fix}",
    "SMT102": "SMT102 hard-coded enhanced status code {code} ({about}): use {fix}",
    "SMT200": (
        "SMT200 SMTP reply {code} contradicts itself: {basic} is {basic_class} but {enhanced} "
        "is {enhanced_class}; make the two classes agree"
    ),
    "SMT201": "SMT201 {error} (define codes of your own with --smtp-catalogue)",
    "SMT900": "SMT900 smtpcodes could not check this file ({error}); please report it",
}


# --- the catalogue side: defined codes and messages, cached per catalogue -----------------------

class _Texts:
    """Defined codes and finished messages for one catalogue; each code is looked up once."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._defined: dict[str, bool] = {}
        self._messages: dict[tuple[str, str], str] = {}

    def defined(self, code: str) -> bool:
        known = self._defined.get(code)
        if known is None:
            try:
                known = self._defined[code] = self.catalogue.defines(code)
            except Exception:  # a broken catalogue must not stop flake8
                known = self._defined[code] = False
        return known

    def message(self, kind: str, code: str) -> str:
        key = (kind, code)
        text = self._messages.get(key)
        if text is None:
            text = self._messages[key] = self._build(kind, code)
        return text

    def _entry(self, code: str) -> Any:
        try:
            return self.catalogue.lookup(code)
        except Exception:
            return None

    def _about(self, code: str) -> str:
        entry = self._entry(code)
        if entry is None:
            return f"class {code[0]}xx"
        name = entry.name or "custom code"
        return f"{name}, {entry.class_name.lower()}" if entry.class_name else name

    def _fix(self, code: str) -> str:
        entry = self._entry(code)
        constant = getattr(entry, "constant", None)
        if constant:
            return f"SMTPStatus.{constant}"
        return "a named constant"

    def _build(self, kind: str, code: str) -> str:
        if kind == "SMT100":
            return MESSAGES[kind].format(code=code, about=self._about(code), fix=self._fix(code))
        if kind == "SMT101":
            basic, _, enhanced = code.partition(" ")
            about = self._about(basic)
            if enhanced:
                enh = self._entry(enhanced)
                about += f"; {enhanced} {enh.name}" if enh is not None and enh.name else ""
            return MESSAGES[kind].format(code=code, about=about, fix=self._fix(basic))
        if kind == "SMT102":
            return MESSAGES[kind].format(code=code, about=self._about(code), fix=self._fix(code))
        if kind == "SMT200":
            basic, _, enhanced = code.partition(" ")
            return MESSAGES[kind].format(
                code=code, basic=basic, enhanced=enhanced, basic_class=self._class(basic),
                enhanced_class=self._class(enhanced))
        if kind == "SMT201":
            try:
                self.catalogue.lookup(code)
                error = f"unknown SMTP code {code}"
            except Exception as exc:  # UnknownCodeError names the nearest defined code
                error = str(exc).replace(repr(code), code) or f"unknown SMTP code {code}"
            return MESSAGES[kind].format(error=error.rstrip("."))
        return MESSAGES["SMT900"].format(error=code)

    def _class(self, code: str) -> str:
        try:
            from .catalogue import labels

            return str(labels()["classes"][code[0]]).lower()
        except Exception:
            return f"{code[0]}xx"


_TEXTS: dict[str | None, _Texts] = {}


def _texts(path: str | None) -> _Texts:
    texts = _TEXTS.get(path)
    if texts is None:
        from .catalogue import get_catalogue

        texts = _TEXTS[path] = _Texts(get_catalogue(path))
    return texts


# --- the checker --------------------------------------------------------------------------------

class SMTPCodeChecker:
    """flake8 tree plugin: SMT100-SMT201 for SMTP codes written as literals.

    Options live on the class because flake8 sets them once per process (and again in every
    worker under the spawn start method); only (line, col, message, type) tuples cross
    processes.
    """

    name: ClassVar[str] = "smtpcodes"
    version: ClassVar[str] = __version__

    allow: ClassVar[frozenset[str]] = frozenset()
    smtp_modules: ClassVar[frozenset[str]] = SMTP_MODULES
    catalogue_path: ClassVar[str | None] = None

    #: Lower-cased words whose absence lets a file be skipped (with --smtp-modules added).
    triggers: ClassVar[tuple[str, ...]] = trigger_words(SMTP_MODULES)

    def __init__(self, tree: ast.AST, lines: Sequence[str] | None = None) -> None:
        """``lines`` (passed by flake8) only serves the whole-file skip; ``tree`` is the truth."""
        self.tree = tree
        self.lines = lines

    # -- flake8 options -------------------------------------------------------------------------

    @classmethod
    def add_options(cls, manager: Any) -> None:
        """Register --smtp-allow, --smtp-modules and --smtp-catalogue (also read from config)."""
        manager.add_option(
            "--smtp-allow", default="", parse_from_config=True, comma_separated_list=True,
            help="SMTP codes that may be written as literals, e.g. 250,354,2.0.0 (SMT1xx, SMT201)",
        )
        manager.add_option(
            "--smtp-modules", default="", parse_from_config=True, comma_separated_list=True,
            help="extra modules whose import marks SMTP code, e.g. mycompany.mta",
        )
        manager.add_option(
            "--smtp-catalogue", default=None, parse_from_config=True, normalize_paths=True,
            help="custom catalogue file (TOML or YAML) with your own codes, as for the docs",
        )

    @classmethod
    def parse_options(cls, options: argparse.Namespace) -> None:
        """Store the options on the class; fail early, by name, on a bad code or catalogue."""
        from .codes import normalise

        allowed: set[str] = set()
        for raw in _as_list(getattr(options, "smtp_allow", ())):
            try:
                allowed.add(normalise(raw))
            except ValueError as error:
                raise _execution_error(f"--smtp-allow: {error}") from None
        cls.allow = frozenset(allowed)
        extra = frozenset(m.strip() for m in _as_list(getattr(options, "smtp_modules", ())))
        cls.smtp_modules = SMTP_MODULES | extra
        cls.triggers = trigger_words(cls.smtp_modules)
        path = getattr(options, "smtp_catalogue", None) or None
        if path is not None:
            try:
                _texts(path)
            except Exception as error:  # CatalogueFileError names the file and the entry
                raise _execution_error(f"--smtp-catalogue: {error}") from None
        cls.catalogue_path = path

    # -- running --------------------------------------------------------------------------------

    def run(self) -> Iterator[Finding]:
        """Yield findings; never raise, since a plugin exception stops flake8 for every file."""
        try:
            findings = self._check()
        except Exception as error:  # noqa: BLE001 - the contract is "never raise"
            findings = [(1, 0, MESSAGES["SMT900"].format(error=type(error).__name__),
                         type(self))]
        yield from findings

    def _check(self) -> list[Finding]:
        found = self._scan(self.tree)
        if not found:
            return []
        texts = _texts(self.catalogue_path)
        kind = type(self)
        return [(f.line, f.col, texts.message(f.kind, f.code), kind) for f in found]

    def _scan(self, tree: ast.AST) -> list[ScanFinding]:
        """The analysis, with the options flake8 set on the class."""
        return scan(tree, self.lines, allow=self.allow, smtp_modules=self.smtp_modules,
                    triggers=self.triggers, defined=self._defined)

    def _defined(self, code: str) -> bool:
        """Asked by the analysis for candidates only: a file without any loads no catalogue."""
        return _texts(self.catalogue_path).defined(code)

    def _may_hold_findings(self, lines: Sequence[str]) -> bool:
        """The whole-file skip alone, with this process's triggers (bench/flake8_cost.py)."""
        return may_hold_findings(lines, self.triggers)


def _as_list(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        value = value.split(",")
    return [str(v).strip() for v in value if str(v).strip()]


def _execution_error(message: str) -> Exception:
    try:
        from flake8.exceptions import ExecutionError
    except ImportError:  # used without flake8, e.g. from a script
        return ValueError(message)
    error: Exception = ExecutionError(message)
    return error
