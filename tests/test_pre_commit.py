"""The ``smtpcodes-docs`` hook through ``pre-commit try-repo``, as a user's repository runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_hook_passes_good_files_and_fails_bad_ones(tmp_path: Path) -> None:
    repo = tmp_path / "docs-repo"
    repo.mkdir()
    (repo / "good.md").write_text("# Good\n\n<smtp:553>\n\nInline `<smtp:999>` is code.\n",
                                  "utf-8")
    (repo / "bad.md").write_text("# Bad\n\nSee <smtp:559> and <smtp:5.1>.\n", "utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "smtpcodes-docs",
         "--all-files", "--verbose"],
        cwd=repo, capture_output=True, text=True, env=env, check=False, timeout=600)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "bad.md:3:5: unknown SMTP code '559'" in output
    assert "bad.md:3:20: <smtp:5.1>" in output
    assert "good.md" not in output.replace("Files were modified", "")
