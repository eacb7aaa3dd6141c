"""The catalogue as a library user meets it: lookup, errors, enum, compare, custom files."""

from __future__ import annotations

import csv
import json
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest

import smtpcodes
from smtpcodes import (
    CatalogueFileError,
    MalformedCodeError,
    SMTPStatus,
    UnknownCodeError,
    UnknownLanguageError,
    compare,
    lookup,
)
from smtpcodes.catalogue import Catalogue, get_catalogue, languages
from timing import best_cpu, time_limit

REFERENCE = Path(__file__).parent / "reference"
LOCALES = Path(smtpcodes.__file__).parent / "locales"


def _rows(name: str) -> list[dict[str, str]]:
    with open(REFERENCE / name, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


# --- coverage of the reference data -------------------------------------------------------------

def test_every_basic_reply_row_is_in_the_catalogue() -> None:
    rows = _rows("basic_replies.csv")
    codes = {row["code"] for row in rows}
    assert len(codes) == 44
    for row in rows:
        entry = lookup(row["code"])
        assert entry.kind == "basic"
        assert entry.reply_class == int(row["class"][0])
        assert entry.category == int(row["category"][1])
        documents = {ref.document for ref in entry.references}
        cited = row["rfc_and_section"].split("; ")
        for rfc in {part.split(" §")[0].split(" (")[0] for part in cited}:
            if rfc.startswith("RFC"):
                assert rfc in documents, (row["code"], rfc)


def test_every_enhanced_registry_row_resolves_in_every_class() -> None:
    rows = [r for r in _rows("iana_enhanced.csv") if r["table"] == "enumerated"]
    assert len(rows) == 81
    for row in rows:
        for cls in "245":
            code = cls + row["code"][1:]
            entry = lookup(code)
            assert entry.kind == "enhanced" and entry.reply_class == int(cls)
            assert entry.name and entry.description and entry.when and entry.fix
            assert any(ref.document == "IANA" for ref in entry.references)


def test_enhanced_names_are_the_registrys_own() -> None:
    """Each detail's English name is the registry's sample text (X.6.10 has none: deprecated)."""
    for row in _rows("iana_enhanced.csv"):
        if row["table"] == "enumerated" and row["sample_text"]:
            name = lookup("5" + row["code"][1:]).name
            assert name.lower() == row["sample_text"].lower(), row["code"]


def test_registry_association_is_normalised_not_copied() -> None:
    assert lookup("5.1.1").associated == ("451", "550")
    assert lookup("2.3.6").associated == ("250", "251")  # "250 or 251"
    assert lookup("4.7.24").associated == ("451", "550")  # "451/550"
    assert lookup("5.7.17").associated == ("5XX",)  # any 5xx reply, as the registry says
    assert lookup("5.7.28").associated == ()  # "."


def test_iana_only_basic_codes_are_marked() -> None:
    for code in ("422", "430", "523", "524", "525", "533"):
        entry = lookup(code)
        assert entry.source == "iana-only"
        assert entry.note, code
    assert lookup("553").source == "standard"


def test_subject_and_class_meanings() -> None:
    entry = lookup("4.7.1")
    assert entry.category == 7 and entry.category_name.startswith("Security")
    assert entry.status_class_name.lower().startswith("persistent transient")
    assert lookup("2.0.0").status_class_name == "Success"


def test_disagreements_are_decided_in_the_entry() -> None:
    assert "not allowed" in lookup("553").note
    assert lookup("538").deprecated
    assert "554" in lookup("5.6.9").associated and "550" in lookup("5.6.9").associated
    assert lookup("5.6.10").deprecated


def test_texts_are_specific_to_each_code() -> None:
    for lang in languages():
        shown = [e for e in Catalogue().entries(lang) if e.source != "unused"]
        for field in ("description", "when"):
            texts = [getattr(e, field) for e in shown]
            assert len(set(texts)) == len(texts), (lang, field)


# --- lookup -------------------------------------------------------------------------------------

@pytest.mark.parametrize("form", ["553", 553, " 553 "])
def test_lookup_accepts_every_form_of_a_basic_code(form: object) -> None:
    entry = lookup(form)  # type: ignore[arg-type]
    assert entry.code == "553"
    assert entry.name == "Mailbox name invalid"
    assert entry.class_name == "5xx Permanent Negative"
    assert entry.constant == "MAILBOX_NAME_INVALID"
    assert "5.1.3" in entry.related
    assert any(ref.url.endswith("rfc5321#section-4.2.2") for ref in entry.references)


def test_lookup_enhanced_code_and_leading_zeros() -> None:
    assert lookup("5.1.1").name == "Bad destination mailbox address"
    assert lookup("5.01.001").code == "5.1.1"
    assert "550" in lookup("5.1.1").related
    assert "553" in lookup("5.1.3").related  # relations read both ways
    assert "5.1.3" in lookup("553").related


def test_success_codes_need_no_fix() -> None:
    assert lookup("250").fix.startswith("No fix needed")
    assert lookup("2.1.5").fix.startswith("No fix needed")
    assert lookup("2.1.1").source == "unused"  # a failure detail in the success class
    assert not lookup("2.1.1").fix.startswith("No fix needed")


@pytest.mark.parametrize("code, near", [("559", "556"), ("5.1.99", "5.1.10"), ("2.9.1", None)])
def test_unknown_code_is_a_lookup_error_naming_it(code: str, near: str | None) -> None:
    with pytest.raises(UnknownCodeError) as info:
        lookup(code)
    assert isinstance(info.value, LookupError)
    assert repr(code) in str(info.value)
    if near:
        assert f"did you mean {near}" in str(info.value)


@pytest.mark.parametrize("code, near", [("abc", None), ("5.1", None), ("6.1.1", "5.1.1"),
                                        ("5531", None), ("", None), (True, None),
                                        ("5x3", "553"), ("650", "550"), ("5.1.1x", "5.1.1"),
                                        ("5.7.2.9", "5.7.29"), ("5.1.1.", "5.1.1")])
def test_malformed_code_is_a_value_error_naming_it(code: object, near: str | None) -> None:
    with pytest.raises(MalformedCodeError) as info:
        lookup(code)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    assert repr(code) in str(info.value)
    if near:
        assert f"did you mean {near}" in str(info.value)


def test_errors_pickle() -> None:
    for error in (UnknownCodeError("x"), MalformedCodeError("y"), CatalogueFileError("z")):
        assert str(pickle.loads(pickle.dumps(error))) == str(error)


# --- languages ----------------------------------------------------------------------------------

def test_chinese_texts_and_labels() -> None:
    entry = lookup("553", lang="zh")
    assert entry.lang == "zh"
    assert entry.name != lookup("553").name
    assert entry.class_name.startswith("5xx")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in entry.description)
    labels = smtpcodes.catalogue.labels("zh")["sections"]
    assert [labels[k] for k in ("description", "when", "fix", "differences", "which",
                                "references")] == ["描述", "何时出现", "如何修复", "主要区别",
                                                   "何时使用哪个", "了解更多"]


