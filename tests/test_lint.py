"""``smtpcodes lint`` through the real command: the same findings as ``flake8 --select SMT``,
files and excludes, ``[tool.smtpcodes]``, noqa, exit statuses, parallel runs."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lint_fixtures.tools import (
    ONLY_SMT,
    flake8_rows,
    lint_rows,
    run_lint,
    smtpcodes_command,
    stdlib_files,
)

FIXTURES = Path(__file__).parent / "flake8_fixtures"

MAILER = """\
import smtplib


def send(server: smtplib.SMTP) -> None:
    code, _ = server.noop()
    if code != 250:
        raise smtplib.SMTPResponseException(553, b"5.1.3 Bad address syntax")
    reply = "354 Start mail input"
    assert reply
"""
MAILER_FINDINGS = {(6, "SMT100"), (7, "SMT100"), (7, "SMT102"), (8, "SMT101")}


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def found(done: subprocess.CompletedProcess[str]) -> set[tuple[str, int, str]]:
    """(file name, line, code) of each text-format finding."""
    rows = set()
    for line in done.stdout.splitlines():
        path, row, _col, rest = line.split(":", 3)
        rows.add((Path(path).as_posix(), int(row), rest.split()[0]))
    return rows


@pytest.fixture(scope="module")
def only_smt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wrapper = tmp_path_factory.mktemp("flake8") / "only_smt.py"
    wrapper.write_text(ONLY_SMT, encoding="utf-8")
    return wrapper


# --- the same findings as flake8 ----------------------------------------------------------------

@pytest.mark.parametrize("options", [
    [], ["--allow", "250,5.1.1", "--modules", "mailer_core", "--callables", "reject,answer:1:2"]])
def test_fixtures_give_flake8s_findings(options: list[str]) -> None:
    files = sorted(str(p) for p in FIXTURES.glob("*.py"))
    ours = lint_rows(run_lint("--format", "json", *options, *files, cwd=FIXTURES), FIXTURES)
    flake8_options = [o if not o.startswith("--") else "--smtp-" + o[2:] for o in options]
    theirs = flake8_rows(files, FIXTURES, None, *flake8_options)
    assert len(ours) > 100
    assert ours == theirs


def test_standard_library_sample_gives_flake8s_findings(only_smt: Path, tmp_path: Path) -> None:
    """Every 20th stdlib file and the SMTP modules; bench/lint_cost.py compares all of them."""
    files = stdlib_files(every=20)
    ours = lint_rows(run_lint("--format", "json", *files, cwd=tmp_path), tmp_path)
    theirs = flake8_rows(files, tmp_path, only_smt)
    assert any(row[0].endswith("smtplib.py") for row in ours)
    assert ours == theirs


NOQA = '''\
import smtplib


def check(code, server):
    a = code == 250  # noqa
    b = code == 251  # noqa: SMT100
    c = code == 252  # noqa:SMT101,E501
    d = code == 354  # noqa: SMT
    e = code == 421  # noqa: SMT1
    f = code == 450  # NOQA: smt100
    g = code == 451  # NoQA: SMT100
    h = code == 452  # noqa : SMT100
    i = server.docmd("""
        text # noqa: E501
    """) == 550
    j = (code ==
         553)  # noqa
    k = code == 554 \\
        and code != 555  # noqa: SMT100
    return a, b, c, d, e, f, g, h, i, j, k
'''


def test_noqa_is_read_as_flake8_reads_it(tmp_path: Path) -> None:
    write(tmp_path, {"noqa.py": NOQA, "whole.py": "# flake8: noqa\n" + MAILER})
    files = ["noqa.py", "whole.py"]
    ours = lint_rows(run_lint("--format", "json", *files, cwd=tmp_path), tmp_path)
    assert ours == flake8_rows(files, tmp_path)
    lines = {row[1] for row in ours}
    assert {7, 10}.issubset(lines)  # a list naming other codes, a lower-case code
    assert not {5, 6, 8, 9, 11}.intersection(lines)  # blanket, listed, letters only, prefix


def test_select_and_ignore_follow_flake8(tmp_path: Path) -> None:
    write(tmp_path, {"mailer.py": MAILER})
    for options in (["--ignore", "SMT1"], ["--select", "SMT10", "--ignore", "SMT102"],
                    ["--select", "SMT102", "--ignore", "SMT1"]):
        ours = lint_rows(run_lint("--format", "json", *options, "mailer.py", cwd=tmp_path),
                         tmp_path)
        flake8_options = [o.replace("--select", "--extend-select") for o in options]
        theirs = {r for r in flake8_rows(["mailer.py"], tmp_path, None, *flake8_options)
                  if r[3].startswith("SMT")}
        assert ours == theirs, options


# --- files and folders --------------------------------------------------------------------------

def test_folders_skip_virtualenvs_builds_and_gitignored_files(tmp_path: Path) -> None:
    write(tmp_path, {name: MAILER for name in (
        "pkg/mailer.py", ".venv/lib/mailer.py", "venv/mailer.py", "build/lib/mailer.py",
        "node_modules/x/mailer.py", "pkg/__pycache__/mailer.py", "x.egg-info/mailer.py",
        "generated/mailer.py", "pkg/notes.txt", "pkg/keep_pb2.py", "pkg/drop_pb2.py")})
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("generated/\n*_pb2.py\n!keep_pb2.py\n")
    done = run_lint(cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert {path for path, _, _ in found(done)} == {"pkg/mailer.py", "pkg/keep_pb2.py"}
    everything = run_lint("--no-respect-gitignore", cwd=tmp_path)
    assert {path for path, _, _ in found(everything)} == {
        "pkg/mailer.py", "pkg/keep_pb2.py", "pkg/drop_pb2.py", "generated/mailer.py"}


def test_exclude_patterns_are_gitignore_style(tmp_path: Path) -> None:
    write(tmp_path, {name: MAILER for name in (
        "top.py", "src/top.py", "src/app/migrations/0001.py", "src/app/views.py",
        "src/app/tests/test_views.py", "scripts/run.py")})
    done = run_lint("--exclude", "/top.py,**/migrations,tests/,scripts/*.py", cwd=tmp_path)
    assert {path for path, _, _ in found(done)} == {"src/top.py", "src/app/views.py"}
    extend = run_lint("--extend-exclude", "views.py", "--exclude", "migrations", cwd=tmp_path)
    assert {path for path, _, _ in found(extend)} == {
        "top.py", "src/top.py", "src/app/tests/test_views.py", "scripts/run.py"}


def test_named_files_are_read_unless_the_project_excludes_them(tmp_path: Path) -> None:
    """pre-commit names files one by one: default folders do not hide them, the project's
    own patterns do."""
    write(tmp_path, {"build/gen.py": MAILER, "vendor/lib.py": MAILER, "script": MAILER})
    (tmp_path / "pyproject.toml").write_text('[tool.smtpcodes]\nexclude = ["vendor/"]\n')
    done = run_lint("build/gen.py", "vendor/lib.py", "script", cwd=tmp_path)
    assert {path for path, _, _ in found(done)} == {"build/gen.py", "script"}


def test_a_file_that_does_not_parse_is_one_line_and_the_run_goes_on(tmp_path: Path) -> None:
    write(tmp_path, {"a_broken.py": "def f(:\n    return 250\n", "b_mailer.py": MAILER})
    (tmp_path / "c_binary.py").write_bytes(b"x = 1\x00\n")
    done = run_lint(cwd=tmp_path)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0].startswith("a_broken.py:1:7: SyntaxError: ")
    assert lines[1].startswith("c_binary.py:1:") and "null" in lines[1]
    assert {(row, code) for _, row, code in found(
        subprocess.CompletedProcess([], 1, "\n".join(lines[2:]), ""))} == MAILER_FINDINGS


# --- configuration ------------------------------------------------------------------------------

def test_pyproject_configures_and_flags_override(tmp_path: Path) -> None:
    grey = MAILER + "\n\ndef greylisted(code):\n    return code == 559\n"
    write(tmp_path, {"mailer.py": grey, "sub/other.py": MAILER, "codes.toml": """\
        [codes."559"]
        name = "Greylisted by provider"
        description = "The provider delays mail from unknown senders."
        """})
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent("""\
        [tool.smtpcodes]
        allow = ["250"]
        smtp-catalogue = "codes.toml"
        ignore = "SMT102"
        extend_exclude = ["sub"]
        """))
    done = run_lint(cwd=tmp_path / "sub")  # the nearest pyproject.toml upwards is read
    assert done.returncode == 0, done.stdout + done.stderr
    done = run_lint(cwd=tmp_path)
    assert {(row, code) for _, row, code in found(done)} == {
        (7, "SMT100"), (8, "SMT101"), (13, "SMT100")}
    assert "559 (Greylisted by provider" in done.stdout
    flags = run_lint("--allow", "553", "--ignore", "", "--catalogue", "", "mailer.py",
                     cwd=tmp_path)
    assert {(row, code) for _, row, code in found(flags)} == {
        (6, "SMT100"), (7, "SMT102"), (8, "SMT101"), (13, "SMT201")}


@pytest.mark.parametrize(("config", "named"), [
    ("[tool.smtpcodes\n", "pyproject.toml is not valid TOML"),
    ('[tool.smtpcodes]\nallow = ["25O"]\n', "allow: "),
    ("[tool.smtpcodes]\nallow = 250\n", "allow: expected a list of strings"),
    ('[tool.smtpcodes]\ncatalogue = "missing.toml"\n', "catalogue: "),
    ('[tool.smtpcodes]\nfix-import = "nomodule"\n', "--fix-import: 'nomodule'"),
])
def test_unusable_configuration_stops_with_status_2_naming_it(tmp_path: Path, config: str,
                                                             named: str) -> None:
    write(tmp_path, {"mailer.py": MAILER})
    (tmp_path / "pyproject.toml").write_text(config)
    done = run_lint(cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert named in done.stderr


def test_bad_usage_exits_2_and_unknown_keys_only_warn(tmp_path: Path) -> None:
    write(tmp_path, {"mailer.py": MAILER})
    assert run_lint("--format", "xml", cwd=tmp_path).returncode == 2
    missing = run_lint("nowhere.py", cwd=tmp_path)
    assert missing.returncode == 2 and "nowhere.py" in missing.stderr
    assert run_lint("-j", "0", cwd=tmp_path).returncode == 2
    (tmp_path / "pyproject.toml").write_text("[tool.smtpcodes]\nalow = ['250']\n")
    typo = run_lint(cwd=tmp_path)
    assert typo.returncode == 1 and "alow: unknown key" in typo.stderr


def test_exit_status_is_0_when_clean(tmp_path: Path) -> None:
    write(tmp_path, {"clean.py": "import smtplib\nPORT = 25\n"})
    done = run_lint(cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, "")


# --- output on a terminal, statistics -----------------------------------------------------------

def _on_a_terminal(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    """What the command writes to a pseudo-terminal (it sees a TTY on its standard output)."""
    import pty

    leader, follower = pty.openpty()
    subprocess.run([*smtpcodes_command(), "lint", *args], cwd=cwd, env=env, stdout=follower,
                   stderr=subprocess.DEVNULL, timeout=60, check=False)
    os.close(follower)
    received = bytearray()
    with contextlib.suppress(OSError):  # EIO once everything written is read
        while chunk := os.read(leader, 4096):
            received += chunk
    os.close(leader)
    return received.decode()


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_colour_on_a_terminal_unless_no_color(tmp_path: Path) -> None:
    write(tmp_path, {"mailer.py": MAILER})
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    assert "\033[" in _on_a_terminal([], tmp_path, env)
    assert "\033[" not in _on_a_terminal([], tmp_path, {**env, "NO_COLOR": "1"})
    assert "\033[" in _on_a_terminal([], tmp_path, {**env, "NO_COLOR": ""})
    assert "\033[" not in run_lint(cwd=tmp_path).stdout  # a pipe
    assert "\033[" in run_lint("--color", "always", cwd=tmp_path).stdout


def test_text_and_statistics_are_flake8s_own_lines(tmp_path: Path) -> None:
    write(tmp_path, {"a.py": MAILER, "b.py": MAILER})
    done = run_lint("--statistics", "a.py", "b.py", cwd=tmp_path)
    stats = done.stdout.splitlines()[-3:]
    assert [line.split()[:2] for line in stats] == [
        ["4", "SMT100"], ["2", "SMT101"], ["2", "SMT102"]]
    assert stats[0].startswith("4     SMT100 hard-coded SMTP reply code 250 (")
    flake8 = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select", "SMT", "--statistics",
         "a.py", "b.py"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.stdout == flake8.stdout


# --- parallel runs ------------------------------------------------------------------------------

def test_parallel_runs_under_fork_and_spawn_match_a_serial_run(tmp_path: Path) -> None:
    files = {f"m{i:02}.py": MAILER.replace("553", str(550 + i % 5)) for i in range(40)}
    write(tmp_path, files)
    serial = run_lint("-j", "1", cwd=tmp_path)
    assert serial.returncode == 1 and len(serial.stdout.splitlines()) == 160
    assert run_lint("-j", "2", cwd=tmp_path).stdout == serial.stdout
    spawn = subprocess.run(
        [sys.executable, "-c", "import multiprocessing, sys\n"
         "multiprocessing.set_start_method('spawn')\n"
         "from smtpcodes.cli import main\n"
         "sys.exit(main(['lint', '-j', '2']))\n"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False)
    assert (spawn.returncode, spawn.stdout) == (1, serial.stdout), spawn.stderr
