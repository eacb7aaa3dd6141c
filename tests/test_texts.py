"""The catalogue's texts as an email engineer checks them: each corrected claim against the RFC
or the registry, one text per class, a neutral voice, and every cited section linked."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

import smtpcodes
from smtpcodes import lookup, render
from smtpcodes.catalogue import Catalogue, Entry, labels, languages
from smtpcodes.shortcode import parse

PACKAGE = Path(smtpcodes.__file__).parent
FIELDS = ("description", "when", "fix", "note")


@cache
def entries(lang: str) -> tuple[Entry, ...]:
    return tuple(Catalogue().entries(lang))


def shown(code: str, lang: str = "en") -> str:
    """Every text a reader of the code's box sees, as one string."""
    entry = lookup(code, lang)
    return " ".join([entry.name, *(getattr(entry, field) for field in FIELDS)])


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;。；])\s*", text) if s]


def strings(data: object) -> list[str]:
    if isinstance(data, dict):
        return [s for value in data.values() for s in strings(value)]
    return [data] if isinstance(data, str) else []


# --- the "wrong or harmful" list, one test per corrected claim ---------------------------------

def test_221_quit_does_not_undo_a_message_already_acknowledged() -> None:
    """RFC 5321 §4.1.1.10: a close cancels a pending transaction, not a completed one."""
    en, zh = lookup("221"), lookup("221", "zh")
    assert "was not accepted" not in en.fix and "过早发送了 QUIT" not in zh.fix
    assert "does not undo a completed transaction" in en.fix
    assert "不会撤销已完成的事务" in zh.fix
    assert any(r.title == "RFC 5321 §4.1.1.10" for r in en.references)


@pytest.mark.parametrize("code", ["524", "538", "5.7.11"])
def test_524_and_538_point_to_rfc_4954s_504_with_5_5_4(code: str) -> None:
    """RFC 4954 §4: a mechanism that needs an encryption layer gets 504 (5.5.4); 524 has no RFC."""
    for lang in languages():
        text = shown(code, lang)
        assert "504 5.5.4" in text or "504 搭配 5.5.4" in text, (code, lang)
        assert "suggest 524" not in text and "remaining pairing" not in text
    assert any(r.title == "RFC 4954 §4" for r in lookup(code).references)


def test_the_chinese_524_note_says_what_the_english_one_says() -> None:
    en, zh = lookup("524").note, lookup("524", "zh").note
    assert "No RFC defines 524" in en and "没有 RFC 定义 524" in zh
    for text in (en, zh):
        assert "538" in text


def test_554_answers_the_commands_after_a_weak_handshake_not_starttls() -> None:
    """RFC 3207 §4.1: 554 answers every command but QUIT after a handshake judged too weak."""
    entry = lookup("554")
    assert "STARTTLS" not in entry.commands and "AFTER-STARTTLS" in entry.commands
    assert any(r.title == "RFC 3207 §4.1" for r in entry.references)
    meta = " · ".join(render.card(parse("554"), Catalogue()).meta)
    assert labels()["commands"]["AFTER-STARTTLS"] in meta
    assert "never STARTTLS itself" in entry.note


def test_x_6_8_credits_rfc_6531_with_252_or_550_and_553_to_the_registry() -> None:
    """RFC 6531 §3.7.4.2 gives 252 or 550; only the registry adds 553."""
    for lang, registry in (("en", "registry"), ("zh", "注册表")):
        for code in ("2.6.8", "5.6.8", "252", "553"):
            text = shown(code, lang)
            assert "550/553 5.6.8" not in text and "550、553 搭配 5.6.8" not in text
            for sentence in sentences(text):
                if "553" in sentence and ("6.8" in sentence or "3.7.4.2" in sentence):
                    assert registry in sentence, (code, sentence)
    assert any(r.title == "RFC 6531 §3.7.4.2" for r in lookup("5.6.8").references)


def test_x_7_21_keeps_ed25519_beside_rsa_never_instead() -> None:
    en, zh = lookup("5.7.21").fix, lookup("5.7.21", "zh").fix
    assert "or ed25519" not in en
    assert "rsa-sha256" in en and "not instead of it" in en
    assert "rsa-sha256" in zh and "不能单独使用" in zh


