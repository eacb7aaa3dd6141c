# corpus: A
"""Bulk delivery of a mailing list through smtplib: refused recipients are sorted by the reply
each one got, and the decision is logged per recipient."""

import logging
import smtplib

log = logging.getLogger("lists.delivery")


class DeliveryResult:
    def __init__(self):
        self.permanent = {}
        self.temporary = {}


def deliver(connection, sender, recipients, message):
    result = DeliveryResult()
    try:
        refused = connection.sendmail(sender, recipients, message)
    except smtplib.SMTPRecipientsRefused as error:
        refused = error.recipients
    except smtplib.SMTPResponseException as error:
        if error.smtp_code // 100 == 4:
            result.temporary = {r: (error.smtp_code, error.smtp_error) for r in recipients}
        else:
            result.permanent = {r: (error.smtp_code, error.smtp_error) for r in recipients}
        return result
    for address, (code, text) in refused.items():
        if code >= 500:  # expect: SMT100
            result.permanent[address] = (code, text)
        else:
            result.temporary[address] = (code, text)
        log.info("%s refused with %s %s", address, code, text)
    return result


def fake_refusals():
    """What a test server says for three list members."""
    return {
        "gone@example.org": (550, b"5.1.1 User unknown"),  # expect: SMT100 SMT102
        "full@example.org": (452, b"4.2.2 Over quota"),  # expect: SMT100 SMT102
        "odd@example.org": (550, b"4.7.1 Try again later"),  # expect: SMT100 SMT200
    }


def should_unsubscribe(score, threshold=5.0, bounces=3):
    return score >= threshold or bounces > 5
