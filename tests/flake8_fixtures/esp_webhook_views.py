# corpus: B
"""Django views receiving an email provider's delivery events: HTTP on the outside, SMTP
results on the inside. The HTTP statuses are silent; the SMTP ones are findings."""

import json

from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Suppression
from .signals import bounce_received, delivery_received


@csrf_exempt
@require_POST
def events(request):
    try:
        payload = json.loads(request.body)
    except ValueError:
        return HttpResponseBadRequest("The request body could not be deserialized. Bad JSON.")
    if not verify_signature(request):
        return HttpResponse("Signature verification failed.", status=400)
    for event in payload.get("events", []):
        handle_event(event)
    return JsonResponse({"received": len(payload.get("events", []))}, status=200)


def verify_signature(request):
    return request.headers.get("X-Signature", "") != ""


def handle_event(event):
    if event["type"] == "bounce":
        for recipient in event["bounce"]["recipients"]:
            status = recipient.get("status", "")
            if status == "5.1.1" or status == "5.1.10":  # expect: SMT102 SMT102
                Suppression.objects.get_or_create(address=recipient["email"])
            smtp_code = int(recipient.get("smtpCode", 0))
            if smtp_code >= 500:  # expect: SMT100
                bounce_received.send(sender=None, recipient=recipient)
    elif event["type"] == "delivery":
        delivery_received.send(sender=None, event=event)


@csrf_exempt
def health(request):
    if request.method != "GET":
        return HttpResponse(status=405)
    return JsonResponse({"status": "ok", "code": 200})


def rate_limited(request):
    response = JsonResponse({"error": "slow down", "code": 429}, status=429)
    response["Retry-After"] = "120"
    return response
