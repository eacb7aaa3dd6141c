# corpus: trap
"""An HTTP API and its client: Flask views, requests, aiohttp, http.server, WSGI.

Fixture for the SMT flake8 plugin: HTTP statuses, ports, sizes, timeouts, versions, addresses
and RFC sections in HTTP code. Nothing here may be reported.
"""

# ruff: noqa  (realistic code, linted by the SMT plugin only)

from __future__ import annotations

import http.server
import json
from http import HTTPStatus

import aiohttp
import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)

API_VERSION = "2.1.0"
DEFAULT_PORT = 8080
TLS_PORT = 443
READ_TIMEOUT = 30
MAX_BODY = 1048576
RETRY_ON = (421, 429, 500, 502, 503, 504)
STATUS_LINES = {
    200: "200 OK",
    421: "421 Misdirected Request",
    503: "503 Service Unavailable",
}
UPSTREAM_DNS = "4.2.2.2"


@app.route("/health")
def health():
    return jsonify(status="ok", version="2.1.0"), 200


@app.route("/items/<int:item_id>")
def get_item(item_id):
    if item_id > 500:
        abort(404)
    if request.content_length and request.content_length > 1048576:
        abort(413)
    if not request.headers.get("Host"):
        abort(421)
    return jsonify(id=item_id), 200


@app.errorhandler(503)
def unavailable(error):
    return jsonify(error="maintenance"), 503


@app.errorhandler(500)
def crashed(error):
    return "500 Internal Server Error", 500


def fetch(url: str) -> dict:
    for attempt in range(5):
        r = requests.get(url, timeout=(3.05, 27), headers={"Accept": "application/json"})
        if r.status_code == 503:
            continue
        if r.status_code in (421, 502, 504):
            continue
        if r.status_code >= 500:
            raise RuntimeError(f"server error {r.status_code}")
        if r.status_code == 451:
            raise PermissionError("unavailable for legal reasons")
        r.raise_for_status()
        return r.json()
    raise TimeoutError(url)


async def fetch_async(session: aiohttp.ClientSession, url: str) -> bytes:
    async with session.get(url, timeout=aiohttp.ClientTimeout(total=30)) as resp:
        if resp.status == 503:
            raise RuntimeError("retry later")
        if resp.status in (421, 422):
            raise ValueError(await resp.text())
        assert resp.status == 200, resp.status
        return await resp.read()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path == "/down":
            self.send_response(503, "Service Unavailable")
            self.send_header("Retry-After", "250")
            self.end_headers()
            return
        if self.path.startswith("/misdirected"):
            self.send_error(421, "Misdirected Request")
            return
        body = json.dumps({"status": 200, "port": 8080}).encode()
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        if length > 250000:
            self.send_error(413)
            return
        self.send_response(501, "Not Implemented")
        self.end_headers()


def wsgi_app(environ, start_response):
    if environ.get("PATH_INFO") == "/slow":
        start_response("503 Service Unavailable", [("Retry-After", "120")])
        return [b"try later"]
    if environ.get("HTTP_HOST", "").endswith(".invalid"):
        start_response("421 Misdirected Request", [])
        return [b""]
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"hello"]


def status_line(code: int) -> str:
    reason = HTTPStatus(code).phrase
    if code == 503:
        return "503 Service Unavailable"
    if code == 421:
        return "421 Misdirected"
    return f"{code} {reason}"


def parse_status(line: str) -> int:
    version, code, reason = line.split(" ", 2)
    if version not in ("HTTP/1.0", "HTTP/1.1", "HTTP/2"):
        raise ValueError(line)
    status = int(code)
    if status == 500 or status == 502:
        return -1
    return status


def rfc_reference() -> str:
    section = "6.5.1"
    return "RFC 7231 section " + section + " and section 4.2.2 of RFC 9110"


def limits():
    sizes = {"small": 250, "medium": 500, "large": 550}
    ports = [25, 465, 587, 2525]
    versions = ["2.0.0", "2.1.0", "4.1.1"]
    resolvers = ["4.2.2.1", "4.2.2.2", "5.5.5.5"]
    return sizes, ports, versions, resolvers


def pagination(page: int, per_page: int = 250) -> dict:
    offset = (page - 1) * per_page
    if per_page > 500:
        per_page = 500
    return {"offset": offset, "limit": per_page, "max": 550}


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080, threaded=True)
