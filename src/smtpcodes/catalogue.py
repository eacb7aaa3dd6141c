"""The catalogue: every SMTP reply code and enhanced status code, with texts per language.

Facts that do not depend on language (class, references, related codes, enum constant) live in
``data/codes.json``; texts live in ``locales/<lang>/`` (``labels.json``, ``basic.json``,
``enhanced.json``), so a new language is a new folder and nothing else. Files are read on first
use and kept for the life of the process: the flake8 plugin and MkDocs pay for them once.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any, Union

from . import codes as _codes
from .errors import CatalogueFileError, UnknownCodeError, UnknownLanguageError

PathLike = Union[str, "os.PathLike[str]"]

_HERE = Path(__file__).parent
_FACTS_FILE = _HERE / "data" / "codes.json"
_LOCALES = _HERE / "locales"
IANA_REGISTRY_URL = "https://www.iana.org/assignments/smtp-enhanced-status-codes"

TEXT_FIELDS = ("name", "description", "when", "fix", "note")


@cache
def _facts() -> dict[str, Any]:
    return _read_json(_FACTS_FILE)


@cache
def _locale_part(lang: str, part: str) -> dict[str, Any]:
    if lang not in languages():
        raise UnknownLanguageError(
            f"unknown language {lang!r}: available are {', '.join(languages())}"
        )
    path = _LOCALES / lang / f"{part}.json"
    return _read_json(path) if path.exists() else {}


@cache
def languages() -> tuple[str, ...]:
    """Languages with a locale folder; English first, since every other falls back to it."""
    found = sorted(p.name for p in _LOCALES.iterdir() if (p / "labels.json").exists())
    return tuple(sorted(found, key=lambda lang: lang != "en"))


def labels(lang: str = "en") -> dict[str, Any]:
    """Interface strings (section titles, class names, sentence templates) for ``lang``."""
    own = _locale_part(lang, "labels")
    return own if lang == "en" else _merged_labels(lang)


@cache
def _merged_labels(lang: str) -> dict[str, Any]:
    return _deep_merge(_locale_part("en", "labels"), _locale_part(lang, "labels"))


def _deep_merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _read_json(path: Path) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


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
        return f"<Entry {self.code} {self.name!r} ({self.lang})>"


class Catalogue:
    """The standard catalogue, optionally extended or overridden by a user's file.

    Every front end (Markdown, MkDocs, Sphinx, flake8, CLI) builds one of these from the same
    optional file, so a provider's own codes explain themselves everywhere alike.
    """

    def __init__(self, custom: PathLike | None = None) -> None:
        self.custom_path = os.fspath(custom) if custom is not None else None
        self._custom = _load_custom(self.custom_path) if self.custom_path else {}
        self._entries: dict[tuple[str, str], Entry] = {}

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
        except ValueError as error:
            hint = _suggest_malformed(str(code).strip(), self)
            raise type(error)(f"{error}{hint}") from None

    def lookup(self, code: str | int, lang: str = "en") -> Entry:
        """Explain ``code`` in ``lang``; raise UnknownCodeError or MalformedCodeError."""
        text = self.normalise(code)
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
        facts = _facts()
        found = list(facts["basic"])
        found += [f"{cls}.{key}" for key in facts["enhanced"] for cls in (2, 4, 5)]
        found += [code for code in self._custom if code not in found]
        if kind is not None:
            found = [c for c in found if _codes.is_enhanced(c) == (kind == "enhanced")]
        if reply_class is not None:
            found = [c for c in found if _codes.reply_class(c) == reply_class]
        return sorted(found, key=_sort_key)

    def entries(self, lang: str = "en", **filters: Any) -> Iterator[Entry]:
        for code in self.codes(**filters):
            yield self.lookup(code, lang)

    def _build(self, code: str, lang: str) -> Entry:
        custom = self._custom.get(code)
        if not self.defines(code):
            raise UnknownCodeError(_unknown_message(code, self))
        if _codes.is_enhanced(code):
            fields = _enhanced_fields(code, lang)
        else:
            fields = _basic_fields(code, lang)
        if custom is not None:
            fields = custom.apply(fields, lang)
        return Entry(code=code, lang=lang, **fields)


def _sort_key(code: str) -> tuple[int, ...]:
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


@cache
def _basic_codes_relating_to(code: str) -> tuple[str, ...]:
    """Basic codes whose entry lists ``code`` as related, so relations read both ways."""
    return tuple(basic for basic, facts in _facts()["basic"].items() if code in facts["related"])


# --- suggestions -------------------------------------------------------------------------------

def _unknown_message(code: str, catalogue: Catalogue) -> str:
    return (f"unknown SMTP code {code!r}: no standard or custom catalogue defines it"
            + _hint(_nearest(code, catalogue), catalogue))


def _hint(near: str | None, catalogue: Catalogue) -> str:
    if near is None:
        return ""
    return f"; did you mean {near} ({catalogue.lookup(near).name})?"


def _nearest(code: str, catalogue: Catalogue) -> str | None:
    """The closest defined code of the same kind: same class and subject first, then by digits."""
    known = catalogue.codes(kind="enhanced" if _codes.is_enhanced(code) else "basic")
    if _codes.is_enhanced(code):
        cls, subject, detail = (int(p) for p in code.split("."))
        same = [c for c in known if c.startswith(f"{cls}.{subject}.")]
        if same:
            return min(same, key=lambda c: abs(int(c.rsplit(".", 1)[1]) - detail))
    else:
        same = [c for c in known if c[:2] == code[:2]]
        if same:
            return min(same, key=lambda c: abs(int(c) - int(code)))
    import difflib

    close = difflib.get_close_matches(code, known, n=1, cutoff=0.6)
    return close[0] if close else None


def _suggest_malformed(text: str, catalogue: Catalogue) -> str:
    import difflib

    if text.count(".") == 1 and f"{text}.0" in catalogue.codes():  # 5.1 -> 5.1.0
        return _hint(f"{text}.0", catalogue)
    close = difflib.get_close_matches(text, catalogue.codes(), n=1, cutoff=0.7)
    return _hint(close[0], catalogue) if close else ""


# --- user catalogue files ---------------------------------------------------------------------

class _CustomEntry:
    """One entry of a user's file: texts per language plus optional links and related codes."""

    __slots__ = ("code", "texts", "default_lang", "references", "related")

    def __init__(self, code: str, texts: dict[str, dict[str, str]], default_lang: str,
                 references: tuple[Reference, ...], related: tuple[str, ...]) -> None:
        self.code = code
        self.texts = texts
        self.default_lang = default_lang
        self.references = references
        self.related = related

    def apply(self, fields: dict[str, Any], lang: str) -> dict[str, Any]:
        own = self.texts.get(lang, {})
        merged = dict(fields)
        if fields["source"] == "custom":  # a new code: the file's own language fills gaps
            merged.update(self.texts.get(self.default_lang, {}))
        merged.update(own)
        if self.references:
            merged["references"] = self.references + tuple(fields["references"])
        if self.related:
            merged["related"] = self.related + tuple(
                r for r in fields["related"] if r not in self.related)
        if own or self.references or self.related:
            merged["source"] = fields["source"] if fields["source"] == "custom" else "override"
        return merged