def test_chinese_examples_quote_the_codes_postfix_sends() -> None:
    """Postfix answers a malformed MAIL FROM with 501 5.5.4, and 'Host or domain name not
    found' is its text for 5.4.4, not for 5.1.2."""
    assert "501 5.5.2" not in shown("5.5.2", "zh")
    assert "501 5.5.4 Syntax: MAIL FROM:<address>" in shown("5.5.4", "zh")
    assert "Host or domain name not found" not in shown("5.1.2", "zh")
    assert "Host or domain name not found" in shown("5.4.4", "zh")


def test_x_4_6_loops_are_described_without_contradiction() -> None:
    """The registry lists X.4.6 as transient only; MTAs bounce loops as 5.4.6 anyway."""
    transient, permanent = lookup("4.4.6"), lookup("5.4.6")
    assert permanent.source == "unused" and transient.source == "standard"
    assert "5.4.6" in transient.note and "bounce" in permanent.description
    for entry in (transient, permanent):
        assert "unusual" not in " ".join(getattr(entry, f) for f in FIELDS)


def test_x_5_3_follows_the_registry_which_keeps_it_for_unsplittable_lists() -> None:
    entry = lookup("5.5.3")
    assert entry.source == "standard" and 5 in entry.usual_classes
    assert "as used in 4.5.3" not in entry.note
    assert "split" in entry.description


@pytest.mark.parametrize("code, meanings", [
    ("454", {"en": ("authentication", "TLS"), "zh": ("认证", "TLS")}),
    ("530", {"en": ("Authentication", "STARTTLS"), "zh": ("认证", "STARTTLS")}),
])
def test_codes_with_two_meanings_are_named_for_both(code: str, meanings: dict[str, tuple[str, ...]]
                                                    ) -> None:
    for lang, words in meanings.items():
        name = lookup(code, lang).name
        assert all(word in name for word in words), (lang, name)


def test_252_says_it_will_accept_the_message_and_attempt_delivery() -> None:
    assert "accept and attempt delivery" in lookup("252").name
    assert "接受邮件并尝试投递" in lookup("252", "zh").name


def test_x_7_12_has_one_name_in_every_class_and_reply() -> None:
    for lang in languages():
        names = {lookup(code, lang).name for code in ("422", "432", "2.7.12", "4.7.12", "5.7.12")}
        assert len(names) == 1, (lang, names)


@pytest.mark.parametrize("code, basic", [("5.7.10", "523"), ("5.7.13", "525")])
def test_iana_only_pairings_are_not_presented_as_usual(code: str, basic: str) -> None:
    for lang, registry, no_rfc in (("en", "registry", "no RFC"), ("zh", "注册表", "没有 RFC")):
        when = lookup(code, lang).when
        assert not when.startswith(f"{basic} {code}")
        mentions = [s for s in sentences(when) if basic in s]
        assert mentions and all(registry in s and no_rfc in s for s in mentions), (lang, when)


def test_452_limits_only_a_refusal_for_too_many_recipients_to_100() -> None:
    """RFC 5321 §4.5.3.1.10: a server short of storage may send 452 at once; only a refusal
    for too many recipients must wait until 100 were accepted."""
    note = lookup("452").note
    assert "sends it only after" not in note
    assert "does not refuse recipients as too many before it has accepted at least 100" in note
    assert "接受至少 100 个收件人之前，不会以收件人过多为由拒绝" in lookup("452", "zh").note


def test_4_3_2_is_not_said_to_come_with_453_at_shutdown() -> None:
    """The registry lists 453 with X.3.2, but RFC 2645 gives 453 to ATRN's 'You have no
    mail'; a server going down sends 421."""
    for lang in ("en", "zh"):
        when = lookup("4.3.2", lang).when
        assert when.startswith(("421 4.3.2", "服务器关闭、重启或降低负载时回复 421 4.3.2"))
        assert "453" in when and "RFC 2645" in when and "ATRN" in when
        assert "421 or 453" not in when and "421 或 453" not in when


