"""Parsing of code text: the one place that decides what a well-formed code looks like."""

from __future__ import annotations

import re

from .errors import MalformedCodeError

#: Three-digit reply code (RFC 5321 §4.2): first digit 2-5, second 0-5, third any digit.
BASIC_RE = re.compile(r"[2-5][0-5][0-9]")
#: Enhanced status code (RFC 3463 §2): class 2/4/5, subject up to 3 digits, detail up to 3 digits.
ENHANCED_RE = re.compile(r"[245]\.[0-9]{1,3}\.[0-9]{1,3}")
_LOOSE_ENHANCED = re.compile(r"[0-9]+(\.[0-9]+)+")


def normalise(code: object) -> str:
    """Return the canonical text of a code (``553``, ``"5.1.1"``) or raise MalformedCodeError.

    Leading zeros in enhanced parts are dropped (``5.01.1`` is ``5.1.1``) because RFC 3463
    compares the numbers, not the digits.
    """
    if isinstance(code, bool) or not isinstance(code, (int, str)):
        raise MalformedCodeError(f"{code!r} is not an SMTP code: pass a string or an int")
    text = str(code).strip()
    if BASIC_RE.fullmatch(text):
        return text
    if ENHANCED_RE.fullmatch(text):
        return ".".join(str(int(part)) for part in text.split("."))
    raise MalformedCodeError(_malformed_message(text))


def is_enhanced(code: str) -> bool:
    return "." in code


def reply_class(code: str) -> int:
    """The class digit: 2, 3, 4 or 5 for both kinds of code."""
    return int(code[0])


def _malformed_message(text: str) -> str:
    if _LOOSE_ENHANCED.fullmatch(text):
        parts = text.split(".")
        if len(parts) != 3:
            return (
                f"{text!r} is not an enhanced status code: it needs three parts, "
                "class.subject.detail (e.g. 5.1.1)"
            )
        return (
            f"{text!r} is not an enhanced status code: the class must be 2, 4 or 5 "
            "and subject and detail at most three digits"
        )
    if text.isdigit():
        return (
            f"{text!r} is not an SMTP reply code: reply codes have three digits, "
            "the first 2-5 and the second 0-5"
        )
    return (f"{text!r} is not an SMTP code: expected a reply code like 553 "
            "or an enhanced code like 5.1.1")
