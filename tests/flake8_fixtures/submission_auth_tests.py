# corpus: A
"""A submission server's authenticator for aiosmtpd and its tests through smtplib: refusals
carry their reply as the AuthResult message."""
import smtplib

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from .accounts import Accounts


class Authenticator:
    def __init__(self, accounts: Accounts, lockout_after=5):
        self.accounts = accounts
        self.failures = {}
        self.lockout_after = lockout_after

    def __call__(self, server, session, envelope, mechanism, auth_data):
        if mechanism not in ("LOGIN", "PLAIN"):
            return AuthResult(success=False, handled=False,
                              message="504 5.5.4 Unrecognized authentication type")  # expect: SMT101
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login = auth_data.login.decode()
        if self.failures.get(login, 0) >= self.lockout_after:
            return AuthResult(success=False, handled=False,
                              message="454 4.7.0 Too many failures, try later")  # expect: SMT101
        if not self.accounts.check(login, auth_data.password.decode()):
            self.failures[login] = self.failures.get(login, 0) + 1
            return AuthResult(success=False, handled=False)
        self.failures.pop(login, None)
        return AuthResult(success=True)


class Sink:
    async def handle_DATA(self, server, session, envelope):
        return "250 2.0.0 Accepted"  # expect: SMT101


@pytest.fixture
def controller():
    accounts = Accounts({"alice": "wonderland"})
    ctl = Controller(Sink(), hostname="127.0.0.1", port=8025,
                     authenticator=Authenticator(accounts, lockout_after=2),
                     auth_require_tls=False)
    ctl.start()
    yield ctl
    ctl.stop()


def test_good_password(controller):
    with smtplib.SMTP(controller.hostname, controller.port) as client:
        assert client.login("alice", "wonderland") == (235, b"2.7.0 Authentication successful")  # expect: SMT100 SMT102


def test_bad_password_then_lockout(controller):
    with smtplib.SMTP(controller.hostname, controller.port) as client:
        for _ in range(2):
            with pytest.raises(smtplib.SMTPAuthenticationError) as excinfo:
                client.login("alice", "rabbit")
            assert excinfo.value.smtp_code == 535  # expect: SMT100
        code, message = client.docmd("AUTH", "PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=")
        assert code == 454  # expect: SMT100
        assert message.startswith(b"4.7.0")  # expect: SMT102


def test_message_goes_through(controller):
    with smtplib.SMTP(controller.hostname, controller.port) as client:
        client.login("alice", "wonderland")
        refused = client.sendmail("alice@example.com", ["bob@example.com"], "Subject: hi\r\n\r\nx")
    assert refused == {}

# ruff: noqa  (realistic code, linted by the SMT plugin only)