def test_5_1_10_warns_that_microsoft_uses_it_for_unknown_recipients() -> None:
    """X.1.10 is null MX (RFC 7505, registry: 556); Microsoft 365 sends 550 5.1.10
    RESOLVER.ADR.RecipientNotFound for a mailbox that does not exist."""
    for lang, as_511 in (("en", "read a 5.1.10 from Microsoft's servers as 5.1.1"),
                         ("zh", "来自 Microsoft 服务器的 5.1.10 应按 5.1.1")):
        entry = lookup("5.1.10", lang)
        assert "RESOLVER.ADR.RecipientNotFound" in entry.note and as_511 in entry.note
        assert "556" in entry.note and "null MX" in entry.note
        assert entry.associated == ("556",)


def test_4_7_0_covers_deferrals_for_volume_and_reputation() -> None:
    """Gmail and Yahoo defer with 421 4.7.0 (unusual volume, IP reputation): the transient
    X.7.0 names that case and what a sender does about it."""
    entry = lookup("4.7.0")
    assert "421 4.7.0" in entry.when and "Gmail" in entry.when
    assert "send more slowly" in entry.fix and "blocklists" in entry.fix
    zh = lookup("4.7.0", "zh")
    assert "421 4.7.0" in zh.when and "放慢发送速度" in zh.fix


def test_tls_required_by_the_sender_is_explained_where_postfix_reports_it() -> None:
    """Postfix defers with 4.7.4 'TLS is required, but was not offered' and with 4.7.5 when a
    certificate does not verify (DANE, MTA-STS): practice the registry does not list for
    X.7.4's class 4, so the entry keeps its 'unused' mark but explains the case."""
    entry = lookup("4.7.4")
    assert entry.source == "unused"
    assert "TLS is required, but was not offered" in entry.when and "MTA-STS" in entry.when
    assert "STARTTLS" in entry.fix and "not a registered combination" in entry.note
    assert "Server certificate not verified" in lookup("4.7.5").when
    assert "TLSA" in lookup("4.7.5").fix
    assert "TLS is required, but was not offered" in lookup("4.7.4", "zh").when
    assert "Server certificate not verified" in lookup("4.7.5", "zh").when


def test_554_notes_that_postfix_refuses_recipients_with_it() -> None:
    """RFC 5321 §4.3.2 lists 554 for the greeting and DATA only; Postfix answers RCPT with
    554 5.7.1 for relay denial and blocklist hits."""
    for lang, words in (("en", "lists 554 only for the greeting and DATA"),
                        ("zh", "只为问候和 DATA 列出了 554")):
        note = lookup("554", lang).note
        assert "554 5.7.1" in note and "Relay access denied" in note and words in note


def test_5_7_14_tells_burl_trust_from_gmails_browser_login() -> None:
    """The registry's X.7.14 is BURL's trust relationship (RFC 5248, 535/554); Gmail's
    534 5.7.14 asks for a login in a browser: both languages say so."""
    for lang, gmail in (("en", "Gmail also sends 534 5.7.14"), ("zh", "Gmail 另用 534 5.7.14")):
        entry = lookup("5.7.14", lang)
        assert "BURL" in entry.when and gmail in entry.when
        assert "535" in entry.when and "554" in entry.when


def test_provider_uses_of_registered_details_are_named() -> None:
    """Yahoo's 554 5.7.9 is a policy refusal, not a weak AUTH mechanism; Gmail's 421 4.7.28
    and 550 5.7.28 report an unusual rate of unsolicited mail."""
    for lang in ("en", "zh"):
        note = lookup("5.7.9", lang).note
        assert "554 5.7.9" in note and "Message not accepted for policy reasons" in note
        assert "421 4.7.28" in lookup("4.7.28", lang).when
        assert "550 5.7.28" in lookup("5.7.28", lang).when
    assert "Application-specific password required" in lookup("5.7.9").when


def test_4_3_5_does_not_guess_how_soon_a_fix_comes() -> None:
    for lang in languages():
        for code in ("4.3.5", "5.3.5"):
            text = shown(code, lang)
            assert "soon" not in text and "expected" not in lookup(code, lang).fix