def test_every_language_has_every_text() -> None:
    for lang in languages():
        for entry in Catalogue().entries(lang):
            assert entry.name and entry.description and entry.when and entry.fix, entry


def test_unknown_language() -> None:
    with pytest.raises(UnknownLanguageError, match="'fr'"):
        lookup("553", lang="fr")


def test_third_language_is_a_data_only_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    from smtpcodes import catalogue as module

    root = tmp_path / "locales"
    for lang in ("en", "zh"):
        (root / lang).mkdir(parents=True)
        for part in ("labels", "basic", "enhanced"):
            shipped = LOCALES / lang / f"{part}.json"
            (root / lang / f"{part}.json").write_bytes(shipped.read_bytes())
    (root / "fr").mkdir()
    (root / "fr" / "labels.json").write_text(json.dumps(
        {"sections": {"description": "Description", "fix": "Comment corriger"}}), "utf-8")
    (root / "fr" / "basic.json").write_text(json.dumps(
        {"553": {"name": "Nom de boîte invalide"}}), "utf-8")
    monkeypatch.setattr(module, "_LOCALES", str(root))
    for cache in ("_FILES", "_MERGED_LABELS"):
        monkeypatch.setattr(module, cache, {})
    monkeypatch.setattr(module, "_LANGUAGES", [])
    entry = module.Catalogue().lookup("553", "fr")
    assert entry.name == "Nom de boîte invalide"
    assert entry.description == lookup("553").description  # English fills the gap
    assert module.labels("fr")["sections"]["fix"] == "Comment corriger"
    assert "fr" in module.languages()


