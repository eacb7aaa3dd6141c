# corpus: A
"""A toy SMTP sink on plain asyncio streams: no SMTP library, the replies are the only clue.

Fixture for the SMT flake8 plugin (``# expect: CODE`` marks each literal that must be reported).
"""

# ruff: noqa  (realistic code, linted by the SMT plugin only)

from __future__ import annotations

import asyncio

HOST = "127.0.0.1"
PORT = 2525
MAX_LINE = 1000
READ_TIMEOUT = 300


async def handle_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    writer.write(b"220 localhost ESMTP sink\r\n")  # expect: SMT101
    await writer.drain()
    in_data = False
    while True:
        try:
            raw = await asyncio.wait_for(reader.readline(), timeout=READ_TIMEOUT)
        except asyncio.TimeoutError:
            writer.write(b"421 4.4.2 Timeout, closing connection\r\n")  # expect: SMT101
            break
        if len(raw) > MAX_LINE:
            writer.write(b"500 5.5.6 Line too long\r\n")  # expect: SMT101
            continue
        line = raw.decode("latin-1").rstrip("\r\n")
        if in_data:
            if line == ".":
                in_data = False
                writer.write(b"250 2.0.0 Queued\r\n")  # expect: SMT101
            continue
        verb = line[:4].upper()
        if verb in ("HELO", "EHLO"):
            writer.write(b"250 localhost\r\n")  # expect: SMT101
        elif verb in ("MAIL", "RCPT", "RSET", "NOOP"):
            writer.write(b"250 OK\r\n")  # expect: SMT101
        elif verb == "DATA":
            in_data = True
            writer.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")  # expect: SMT101
        elif verb == "QUIT":
            writer.write(b"221 Bye\r\n")  # expect: SMT101
            break
        else:
            writer.write(b"500 Unrecognized command\r\n")  # expect: SMT101
        await writer.drain()
    writer.close()


async def main() -> None:
    server = await asyncio.start_server(handle_client, HOST, PORT, limit=65536)
    async with server:
        await asyncio.wait_for(server.serve_forever(), timeout=None)


if __name__ == "__main__":
    asyncio.run(main())
