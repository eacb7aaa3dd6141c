"""The catalogue: every SMTP reply code and enhanced status code, with texts per language.

Facts that do not depend on language (class, references, related codes, enum constant) live in
``data/codes.json``; texts live in ``locales/<lang>/`` (``labels.json``, ``basic.json``,
``enhanced.json``), so a new language is a new folder and nothing else. Files are read on first
use and kept for the life of the process: the flake8 plugin and MkDocs pay for them once.

Only ``os`` (loaded by every interpreter start) is imported at module level: ``lookup("553")``
must cost little more than starting Python. Custom files, suggestions and pasted replies are
handled in their own modules, imported when first needed.
"""

from __future__ import annotations

import os

from . import codes as _codes
from . import datafile
from .errors import MalformedCodeError, UnknownCodeError, UnknownLanguageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from typing import Any

    from .custom import CustomEntry

PathLike = str | os.PathLike[str]

_HERE = os.path.dirname(os.path.abspath(__file__))
_FACTS_FILE = os.path.join(_HERE, "data", "codes.json")
_LOCALES = os.path.join(_HERE, "locales")
IANA_REGISTRY_URL = "https://www.iana.org/assignments/smtp-enhanced-status-codes"

TEXT_FIELDS = ("name", "description", "when", "fix", "note")

_FILES: dict[str, Any] = {}
_LANGUAGES: list[tuple[str, ...]] = []
_MERGED_LABELS: dict[str, dict[str, Any]] = {}


def _file(path: str, missing_ok: bool = False) -> dict[str, Any]:
    """A data file, parsed once per process; ``{}`` for an absent optional one."""
    data = _FILES.get(path)
    if data is None:
        try:
            data = datafile.load(path)
        except FileNotFoundError:
            if not missing_ok:
                raise
            data = {}
        _FILES[path] = data
    return data


def _facts() -> dict[str, Any]:
    return _file(_FACTS_FILE)


def _locale_part(lang: str, part: str) -> dict[str, Any]:
    if lang not in languages():
        raise UnknownLanguageError(
            f"unknown language {lang!r}: available are {', '.join(languages())}"
        )
    return _file(os.path.join(_LOCALES, lang, f"{part}.json"), missing_ok=True)


def languages() -> tuple[str, ...]:
    """Languages with a locale folder; English first, since every other falls back to it."""
    if not _LANGUAGES:
        found = sorted(name for name in os.listdir(_LOCALES)
                       if os.path.exists(os.path.join(_LOCALES, name, "labels.json")))
        _LANGUAGES.append(tuple(sorted(found, key=lambda lang: lang != "en")))
    return _LANGUAGES[0]


def labels(lang: str = "en") -> dict[str, Any]:
    """Interface strings (section titles, class names, sentence templates) for ``lang``."""
    own = _locale_part(lang, "labels")
    if lang == "en":
        return own
    merged = _MERGED_LABELS.get(lang)
    if merged is None:
        merged = _MERGED_LABELS[lang] = _deep_merge(_locale_part("en", "labels"), own)
    return merged


def _deep_merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


class Reference:
    """A document that defines or discusses a code, with a link to the exact section."""

    __slots__ = ("document", "section", "url")

    def __init__(self, document: str, section: str = "", url: str = "") -> None:
        self.document = document
        self.section = section
        self.url = url or _reference_url(document, section)

    @property
    def title(self) -> str:
        return f"{self.document} §{self.section}" if self.section else self.document

    def __repr__(self) -> str:
        return f"Reference({self.title!r}, {self.url!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Reference) and (self.title, self.url) == (other.title, other.url)

    def __hash__(self) -> int:
        return hash((self.title, self.url))


def _reference_url(document: str, section: str) -> str:
    if document.startswith("RFC "):
        url = f"https://www.rfc-editor.org/rfc/rfc{document[4:]}"
        return f"{url}#section-{section}" if section else url
    if document.startswith("draft-"):
        return f"https://datatracker.ietf.org/doc/{document}"
    if document == "IANA":
        return IANA_REGISTRY_URL
    return ""


