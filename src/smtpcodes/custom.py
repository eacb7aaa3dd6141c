"""A user's catalogue file (TOML or YAML): read, checked and turned into entries.

The file is written by people and, on a docs site that builds pull requests, possibly by
strangers, and its texts reach HTML pages and terminals. So every problem refuses the whole file
with a message naming the file and the entry: an override that would never apply, a blanked
name, a code given twice, a link that is not http(s), a control character, a YAML alias bomb.
"""

from __future__ import annotations

import os
import stat
import sys
from typing import Any

from . import codes as _codes
from .catalogue import TEXT_FIELDS, Catalogue, Reference, languages
from .errors import CatalogueFileError
from .printable import BIDI

_ENTRY_KEYS = set(TEXT_FIELDS) | {"references", "related"}
_REFERENCE_KEYS = ("title", "url")
#: Control characters a text field may hold: line breaks and tabs of multi-line strings.
_LAYOUT = "\n\t"


class CustomEntry:
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


def load_custom(path: str, standard: Catalogue) -> dict[str, CustomEntry]:
    """The entries of the file at ``path``, keyed by normalised code; CatalogueFileError."""
    data = _read_file(path)
    unknown = set(data) - {"lang", "codes"}
    if unknown:
        raise CatalogueFileError(
            f"{path}: unknown top-level key {_shown(sorted(map(str, unknown))[0])}; "
            "expected 'lang' and 'codes'")
    default_lang = data.get("lang", "en")
    if not isinstance(default_lang, str) or default_lang not in languages():
        raise CatalogueFileError(
            f"{path}: 'lang' must be one of {', '.join(languages())}, "
            f"not {_shown(default_lang)}")
    table = data.get("codes", {})
    if not isinstance(table, dict):
        raise CatalogueFileError(f"{path}: 'codes' must be a table of entries keyed by code")
    entries: dict[str, CustomEntry] = {}
    written: dict[str, str] = {}
    for raw_code, body in table.items():
        where = f"{path}: entry {_shown(raw_code)}"
        if isinstance(raw_code, bool) or not isinstance(raw_code, (str, int)):
            raise CatalogueFileError(f"{where}: a code is written as a string such as '559'")
        try:
            code = _codes.normalise(str(raw_code))
        except ValueError as error:
            raise CatalogueFileError(f"{where}: {error}") from None
        if code in written:
            raise CatalogueFileError(
                f"{where}: the same code as entry {_shown(written[code])} ({code}); "
                "give each code once")
        written[code] = str(raw_code)
        entries[code] = _parse_entry(code, body, default_lang, where,
                                     new=not standard.defines(code))
    return entries


def _shown(value: object) -> str:
    """A value from the file as a message quotes it: escaped, on one line, never huge."""
    text = repr(value if isinstance(value, str) else str(value)) if _small(value) else "(…)"
    return text if len(text) <= 80 else text[:76] + "…" + text[-1]


def _small(value: object) -> bool:
    """Scalars only: ``str()`` of a nested value may be very large."""
    return isinstance(value, (str, int, float, bool)) or value is None


def _parse_entry(code: str, body: object, default_lang: str, where: str,
                 new: bool) -> CustomEntry:
    if not isinstance(body, dict):
        raise CatalogueFileError(f"{where}: expected a table of fields (name, description, ...)")
    texts: dict[str, dict[str, str]] = {}
    base: dict[str, str] = {}
    for key, value in body.items():
        if isinstance(value, dict):
            if key == default_lang:
                raise CatalogueFileError(
                    f"{where}: texts in the file's language {default_lang!r} go directly under "
                    f"the code, not in a table named {default_lang!r}")
            if key not in languages():
                raise CatalogueFileError(
                    f"{where}: {_shown(key)} is neither a field nor a language; languages are "
                    + ", ".join(languages()))
            texts[key] = _text_fields(value, f"{where}, language {key!r}")
        elif key in TEXT_FIELDS:
            base.update(_text_fields({key: value}, where))
        elif key not in _ENTRY_KEYS:
            raise CatalogueFileError(
                f"{where}: unknown field {_shown(key)}; expected one of "
                f"{', '.join(sorted(_ENTRY_KEYS))} or a table per language")
    if base:
        texts[default_lang] = base
    if new:
        own = texts.get(default_lang, {})
        missing = [f for f in ("name", "description") if not own.get(f)]
        if missing:
            raise CatalogueFileError(
                f"{where}: a code the standard catalogue does not define needs "
                f"{' and '.join(repr(m) for m in missing)} (in language {default_lang!r})")
    return CustomEntry(code, texts, default_lang,
                       _references(body.get("references", []), where),
                       _related(body.get("related", []), where))