# --- SMTPStatus ---------------------------------------------------------------------------------

def test_enum_has_one_member_per_basic_code() -> None:
    basic = {row["code"] for row in _rows("basic_replies.csv")}
    assert {str(m.value) for m in SMTPStatus} == basic
    assert len(SMTPStatus) == len(basic)
    for member in SMTPStatus:
        assert member.name == lookup(member.value).constant
        assert member.name.isupper()


def test_enum_behaves_like_http_status() -> None:
    assert SMTPStatus.MAILBOX_NAME_INVALID == 553
    assert SMTPStatus(553) is SMTPStatus.MAILBOX_NAME_INVALID
    assert SMTPStatus.MAILBOX_NAME_INVALID.phrase == "Mailbox name invalid"
    assert SMTPStatus.OK.description == lookup(250).description
    assert SMTPStatus.OK.is_success and SMTPStatus.START_MAIL_INPUT.is_intermediate
    assert SMTPStatus.SERVICE_NOT_AVAILABLE.is_transient
    assert SMTPStatus.TRANSACTION_FAILED.is_permanent


# --- compare ------------------------------------------------------------------------------------

def test_compare_235_and_553() -> None:
    result = compare("235", "553")
    assert (result.a.code, result.b.code) == ("235", "553")
    assert result.classes == ("2xx Positive Completion", "5xx Permanent Negative")
    assert not result.same_class
    assert "2xx Positive Completion" in result.differences[0]
    assert any("235" in line and "AUTH" in line for line in result.which)
    assert any("553" in line and "RCPT" in line for line in result.which)
    assert result.as_dict()["b"]["name"] == "Mailbox name invalid"


def test_compare_same_class_and_mixed_kinds_in_chinese() -> None:
    result = compare(550, "5.1.1", lang="zh")
    assert result.same_class
    assert any("增强状态码" in line for line in result.differences)


def test_compare_unknown_code() -> None:
    with pytest.raises(UnknownCodeError):
        compare("235", "559")


# --- custom catalogue files ---------------------------------------------------------------------

GOOD_TOML = """
lang = "en"

[codes."559"]
name = "Greylisted by ExampleMail"
description = "ExampleMail defers first-time senders."
fix = "Retry after five minutes."
references = [{ title = "ExampleMail docs", url = "https://mail.example/559" }]
related = ["451", "4.7.1"]

[codes."559".zh]
name = "ExampleMail 灰名单"

[codes."553"]
fix = "Our own fix text."
"""


def test_custom_toml_adds_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "provider.toml"
    path.write_text(GOOD_TOML, encoding="utf-8")
    cat = Catalogue(path)
    new = cat.lookup("559")
    assert new.name == "Greylisted by ExampleMail" and new.source == "custom"
    assert new.reply_class == 5 and new.class_name == "5xx Permanent Negative"
    assert new.references[0].url == "https://mail.example/559"
    assert new.related[:2] == ("451", "4.7.1")
    assert cat.lookup("559", "zh").name == "ExampleMail 灰名单"
    assert cat.lookup("559", "zh").description == "ExampleMail defers first-time senders."
    assert cat.lookup("553").fix == "Our own fix text."
    assert cat.lookup("553").source == "override"
    assert cat.lookup("553", "zh").fix == lookup("553", "zh").fix
    assert "559" in cat.codes(reply_class=5)
    assert "559" in cat and 559 in cat and "553" in cat
    assert "5.1" not in cat and "558" not in cat and "559" not in Catalogue()
    assert lookup("559", catalogue=path).name == new.name
    with pytest.raises(UnknownCodeError):
        lookup("559")  # the standard catalogue is untouched


