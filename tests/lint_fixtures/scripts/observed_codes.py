"""Every way a program can look at a reply code: what it prints must survive ``--fix``."""

import copy
import json
import pickle
import smtplib
from dataclasses import dataclass


@dataclass
class Reply:
    code: int
    text: str


def show(label, code):
    print(label, code, f"{code}", f"{code!r}", "%d %s %r %i" % (code, code, code, code))  # noqa: UP031
    print(str(code), repr(code), format(code, ">5"), f"{code:x}", f"{code:05d}",
          "{:>6}|{!s}|{!r}|{!a}".format(code, code, code, code))  # noqa: UP032
    print(json.dumps(code), json.dumps([code, {"c": code}]), json.dumps({code: 1}))
    print(pickle.loads(pickle.dumps(code)), hash(code) == hash(int(code)), {code: "x"},
          sorted([code, 1, 999]), {code})
    print(code // 100, code + 0, code % 100, -code, abs(code), divmod(code, 100),
          code.bit_length(), round(code, -2), code * 1.0, code / 2)
    print(copy.deepcopy(code), [code], (code,), Reply(code, "ok"), str(code).zfill(6))


def verdict(code):
    if code in (250, 251):
        return "accepted"
    if code == 421 or code in [450, 451, 452]:
        return "later"
    match code:
        case 550 | 551:
            return "no mailbox"
        case 553:
            return "bad address"
    return "other"


def reply_text(code=250, *, text="OK"):
    return f"{code} {text}"


def main():
    show("positional", 250)
    show(code=550, label="keyword")
    for code in (250, 251, 421, 451, 550, 553, 554):
        print(code, verdict(code), reply_text(code), code == 250, code != 550)
    print(reply_text(), reply_text(text="Bye"))
    error = smtplib.SMTPResponseException(554, b"5.7.1 Rejected")
    print(error, error.args, repr(error), error.smtp_code, f"{error.smtp_code}")
    refused = smtplib.SMTPSenderRefused(553, b"Bad sender", "a@example.com")
    print(refused, refused.args, refused.smtp_code, refused.sender)
    codes = [250, 354, 550, 250]
    print([c for c in codes if c != 250], list(filter(lambda c: c == 550, codes)),
          codes.index(550), codes.count(250), 354 in codes)
    assert codes[0] == 250, codes
    names = {550: "mailbox unavailable", 250: "ok"}
    print(names[550], names.get(250), sorted(names), json.dumps(names))


if __name__ == "__main__":
    main()
