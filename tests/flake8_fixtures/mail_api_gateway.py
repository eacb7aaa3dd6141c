# corpus: B
"""A small HTTP API that sends mail for other services: each endpoint talks HTTP to its caller
and SMTP to the relay, sometimes in the same function."""

import smtplib
from email.message import EmailMessage

from flask import Flask, jsonify, request

app = Flask(__name__)


def relay_send(message, host="relay.internal", port=25):
    with smtplib.SMTP(host, port, timeout=20) as smtp:
        return smtp.send_message(message)


@app.post("/v1/send")
def send():
    data = request.get_json(force=True)
    if not data.get("to"):
        return jsonify({"error": "to is required"}), 400
    message = EmailMessage()
    message["To"] = data["to"]
    message["Subject"] = data.get("subject", "")
    message.set_content(data.get("text", ""))
    try:
        refused = relay_send(message)
    except smtplib.SMTPRecipientsRefused as error:
        codes = {rcpt: code for rcpt, (code, _) in error.recipients.items()}
        permanent = any(code >= 500 for code in codes.values())  # expect: SMT100
        return jsonify({"error": "refused", "smtp": codes}), 422 if permanent else 503
    except smtplib.SMTPSenderRefused as error:
        if error.smtp_code == 553:  # expect: SMT100
            return jsonify({"error": "bad sender"}), 400
        return jsonify({"error": "sender refused"}), 502
    except smtplib.SMTPResponseException as error:
        if error.smtp_code == 421 or error.smtp_code == 451:  # expect: SMT100 SMT100
            return jsonify({"error": "try again"}), 503
        return jsonify({"error": error.smtp_error.decode()}), 502
    return jsonify({"refused": list(refused)}), 202


@app.get("/v1/health")
def health():
    try:
        with smtplib.SMTP("relay.internal", 25, timeout=5) as smtp:
            code, _ = smtp.noop()
    except OSError:
        return jsonify({"relay": "down"}), 503
    if code != 250:  # expect: SMT100
        return jsonify({"relay": f"answered {code}"}), 503
    return jsonify({"relay": "ok"}), 200
