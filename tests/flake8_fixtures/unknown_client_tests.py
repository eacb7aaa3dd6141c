# corpus: B
"""pytest tests of an in-house SMTP client library nobody outside the company knows: only the
names and the shapes of the assertions say which numbers are replies."""

import pytest
from acme.mailer import Connection, ReplyError, reply_from_line


@pytest.fixture
def conn(smtp_stub):
    return Connection(smtp_stub.host, smtp_stub.port)


def test_greeting(conn):
    reply = conn.greeting()
    assert reply.code == 220  # expect: SMT100
    assert reply.lines == ["mx.test ESMTP"]


def test_ehlo_lists_extensions(conn):
    code, lines = conn.ehlo("client.test")
    assert code == 250  # expect: SMT100
    assert "PIPELINING" in lines
    assert len(lines) == 5


def test_refused_sender(conn, smtp_stub):
    smtp_stub.answer("MAIL", "553 5.1.8 Sender domain is unknown")  # expect: SMT101
    with pytest.raises(ReplyError) as excinfo:
        conn.mail_from("x@nowhere.invalid")
    assert excinfo.value.code == 553  # expect: SMT100
    assert excinfo.value.enhanced_code == "5.1.8"  # expect: SMT102
    assert excinfo.value.args == (553, "5.1.8 Sender domain is unknown")  # expect: SMT100 SMT102


def test_nonstandard_reply(conn, smtp_stub):
    smtp_stub.answer("RCPT", "457 nonstandard\r\n")  # expect: SMT201
    with pytest.raises(ReplyError) as excinfo:
        conn.rcpt_to("a@test")
    assert excinfo.value.args == (457, b"nonstandard")  # expect: SMT201
    assert excinfo.value.smtp_code != 499  # expect: SMT201


@pytest.mark.parametrize("line, code, enhanced", [
    ("250 2.1.5 Ok", 250, "2.1.5"),  # expect: SMT101 SMT100 SMT102
    ("451 4.7.1 Greylisted", 451, "4.7.1"),  # expect: SMT101 SMT100 SMT102
    ("550 Rejected", 550, None),  # expect: SMT101 SMT100
])
def test_parse(line, code, enhanced):
    reply = reply_from_line(line)
    assert (reply.code, reply.enhanced) == (code, enhanced)


def test_timeouts_and_sizes(conn):
    assert conn.timeout == 300
    assert conn.max_size == 35882577
    assert len(conn.buffer) < 512
