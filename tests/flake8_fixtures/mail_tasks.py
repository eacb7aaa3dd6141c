# corpus: B
"""Celery tasks sending mail through smtplib, with mocks in the tests at the bottom.

Fixture for the SMT flake8 plugin (``# expect: CODE`` marks each literal that must be reported).
"""

# ruff: noqa  (realistic code, linted by the SMT plugin only)

from __future__ import annotations

import smtplib
from unittest import mock

import requests
from celery import shared_task

MAILGUN_URL = "https://api.mailgun.net/v3/example.com/messages"


class MailError(Exception):
    def __init__(self, code: int = 451, text: str = "temporary failure") -> None:  # expect: SMT100
        super().__init__(code, text)
        self.code = code


@shared_task(bind=True, max_retries=5, default_retry_delay=300)
def send_welcome(self, address: str) -> None:
    try:
        with smtplib.SMTP("smtp.example.com", 587, timeout=20) as server:
            server.starttls()
            server.sendmail("hello@example.com", [address], "Subject: Welcome\r\n\r\nHi")
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _ in exc.recipients.values()]
        if any(code >= 500 for code in codes):  # expect: SMT100
            return
        raise self.retry(exc=exc, countdown=300)
    except smtplib.SMTPException as exc:
        if getattr(exc, "smtp_code", None) == 421:  # expect: SMT100
            raise self.retry(exc=exc, countdown=600)
        raise


@shared_task
def send_via_api(address: str) -> bool:
    response = requests.post(MAILGUN_URL, data={"to": address}, timeout=10)
    if response.status_code == 429:
        return False
    if response.status_code >= 500:
        raise RuntimeError("provider down")
    return response.status_code == 200


def classify(code: int) -> str:
    if code in {421, 450, 451, 452}:  # expect: SMT100 SMT100 SMT100 SMT100
        return "retry"
    if 500 <= code <= 599:  # expect: SMT100 SMT100
        return "bounce"
    return "ok"


def test_refused_recipient_is_not_retried():
    with mock.patch("smtplib.SMTP") as smtp_cls:
        server = smtp_cls.return_value.__enter__.return_value
        server.sendmail.side_effect = smtplib.SMTPRecipientsRefused(
            {"x@example.com": (550, b"5.1.1 No such user")}  # expect: SMT100 SMT102
        )
        server.ehlo.return_value = (250, b"OK")  # expect: SMT100
        send_welcome.run("x@example.com")
        assert server.sendmail.call_count == 1


def test_busy_server_is_retried():
    error = smtplib.SMTPServerDisconnected("gone")
    error.smtp_code = 421  # expect: SMT100
    assert classify(421) == "retry"  # expect: SMT100
    assert classify(550) == "bounce"  # expect: SMT100
    assert MailError().code == 451  # expect: SMT100
