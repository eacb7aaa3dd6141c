"""Copy a site into a test's temporary directory and run the real tool on it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).parent
#: No colour, no MkDocs 2 notice, no user configuration: output a test can read. PYTHONPATH
#: passes, so the tests can be pointed at another source tree (such as main's, to see them fail).
ENV = {"PATH": "", "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1",
       **{k: v for k, v in os.environ.items() if k == "PYTHONPATH"}}


def copy_site(name: str, tmp_path: Path) -> Path:
    """A fresh copy of ``tests/sites/<name>`` to build in."""
    project = tmp_path / name
    shutil.copytree(HERE / name, project)
    return project


def write(project: Path, files: dict[str, str]) -> Path:
    """Add or replace files (paths relative to the project) with dedented text."""
    for name, body in files.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(body), "utf-8")
    return project


def run(project: Path, *command: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m <command>`` in the project with this interpreter, output captured."""
    return subprocess.run([sys.executable, "-m", *command], cwd=project, capture_output=True,
                          text=True, check=False, env=ENV, timeout=120)


def mkdocs_build(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run(project, "mkdocs", "build", "--strict", *extra)


def resolve(page: Path, href: str) -> tuple[Path, str]:
    """The HTML file and fragment a relative link on the built ``page`` leads to."""
    path, _, fragment = href.partition("#")
    target = (page.parent / path).resolve() if path else page.resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, fragment
