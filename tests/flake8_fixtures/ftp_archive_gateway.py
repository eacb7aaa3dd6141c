# corpus: trap
"""A mail archive that uploads each day's messages to an FTP server: FTP replies share
SMTP's numbers (220, 250, 550...), so only the mail side may be reported."""

import ftplib
import io
import smtplib


def upload(host, user, password, name, data):
    ftp = ftplib.FTP(host, timeout=60)
    welcome = ftp.getwelcome()
    if not welcome.startswith("220"):
        raise RuntimeError("unexpected FTP greeting: " + welcome)
    ftp.login(user, password)
    resp = ftp.storbinary("STOR " + name, io.BytesIO(data), blocksize=8192)
    if not resp.startswith("226"):
        raise RuntimeError(resp)
    resp = ftp.sendcmd("SITE CHMOD 644 " + name)
    if resp[:3] != "200":
        raise RuntimeError(resp)
    try:
        ftp.cwd("archive")
    except ftplib.error_perm as error:
        if str(error)[:3] == "550":
            ftp.mkd("archive")
    return ftp.quit()


class ArchiveFTPHandler:
    """The test double for the FTP side, answering like an FTP server does."""

    def __init__(self, push):
        self.push = push

    def ftp_USER(self, line):
        self.push("331 Username ok, send password.")

    def ftp_PASS(self, line):
        self.push("230 Login successful.")

    def ftp_STOR(self, line):
        self.push("150 File status okay. About to open data connection.")
        self.push("226 Transfer complete.")

    def ftp_CWD(self, line):
        self.push("550 No such directory.")

    def ftp_QUIT(self, line):
        self.push("221 Goodbye.")


def notify(admin, day):
    with smtplib.SMTP("localhost") as smtp:
        code, _ = smtp.noop()
        if code != 250:  # expect: SMT100
            return False
        smtp.sendmail("archive@example.org", [admin], f"Subject: archive {day}\r\n\r\ndone\r\n")
    return True
