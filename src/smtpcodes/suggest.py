"""Suggestions for a code nobody defines: the nearest defined one, found without a full scan.

They run on every failed lookup, and a provider's catalogue may hold tens of thousands of codes,
so each catalogue gets an index on its first miss: basic codes by their first two digits,
enhanced codes by class and subject, each group sorted for a binary search.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache

from . import codes as _codes
from .catalogue import Catalogue


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

    Repairs are tried first (``5.1`` → ``5.1.0``, ``5,1,1`` → ``5.1.1``); then a standard code
    one slip away (``6.1.1`` → ``5.1.1``), the standard ones only so that the cost does not
    grow with a custom catalogue.
    """
    for candidate in _repairs(text):
        if candidate in catalogue:
            return _hint(_codes.normalise(candidate), catalogue)
    close = _one_slip_away(text)
    return _hint(close, catalogue) if close else ""


#: The longest standard code (``5.7.30``) and one character added by a slip.
_LONGEST = 7


def _one_slip_away(text: str) -> str | None:
    """The standard code one typing slip away from ``text`` (a character dropped, added,
    replaced, or two swapped), as difflib would rank them; None if there is none.

    A page may hold thousands of different malformed shortcodes, so instead of comparing
    ``text`` with every code, ``text`` and its one-character deletions are looked up among
    the codes' own (a slip of any kind leaves the two sharing one), and the few codes found
    are checked.
    """
    if len(text) > _LONGEST + 1:
        return None
    index = _deletions()
    found = {code for variant in {text, *_dropped(text)} for code in index.get(variant, ())
             if _one_slip(text, code)}
    if not found:
        return None
    from difflib import SequenceMatcher

    return max(found, key=lambda near: (SequenceMatcher(None, text, near).ratio(), near))


def _dropped(text: str) -> list[str]:
    return [text[:i] + text[i + 1:] for i in range(len(text))]


@cache
def _deletions() -> dict[str, tuple[str, ...]]:
    """Each standard code and each of its one-character deletions -> the codes it comes from."""
    found: dict[str, list[str]] = {}
    for code in Catalogue().codes():
        for variant in {code, *_dropped(code)}:
            found.setdefault(variant, []).append(code)
    return {variant: tuple(codes) for variant, codes in found.items()}


def _one_slip(text: str, code: str) -> bool:
    """Whether one character dropped, added or replaced, or two neighbours swapped, turn
    ``text`` into ``code``."""
    if len(text) == len(code):
        diffs = [i for i, (a, b) in enumerate(zip(text, code, strict=True)) if a != b]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                                   and text[diffs[0]] == code[diffs[1]]
                                   and text[diffs[1]] == code[diffs[0]])
    short, long = (text, code) if len(text) < len(code) else (code, text)
    if len(long) - len(short) != 1:
        return False
    pairs = zip(short, long, strict=False)
    at = next((i for i, (a, b) in enumerate(pairs) if a != b), len(short))
    return short[at:] == long[at + 1:]


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