_ENTRY_KEYS = set(TEXT_FIELDS) | {"references", "related"}


def _load_custom(path: str) -> dict[str, _CustomEntry]:
    data = _read_custom_file(path)
    unknown = set(data) - {"lang", "codes"}
    if unknown:
        raise CatalogueFileError(
            f"{path}: unknown top-level key {sorted(unknown)[0]!r}; expected 'lang' and 'codes'")
    default_lang = data.get("lang", "en")
    if not isinstance(default_lang, str):
        raise CatalogueFileError(f"{path}: 'lang' must be a language code such as 'en'")
    table = data.get("codes", {})
    if not isinstance(table, dict):
        raise CatalogueFileError(f"{path}: 'codes' must be a table of entries keyed by code")
    entries: dict[str, _CustomEntry] = {}
    standard = Catalogue()
    for raw_code, body in table.items():
        where = f"{path}: entry {str(raw_code)!r}"
        try:
            code = _codes.normalise(str(raw_code))
        except ValueError as error:
            raise CatalogueFileError(f"{where}: {error}") from None
        entries[code] = _parse_custom_entry(code, body, default_lang, where,
                                            new=not standard.defines(code))
    return entries


def _parse_custom_entry(code: str, body: object, default_lang: str, where: str,
                        new: bool) -> _CustomEntry:
    if not isinstance(body, dict):
        raise CatalogueFileError(f"{where}: expected a table of fields (name, description, ...)")
    texts: dict[str, dict[str, str]] = {}
    base: dict[str, str] = {}
    for key, value in body.items():
        if isinstance(value, dict):
            if key not in languages():
                raise CatalogueFileError(
                    f"{where}: {key!r} is neither a field nor a language; languages are "
                    + ", ".join(languages()))
            texts[key] = _text_fields(value, f"{where}, language {key!r}")
        elif key in TEXT_FIELDS:
            base.update(_text_fields({key: value}, where))
        elif key not in _ENTRY_KEYS:
            raise CatalogueFileError(
                f"{where}: unknown field {key!r}; expected one of {', '.join(sorted(_ENTRY_KEYS))}"
                " or a table per language")
    if base:
        texts[default_lang] = {**base, **texts.get(default_lang, {})}
    if new:
        own = texts.get(default_lang, {})
        missing = [f for f in ("name", "description") if not own.get(f)]
        if missing:
            raise CatalogueFileError(
                f"{where}: a code the standard catalogue does not define needs "
                f"{' and '.join(repr(m) for m in missing)} (in language {default_lang!r})")
    return _CustomEntry(code, texts, default_lang, _custom_references(body.get("references", []),
                        where), _custom_related(body.get("related", []), where))


