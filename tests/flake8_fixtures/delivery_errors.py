# corpus: B
"""The exception hierarchy of a delivery library: each error knows the reply it stands for.

Class-level codes are named constants (silent); the replies raised inline are findings.
"""


class DeliveryError(Exception):
    code = 451
    enhanced = "4.3.0"

    def __init__(self, code=None, message="delivery failed"):
        super().__init__(code, message)
        self.code = code or self.code
        self.message = message


class MailboxFull(DeliveryError):
    code = 452
    enhanced = "4.2.2"


class NoSuchUser(DeliveryError):
    code = 550
    enhanced = "5.1.1"


class SMTPServerError(DeliveryError):
    pass


def refuse(address, reason):
    if reason == "unknown":
        raise DeliveryError(550, "5.1.1 No such user: " + address)  # expect: SMT100 SMT102
    if reason == "relay":
        raise SMTPServerError(  # kept on several lines, as long replies are
            554,  # expect: SMT100
            "5.7.1 Relaying denied",  # expect: SMT102
        )
    if reason == "size":
        raise DeliveryError(code=552, message="5.3.4 Message too big")  # expect: SMT100 SMT102
    if reason == "quota":
        raise MailboxFull()
    raise DeliveryError(451, "Try again later")  # expect: SMT100


def permanent(error):
    return isinstance(error, DeliveryError) and 500 <= error.code < 600  # expect: SMT100 SMT100
