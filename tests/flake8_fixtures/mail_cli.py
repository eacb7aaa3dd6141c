# corpus: B
"""A command-line mail tool: argparse options, a tiny SMTP server loop, templates and stats.

Fixture for the SMT flake8 plugin. Most numbers here are ports, sizes, timeouts, colours,
counts and widths inside an SMTP module; the real codes are marked ``# expect: CODE``, and
``# expect-miss: CODE`` marks a real code the plugin is known not to find (a ``default=`` of
an option cannot be told from a size).
"""

# ruff: noqa  (realistic code, linted by the SMT plugin only)

from __future__ import annotations

import argparse
import datetime
import smtplib
import socket
import struct
import sys
import textwrap

HTML_TEMPLATE = """<table width="550" cellpadding="0"><tr><td style="font-size:14px">{body}</td></tr></table>"""


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="mailtool")
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--port", type=int, default=25)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--max-size", type=int, default=250)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--width", type=int, default=550)
    parser.add_argument("--expect", type=int, default=250, help="expected final reply code")  # expect-miss: SMT100
    return parser.parse_args(argv)


def render(body: str, width: int = 72) -> str:
    wrapped = textwrap.fill(body, width=width)
    color = (250, 250, 250)
    header_height = 250
    return HTML_TEMPLATE.format(body=wrapped) + "<!-- %d %r -->" % (header_height, color)


def stats_line(sent: int, deferred: int, bounced: int) -> str:
    if sent > 250:
        summary = f"{sent} sent"
    else:
        summary = "250 or fewer sent"
    elapsed = datetime.timedelta(seconds=300)
    return f"{summary}, {deferred} deferred, {bounced} bounced in {elapsed}"


def pack_header(length: int) -> bytes:
    return struct.pack("!HH", 550, length)


def serve(port: int) -> None:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("0.0.0.0", port))
    listener.listen(50)
    listener.settimeout(300)
    conn, _ = listener.accept()
    conn.sendall(b"220 mailtool ESMTP ready\r\n")  # expect: SMT101
    while True:
        line = conn.recv(1024).strip().upper()
        if line.startswith(b"QUIT"):
            conn.sendall(b"221 2.0.0 Bye\r\n")  # expect: SMT101
            break
        if line.startswith(b"EHLO"):
            conn.sendall(b"250-mailtool\r\n250 SIZE 10240000\r\n")  # expect: SMT101
            continue
        if line.startswith(b"NOOP"):
            reply = 250, b"OK"  # expect: SMT100
            conn.sendall(b"%d %s\r\n" % reply)
            continue
        conn.sendall(b"502 5.5.2 Command not recognized\r\n")  # expect: SMT101
    conn.close()


def check(args) -> int:
    with smtplib.SMTP(args.host, args.port, timeout=args.timeout) as client:
        code, banner = client.ehlo()
        if code != args.expect:
            print(f"unexpected reply {code}", file=sys.stderr)
            return 2
        if len(banner) > 550:
            return 3
        code, _ = client.noop()
        if code == 250:  # expect: SMT100
            return 0
        if code == 421:  # expect: SMT100
            print("server closing", file=sys.stderr)
        return 1


class ReplyServer:
    """A test double for an SMTP server whose handlers return (code, text) pairs."""

    def smtp_NOOP(self, arg):
        return 250, b"OK"  # expect: SMT100

    def smtp_RSET(self, arg):
        return 250, b"2.0.0 Reset state"  # expect: SMT100 SMT102

    def smtp_VRFY(self, arg):
        if not arg:
            return 501, b"5.5.4 Syntax: VRFY <address>"  # expect: SMT100 SMT102
        return 252, b"2.1.5 Cannot VRFY user, but will accept message"  # expect: SMT100 SMT102

    def smtp_HELP(self, arg):
        return 214, b"See https://example.com/help"  # expect: SMT100

    def reject(self):
        return b"550 5.1.1 User unknown"  # expect: SMT101

    def stats(self):
        return {"connections": 250, "max_connections": 500, "uptime": 3600}


if __name__ == "__main__":
    sys.exit(check(parse_args()))
