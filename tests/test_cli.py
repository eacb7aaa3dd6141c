"""The ``smtpcodes`` command, run as a user runs it: in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

#: A bare environment, but the code under test: a PYTHONPATH pointing at a checkout is kept.
ENV = {"PATH": "", "PYTHONIOENCODING": "utf-8",
       **{key: os.environ[key] for key in ("PYTHONPATH",) if key in os.environ}}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "smtpcodes.cli", *args], capture_output=True,
                          text=True, encoding="utf-8", check=False, env=ENV)


def test_explain_basic_code_plain_when_not_a_tty() -> None:
    result = run("explain", "553")
    assert result.returncode == 0
    assert result.stdout.startswith("SMTP 553 · Mailbox name invalid")
    assert "\033[" not in result.stdout
    for label in ("Description", "When it appears", "How to fix", "Learn more"):
        assert f"\n{label}\n" in result.stdout
    assert "rfc5321#section-4.2.2" in result.stdout


def test_explain_enhanced_and_reply() -> None:
    assert "Delivery not authorized" in run("explain", "5.7.1").stdout
    reply = run("explain", "550 5.1.1")
    assert reply.returncode == 0
    assert "550:" in reply.stdout and "5.1.1:" in reply.stdout


def test_explain_reply_with_contradicting_classes_says_so() -> None:
    out = run("explain", "550", "4.1.1").stdout
    assert "Contradiction" in out


def test_explain_in_chinese_and_json() -> None:
    zh = run("explain", "553", "--lang", "zh").stdout
    assert "描述" in zh and "如何修复" in zh
    data = json.loads(run("explain", "5.1.1", "--json").stdout)
    assert data["code"] == "5.1.1" and data["reply_class"] == 5
    assert data["references"][0]["url"].startswith("https://")
    pair = json.loads(run("explain", "550 5.1.1", "--json").stdout)
    assert [e["code"] for e in pair["entries"]] == ["550", "5.1.1"]
    assert pair["contradiction"] is False and pair["warnings"] == []


def test_compare() -> None:
    out = run("compare", "235", "553").stdout
    assert out.startswith("SMTP 235 vs 553")
    assert "Key differences" in out and "Which one when" in out
    data = json.loads(run("compare", "235", "553", "--json").stdout)
    assert data["classes"] == ["2xx Positive Completion", "5xx Permanent Negative"]


def test_list_every_code_and_by_class() -> None:
    everything = run("list").stdout.splitlines()
    assert len(everything) == 44 + 81 * 3
    fives = run("list", "--class", "5").stdout.splitlines()
    assert fives and all(line.startswith("5") for line in fives)
    assert any(line.startswith("553 ") for line in fives)
    assert any(line.startswith("5.1.1 ") for line in fives)


def _listed(*args: str) -> dict[str, list[str]]:
    """``list`` output as code -> [marks, name], split on the padding between the columns."""
    rows = {}
    for line in run("list", *args).stdout.splitlines():
        code, rest = line.split(maxsplit=1)
        rows[code] = [part.strip() for part in rest.split("  ") if part.strip()]
    return rows


def test_list_marks_standing_of_each_code() -> None:
    rows = _listed()
    assert rows["553"] == ["RFC", "Mailbox name invalid"]
    assert rows["523"][0] == "IANA only"
    assert rows["538"][0] == "RFC, deprecated"
    assert rows["5.1.1"][0] == "registered"
    assert rows["2.1.1"][0] == rows["2.7.8"][0] == "unused"  # combinations no standard uses
    assert rows["5.6.10"][0] == "unused, deprecated"  # the registry lists X.6.10 in no class
    assert {marks[0] for marks in rows.values()} <= {
        "RFC", "IANA only", "registered", "unused", "RFC, deprecated", "IANA only, deprecated",
        "registered, deprecated", "unused, deprecated"}
    assert _listed("--lang", "zh")["523"][0] == "仅 IANA"


def test_list_json_has_the_keys_of_explain_json() -> None:
    listed = json.loads(run("list", "--json").stdout)
    one = json.loads(run("explain", "5.1.1", "--json").stdout)
    assert len(listed) == 44 + 81 * 3
    assert all(set(item) == set(one) for item in listed)
    assert next(item for item in listed if item["code"] == "5.1.1") == one
    assert {type(item["reply_class"]) for item in listed} == {int}


def test_explain_json_of_a_contradicting_reply() -> None:
    data = json.loads(run("explain", "550 4.1.1", "--json").stdout)
    assert data["type"] == "reply" and data["codes"] == ["550", "4.1.1"]
    assert data["contradiction"] is True
    assert data["warnings"] and "4.1.1" in data["warnings"][0]
    assert [e["reply_class"] for e in data["entries"]] == [5, 4]


@pytest.mark.parametrize("args, kind, needle", [
    (("explain", "559"), "UnknownCodeError", "'559'"),
    (("explain", "5.1"), "MalformedCodeError", "'5.1'"),
    (("compare", "235", "999"), "MalformedCodeError", "'999'"),
    (("list", "--class", "7"), "UsageError", "invalid choice"),
    (("explain",), "UsageError", "required: code"),
    (("explain", "553", "--catalogue", "missing.toml"), "CatalogueFileError", "missing.toml"),
])
def test_with_json_errors_are_json_too(args: tuple[str, ...], kind: str, needle: str) -> None:
    result = run(*args, "--json")
    assert result.returncode == 2
    error = json.loads(result.stdout)["error"]
    assert error["type"] == kind and needle in error["message"]
    assert result.stderr == ""


@pytest.mark.parametrize("pasted, title", [
    ("550-5.1.1", "SMTP 550 5.1.1 · "),
    ("550 5.1.1 User unknown", "SMTP 550 5.1.1 · "),
    ("550 5.1.1 <u@example.com>: Recipient address rejected", "SMTP 550 5.1.1 · "),
    ("smtp;550 5.1.1 User unknown", "SMTP 550 5.1.1 · "),
    ("dsn=5.1.1", "SMTP 5.1.1 · "),
    ("Dec  2 10:00:00 mx postfix/smtp[1234]: 4B1F2C0123: to=<u@example.com>, dsn=4.7.1, "
     "status=deferred (host mx.example.com[192.0.2.1] said: 450 4.7.1 Greylisted)",
     "SMTP 450 4.7.1 · "),
    ("2024-12-02 10:00:00 1tHxyz-000ABC-12 ** u@example.com R=dnslookup T=remote_smtp "
     "H=mx.example.com [192.0.2.1]: SMTP error from remote mail server after "
     "RCPT TO:<u@example.com>: 550 5.1.1 <u@example.com>: User unknown", "SMTP 550 5.1.1 · "),
])
def test_explain_takes_what_people_paste(pasted: str, title: str) -> None:
    result = run("explain", pasted)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(title)
    assert run("explain", *pasted.split()).stdout == result.stdout  # unquoted words alike


def test_explain_x_shows_the_code_in_every_class() -> None:
    result = run("explain", "X.1.1")
    assert result.returncode == 0
    titles = [line for line in result.stdout.splitlines() if line.startswith("SMTP ")]
    assert [title.split(" · ")[0] for title in titles] == ["SMTP 2.1.1", "SMTP 4.1.1",
                                                          "SMTP 5.1.1"]
    data = json.loads(run("explain", "X.1.1", "--json").stdout)
    assert data["type"] == "classes" and data["reply"] == "X.1.1"
    assert [e["reply_class"] for e in data["entries"]] == [2, 4, 5]


def test_explain_errors_do_not_talk_about_comparisons() -> None:
    for args in (("550", "5.1"), ("553", "550"), ("hello",), ("550", "5.1.1", "4.2.0")):
        result = run("explain", *args)
        assert result.returncode == 2 and result.stderr.startswith("smtpcodes: error: ")
        assert "comparison" not in result.stderr and " vs " not in result.stderr


BOUNCE = """\
Reporting-MTA: dns; mail.example.org
Content-Length: 250
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <u@example.com>: Recipient address rejected: User unknown

