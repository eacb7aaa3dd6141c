# corpus: A
"""A line-based SMTP server with a dispatch table of command methods; replies go through one
helper that formats the code and the text into a line."""

import socketserver


class Handler(socketserver.StreamRequestHandler):
    timeout = 300

    def respond(self, code, text):
        self.wfile.write(("%d %s\r\n" % (code, text)).encode())  # noqa: UP031

    def handle(self):
        self.respond(220, "mx.example.org ESMTP")  # expect: SMT100
        self.sender = None
        self.recipients = []
        while True:
            line = self.rfile.readline(1001)
            if not line:
                return
            verb, _, arg = line.decode("ascii", "replace").strip().partition(" ")
            method = getattr(self, "cmd_" + verb.upper(), None)
            if method is None:
                self.respond(502, "5.5.2 Command not implemented")  # expect: SMT100 SMT102
                continue
            if method(arg) is False:
                return

    def cmd_EHLO(self, arg):
        self.wfile.write(b"250-mx.example.org\r\n250-SIZE 10240000\r\n250 OK\r\n")  # expect: SMT101
        return True

    def cmd_MAIL(self, arg):
        if self.sender is not None:
            self.respond(503, "5.5.1 Nested MAIL command")  # expect: SMT100 SMT102
            return True
        self.sender = arg[5:]
        self.respond(250, "2.1.0 OK")  # expect: SMT100 SMT102
        return True

    def cmd_RCPT(self, arg):
        if self.sender is None:
            self.respond(503, "5.5.1 Need MAIL command")  # expect: SMT100 SMT102
        elif len(self.recipients) >= 100:
            self.respond(452, "4.5.3 Too many recipients")  # expect: SMT100 SMT102
        else:
            self.recipients.append(arg[3:])
            self.respond(250, "2.1.5 OK")  # expect: SMT100 SMT102
        return True

    def cmd_DATA(self, arg):
        self.respond(354, "End data with <CR><LF>.<CR><LF>")  # expect: SMT100
        body = []
        for line in self.rfile:
            if line in (b".\r\n", b".\n"):
                break
            body.append(line)
        self.respond(250, "2.0.0 Queued")  # expect: SMT100 SMT102
        return True

    def cmd_QUIT(self, arg):
        self.respond(221, "2.0.0 Bye")  # expect: SMT100 SMT102
        return False
