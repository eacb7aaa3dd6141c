# corpus: B
"""Receivers of a Django site for its email provider's bounce and complaint notifications
(delivered over SNS as HTTP posts): the HTTP endpoint, then what the bounce payload says."""
import json
import logging

from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt

from .models import EmailAddress, Suppression

log = logging.getLogger(__name__)


@csrf_exempt
def sns_endpoint(request):
    if request.method != "POST":
        return HttpResponse(status=405)
    try:
        envelope = json.loads(request.body)
    except ValueError:
        return HttpResponseBadRequest("not json")
    if envelope.get("Type") == "SubscriptionConfirmation":
        return HttpResponse("confirm by hand", status=202)
    handle_notification(json.loads(envelope["Message"]))
    return HttpResponse(status=200)


def handle_notification(notification):
    kind = notification.get("notificationType")
    if kind == "Bounce":
        handle_bounce(notification["bounce"])
    elif kind == "Complaint":
        for recipient in notification["complaint"]["complainedRecipients"]:
            Suppression.objects.get_or_create(address=recipient["emailAddress"], reason="complaint")


def handle_bounce(bounce):
    permanent = bounce["bounceType"] == "Permanent"
    for recipient in bounce["bouncedRecipients"]:
        address = recipient["emailAddress"]
        status = recipient.get("status", "")
        diagnostic = recipient.get("diagnosticCode", "")
        if permanent or status in ("5.1.1", "5.1.10"):  # expect: SMT102 SMT102
            Suppression.objects.get_or_create(address=address, reason="hard bounce")
        elif status == "4.2.2" or "mailbox full" in diagnostic.lower():  # expect: SMT102
            EmailAddress.objects.filter(email=address).update(soft_bounces=models_f("soft_bounces") + 1)
        log.info("bounce for %s: %s %s", address, status, diagnostic)


def models_f(name):
    from django.db.models import F
    return F(name)


def sample_bounce():
    return {
        "bounceType": "Permanent",
        "bounceSubType": "General",
        "bouncedRecipients": [{
            "emailAddress": "gone@example.com",
            "action": "failed",
            "status": "5.1.1",  # expect: SMT102
            "diagnosticCode": "smtp; 550 5.1.1 user unknown",  # expect: SMT101
        }],
        "timestamp": "2024-03-01T10:00:00.000Z",
        "feedbackId": "0100018df0-aaaa",
        "remoteMtaIp": "203.0.113.25",
    }

# ruff: noqa  (realistic code, linted by the SMT plugin only)
