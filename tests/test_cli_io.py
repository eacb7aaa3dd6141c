"""The CLI's output under hostile or broken conditions: escapes, pipes, full disks, FIFOs."""

from __future__ import annotations

import json
import os
import pty
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

CLI = f"{shlex.quote(sys.executable)} -m smtpcodes.cli"


def shell(script: str, cwd: Path, timeout: float = 60,
          **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``script`` under bash with ``pipefail``, as a CI step or a pre-commit hook would."""
    return subprocess.run(["bash", "-c", f"set -o pipefail\n{script}"], cwd=cwd,
                          capture_output=True, text=True, check=False, timeout=timeout,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8", **env})


def through_pty(args: list[str], env: dict[str, str]) -> str:
    """What a terminal receives."""
    leader, follower = pty.openpty()
    subprocess.run([sys.executable, "-m", "smtpcodes.cli", *args], stdout=follower,
                   stderr=follower, env={"PATH": "", "TERM": "xterm", **env}, check=False,
                   timeout=60)
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


def _without_our_colours(text: str) -> str:
    for colour in ("\033[0m", "\033[1m", "\033[2m", "\033[1;31m", "\033[1;33m", "\033[31m",
                   "\033[32m", "\033[33m", "\033[36m"):
        text = text.replace(colour, "")
    return text


# --- no raw control characters ------------------------------------------------------------------

def test_check_docs_escapes_what_a_page_and_a_file_name_hold(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "esc.md").write_text("# T\n\nSee <smtp:55\x1b]0;owned\x07\x1b[2J9>.\n", "utf-8")
    (docs / "forge\nfake.md:1:1: all good.md").write_text("<smtp:559>\n", "utf-8")
    result = shell(f"{CLI} check-docs docs", tmp_path)
    assert result.returncode == 1
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    lines = result.stdout.splitlines()
    assert len(lines) == 2  # one line per finding: the newline in the name forged nothing
    assert any("\\x1b[2J" in line for line in lines)
    assert any("forge\\x0afake.md" in line for line in lines)


def test_errors_echo_no_escape_sequence_from_the_command_line(tmp_path: Path) -> None:
    for text in ("explain", "explain --json"):
        result = shell(f"{CLI} {text} $'55\\x1b[2J3'", tmp_path)
        assert result.returncode == 2
        assert "\x1b" not in result.stdout + result.stderr


def test_a_pasted_reply_echoes_no_bidirectional_override(tmp_path: Path) -> None:
    (tmp_path / "bounce.txt").write_text("550 5.1.1 \u202e<moc.elpmaxe@u> unknown\n", "utf-8")
    result = shell(f"{CLI} explain - < bounce.txt", tmp_path)
    assert result.returncode == 0
    assert "\u202e" not in result.stdout
    assert result.stdout.startswith("line 1: 550 5.1.1 \\u202e<moc.elpmaxe@u> unknown\n")
    result = shell(f"{CLI} explain - --json < bounce.txt", tmp_path)
    assert "\u202e" not in result.stdout
    assert json.loads(result.stdout)[0]["text"] == "550 5.1.1 \u202e<moc.elpmaxe@u> unknown"


def test_a_terminal_gets_only_our_own_colours(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("<smtp:55\x1b[2J9 \x9b2J>\n", "utf-8")
    for args in (["check-docs", str(bad)], ["explain", "55\x1b[2J9"], ["list", "--class", "3"],
                 ["explain", "553"]):
        shown = _without_our_colours(through_pty(args, {}))
        assert "\x1b" not in shown and "\x9b" not in shown, (args, shown)


# --- colour ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, coloured", [(None, True), ("", True), ("1", False),
                                              ("0", False), ("false", False)])
def test_no_color_set_and_non_empty_disables_colour(value: str | None, coloured: bool) -> None:
    env = {} if value is None else {"NO_COLOR": value}
    shown = through_pty(["explain", "421"], env)
    assert ("\033[1;33mSMTP 421" in shown) is coloured  # 4xx in yellow
    assert ("\033[" in shown) is coloured


# --- exit statuses --------------------------------------------------------------------------------

@pytest.mark.parametrize("unbuffered", ["", "1"])  # python -u: standard output on a raw file
def test_a_reader_that_leaves_early_fails_the_pipeline(tmp_path: Path, unbuffered: str) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(300):  # more findings than a pipe holds: the reader leaves before the end
        (docs / f"{n:03}-{'long-name-' * 20}.md").write_text("<smtp:559>\n", "utf-8")
    result = shell(f"{CLI} check-docs docs | head -1", tmp_path, PYTHONUNBUFFERED=unbuffered)
    assert result.stdout.count("\n") == 1
    assert result.returncode != 0  # 141 (a closed pipe), or 1 (findings) if all was written
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    listing = shell(f"{CLI} list --json | head -1; echo \"status ${{PIPESTATUS[0]}}\"",
                    tmp_path, PYTHONUNBUFFERED=unbuffered)
    assert listing.stdout == "[\nstatus 141\n" and listing.stderr == ""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("command", ["list", "list --json", "explain 553", "explain 559 --json"])
def test_a_full_disk_is_one_line_and_a_failure(tmp_path: Path, command: str) -> None:
    result = shell(f"{CLI} {command} > /dev/full", tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "smtpcodes: error: cannot write output: No space left on device\n")


def test_a_closed_standard_output_is_one_line_and_a_failure(tmp_path: Path) -> None:
    result = shell(f"{CLI} list >&-", tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "smtpcodes: error: standard output is closed; nothing can be printed\n")


def test_check_docs_skips_a_fifo_instead_of_hanging(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    os.mkfifo(docs / "pipe.md")
    (docs / "page.md").write_text("<smtp:553>\n\n<smtp:559>\n", "utf-8")
    for target in ("docs", "docs/pipe.md"):
        result = shell(f"{CLI} check-docs {target}", tmp_path, timeout=30)
        assert "smtpcodes: skipping docs/pipe.md: not a regular file" in result.stderr
    assert shell(f"{CLI} check-docs docs", tmp_path).returncode == 1  # page.md's finding
    assert shell(f"{CLI} check-docs docs/pipe.md", tmp_path).returncode == 0


def test_lint_reports_a_named_fifo_instead_of_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.py")
    result = shell(f"{CLI} lint pipe.py", tmp_path, timeout=30)
    assert result.returncode == 1
    assert result.stdout == "pipe.py: cannot read: not a regular file\n"


def test_check_docs_without_markdown_says_what_to_install(tmp_path: Path) -> None:
    hide = ("import sys; sys.modules['markdown'] = None; from smtpcodes.cli import main; "
            "sys.exit(main(['check-docs', '.']))")
    result = subprocess.run([sys.executable, "-c", hide], cwd=tmp_path, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 2
    assert result.stderr == ("smtpcodes: error: check-docs needs Python-Markdown: "
                             "pip install 'smtpcodes[markdown]'\n")
