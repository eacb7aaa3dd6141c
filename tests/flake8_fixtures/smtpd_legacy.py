# corpus: A
"""A legacy asyncore/smtpd-style channel and server (the stdlib smtpd API, Python < 3.12).

Fixture for the SMT flake8 plugin (``# expect: CODE`` marks each literal that must be reported).
"""

# ruff: noqa  (realistic code, linted by the SMT plugin only)

from __future__ import annotations

import asynchat
import smtpd
import socket

COMMAND, DATA = 0, 1
MAX_COMMAND_LENGTH = 512
DATA_SIZE_DEFAULT = 33554432


class Channel(asynchat.async_chat):
    command_size_limit = 512

    def __init__(self, server, conn, addr):
        super().__init__(conn)
        self.server = server
        self.addr = addr
        self.state = COMMAND
        self.seen_greeting = ""
        self.mailfrom = None
        self.rcpttos = []
        self.set_terminator(b"\r\n")
        self.push("220 %s %s" % (socket.getfqdn(), "Python SMTP proxy version 0.3"))  # expect: SMT101

    def push(self, msg):
        asynchat.async_chat.push(self, bytes(msg + "\r\n", "utf-8"))

    def found_terminator(self):
        line = self._emptystring.join(self.received_lines)
        if self.state == COMMAND:
            if not line:
                self.push("500 Error: bad syntax")  # expect: SMT101
                return
            if len(line) > 512:
                self.push("500 Error: line too long")  # expect: SMT101
                return
            method, _, arg = line.partition(" ")
            handler = getattr(self, "smtp_" + method.upper(), None)
            if handler is None:
                self.push('502 Error: command "%s" not implemented' % method)  # expect: SMT101
                return
            handler(arg)
        else:
            if self.state != DATA:
                self.push("451 Internal confusion")  # expect: SMT101
                return
            status = self.server.process_message(self.addr, self.mailfrom, self.rcpttos, line)
            self.rcpttos = []
            self.mailfrom = None
            self.state = COMMAND
            self.set_terminator(b"\r\n")
            if not status:
                self.push("250 OK")  # expect: SMT101
            else:
                self.push(status)

    def smtp_HELO(self, arg):
        if not arg:
            self.push("501 Syntax: HELO hostname")  # expect: SMT101
            return
        if self.seen_greeting:
            self.push("503 Duplicate HELO/EHLO")  # expect: SMT101
            return
        self.seen_greeting = arg
        self.push("250 %s" % socket.getfqdn())  # expect: SMT101

    def smtp_NOOP(self, arg):
        if arg:
            self.push("501 Syntax: NOOP")  # expect: SMT101
        else:
            self.push("250 OK")  # expect: SMT101

    def smtp_QUIT(self, arg):
        self.push("221 Bye")  # expect: SMT101
        self.close_when_done()

    def smtp_MAIL(self, arg):
        if not self.seen_greeting:
            self.push("503 Error: send HELO first")  # expect: SMT101
            return
        address = arg[5:].strip() if arg else ""
        if not address:
            self.push("501 Syntax: MAIL FROM:<address>")  # expect: SMT101
            return
        self.mailfrom = address
        self.push("250 OK")  # expect: SMT101

    def smtp_RCPT(self, arg):
        if not self.mailfrom:
            self.push("503 Error: need MAIL command")  # expect: SMT101
            return
        if len(self.rcpttos) >= 100:
            self.push("452 Error: too many recipients")  # expect: SMT101
            return
        self.rcpttos.append(arg[3:].strip())
        self.push("250 OK")  # expect: SMT101

    def smtp_DATA(self, arg):
        if not self.rcpttos:
            self.push("503 Error: need RCPT command")  # expect: SMT101
            return
        self.state = DATA
        self.set_terminator(b"\r\n.\r\n")
        self.push("354 End data with <CR><LF>.<CR><LF>")  # expect: SMT101


class RejectingServer(smtpd.SMTPServer):
    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        if len(data) > DATA_SIZE_DEFAULT:
            return "552 Error: Too much mail data"  # expect: SMT101
        if any(r.endswith("@blocked.example") for r in rcpttos):
            return "550 No such user here"  # expect: SMT101
        if peer[0].startswith("10."):
            return "554 5.7.1 Relay access denied"  # expect: SMT101
        return None


def run(port: int = 1025) -> None:
    server = RejectingServer(("127.0.0.1", port), None, data_size_limit=DATA_SIZE_DEFAULT)
    server.serve_forever(timeout=30)
