# corpus: A
"""Outbound mail for a billing service: smtplib with retries and bounce classification.

Fixture for the SMT flake8 plugin: expected findings are declared as ``# expect: CODE`` at the
end of the line that holds the literal; every other literal must stay silent.
"""

# ruff: noqa  (realistic code, linted by the SMT plugin only)

from __future__ import annotations

import logging
import smtplib
import socket
import ssl
import time
from email.message import EmailMessage

log = logging.getLogger(__name__)

SMTP_HOST = "mail.example.com"
SMTP_PORT = 587
SMTPS_PORT = 465
PLAIN_PORT = 25
CONNECT_TIMEOUT = 30
MAX_MESSAGE_SIZE = 25 * 1024 * 1024
MAX_RECIPIENTS = 500
RETRY_DELAYS = (5, 30, 120, 300, 900)
TEMPORARY_CODES = frozenset({421, 450, 451, 452})
PERMANENT_CODES = {550: "mailbox unavailable", 551: "user not local", 553: "bad address"}
GREETING_OK = "220 mail.example.com ESMTP"
QUEUED = (250, b"2.0.0 Ok: queued")


def connect(host: str = SMTP_HOST, port: int = SMTP_PORT) -> smtplib.SMTP:
    context = ssl.create_default_context()
    if port == 465:
        server = smtplib.SMTP_SSL(host, 465, timeout=30, context=context)
    else:
        server = smtplib.SMTP(host, port, timeout=CONNECT_TIMEOUT)
    code, banner = server.ehlo()
    if code != 250:  # expect: SMT100
        raise smtplib.SMTPHeloError(code, banner)
    if server.has_extn("starttls") and port != 465:
        code, _ = server.starttls(context=context)
        if code != 220:  # expect: SMT100
            raise smtplib.SMTPResponseException(code, b"TLS not available")
        server.ehlo()
    return server


def send(message: EmailMessage, retries: int = 3) -> dict[str, tuple[int, bytes]]:
    for attempt in range(retries + 1):
        try:
            with connect() as server:
                return server.send_message(message)
        except smtplib.SMTPSenderRefused as exc:
            if exc.smtp_code == 553:  # expect: SMT100
                log.error("sender address rejected: %s", exc.sender)
                raise
            if exc.smtp_code in (421, 451):  # expect: SMT100 SMT100
                time.sleep(RETRY_DELAYS[attempt])
                continue
            raise
        except smtplib.SMTPRecipientsRefused as exc:
            for address, (c, reply) in exc.recipients.items():
                if c >= 500:  # expect: SMT100
                    log.warning("dropping %s: %s", address, reply)
            return {}
        except smtplib.SMTPDataError as exc:
            if exc.smtp_code == 552 and len(message.as_bytes()) > 10_000_000:  # expect: SMT100
                raise ValueError("message too large") from exc
            if exc.smtp_error.startswith(b"5.7.1"):  # expect: SMT102
                raise PermissionError(exc.smtp_error) from exc
            raise
        except (socket.timeout, ConnectionRefusedError):
            time.sleep(min(2 ** attempt, 300))
    raise TimeoutError("gave up after %d attempts" % retries)


def verify(server: smtplib.SMTP, address: str) -> bool:
    code, _ = server.verify(address)
    return code in (250, 251, 252)  # expect: SMT100 SMT100 SMT100


def noop_alive(server: smtplib.SMTP) -> bool:
    try:
        status = server.noop()[0]
    except smtplib.SMTPServerDisconnected:
        return False
    return status == 250  # expect: SMT100


def raw_rcpt(server: smtplib.SMTP, address: str) -> None:
    code, resp = server.docmd("RCPT TO:", f"<{address}>")
    if code == 550 or resp.startswith(b"5.1.1"):  # expect: SMT100 SMT102
        raise smtplib.SMTPRecipientsRefused({address: (code, resp)})
    if code // 100 == 4:
        raise smtplib.SMTPResponseException(451, b"4.3.0 try again later")  # expect: SMT100 SMT102


def classify(exc: smtplib.SMTPResponseException) -> str:
    if exc.smtp_code >= 500:  # expect: SMT100
        return "permanent"
    if exc.smtp_code == 421:  # expect: SMT100
        return "disconnect"
    if 400 <= exc.smtp_code < 500:  # expect: SMT100 SMT100
        return "temporary"
    return "unknown"


def refuse(address: str) -> None:
    raise smtplib.SMTPRecipientsRefused(
        {
            address: (
                550,  # expect: SMT100
                b"5.1.1 User unknown",  # expect: SMT102
            )
        }
    )


def refuse_sender(address: str) -> None:
    raise smtplib.SMTPSenderRefused(553, b"Sender address rejected", address)  # expect: SMT100


def mailbox_full() -> None:
    raise smtplib.SMTPDataError(
        552,  # expect: SMT100
        b"Requested mail action aborted: exceeded storage allocation",
    )


def batch(recipients: list[str]) -> list[list[str]]:
    size = 100
    chunks = [recipients[i:i + size] for i in range(0, len(recipients), size)]
    if len(chunks) > 250:
        raise ValueError("too many recipients")
    return chunks


def build(subject: str) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = subject[:250]
    msg["X-Priority"] = "3"
    msg.set_content("Your invoice is attached.\n" * 2)
    msg.add_header("X-Mailer", "billing/2.5.0")
    return msg


def backoff(attempt: int) -> float:
    delay = 250 * (2 ** attempt)
    return min(delay, 3000) / 1000.0


if __name__ == "__main__":
    server = connect()
    code, msg = server.noop()
    assert code == 250, msg  # expect: SMT100
    print("server ok on port", 587, "timeout", 30, "limit", 500)
    server.quit()