def test_custom_yaml(tmp_path: Path) -> None:
    path = tmp_path / "provider.yaml"
    path.write_text('codes:\n  "4.7.99":\n    name: Rate limited\n    description: Slow down.\n',
                    encoding="utf-8")
    assert lookup("4.7.99", catalogue=path).name == "Rate limited"


BAD_TOML = [
    ('[codes."559"]\ndescription = "x"\n', "entry '559'.*needs 'name'"),
    ('[codes."6.1.1"]\nname = "x"\n', "entry '6.1.1'.*not an enhanced status code"),
    ('[codes."553"]\ncolour = "red"\n', "entry '553'.*unknown field 'colour'"),
    ('[codes."553"]\nname = 5\n', "entry '553'.*'name' must be a string"),
    ('[codes."553"]\nrelated = ["abc"]\n', "entry '553'.*in 'related'"),
    ('colour = 1\n', "unknown top-level key 'colour'"),
    ('[codes."553".zn]\nname = "x"\n', "entry '553': 'zn' is neither a field nor a language"),
    ('[codes\n', "not valid TOML"),
    # an override that would never apply, or blank a standard text
    ('lang = "fr"\n[codes."553"]\nname = "x"\n', "'lang' must be one of en, zh, not 'fr'"),
    ('lang = ""\n[codes."553"]\nname = "x"\n', "'lang' must be one of en, zh, not ''"),
    ('[codes."553"]\nname = ""\n', "entry '553': field 'name' is empty"),
    ('[codes."553"]\nfix = "  "\n', "entry '553': field 'fix' is empty"),
    ('[codes."553"]\nname = "x"\n[codes."553".en]\nfix = "y"\n',
     "entry '553': texts in the file's language 'en' go directly under the code"),
    # one code, two entries
    ('[codes."5.7.900"]\nname = "a"\ndescription = "b"\n'
     '[codes."5.07.900"]\nname = "c"\ndescription = "d"\n',
     "entry '5.07.900': the same code as entry '5.7.900'"),
    # references
    ('[codes."553"]\nreferences = [{ title = "x", url = "https://a.example", rel = "me" }]\n',
     "entry '553': unknown key 'rel' in a reference"),
    ('[codes."553"]\nreferences = [{ title = "x", url = ["https://a.example"] }]\n',
     "entry '553': reference 'x': 'url' must be a string"),
    ('[codes."553"]\nreferences = [{ title = "x", url = 5 }]\n', "'url' must be a string"),
    ('[codes."553"]\nreferences = [{ title = "x", url = "javascript:alert(1)" }]\n',
     "entry '553': link 'javascript:alert\\(1\\)' is not an http:// or https:// address"),
    ('[codes."553"]\nreferences = ["javascript:alert(1)"]\n', "not an http:// or https://"),
    ('[codes."553"]\nreferences = [{ title = "x", url = "data:text/html,hi" }]\n',
     "not an http:// or https://"),
    ('[codes."553"]\nreferences = [{ title = "x", url = "https://a.example/\\u001b[2J" }]\n',
     "control character"),
    ('[codes."553"]\nreferences = [{ title = "x", url = "https://a.example/a b" }]\n',
     "holds a space"),
    # control characters: none in a name, no escape sequence anywhere
    ('[codes."553"]\nname = "Mailbox\\nname"\n',
     "field 'name' holds the control character '\\\\n'"),
    ('[codes."553"]\nname = "x\\u001b]0;owned\\u0007"\n', "control character '\\\\x1b'"),
    ('[codes."553"]\nfix = "x\\u001b[2J"\n', "field 'fix' holds the control character"),
    ('[codes."553"]\nnote = "x\\u009b2J"\n', "field 'note' holds the control character"),
    ('[codes."553"]\nreferences = [{ title = "x\\u001b[1m", url = "https://a.example" }]\n',
     "control character"),
    # bidirectional overrides and isolates reorder what a reader sees (Trojan Source)
    ('[codes."553"]\nname = "abc\\u202edcba"\n', "field 'name' holds the control character"),
    ('[codes."553"]\nfix = "x\\u2067y"\n', "field 'fix' holds the control character"),
]
BAD_YAML = [
    ('codes:\n  559: {name: a, description: b}\n  "559": {name: c, description: d}\n',
     "entry '559': the same code as entry '559'"),
    ('codes:\n  "553": {fix: a}\n  "553": {fix: b}\n', "the key '553' is given twice"),
    ('codes:\n  "553":\n    fix: a\n    fix: b\n', "the key 'fix' is given twice"),
    ('codes:\n  "553":\n    references:\n      - title: x\n        url: [https://a.example]\n',
     "'url' must be a string"),
    ('base: &b {fix: a}\ncodes:\n  "553": *b\n', "aliases .* are not allowed"),
    ('codes:\n  "553":\n    <<: {fix: a}\n', "merge keys .* are not allowed"),
    ('codes:\n  [1, 2]: {fix: a}\n', "unhashable|a code is written as a string"),
    ('codes:\n  "553":\n    related: [[550]]\n', "each code is a string"),
    ('- 1\n', "must hold a table"),
    ("codes: " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply|must be a table"),
]


@pytest.mark.parametrize("suffix, text, expected", [
    *((".toml", text, expected) for text, expected in BAD_TOML),
    *((".yaml", text, expected) for text, expected in BAD_YAML),
])
def test_bad_custom_file_names_file_and_entry(tmp_path: Path, suffix: str, text: str,
                                              expected: str) -> None:
    path = (tmp_path / "bad").with_suffix(suffix)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueFileError, match=expected) as info:
        Catalogue(path)
    assert str(path) in str(info.value)
    assert "\x1b" not in str(info.value) and "\n" not in str(info.value)


