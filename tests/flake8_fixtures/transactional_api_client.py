# corpus: trap
"""SDK of a transactional-email provider: HTTP statuses, the provider's own numeric API error
codes (300 invalid request, 406 inactive recipient...) and its bounce type codes. None of
these numbers is an SMTP reply."""
import time

import httpx

INACTIVE_RECIPIENT = 406


class ApiError(Exception):
    def __init__(self, http_status, error_code, message):
        super().__init__(f"[{http_status}/{error_code}] {message}")
        self.http_status = http_status
        self.error_code = error_code
        self.message = message


class Client:
    def __init__(self, token, base_url="https://api.provider.example", timeout=20.0):
        self.http = httpx.Client(base_url=base_url, timeout=timeout,
                                 headers={"X-Server-Token": token, "Accept": "application/json"})

    def _call(self, method, path, **kwargs):
        for attempt in range(4):
            resp = self.http.request(method, path, **kwargs)
            if resp.status_code == 429 or resp.status_code >= 500:
                time.sleep(min(2 ** attempt, 30))
                continue
            body = resp.json() if resp.content else {}
            if resp.status_code == 422:
                raise ApiError(422, body.get("ErrorCode", 0), body.get("Message", ""))
            if resp.status_code == 401:
                raise ApiError(401, 10, "bad or missing server token")
            resp.raise_for_status()
            return body
        raise ApiError(503, 0, "gave up after retries")

    def send(self, sender, to, subject, html):
        try:
            return self._call("POST", "/email", json={"From": sender, "To": to,
                                                      "Subject": subject, "HtmlBody": html})
        except ApiError as err:
            if err.error_code == 406:
                return {"skipped": to, "reason": "inactive recipient"}
            if err.error_code in (300, 400):
                raise ValueError(err.message) from err
            raise

    def bounces(self, count=500, offset=0, bounce_type=None):
        params = {"count": count, "offset": offset}
        if bounce_type:
            params["type"] = bounce_type
        return self._call("GET", "/bounces", params=params)["Bounces"]

    def hard_bounces(self):
        return [b for b in self.bounces() if b.get("TypeCode") == 1]

# ruff: noqa  (realistic code, linted by the SMT plugin only)
