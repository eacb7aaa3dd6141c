"""The hooks of ``.pre-commit-hooks.yaml`` as a user's repository runs them: ``pre-commit
try-repo`` for both hooks, and a ``.pre-commit-config.yaml`` giving ``smtpcodes-lint`` the
``args: [--fix]`` that try-repo cannot pass.

The hook repository is a fresh commit of this working tree (tracked and new files), so the
hooks under test are the ones on disk, committed or not.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

MAILER = """\
import smtplib


def send(server):
    code, _ = server.noop()
    if code != 250:
        raise smtplib.SMTPResponseException(553, b"Bad address")
"""
FIXABLE = """\
import smtplib


def accepted(server):
    return server.noop()[0] in (250, 251)
"""


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                          env=_env(cwd))
    return done.stdout.strip()


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "PRE_COMMIT_HOME": str(home / "cache"),
            "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This working tree as one commit: (repository, commit)."""
    repo = tmp_path_factory.mktemp("hooks")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others",
                             "--exclude-standard"], cwd=ROOT, check=True,
                            capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / name)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "hooks under test")
    return repo, _git(repo, "rev-parse", "HEAD")


def _user_repo(path: Path, files: dict[str, str]) -> Path:
    path.mkdir()
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    _git(path, "init", "-q")
    _git(path, "add", ".")
    return path


def _pre_commit(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd,
                          capture_output=True, text=True, env=_env(cwd.parent), check=False,
                          timeout=600)


def test_try_repo_runs_both_hooks(tmp_path: Path, hook_repo: tuple[Path, str]) -> None:
    repo, commit = hook_repo
    user = _user_repo(tmp_path / "user", {
        "good.md": "# Good\n\n<smtp:553>\n\nInline `<smtp:999>` is code.\n",
        "bad.md": "# Bad\n\nSee <smtp:559> and <smtp:5.1>.\n",
        "mailer.py": MAILER,
        "clean.py": "PORT = 25\n",
    })
    done = _pre_commit(user, "try-repo", str(repo), "--ref", commit, "--all-files",
                       "--verbose")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "bad.md:3:5: unknown SMTP code '559'" in output
    assert "bad.md:3:20: <smtp:5.1>" in output
    assert "good.md" not in output.replace("Files were modified", "")
    assert "mailer.py:6:16: SMT100 hard-coded SMTP reply code 250" in output
    assert "mailer.py:7:45: SMT100 hard-coded SMTP reply code 553" in output
    assert "clean.py" not in output
    assert (user / "mailer.py").read_text() == MAILER  # no --fix: nothing written


def test_lint_hook_with_fix_rewrites_then_passes(tmp_path: Path,
                                                 hook_repo: tuple[Path, str]) -> None:
    repo, commit = hook_repo
    config = (f"repos:\n  - repo: {repo.as_posix()}\n    rev: {commit}\n    hooks:\n"
              "      - id: smtpcodes-lint\n        args: [--fix]\n")
    user = _user_repo(tmp_path / "user", {".pre-commit-config.yaml": config,
                                          "fixable.py": FIXABLE, "mailer.py": MAILER})
    first = _pre_commit(user, "run", "--all-files")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert "mailer.py:9:45: SMT100" in first.stdout  # the argument stays a finding
    assert (user / "fixable.py").read_text() == FIXABLE.replace(
        "import smtplib\n", "import smtplib\n\nfrom smtpcodes import SMTPStatus\n").replace(
        "(250, 251)", "(SMTPStatus.OK, SMTPStatus.USER_NOT_LOCAL_WILL_FORWARD)")
    (user / "mailer.py").unlink()
    _git(user, "add", "-A")
    second = _pre_commit(user, "run", "--all-files")
    assert second.returncode == 0, second.stdout + second.stderr
