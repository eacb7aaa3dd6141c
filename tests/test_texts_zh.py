"""Native Chinese: every text present in Chinese, one term per concept, sentences that read
naturally rather than as English labels strung together."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

import smtpcodes
from smtpcodes import compare, lookup, render
from smtpcodes.catalogue import Catalogue, labels
from smtpcodes.shortcode import parse

PACKAGE = Path(smtpcodes.__file__).parent
LOCALES = PACKAGE / "locales"
DOCS = Path(__file__).parent.parent / "docs" / "zh"
CJK = re.compile(r"[\u4e00-\u9fff]")
FIELDS = ("name", "description", "when", "fix", "note")


def strings(data: object) -> list[str]:
    if isinstance(data, dict):
        return [s for value in data.values() for s in strings(value)]
    return [data] if isinstance(data, str) else []


def load(lang: str, part: str) -> dict[str, object]:
    data: dict[str, object] = json.loads((LOCALES / lang / f"{part}.json").read_text("utf-8"))
    return data


def chinese_texts() -> list[tuple[str, str]]:
    """Every Chinese text a reader can meet: locale files, boxes as shown, the zh docs."""
    found = [(f"{part}.json", s) for part in ("labels", "basic", "enhanced", "pairs")
             for s in strings(load("zh", part))]
    found += [(e.code, getattr(e, f)) for e in Catalogue().entries("zh") for f in FIELDS]
    for shortcode in ("235 vs 553", "550 vs 553", "550 5.1.1", "2.1.1"):
        layout = render.card(parse(shortcode), Catalogue(), "zh")
        found += [(shortcode, line) for line in render.to_text(layout).splitlines()]
    found += [(str(p), p.read_text("utf-8")) for p in sorted(DOCS.rglob("*.md"))]
    return found


def test_glossary_has_one_term_per_concept() -> None:
    terms = load("zh", "glossary")["terms"]
    assert isinstance(terms, dict)
    used = [t["use"] for t in terms.values()]
    avoided = [word for t in terms.values() for word in t["avoid"]]
    assert len(set(used)) == len(used)
    assert not set(used) & set(avoided)
    for concept in ("通告", "质询", "邮件头", "增强状态码", "发件人"):
        assert concept in used
    catalogue_itself = next(t for t in terms.values() if "本目录" in t["avoid"])
    assert "本项目" in catalogue_itself["avoid"]


def test_every_chinese_text_follows_the_glossary() -> None:
    terms = load("zh", "glossary")["terms"]
    assert isinstance(terms, dict)
    for where, text in chinese_texts():
        for concept, term in terms.items():
            for word in term["avoid"]:
                assert word not in text, (where, word, f"use {term['use']} for {concept}")


def test_every_english_text_has_a_chinese_one() -> None:
    """No English fallback mid-paragraph: each field English has, Chinese has too."""
    def fields(data: object, path: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
        if not isinstance(data, dict):
            return {path}
        return {p for key, value in data.items() for p in fields(value, (*path, key))}

    for part in ("labels", "basic", "enhanced", "pairs"):
        missing = fields(load("en", part)) - fields(load("zh", part))
        assert not missing, (part, sorted(missing)[:5])


@pytest.mark.parametrize("code", ["251", "252", "552", "2.2.1", "4.2.4", "4.3.2", "4.4.4",
                                  "5.4.7", "4.5.3", "2.6.4", "4.7.15", "5.7.20"])
def test_notes_missing_in_chinese_are_written(code: str) -> None:
    note = lookup(code, "zh").note
    assert note and CJK.search(note), code
    assert note != lookup(code).note


def test_every_chinese_field_is_written_in_chinese() -> None:
    for entry in Catalogue().entries("zh"):
        for field in FIELDS:
            text = getattr(entry, field)
            assert not text or CJK.search(text), (entry.code, field, text)


_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|\"[^\"]*\"|'[^']*'")
#: Three or more English words in a row: a sentence, not a name such as "null MX".
_ENGLISH_RUN = re.compile(r"[A-Za-z][\w'-]*(?:[ ,:;./]+[A-Za-z][\w'-]*){2,}")


def test_english_in_chinese_texts_is_quoted_or_a_command() -> None:
    """English inside Chinese is what a server prints, in quotes, or a command such as
    ``MAIL FROM/RCPT TO``; never an English sentence left untranslated."""
    for where, text in chinese_texts():
        if where.endswith(".md"):
            continue  # the zh pages show shell sessions and code
        bare = _QUOTED.sub("", re.sub(r"https?://\S+", "", text))
        for run in _ENGLISH_RUN.findall(bare):
            assert run.replace("/", " ").isupper(), (where, run)


def test_class_labels_and_sentences_read_naturally() -> None:
    words = labels("zh")
    assert words["classes"] == {"2": "2xx 成功", "3": "3xx 中间回复", "4": "4xx 暂时失败",
                                "5": "5xx 永久失败"}
    for where, text in chinese_texts():
        assert "肯定完成" not in text and "否定" not in text, where
        # a space between two Chinese words is an English label glued into a sentence
        glued = re.search(r"[\u4e00-\u9fff，。：；（“] [\u4e00-\u9fff（“]", text)
        assert not glued, (where, text[max(0, glued.start() - 10):glued.end() + 10])
    result = compare("235", "553", lang="zh")
    assert result.summary == "235（认证成功）表示成功，553（邮箱名称无效）则表示永久失败。"
    assert result.differences[0].startswith("235 属于“2xx 成功”类：操作已成功")


def test_no_terminal_line_starts_with_closing_punctuation() -> None:
    """``smtpcodes explain --lang zh`` wraps by width, but never puts 。 or ， first on a line,
    and keeps within the width by taking the character before it down too."""
    cat = Catalogue()
    shortcodes = [*cat.codes(kind="basic"), "421 vs 451", "550 vs 553", "4.2.2 vs 5.2.2"]
    for text in shortcodes:
        for line in render.to_text(render.card(parse(text), cat, "zh")).splitlines():
            assert not line.strip().startswith(tuple("。，、；：？！）”")), (text, line)
            if line.startswith("  ") and "://" not in line:
                assert sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
                           for c in line) <= 88, (text, line)


def test_chinese_lists_separate_ascii_words_with_spaces() -> None:
    which = " ".join(compare("550", "553", lang="zh").which)
    assert "MAIL、RCPT 或 VRFY" in which
    assert re.search(r"[A-Z]或|或[A-Z]", which) is None
