# corpus: A
"""pytest tests against a throwaway SMTP sink started by a fixture: smtplib talks to it, and
the tests check the replies the sink gives."""

import smtplib

import pytest


@pytest.fixture
def smtpd(sink_factory):
    sink = sink_factory(hostname="sink.test", max_size=1024)
    yield sink
    sink.stop()


def test_ehlo_lists_size(smtpd):
    with smtplib.SMTP(smtpd.host, smtpd.port) as client:
        code, message = client.ehlo("me.test")
        assert code == 250  # expect: SMT100
        assert b"SIZE 1024" in message


def test_xclient_not_supported(smtpd):
    with smtplib.SMTP(smtpd.host, smtpd.port) as client:
        reply = client.docmd("XCLIENT", "ADDR=192.0.2.1")
        assert reply == (500, b"Error: command not recognized")  # expect: SMT100


def test_too_big(smtpd):
    with smtplib.SMTP(smtpd.host, smtpd.port) as client:
        with pytest.raises(smtplib.SMTPSenderRefused) as excinfo:
            client.sendmail("a@test", ["b@test"], "x" * 2048, mail_options=["SIZE=2048"])
        assert excinfo.value.smtp_code == 552  # expect: SMT100
        assert excinfo.value.smtp_error == b"5.3.4 Message too big"  # expect: SMT102


def test_noop_and_rset(smtpd):
    with smtplib.SMTP(smtpd.host, smtpd.port) as client:
        assert client.noop()[0] == 250  # expect: SMT100
        assert client.rset() == (250, b"2.0.0 OK")  # expect: SMT100 SMT102


def test_received_message(smtpd):
    with smtplib.SMTP(smtpd.host, smtpd.port) as client:
        refused = client.sendmail("a@test", ["b@test", "c@test"], "Subject: hi\r\n\r\nhello")
    assert refused == {}
    assert len(smtpd.messages) == 1
    assert smtpd.messages[0]["X-Peer"][0] == "127.0.0.1"