def _text_fields(table: dict[Any, object], where: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in table.items():
        if key not in TEXT_FIELDS:
            raise CatalogueFileError(
                f"{where}: unknown field {_shown(key)}; texts are {', '.join(TEXT_FIELDS)}")
        if not isinstance(value, str):
            raise CatalogueFileError(f"{where}: field {key!r} must be a string")
        text = value.strip()
        if not text:
            raise CatalogueFileError(
                f"{where}: field {key!r} is empty; leave it out to keep the standard text")
        _refuse_controls(text, f"{where}: field {key!r}", "" if key == "name" else _LAYOUT)
        out[key] = text
    return out


def _refuse_controls(text: str, where: str, allowed: str = "") -> None:
    """Refuse control characters (ESC starts terminal escape sequences), the Unicode line
    and paragraph separators (a line break to whoever splits lines) and the bidirectional
    overrides, embeddings and isolates (they reorder what a reader sees), bar ``allowed``."""
    for char in text:
        if (char < " " or "\x7f" <= char <= "\x9f" or char in "\u2028\u2029" or char in BIDI) \
                and char not in allowed:
            raise CatalogueFileError(
                f"{where} holds the control character {char!r}; texts are plain text")


def _references(value: object, where: str) -> tuple[Reference, ...]:
    if not isinstance(value, list):
        raise CatalogueFileError(f"{where}: 'references' must be a list")
    refs = []
    for item in value:
        if isinstance(item, str):
            _refuse_controls(item, f"{where}: reference {_shown(item)}")
            url = item if _has_scheme(item) else ""
            if url:
                _check_url(url, where)
            refs.append(Reference(item, url=url))
        elif isinstance(item, dict):
            refs.append(_reference_table(item, where))
        else:
            raise CatalogueFileError(
                f"{where}: each reference is a string or a table with 'title' and 'url'")
    return tuple(refs)


def _reference_table(item: dict[Any, object], where: str) -> Reference:
    unknown = [key for key in item if key not in _REFERENCE_KEYS]
    if unknown:
        raise CatalogueFileError(
            f"{where}: unknown key {_shown(unknown[0])} in a reference; "
            "a reference table has 'title' and 'url'")
    title, url = item.get("title"), item.get("url", "")
    if not isinstance(title, str) or not title.strip():
        raise CatalogueFileError(f"{where}: a reference table needs a 'title' string")
    if not isinstance(url, str):
        raise CatalogueFileError(f"{where}: reference {_shown(title)}: 'url' must be a string")
    _refuse_controls(title, f"{where}: reference {_shown(title)}")
    if url:
        _check_url(url, where)
    return Reference(title.strip(), url=url)


def _has_scheme(text: str) -> bool:
    """``javascript:x``, ``https://x``: a colon after a run of scheme characters, no spaces."""
    scheme, colon, _ = text.partition(":")
    return bool(colon) and " " not in text and scheme[:1].isalpha() and all(
        c.isascii() and (c.isalnum() or c in "+-.") for c in scheme)


def _check_url(url: str, where: str) -> None:
    scheme, _, rest = url.partition(":")
    if scheme.lower() not in ("http", "https") or not rest.startswith("//") or len(rest) < 3:
        raise CatalogueFileError(
            f"{where}: link {_shown(url)} is not an http:// or https:// address")
    if " " in url:
        raise CatalogueFileError(f"{where}: link {_shown(url)} holds a space")
    _refuse_controls(url, f"{where}: link {_shown(url)}")


def _related(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise CatalogueFileError(f"{where}: 'related' must be a list of codes")
    found = []
    for item in value:
        if isinstance(item, bool) or not isinstance(item, (str, int)):
            raise CatalogueFileError(f"{where}: in 'related': each code is a string such as '550'")
        try:
            found.append(_codes.normalise(str(item)))
        except ValueError as error:
            raise CatalogueFileError(f"{where}: in 'related': {error}") from None
    return tuple(found)


# --- file formats ------------------------------------------------------------------------------

def _read_file(path: str) -> dict[Any, Any]:
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in (".toml", ".yaml", ".yml"):
        raise CatalogueFileError(f"{path}: catalogue files end in .toml, .yaml or .yml")
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO or a device: reading would hang
            raise CatalogueFileError(f"{path}: cannot read catalogue file: not a regular file")
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        raise CatalogueFileError(f"{path}: cannot read catalogue file: {error.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CatalogueFileError(f"{path}: not UTF-8 text: {error}") from None
    data = _parse_toml(text, path) if suffix == ".toml" else _parse_yaml(text, path)
    if not isinstance(data, dict):
        raise CatalogueFileError(f"{path}: the file must hold a table with 'codes'")
    return data


def _parse_toml(text: str, path: str) -> Any:
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        try:
            import tomli as tomllib
        except ModuleNotFoundError:
            raise CatalogueFileError(
                f"{path}: reading TOML on Python 3.10 needs tomli: "
                "pip install 'smtpcodes[toml]' (or write the file in YAML)") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CatalogueFileError(f"{path}: not valid TOML: {error}") from None
    except RecursionError:
        raise CatalogueFileError(f"{path}: values nested too deeply") from None


def _parse_yaml(text: str, path: str) -> Any:
    try:
        import yaml
    except ModuleNotFoundError:
        raise CatalogueFileError(
            f"{path}: reading YAML needs PyYAML: pip install 'smtpcodes[yaml]'") from None
    loader = _strict_loader(yaml)(text)
    try:
        return loader.get_single_data()
    except yaml.YAMLError as error:
        raise CatalogueFileError(f"{path}: not valid YAML{_yaml_problem(error)}") from None
    except RecursionError:
        raise CatalogueFileError(f"{path}: values nested too deeply") from None
    finally:
        loader.dispose()


def _yaml_problem(error: Exception) -> str:
    """PyYAML's message, which spans lines and draws a caret, as one line with its position."""
    mark = getattr(error, "problem_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    parts = [getattr(error, "context", None), getattr(error, "problem", None)]
    text = ", ".join(p for p in parts if p) or str(error)
    return f"{where}: {' '.join(text.split())}"


_LOADERS: list[Any] = []


def _strict_loader(yaml: Any) -> Any:
    """PyYAML's safe loader without aliases and merge keys, and with duplicate keys refused.

    An alias lets 700 bytes stand for gigabytes of data (the "billion laughs"); catalogue files
    have no use for one. A duplicate key would otherwise silently keep the last value.
    """
    if _LOADERS:
        return _LOADERS[0]

    class StrictLoader(yaml.SafeLoader):  # type: ignore[misc]
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                raise yaml.composer.ComposerError(
                    None, None, "aliases (*name) are not allowed in a catalogue file",
                    self.peek_event().start_mark)
            return super().compose_node(parent, index)

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            seen: set[Any] = set()
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise yaml.constructor.ConstructorError(
                        None, None, "merge keys (<<) are not allowed in a catalogue file",
                        key_node.start_mark)
                key = self.construct_object(key_node, deep=True)
                if not _hashable(key):
                    continue  # the base class explains an unhashable key
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"the key {_shown(key)} is given twice", key_node.start_mark)
                seen.add(key)
            return super().construct_mapping(node, deep)

    _LOADERS.append(StrictLoader)
    return StrictLoader


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True
