# corpus: trap
"""A mail-to-news gateway: posts list mail to an NNTP server. NNTP replies look like SMTP's
(three digits and a text) but mean something else; the SMTP hook stays reportable."""

import nntplib

from aiosmtpd.handlers import AsyncMessage


def post_article(server, article_lines):
    with nntplib.NNTP(server, 119, readermode=True) as news:
        resp = news.post(article_lines)
        if not resp.startswith("240"):
            raise RuntimeError("article not posted: " + resp)
        resp, count, first, last, name = news.group("local.lists")
        if resp[:3] == "211":
            return int(last)
    return None


class FakeNewsServer:
    """Answers of a scripted NNTP server in the gateway's tests."""

    def __init__(self, write):
        self.write = write

    def greet(self):
        self.write(b"200 news.test.invalid InterNetNews ready\r\n")

    def on_post(self):
        self.write(b"340 Ok, recommended message-ID <x@test>\r\n")

    def on_article(self):
        self.write(b"240 Article received ok\r\n")

    def on_group(self, name):
        self.write(b"211 12 1 12 " + name + b"\r\n")

    def on_unknown(self):
        self.write(b"500 What?\r\n")


class GatewayHandler(AsyncMessage):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if not address.endswith("@lists.example.org"):
            return "550 5.7.1 This gateway only takes list mail"  # expect: SMT101
        envelope.rcpt_tos.append(address)
        return "250 OK"  # expect: SMT101

    async def handle_message(self, message):
        post_article("news.example.org", message.as_bytes().splitlines())
