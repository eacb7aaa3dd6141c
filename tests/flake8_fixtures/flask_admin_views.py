# corpus: trap
"""Flask views of a webmail's admin pages, next to the code that sends mail: the views answer
in HTTP (tuples, abort, status=...), the sending side keeps to smtplib."""

import smtplib

from flask import Blueprint, abort, jsonify, make_response, request

from .models import Alias, Message

admin = Blueprint("admin", __name__)


@admin.route("/aliases/<int:alias_id>", methods=["GET"])
def show_alias(alias_id):
    alias = Alias.query.get(alias_id)
    if alias is None:
        abort(404)
    return jsonify(alias.as_dict())


@admin.route("/aliases", methods=["POST"])
def create_alias():
    data = request.get_json(silent=True)
    if not data or "source" not in data:
        return jsonify({"error": "source is required"}), 400
    if Alias.query.filter_by(source=data["source"]).first():
        return "alias exists", 409
    alias = Alias.create(**data)
    return jsonify(alias.as_dict()), 201, {"Location": f"/aliases/{alias.id}"}


@admin.route("/aliases/<int:alias_id>", methods=["DELETE"])
def delete_alias(alias_id):
    Alias.query.filter_by(id=alias_id).delete()
    return "", 204


@admin.route("/messages/<int:message_id>/resend", methods=["POST"])
def resend(message_id):
    message = Message.query.get_or_404(message_id)
    try:
        with smtplib.SMTP("localhost", 25, timeout=30) as smtp:
            smtp.send_message(message.as_email())
    except smtplib.SMTPRecipientsRefused:
        return make_response(jsonify({"error": "recipient refused"}), 422)
    except smtplib.SMTPException:
        return make_response("mail server error", 502)
    return jsonify({"status": "sent"}), 202


def sender_refused(error):
    """Whether the server refused the sender for good (a 5xx reply)."""
    return isinstance(error, smtplib.SMTPSenderRefused) and error.smtp_code == 553  # expect: SMT100