@pytest.mark.parametrize("code, section", [
    ("220", "3.1"), ("221", "3.8"), ("251", "3.5.3"), ("451", "3.8"), ("503", "3.1"),
    ("551", "3.5.3")])
def test_sections_cited_in_the_text_are_linked(code: str, section: str) -> None:
    assert f"§{section}" in shown(code)
    refs = {r.title: r.url for r in lookup(code).references}
    assert refs[f"RFC 5321 §{section}"].endswith(f"#section-{section}")


_CITATION = re.compile(r"RFC (\d+)|§\s?(\d+(?:\.\d+)*)|(?:section|第) ?(\d+(?:\.\d+)*)")


def _citations(text: str) -> set[str]:
    """``RFC 5321 §3.1, §4.3.1``, ``RFC 6531 section 3.5``, ``RFC 7208 第 8.4 节``."""
    document, found = None, set()
    for match in _CITATION.finditer(text):
        if match.group(1):
            document = f"RFC {match.group(1)}"
        elif document:
            found.add(f"{document} §{match.group(2) or match.group(3)}")
    return found


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_section_any_text_cites_is_among_the_entrys_links(lang: str) -> None:
    for entry in entries(lang):
        titles = {r.title for r in entry.references}
        for field in FIELDS:
            missing = _citations(getattr(entry, field)) - titles
            assert not missing, (entry.code, field, missing)


def test_every_key_in_the_facts_file_is_read() -> None:
    """``codes.json`` holds only what the catalogue reads: no ``registered``, ``note_key``."""
    facts = json.loads((PACKAGE / "data" / "codes.json").read_text(encoding="utf-8"))
    read = {"basic": {"constant", "refs", "related", "commands", "iana_only", "deprecated"},
            "enhanced": {"basic", "usual", "refs", "related", "deprecated_by"}}
    for kind, table in facts.items():
        for code, fields in table.items():
            assert set(fields) <= read[kind], (code, set(fields) - read[kind])
    assert lookup("538").deprecated and lookup("5.6.10").deprecated
    assert lookup("523").source == "iana-only"


@pytest.mark.parametrize("code", ["5.7.17", "5.7.18", "5.7.19"])
def test_the_registrys_5xx_association_is_kept(code: str) -> None:
    entry = lookup(code)
    assert entry.associated == ("5XX",)
    assert entry.as_dict()["associated"] == ["5XX"]
    assert "5XX" not in entry.related  # a class, not a code to link to
    assert lookup("4.7.15").associated == ("450", "550", "4XX", "5XX")


# --- class-specific texts -----------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_at_least_90_percent_of_descriptions_as_shown_are_distinct(lang: str) -> None:
    descriptions = [e.description for e in entries(lang)]
    assert len(descriptions) == 44 + 81 * 3
    assert len(set(descriptions)) >= 0.9 * len(descriptions)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_class_a_detail_is_registered_for_has_its_own_texts(lang: str) -> None:
    by_detail: dict[str, list[Entry]] = {}
    for entry in entries(lang):
        if entry.kind == "enhanced" and entry.reply_class in entry.usual_classes:
            by_detail.setdefault(entry.code[2:], []).append(entry)
    multi = {detail: group for detail, group in by_detail.items() if len(group) > 1}
    assert len(multi) >= 40
    for detail, group in multi.items():
        for field in ("description", "when", "fix"):
            texts = [getattr(e, field) for e in group]
            assert len(set(texts)) == len(texts), (detail, field)


def test_a_class_speaks_of_itself_not_of_its_siblings() -> None:
    """``explain 4.7.0`` no longer talks about 235 2.7.0 and 530 5.7.0."""
    for entry in entries("en"):
        if entry.kind != "enhanced" or entry.reply_class not in entry.usual_classes:
            continue
        detail = re.escape(entry.code[2:])
        sibling = re.compile(rf"(?<![\d.])[245]\.{detail}(?![\d])")
        for field in ("description", "when"):
            others = {m for m in sibling.findall(getattr(entry, field)) if m != entry.code}
            assert not others, (entry.code, field, others)
    text = shown("4.7.0")
    assert "235" not in text and "530" not in text and "454 4.7.0" in text


