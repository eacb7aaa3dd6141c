# corpus: B
"""Tests of a mail proxy's bounce parser: a helper builds RFC 3464 reports whose defaults are
the codes under test, and the assertions read back what the parser found."""
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest

from mail_proxy.bounce import BounceParser


def make_report(recipient="gone@example.com", status="5.1.1",  # expect: SMT102
                diagnostic="smtp; 550 5.1.1 User unknown",  # expect: SMT101
                action="failed"):
    report = MIMEMultipart("report", report_type="delivery-status")
    report.attach(MIMEText("Delivery failed.", "plain"))
    fields = (f"Final-Recipient: rfc822; {recipient}\nAction: {action}\nStatus: {status}\n"
              f"Diagnostic-Code: {diagnostic}\n")
    report.attach(MIMEText(fields, "delivery-status"))
    return report.as_bytes()


@pytest.fixture
def parser():
    return BounceParser(max_body=64 * 1024)


def test_hard_bounce(parser):
    info = parser.parse(make_report())
    assert info.bounce_type == "hard"
    assert info.bounce_code == "550"  # expect: SMT101
    assert info.status == "5.1.1"  # expect: SMT102


def test_soft_bounce(parser):
    info = parser.parse(make_report(status="4.2.2",  # expect: SMT102
                                    diagnostic="smtp; 452 4.2.2 Mailbox full"))  # expect: SMT101
    assert info.bounce_type == "soft"
    assert info.bounce_code == "452"  # expect: SMT101


def test_delayed_is_not_a_bounce(parser):
    info = parser.parse(make_report(action="delayed", status="4.4.7"))  # expect: SMT102
    assert info.bounce_type is None


@pytest.mark.parametrize("diagnostic, expected", [
    ("550 Requested action not taken: mailbox unavailable", "550"),  # expect: SMT101 SMT101
    ("421 Service not available", "421"),  # expect: SMT101 SMT101
    ("no code at all", None),
])
def test_code_from_free_text(parser, diagnostic, expected):
    assert parser.code_from_text(diagnostic) == expected


def test_body_limit(parser):
    big = make_report(diagnostic="smtp; 554 " + "x" * 200_000)  # expect: SMT101
    assert parser.parse(big).bounce_reason is not None

# ruff: noqa  (realistic code, linted by the SMT plugin only)
