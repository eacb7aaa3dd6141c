"""Replies as people paste them: from a terminal, a bounce message or a mail server's log.

One reading serves shortcodes, ``lookup`` and ``smtpcodes explain``: ``553``, ``5.1.1``,
``550 5.1.1 User unknown``, ``550-5.1.1`` (a continuation line), ``smtp; 550 5.1.1 …`` (a DSN
Diagnostic-Code), ``dsn=5.1.1``, ``X.1.1`` (subject and detail in every class that uses them),
``235 vs 553``, and a whole Postfix or Exim log line, from which the reply is picked out.

The text is split into words once and each word is looked at a bounded number of times, so any
input, however long or oddly spaced, costs linear time. Inside running text (a log line, a
bounce, an exception) a code counts only where a reply starts: at the start of a line or behind
``>`` quote marks, after a word ending in ``:`` (``said: 550``), behind a DSN address type
(``smtp; 550``), ``dsn=`` or ``status=``, or just inside an opening quote (Exchange's
``returned '550 5.1.1 …'``, PHP's ``message "550 …"``; a JSON value written without spaces,
``"reason":"550 5.1.1 …"``, counts as quoted). Just inside a bracket, or after any other word
ending in ``;`` or any other header's ``:``, only a reply with its enhanced code counts
(Python's ``(550, b'5.1.1 …')``, Ruby's ``(535-5.7.8 …``, Java's ``MessagingException: 550
5.1.1 …``), never a lone number. So dates, addresses, sizes and version numbers are left alone.
"""

from __future__ import annotations

from typing import NamedTuple

from . import codes as _codes
from .catalogue import Catalogue, Entry, class_and_subject, get_catalogue
from .errors import MalformedCodeError, UnknownCodeError
from .shortcode import Shortcode

#: Words that announce a code: a DSN's address types (``smtp; 550``) and log fields (``dsn=``).
_PREFIXES = frozenset({"smtp", "esmtp", "lmtp", "x-postfix", "x-smtp", "dsn", "status"})
#: Line-initial words whose value is a reply (``Status: 5.1.1``, ``said: 550`` wrapped onto a
#: new line); after any other ``Header:`` (``Content-Length: 250``) only a whole reply counts.
_REPLY_HEADERS = frozenset({"diagnostic-code", "status", "s", "reply", "response", "said",
                            "error", "reason", "details", "failure", "failed", "deferred",
                            "bounced", "rejected", "refused"})
_QUOTES = "\"'`()[]{}<>,;#"
#: First characters after which a reply may start inside running text: quotes take any code
#: that the reply's text follows, brackets only a reply that carries an enhanced code.
_QUOTE_OPENERS = "\"'`#"
_BRACKET_OPENERS = "(["
#: Parts of a JSON key whose value may be a reply (``"reason"``, ``"smtp_response"``).
_JSON_KEYS = ("status", "code", "dsn", "reply", "response", "reason", "diagnostic", "error",
              "message", "smtp")
_SHOWN = 200  # characters of a found reply's line kept for display
_EXPECTED = "expected a code (553, 5.1.1) or a reply (550 5.1.1 …)"


class Found(NamedTuple):
    """A reply found in a longer text: where, what, and the line it stands on."""

    line: int  # 1-based
    shortcode: Shortcode
    text: str  # the reply as written, from its code to the end of its line


def parse(text: str, catalogue: Catalogue | None = None) -> Shortcode:
    """What one pasted text asks for; MalformedCodeError if it holds no code or several replies.

    A text that starts with a code is read from there and the words after the codes are
    ignored (``550 5.1.1 User unknown``); any other text is searched for the reply it holds.
    """
    cat = catalogue or get_catalogue()
    words = text.split()
    if not words:
        raise MalformedCodeError("no code given: write a code such as 553 or 5.1.1")
    if any(word.lower() in ("vs", "vs.") for word in words):
        return _comparison(words, cat)
    leading = _strict_reply(words, cat)
    if leading is not None:
        return leading
    found = find(text, cat)
    replies = list(dict.fromkeys(item.shortcode for item in found))
    if len(replies) == 1:
        return replies[0]
    if len(replies) > 1:
        raise MalformedCodeError(
            f"{len(replies)} different replies in one text ({', '.join(r.label for r in replies)})"
            ": give one, or pipe the text to 'smtpcodes explain -'")
    if len(words) == 1:
        cat.normalise(words[0])  # raises, with a suggestion when one is close
    raise MalformedCodeError(f"no SMTP code found in {_short(text)}: {_EXPECTED}")


