# corpus: B
"""The e-mail helpers of a FastAPI sign-up service that sends through the `emails` package,
whose send() answers with the SMTP server's final reply (status_code, status_text)."""
import logging
import smtplib

import emails
from fastapi import APIRouter, HTTPException

from .settings import settings

router = APIRouter()
log = logging.getLogger(__name__)


def smtp_options():
    options = {"host": settings.SMTP_HOST, "port": settings.SMTP_PORT, "timeout": 15}
    if settings.SMTP_TLS:
        options["tls"] = True
    if settings.SMTP_USER:
        options.update(user=settings.SMTP_USER, password=settings.SMTP_PASSWORD)
    return options


def send_code(address, code):
    message = emails.Message(subject="Your sign-in code", mail_from=settings.SENDER,
                             html=f"<p>Your code is <b>{code}</b></p>")
    response = message.send(to=address, smtp=smtp_options())
    log.info("mail to %s: %s", address, response)
    return response.status_code == 250  # expect: SMT100


def probe_mailbox(address):
    server = smtplib.SMTP(settings.SMTP_HOST, 587, timeout=10)
    server.starttls()
    status_code, response = server.verify(address)
    server.quit()
    if status_code == 250:  # expect: SMT100
        return "exists"
    if status_code == 550:  # expect: SMT100
        return "unknown"
    return "unsure"


@router.post("/signup/code")
def request_code(address: str):
    if not send_code(address, "482913"):
        raise HTTPException(status_code=503, detail="mail server unavailable")
    return {"sent": True}

# ruff: noqa  (realistic code, linted by the SMT plugin only)
