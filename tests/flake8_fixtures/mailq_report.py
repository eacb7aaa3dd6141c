# corpus: B
"""Summarises the Postfix queue for an admin dashboard: reads `postqueue -j`, groups deferred
mail by the reason the remote server gave, and flags what will never be delivered."""
import json
import re
import subprocess
from collections import Counter

REMOTE_SAID = re.compile(r"said: (?P<code>[245]\d\d)[ -](?:(?P<status>[245]\.\d{1,3}\.\d{1,3}) )?")


def read_queue(binary="/usr/sbin/postqueue"):
    out = subprocess.run([binary, "-j"], capture_output=True, text=True, timeout=60).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def reason_code(reason):
    match = REMOTE_SAID.search(reason)
    if match is None:
        return None, None
    return match.group("code"), match.group("status")


def summarise(entries, top=20):
    by_code = Counter()
    hopeless = []
    for entry in entries:
        for recipient in entry.get("recipients", []):
            code, status = reason_code(recipient.get("delay_reason", ""))
            by_code[code or "none"] += 1
            if code is not None and code.startswith("5"):
                hopeless.append((entry["queue_id"], recipient["address"], code))
            elif status == "4.4.7":  # expect: SMT102
                hopeless.append((entry["queue_id"], recipient["address"], status))
    return by_code.most_common(top), hopeless


def test_reason_code():
    reason = ("host mx.example.org[203.0.113.5] said: 450 4.2.0 <a@example.org>: "
              "Recipient address rejected: Greylisted (in reply to RCPT TO command)")
    assert reason_code(reason) == ("450", "4.2.0")  # expect: SMT101 SMT102
    assert reason_code("connect to mx.example.org[203.0.113.5]:25: Connection timed out") == (
        None, None)


def test_summary_counts_hopeless():
    entries = [{"queue_id": "4F2A1", "recipients": [
        {"address": "a@example.org",
         "delay_reason": "host mx said: 550 5.1.1 no such user (in reply to RCPT TO command)"},
        {"address": "b@example.org", "delay_reason": "connection timed out"}]}]
    counts, hopeless = summarise(entries)
    assert ("550", 1) in counts  # expect-miss: SMT101
    assert hopeless == [("4F2A1", "a@example.org", "550")]  # expect-miss: SMT101

# ruff: noqa  (realistic code, linted by the SMT plugin only)
