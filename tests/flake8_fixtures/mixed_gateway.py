# corpus: B
"""A webhook-to-mail gateway: HTTP in, SMTP out, in one module.

Fixture for the SMT flake8 plugin: the HTTP half must stay silent while the SMTP half is
reported (``# expect: CODE``).
"""

# ruff: noqa  (realistic code, linted by the SMT plugin only)

from __future__ import annotations

import smtplib
from email.message import EmailMessage

import requests
from fastapi import FastAPI, HTTPException
from fastapi.responses import JSONResponse

api = FastAPI()

MAIL_RELAY = ("relay.internal", 587)
WEBHOOK_TIMEOUT = 10
HTTP_RETRY = {429, 500, 502, 503}
SMTP_RETRY = {421, 450, 451}


@api.post("/hooks/mail")
async def receive(payload: dict):
    if "to" not in payload:
        raise HTTPException(status_code=422, detail="missing recipient")
    if len(payload.get("body", "")) > 250_000:
        return JSONResponse({"error": "too large"}, status_code=413)
    try:
        relay(payload["to"], payload.get("subject", ""), payload["body"])
    except smtplib.SMTPRecipientsRefused:
        return JSONResponse({"error": "recipient refused"}, status_code=422)
    except smtplib.SMTPResponseException as exc:
        if exc.smtp_code in (421, 451):  # expect: SMT100 SMT100
            return JSONResponse({"error": "retry"}, status_code=503)
        raise HTTPException(status_code=502, detail=exc.smtp_error.decode())
    return {"status": "queued"}


def notify_upstream(url: str, message_id: str) -> bool:
    response = requests.post(url, json={"id": message_id}, timeout=WEBHOOK_TIMEOUT)
    if response.status_code == 421:
        return False
    if response.status_code in (500, 503):
        return False
    status = response.status_code
    if status == 502:
        return False
    reason = "421 Misdirected Request"
    return response.ok and reason != response.reason


def relay(to: str, subject: str, body: str) -> None:
    msg = EmailMessage()
    msg["To"] = to
    msg["Subject"] = subject[:250]
    msg.set_content(body)
    with smtplib.SMTP(*MAIL_RELAY, timeout=30) as smtp:
        code, _ = smtp.ehlo("gateway.internal")
        if code != 250:  # expect: SMT100
            raise smtplib.SMTPHeloError(code, b"unexpected greeting")
        smtp.starttls()
        refused = smtp.send_message(msg)
        for address, (status, reply) in refused.items():
            if status == 452:  # expect: SMT100
                raise smtplib.SMTPResponseException(452, reply)  # expect: SMT100


def describe(code: int) -> str:
    if code == 421:  # expect: SMT100
        return "421 Service not available, closing transmission channel"  # expect: SMT101
    if code == 550:  # expect: SMT100
        return "550 5.1.1 Mailbox unavailable"  # expect: SMT101
    return "unknown"


def http_error_line(code: int) -> str:
    if code == 421:
        return "421 Misdirected Request"
    if code == 503:
        return "503 Service Unavailable"
    return "500 Internal Server Error"


class SmtpProbe:
    def check(self, server: smtplib.SMTP) -> bool:
        code, banner = server.noop()
        return code == 250 and not banner.startswith(b"4.")  # expect: SMT100


class HttpProbe:
    def check(self, url: str) -> bool:
        r = requests.head(url, timeout=5)
        return r.status_code == 200 or r.status_code == 503
