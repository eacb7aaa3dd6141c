"""What ``smtpcodes lint`` prints: text (flake8's format), JSON, GitHub annotations, SARIF.

Text lines are flake8's ``path:line:col: CODE message`` with flake8's column (1-based, counted in
UTF-8 bytes), so tools that read flake8 output read this too. GitHub and SARIF count columns in
characters, as those readers do.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple, TextIO

from . import __version__

FORMATS = ("text", "json", "github", "sarif")
_SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_DOCS = "https://smtpcodes.readthedocs.io/flake8/"


class Finding(NamedTuple):
    path: str
    line: int
    column: int  # flake8's: 1-based, UTF-8 bytes
    code: str
    text: str  # the message without its code
    char_column: int  # 1-based, characters
    fix: str | None = None  # the constant ``--fix`` would write


class FileError(NamedTuple):
    """A file that could not be checked: unreadable, or not Python that parses."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        return f"{where}: {self.message}"


def level(code: str) -> str:
    """SARIF/GitHub level: hard-coded codes are warnings; contradictions, unknown codes and
    internal errors are errors."""
    return "warning" if code.startswith("SMT1") else "error"


def write(fmt: str, findings: Sequence[Finding], errors: Sequence[FileError], out: TextIO,
          colour: bool = False) -> None:
    if fmt == "json":
        _json(findings, errors, out)
    elif fmt == "github":
        _github(findings, errors, out)
    elif fmt == "sarif":
        _sarif(findings, errors, out)
    else:
        _text(findings, errors, out, colour)


def statistics(findings: Sequence[Finding], out: TextIO) -> None:
    """flake8's ``--statistics``: count, code and the first message, per code."""
    counts = Counter(f.code for f in findings)
    first: dict[str, str] = {}
    for finding in findings:
        first.setdefault(finding.code, finding.text)
    for code in sorted(counts):
        out.write(f"{counts[code]:<5} {code} {first[code]}\n")


def _paint(text: str, style: str, on: bool) -> str:
    return f"\033[{style}m{text}\033[0m" if on else text


def _text(findings: Sequence[Finding], errors: Sequence[FileError], out: TextIO,
          on: bool) -> None:
    sep = _paint(":", "36", on)
    for error in errors:
        out.write(f"{_paint(str(error), '1;31', on)}\n")
    for f in findings:
        out.write(f"{_paint(f.path, '1', on)}{sep}{f.line}{sep}{f.column}{sep} "
                  f"{_paint(f.code, '1;31' if level(f.code) == 'error' else '1;33', on)} "
                  f"{f.text}\n")


def _json(findings: Sequence[Finding], errors: Sequence[FileError], out: TextIO) -> None:
    data = {
        "findings": [{"path": f.path, "line": f.line, "column": f.column, "code": f.code,
                      "message": f.text, "fix": f.fix} for f in findings],
        "errors": [e._asdict() for e in errors],
    }
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _escape(text: str, property_: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_ else text


def _github(findings: Sequence[Finding], errors: Sequence[FileError], out: TextIO) -> None:
    """Workflow commands: each finding becomes an annotation on the pull request's diff."""
    for error in errors:
        where = f"file={_escape(error.path, True)}"
        if error.line:
            where += f",line={error.line},col={error.column}"
        out.write(f"::error {where},title=smtpcodes::{_escape(error.message)}\n")
    for f in findings:
        out.write(f"::{level(f.code)} file={_escape(f.path, True)},line={f.line},"
                  f"col={f.char_column},title={f.code}::{_escape(f.code + ' ' + f.text)}\n")


def _uri(path: str) -> dict[str, str]:
    if os.path.isabs(path):
        return {"uri": "file://" + path.replace(os.sep, "/")}
    return {"uri": path.replace(os.sep, "/"), "uriBaseId": "%SRCROOT%"}


def _sarif(findings: Sequence[Finding], errors: Sequence[FileError], out: TextIO) -> None:
    """A SARIF 2.1.0 log for GitHub code scanning: one run, a rule per finding code."""
    from .scan import MESSAGES

    codes = sorted(set(MESSAGES) | {f.code for f in findings})
    index = {code: i for i, code in enumerate(codes)}
    rules = [{
        "id": code,
        "shortDescription": {"text": _rule_text(MESSAGES.get(code, code))},
        "helpUri": f"{_DOCS}#{code.lower()}",
        "defaultConfiguration": {"level": level(code)},
    } for code in codes]
    results = [{
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": level(f.code),
        "message": {"text": f"{f.code} {f.text}"},
        "locations": [{"physicalLocation": {
            "artifactLocation": _uri(f.path),
            "region": {"startLine": f.line, "startColumn": f.char_column},
        }}],
    } for f in findings]
    notifications = [{
        "level": "error",
        "message": {"text": e.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": _uri(e.path),
            **({"region": {"startLine": e.line, "startColumn": max(e.column, 1)}}
               if e.line else {}),
        }}],
    } for e in errors]
    root = os.getcwd().replace(os.sep, "/").rstrip("/") + "/"
    log = {
        "$schema": _SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "smtpcodes", "version": __version__, "informationUri": _DOCS,
                "rules": rules,
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": "file://" + ("" if root.startswith(
                "/") else "/") + root}},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": True,
                             "toolExecutionNotifications": notifications}],
            "results": results,
        }],
    }
    json.dump(log, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _rule_text(template: str) -> str:
    """The scanner's message template as a description: code dropped, blanks as ``…``."""
    return re.sub(r"\{[a-z_]+\}", "…", template.partition(" ")[2]) or template
