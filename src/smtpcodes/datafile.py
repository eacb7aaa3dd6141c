"""The package's JSON data files, parsed without importing ``json``.

``lookup("553")`` runs wherever code imports ``SMTPStatus``, so it must cost little more than
the interpreter start it rides on. The ``json`` package imports ``re`` (and with it ``enum``),
which alone costs a third of a start; its C scanner, ``_json``, is what does the parsing and
loads in a fraction of that. Where ``_json`` is missing or differs (another implementation),
``json`` does the work.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

_SCANNER: list[Callable[[str, int], tuple[Any, int]]] = []


class _Options:
    """The settings ``_json.make_scanner`` reads, as ``json.JSONDecoder()`` has them."""

    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    memo: dict[str, str] = {}

    @staticmethod
    def parse_constant(name: str) -> float:
        return float(name)  # NaN, Infinity, -Infinity


def load(path: str) -> Any:
    """The parsed content of the JSON file at ``path``; OSError if it cannot be read."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read().strip()
    if not _SCANNER:
        _SCANNER.append(_scanner())
    try:
        data, end = _SCANNER[0](text, 0)
    except (ValueError, StopIteration, TypeError):
        data, end = None, -1
    if end != len(text):
        import json  # the exact error, or the work itself where the fast path is unusable

        return json.loads(text)
    return data


def _scanner() -> Callable[[str, int], tuple[Any, int]]:
    try:
        from _json import make_scanner
    except ImportError:
        import json

        return lambda text, at: json.JSONDecoder().raw_decode(text, at)
    options: Any = _Options()  # the stub asks for a JSONDecoder; any object with its settings does
    scanner: Callable[[str, int], tuple[Any, int]] = make_scanner(options)
    return scanner
