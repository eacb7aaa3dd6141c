# corpus: B
"""Sorting bounce notifications into hard and soft failures, from the status they carry.

A mailing-list tool's module: it never talks SMTP itself, it reads what remote servers said.
"""

import email
import re

STATUS_RE = re.compile(r"^Status:\s*([245]\.\d{1,3}\.\d{1,3})", re.M | re.I)
DIAGNOSTIC_RE = re.compile(r"^Diagnostic-Code:\s*smtp;\s*(\d{3})", re.M | re.I)

HARD_STATUSES = {"5.1.1": "no such mailbox", "5.1.2": "no such domain", "5.2.1": "disabled"}


class BounceInfo:
    def __init__(self, status=None, diagnostic_code=None, recipient=None):
        self.status = status
        self.diagnostic_code = diagnostic_code
        self.recipient = recipient


def parse_bounce(raw):
    message = email.message_from_bytes(raw)
    text = message.as_string()
    status = STATUS_RE.search(text)
    diagnostic = DIAGNOSTIC_RE.search(text)
    return BounceInfo(status.group(1) if status else None,
                      int(diagnostic.group(1)) if diagnostic else None,
                      message.get("Final-Recipient"))


def bounce_kind(info):
    if info.status in HARD_STATUSES:
        return "hard"
    if info.status == "5.2.2":  # expect: SMT102
        return "soft"  # a full mailbox empties again
    if info.status and info.status.startswith("4."):
        return "soft"
    if info.diagnostic_code in (550, 551, 553):  # expect: SMT100 SMT100 SMT100
        return "hard"
    if info.diagnostic_code == 552:  # expect: SMT100
        return "soft"
    code = info.diagnostic_code
    if code is not None and 400 <= code < 500:  # expect: SMT100 SMT100
        return "soft"
    return "unknown"


def bounce_score(info, previous_score):
    """Hard bounces count fully, soft ones a tenth; three points disable the subscription."""
    score = previous_score + (1.0 if bounce_kind(info) == "hard" else 0.1)
    return min(score, 3.0)


def summary(infos):
    counts = {"hard": 0, "soft": 0, "unknown": 0}
    for info in infos:
        counts[bounce_kind(info)] += 1
    return "{hard} hard, {soft} soft, {unknown} unclassified".format(**counts)


def test_full_mailbox_is_soft():
    info = BounceInfo(status="5.2.2", diagnostic_code=552)  # expect: SMT102 SMT100
    assert bounce_kind(info) == "soft"


def test_unknown_user_is_hard():
    info = BounceInfo(status="5.1.1", diagnostic_code=550, recipient="a@b")  # expect: SMT102 SMT100
    assert bounce_kind(info) == "hard"
    assert info.diagnostic_code == 550  # expect: SMT100