def _comparison(words: list[str], cat: Catalogue) -> Shortcode:
    """``235 vs 553``, or two replies compared through the codes that say why
    (``550 5.1.1 vs 550 5.7.1`` compares 5.1.1 and 5.7.1)."""
    separators = [i for i, word in enumerate(words) if word.lower() in ("vs", "vs.")]
    if len(separators) > 1 or separators[0] in (0, len(words) - 1):
        raise MalformedCodeError(
            "a comparison takes exactly two codes (235 vs 553) or two replies "
            "(550 5.1.1 vs 550 5.7.1)")
    at = separators[0]
    return Shortcode("compare", (_compared(words[:at], cat), _compared(words[at + 1:], cat)))


def _compared(words: list[str], cat: Catalogue) -> str:
    """One side of a comparison: its code, or the most specific code of its reply."""
    found = _strict_reply(words, cat)
    if found is None:
        cat.normalise(words[0])  # raises, with a suggestion when one is close
        raise MalformedCodeError(f"no SMTP code found in {_short(' '.join(words))}: {_EXPECTED}")
    return most_specific(found, cat)


def _strict_reply(words: list[str], cat: Catalogue) -> Shortcode | None:
    """The reply a text starts with, checked strictly (``550 5.1`` is an error, not 550 and
    some text); None when the first word is no code at all."""
    first, glued = _unprefixed(words[0])
    rest = words[1:]
    if first == "" and glued and rest:  # "smtp;" then "550"
        first, rest = rest[0], rest[1:]
    first = first.strip(_QUOTES)
    if _is_any_class(first):
        return _any_class(first, cat)
    basic, second = _split_glued(first)
    if basic is None and not _attempted(first):
        return None
    head = cat.normalise(basic or first)
    if second is None and rest and _attempted(_bare(rest[0])):
        second, rest = _bare(rest[0]), rest[1:]
    if second and not second[:1].isdigit():
        second = None  # "550-Mailbox unavailable": text after a continuation hyphen
    if second is None:
        return Shortcode("single", (head,))
    tail = cat.normalise(second)
    if rest and _is_code(rest[0].strip(_QUOTES)):
        raise MalformedCodeError(f"three codes in {_short(' '.join(words))}: {_EXPECTED}")
    return _pair(head, tail)


def _pair(first: str, second: str) -> Shortcode:
    kinds = (_codes.is_enhanced(first), _codes.is_enhanced(second))
    if kinds == (False, True):
        return Shortcode("reply", (first, second))
    if kinds == (True, False):
        return Shortcode("reply", (second, first))
    raise MalformedCodeError(
        f"{first} {second}: {_EXPECTED}; a reply is one basic and one enhanced code")


def _unprefixed(word: str) -> tuple[str, bool]:
    """``smtp;550`` → (``550``, True), ``dsn=5.1.1`` → (``5.1.1``, True), ``550`` → (``550``,
    False)."""
    for separator in ";=:":
        name, found, rest = word.partition(separator)
        if found and name.lower() in _PREFIXES:
            return rest, True
    return word, False


def _split_glued(word: str) -> tuple[str | None, str | None]:
    """``550-5.1.1`` → (``550``, ``5.1.1``); ``550-`` → (``550``, None); else (None, None)."""
    if len(word) >= 4 and word[3] == "-" and _codes.is_ascii_digits(word[:3]):
        return word[:3], word[4:] or None
    return None, None


