# corpus: B
"""A monitoring agent's reachability probes: connect to a port, read the banner, and decide
whether the service answers like the protocol it should speak."""
import socket
import ssl
import time


def transact(host, port, send=b"", recv_first=True, timeout=3.0):
    started = time.monotonic()
    with socket.create_connection((host, port), timeout=timeout) as sock:
        data = sock.recv(512) if recv_first else b""
        if send:
            sock.sendall(send)
            data += sock.recv(512)
    return data, time.monotonic() - started


def probe_smtp(host, port=25, timeout=5.0):
    with socket.create_connection((host, port), timeout=timeout) as sock:
        banner = sock.recv(512)
        if not banner.startswith(b"220"):  # expect: SMT101
            return "critical", banner[:80]
        sock.sendall(b"EHLO monitor.example.net\r\n")
        reply = sock.recv(2048)
        if not reply.startswith(b"250"):  # expect: SMT101
            return "warning", reply[:80]
        if b"STARTTLS" in reply:
            sock.sendall(b"STARTTLS\r\n")
            if sock.recv(512)[:3] != b"220":  # expect: SMT101
                return "warning", b"STARTTLS refused"
            ssl.create_default_context().wrap_socket(sock, server_hostname=host).close()
        return "ok", banner[4:80]


def probe(host, port, proto):
    if proto == "http":
        raw, _ = transact(host, port, b"HEAD / HTTP/1.0\r\n\r\n", recv_first=False)
        return raw.startswith(b"HTTP/1.") and raw[9:12] in (b"200", b"301", b"302")
    if proto == "ftp":
        raw, _ = transact(host, port)
        return raw.startswith(b"220")
    if proto == "pop3":
        raw, _ = transact(host, port)
        return raw.startswith(b"+OK")
    if proto == "imap":
        raw, _ = transact(host, port)
        return raw.startswith(b"* OK")
    if proto == "smtp":
        return probe_smtp(host, port)[0] == "ok"
    raise ValueError(proto)


DEFAULT_PORTS = {"http": 80, "ftp": 21, "pop3": 110, "imap": 143, "smtp": 25}

# ruff: noqa  (realistic code, linted by the SMT plugin only)
