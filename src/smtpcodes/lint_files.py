"""Which files ``smtpcodes lint`` reads: paths and folders, minus gitignore-style excludes.

Folders are walked for ``*.py`` (as flake8 does) without entering virtualenvs, build output or
VCS folders, and honour the ``.gitignore`` files found on the way. A file named on the command
line is read even in such a folder (pre-commit names files one by one), unless the project's
own ``exclude`` patterns cover it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

#: Folders no project wants linted (VCS data, virtualenvs, caches, build output), and any
#: ``*.egg-info``: skipped by name at any depth when walking.
DEFAULT_EXCLUDES = frozenset({
    ".bzr", ".direnv", ".eggs", ".git", ".hg", ".ipynb_checkpoints", ".mypy_cache", ".nox",
    ".pants.d", ".pytest_cache", ".pytype", ".ruff_cache", ".svn", ".tox", ".venv", "venv",
    "__pycache__", "__pypackages__", "_build", "buck-out", "build", "dist", "node_modules",
    "site-packages",
})


class _Rule(NamedTuple):
    regex: re.Pattern[str]
    negate: bool
    dir_only: bool


class Patterns:
    """One list of gitignore-style patterns read relative to ``base``: the last match wins.

    Supported as git does: ``#`` comments, ``!`` negation, a trailing ``/`` for folders only,
    a leading or inner ``/`` anchoring to ``base``, ``*``, ``?``, ``[...]`` and ``**``.
    """

    def __init__(self, patterns: Iterable[str], base: str) -> None:
        self.base = os.path.abspath(base)
        self.rules = [rule for rule in map(_compile, patterns) if rule is not None]

    def excluded(self, path: str, is_dir: bool) -> bool | None:
        """True, False (re-included by ``!``) or None (no pattern says) for an absolute path."""
        rel = os.path.relpath(path, self.base)
        if rel == "." or rel.startswith(".."):
            return None
        rel = rel.replace(os.sep, "/")
        verdict = None
        for rule in self.rules:
            if (is_dir or not rule.dir_only) and rule.regex.fullmatch(rel):
                verdict = not rule.negate
        return verdict


def _compile(line: str) -> _Rule | None:
    text = line.rstrip("\n\r")
    if not text.strip() or text.startswith("#"):
        return None
    if not text.endswith("\\ "):
        text = text.rstrip(" ")
    negate = text.startswith("!")
    if negate:
        text = text[1:]
    dir_only = text.endswith("/")
    text = text.rstrip("/")
    if not text:
        return None
    anchored = "/" in text
    body = _translate(text.lstrip("/"))
    prefix = "" if anchored else "(?:.*/)?"
    return _Rule(re.compile(prefix + body, re.DOTALL), negate, dir_only)


def _translate(pattern: str) -> str:
    """A gitignore glob as a regex over a ``/``-separated path."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("/**", i) and i + 3 == n:
            out.append("/.*")
            i += 3
        elif pattern.startswith("**", i) and i + 2 == n:
            out.append(".*")
            i += 2
        else:
            char = pattern[i]
            i += 1
            if char == "*":
                out.append("[^/]*")
            elif char == "?":
                out.append("[^/]")
            elif char == "\\" and i < n:
                out.append(re.escape(pattern[i]))
                i += 1
            elif char == "[":
                end = pattern.find("]", i + 1 if pattern[i:i + 1] in ("!", "^", "]") else i)
                if end < 0:
                    out.append(re.escape(char))
                else:
                    inner = pattern[i:end]
                    if inner[:1] in ("!", "^"):
                        inner = "^" + inner[1:]
                    out.append("[" + inner.replace("\\", "\\\\") + "]")
                    i = end + 1
            else:
                out.append(re.escape(char))
    return "".join(out)


class Excludes:
    """The project's patterns (``--exclude``, ``exclude`` in pyproject.toml) and, when walking
    folders, the default folders and every ``.gitignore`` met."""

    def __init__(self, project: Iterable[Patterns], respect_gitignore: bool = True) -> None:
        self.project = list(project)
        self.respect_gitignore = respect_gitignore

    def named(self, path: str, is_dir: bool) -> bool:
        """Whether a path named on the command line is excluded by the project's patterns."""
        return any(_covered(p, path, is_dir) for p in self.project)

    def walk(self, folder: str) -> Iterator[str]:
        """Every ``*.py`` under ``folder`` that no pattern excludes, in a stable order."""
        found = self._gitignores_above(folder) if self.respect_gitignore else []
        yield from self._walk(os.path.abspath(folder), found)

    def _walk(self, folder: str, gitignores: list[Patterns]) -> Iterator[str]:
        if self.respect_gitignore:
            own = _read_gitignore(folder)
            if own is not None:
                gitignores = [*gitignores, own]
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            return
        for entry in entries:
            is_dir = entry.is_dir(follow_symlinks=False)
            if not is_dir and not entry.name.endswith(".py"):
                continue
            if self._excluded(entry.path, is_dir, gitignores):
                continue
            if is_dir:
                yield from self._walk(entry.path, gitignores)
            elif entry.is_file():
                yield entry.path

    def _excluded(self, path: str, is_dir: bool, gitignores: list[Patterns]) -> bool:
        if is_dir:
            name = os.path.basename(path)
            if name in DEFAULT_EXCLUDES or name.endswith(".egg-info"):
                return True
        if any(p.excluded(path, is_dir) for p in self.project):
            return True
        verdict = None
        for patterns in gitignores:  # a deeper .gitignore overrides a shallower one
            said = patterns.excluded(path, is_dir)
            if said is not None:
                verdict = said
        return bool(verdict)

    @staticmethod
    def _gitignores_above(folder: str) -> list[Patterns]:
        """The ``.gitignore`` files of the folders above ``folder`` up to the repository root."""
        found: list[Patterns] = []
        here = os.path.dirname(os.path.abspath(folder))
        while True:
            own = _read_gitignore(here)
            if own is not None:
                found.insert(0, own)
            if os.path.exists(os.path.join(here, ".git")):
                break
            parent = os.path.dirname(here)
            if parent == here:
                return []  # not in a repository: its .gitignore files mean nothing
            here = parent
        return found


def _covered(patterns: Patterns, path: str, is_dir: bool) -> bool:
    """A path is excluded when it, or a folder above it, matches."""
    path = os.path.abspath(path)
    while True:
        said = patterns.excluded(path, is_dir)
        if said is not None:
            return said
        parent = os.path.dirname(path)
        if parent == path:
            return False
        path, is_dir = parent, True


def _read_gitignore(folder: str) -> Patterns | None:
    try:
        with open(os.path.join(folder, ".gitignore"), encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return None
    return Patterns(lines, folder)


def discover(paths: Iterable[str], excludes: Excludes) -> Iterator[str]:
    """Files to lint, each once: named files as given, folders walked."""
    seen: set[str] = set()
    for path in paths:
        is_dir = os.path.isdir(path)
        if excludes.named(path, is_dir):
            continue
        found: Iterable[str] = excludes.walk(path) if is_dir else [path]
        for file in found:
            key = os.path.realpath(file)
            if key not in seen:
                seen.add(key)
                yield file
