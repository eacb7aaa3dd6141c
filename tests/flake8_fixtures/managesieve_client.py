# corpus: trap
"""A ManageSieve (RFC 5804) client used by a webmail's filter editor: port 4190, OK/NO/BYE
responses, literal sizes in braces. ManageSieve has no numeric replies; nothing here is SMTP."""
import socket
import ssl


class SieveError(Exception):
    pass


class ManageSieve:
    def __init__(self, host, port=4190, timeout=15):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.file = self.sock.makefile("rb")
        self.capabilities = self._read_response()[1]

    def _readline(self):
        line = self.file.readline(8192)
        if not line:
            raise SieveError("connection closed")
        return line.rstrip(b"\r\n")

    def _read_response(self):
        lines = []
        while True:
            line = self._readline()
            if line.startswith((b"OK", b"NO", b"BYE")):
                status = line.split(b" ", 1)[0].decode()
                if status != "OK":
                    raise SieveError(line.decode(errors="replace"))
                return status, lines
            lines.append(line)

    def _command(self, *parts):
        self.sock.sendall(b" ".join(parts) + b"\r\n")
        return self._read_response()

    def starttls(self, host):
        self._command(b"STARTTLS")
        self.sock = ssl.create_default_context().wrap_socket(self.sock, server_hostname=host)
        self.file = self.sock.makefile("rb")

    def putscript(self, name, script):
        data = script.encode()
        if len(data) > 250_000:
            raise SieveError("script too large")
        literal = b"{%d+}\r\n" % len(data)
        return self._command(b"PUTSCRIPT", b'"' + name.encode() + b'"', literal + data)

    def listscripts(self):
        _, lines = self._command(b"LISTSCRIPTS")
        return [line.split(b'"')[1].decode() for line in lines if line.startswith(b'"')]

# ruff: noqa  (realistic code, linted by the SMT plugin only)
