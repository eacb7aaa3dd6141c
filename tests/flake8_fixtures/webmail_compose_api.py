# corpus: B
"""The compose endpoint of a webmail backend: the browser posts JSON, the backend submits the
message over SMTP and turns the server's refusal into an HTTP error the UI can show."""
import smtplib
from email.message import EmailMessage

from flask import Blueprint, current_app, jsonify, request

bp = Blueprint("compose", __name__, url_prefix="/api/compose")


def build(payload, sender):
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = ", ".join(payload["to"])
    msg["Subject"] = payload.get("subject", "")
    msg.set_content(payload.get("body", ""))
    return msg


@bp.route("/send", methods=["POST"])
def send():
    payload = request.get_json(silent=True)
    if not payload or not payload.get("to"):
        return jsonify(error="no recipients"), 400
    if len(payload["to"]) > 100:
        return jsonify(error="too many recipients"), 422
    cfg = current_app.config
    try:
        with smtplib.SMTP(cfg["SMTP_HOST"], cfg.get("SMTP_PORT", 587), timeout=20) as smtp:
            smtp.starttls()
            smtp.login(cfg["SMTP_USER"], cfg["SMTP_PASSWORD"])
            refused = smtp.send_message(build(payload, cfg["SMTP_USER"]))
    except smtplib.SMTPAuthenticationError:
        return jsonify(error="mail server refused our login"), 502
    except smtplib.SMTPRecipientsRefused as exc:
        return jsonify(error="all recipients refused",
                       refused={a: c for a, (c, _) in exc.recipients.items()}), 422
    except smtplib.SMTPDataError as exc:
        if exc.smtp_code == 552:  # expect: SMT100
            return jsonify(error="message too large"), 413
        if exc.smtp_code == 554:  # expect: SMT100
            return jsonify(error="message rejected as spam"), 422
        return jsonify(error="mail server error", smtp_code=exc.smtp_code), 502
    if refused:
        return jsonify(sent=True, refused=sorted(refused)), 207
    return jsonify(sent=True), 201


@bp.route("/drafts/<int:draft_id>", methods=["DELETE"])
def delete_draft(draft_id):
    if not current_app.drafts.delete(draft_id):
        return jsonify(error="no such draft"), 404
    return "", 204

# ruff: noqa  (realistic code, linted by the SMT plugin only)
