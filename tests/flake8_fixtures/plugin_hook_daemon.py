# corpus: A
"""A gevent-era SMTP daemon whose commands are plain methods (helo, mail, rcpt...) and whose
plugins answer through exceptions; every reply goes out through send_code(code, text)."""
import logging

from gevent import socket

from .errors import DenyError, HookError, StopHooks
from .transaction import Transaction

log = logging.getLogger(__name__)


class Session:
    def __init__(self, server, sock, address):
        self.server = server
        self.sock = sock
        self.file = sock.makefile("rwb")
        self.peer = address
        self.greeted = None
        self.txn = None

    def send_code(self, code, text, *args):
        line = "%d %s\r\n" % (code, text % args if args else text)
        self.file.write(line.encode())
        self.file.flush()

    def disconnect(self, code, text=""):
        self.send_code(code, text)
        self.sock.shutdown(socket.SHUT_RDWR)

    def run(self):
        self.send_code(220, "%s ESMTP ready", self.server.hostname)  # expect: SMT100
        while True:
            line = self.file.readline(1024)
            if not line:
                break
            verb, _, rest = line.decode("latin-1").strip().partition(" ")
            handler = getattr(self, "cmd_" + verb.lower(), None)
            if handler is None:
                self.send_code(500, "Unrecognized command")  # expect: SMT100
                continue
            try:
                handler(rest)
            except Exception:
                log.exception("command %s failed", verb)
                self.disconnect(451, "Internal error, try again later")  # expect: SMT100
                break

    def cmd_helo(self, host):
        if self.greeted:
            return self.send_code(503, "You already said HELO")  # expect: SMT100
        try:
            self.server.hooks.run("helo", self, host)
        except HookError as err:
            self.send_code(450 if err.soft else 550, err.message)  # expect: SMT100 SMT100
            return
        self.greeted = host
        self.send_code(250, "%s pleased to meet you", self.server.hostname)  # expect: SMT100

    def cmd_mail(self, arg):
        if not self.greeted:
            return self.send_code(503, "Say HELO first")  # expect: SMT100
        self.txn = Transaction()
        try:
            self.server.hooks.run("mail", self.txn, arg)
        except HookError as err:
            return self.send_code(450 if err.soft else 550, err.message)  # expect: SMT100 SMT100
        self.txn.sender = arg
        self.send_code(250, "Sender OK")  # expect: SMT100

    def cmd_rcpt(self, arg):
        if self.txn is None or self.txn.sender is None:
            return self.send_code(503, "Use MAIL before RCPT")  # expect: SMT100
        if len(self.txn.recipients) >= 100:
            return self.send_code(452, "Too many recipients")  # expect: SMT100
        try:
            self.server.hooks.run("rcpt", self.txn, arg)
        except StopHooks:
            return
        except DenyError as err:
            code = 450 if err.soft else 550  # expect: SMT100 SMT100
            return self.send_code(code, err.message or "relaying denied")
        self.txn.recipients.append(arg)
        self.send_code(250, "Recipient OK")  # expect: SMT100

    def cmd_data(self, _):
        if not self.txn or not self.txn.recipients:
            return self.send_code(503, "RCPT first")  # expect: SMT100
        self.send_code(354, "go ahead")  # expect: SMT100
        size = 0
        limit = self.server.config.get("size_limit", 10 * 1024 * 1024)
        for raw in iter(self.file.readline, b""):
            if raw in (b".\r\n", b".\n"):
                break
            size += len(raw)
            if size > limit:
                self.txn = None
                return self.send_code(552, "Message too big")  # expect: SMT100
        self.send_code(250, "Queued")  # expect: SMT100

    def cmd_quit(self, _):
        self.disconnect(221, "%s closing connection" % self.server.hostname)  # expect: SMT100

# ruff: noqa  (realistic code, linted by the SMT plugin only)
