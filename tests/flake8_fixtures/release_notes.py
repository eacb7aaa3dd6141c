# corpus: trap
"""Release bookkeeping of a mail server package: versions everywhere, shaped like enhanced
status codes (class 2, 4 or 5, two more numbers). None of them is one."""

import re

VERSION = "5.1.1"
HISTORY = ["5.1.1 Fixed bounce parsing", "5.1.0 LMTP support", "4.2.2 Python 3.12"]


def parse_version(text):
    match = re.match(r"(\d+)\.(\d+)\.(\d+)", text)
    return tuple(int(part) for part in match.groups()) if match else None


def needs_migration(installed):
    return parse_version(installed) < parse_version("4.3.0")


def upgrade_notes(installed, target):
    notes = []
    if installed == "4.2.2" and target == "5.0.0":
        notes.append("database schema changed")
    version = "2.0.0"
    if target >= version:
        notes.append("new config format")
    release = "5.2.1"
    return notes, release


def describe(entry):
    number, _, text = entry.partition(" ")
    return {"version": number, "text": text, "api_version": "2.1.0"}


def test_notes():
    notes, release = upgrade_notes("4.2.2", "5.0.0")
    assert release == "5.2.1"
    assert describe(HISTORY[0])["version"] == "5.1.1"
    assert parse_version("5.1.10") == (5, 1, 10)