def test_transient_and_success_classes_say_what_the_sender_does() -> None:
    assert "retry" in lookup("4.2.2").fix.lower() and "retry" not in lookup("5.2.2").fix.lower()
    assert lookup("2.7.0").fix.startswith("No fix needed")
    assert lookup("4.7.0").fix.startswith("Retry later")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_class_2_outside_the_nine_registered_successes_is_never_called_normal(lang: str
                                                                             ) -> None:
    successes = [e for e in entries(lang) if e.kind == "enhanced" and e.reply_class == 2]
    registered = {e.code for e in successes if 2 in e.usual_classes}
    assert registered == {"2.0.0", "2.1.5", "2.3.0", "2.3.6", "2.5.0", "2.6.4", "2.6.8",
                          "2.7.0", "2.7.7"}
    others = [e for e in successes if e.code not in registered]
    assert len(others) == 72
    for entry in others:
        assert entry.source == "unused", entry.code
        assert not entry.fix.startswith(("No fix needed", "无需修复")), entry.code


def test_an_unused_combination_explains_the_detail_it_borrows() -> None:
    entry = lookup("2.7.8")
    assert entry.description.startswith("No standard uses 2.7.8")
    assert "5.7.8" in entry.description and lookup("5.7.8").description in entry.note
    assert "5.1.3" in lookup("4.1.3").description and "4.3.1" in lookup("5.3.1").description


def test_practice_that_no_standard_registers_keeps_its_own_texts() -> None:
    """Postfix, Gmail and Exchange send 250 2.1.0 for an accepted MAIL FROM."""
    entry = lookup("2.1.0")
    assert entry.source == "unused"
    assert "MAIL FROM" in entry.when and "No standard uses" not in entry.description
    assert "Exchange" in lookup("2.6.0").when or "Exchange" in lookup("2.6.0").description


def test_unused_combinations_are_marked_in_boxes_text_and_json() -> None:
    label = labels()["sources"]["unused"]
    layout = render.card(parse("2.1.1"), Catalogue())
    assert label in layout.meta
    assert label in render.to_text(layout)
    assert lookup("2.1.1").as_dict()["source"] == "unused"
    assert lookup("5.1.1").source == "standard"
    assert labels("zh")["sources"]["unused"] in render.card(parse("2.1.1"), Catalogue(),
                                                            "zh").meta


# --- a neutral voice ----------------------------------------------------------------------------

_FIRST_PERSON = {"en": re.compile(r"\b(we|our|ours|us|ourselves)\b", re.IGNORECASE),
                 "zh": re.compile("我们|本目录|本项目")}
#: The package's own API (its enum's constant names) means nothing on someone else's site.
_OWN_API = {"en": re.compile(r"\benum\b|\bconstant\b|[A-Z]+_[A-Z_]+"),
            "zh": re.compile("枚举|常量|[A-Z]+_[A-Z_]+")}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_text_speaks_in_the_first_person(lang: str) -> None:
    texts = [getattr(e, f) for e in entries(lang) for f in ("name", *FIELDS)]
    for part in ("labels", "basic", "enhanced", "pairs"):
        path = PACKAGE / "locales" / lang / f"{part}.json"
        texts += strings(json.loads(path.read_text(encoding="utf-8")))
    texts += [line for line in render.to_text(render.card(parse("235 vs 553"), Catalogue(),
                                                          lang)).splitlines()]
    for text in texts:
        assert not _FIRST_PERSON[lang].search(text), text
        assert not _OWN_API[lang].search(text), text


def test_no_stored_text_goes_unshown() -> None:
    """Every text in the locale files reaches some entry, so none rots unseen."""
    for lang in languages():
        seen = " ".join(getattr(e, f) for e in entries(lang) for f in ("name", *FIELDS))
        for part in ("basic", "enhanced"):
            path = PACKAGE / "locales" / lang / f"{part}.json"
            data = json.loads(path.read_text(encoding="utf-8"))
            for text in strings(data.get("codes", data) if part == "enhanced" else data):
                assert text in seen, (lang, text[:60])
