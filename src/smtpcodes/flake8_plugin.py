"""flake8 plugin ``SMT``: hard-coded SMTP reply codes, reply strings and enhanced status codes.

A literal ``553`` or ``"550 5.1.1 User unknown"`` says nothing to the next reader and hides
real bugs (a 5xx reply carrying a 4.x.x enhanced code, a code no standard defines). The plugin
names the meaning from the catalogue and the fix (``SMTPStatus.MAILBOX_NAME_INVALID``).

This module is the flake8 adapter only: options and the never-raise guard. Which literals are
codes, and how each finding is worded, is decided in :mod:`smtpcodes.scan`, which
``smtpcodes lint`` shares; the rules are written down in ``docs/flake8.md``.
"""

from __future__ import annotations

import argparse
import ast
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from . import __version__
from .scan import MESSAGES, Report, Settings, check, may_hold_findings

Finding = tuple[int, int, str, type]


# --- the checker --------------------------------------------------------------------------------

class SMTPCodeChecker:
    """flake8 tree plugin: SMT100-SMT201 for SMTP codes written as literals.

    Options live on the class because flake8 sets them once per process (and again in every
    worker under the spawn start method); only (line, col, message, type) tuples cross
    processes.
    """

    name: ClassVar[str] = "smtpcodes"
    version: ClassVar[str] = __version__

    settings: ClassVar[Settings] = Settings()

    def __init__(self, tree: ast.AST, lines: Sequence[str] | None = None) -> None:
        """``lines`` (passed by flake8) only serves the whole-file skip; ``tree`` is the truth."""
        self.tree = tree
        self.lines = lines

    # -- flake8 options -------------------------------------------------------------------------

    @classmethod
    def add_options(cls, manager: Any) -> None:
        """Register --smtp-allow, --smtp-modules, --smtp-callables and --smtp-catalogue (also
        read from config)."""
        manager.add_option(
            "--smtp-allow", default="", parse_from_config=True, comma_separated_list=True,
            help="SMTP codes that may be written as literals, e.g. 250,354,2.0.0 (SMT1xx, SMT201)",
        )
        manager.add_option(
            "--smtp-modules", default="", parse_from_config=True, comma_separated_list=True,
            help="extra modules whose import marks SMTP code, e.g. mycompany.mta",
        )
        manager.add_option(
            "--smtp-callables", default="", parse_from_config=True, comma_separated_list=True,
            help="your own reply helpers: NAME (code first, text second) or NAME:CODE:TEXT "
                 "argument positions, e.g. reject,send_status:1:2",
        )
        manager.add_option(
            "--smtp-catalogue", default=None, parse_from_config=True, normalize_paths=True,
            help="custom catalogue file (TOML or YAML) with your own codes, as for the docs",
        )

    @classmethod
    def parse_options(cls, options: argparse.Namespace) -> None:
        """Store the options on the class; fail early, by name, on a bad code or catalogue."""
        try:
            cls.settings = Settings.from_options(
                allow=_as_list(getattr(options, "smtp_allow", ())),
                modules=_as_list(getattr(options, "smtp_modules", ())),
                callables=_as_list(getattr(options, "smtp_callables", ())),
                catalogue=getattr(options, "smtp_catalogue", None) or None)
        except ValueError as error:
            raise _execution_error(str(error)) from None

    # -- running --------------------------------------------------------------------------------

    def run(self) -> Iterator[Finding]:
        """Yield findings; never raise, since a plugin exception stops flake8 for every file."""
        try:
            kind = type(self)
            findings = [(r.line, r.col, r.message, kind) for r in self._check(self.tree)]
        except Exception as error:  # noqa: BLE001 - the contract is "never raise"
            findings = [(1, 0, MESSAGES["SMT900"].format(error=type(error).__name__),
                         type(self))]
        yield from findings

    def _check(self, tree: ast.AST) -> list[Report]:
        """The analysis, with the options flake8 set on the class."""
        return check(tree, self.lines, self.settings)

    def _may_hold_findings(self, lines: Sequence[str]) -> bool:
        """The whole-file skip alone, with this process's triggers (bench/flake8_cost.py)."""
        return may_hold_findings(lines, self.settings.triggers)


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
