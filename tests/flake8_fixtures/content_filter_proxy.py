# corpus: B
"""An after-queue content filter between two Postfix instances: it receives with aiosmtpd,
asks a spam scanner for a score, and re-injects or refuses."""
import smtplib

from aiosmtpd.controller import Controller

from .scanner import ScannerUnavailable, score

REJECT_AT = 15.0
TAG_AT = 5.0
SKIP_ABOVE_BYTES = 500_000


class FilterHandler:
    def __init__(self, reinject_host="127.0.0.1", reinject_port=10026):
        self.reinject = (reinject_host, reinject_port)

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content or envelope.content
        if len(content) <= SKIP_ABOVE_BYTES:
            try:
                points = await score(content, timeout=30)
            except ScannerUnavailable:
                return "451 4.7.0 Content filter unavailable, try again later"  # expect: SMT101
            if points >= REJECT_AT:
                return "554 5.7.1 Rejected as spam (score %.1f)" % points  # expect: SMT101
            if points >= TAG_AT:
                content = b"X-Spam-Flag: YES\r\n" + content
        try:
            with smtplib.SMTP(*self.reinject, timeout=60) as smtp:
                smtp.sendmail(envelope.mail_from, envelope.rcpt_tos, content)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = {code for code, _ in exc.recipients.values()}
            if all(code >= 500 for code in codes):  # expect: SMT100
                return "550 5.1.1 All recipients refused downstream"  # expect: SMT101
            return "451 4.3.0 Some recipients deferred downstream"  # expect: SMT101
        except (smtplib.SMTPException, OSError):
            return "451 4.4.1 Re-injection failed"  # expect: SMT101
        return "250 2.0.0 Ok: filtered"  # expect: SMT101


def start(port=10025):
    controller = Controller(FilterHandler(), hostname="127.0.0.1", port=port,
                            data_size_limit=50 * 1024 * 1024)
    controller.start()
    return controller

# ruff: noqa  (realistic code, linted by the SMT plugin only)
