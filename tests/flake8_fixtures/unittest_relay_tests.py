# corpus: A
"""unittest tests of a relay that wraps smtplib: mocked connections return replies as
(code, message) pairs and raise smtplib's exceptions with codes."""

import smtplib
import unittest
from unittest import mock

from relay import Relay, TemporaryFailure


class RelayTests(unittest.TestCase):
    def setUp(self):
        patcher = mock.patch("smtplib.SMTP")
        self.smtp_class = patcher.start()
        self.addCleanup(patcher.stop)
        self.conn = self.smtp_class.return_value
        self.conn.ehlo.return_value = (250, b"mx.test")  # expect: SMT100

    def test_accepted(self):
        self.conn.sendmail.return_value = {}
        self.conn.noop.return_value = (250, b"2.0.0 OK")  # expect: SMT100 SMT102
        Relay("mx.test").send("a@test", ["b@test"], b"hi")
        self.conn.sendmail.assert_called_once()

    def test_recipient_refused(self):
        self.conn.sendmail.side_effect = smtplib.SMTPRecipientsRefused(
            {"b@test": (550, b"5.1.1 User unknown")})  # expect: SMT100 SMT102
        with self.assertRaises(smtplib.SMTPRecipientsRefused) as cm:
            Relay("mx.test").send("a@test", ["b@test"], b"hi")
        code, text = cm.exception.recipients["b@test"]
        self.assertEqual(code, 550)  # expect: SMT100
        self.assertEqual(text, b"5.1.1 User unknown")  # expect: SMT102

    def test_data_error_is_temporary(self):
        error = smtplib.SMTPDataError(451, b"4.3.0 Try later")  # expect: SMT100 SMT102
        self.conn.sendmail.side_effect = error
        with self.assertRaises(TemporaryFailure) as cm:
            Relay("mx.test").send("a@test", ["b@test"], b"hi")
        self.assertEqual(cm.exception.smtp_code, 451)  # expect: SMT100
        self.assertTrue(cm.exception.retry_after >= 300)

    def test_connection_timeout(self):
        self.smtp_class.side_effect = TimeoutError()
        with self.assertRaises(TemporaryFailure):
            Relay("mx.test", timeout=30, port=587).send("a@test", ["b@test"], b"hi")
