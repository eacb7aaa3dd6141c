# corpus: trap
"""Settings of a mail transport: ports, sizes, limits and versions. Many numbers in the reply
code range, none of them a reply code."""

import smtplib
import ssl

DEFAULTS = {"port": 587, "timeout": 300, "max_size": 52428800}


class TransportConfig:
    def __init__(self, host="localhost", port=25, use_tls=False, timeout=30):
        self.host = host
        self.port = port
        self.use_tls = use_tls
        self.timeout = timeout
        self.max_line_length = 998
        self.max_recipients = 500
        self.batch_size = 250
        self.pool_size = 4
        self.tls_version = "1.2"
        self.protocol_version = "2.0.0"

    def implicit_tls(self):
        return self.port == 465

    def submission(self):
        return self.port in (587, 2525)

    def chunks(self, recipients):
        size = 250
        return [recipients[i:i + size] for i in range(0, len(recipients), size)]

    def connect(self):
        if self.port == 465:
            return smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout,
                                    context=ssl.create_default_context())
        smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        if self.port != 25:
            smtp.starttls()
        return smtp


def wrap_line(line, width=500):
    return [line[i:i + width] for i in range(0, len(line), width)]


def too_big(message, limit=550):
    """Size check in kilobytes; 550 KiB is the list's limit, not a reply code."""
    return len(message) // 1024 > limit


def check_version(server_version):
    if server_version < "5.0.0":
        raise RuntimeError("needs server 5.0.0 or newer")
    return server_version in ("5.1.1", "5.2.0")


def retry_schedule(attempt):
    delays = [60, 300, 900, 3600]
    return delays[min(attempt, len(delays) - 1)]


def fits(message_size, max_size=25 * 1024 * 1024):
    return message_size <= max_size and message_size > 250
