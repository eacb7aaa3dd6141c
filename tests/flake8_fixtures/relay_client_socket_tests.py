# corpus: A
"""Tests of a relay's SMTP client against a mocked socket: the server's side of the
conversation is a list of byte strings the socket returns."""

from unittest import mock

import pytest
from relay.client import Client, SmtpReplyError


@pytest.fixture
def sock():
    fake = mock.Mock()
    fake.sendall.return_value = None
    return fake


def test_handshake(sock):
    sock.recv.side_effect = [
        b"220 mx.test ESMTP\r\n",  # expect: SMT101
        b"250-mx.test\r\n250-STARTTLS\r\n250 8BITMIME\r\n",  # expect: SMT101
    ]
    client = Client(sock)
    banner = client.read_banner()
    assert banner.code == 220  # expect: SMT100
    extensions = client.ehlo("client.test")
    assert extensions.code == 250  # expect: SMT100
    assert "STARTTLS" in extensions.lines
    sock.sendall.assert_called_with(b"EHLO client.test\r\n")


def test_rejected_sender(sock):
    sock.recv.side_effect = [b"550 5.7.1 Sender blocked\r\n"]  # expect: SMT101
    client = Client(sock)
    with pytest.raises(SmtpReplyError) as excinfo:
        client.mail_from("spam@test")
    assert excinfo.value.reply.code == 550  # expect: SMT100
    assert excinfo.value.reply.enhanced_status_code == "5.7.1"  # expect: SMT102
    assert str(excinfo.value) == "550 5.7.1 Sender blocked"  # expect: SMT101


def test_timeout_is_not_a_reply(sock):
    sock.recv.side_effect = TimeoutError()
    client = Client(sock, timeout=300)
    with pytest.raises(TimeoutError):
        client.read_banner()
    assert client.timeout == 300
