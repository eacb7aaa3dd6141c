# corpus: B
"""A bridge that accepts mail over SMTP and posts it to an HTTP webhook: the webhook's HTTP
status decides the SMTP reply. Both protocols meet in one function."""

import json
import urllib.request

from aiosmtpd.handlers import AsyncMessage


def post(url, payload, timeout=10):
    request = urllib.request.Request(url, data=json.dumps(payload).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status


class Bridge(AsyncMessage):
    def __init__(self, url):
        super().__init__()
        self.url = url

    async def handle_DATA(self, server, session, envelope):
        try:
            status = post(self.url, {"from": envelope.mail_from, "to": envelope.rcpt_tos})
        except OSError:
            return "451 4.4.1 Webhook unreachable"  # expect: SMT101
        if status == 413:
            return "552 5.3.4 Message too large for the webhook"  # expect: SMT101
        if status >= 500:
            return "451 4.3.0 Webhook failed, try again later"  # expect: SMT101
        if status >= 400:
            return "554 5.6.0 Webhook refused the message"  # expect: SMT101
        return "250 2.0.0 Delivered to webhook"  # expect: SMT101
