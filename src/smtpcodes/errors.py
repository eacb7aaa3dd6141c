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
