# corpus: B
"""Per-recipient results of an LMTP delivery kept as data: lists of (code, text) tuples and
dicts with a code and an enhanced code side by side."""


def results_for(recipients, mailboxes):
    replies = []
    for rcpt in recipients:
        box = mailboxes.get(rcpt)
        if box is None:
            replies.append((550, "5.1.1 <%s>: User unknown" % rcpt))  # noqa: UP031  # expect: SMT100 SMT102
        elif box.full:
            replies.append((452, "4.2.2 Mailbox full"))  # expect: SMT100 SMT102
        elif box.disabled:
            replies.append((550, "5.2.1 Mailbox disabled"))  # expect: SMT100 SMT102
        else:
            replies.append((250, f"2.0.0 <{rcpt}> delivered"))  # expect: SMT100 SMT102
    return replies


def as_records(recipients, failure):
    records = []
    for rcpt in recipients:
        record = {"recipient": rcpt, "code": 451, "enhanced": "4.3.0"}  # expect: SMT100 SMT102
        record["text"] = str(failure)
        records.append(record)
    return records


def quota_record(rcpt, used, limit):
    percent = round(100 * used / limit)
    return {"recipient": rcpt, "usage": percent, "limit_mb": 250, "code": 552,  # expect: SMT100
            "enhanced_code": "5.2.2"}  # expect: SMT102


def summary(replies):
    accepted = sum(1 for code, _ in replies if code < 300)  # expect: SMT100
    return f"{accepted}/{len(replies)} delivered"
