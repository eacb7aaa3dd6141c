# corpus: A
"""Tests of a mail client against a scripted server on a socket: the server's lines are
written out by hand, pieces glued by + and by implicit concatenation included."""

import base64
import socket
import threading

import pytest
from mailer.client import Client, ClientError


def serve_once(listener, script):
    conn, _ = listener.accept()
    with conn:
        conn.sendall(b"220 test.invalid ESMTP ready\r\n")  # expect: SMT101
        stream = conn.makefile("rb")
        for expected, answer in script:
            line = stream.readline()
            assert line.startswith(expected)
            conn.sendall(answer)


@pytest.fixture
def listener():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)
    yield sock
    sock.close()


def test_login(listener):
    script = [
        (b"EHLO", b"250-test.invalid\r\n" b"250-AUTH LOGIN PLAIN\r\n"  # expect: SMT101 SMT101
                  b"250 SIZE 35882577\r\n"),  # expect: SMT101
        (b"AUTH LOGIN", b"334 " + base64.b64encode(b"Username:") + b"\r\n"),  # expect: SMT101
        (b"dXNlcg", b"334 " + base64.b64encode(b"Password:") + b"\r\n"),  # expect: SMT101
        (b"cGFzcw", b"235 2.7.0 Authentication successful\r\n"),  # expect: SMT101
    ]
    thread = threading.Thread(target=serve_once, args=(listener, script))
    thread.start()
    client = Client(*listener.getsockname(), timeout=5)
    code, _ = client.login("user", "pass")
    assert code == 235  # expect: SMT100
    thread.join(timeout=5)


def test_rejected_recipient(listener):
    script = [
        (b"EHLO", b"250 test.invalid\r\n"),  # expect: SMT101
        (b"MAIL FROM:", b"250 2.1.0 OK\r\n"),  # expect: SMT101
        (b"RCPT TO:", b"550 5.1.1 <nobody@test.invalid>: Rejected\r\n"),  # expect: SMT101
    ]
    thread = threading.Thread(target=serve_once, args=(listener, script))
    thread.start()
    client = Client(*listener.getsockname(), timeout=5)
    with pytest.raises(ClientError) as excinfo:
        client.send("a@test.invalid", ["nobody@test.invalid"], b"Subject: x\r\n\r\nhi\r\n")
    assert excinfo.value.code == 550  # expect: SMT100
    assert excinfo.value.args == (550, b"5.1.1 <nobody@test.invalid>: No")  # expect: SMT100 SMT102
    thread.join(timeout=5)


def test_unknown_reply_code(listener):
    script = [(b"EHLO", b"259 odd\r\n")]  # expect: SMT201
    thread = threading.Thread(target=serve_once, args=(listener, script))
    thread.start()
    client = Client(*listener.getsockname(), timeout=5)
    with pytest.raises(ClientError) as excinfo:
        client.ehlo()
    assert excinfo.value.args == (259, b"odd")  # expect: SMT201
    thread.join(timeout=5)