def _text_fields(table: Mapping[str, object], where: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in table.items():
        if key not in TEXT_FIELDS:
            raise CatalogueFileError(
                f"{where}: unknown field {key!r}; texts are {', '.join(TEXT_FIELDS)}")
        if not isinstance(value, str):
            raise CatalogueFileError(f"{where}: field {key!r} must be a string")
        out[key] = value.strip()
    return out


def _custom_references(value: object, where: str) -> tuple[Reference, ...]:
    if not isinstance(value, list):
        raise CatalogueFileError(f"{where}: 'references' must be a list")
    refs = []
    for item in value:
        if isinstance(item, str):
            refs.append(Reference(item, url=item if item.startswith("http") else ""))
        elif isinstance(item, dict) and isinstance(item.get("title"), str):
            refs.append(Reference(item["title"], url=str(item.get("url", ""))))
        else:
            raise CatalogueFileError(
                f"{where}: each reference is a string or a table with 'title' and 'url'")
    return tuple(refs)


def _custom_related(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise CatalogueFileError(f"{where}: 'related' must be a list of codes")
    try:
        return tuple(_codes.normalise(str(v)) for v in value)
    except ValueError as error:
        raise CatalogueFileError(f"{where}: in 'related': {error}") from None


def _read_custom_file(path: str) -> dict[str, Any]:
    suffix = Path(path).suffix.lower()
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        raise CatalogueFileError(f"{path}: cannot read catalogue file: {error.strerror}") from None
    if suffix == ".toml":
        data = _parse_toml(raw, path)
    elif suffix in (".yaml", ".yml"):
        data = _parse_yaml(raw, path)
    else:
        raise CatalogueFileError(f"{path}: catalogue files end in .toml, .yaml or .yml")
    if not isinstance(data, dict):
        raise CatalogueFileError(f"{path}: the file must hold a table with 'codes'")
    return data


def _parse_toml(raw: bytes, path: str) -> Any:
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise CatalogueFileError(f"{path}: not valid TOML: {error}") from None


def _parse_yaml(raw: bytes, path: str) -> Any:
    try:
        import yaml
    except ModuleNotFoundError:
        raise CatalogueFileError(
            f"{path}: reading YAML needs PyYAML: pip install 'smtpcodes[yaml]'") from None
    try:
        return yaml.safe_load(raw.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise CatalogueFileError(f"{path}: not valid YAML: {error}") from None


# --- module-level API --------------------------------------------------------------------------

_DEFAULT: Catalogue | None = None
_CUSTOM_CACHE: dict[tuple[str, int], Catalogue] = {}


def get_catalogue(custom: PathLike | Catalogue | None = None) -> Catalogue:
    """The shared catalogue for ``custom`` (a path, a Catalogue, or None for the standard one).

    Custom catalogues are cached by path and modification time, so an edited file is re-read
    by ``mkdocs serve`` but a build reads each file once.
    """
    global _DEFAULT
    if isinstance(custom, Catalogue):
        return custom
    if custom is None or custom == "":
        if _DEFAULT is None:
            _DEFAULT = Catalogue()
        return _DEFAULT
    path = os.path.abspath(os.fspath(custom))
    try:
        stamp = os.stat(path).st_mtime_ns
    except OSError:
        stamp = -1
    cached = _CUSTOM_CACHE.get((path, stamp))
    if cached is None:
        cached = _CUSTOM_CACHE[(path, stamp)] = Catalogue(os.fspath(custom))
    return cached


def lookup(code: str | int, lang: str = "en",
           catalogue: PathLike | Catalogue | None = None) -> Entry:
    """Explain one code: ``lookup(553)``, ``lookup("5.1.1", lang="zh")``."""
    return get_catalogue(catalogue).lookup(code, lang)
