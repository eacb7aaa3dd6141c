# corpus: A
"""pytest tests of an async SMTP client against throwaway servers built on asyncio.start_server:
each test scripts what the server says, line by line."""
import asyncio

import pytest

from mailer.client import Client, ReplyError, TransientError


def script(*lines):
    async def serve(reader, writer):
        for line in lines:
            if isinstance(line, bytes):
                writer.write(line)
                await writer.drain()
            else:
                await reader.readline()
        writer.close()
    return serve


@pytest.fixture
async def server_factory(unused_tcp_port):
    servers = []

    async def start(handler):
        server = await asyncio.start_server(handler, "127.0.0.1", unused_tcp_port)
        servers.append(server)
        return unused_tcp_port
    yield start
    for server in servers:
        server.close()


async def test_greeting_and_ehlo(server_factory):
    port = await server_factory(script(
        b"220 fake.example ESMTP\r\n",  # expect: SMT101
        None,
        b"250-fake.example\r\n"  # expect: SMT101
        b"250-SIZE 10240000\r\n"  # expect: SMT101
        b"250 8BITMIME\r\n",  # expect: SMT101
    ))
    client = Client("127.0.0.1", port, timeout=5)
    await client.connect()
    code, lines = await client.ehlo("tester")
    assert code == 250  # expect: SMT100
    assert "SIZE 10240000" in lines
    assert client.max_size == 10240000


async def test_busy_server_is_transient(server_factory):
    port = await server_factory(script(b"421 4.3.2 Too busy, come back later\r\n"))  # expect: SMT101
    client = Client("127.0.0.1", port, timeout=5)
    with pytest.raises(TransientError) as excinfo:
        await client.connect()
    assert excinfo.value.code == 421  # expect: SMT100
    assert excinfo.value.enhanced == "4.3.2"  # expect: SMT102


async def test_rejected_recipient(server_factory):
    port = await server_factory(script(
        b"220 ok\r\n", None, b"250 ok\r\n", None,  # expect: SMT101 SMT101
        b"250 2.1.0 sender ok\r\n", None,  # expect: SMT101
        b"550 5.1.1 <nobody@fake.example>: no such user\r\n",  # expect: SMT101
    ))
    client = Client("127.0.0.1", port, timeout=5)
    await client.connect()
    await client.ehlo("tester")
    await client.mail("me@fake.example")
    with pytest.raises(ReplyError) as excinfo:
        await client.rcpt("nobody@fake.example")
    assert excinfo.value.args == (550, "5.1.1 <nobody@fake.example>: no such user")  # expect: SMT100 SMT102


@pytest.mark.parametrize("line, code, final", [
    ("250-first", 250, False),  # expect: SMT101 SMT100
    ("250 last", 250, True),  # expect: SMT101 SMT100
    ("354 go on", 354, True),  # expect: SMT101 SMT100
])
def test_parse_line(line, code, final):
    assert Client.parse_line(line) == (code, final)


def test_timeout_is_passed_on():
    client = Client("127.0.0.1", 2525, timeout=250)
    assert client.timeout == 250

# ruff: noqa  (realistic code, linted by the SMT plugin only)
