# corpus: A
"""unittest tests of an outbound queue's retry decisions, driven by smtplib's exceptions and a
mocked SMTP class; the production side is imported from the relay package."""
import smtplib
import unittest
from unittest import mock

from relay.outbound import Outcome, deliver, should_retry


class RetryDecisionTests(unittest.TestCase):
    def test_table(self):
        cases = [
            (421, True),  # expect: SMT100
            (450, True),  # expect: SMT100
            (452, True),  # expect: SMT100
            (550, False),  # expect: SMT100
            (554, False),  # expect: SMT100
        ]
        for code, retry in cases:
            with self.subTest(code=code):
                self.assertEqual(should_retry(code), retry)

    def test_refused_recipients_are_split(self):
        error = smtplib.SMTPRecipientsRefused({
            "gone@example.org": (550, b"5.1.1 User unknown"),  # expect: SMT100 SMT102
            "full@example.org": (452, b"4.2.2 Mailbox full"),  # expect: SMT100 SMT102
        })
        with mock.patch("smtplib.SMTP") as smtp_class:
            smtp_class.return_value.__enter__.return_value.send_message.side_effect = error
            outcome = deliver("mx.example.org", b"message", ["gone@example.org",
                                                            "full@example.org"])
        self.assertEqual(outcome.failed, ["gone@example.org"])
        self.assertEqual(outcome.deferred, ["full@example.org"])

    def test_sender_refused_is_final(self):
        error = smtplib.SMTPSenderRefused(553, b"5.1.8 Sender domain does not exist",  # expect: SMT100 SMT102
                                          "bounces@example.com")
        with mock.patch("smtplib.SMTP") as smtp_class:
            smtp_class.return_value.__enter__.return_value.send_message.side_effect = error
            outcome = deliver("mx.example.org", b"message", ["a@example.org"])
        self.assertIs(outcome.kind, Outcome.FAILED)
        self.assertEqual(outcome.reply, (553, "5.1.8 Sender domain does not exist"))  # expect: SMT100 SMT102

    def test_disconnect_is_retried_after_backoff(self):
        with mock.patch("smtplib.SMTP") as smtp_class:
            smtp_class.side_effect = smtplib.SMTPServerDisconnected("gone")
            outcome = deliver("mx.example.org", b"message", ["a@example.org"], attempt=3)
        self.assertIs(outcome.kind, Outcome.DEFERRED)
        self.assertEqual(outcome.retry_in, 900)

    def test_data_error_keeps_the_server_text(self):
        error = smtplib.SMTPDataError(554, b"5.7.1 Message rejected as spam")  # expect: SMT100 SMT102
        with mock.patch("smtplib.SMTP") as smtp_class:
            smtp_class.return_value.__enter__.return_value.send_message.side_effect = error
            outcome = deliver("mx.example.org", b"message", ["a@example.org"])
        self.assertIn("rejected as spam", outcome.text)
        self.assertEqual(outcome.code, 554)  # expect: SMT100

# ruff: noqa  (realistic code, linted by the SMT plugin only)
