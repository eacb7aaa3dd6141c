# corpus: B
"""The SMTP step of a list manager's outgoing pipeline: hand each chunk of recipients to the
MTA and sort refusals into permanent ones (bounces) and temporary ones (retry later)."""
import logging
import smtplib

log = logging.getLogger("list.delivery")


class Connection:
    def __init__(self, host, port=25, sessions_per_connection=100, timeout=60):
        self.host = host
        self.port = port
        self.sessions_per_connection = sessions_per_connection
        self.timeout = timeout
        self.smtp = None
        self.sessions = 0

    def sendmail(self, sender, recipients, text):
        if self.smtp is None or self.sessions >= self.sessions_per_connection:
            self.close()
            self.smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            self.sessions = 0
        self.sessions += 1
        return self.smtp.sendmail(sender, recipients, text)

    def close(self):
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except smtplib.SMTPException:
                pass
            self.smtp = None


def deliver_chunk(conn, sender, chunk, text):
    permanent, temporary = [], []
    try:
        refused = conn.sendmail(sender, chunk, text)
    except smtplib.SMTPRecipientsRefused as error:
        refused = error.recipients
    except smtplib.SMTPResponseException as error:
        code, reply = error.smtp_code, error.smtp_error
        log.error("chunk of %d refused: %s %s", len(chunk), code, reply)
        if (500 <= code  # expect: SMT100
                < 600):  # expect: SMT100
            return list(chunk), []
        return [], list(chunk)
    except (smtplib.SMTPException, OSError):
        log.exception("delivery failed, retrying the whole chunk")
        return [], list(chunk)
    for recipient, (code, reply) in refused.items():
        if code >= 500:  # expect: SMT100
            permanent.append(recipient)
        else:
            temporary.append(recipient)
    return permanent, temporary

# ruff: noqa  (realistic code, linted by the SMT plugin only)
