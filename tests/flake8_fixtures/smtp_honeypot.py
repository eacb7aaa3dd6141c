# corpus: A
"""A low-interaction SMTP honeypot on asyncio's Protocol API: it plays a believable server,
records what bots send (credentials included) and never relays anything."""
import asyncio
import base64
import json
import time


class HoneypotProtocol(asyncio.Protocol):
    banner = "mail.example.com ESMTP Postfix (Debian/GNU)"

    def __init__(self, log_path, max_lines=500):
        self.log_path = log_path
        self.max_lines = max_lines
        self.lines = 0
        self.buffer = b""
        self.state = "command"
        self.auth_step = None
        self.record = {"started": time.time(), "commands": [], "credentials": []}

    def connection_made(self, transport):
        self.transport = transport
        self.record["peer"] = transport.get_extra_info("peername")
        self.send("220 " + self.banner)  # expect: SMT101

    def send(self, line):
        self.transport.write(line.encode() + b"\r\n")

    def data_received(self, data):
        self.buffer += data
        while b"\r\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\r\n", 1)
            self.lines += 1
            if self.lines > self.max_lines:
                self.send("421 4.7.0 Too many commands, closing")  # expect: SMT101
                return self.close()
            self.handle(line.decode("latin-1"))

    def handle(self, line):
        if self.state == "data":
            if line == ".":
                self.state = "command"
                self.send("250 2.0.0 Ok: queued as %X" % int(time.time() * 1000))  # expect: SMT101
            return
        if self.auth_step is not None:
            return self.auth(line)
        verb = line.split(" ", 1)[0].upper()
        self.record["commands"].append(line[:200])
        answers = {
            "HELO": "250 mail.example.com",  # expect: SMT101
            "MAIL": "250 2.1.0 Ok",  # expect: SMT101
            "RCPT": "250 2.1.5 Ok",  # expect: SMT101
            "RSET": "250 2.0.0 Ok",  # expect: SMT101
            "NOOP": "250 2.0.0 Ok",  # expect: SMT101
            "VRFY": "252 2.0.0 Send some mail, I'll try my best",  # expect: SMT101
        }
        if verb == "EHLO":
            for extension in ("mail.example.com", "PIPELINING", "SIZE 10240000", "AUTH PLAIN LOGIN"):
                self.send("250-" + extension)  # expect: SMT101
            self.send("250 8BITMIME")  # expect: SMT101
        elif verb == "AUTH":
            self.auth_step = "user"
            self.send("334 VXNlcm5hbWU6")  # expect: SMT101
        elif verb == "DATA":
            self.state = "data"
            self.send("354 End data with <CR><LF>.<CR><LF>")  # expect: SMT101
        elif verb == "QUIT":
            self.send("221 2.0.0 Bye")  # expect: SMT101
            self.close()
        elif verb in answers:
            self.send(answers[verb])
        else:
            self.send("502 5.5.2 Error: command not recognized")  # expect: SMT101

    def auth(self, line):
        decoded = base64.b64decode(line + "==", validate=False)[:100]
        self.record["credentials"].append(decoded.decode("latin-1"))
        if self.auth_step == "user":
            self.auth_step = "password"
            self.send("334 UGFzc3dvcmQ6")  # expect: SMT101
        else:
            self.auth_step = None
            self.send("535 5.7.8 Error: authentication failed")  # expect: SMT101

    def close(self):
        with open(self.log_path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(self.record) + "\n")
        self.transport.close()

# ruff: noqa  (realistic code, linted by the SMT plugin only)