class Entry:
    """One code explained in one language. Attribute names are the public API."""

    __slots__ = (
        "code", "kind", "lang", "name", "description", "when", "fix", "note",
        "reply_class", "class_name", "category", "category_name", "status_class_name",
        "references", "related", "constant", "commands", "associated", "usual_classes",
        "deprecated", "source",
    )

    code: str
    kind: str
    lang: str
    name: str
    description: str
    when: str
    fix: str
    note: str
    reply_class: int
    class_name: str
    category: int
    category_name: str
    status_class_name: str
    references: tuple[Reference, ...]
    related: tuple[str, ...]
    constant: str | None
    commands: tuple[str, ...]
    associated: tuple[str, ...]
    usual_classes: tuple[int, ...]
    deprecated: bool
    source: str

    def __init__(self, **fields: Any) -> None:
        for key in self.__slots__:
            setattr(self, key, fields[key])

    @property
    def class_label(self) -> str:
        """``2xx``, ``3xx``, ``4xx`` or ``5xx``: the CSS class suffix and the short class name."""
        return f"{self.reply_class}xx"

    def as_dict(self) -> dict[str, Any]:
        data = {key: getattr(self, key) for key in self.__slots__}
        data["references"] = [{"title": r.title, "url": r.url} for r in self.references]
        for key in ("related", "commands", "associated", "usual_classes"):
            data[key] = list(data[key])
        return data

    def __repr__(self) -> str:
        """Enough to tell entries apart in a debugger: code, name, language and provenance."""
        flags = "".join(f", {flag}=True" for flag in ("deprecated",) if getattr(self, flag))
        return (f"Entry(code={self.code!r}, name={self.name!r}, lang={self.lang!r}, "
                f"source={self.source!r}{flags})")


class Catalogue:
    """The standard catalogue, optionally extended or overridden by a user's file.

    Every front end (Markdown, MkDocs, Sphinx, flake8, CLI) builds one of these from the same
    optional file, so a provider's own codes explain themselves everywhere alike.
    """

    def __init__(self, custom: PathLike | None = None) -> None:
        self.custom_path = os.fspath(custom) if custom is not None else None
        self._custom: dict[str, CustomEntry] = {}
        if self.custom_path:
            from .custom import load_custom

            self._custom = load_custom(self.custom_path, Catalogue())
        self._entries: dict[tuple[str, str], Entry] = {}
        self._codes: list[str] | None = None
        self.suggestion_index: object = None  # built by smtpcodes.suggest on the first miss

    def __contains__(self, code: object) -> bool:
        """``"553" in catalogue``: defined here, well-formed or not, without building texts."""
        try:
            return self.defines(_codes.normalise(code))
        except ValueError:
            return False

    def normalise(self, code: str | int) -> str:
        """Canonical text of ``code``; the MalformedCodeError suggests a defined code."""
        try:
            return _codes.normalise(code)
        except MalformedCodeError as error:
            from .suggest import malformed_hint

            raise MalformedCodeError(f"{error}{malformed_hint(str(code).strip(), self)}") from None

    def lookup(self, code: str | int, lang: str = "en") -> Entry:
        """Explain ``code`` in ``lang``; raise UnknownCodeError or MalformedCodeError.

        Besides a code it takes a reply as pasted from a bounce or a log (``550-5.1.1``,
        ``smtp; 550 5.1.1 User unknown``) and ``X.1.1``: see ``smtpcodes.replies``.
        """
        try:
            text = _codes.normalise(code)
        except MalformedCodeError:
            if not isinstance(code, str) or not code.strip():
                raise
            from .replies import most_specific, parse

            text = most_specific(parse(code, self), self)
        key = (text, lang)
        entry = self._entries.get(key)
        if entry is None:
            labels(lang)  # fail early, and by name, for an unknown language
            entry = self._entries[key] = self._build(text, lang)
        return entry

    def defines(self, code: str) -> bool:
        """Whether a normalised code exists here, without building its entry."""
        if _codes.is_enhanced(code):
            return code.split(".", 1)[1] in _facts()["enhanced"] or code in self._custom
        return code in _facts()["basic"] or code in self._custom

    def codes(self, reply_class: int | None = None, kind: str | None = None) -> list[str]:
        """Every code, basic codes first, each enhanced code once per class (2, 4, 5)."""
        if self._codes is None:
            facts = _facts()
            every = set(facts["basic"])
            every.update(f"{cls}.{key}" for key in facts["enhanced"] for cls in (2, 4, 5))
            every.update(self._custom)
            self._codes = sorted(every, key=sort_key)
        found = self._codes
        if kind is not None:
            found = [c for c in found if _codes.is_enhanced(c) == (kind == "enhanced")]
        if reply_class is not None:
            found = [c for c in found if _codes.reply_class(c) == reply_class]
        return list(found)

    def entries(self, lang: str = "en", **filters: Any) -> Iterator[Entry]:
        for code in self.codes(**filters):
            yield self.lookup(code, lang)

    def _build(self, code: str, lang: str) -> Entry:
        custom = self._custom.get(code)
        if not self.defines(code):
            from .suggest import unknown_message

            raise UnknownCodeError(unknown_message(code, self))
        if _codes.is_enhanced(code):
            fields = _enhanced_fields(code, lang)
        else:
            fields = _basic_fields(code, lang)
        if custom is not None:
            fields = custom.apply(fields, lang)
        return Entry(code=code, lang=lang, **fields)


