"""smtpcodes: one catalogue of SMTP reply codes for documentation and code review.

``lookup``, ``compare`` and ``SMTPStatus`` are loaded on first use: the flake8 plugin imports
this package on every run, so importing it must stay nearly free.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    CatalogueFileError,
    MalformedCodeError,
    SMTPCodeError,
    UnknownCodeError,
    UnknownLanguageError,
)

if TYPE_CHECKING:
    from .catalogue import Catalogue, Entry, Reference, get_catalogue, languages, lookup
    from .comparison import Comparison, compare
    from .status import SMTPStatus

__version__ = "0.1.0"

__all__ = [
    "Catalogue", "CatalogueFileError", "Comparison", "Entry", "MalformedCodeError", "Reference",
    "SMTPCodeError", "SMTPStatus", "UnknownCodeError", "UnknownLanguageError", "compare",
    "get_catalogue", "languages", "lookup", "__version__",
]

_LAZY = {
    "Catalogue": "catalogue", "Entry": "catalogue", "Reference": "catalogue",
    "get_catalogue": "catalogue", "languages": "catalogue", "lookup": "catalogue",
    "Comparison": "comparison", "compare": "comparison", "SMTPStatus": "status",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'smtpcodes' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
