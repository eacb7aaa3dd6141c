# corpus: A
"""An email alias service's inbound handler (aiosmtpd): statuses come from a module of named
constants, but some branches still answer with literal replies."""

import logging

from aiosmtpd.controller import Controller

from . import status
from .models import Alias

log = logging.getLogger("forwarder")


class ForwardHandler:
    async def handle_DATA(self, server, session, envelope):
        try:
            return self.forward(envelope)
        except Exception:
            log.exception("forwarding failed")
            return status.E404

    def forward(self, envelope):
        for rcpt in envelope.rcpt_tos:
            alias = Alias.get(rcpt)
            if alias is None:
                return "550 SL E3 Unknown alias"  # expect: SMT101
            if not alias.enabled:
                return f"550 SL E12 {rcpt} is disabled"  # expect: SMT101
            if alias.mailbox.over_quota:
                return "452 4.2.2 Mailbox of alias owner is full"  # expect: SMT101
            alias.deliver(envelope.content)
        return status.E200


def main(port=20381):
    controller = Controller(ForwardHandler(), hostname="0.0.0.0", port=port)
    controller.start()
    return controller
