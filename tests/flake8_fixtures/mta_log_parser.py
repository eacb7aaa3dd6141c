# corpus: B
"""Parses an MTA's delivery log lines into records; the tests feed it sample lines. Codes
inside long log lines are data; codes the tests assert on are findings."""

import re

LINE_RE = re.compile(
    r"(?P<queue_id>[0-9A-F]{10,}): to=<(?P<rcpt>[^>]*)>, relay=(?P<relay>\S+), "
    r"delay=(?P<delay>[\d.]+), dsn=(?P<dsn>\d\.\d{1,3}\.\d{1,3}), "
    r"status=(?P<status>\w+) \((?P<reply>.*)\)")


class Entry:
    def __init__(self, **fields):
        self.__dict__.update(fields)
        reply = fields.get("reply", "")
        self.smtp_code = int(reply[:3]) if reply[:3].isdigit() else None


def parse(line):
    match = LINE_RE.search(line)
    return Entry(**match.groupdict()) if match else None


SAMPLE = ("3F2A1B0C9D: to=<a@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=0.4, "
          "dsn=2.0.0, status=sent (250 2.0.0 OK: queued as 4A1B2C)")


def test_sent_line():
    entry = parse(SAMPLE)
    assert entry.smtp_code == 250  # expect: SMT100
    assert entry.dsn == "2.0.0"  # expect: SMT102
    assert entry.status == "sent"
    assert entry.delay == "0.4"


def test_bounced_line():
    entry = parse("AB12CD34EF: to=<x@example.org>, relay=none, delay=2, dsn=5.1.1, "
                  "status=bounced (host said: 550 5.1.1 unknown user)")
    assert entry.dsn == "5.1.1"  # expect: SMT102
    assert entry.smtp_code is None
    assert entry.relay == "none"


def test_deferred_fields():
    fields = {"queue_id": "0011223344", "rcpt": "y@example.org", "dsn": "4.4.1",  # expect: SMT102
              "reply": "451 4.4.1 connect timed out"}  # expect: SMT101
    entry = Entry(**fields)
    assert entry.smtp_code == 451  # expect: SMT100
