# corpus: A
"""A Twisted ESMTP server with a custom verb, message delivery checks and a client factory.

Fixture for the SMT flake8 plugin (``# expect: CODE`` marks each literal that must be reported).
"""

# ruff: noqa  (realistic code, linted by the SMT plugin only)

from __future__ import annotations

from twisted.internet import defer, reactor
from twisted.mail import smtp
from twisted.python import log
from zope.interface import implementer

SERVER_PORT = 2525
IDLE_TIMEOUT = 600
MAX_LINE = 1000


class MailingListESMTP(smtp.ESMTP):
    """Adds LIST and refuses EXPN; replies go through sendCode."""

    timeout = 600
    maxRcpts = 250

    def do_EXPN(self, rest):
        self.sendCode(502, b"5.5.1 EXPN is disabled on this server")  # expect: SMT100 SMT102

    def do_LIST(self, rest):
        if not rest:
            self.sendCode(501, b"Syntax: LIST <name>")  # expect: SMT100
            return
        members = self.factory.lists.get(rest.strip().decode("ascii"))
        if members is None:
            self.sendCode(550, b"No such list")  # expect: SMT100
            return
        for member in members[:-1]:
            self.sendCode(250, member.encode("utf-8"), multiline=True)  # expect: SMT100
        self.sendCode(250, members[-1].encode("utf-8"))  # expect: SMT100

    def do_VRFY(self, rest):
        self.sendCode(504, b"5.5.4 VRFY takes a mailbox name")  # expect: SMT100 SMT102

    def do_UNKNOWN(self, rest):
        self.sendCode(500, b"Command not implemented")  # expect: SMT100

    def do_RSET(self, rest):
        super().do_RSET(rest)
        self.transport.write(b"250 2.0.0 Flushed\r\n")  # expect: SMT101

    def lineLengthExceeded(self, line):
        self.sendCode(500, b"Line too long")  # expect: SMT100
        self.transport.loseConnection()

    def connectionMade(self):
        smtp.ESMTP.connectionMade(self)
        if len(self.factory.clients) > 200:
            self.sendCode(421, b"4.7.0 Too many connections, try later")  # expect: SMT100 SMT102
            self.transport.loseConnection()


@implementer(smtp.IMessageDelivery)
class ListDelivery:
    def __init__(self, lists):
        self.lists = lists

    def receivedHeader(self, helo, origin, recipients):
        return "Received: from %s" % (helo[0].decode("ascii"),)

    def validateFrom(self, helo, origin):
        if origin.domain == b"spam.example":
            raise smtp.SMTPBadSender(origin, 553, "Sender domain blocked")  # expect: SMT100
        return origin

    def validateTo(self, user):
        name = user.dest.local.decode("ascii")
        if name not in self.lists:
            raise smtp.SMTPBadRcpt(user, code=550, resp="5.1.1 No such list")  # expect: SMT100 SMT102
        return lambda: ListMessage(self.lists[name])


@implementer(smtp.IMessage)
class ListMessage:
    def __init__(self, members):
        self.members = members
        self.lines = []

    def lineReceived(self, line):
        if len(self.lines) > 100000:
            raise smtp.SMTPServerError(552, "Message too large")  # expect: SMT100
        self.lines.append(line)

    def eomReceived(self):
        return defer.succeed(None)

    def connectionLost(self):
        self.lines = None


class ListFactory(smtp.SMTPFactory):
    protocol = MailingListESMTP

    def __init__(self, lists):
        super().__init__()
        self.lists = lists
        self.clients = []

    def buildProtocol(self, addr):
        p = smtp.SMTPFactory.buildProtocol(self, addr)
        p.delivery = ListDelivery(self.lists)
        p.timeout = 300
        return p


class Sender(smtp.ESMTPClient):
    def smtpTransferFailed(self, code, resp):
        if code == 552:  # expect: SMT100
            log.msg("message too big for %s" % self.transport.getPeer())
        elif code in (421, 450):  # expect: SMT100 SMT100
            reactor.callLater(300, self.retry)
        else:
            log.err(smtp.SMTPDeliveryError(code, resp))

    def smtpState_to(self, code, resp):
        if code == 250 or code == 251:  # expect: SMT100 SMT100
            self.successAddresses.append(self.lastAddress)
        else:
            self.failedAddresses.append((self.lastAddress, code, resp))
        return smtp.ESMTPClient.smtpState_to(self, code, resp)


def main():
    reactor.listenTCP(2525, ListFactory({"dev": ["a@example.com", "b@example.com"]}))
    reactor.callLater(3600, reactor.stop)
    reactor.run()
