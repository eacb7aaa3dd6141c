"""Parsing of code text: the one place that decides what a well-formed code looks like.

Written with string methods rather than ``re``: ``lookup("553")`` runs in the processes of
code that imports ``SMTPStatus``, and ``re`` alone would cost a third of an interpreter start.
"""

from __future__ import annotations

from .errors import MalformedCodeError


def is_ascii_digits(text: str, most: int | None = None) -> bool:
    """``0``-``9`` only (``str.isdigit`` also takes ``²`` and ``٣``), at most ``most`` of them."""
    return bool(text) and text.isascii() and text.isdigit() and (most is None or len(text) <= most)


def is_basic(text: str) -> bool:
    """Three-digit reply code (RFC 5321 §4.2): first digit 2-5, second 0-5, third any digit."""
    return len(text) == 3 and is_ascii_digits(text) and text[0] in "2345" and text[1] in "012345"


def is_enhanced_shape(text: str) -> bool:
    """Enhanced status code (RFC 3463 §2): class 2/4/5, subject and detail up to 3 digits."""
    parts = text.split(".")
    return (len(parts) == 3 and parts[0] in ("2", "4", "5")
            and is_ascii_digits(parts[1], 3) and is_ascii_digits(parts[2], 3))


def normalise(code: object) -> str:
    """Return the canonical text of a code (``553``, ``"5.1.1"``) or raise MalformedCodeError.

    Leading zeros in enhanced parts are dropped (``5.01.1`` is ``5.1.1``) because RFC 3463
    compares the numbers, not the digits.
    """
    if isinstance(code, bool) or not isinstance(code, (int, str)):
        raise MalformedCodeError(f"{code!r} is not an SMTP code: pass a string or an int")
    text = str(code).strip()
    if is_basic(text):
        return text
    if is_enhanced_shape(text):
        return ".".join(str(int(part)) for part in text.split("."))
    raise MalformedCodeError(_malformed_message(text))


def is_enhanced(code: str) -> bool:
    return "." in code


def reply_class(code: str) -> int:
    """The class digit: 2, 3, 4 or 5 for both kinds of code."""
    return int(code[0])


def _malformed_message(text: str) -> str:
    shown = repr(text) if len(text) <= 60 else repr(text[:57] + "...")
    parts = text.split(".")
    if len(parts) > 1 and all(is_ascii_digits(part) for part in parts):
        if len(parts) != 3:
            return (
                f"{shown} is not an enhanced status code: it needs three parts, "
                "class.subject.detail (e.g. 5.1.1)"
            )
        return (
            f"{shown} is not an enhanced status code: the class must be 2, 4 or 5 "
            "and subject and detail at most three digits"
        )
    if is_ascii_digits(text):
        return (
            f"{shown} is not an SMTP reply code: reply codes have three digits, "
            "the first 2-5 and the second 0-5"
        )
    return (f"{shown} is not an SMTP code: expected a reply code like 553 "
            "or an enhanced code like 5.1.1")
