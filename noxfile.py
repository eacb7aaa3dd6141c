"""Run the test suite on every Python the package claims (see the classifiers in pyproject.toml).

``nox`` runs ``tests`` on 3.10-3.13 and ``.ci/run`` calls it. On 3.11, the machine's own
Python, everything runs; elsewhere everything but the tests marked ``slow`` (whole external
tools over large trees) and ``browser`` (theme screenshots), which test no version-specific
code of ours. ``.ci/run`` runs the 3.11 suite directly (the README's command), then the others. Interpreters come from
PATH or pyenv's folder, never from a download. ``nox -s tests-3.12 -- -k cli`` passes its
arguments to pytest instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import nox

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
MAIN = "3.11"

nox.options.sessions = ["tests"]
nox.options.download_python = "never"
nox.options.error_on_missing_interpreters = True
nox.options.reuse_existing_virtualenvs = True


def _pyenv_on_path() -> None:
    """Put pyenv's interpreters first on PATH: its shims hide every version but the global one,
    and nox looks for ``python3.12`` on PATH."""
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    folders = [str(sorted(root.glob(f"{v}.*/bin"))[-1]) for v in PYTHONS
               if list(root.glob(f"{v}.*/bin"))]
    os.environ["PATH"] = os.pathsep.join([*folders, os.environ.get("PATH", "")])


_pyenv_on_path()


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    session.install("-e", ".[dev]")
    selection = [] if session.python == MAIN else ["-m", "not slow and not browser"]
    session.run("python", "-m", "pytest", "-n", "2", *(session.posargs or selection))
