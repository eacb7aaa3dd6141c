# corpus: A
"""Reading multi-line replies off the wire in a small SMTP client, and acting on them."""


class ProtocolError(Exception):
    pass


class Client:
    def __init__(self, stream):
        self.stream = stream

    def read_reply(self):
        lines = []
        while True:
            line = self.stream.readline().decode("ascii", "replace").rstrip("\r\n")
            if len(line) < 3:
                raise ProtocolError("short line")
            lines.append(line[4:])
            if line[3:4] != "-":
                return int(line[:3]), lines

    def command(self, text, expected):
        self.stream.write(text.encode() + b"\r\n")
        code, lines = self.read_reply()
        if code != expected:
            raise ProtocolError(f"{text}: {code} {' '.join(lines)}")
        return lines

    def login(self, user, password):
        code, _ = self.read_reply()
        if code != 220:  # expect: SMT100
            raise ProtocolError("no greeting")
        extensions = self.command("EHLO client.example.org", 250)  # expect: SMT100
        if "AUTH PLAIN" not in " ".join(extensions):
            raise ProtocolError("no AUTH PLAIN")
        self.stream.write(b"AUTH LOGIN\r\n")
        code, _ = self.read_reply()
        if code == 334:  # expect: SMT100
            self.command(user, 334)  # expect: SMT100
            self.command(password, 235)  # expect: SMT100
        elif code == 503:  # expect: SMT100
            return True
        return True

    def send(self, sender, recipient, data):
        self.command(f"MAIL FROM:<{sender}>", 250)  # expect: SMT100
        self.stream.write(f"RCPT TO:<{recipient}>\r\n".encode())
        code, lines = self.read_reply()
        if code in (250, 251):  # expect: SMT100 SMT100
            self.command("DATA", 354)  # expect: SMT100
            self.command(data + "\r\n.", 250)  # expect: SMT100
        elif 400 <= code <= 499:  # expect: SMT100 SMT100
            raise ProtocolError("try later: " + " ".join(lines))
        self.command("QUIT", 221)  # expect: SMT100
        return code
