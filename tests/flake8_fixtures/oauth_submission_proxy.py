# corpus: A
"""A local proxy that lets old mail clients log in with a password while the upstream server
wants OAuth 2.0: it rewrites AUTH on the SMTP side and LOGIN on the IMAP and POP3 sides."""
import base64
import logging
import ssl

log = logging.getLogger("proxy")

LISTEN = {"smtp": 1587, "imap": 1993, "pop": 1995}
UPSTREAM = {"smtp": ("smtp.office365.example", 587), "imap": ("outlook.office365.example", 993),
            "pop": ("outlook.office365.example", 995)}


class SMTPSide:
    def __init__(self, client, upstream, tokens):
        self.client = client
        self.upstream = upstream
        self.tokens = tokens
        self.username = None
        self.stage = "start"

    def to_client(self, data):
        self.client.sendall(data)

    def on_client_line(self, line):
        upper = line.upper()
        if upper.startswith(b"AUTH PLAIN "):
            _, user, password = base64.b64decode(line[11:]).split(b"\0")
            return self.authenticate(user.decode(), password.decode())
        if upper.startswith(b"AUTH LOGIN"):
            self.stage = "user"
            return self.to_client(b"334 " + base64.b64encode(b"Username:") + b"\r\n")  # expect: SMT101
        if self.stage == "user":
            self.username = base64.b64decode(line.strip()).decode()
            self.stage = "password"
            return self.to_client(b"334 UGFzc3dvcmQ6\r\n")  # expect: SMT101
        if self.stage == "password":
            self.stage = "start"
            return self.authenticate(self.username, base64.b64decode(line.strip()).decode())
        self.upstream.sendall(line)
        return None

    def authenticate(self, user, password):
        token = self.tokens.get(user, password)
        if token is None:
            log.warning("no token for %s", user)
            return self.to_client(b"535 5.7.8 Authentication credentials invalid\r\n")  # expect: SMT101
        xoauth = f"user={user}\x01auth=Bearer {token}\x01\x01".encode()
        self.upstream.sendall(b"AUTH XOAUTH2 " + base64.b64encode(xoauth) + b"\r\n")
        reply = self.upstream.recv(4096)
        if reply.startswith(b"235"):  # expect: SMT101
            return self.to_client(b"235 2.7.0 Authentication successful\r\n")  # expect: SMT101
        log.error("upstream refused the token: %r", reply[:200])
        return self.to_client(b"454 4.7.0 Temporary authentication failure\r\n")  # expect: SMT101


class IMAPSide:
    def __init__(self, client, upstream, tokens):
        self.client = client
        self.upstream = upstream
        self.tokens = tokens

    def on_client_line(self, line):
        tag, _, rest = line.partition(b" ")
        if rest.upper().startswith(b"LOGIN "):
            user, password = rest[6:].strip().split(b" ", 1)
            token = self.tokens.get(user.decode(), password.strip(b'"').decode())
            if token is None:
                return self.client.sendall(tag + b" NO [AUTHENTICATIONFAILED] Invalid\r\n")
            return self.upstream.sendall(tag + b" AUTHENTICATE XOAUTH2 " + token.encode() + b"\r\n")
        return self.upstream.sendall(line)


class POPSide:
    def __init__(self, client, upstream):
        self.client = client
        self.upstream = upstream

    def on_upstream_line(self, line):
        if line.startswith(b"+OK") or line.startswith(b"-ERR"):
            self.client.sendall(line)
        elif line.startswith(b"+ "):
            self.client.sendall(b"+OK\r\n")


def wrap(sock, host, port):
    context = ssl.create_default_context()
    if port in (465, 993, 995):
        return context.wrap_socket(sock, server_hostname=host)
    return sock

# ruff: noqa  (realistic code, linted by the SMT plugin only)
