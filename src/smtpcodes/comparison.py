"""Two codes side by side: what tells them apart, as data the renderer and the CLI both lay out.

Every sentence comes from the catalogue's facts (class, commands, groups, the registry's
pairings, flags), so any pair gets a comparison; well-known pairs add hand-written notes from
``locales/<lang>/pairs.json``.
"""

from __future__ import annotations

from typing import Any

from .catalogue import Catalogue, Entry, PathLike, Reference, _locale_part, get_catalogue, labels

#: Where a command falls in a session; commands missing here (VRFY, NOOP, ...) may come anywhere.
_PHASE = {"CONNECT": 0, "EHLO": 1, "HELO": 1, "STARTTLS": 2, "AUTH": 3, "MAIL": 4, "RCPT": 5,
          "DATA": 6, "BDAT": 6, "QUIT": 7}


class Comparison:
    """Two entries and the sentences that tell them apart, all in one language."""

    __slots__ = ("a", "b", "title", "summary", "differences", "which")

    def __init__(self, a: Entry, b: Entry, title: str, summary: str, differences: list[str],
                 which: list[str]) -> None:
        self.a = a
        self.b = b
        self.title = title
        self.summary = summary
        self.differences = differences
        self.which = which

    @property
    def same_class(self) -> bool:
        return self.a.reply_class == self.b.reply_class

    @property
    def classes(self) -> tuple[str, str]:
        return (self.a.class_name, self.b.class_name)

    @property
    def references(self) -> tuple[Reference, ...]:
        """Both codes' references, each once, in order."""
        return tuple(dict.fromkeys((*self.a.references, *self.b.references)))

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title, "summary": self.summary, "a": self.a.as_dict(),
            "b": self.b.as_dict(), "classes": list(self.classes), "same_class": self.same_class,
            "differences": list(self.differences), "which": list(self.which),
            "references": [{"title": r.title, "url": r.url} for r in self.references],
        }

    def __repr__(self) -> str:
        return (f"<Comparison {self.a.code} vs {self.b.code} ({self.a.lang}): "
                f"{self.a.class_name} vs {self.b.class_name}>")


def compare(a: str | int, b: str | int, lang: str = "en",
            catalogue: PathLike | Catalogue | None = None) -> Comparison:
    """Explain how ``a`` and ``b`` differ: ``compare("235", "553")``."""
    cat = get_catalogue(catalogue)
    first, second = cat.lookup(a, lang), cat.lookup(b, lang)
    words = labels(lang)["compare"]
    names = [first.name, second.name] if first.name != second.name else [first.name]
    title = words["title"].format(a=first.code, b=second.code, names=words["vs"].join(names))
    pair = _pair_notes(lang, first.code, second.code)
    differences = [_by_class(first, second, words, "classes", "retry")]
    differences += _kinds(first, second, words)
    differences += _commands(first, second, words, lang)
    differences += _groups(first, second, words)
    differences += _shared_enhanced(first, second, cat, words)
    differences += _flag_lines(first, second, words)
    if pair.get("relation"):
        differences.append(pair["relation"])
    which = _expect(first, second, words, lang)
    which += _together(first, second, words)
    if pair.get("which"):
        which.append(pair["which"])
    summary = _by_class(first, second, words, "summary", "outcome")
    return Comparison(first, second, title, summary,
                      list(dict.fromkeys(differences)), list(dict.fromkeys(which)))


def _by_class(a: Entry, b: Entry, words: dict[str, Any], key: str, phrases: str) -> str:
    """One sentence about both classes: ``{key}_same`` when they agree, else ``_different``."""
    phrase = words[phrases]
    agree = "same" if a.reply_class == b.reply_class else "different"
    return str(words[f"{key}_{agree}"].format(
        a=a.code, b=b.code, name_a=a.name, name_b=b.name, class_a=a.class_name,
        class_b=b.class_name, phrase_a=phrase[str(a.reply_class)],
        phrase_b=phrase[str(b.reply_class)]))


def _kinds(a: Entry, b: Entry, words: dict[str, Any]) -> list[str]:
    """How a basic code and an enhanced code relate: a registered pairing, or not, or never."""
    if a.kind == b.kind:
        return []
    basic, enhanced = (a, b) if a.kind == "basic" else (b, a)
    replies = _replies(enhanced, words)
    values = {"basic": basic.code, "enhanced": enhanced.code,
              "associated": _joined(replies, words)}
    if basic.reply_class != enhanced.reply_class:
        key = "kinds_clash"
    elif basic.code in enhanced.associated:
        key = "kinds_paired"
    else:
        key = "kinds_unpaired" if replies else "kinds_unpaired_none"
    return [words[key].format(**values)]


def _commands(a: Entry, b: Entry, words: dict[str, Any], lang: str) -> list[str]:
    """Commands both basic codes answer, or which of them comes first in a session."""
    if a.kind != "basic" or b.kind != "basic" or not a.commands or not b.commands:
        return []
    shared = [c for c in a.commands if c in b.commands and c != "*"]
    if shared:
        return [words["commands_shared"].format(
            a=a.code, b=b.code, commands=_joined(_command_names(shared, lang), words))]
    phases = [[_PHASE[c] for c in e.commands if c in _PHASE] for e in (a, b)]
    if not all(phases) or "*" in a.commands + b.commands:
        return []
    order = sorted(((a, phases[0]), (b, phases[1])), key=lambda item: min(item[1]))
    (first, first_phases), (second, second_phases) = order
    if max(first_phases) >= min(second_phases):
        return []
    return [words["order"].format(
        first=first.code, second=second.code,
        commands_first=_joined(_command_names(
            [c for c in first.commands if c in _PHASE], lang), words, "and"),
        commands_second=_joined(_command_names(
            [c for c in second.commands if c in _PHASE], lang), words, "and"))]


