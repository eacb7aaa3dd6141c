# corpus: trap
"""Flask views that receive inbound mail parsed by an email provider and posted as HTTP forms:
the provider retries unless it gets a 200, and a 406 tells it to drop the message."""
import hashlib
import hmac
import time

from flask import Blueprint, abort, current_app, request

bp = Blueprint("inbound", __name__)


def verified(form, key):
    token, timestamp, signature = form.get("token"), form.get("timestamp"), form.get("signature")
    if not token or not timestamp or abs(time.time() - int(timestamp)) > 300:
        return False
    digest = hmac.new(key.encode(), (timestamp + token).encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(digest, signature)


@bp.route("/inbound/mail", methods=["POST"])
def inbound_mail():
    if not verified(request.form, current_app.config["SIGNING_KEY"]):
        abort(401)
    recipient = request.form.get("recipient", "")
    if not recipient.endswith("@" + current_app.config["INBOUND_DOMAIN"]):
        return "unknown recipient", 406
    size = int(request.form.get("body-size", "0"))
    if size > 25 * 1024 * 1024:
        return "too large", 413
    current_app.tickets.create(sender=request.form.get("sender"), recipient=recipient,
                               subject=request.form.get("subject", ""),
                               text=request.form.get("stripped-text", ""))
    return "", 200


@bp.route("/inbound/health")
def health():
    if not current_app.tickets.ping(timeout=2):
        return {"status": "degraded"}, 503
    return {"status": "ok"}, 200

# ruff: noqa  (realistic code, linted by the SMT plugin only)
