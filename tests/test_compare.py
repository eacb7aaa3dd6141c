"""Comparisons as a reader meets them: the API, the CLI and ``<smtp:A vs B>`` boxes, section for
section with the page the project started from, and specific to each pair."""

from __future__ import annotations

import itertools
import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

import smtpcodes
from htmltree import find_class, text
from htmltree import parse as parse_html
from smtpcodes import Comparison, compare, render
from smtpcodes.catalogue import Catalogue, labels, languages
from smtpcodes.shortcode import parse

CATALOGUE = Catalogue()
PAIRS = Path(smtpcodes.__file__).parent / "locales"
#: The seed page's sections, in its order.
SEED_SECTIONS = ("description", "when", "fix", "differences", "which", "references")


def _lines(result: Comparison) -> list[str]:
    return [result.summary, *result.differences, *result.which]


def _masked(line: str, result: Comparison) -> str:
    """A line with the two codes and names blanked, to compare what it says about each."""
    for entry, mark in ((result.a, "A"), (result.b, "B")):
        line = line.replace(entry.name, f"<{mark}>")
    return re.sub(rf"\b({re.escape(result.a.code)}|{re.escape(result.b.code)})\b", "<code>",
                  line)


def test_235_vs_553_has_both_names_and_says_how_they_relate() -> None:
    result = compare("235", "553")
    assert result.title == "SMTP 235 vs 553 · Authentication succeeded vs Mailbox name invalid"
    assert result.summary.startswith("235 (Authentication succeeded) reports a success; "
                                     "553 (Mailbox name invalid) reports a permanent failure")
    differences = " ".join(result.differences)
    assert "nothing to retry" in differences and "fails the same way" in differences
    assert "AUTH comes before MAIL and RCPT" in differences
    assert "553 5.7.1" in differences and "does not own the address" in differences
    which = " ".join(result.which)
    assert "235 (Authentication succeeded) in reply to AUTH" in which
    assert "in reply to MAIL, RCPT or VRFY" in which
    assert "not a password problem" in which


def test_the_box_follows_the_seed_page_section_for_section() -> None:
    layout = render.card(parse("235 vs 553"), CATALOGUE)
    assert [s.key for s in layout.sections] == ["description", "when", "fix", "note",
                                               "differences", "which"]
    assert layout.references
    root = parse_html(render.to_html(render.box(layout, catalogue=CATALOGUE)))
    names = labels()["sections"]
    shown = [text(dt) for dt in root.iter("dt")]
    assert [label for label in shown if label != names["note"]] == [
        names[key] for key in SEED_SECTIONS]
    title = text(find_class(root, "smtp-title")[0])
    assert "Authentication succeeded" in title and "Mailbox name invalid" in title


def test_the_box_carries_each_codes_naming_note() -> None:
    note = next(s for s in render.card(parse("235 vs 553"), CATALOGUE).sections
                if s.key == "note")
    assert any(p.startswith("235: ") and "Authentication Succeeded" in p for p in note.paragraphs)
    assert any(p.startswith("553: ") and "not allowed" in p for p in note.paragraphs)


def test_550_vs_553_says_what_separates_them() -> None:
    result = compare("550", "553")
    assert result.same_class
    lines = _lines(result)
    assert len(set(lines)) == len(lines)
    differences = " ".join(result.differences)
    assert "The class does not tell them apart" in differences
    assert "5.6.7 and 5.6.8" in differences
    assert "the name itself is not allowed" in differences
    assert "Both can answer MAIL, RCPT or VRFY" in differences


def test_no_pair_of_basic_codes_repeats_a_line() -> None:
    """Same-class pairs once printed the same sentence for each code; now every line differs,
    even with the codes and names blanked out."""
    for a, b in itertools.combinations(CATALOGUE.codes(kind="basic"), 2):
        result = compare(a, b, catalogue=CATALOGUE)
        for section in (result.differences, result.which):
            masked = [_masked(line, result) for line in section]
            assert len(set(masked)) == len(masked), (a, b, section)


def test_any_pair_compares_in_every_language() -> None:
    codes = CATALOGUE.codes()
    pairs = random.Random(553).sample(list(itertools.combinations(codes, 2)), 400)
    for lang in languages():
        for a, b in pairs:
            result = compare(a, b, lang=lang, catalogue=CATALOGUE)
            assert result.differences and result.which and result.summary
            assert len(set(result.differences)) == len(result.differences)


@pytest.mark.parametrize("a, b, needle", [
    ("4.1.1", "5.1.1", "only the class tells them apart"),
    ("550", "5.1.1", "the registry lists with it"),
    ("250", "5.1.1", "never belong in one reply"),
    ("550", "5.1.3", "the registry lists 5.1.3 with 501, not with 550"),
    ("5.7.1", "5.1.1", "5.7.1 is about Security or policy (X.7.x), 5.1.1 about Addressing"),
    ("220", "354", "In a session 220 comes before 354"),
    ("422", "430", "Both are known only from the IANA registry"),
    ("2.1.1", "5.1.1", "2.1.1 is a class and detail combination that no standard uses"),
    ("524", "538", "538 is deprecated"),
])
def test_facts_drive_the_differences(a: str, b: str, needle: str) -> None:
    assert needle in " ".join(compare(a, b).differences)


