# corpus: B
"""A relay built on its own Reply object (code and message as strings), as gevent-era relays do.

No SMTP library is imported: the reply codes are recognised from the Reply calls themselves,
from the enhanced codes beside them and from the names they are kept in.
"""

from .envelope import Envelope
from .queue import QueueError
from .reply import Reply


class RelayError(Exception):
    def __init__(self, reply):
        super().__init__(str(reply))
        self.reply = reply


def queued_reply(queue_id):
    return Reply("250", f"2.6.0 Message {queue_id} accepted")  # expect: SMT101 SMT102


def reply_for_failure(error):
    if isinstance(error, QueueError):
        return Reply("451", "4.3.0 Error queuing message")  # expect: SMT101 SMT102
    if error.reply.code == "535":  # expect: SMT101
        return Reply("535", "5.7.8 Authentication credentials invalid")  # expect: SMT101 SMT102
    return Reply("554", error.reply.message)  # expect: SMT101


def bad_mailbox(address):
    reply = Reply("550", "4.1.1 Mailbox does not exist")  # expect: SMT101 SMT200
    reply.address = address
    return reply


def tag_reply(reply, permanent):
    if permanent:
        reply.enhanced_status_code = "5.0.0"  # expect: SMT102
    else:
        reply.enhanced_status_code = "4.0.0"  # expect: SMT102
    return reply


def is_accepted(reply):
    code = reply.code
    return code == "250" or code == "251"  # expect: SMT101 SMT101


def split_status(raw):
    code, _, message = raw.partition(" ")
    version = "2.0.0"
    return Envelope(code=code, message=message, version=version)


def retry_later(reply):
    return reply.code.startswith("4") and reply.message != "4"


def classify(reply):
    code = int(reply.code)
    if 200 <= code <= 299:  # expect: SMT100 SMT100
        return "sent"
    if code >= 500:  # expect: SMT100
        return "failed"
    return "deferred"
