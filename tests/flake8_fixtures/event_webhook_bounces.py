# corpus: B
"""A Flask app's endpoint for its email provider's event webhook: a JSON list of events, of
which bounces and deferrals carry what the receiving server said."""
import logging

from flask import Blueprint, request

from .models import Contact, db

bp = Blueprint("esp_events", __name__)
log = logging.getLogger(__name__)


def is_hard(event):
    status = event.get("status", "")
    reason = event.get("reason", "")
    if event.get("type") == "blocked":
        return False
    if status.startswith("5.1.") or status == "5.2.1":  # expect: SMT102
        return True
    return reason.startswith("550 ") or reason.startswith("551 ")  # expect-miss: SMT101 SMT101


@bp.route("/hooks/esp", methods=["POST"])
def receive():
    events = request.get_json(silent=True)
    if not isinstance(events, list):
        return {"error": "expected a list"}, 400
    for event in events[:1000]:
        kind = event.get("event")
        address = event.get("email", "").lower()
        if kind == "bounce":
            contact = Contact.query.filter_by(email=address).first()
            if contact and is_hard(event):
                contact.suppressed = True
            elif contact:
                contact.soft_bounces += 1
        elif kind == "deferred":
            log.info("deferred %s after %s attempts: %s", address, event.get("attempt"),
                     event.get("response", "")[:200])
    db.session.commit()
    return "", 204


def test_is_hard():
    assert is_hard({"event": "bounce", "status": "5.1.1", "reason": "unknown"})  # expect: SMT102
    assert is_hard({"event": "bounce", "status": "5.0.0",  # expect: SMT102
                    "reason": "550 5.0.0 Mailbox unavailable"})  # expect: SMT101
    assert not is_hard({"event": "bounce", "status": "4.2.2", "reason": "452 Mailbox full"})  # expect: SMT102 SMT101

# ruff: noqa  (realistic code, linted by the SMT plugin only)
