# corpus: B
"""An HTTP edge for a mail queue: messages arrive by POST and are answered with an HTTP status,
while the SMTP reply travels in a header. HTTP status lines stay silent; the SMTP side does not.
"""

import re
from wsgiref.headers import Headers

from .reply import Reply


class WsgiResponse(Exception):
    def __init__(self, status, headers=None):
        super().__init__(status)
        self.status = status
        self.headers = headers or []


def http_response_for(smtp_reply):
    code = smtp_reply.code
    headers = []
    Headers(headers).add_header("X-Smtp-Reply", code, message=smtp_reply.message)
    if code.startswith("2"):
        return WsgiResponse("200 OK", headers)
    if code.startswith("4"):
        return WsgiResponse("503 Service Unavailable", headers)
    if code == "535":  # expect: SMT101
        return WsgiResponse("401 Unauthorized", headers)
    return WsgiResponse("500 Internal Server Error", headers)


class Edge:
    uri_pattern = re.compile(r"^/mail/?$")

    def __call__(self, environ, start_response):
        try:
            self.validate(environ)
            reply = self.enqueue(environ)
        except WsgiResponse as res:
            start_response(res.status, res.headers)
            return []
        except Exception as exc:
            body = f"{exc!s}\n"
            start_response("500 Internal Server Error", [("Content-Length", str(len(body)))])
            return [body]
        raise http_response_for(reply)

    def validate(self, environ):
        if not self.uri_pattern.match(environ.get("PATH_INFO", "")):
            raise WsgiResponse("404 Not Found")
        if environ["REQUEST_METHOD"].upper() != "POST":
            raise WsgiResponse("405 Method Not Allowed", [("Allow", "POST")])
        if environ.get("CONTENT_TYPE", "message/rfc822") != "message/rfc822":
            raise WsgiResponse("415 Unsupported Media Type")

    def enqueue(self, environ):
        size = int(environ.get("CONTENT_LENGTH", 0))
        if size > 10485760:
            return Reply("552", "5.3.4 Message too big")  # expect: SMT101 SMT102
        return Reply("250", "2.6.0 Message accepted for delivery")  # expect: SMT101 SMT102
