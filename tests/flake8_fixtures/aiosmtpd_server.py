# corpus: A
"""An inbound relay built on aiosmtpd: handler hooks, a custom SMTP subclass, a controller.

Fixture for the SMT flake8 plugin (``# expect: CODE`` marks each literal that must be reported).
"""

# ruff: noqa  (realistic code, linted by the SMT plugin only)

from __future__ import annotations

import asyncio
import ipaddress
import logging
from email import message_from_bytes

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session, syntax

log = logging.getLogger("relay")

LISTEN_PORT = 8025
SUBMISSION_PORT = 587
DATA_SIZE_LIMIT = 33554432
MAX_RCPTS = 100
LOCAL_DOMAINS = {"example.com", "example.org"}
BLOCKED_NETWORKS = [ipaddress.ip_network("192.0.2.0/24"), ipaddress.ip_network("198.51.100.0/24")]
REPLIES = {
    "ok": "250 OK",
    "unknown_user": "550 5.1.1 User unknown",
    "relay_denied": "554 5.7.1 Relay access denied",
}
GREYLIST_SECONDS = 300


class RelayHandler:
    def __init__(self, mailboxes: set[str]) -> None:
        self.mailboxes = mailboxes
        self.seen: dict[str, float] = {}

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        responses.append("250-SIZE 33554432")  # expect: SMT101
        return responses

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if not address:
            return "501 5.1.7 Bad sender address syntax"  # expect: SMT101
        if ipaddress.ip_address(session.peer[0]) in BLOCKED_NETWORKS[0]:
            return "554 5.7.1 Client host rejected"  # expect: SMT101
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"  # expect: SMT101

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        domain = address.rpartition("@")[2]
        if domain not in LOCAL_DOMAINS:
            return "550 not relaying to that domain"  # expect: SMT101
        if address not in self.mailboxes:
            return "550 5.1.1 <%s>: Recipient address rejected" % address  # expect: SMT101
        if len(envelope.rcpt_tos) >= MAX_RCPTS:
            return "452 4.5.3 Too many recipients"  # expect: SMT101
        if address.startswith("full@"):
            return "552 4.2.2 Mailbox full"  # expect: SMT200
        if address.startswith("grey@"):
            return "559 Greylisted, try again in 300 seconds"  # expect: SMT201
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"  # expect: SMT101

    async def handle_DATA(self, server, session, envelope):
        if len(envelope.content) > DATA_SIZE_LIMIT:
            return "552 5.3.4 Message too big for system"  # expect: SMT101
        message = message_from_bytes(envelope.content)
        if message.get("X-Spam-Score", "0") > "5.0":
            return "550 5.7.1 Message rejected as spam"  # expect: SMT101
        await asyncio.sleep(0.25)
        log.info("accepted %d bytes for %d recipients", len(envelope.content), len(envelope.rcpt_tos))
        return f"250 2.0.0 Message accepted for delivery as {id(message):x}"  # expect: SMT101

    async def handle_VRFY(self, server, session, envelope, address):
        return "252 2.5.0 Cannot VRFY user, but will accept message"  # expect: SMT101

    async def handle_exception(self, error):
        log.exception("handler failed", exc_info=error)
        return "421 4.3.0 Internal error, closing connection"  # expect: SMT101


class StrictSMTP(SMTP):
    """Refuses HELO without a hostname and answers a private XCLIENT verb."""

    @syntax("HELO hostname")
    async def smtp_HELO(self, hostname):
        if not hostname:
            await self.push("501 Syntax: HELO hostname")  # expect: SMT101
            return
        await super().smtp_HELO(hostname)

    @syntax("XCLIENT ADDR=ip")
    async def smtp_XCLIENT(self, arg):
        if self.session.peer[0] not in ("127.0.0.1", "::1"):
            await self.push("550 5.7.0 Insufficient authorization")  # expect: SMT101
            return
        if not arg:
            await self.push(
                "501 5.5.4 Syntax: XCLIENT ADDR=ip"  # expect: SMT101
            )
            return
        await self.push("220 2.0.0 Ready")  # expect: SMT101

    async def smtp_NOOP(self, arg):
        status = await self._call_handler_hook("NOOP", arg)
        await self.push("250 OK" if status is None else status)  # expect: SMT101

    async def smtp_BDAT(self, arg):
        await self.push("502 5.5.1 Command not implemented")  # expect: SMT101

    async def smtp_ETRN(self, arg):
        await self.push("458 4.4.0 Unable to queue messages for node")  # expect: SMT101


def make_controller(handler: RelayHandler) -> Controller:
    return Controller(
        handler,
        hostname="127.0.0.1",
        port=8025,
        data_size_limit=33554432,
        ready_timeout=5.0,
        server_kwargs={"decode_data": False, "timeout": 300},
    )


async def serve_forever() -> None:
    controller = make_controller(RelayHandler({"alice@example.com"}))
    controller.start()
    try:
        while True:
            await asyncio.sleep(3600)
    finally:
        controller.stop()
