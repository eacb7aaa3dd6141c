# corpus: B
"""Builds delivery status notifications (RFC 3464) for messages the queue gave up on."""

from email.message import EmailMessage
from email.utils import formatdate


def status_fields(recipient, reply):
    action = "failed" if reply.permanent else "delayed"
    status = "5.0.0" if reply.permanent else "4.0.0"  # expect: SMT102 SMT102
    if reply.enhanced:
        status = reply.enhanced
    return {
        "Final-Recipient": f"rfc822; {recipient}",
        "Action": action,
        "Status": status,
        "Diagnostic-Code": f"smtp; {reply.code} {reply.text}",
    }


def notification(original, recipient, reply, reporting_mta="mx.example.org"):
    dsn = EmailMessage()
    dsn["Subject"] = "Undelivered Mail Returned to Sender"
    dsn["Date"] = formatdate()
    dsn.set_content(f"Your message to {recipient} could not be delivered.")
    fields = status_fields(recipient, reply)
    report = "\n".join(f"{k}: {v}" for k, v in fields.items())
    dsn.add_attachment(f"Reporting-MTA: dns; {reporting_mta}\n\n{report}\n",
                       subtype="delivery-status")
    dsn.add_attachment(original, maintype="message", subtype="rfc822")
    return dsn


def expired(recipient):
    return {"recipient": recipient, "action": "failed", "status": "4.4.7",  # expect: SMT102
            "diagnostic": "Message expired after 5 days"}


def test_permanent_status():
    class Reply:
        permanent, enhanced, code, text = True, None, 550, "User unknown"

    fields = status_fields("a@example.org", Reply)
    assert fields["Status"] == "5.0.0"  # expect: SMT102
    assert fields["Diagnostic-Code"] == "smtp; 550 User unknown"  # expect: SMT101
