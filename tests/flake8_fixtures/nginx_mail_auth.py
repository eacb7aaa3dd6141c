# corpus: B
"""Flask endpoints of a mail suite's admin: the nginx mail proxy asks them who may log in.

The answers are HTTP responses whose headers carry an SMTP reply for the proxy to relay.
"""

import base64
import urllib.parse

import flask

from . import limiter, models

blueprint = flask.Blueprint("internal", __name__)

FAILURES = {
    "authentication": ("Authentication credentials invalid", "535 5.7.8"),
    "encryption": ("Must issue a STARTTLS command first", "530 5.7.0"),
}


@blueprint.route("/auth/email")
def nginx_authentication():
    headers = flask.request.headers
    client_ip = headers["Client-Ip"]
    on_port_25 = headers["Auth-Port"] == "25"
    if on_port_25 and headers["Auth-Method"] != "none":
        response = flask.Response()
        response.headers["Auth-Status"] = "AUTH not supported"
        response.headers["Auth-Error-Code"] = "502 5.5.1"  # expect: SMT101
        return response
    if limiter.too_many(client_ip):
        response = flask.Response()
        response.headers["Auth-Status"] = "Temporary authentication failure"
        response.headers["Auth-Error-Code"] = "451 4.3.2"  # expect: SMT101
        response.headers["Auth-Wait"] = "30"
        return response
    return answer(headers)


def answer(headers):
    user = models.User.query.get(urllib.parse.unquote(headers["Auth-User"]))
    if user is None or not user.enabled:
        status, code = FAILURES["authentication"]
        return flask.Response(headers={"Auth-Status": status, "Auth-Error-Code": code})
    return flask.Response(headers={"Auth-Status": "OK", "Auth-Server": "10.0.0.5",
                                   "Auth-Port": "2525"})


@blueprint.route("/auth/admin")
def admin_authentication():
    if flask.g.user and flask.g.user.global_admin:
        return ""
    return flask.abort(403)


@blueprint.route("/auth/basic")
def basic_authentication():
    authorization = flask.request.headers.get("Authorization", "")
    if not authorization.startswith("Basic "):
        response = flask.Response(status=401)
        response.headers["WWW-Authenticate"] = 'Basic realm="Login Required"'
        response.headers["Retry-After"] = "60"
        return response
    user_email, password = base64.b64decode(authorization[6:]).split(b":", 1)
    if models.User.check(user_email, password):
        return flask.Response(status=204)
    return flask.Response("denied", status=403)
