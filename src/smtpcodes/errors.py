"""Exceptions every front end catches: kept free of state beyond their message so they pickle
(flake8 ships them across worker processes)."""

from __future__ import annotations


class SMTPCodeError(Exception):
    """Base class: anything a user wrote that smtpcodes cannot explain."""


class MalformedCodeError(SMTPCodeError, ValueError):
    """The text is not shaped like an SMTP reply code or enhanced status code."""


class UnknownCodeError(SMTPCodeError, LookupError):
    """Well formed, but neither the standard catalogue nor a custom one defines it."""


class CatalogueFileError(SMTPCodeError, ValueError):
    """A user's catalogue file cannot be read; the message names the file and the entry."""


class UnknownLanguageError(SMTPCodeError, ValueError):
    """No locale folder for the requested language."""


#: The packages each front end's extra brings, and how its users know them.
_EXTRAS = {"markdown": ("Python-Markdown", ("markdown",)),
           "mkdocs": ("MkDocs", ("mkdocs", "markdown", "yaml")),
           "sphinx": ("Sphinx", ("sphinx", "docutils", "myst_parser"))}


def missing_extra(error: ModuleNotFoundError, extra: str, module: str) -> ModuleNotFoundError:
    """The error to raise when a front end is imported without its extra (``pip install
    smtpcodes`` alone brings no third-party package): it says what to install. Any other
    missing module is left as it was."""
    title, packages = _EXTRAS[extra]
    if (error.name or "").split(".")[0] not in packages:
        return error
    return ModuleNotFoundError(
        f"{module} needs {title}, and {error.name!r} is not installed: "
        f"pip install 'smtpcodes[{extra}]'", name=error.name)
