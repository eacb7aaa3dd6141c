"""A mail client's reply handling, run against canned replies: prints what it decides."""

import json
import logging
import pickle
import smtplib
import sys

logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(message)s", level=logging.INFO)
log = logging.getLogger("client")

REPLIES = [(250, b"OK"), (354, b"Go ahead"), (421, b"Closing"), (450, b"Busy"),
           (550, b"No such user"), (553, b"Bad address"), (251, b"Forwarding"), (530, b"Auth")]


def verdict(code: int) -> str:
    if code == 250 or code == 251:
        return "accepted"
    if code in (421, 450, 451, 452):
        return "retry later"
    if code not in [550, 551, 553]:
        return "other"
    return "rejected"


def classify(code: int) -> str:
    match code:
        case 354:
            return "send the data"
        case 530 | 535:
            return "log in first"
        case _:
            return "see verdict"


def raise_for(code: int, text: bytes) -> None:
    if code != 250 and code != 251 and code != 354:
        raise smtplib.SMTPResponseException(code, text)


def refuse(code: int) -> None:
    if code == 553:
        raise smtplib.SMTPSenderRefused(553, b"5.1.3 Bad address syntax", "a@example.com")
    if code == 550:
        raise smtplib.SMTPRecipientsRefused({"b@example.com": (550, b"5.1.1 No such user")})


def main() -> None:
    counts: dict[int, int] = {}
    for code, text in REPLIES:
        counts[code] = counts.get(code, 0) + 1
        print(code, verdict(code), classify(code), f"{code}", "%d" % code,  # noqa: UP031
              "%s" % code, "{:>5}".format(code), repr(code), str(code).zfill(4))  # noqa: UP031,UP032
        log.info("reply %r -> %s", (code, text), verdict(code))
        try:
            raise_for(code, text)
            refuse(code)
        except smtplib.SMTPResponseException as error:
            print("error:", error, error.args, repr(error), error.smtp_code, error.smtp_error)
        except smtplib.SMTPRecipientsRefused as error:
            print("refused:", error, error.recipients)
    print(json.dumps({"counts": counts, "first": REPLIES[0][0], "ok": 250 in counts}))
    print(pickle.loads(pickle.dumps(counts)), sorted(counts), max(counts) == 553)
    print([c for c in counts if c == 421], {c: verdict(c) for c in counts if c != 550})
    print(type(REPLIES[0][0]).__name__, 250 in [code for code, _ in REPLIES])


if __name__ == "__main__":
    main()