def _groups(a: Entry, b: Entry, words: dict[str, Any]) -> list[str]:
    """The second digit: the reply's group for basic codes, the subject for enhanced ones."""
    if a.kind != b.kind:
        return []
    kind = "categories" if a.kind == "basic" else "subjects"
    same = a.category == b.category
    if a.kind == "enhanced" and same and a.code.split(".")[2] == b.code.split(".")[2]:
        return [words["same_detail"].format(detail="X." + a.code.split(".", 1)[1],
                                            name=a.name)]
    key = f"{kind}_same" if same else f"{kind}_different"
    return [words[key].format(a=a.code, b=b.code, group_a=a.category_name,
                              group_b=b.category_name, digit_a=a.category,
                              digit_b=b.category)]


def _shared_enhanced(a: Entry, b: Entry, cat: Catalogue, words: dict[str, Any]) -> list[str]:
    """Enhanced codes the registry pairs with both basic codes (550 and 553: 5.6.7, 5.6.8)."""
    if a.kind != "basic" or b.kind != "basic" or a.reply_class != b.reply_class:
        return []
    shared = [code for code in cat.codes(a.reply_class, kind="enhanced")
              if {a.code, b.code} <= set(cat.lookup(code, a.lang).associated)]
    if not shared:
        return []
    return [words["shared_enhanced"].format(codes=_joined(shared, words, "and"))]


def _flags(entry: Entry) -> list[str]:
    flags = [entry.source] if entry.source in ("iana-only", "unused") else []
    return flags + (["deprecated"] if entry.deprecated else [])


def _flag_lines(a: Entry, b: Entry, words: dict[str, Any]) -> list[str]:
    """What sets a code apart from the standard ones; said once when both share it."""
    shared = [f for f in _flags(a) if f in _flags(b)]
    lines = [words["flags_both"][flag] for flag in shared]
    return lines + [words["flags"][flag].format(code=e.code)
                    for e in (a, b) for flag in _flags(e) if flag not in shared]


def _expect(a: Entry, b: Entry, words: dict[str, Any], lang: str) -> list[str]:
    """Where a reader meets each code: the commands it answers, or the replies it comes with;
    one line for both when that is the same place (422 and 432 both answer AUTH)."""
    places = [_place(e, words, lang) for e in (a, b)]
    (key, context), other = places
    if key in ("expect_basic", "expect_enhanced") and other == places[0] and a.code != b.code:
        kind = key.split("_")[1]
        return [words[f"expect_both_{kind}"].format(a=a.code, b=b.code, context=context)]
    return [words[key].format(code=e.code, name=e.name, context=context, cls=e.reply_class)
            for e, (key, context) in zip((a, b), places, strict=True)]


def _place(entry: Entry, words: dict[str, Any], lang: str) -> tuple[str, str]:
    if entry.kind == "basic":
        context = _context(entry.commands, words, lang)
        return ("expect_basic" if context else "expect_nowhere"), context
    if entry.source == "unused":
        return "expect_unused", ""
    context = _joined(_replies(entry, words), words)
    return ("expect_enhanced" if context else "expect_report"), context


def _together(a: Entry, b: Entry, words: dict[str, Any]) -> list[str]:
    if a.kind == b.kind:
        return []
    basic, enhanced = (a, b) if a.kind == "basic" else (b, a)
    key = "together_clash" if basic.reply_class != enhanced.reply_class else "together"
    return [words[key].format(basic=basic.code, enhanced=enhanced.code, name=enhanced.name)]


def _context(commands: tuple[str, ...], words: dict[str, Any], lang: str) -> str:
    special = words["contexts"]
    parts = [special[c] for c in commands if c in special]
    plain = [c for c in commands if c not in special]
    if plain:
        parts.append(words["in_reply_to"].format(commands=_joined(
            _command_names(plain, lang), words)))
    return _joined(parts, words)


def _command_names(commands: list[str], lang: str) -> list[str]:
    names = labels(lang)["commands"]
    return [names.get(c, c) for c in commands]


def _replies(entry: Entry, words: dict[str, Any]) -> list[str]:
    """The basic codes the registry sends an enhanced code with, in its own class only; the
    registry's "5XX" (any reply of the class) reads as such."""
    own = [c for c in entry.associated if c[0] == str(entry.reply_class)]
    return [words["any_reply"].format(cls=c[0]) if c.endswith("XX") else c for c in own]


def _joined(items: list[str], words: dict[str, Any], last: str = "or") -> str:
    """``MAIL, RCPT or VRFY``: the list as a sentence says it, in the language's own words."""
    if len(items) < 2:
        return "".join(items)
    return str(words["list"].join(items[:-1]) + words[last] + items[-1])


def _pair_notes(lang: str, a: str, b: str) -> dict[str, str]:
    """Hand-written notes for a well-known pair, in either order, falling back to English."""
    key = " ".join(sorted((a, b)))
    notes: dict[str, str] = dict(_locale_part("en", "pairs").get(key, {}))
    if lang != "en":
        notes.update(_locale_part(lang, "pairs").get(key, {}))
    return notes
