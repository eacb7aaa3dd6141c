"""A reply helper that checks the type of the code it is handed: its arguments stay ints."""

import pickle
import smtplib


def send_reply(code, text):
    if type(code) is not int:
        return f"refused: {type(code).__name__}"
    if code == 250 or code in (251, 252):
        return f"{code} {text} (accepted)"
    return f"{code} {text}"


def describe(code, text=""):
    print(code.__class__.__name__, hasattr(code, "name"), len(pickle.dumps(code)))


error = smtplib.SMTPResponseException(550, b"no")
print(send_reply(250, "OK"), send_reply(code=550, text="No"), type(error.smtp_code).__name__)
describe(421, "Busy")
print(error.smtp_code == 550, error)