def sort_key(code: str) -> tuple[int, ...]:
    """Basic codes first by number, then enhanced codes by subject, detail and class."""
    if _codes.is_enhanced(code):
        cls, subject, detail = (int(p) for p in code.split("."))
        return (1, subject, detail, cls)
    return (0, int(code))


def _texts(lang: str, part: str, key: str, section: str | None = None,
           cls: str | None = None) -> dict[str, str]:
    """Texts of one code in ``lang``, falling back to English field by field.

    An enhanced entry may hold per-class texts under ``"2"``, ``"4"`` or ``"5"``: they replace
    the detail's own texts for that class, language by language, so a partly translated
    language still shows its own words before English ones.
    """
    def pick(language: str) -> list[dict[str, str]]:
        table = _locale_part(language, part)
        table = table.get(section, {}) if section else table
        found: dict[str, Any] = table.get(key, {})
        own = {k: v for k, v in found.items() if isinstance(v, str)}
        return [own, found.get(cls, {})] if cls else [own]

    layers = pick("en") if lang == "en" else pick("en") + pick(lang)
    merged: dict[str, str] = {}
    for layer in layers:
        merged.update(layer)
    return merged


def _empty_fields() -> dict[str, Any]:
    return {
        "note": "", "constant": None, "commands": (), "associated": (), "usual_classes": (),
        "deprecated": False, "source": "standard", "status_class_name": "",
    }


def _basic_fields(code: str, lang: str) -> dict[str, Any]:
    facts = _facts()["basic"].get(code)
    words = labels(lang)
    cls = int(code[0])
    fields = _empty_fields()
    fields.update(kind="basic", reply_class=cls, class_name=words["classes"][str(cls)],
                  category=int(code[1]), category_name=words["categories"][code[1]])
    if facts is None:  # a custom code: the custom layer fills the texts
        fields.update(name="", description="", when="", fix="", references=(), related=())
        fields["source"] = "custom"
        return fields
    texts = _texts(lang, "basic", code)
    refs = [Reference(r["doc"], r["section"]) for r in facts["refs"]]
    if facts.get("iana_only"):
        refs.append(Reference("IANA"))
        fields["source"] = "iana-only"
    fields.update(
        name=texts["name"], description=texts["description"], when=texts["when"],
        fix=texts["fix"], note=texts.get("note", ""), references=tuple(refs),
        related=tuple(facts["related"]), constant=facts["constant"],
        commands=tuple(facts["commands"]), deprecated=bool(facts.get("deprecated")),
    )
    return fields


def _enhanced_fields(code: str, lang: str) -> dict[str, Any]:
    cls_digit, subject, detail = code.split(".")
    cls = int(cls_digit)
    key = f"{subject}.{detail}"
    words = labels(lang)
    subject_texts = _texts(lang, "enhanced", subject, "subjects")
    class_texts = _texts(lang, "enhanced", cls_digit, "classes")
    fields = _empty_fields()
    fields.update(kind="enhanced", reply_class=cls, class_name=words["classes"][cls_digit],
                  category=int(subject), category_name=subject_texts.get("name", ""),
                  status_class_name=class_texts.get("name", ""))
    facts = _facts()["enhanced"].get(key)
    if facts is None:
        fields.update(name="", description="", when="", fix="", references=(), related=())
        fields["source"] = "custom"
        return fields
    usual = tuple(facts["usual"])
    detail_texts = _texts(lang, "enhanced", key, "codes")
    texts = _texts(lang, "enhanced", key, "codes", cls_digit)
    if cls not in usual:
        fields["source"] = "unused"
        if texts == detail_texts:  # no hand-written texts for this class (2.1.0 has some)
            texts = _unused_texts(code, usual, detail_texts, words)
    refs = [Reference(r["doc"], r["section"]) for r in facts["refs"]] + [Reference("IANA")]
    associated = tuple(str(c) for c in facts["basic"])
    replies = tuple(c for c in associated if c.isdigit())  # "5XX" names a class, not a code
    pointing_here = tuple(c for c in _basic_codes_relating_to(code) if c not in replies)
    siblings = tuple(f"{c}.{key}" for c in usual if c != cls)
    fields.update(
        name=texts["name"], description=texts["description"], when=texts["when"],
        fix=texts["fix"], note=texts.get("note", ""), references=tuple(refs),
        related=siblings + replies + pointing_here + tuple(
            _in_class(cls, r) for r in facts["related"]),
        associated=associated, usual_classes=usual, deprecated="deprecated_by" in facts,
    )
    return fields