def test_multi_line_texts_and_http_links_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "ok.toml"
    path.write_text('[codes."553"]\nnote = """First line.\n\tSecond line."""\n'
                    'references = ["HTTPS://A.example/553", "RFC 7505", "See: the wiki"]\n',
                    encoding="utf-8")
    entry = Catalogue(path).lookup("553")
    assert entry.note == "First line.\n\tSecond line."
    assert [r.url for r in entry.references[:3]] == [
        "HTTPS://A.example/553", "https://www.rfc-editor.org/rfc/rfc7505", ""]


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
codes:
  "553":
    references: [{title: x, url: *i}]
    related: *i
    fix: *i
"""


def test_yaml_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    start = time.process_time()
    with time_limit(10), pytest.raises(CatalogueFileError, match="aliases"):
        Catalogue(path)
    assert time.process_time() - start < 1  # parsing the file itself takes milliseconds


def test_missing_or_unsupported_custom_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogueFileError, match="cannot read"):
        Catalogue(tmp_path / "nope.toml")
    (tmp_path / "codes.json").write_text("{}")
    with pytest.raises(CatalogueFileError, match=r"\.toml, \.yaml"):
        Catalogue(tmp_path / "codes.json")


def test_a_fifo_named_as_catalogue_is_refused_instead_of_read_for_ever(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "codes.toml")
    with time_limit(10), pytest.raises(CatalogueFileError, match="not a regular file"):
        Catalogue(tmp_path / "codes.toml")


def test_one_cached_catalogue_per_file_however_often_it_changes(tmp_path: Path) -> None:
    from smtpcodes import catalogue as module

    path = tmp_path / "edited.toml"
    before = len(module._CUSTOM)  # files earlier tests in this process used
    for n in range(40):
        path.write_text(f'[codes."559"]\nname = "Edit {n}"\ndescription = "x"\n', "utf-8")
        os.utime(path, ns=(n * 10**9, n * 10**9))  # a new modification time, as an editor gives
        assert get_catalogue(path).lookup("559").name == f"Edit {n}"
    assert get_catalogue(str(path)) is get_catalogue(path)  # unchanged: read once
    assert [key for key in module._CUSTOM if key == str(path)] == [str(path)]
    assert len(module._CUSTOM) == before + 1  # one entry for this file, not one per edit


def test_suggestions_stay_cheap_with_a_huge_custom_catalogue(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    lines = [f'"5.{10 + n // 1000}.{n % 1000}" = {{ name = "Code {n}", description = "d" }}'
             for n in range(50_000)]
    path.write_text("[codes]\n" + "\n".join(lines) + "\n", encoding="utf-8")
    unknown = ["5.9.999", "559", "5.60.1", "4.30.2", "5.1.99"]

    def misses(cat: Catalogue) -> None:
        for code in unknown:
            with pytest.raises(UnknownCodeError, match="did you mean"):
                cat.lookup(code)
        with pytest.raises(MalformedCodeError, match="did you mean 5.1"):
            cat.lookup("5,10,3" if cat is huge else "5,1,1")

    with time_limit(30):
        huge, standard = Catalogue(path), Catalogue()
        misses(huge)  # the first miss builds the catalogue's index, once
        misses(standard)
        big, base = best_cpu(lambda: misses(huge), lambda: misses(standard))
        assert big < 5 * base
    assert "did you mean 5.10.0" in _message(huge, "5.9.999")


def _message(cat: Catalogue, code: str) -> str:
    with pytest.raises(UnknownCodeError) as info:
        cat.lookup(code)
    return str(info.value)


# --- API shape ----------------------------------------------------------------------------------

def test_entry_repr_says_what_it_is() -> None:
    assert repr(lookup(553)) == (
        "Entry(code='553', name='Mailbox name invalid', lang='en', source='standard')")
    assert repr(lookup("538")).endswith(", deprecated=True)")
    assert "lang='zh'" in repr(lookup("5.1.1", lang="zh"))


def test_enum_members_behave_as_their_numbers_on_every_python() -> None:
    member = SMTPStatus.MAILBOX_NAME_INVALID
    assert str(member) == format(member) == f"{member}" == "553"
    assert f"{member:>5}|{member:x}" == "  553|229"
    assert "%d %s %i" % (member, member, member) == "553 553 553"  # noqa: UP031 (%-format)
    assert json.dumps({"code": member, member: [member]}) == '{"code": 553, "553": [553]}'
    assert pickle.loads(pickle.dumps(member)) is member
    assert member + 1 == 554 and type(member + 1) is int and member // 100 == 5
    assert member == 553 and hash(member) == hash(553) and {553: "x"}[member] == "x"
    assert repr(member) == "553" and repr((member, b"x")) == "(553, b'x')"
    assert "%r" % member == "553" and member.name == "MAILBOX_NAME_INVALID"  # noqa: UP031


# --- data files ---------------------------------------------------------------------------------

def test_data_files_load_exactly_as_json_reads_them() -> None:
    from smtpcodes import datafile

    data_files = sorted(LOCALES.glob("*/*.json")) + [LOCALES.parent / "data" / "codes.json"]
    for path in data_files:
        assert datafile.load(str(path)) == json.loads(path.read_text("utf-8")), path


def test_a_broken_data_file_fails_with_jsons_own_message(tmp_path: Path) -> None:
    from smtpcodes import datafile

    path = tmp_path / "broken.json"
    path.write_text('{"a": 1,}', encoding="utf-8")
    with pytest.raises(json.JSONDecodeError, match=r"line 1 column \d+"):
        datafile.load(str(path))


HEAVY = ("typing", "re", "json", "pathlib", "enum", "functools", "collections", "importlib",
         "warnings")


def test_lookup_imports_no_heavy_module() -> None:
    """``import smtpcodes; lookup('553')`` rides on an interpreter start: it may add only the
    package's own small modules (the ratio is printed by bench/import_cost.py)."""
    probe = ("import sys; before = set(sys.modules); import smtpcodes; "
             "smtpcodes.lookup('553').name; smtpcodes.lookup('5.1.1', lang='zh').name; "
             "print(' '.join(sorted(set(sys.modules) - before)))")
    added = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           check=True).stdout.split()
    assert not [name for name in added if name.split(".")[0] in HEAVY], added
    assert {"smtpcodes", "smtpcodes.catalogue"} <= set(added)


def test_data_files_load_without_the_c_scanner(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where ``_json`` is missing (another Python implementation), ``json`` does the work."""
    from smtpcodes import datafile

    monkeypatch.setitem(sys.modules, "_json", None)
    monkeypatch.setattr(datafile, "_SCANNER", [])
    path = LOCALES / "en" / "labels.json"
    assert datafile.load(str(path)) == json.loads(path.read_text("utf-8"))