def _is_any_class(word: str) -> bool:
    return word[:2] in ("X.", "x.") and _codes.is_enhanced_shape("2" + word[1:])


def _any_class(word: str, cat: Catalogue) -> Shortcode:
    """``X.1.1``: the subject and detail in every class the catalogue defines them in, so the
    classes in which the registry does not use them show up too, marked as such."""
    key = _codes.normalise("2" + word[1:])[2:]
    defined = [code for code in (f"{cls}.{key}" for cls in (2, 4, 5)) if cat.defines(code)]
    if not defined:
        raise UnknownCodeError(
            f"unknown SMTP code {word!r}: no standard or custom catalogue defines {key} in any "
            "class")
    return Shortcode("classes", tuple(defined))


def _bare(word: str) -> str:
    """A word without the quotes, brackets and Python bytes prefix around a code: Python's
    ``smtplib`` errors print the reply text as ``b'5.1.1 …'``."""
    word = word.strip(_QUOTES)
    if word[:2] in ("b'", 'b"'):
        word = word[2:]
    return word


def _attempted(word: str) -> bool:
    """Digits and dots only: meant as a code, so an error if it is not a well-formed one."""
    return bool(word) and all(c in "0123456789." for c in word)


def _is_code(word: str) -> bool:
    return _codes.is_basic(word) or _codes.is_enhanced_shape(word)


class OwnDetail(NamedTuple):
    """An enhanced code that is the server's own, and the code that explains it instead."""

    code: str  # 5.7.139
    shown: str  # 535, the reply code it came with; or 5.7.0, its subject's undefined detail


def own_detail(shortcode: Shortcode, cat: Catalogue) -> OwnDetail | None:
    """A pasted enhanced code that no catalogue defines although its subject is registered:
    a server's own detail (Microsoft 365's ``535 5.7.139``, ``451 4.7.500``, a bare ``5.7.57``).
    It is explained through its reply code, or alone through ``X.Y.0``, the subject's
    "other or undefined" detail; None for anything else."""
    if shortcode.kind == "reply":
        enhanced, shown = shortcode.codes[1], shortcode.codes[0]
    elif shortcode.kind == "single" and _codes.is_enhanced(shortcode.codes[0]):
        enhanced = shortcode.codes[0]
        shown = enhanced.rsplit(".", 1)[0] + ".0"
    else:
        return None
    if cat.defines(enhanced) or not cat.defines(shown) or class_and_subject(enhanced) is None:
        return None
    return OwnDetail(enhanced, shown)


def most_specific(shortcode: Shortcode, cat: Catalogue) -> str:
    """The one code ``lookup`` answers for a text: the enhanced code of a reply (it says why)
    unless it is the server's own, then the code that explains it (``own_detail``); for ``X.1.1``
    the most severe class the registry uses it in (5.1.1; 2.1.5 for X.1.5); a comparison has no
    single answer."""
    own = own_detail(shortcode, cat)
    if own is not None:
        return own.shown
    if shortcode.kind == "compare":
        raise MalformedCodeError(
            f"{shortcode.label} names two codes: use smtpcodes.compare() for a comparison")
    if shortcode.kind == "classes":
        used = [code for code in shortcode.codes if _in_use(cat.lookup(code))]
        return (used or list(shortcode.codes))[-1]
    return shortcode.codes[-1]


def _in_use(entry: Entry) -> bool:
    return entry.source != "unused" and (
        not entry.usual_classes or entry.reply_class in entry.usual_classes)


# --- replies in running text -------------------------------------------------------------------