def class_and_subject(code: str, lang: str = "en") -> tuple[str, str] | None:
    """Names of the class and subject of an enhanced code whose detail no catalogue defines
    (Microsoft 365's ``5.7.139``): RFC 3463 gives them a meaning whatever the detail. None when
    the subject is not registered either (``5.9.1``)."""
    cls, subject, _ = code.split(".")
    if subject not in _locale_part("en", "enhanced")["subjects"]:
        return None
    return (_texts(lang, "enhanced", cls, "classes")["name"],
            _texts(lang, "enhanced", subject, "subjects")["name"])


def _in_class(cls: int, key: str) -> str:
    """``key`` (``1.3``) as a code of class ``cls``, or of a class the registry gives it."""
    usual = _facts()["enhanced"][key]["usual"]
    return f"{cls if cls in usual or not usual else usual[-1]}.{key}"


def _unused_texts(code: str, usual: tuple[int, ...], texts: dict[str, str],
                  words: dict[str, Any]) -> dict[str, str]:
    """Texts for a class no standard gives this detail (2.1.1, 5.4.1): what the mismatch
    means for the sender, then what the detail means in the classes it is registered for."""
    cls = int(code[0])
    if cls == 2:
        case = "2-failure"
    elif usual == (2,):
        case = f"{cls}-success"
    else:
        case = "4-permanent" if cls == 4 else "5-transient"
    rest = code.split(".", 1)[1]
    values = {
        "code": code, "detail": f"X.{rest}", "name": texts["name"],
        "usual": words["unused"]["and"].join(f"{c}.{rest}" for c in usual),
        "meaning": texts["description"],
    }
    template = words["unused"][case]
    return {"name": texts["name"], **{field: template[field].format(**values)
                                      for field in ("description", "when", "fix", "note")}}


def _basic_codes_relating_to(code: str) -> tuple[str, ...]:
    """Basic codes whose entry lists ``code`` as related, so relations read both ways."""
    found = _RELATING.get(code)
    if found is None:
        found = _RELATING[code] = tuple(
            basic for basic, facts in _facts()["basic"].items() if code in facts["related"])
    return found


_RELATING: dict[str, tuple[str, ...]] = {}


# --- module-level API --------------------------------------------------------------------------

_DEFAULT: list[Catalogue] = []
#: One catalogue per custom file, with the file's state when it was read: an edited file
#: replaces its entry, so ``mkdocs serve`` keeps one catalogue per file however often it changes.
_CUSTOM: dict[str, tuple[tuple[int, int, int], Catalogue]] = {}


def get_catalogue(custom: PathLike | Catalogue | None = None) -> Catalogue:
    """The shared catalogue for ``custom`` (a path, a Catalogue, or None for the standard one).

    Custom catalogues are cached by path and re-read when the file's modification time, size
    or inode changes, so an edited file is picked up by ``mkdocs serve`` but a build reads each
    file once.
    """
    if isinstance(custom, Catalogue):
        return custom
    if custom is None or custom == "":
        if not _DEFAULT:
            _DEFAULT.append(Catalogue())
        return _DEFAULT[0]
    path = os.path.abspath(os.fspath(custom))
    try:
        status = os.stat(path)
        stamp = (status.st_mtime_ns, status.st_size, status.st_ino)
    except OSError:
        stamp = (-1, -1, -1)
    cached = _CUSTOM.get(path)
    if cached is None or cached[0] != stamp:
        cached = _CUSTOM[path] = (stamp, Catalogue(os.fspath(custom)))
    return cached[1]


def lookup(code: str | int, lang: str = "en",
           catalogue: PathLike | Catalogue | None = None) -> Entry:
    """Explain one code: ``lookup(553)``, ``lookup("5.1.1", lang="zh")``, or the most specific
    code of a pasted reply, ``lookup("550 5.1.1 User unknown")``."""
    return get_catalogue(catalogue).lookup(code, lang)
