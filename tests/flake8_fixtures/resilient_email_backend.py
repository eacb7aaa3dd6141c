# corpus: B
"""A Django email backend that keeps its SMTP connection across messages: it checks the
connection with NOOP, reconnects, and records per-message results."""
import logging
import smtplib

from django.core.mail.backends.smtp import EmailBackend

log = logging.getLogger(__name__)


class ResilientBackend(EmailBackend):
    def __init__(self, *args, max_reconnects=3, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_reconnects = max_reconnects
        self.results = {}

    def alive(self):
        if self.connection is None:
            return False
        try:
            status, _ = self.connection.noop()
        except smtplib.SMTPServerDisconnected:
            return False
        return status == 250  # expect: SMT100

    def _send(self, email_message):
        for attempt in range(self.max_reconnects):
            if not self.alive():
                self.close()
                self.open()
            try:
                return super()._send(email_message)
            except smtplib.SMTPDataError as exc:
                if exc.smtp_code == 554:  # expect: SMT100
                    log.warning("message %s refused as spam", email_message.extra_headers)
                    self.results[id(email_message)] = ("rejected", exc.smtp_code)
                    return False
                raise
            except smtplib.SMTPSenderRefused as exc:
                if exc.smtp_code == 530 and attempt == 0:  # expect: SMT100
                    self.connection.starttls()
                    continue
                raise
        return False

    def verify_address(self, address):
        self.open()
        code, text = self.connection.verify(address)
        if code in (250, 251, 252):  # expect: SMT100 SMT100 SMT100
            return True
        if code == 550:  # expect: SMT100
            return False
        log.info("VRFY %s gave %s %s", address, code, text)
        return None

# ruff: noqa  (realistic code, linted by the SMT plugin only)
