"""Suggestions for a code nobody defines: the nearest defined one, found without a full scan.

They run on every failed lookup, and a provider's catalogue may hold tens of thousands of codes,
so each catalogue gets an index on its first miss: basic codes by their first two digits,
enhanced codes by class and subject, each group sorted for a binary search.
"""

from __future__ import annotations

from bisect import bisect_left

from . import codes as _codes
from .catalogue import Catalogue, sort_key


class _Index:
    """The catalogue's codes grouped for nearest-neighbour questions, each group sorted."""

    def __init__(self, codes: list[str]) -> None:
        self.basic: dict[int, list[int]] = {}  # by first two digits: 55 -> [550, ..., 556]
        self.basic_by_class: dict[int, list[int]] = {}
        self.details: dict[tuple[int, int], list[int]] = {}  # (5, 1) -> [0, 1, ..., 10]
        self.subjects: dict[int, list[int]] = {}  # 5 -> [0, 1, ..., 7]
        for code in codes:
            if _codes.is_enhanced(code):
                cls, subject, detail = (int(p) for p in code.split("."))
                self.details.setdefault((cls, subject), []).append(detail)
            else:
                number = int(code)
                self.basic.setdefault(number // 10, []).append(number)
                self.basic_by_class.setdefault(number // 100, []).append(number)
        for cls, subject in self.details:
            self.subjects.setdefault(cls, []).append(subject)
        for groups in (self.basic, self.basic_by_class, self.details, self.subjects):
            for numbers in groups.values():
                numbers.sort()


def unknown_message(code: str, catalogue: Catalogue) -> str:
    message = (f"unknown SMTP code {code!r}: no standard or custom catalogue defines it"
               + _hint(nearest(code, catalogue), catalogue))
    own = _own_detail_hint(code, catalogue)
    if own:
        message += f" {own[0].upper()}{own[1:]}." if message.endswith("?") else f"; {own}"
    return message


def _own_detail_hint(code: str, catalogue: Catalogue) -> str:
    """For ``5.7.139``: a detail past the last one its subject registers is a server's own,
    and the reply it came in can still be explained."""
    if not _codes.is_enhanced(code):
        return ""
    cls, subject, detail = (int(p) for p in code.split("."))
    registered = _index(catalogue).details.get((cls, subject))
    if not registered or detail <= registered[-1]:
        return ""
    return (f"details past X.{subject}.{registered[-1]} are servers' own (Microsoft 365 sends "
            "5.7.139, for one): paste the whole reply to have it explained through its reply code")


def _hint(near: str | None, catalogue: Catalogue) -> str:
    if near is None:
        return ""
    return f"; did you mean {near} ({catalogue.lookup(near).name})?"


def nearest(code: str, catalogue: Catalogue) -> str | None:
    """The closest defined code of the same kind: same class and subject first, then by digits.

    ``5.1.99`` → ``5.1.x`` with the nearest detail; ``559`` → ``55x`` with the nearest number;
    failing those, the nearest of the same class (by subject, or by number).
    """
    index = _index(catalogue)
    if _codes.is_enhanced(code):
        cls, subject, detail = (int(p) for p in code.split("."))
        found = _closest(index.details.get((cls, subject), []), detail)
        if found is not None:
            return f"{cls}.{subject}.{found}"
        near = _closest(index.subjects.get(cls, []), subject)
        return None if near is None else f"{cls}.{near}.{index.details[(cls, near)][0]}"
    number = int(code)
    found = _closest(index.basic.get(number // 10, []), number)
    if found is None:
        found = _closest(index.basic_by_class.get(number // 100, []), number)
    return None if found is None else str(found)


def _closest(sorted_numbers: list[int], target: int) -> int | None:
    """The number nearest ``target`` (the smaller on a tie), by binary search."""
    if not sorted_numbers:
        return None
    at = bisect_left(sorted_numbers, target)
    around = sorted_numbers[max(at - 1, 0):at + 1]
    return min(around, key=lambda n: (abs(n - target), n))


def _index(catalogue: Catalogue) -> _Index:
    """The catalogue's index, built on its first miss."""
    if not isinstance(catalogue.suggestion_index, _Index):
        catalogue.suggestion_index = _Index(catalogue.codes())
    return catalogue.suggestion_index


def malformed_hint(text: str, catalogue: Catalogue) -> str:
    """``; did you mean 5.1.0 (…)?`` for a text one slip away from a defined code, else ``""``.

    Repairs are tried first (``5.1`` → ``5.1.0``, ``5,1,1`` → ``5.1.1``); then a fuzzy match,
    over the standard codes only so that its cost does not grow with a custom catalogue.
    """
    for candidate in _repairs(text):
        if candidate in catalogue:
            return _hint(_codes.normalise(candidate), catalogue)
    import difflib

    close = difflib.get_close_matches(text[:20], _standard_codes(), n=1, cutoff=0.7)
    return _hint(close[0], catalogue) if close else ""


def _repairs(text: str) -> list[str]:
    dotted = text
    for separator in ",;:-_/ ":
        dotted = dotted.replace(separator, ".")
    dotted = dotted.strip(".")
    found = [dotted] if dotted != text else []
    if dotted.count(".") == 1:
        found.append(f"{dotted}.0")
    if len(dotted) == 4 and _codes.is_ascii_digits(dotted):  # 5530: one digit too many
        found += [dotted[:3], dotted[1:]]
    return found


_STANDARD: list[str] = []


def _standard_codes() -> list[str]:
    if not _STANDARD:
        _STANDARD.extend(sorted(Catalogue().codes(), key=sort_key))
    return _STANDARD