def test_a_reply_pair_reads_as_one_reply() -> None:
    which = " ".join(compare("550", "5.1.1").which)
    assert "Seen together as '550 5.1.1': 5.1.1 narrows 550 down to" in which
    assert "contradicts itself" in " ".join(compare("550", "4.1.1").which)


def test_hand_written_notes_cite_only_linked_sections() -> None:
    for lang in languages():
        notes = json.loads((PAIRS / lang / "pairs.json").read_text("utf-8"))
        assert set(notes) == set(json.loads((PAIRS / "en" / "pairs.json").read_text("utf-8")))
        for key, texts in notes.items():
            a, b = key.split()
            assert key == " ".join(sorted((a, b))), key
            result = compare(a, b, lang=lang)
            assert texts["relation"] in result.differences
            assert texts["which"] in result.which
            titles = {r.title for r in result.references}
            for document, section in re.findall(r"RFC (\d+) §([\d.]+)", " ".join(texts.values())):
                assert f"RFC {document} §{section}" in titles, (key, document, section)


def test_chinese_comparison_is_chinese() -> None:
    result = compare("235", "553", lang="zh")
    assert result.title == "SMTP 235 与 553 · 认证成功与邮箱名称无效"
    assert "553 5.7.1" in " ".join(result.differences)
    layout = render.card(parse("235 vs 553"), CATALOGUE, "zh")
    assert [s.label for s in layout.sections][:3] == ["描述", "何时出现", "如何修复"]


def test_repr_and_as_dict_hold_everything_shown() -> None:
    result = compare("235", "553")
    assert repr(result) == ("<Comparison 235 vs 553 (en): 2xx Positive Completion vs "
                            "5xx Permanent Negative>")
    data = json.loads(json.dumps(result.as_dict()))
    assert data["title"] == result.title and data["summary"] == result.summary
    assert data["differences"] == result.differences and data["which"] == result.which
    assert data["a"]["code"] == "235" and data["b"]["fix"] == result.b.fix
    assert not data["same_class"]
    shown = render.to_text(render.card(parse("235 vs 553"), CATALOGUE))
    for ref in data["references"]:
        assert ref["url"] in shown


def test_same_names_are_said_once_in_the_title() -> None:
    assert compare("535", "5.7.8").title == "SMTP 535 vs 5.7.8 · Authentication credentials invalid"


def test_cli_compare_prints_the_sections_and_json() -> None:
    def run(*args: str) -> str:
        return subprocess.run([sys.executable, "-m", "smtpcodes.cli", "compare", *args],
                              capture_output=True, text=True, check=True).stdout

    out = run("550", "553")
    for label in ("Description", "When it appears", "How to fix", "Key differences",
                  "Which one when", "Learn more"):
        assert f"\n{label}\n" in out
    assert "the name itself is not allowed" in " ".join(out.split())
    data = json.loads(run("235", "553", "--json", "--lang", "zh"))
    assert data["title"].startswith("SMTP 235 与 553")


def test_the_package_attribute_stays_the_function_once_boxes_are_rendered() -> None:
    """The renderer imports the comparison module; ``smtpcodes.compare`` is still callable."""
    script = ("import smtpcodes.render, smtpcodes; "
              "print(smtpcodes.compare('235', '553').a.code)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "235"


@pytest.mark.parametrize("a, b, difference, which", [
    ("421", "451", "421 ends the session: the server closes the connection",
     "after 451 it may carry on with other work on the same connection"),
    ("451", "452", "A 452 to a RCPT after others were accepted refuses only the surplus",
     "sends the message to the recipients already accepted and the rest in a new transaction"),
    ("4.2.2", "5.2.2", "RFC 3463 meant X.2.2 as a persistent transient failure",
     "after 5.2.2 it bounces at once"),
    ("5.1.1", "5.7.1", "the address may well be valid, but this sender",
     "Postfix's 554 5.7.1 'Relay access denied', a pairing the registry does not list"),
    ("550", "554", "554 fails the whole transaction",
     "Postfix, though, also answers RCPT with 554 (relay denied, blocklist hits)"),
    ("450", "550", "450 says the mailbox is unavailable for now",
     "greylisting relies on a 4xx reply (450, or 451 4.7.1 on many servers)"),
])
def test_common_pairs_say_what_a_sender_does_differently(a: str, b: str, difference: str,
                                                         which: str) -> None:
    result = compare(b, a)  # either order
    assert difference in " ".join(result.differences)
    assert which in " ".join(result.which)


def test_two_replies_compare_through_the_codes_that_say_why() -> None:
    assert parse("550 5.1.1 vs 550 5.7.1") == parse("5.1.1 vs 5.7.1")
    assert parse("550-5.1.1 User unknown vs 554 5.7.1 Relay access denied").codes == (
        "5.1.1", "5.7.1")
    out = subprocess.run([sys.executable, "-m", "smtpcodes.cli", "explain", "550", "5.1.1", "vs",
                          "550", "5.7.1"], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("SMTP 5.1.1 vs 5.7.1 · Bad destination mailbox address vs ")
    assert "only a corrected address helps" in " ".join(out.stdout.split())
