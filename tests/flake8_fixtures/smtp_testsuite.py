# corpus: A
"""Tests of a mail gateway: unittest and pytest styles, mocks, assertions on reply codes.

Fixture for the SMT flake8 plugin (``# expect: CODE`` marks each literal that must be reported).
Named without a ``test_`` prefix so pytest does not collect it.
"""

# ruff: noqa  (realistic code, linted by the SMT plugin only)

from __future__ import annotations

import smtplib
import unittest
from unittest import mock

import pytest
from aiosmtplib import SMTPResponse, SMTPResponseException, SMTPRecipientRefused

TEST_PORT = 10025
TIMEOUT = 5


class GatewayTestCase(unittest.TestCase):
    def setUp(self):
        self.client = smtplib.SMTP("127.0.0.1", TEST_PORT, timeout=TIMEOUT)
        self.addCleanup(self.client.close)

    def test_ehlo(self):
        code, text = self.client.ehlo("tester.example")
        self.assertEqual(code, 250)  # expect: SMT100
        self.assertIn(b"SIZE 33554432", text)
        self.assertLessEqual(len(text.splitlines()), 20)

    def test_unknown_user(self):
        with self.assertRaises(smtplib.SMTPRecipientsRefused) as cm:
            self.client.sendmail("a@example.com", ["nobody@example.com"], "Subject: x\r\n\r\nbody")
        code, reply = cm.exception.recipients["nobody@example.com"]
        self.assertEqual(code, 550)  # expect: SMT100
        self.assertEqual(reply, b"5.1.1 User unknown")  # expect: SMT102
        self.assertTrue(reply.startswith(b"5.1."))

    def test_sender_refused(self):
        with self.assertRaises(smtplib.SMTPSenderRefused) as cm:
            self.client.sendmail("bad@spam.example", ["a@example.com"], "x")
        self.assertEqual(cm.exception.smtp_code, 553)  # expect: SMT100
        self.assertEqual(553, cm.exception.smtp_code)  # expect: SMT100

    def test_noop(self):
        self.assertEqual(self.client.noop(), (250, b"2.0.0 OK"))  # expect: SMT100 SMT102

    def test_help(self):
        code, _ = self.client.docmd("HELP")
        self.assertIn(code, (211, 214))  # expect: SMT100 SMT100

    def test_vrfy_disabled(self):
        self.assertEqual(self.client.verify("root")[0], 252)  # expect: SMT100

    def test_bad_sequence(self):
        code, msg = self.client.docmd("DATA")
        self.assertEqual((code, msg), (503, b"5.5.1 Error: need RCPT command"))  # expect: SMT100 SMT102

    def test_size_limit(self):
        big = "x" * (33554432 + 1)
        with self.assertRaises(smtplib.SMTPDataError) as cm:
            self.client.sendmail("a@example.com", ["b@example.com"], big)
        self.assertEqual(cm.exception.smtp_code, 552)  # expect: SMT100
        self.assertGreater(len(big), 1000)

    def test_timeouts(self):
        self.assertEqual(self.client.timeout, 5)
        self.assertEqual(TEST_PORT, 10025)


@pytest.fixture
def smtp_client():
    client = smtplib.SMTP("localhost", 8025, timeout=10)
    yield client
    client.quit()


def test_quit(smtp_client):
    assert smtp_client.quit() == (221, b"2.0.0 Bye")  # expect: SMT100 SMT102


def test_starttls_missing(smtp_client):
    code, message = smtp_client.docmd("STARTTLS")
    assert code == 454  # expect: SMT100
    assert message.startswith(b"4.7.0")  # expect: SMT102


def test_auth_required(smtp_client):
    with pytest.raises(smtplib.SMTPSenderRefused) as excinfo:
        smtp_client.sendmail("a@example.com", ["b@example.com"], "x")
    assert excinfo.value.smtp_code == 530  # expect: SMT100
    assert excinfo.value.smtp_error == b"5.7.0 Authentication required"  # expect: SMT102


@pytest.mark.parametrize("address, expected", [
    ("alice@example.com", 250),  # expect: SMT100
    ("nobody@example.com", 550),  # expect: SMT100
    ("full@example.com", 452),  # expect: SMT100
])
def test_rcpt(smtp_client, address, expected):
    smtp_client.ehlo()
    smtp_client.mail("a@example.com")
    code, _ = smtp_client.rcpt(address)
    assert code == expected


@pytest.mark.parametrize("size", [1, 250, 1000, 33554432])
def test_sizes(smtp_client, size):
    assert len("x" * size) == size


async def test_aiosmtplib_response():
    response = SMTPResponse(250, "2.0.0 OK")  # expect: SMT100 SMT102
    assert response.code == 250  # expect: SMT100
    assert str(response) == "250 2.0.0 OK"  # expect: SMT101
    error = SMTPResponseException(451, "4.3.0 Try again")  # expect: SMT100 SMT102
    assert error.code // 100 == 4
    refused = SMTPRecipientRefused(550, "5.1.1 Unknown", "x@example.com")  # expect: SMT100 SMT102
    assert refused.code in {550, 551}  # expect: SMT100 SMT100
    assert refused.message == "5.1.1 Unknown"  # expect: SMT102


def test_push_calls():
    server = mock.Mock()
    handler_push = server.push
    handler_push("250 OK")  # expect: SMT101
    handler_push.assert_called_once_with("250 OK")  # expect: SMT101
    assert handler_push.call_count == 1


def test_mismatch_in_fixture_data():
    replies = [
        "550 5.1.1 Unknown",  # expect: SMT101
        "451 5.7.1 Greylisted",  # expect: SMT200
        "250-PIPELINING",  # expect: SMT101
        "250-8BITMIME",  # expect: SMT101
        "250 HELP",  # expect: SMT101
    ]
    assert len(replies) == 5


def test_durations(benchmark=None):
    timings = {"connect": 250, "ehlo": 120, "quit": 5}
    assert timings["connect"] <= 500
    assert sum(timings.values()) < 1000
