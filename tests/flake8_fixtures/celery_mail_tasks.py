# corpus: B
"""Celery tasks of a web shop that sends its order mails through smtplib: which failures are
retried, which suppress the address, and a task that pings a webhook."""
import smtplib

import requests
from celery import shared_task

from .models import Suppression
from .render import render_order_mail

RETRY_DELAYS = (60, 300, 1800, 7200)


@shared_task(bind=True, max_retries=len(RETRY_DELAYS))
def send_order_mail(self, order_id):
    message = render_order_mail(order_id)
    try:
        with smtplib.SMTP("localhost", 25, timeout=30) as smtp:
            refused = smtp.send_message(message)
    except smtplib.SMTPRecipientsRefused as exc:
        for address, (code, text) in exc.recipients.items():
            if code >= 500:  # expect: SMT100
                Suppression.objects.update_or_create(email=address, defaults={"reason": text})
        return "refused"
    except smtplib.SMTPResponseException as exc:
        if exc.smtp_code in (421, 451, 452):  # expect: SMT100 SMT100 SMT100
            raise self.retry(exc=exc, countdown=RETRY_DELAYS[self.request.retries])
        raise
    except (smtplib.SMTPServerDisconnected, OSError) as exc:
        raise self.retry(exc=exc, countdown=RETRY_DELAYS[self.request.retries])
    for address, (code, _) in refused.items():
        if code == 550:  # expect: SMT100
            Suppression.objects.get_or_create(email=address)
    return "sent"


@shared_task(autoretry_for=(requests.RequestException,), retry_backoff=True, max_retries=5)
def notify_fulfilment(order_id, url):
    resp = requests.post(url, json={"order": order_id}, timeout=10)
    if resp.status_code == 409:
        return "duplicate"
    if resp.status_code >= 500:
        resp.raise_for_status()
    return resp.status_code

# ruff: noqa  (realistic code, linted by the SMT plugin only)