Dec  2 10:00:01 mx postfix/smtpd[99]: NOQUEUE: reject: RCPT from unknown[192.0.2.7]: 554 5.7.1 \
<u@example.com>: Relay access denied; from=<a@example.org> to=<u@example.com>
"""


def run_with_input(text: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "smtpcodes.cli", *args], input=text,
                          capture_output=True, text=True, encoding="utf-8", check=False, env=ENV)


def test_explain_dash_explains_every_reply_of_a_bounce_or_log() -> None:
    result = run_with_input(BOUNCE, "explain", "-")
    assert result.returncode == 0, result.stderr
    headings = [line for line in result.stdout.splitlines() if line.startswith("line ")]
    assert headings == [
        "line 4: 550 5.1.1 <u@example.com>: Recipient address rejected: User unknown",
        "line 6: 554 5.7.1 <u@example.com>: Relay access denied; from=<a@example.org> "
        "to=<u@example.com>"]
    assert "SMTP 550 5.1.1 · " in result.stdout and "SMTP 554 5.7.1 · " in result.stdout
    data = json.loads(run_with_input(BOUNCE, "explain", "-", "--json").stdout)
    assert [(item["line"], item["codes"]) for item in data] == [
        (4, ["550", "5.1.1"]), (6, ["554", "5.7.1"])]


def test_explain_dash_reports_unknown_codes_by_line_and_fails() -> None:
    result = run_with_input("said: 550 5.1.1 no\nsaid: 559 5.7.900 blocked\n", "explain", "-")
    assert result.returncode == 2
    assert "SMTP 550 5.1.1 · " in result.stdout
    assert result.stderr.startswith("smtpcodes: line 2: unknown SMTP code '559'")
    data = json.loads(run_with_input("said: 559 5.7.900 blocked\n", "explain", "-", "--json"
                                     ).stdout)
    assert data[0]["line"] == 1 and data[0]["error"]["type"] == "UnknownCodeError"
    nothing = run_with_input("no reply here\n", "explain", "-")
    assert nothing.returncode == 2 and "no SMTP reply found" in nothing.stderr


def test_explain_a_servers_own_enhanced_code_through_its_reply_code() -> None:
    """Microsoft 365's 5.7.509 is in no registry: the 550 is explained, and a line says why."""
    ndr = ("Remote Server returned '550 5.7.509 Access denied, sending domain example.org does "
           "not pass DMARC verification and has a DMARC policy of reject.'\n")
    result = run_with_input(ndr, "explain", "-")
    assert result.returncode == 0, result.stderr
    assert "SMTP 550 · Requested mailbox unavailable" in result.stdout
    assert ("! 5.7.509 is not in the IANA registry: detail X.7.509 is the server's own"
            in result.stdout)
    assert "(Permanent failure; Security or policy)" in result.stdout
    data = json.loads(run_with_input(ndr, "explain", "-", "--json").stdout)
    assert data[0]["codes"] == ["550", "5.7.509"]
    assert [e["code"] for e in data[0]["entries"]] == ["550"]
    assert "5.7.509 is not in the IANA registry" in data[0]["warnings"][0]
    zh = run("explain", "451 4.7.500 Server busy", "--lang", "zh")
    assert "4.7.500 不在 IANA 注册表中" in zh.stdout and "暂时" in zh.stdout
    alone = run("explain", "The server response was: 5.7.57 SMTP; Client was not authenticated")
    assert alone.stdout.startswith("SMTP 5.7.0 · Other or undefined security status")
    assert "! 5.7.57 is not in the IANA registry" in alone.stdout
    typed = run("explain", "5.7.57")  # a code typed alone must be a known one
    assert typed.returncode == 2 and "Details past X.7.30 are servers' own" in typed.stderr