def find(text: str, catalogue: Catalogue | None = None) -> list[Found]:
    """Every distinct reply in a bounce, a log or a terminal session, in order of appearance.

    A reply repeated (a multi-line reply, a bounce that quotes it twice) is listed once, and a
    lone enhanced code is dropped when a reply found in the same text carries it
    (``dsn=5.1.1`` beside ``said: 550 5.1.1``).
    """
    cat = catalogue or get_catalogue()
    found: dict[Shortcode, Found] = {}
    for number, line in enumerate(text.splitlines(), 1):
        words = line.split()
        at = 0
        for i, word in enumerate(words):
            at = line.find(word, at)
            shortcode = _reply_in_text(words, i, cat)
            if shortcode is not None and shortcode not in found:
                start = at + max(word.rfind(shortcode.codes[0]), 0)  # not "'" or "smtp;"
                shown = " ".join(line[start:start + _SHOWN].split())
                found[shortcode] = Found(number, shortcode, shown)
            at += len(word)
    carried = {code for s in found if s.kind == "reply" for code in s.codes}
    return [item for s, item in found.items() if s.kind != "single" or s.codes[0] not in carried]


def _reply_in_text(words: list[str], i: int, cat: Catalogue) -> Shortcode | None:
    """The reply starting at word ``i`` of a line, if a reply may start there; lenient: a
    malformed or unknown-looking word is simply not a reply."""
    word, prefixed = _unprefixed(words[i])
    in_json = not prefixed and '":' in word
    if in_json:  # '{"reason":"550 5.1.1 …' written without spaces: the value starts here
        key, _, word = word.rpartition('":')
        if not any(name in key.rsplit('"', 1)[-1].lower() for name in _JSON_KEYS):
            return None  # '"version":"4.5.1"': not a reply's field
    needs_enhanced = False
    if prefixed:
        if not word:  # "smtp;" "550": the next word is judged as one after a ';'
            return None
    elif in_json or not _reply_may_start(words, i):
        opener = word[:1]
        if opener and opener in _QUOTE_OPENERS:
            # '"354" but got "554"': a number quoted on its own is a value, not a reply
            needs_enhanced = word.rstrip(",.;:)]}")[-1:] in "\"'`"
        elif in_json or (opener and opener in _BRACKET_OPENERS) or words[i - 1][-1:] in ":;":
            # '"size":250', '(250 bytes)', '4 pm; 250 people', 'Content-Length: 250': numbers;
            # 'MessagingException: 550 5.1.1': a whole reply
            needs_enhanced = True
        else:
            return None
    word = _bare(word).rstrip(".:")
    basic, second = _split_glued(word)
    head = basic or word
    if not _is_code(head):
        return None
    if second is None and i + 1 < len(words):
        second = _bare(words[i + 1]).rstrip(".:")
    if second is not None and _codes.is_enhanced_shape(second) and not _codes.is_enhanced(head):
        return Shortcode("reply", (head, _codes.normalise(second)))
    if needs_enhanced and not _codes.is_enhanced(head):
        return None  # a lone number where only a whole reply may start
    return Shortcode("single", (_codes.normalise(head),))


def _reply_may_start(words: list[str], i: int) -> bool:
    if i == 0 or _quoted_line_start(words, i):
        return True
    before = words[i - 1]
    if before.endswith(";"):  # "smtp; 550"; after any other ';' only a whole reply counts
        return before[:-1].lower() in _PREFIXES
    if not before.endswith(":"):
        return False
    if i == 1 and _is_header_name(before[:-1]):
        return before[:-1].lower() in _REPLY_HEADERS
    return True


def _quoted_line_start(words: list[str], i: int) -> bool:
    """``> 550 5.1.1`` or ``> > 550``: a reply quoted in a forwarded bounce starts its line
    behind the quote marks (three levels at most, so each word costs a bounded look); so does
    a server's line in a session transcript (Sendmail's ``<<< 550``, Exim's ``SMTP<< 550``)."""
    return 0 < i <= 3 and all(set(word) <= {">"} or word.endswith("<<") for word in words[:i])


def _is_header_name(word: str) -> bool:
    return bool(word) and word.isascii() and all(c.isalnum() or c == "-" for c in word)


def _short(text: str) -> str:
    shown = " ".join(text.split())
    return repr(shown if len(shown) <= 60 else shown[:57] + "...")
