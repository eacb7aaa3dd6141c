# corpus: A
"""Message delivery for a Twisted-based mail server: the delivery object refuses recipients by
raising the library's exceptions, some with a code and a text."""

from twisted.internet import defer
from twisted.mail import smtp
from zope.interface import implementer


@implementer(smtp.IMessageDelivery)
class LocalDelivery:
    def __init__(self, users, max_size=10 * 1024 * 1024):
        self.users = users
        self.max_size = max_size

    def receivedHeader(self, helo, origin, recipients):
        return f"Received: from {helo[0].decode()}"

    def validateFrom(self, helo, origin):
        if not origin.domain:
            raise smtp.SMTPBadSender(origin, 553, "Sender needs a domain")  # expect: SMT100
        return origin

    def validateTo(self, user):
        if user.dest.local not in self.users:
            raise smtp.SMTPBadRcpt(user)
        if self.users[user.dest.local].over_quota:
            raise smtp.SMTPServerError(452, "4.2.2 Mailbox full")  # expect: SMT100 SMT102
        return lambda: Message(self.max_size)


@implementer(smtp.IMessage)
class Message:
    def __init__(self, max_size):
        self.lines = []
        self.size = 0
        self.max_size = max_size

    def lineReceived(self, line):
        self.size += len(line)
        if self.size > self.max_size:
            raise smtp.SMTPServerError(552, "Message too long")  # expect: SMT100
        self.lines.append(line)

    def eomReceived(self):
        return defer.succeed(None)

    def connectionLost(self):
        self.lines = []


class QuietESMTP(smtp.ESMTP):
    def do_VRFY(self, rest):
        self.sendCode(252, b"2.5.0 Cannot VRFY user, will try")  # expect: SMT100 SMT102

    def do_EXPN(self, rest):
        self.sendCode(502, b"5.5.1 EXPN not available")  # expect: SMT100 SMT102
