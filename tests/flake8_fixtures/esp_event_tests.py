# corpus: B
"""Tests of an email provider SDK's webhook parsing: the HTTP side answers statuses, the event
payloads carry what the receiving mail servers said."""

import json

import pytest
from espsdk.webhooks import EventError, parse_events


def post(client, events):
    return client.post("/webhooks/esp", data=json.dumps(events),
                       content_type="application/json")


def test_bounce_event(client):
    events = [{"event": "bounce", "email": "gone@example.org", "status": "5.0.0",  # expect: SMT102
               "reason": "550 No Such User Here", "type": "bounce"}]  # expect: SMT101
    response = post(client, events)
    assert response.status_code == 200
    (event,) = parse_events(events)
    assert event.reject_reason == "bounced"
    assert event.mta_response == "550 No Such User Here"  # expect: SMT101


def test_deferred_event(client):
    events = [{"event": "deferred", "email": "later@example.org", "attempt": "3",
               "response": "451 4.7.650 The server is rate limited"}]  # expect: SMT201
    (event,) = parse_events(events)
    assert event.event_type == "deferred"
    assert event.attempt == 3


def test_bad_signature(client):
    response = client.post("/webhooks/esp", data="{}", HTTP_X_SIGNATURE="bad")
    assert response.status_code == 400
    assert response.json() == {"code": 400, "error": "bad signature"}


def test_missing_fields():
    with pytest.raises(EventError) as excinfo:
        parse_events([{"event": "bounce"}])
    assert excinfo.value.status == 422
