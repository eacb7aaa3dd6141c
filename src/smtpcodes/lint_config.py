"""``smtpcodes lint`` options: ``[tool.smtpcodes]`` in pyproject.toml, then command-line flags.

The keys are the flake8 options without their ``smtp-`` prefix (the prefixed spelling works
too, so a flake8 configuration can be copied): ``allow``, ``modules``, ``callables``,
``catalogue``, plus ``select``, ``ignore``, ``exclude``, ``extend-exclude``, ``fix-import`` and
``respect-gitignore``. A flag replaces the key of the same name. The file is the nearest
``pyproject.toml`` from the current folder upwards; paths in it are relative to it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from typing import Any, NamedTuple

from .lint_files import Excludes, Patterns

_LISTS = ("select", "ignore", "allow", "modules", "callables", "exclude", "extend-exclude")
_STRINGS = ("catalogue", "fix-import")
_BOOLS = ("respect-gitignore",)


class ConfigError(Exception):
    """A configuration that cannot be used: the message names the file or flag and the key."""


class Options(NamedTuple):
    """What every file's check needs: plain values, so it pickles into worker processes."""

    allow: tuple[str, ...] = ()
    modules: tuple[str, ...] = ()
    callables: tuple[str, ...] = ()
    catalogue: str | None = None
    select: tuple[str, ...] = ("SMT",)
    ignore: tuple[str, ...] = ()
    fix_import: str | None = None
    #: Where the project lives: a custom enum's module and first-party imports are found here.
    root: str = "."

    def selected(self, code: str) -> bool:
        """flake8's decision: the longest matching prefix wins, an ignore on a tie."""
        chosen = max((p for p in self.select if code.startswith(p)), key=len, default=None)
        if chosen is None:
            return False
        ignored = max((p for p in self.ignore if code.startswith(p)), key=len, default=None)
        return ignored is None or len(chosen) > len(ignored)

    def settings_kwargs(self) -> dict[str, Any]:
        return {"allow": self.allow, "modules": self.modules, "callables": self.callables,
                "catalogue": self.catalogue}


def find_pyproject(start: str) -> str | None:
    """The nearest pyproject.toml from ``start`` upwards: the project's own."""
    here = os.path.abspath(start)
    while True:
        candidate = os.path.join(here, "pyproject.toml")
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def read_table(path: str) -> dict[str, Any]:
    """``[tool.smtpcodes]`` of one pyproject.toml, keys spelled with dashes."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except OSError as error:
        raise ConfigError(f"cannot read {path}: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path} is not valid TOML: {error}") from None
    table = data.get("tool", {}).get("smtpcodes", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.smtpcodes] must be a table")
    return {_key(key): value for key, value in table.items()}


def _key(key: str) -> str:
    key = key.replace("_", "-")
    return key[len("smtp-"):] if key.startswith("smtp-") else key


def _as_list(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(item.strip() for item in value if item.strip())


def load(args: argparse.Namespace) -> tuple[Options, Excludes]:
    """Options for a run: flags over ``[tool.smtpcodes]``, every value checked."""
    config = args.config or find_pyproject(os.getcwd())
    table = read_table(config) if config else {}
    base = os.path.dirname(os.path.abspath(config)) if config else os.getcwd()
    values: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for key, value in table.items():
        where = f"{config} [tool.smtpcodes] {key}"
        if key in _LISTS:
            values[key] = _as_list(value, where)
        elif key in _STRINGS:
            if not isinstance(value, str):
                raise ConfigError(f"{where}: expected a string, got {value!r}")
            values[key] = value
        elif key in _BOOLS:
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: expected true or false, got {value!r}")
            values[key] = value
        else:
            sys.stderr.write(f"smtpcodes lint: warning: {where}: unknown key, ignored\n")
            continue
        origin[key] = where
    if values.get("catalogue"):
        values["catalogue"] = os.path.join(base, values["catalogue"])
    patterns = [Patterns(values.get("exclude", ()), base),
                Patterns(values.get("extend-exclude", ()), base)]
    for key in (*_LISTS, *_STRINGS):
        flag = getattr(args, key.replace("-", "_"), None)
        if flag is None:
            continue
        origin[key] = "--" + key
        if key in _STRINGS:
            values[key] = os.path.abspath(flag) if key == "catalogue" and flag else flag
        else:
            values[key] = _as_list(flag, origin[key])
            if key in ("exclude", "extend-exclude"):
                patterns[key == "extend-exclude"] = Patterns(values[key], os.getcwd())
    options = Options(
        allow=values.get("allow", ()), modules=values.get("modules", ()),
        callables=values.get("callables", ()), catalogue=values.get("catalogue") or None,
        select=values.get("select", ("SMT",)), ignore=values.get("ignore", ()),
        fix_import=values.get("fix-import"), root=base)
    _check(options, origin)
    gitignore = values.get("respect-gitignore", True) and not args.no_respect_gitignore
    return options, Excludes(patterns, respect_gitignore=gitignore)


def _check(options: Options, origin: dict[str, str]) -> None:
    """Build the scanner's settings once here, so a bad value stops the run by name."""
    from .scan import Settings

    for key, value in options.settings_kwargs().items():
        if not value:
            continue
        try:
            Settings.from_options(**{key: value})
        except ValueError as error:
            detail = str(error).partition(": ")[2] or str(error)
            raise ConfigError(f"{origin.get(key, key)}: {detail}") from None


def first_party(root: str) -> frozenset[str]:
    """Top-level modules of the project (in ``root`` or ``root/src``): isort's first party."""
    names: set[str] = set()
    for folder in (root, os.path.join(root, "src")):
        names.update(_modules_in(folder))
    return frozenset(names)


def _modules_in(folder: str) -> Iterable[str]:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.endswith(".py") and entry.is_file():
            yield entry.name[:-3]
        elif entry.is_dir() and os.path.isfile(os.path.join(entry.path, "__init__.py")):
            yield entry.name
