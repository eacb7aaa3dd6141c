# corpus: B
"""A provider's policy daemon answering Postfix-style access checks with its own codes.

Fixture for the SMT flake8 plugin (``# expect: CODE`` marks each literal that must be reported).
The provider code 559 is unknown to the standard catalogue (SMT201) unless a custom catalogue
defines it.
"""

# ruff: noqa  (realistic code, linted by the SMT plugin only)

from __future__ import annotations

import socketserver

from aiosmtpd.handlers import Sink

POLICY_PORT = 10040
GREYLIST_DELAY = 300


class PolicyHandler(socketserver.StreamRequestHandler):
    timeout = 30

    def handle(self):
        attrs = {}
        for raw in self.rfile:
            line = raw.decode("ascii").strip()
            if not line:
                break
            key, _, value = line.partition("=")
            attrs[key] = value
        self.wfile.write(("action=%s\n\n" % self.decide(attrs)).encode("ascii"))

    def decide(self, attrs: dict[str, str]) -> str:
        if attrs.get("recipient_count", "0") > "250":
            return "REJECT too many recipients"
        if attrs.get("client_address", "").startswith("203.0.113."):
            return "559 5.7.1 Greylisted by provider"  # expect: SMT201
        if attrs.get("sasl_username"):
            return "DUNNO"
        return "DEFER_IF_PERMIT 451 4.7.1 Try again later"


class GreylistSink(Sink):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.endswith("@trap.example"):
            return "559 Greylisted by provider"  # expect: SMT201
        if address.endswith("@old.example"):
            return "551 User not local; please try <postmaster@example.com>"  # expect: SMT101
        if address.endswith("@bad.example"):
            return "550 2.1.5 Destination address valid"  # expect: SMT200
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 Recipient ok"  # expect: SMT101

    async def handle_DATA(self, server, session, envelope):
        return "250 2.6.0 Message accepted"  # expect: SMT101
