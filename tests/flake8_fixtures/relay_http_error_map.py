# corpus: trap
"""An HTTP front for an SMTP relay: callers POST a message, the relay talks SMTP behind it, and
SMTP failures come back as HTTP statuses (502, 503...). Every number here is HTTP's."""
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from .relay import SmtpPermanentFailure, SmtpTemporaryFailure, relay_message

app = FastAPI()


class RelayError(Exception):
    status = 500
    title = "Internal relay error"

    def __init__(self, detail=None):
        super().__init__(detail or self.title)
        self.detail = detail or self.title


class UpstreamRejected(RelayError):
    status = 502
    title = "Upstream SMTP rejected the message"


class UpstreamUnavailable(RelayError):
    status = 503
    title = "Upstream SMTP temporarily unavailable"


class TooLarge(RelayError):
    status = 413
    title = "Payload Too Large"


def error_body(status, code, message):
    return {"error": {"status": status, "code": code, "message": message}}


@app.exception_handler(RelayError)
async def relay_error_handler(request: Request, exc: RelayError):
    return JSONResponse(error_body(exc.status, type(exc).__name__, exc.detail),
                        status_code=exc.status)


@app.post("/send")
async def send(request: Request):
    body = await request.body()
    if len(body) > 10 * 1024 * 1024:
        raise TooLarge()
    if request.headers.get("x-api-secret") != app.state.secret:
        return JSONResponse(error_body(401, "UNAUTHORIZED", "bad secret"), status_code=401)
    try:
        queue_id = await relay_message(body, timeout=30)
    except SmtpPermanentFailure as exc:
        raise UpstreamRejected(str(exc)) from exc
    except SmtpTemporaryFailure as exc:
        return JSONResponse(error_body(503, "SMTP_TEMPORARY_FAILURE", str(exc)),
                            status_code=503, headers={"Retry-After": "120"})
    return JSONResponse({"queued": queue_id}, status_code=202)


def test_maps_permanent_failure_to_502(client, monkeypatch):
    async def fail(body, timeout):
        raise SmtpPermanentFailure("rejected")
    monkeypatch.setattr("relay_api.relay_message", fail)
    response = client.post("/send", content=b"x", headers={"x-api-secret": "s"})
    assert response.status_code == 502
    assert response.json()["error"]["status"] == 502

# ruff: noqa  (realistic code, linted by the SMT plugin only)
