"""The ``smtpcodes`` command, run as a user runs it: in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "smtpcodes.cli", *args], capture_output=True,
                          text=True, encoding="utf-8", check=False,
                          env={"PATH": "", "PYTHONIOENCODING": "utf-8"})


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
    assert [e["code"] for e in pair] == ["550", "5.1.1"]


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


def test_colour_on_a_terminal_and_no_color_respected() -> None:
    import os
    import pty

    def through_pty(env: dict[str, str]) -> str:
        leader, follower = pty.openpty()
        subprocess.run([sys.executable, "-m", "smtpcodes.cli", "explain", "421"],
                       stdout=follower, env={"PATH": "", "TERM": "xterm", **env}, check=True)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(leader)
        return b"".join(chunks).decode("utf-8")

    coloured = through_pty({})
    assert "\033[1;33mSMTP 421" in coloured  # 4xx in yellow
    assert "\033[" not in through_pty({"NO_COLOR": "1"})


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
