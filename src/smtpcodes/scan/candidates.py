"""What the pass hands to the decision: candidate literals, and the findings made of them."""

from __future__ import annotations

from typing import NamedTuple

from .scope import Scope


class Finding(NamedTuple):
    """A literal to report: where, which check (``SMT100``...) and the code(s) it names.

    ``code`` is one code (``"553"``, ``"5.1.1"``) or a reply's two, ``"550 4.2.2"``; ``bound``
    says the literal is a bound of a range or ordering check (``code >= 500``).
    """

    line: int
    col: int
    kind: str
    code: str
    bound: bool = False


class Candidate:
    """A literal that may be reported, decided once the whole file's scopes are known."""

    __slots__ = ("line", "col", "is_int", "value", "enhanced", "role", "scope", "shape",
                 "pair_basic", "rest", "bound", "ref")

    def __init__(self, line: int, col: int, is_int: bool, value: int, enhanced: str | None,
                 role: int, scope: Scope, shape: int, pair_basic: int | None = None,
                 rest: str = "") -> None:
        self.line = line
        self.col = col
        self.is_int = is_int
        self.value = value
        self.enhanced = enhanced
        self.role = role
        self.scope = scope
        self.shape = shape
        self.pair_basic = pair_basic
        self.rest = rest
        self.bound = False
        self.ref = ""


class DefExit:
    """Stack marker: leaving the value of a constant definition."""

    __slots__ = ()


DEF_EXIT = DefExit()