@pytest.mark.parametrize("args, needle", [
    (("explain", "559"), "'559'"),
    (("explain", "abc"), "'abc'"),
    (("explain", "6.1.1"), "'6.1.1'"),
    (("compare", "235", "999"), "'999'"),
])
def test_unknown_or_malformed_exits_2_naming_the_code(args: tuple[str, ...], needle: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert needle in result.stderr
    assert result.stdout == ""


def test_custom_catalogue_option(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[codes."559"]\nname = "Greylisted"\ndescription = "Try later."\n', "utf-8")
    result = run("explain", "559", "--catalogue", str(path))
    assert result.returncode == 0 and "Greylisted" in result.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text('[codes."559"]\ndescription = "x"\n', "utf-8")
    result = run("explain", "553", "--catalogue", str(bad))
    assert result.returncode == 2 and "bad.toml" in result.stderr and "'559'" in result.stderr


def test_check_docs(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text("# Title\n\n<smtp:553>\n\n`<smtp:999>` and \\<smtp:999>\n", "utf-8")
    bad = tmp_path / "bad.md"
    bad.write_text("# Title\n\nSee <smtp:559> here.\n\n```\n<smtp:777>\n```\n", "utf-8")
    assert run("check-docs", str(good)).returncode == 0
    result = run("check-docs", str(tmp_path))
    assert result.returncode == 1
    assert result.stdout.strip().splitlines() == [
        f"{bad}:3:5: unknown SMTP code '559': no standard or custom catalogue defines it; "
        "did you mean 556 (Domain does not accept mail)?"]


def test_chinese_text_wraps_by_display_width() -> None:
    import unicodedata

    out = run("explain", "553", "--lang", "zh").stdout
    for line in out.splitlines():
        if line.startswith("  ") and "://" not in line:
            width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
            assert width <= 88, line


def test_pipe_closed_early_is_quiet() -> None:
    shell = f"{sys.executable} -m smtpcodes.cli list --json | head -1"
    result = subprocess.run(["sh", "-c", shell], capture_output=True, text=True, check=False)
    assert result.stdout.strip() == "["
    assert "Traceback" not in result.stderr
