# corpus: B
"""A Django management command that reads a bounce mailbox over IMAP and disables addresses
whose bounces are permanent."""

import email
import imaplib
import re

from django.core.management.base import BaseCommand
from newsletter.models import Subscriber

STATUS_RE = re.compile(rb"Status:\s*(\d\.\d{1,3}\.\d{1,3})")


def permanent(status):
    if status in ("5.1.1", "5.1.2", "5.1.10"):  # expect: SMT102 SMT102 SMT102
        return True
    if status == "5.2.2":  # expect: SMT102
        return False
    return status.startswith("5.")


class Command(BaseCommand):
    help = "Process bounce messages"

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500)

    def handle(self, *args, limit=500, **options):
        box = imaplib.IMAP4_SSL("imap.example.org", 993)
        box.login("bounces", "secret")
        box.select("INBOX")
        typ, data = box.search(None, "UNSEEN")
        for number in data[0].split()[:limit]:
            typ, parts = box.fetch(number, "(RFC822)")
            message = email.message_from_bytes(parts[0][1])
            found = STATUS_RE.search(message.as_bytes())
            if found and permanent(found.group(1).decode()):
                Subscriber.objects.filter(email=message["X-Original-To"]).update(active=False)
        self.stdout.write(f"processed {len(data[0].split())} bounces")
