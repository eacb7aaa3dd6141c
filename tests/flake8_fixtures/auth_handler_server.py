# corpus: A
"""SMTP AUTH for an aiosmtpd-based submission server: challenges are built with +, results
carry their reply in a message argument."""

import base64

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class SubmissionSMTP(SMTP):
    async def auth_LOGIN(self, server, args):
        if len(args) == 1:
            await self.push("334 " + base64.b64encode(b"Username:").decode())  # expect: SMT101
            login = await self._reader.readline()
        else:
            login = args[1].encode()
        await self.push("334 " + base64.b64encode(b"Password:").decode())  # expect: SMT101
        password = await self._reader.readline()
        return LoginPassword(base64.b64decode(login), base64.b64decode(password.strip()))


class Authenticator:
    def __init__(self, users):
        self.users = users

    def __call__(self, server, session, envelope, mechanism, auth_data):
        if mechanism not in ("LOGIN", "PLAIN"):
            return AuthResult(success=False, handled=False,
                              message="504 5.5.4 Unrecognized auth type")  # expect: SMT101
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        known = self.users.get(auth_data.login.decode())
        if known is None or known != auth_data.password.decode():
            return AuthResult(success=False, handled=False,
                              message="535 5.7.8 Credentials invalid")  # expect: SMT101
        return AuthResult(success=True)
