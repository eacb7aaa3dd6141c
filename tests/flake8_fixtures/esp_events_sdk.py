# corpus: B
"""The event side of an email provider's Python SDK: typed wrappers around webhook payloads,
where the provider passes on what the receiving mail server answered, plus the HTTP client."""
import requests

TEMPORARY_CODES = frozenset({"421", "450", "451", "452"})


class Event:
    def __init__(self, raw):
        self.raw = raw
        self.type = raw.get("type")
        self.recipient = raw.get("rcpt_to")

    @property
    def error_code(self):
        return self.raw.get("error_code")

    @property
    def is_soft(self):
        if self.type == "delay":
            return True
        code = self.error_code or ""
        return code in TEMPORARY_CODES or code.startswith("4")

    def summary(self):
        reason = self.raw.get("raw_reason", "")
        return f"{self.type} {self.recipient}: {reason[:120]}"


def classify(event):
    if event.type != "bounce":
        return "other"
    if event.error_code == "554" and "blocked" in event.raw.get("raw_reason", ""):  # expect: SMT101
        return "block"
    if event.error_code in ("550", "551", "553"):  # expect: SMT101 SMT101 SMT101
        return "hard"
    return "soft" if event.is_soft else "unknown"


EXAMPLE_BOUNCE = {
    "type": "bounce",
    "bounce_class": "10",
    "error_code": "550",
    "raw_reason": "550 5.1.1 <jane@example.com>: Recipient address rejected",
    "rcpt_to": "jane@example.com",
}


def sample_delay(rcpt):
    return {"type": "delay", "rcpt_to": rcpt, "error_code": "451",  # expect: SMT101
            "raw_reason": "451 4.7.1 Greylisted, try again in 5 minutes"}  # expect: SMT101


class Client:
    def __init__(self, api_key, base="https://api.provider.example/api/v1", timeout=30):
        self.session = requests.Session()
        self.session.headers["Authorization"] = api_key
        self.base = base
        self.timeout = timeout

    def events(self, **params):
        resp = self.session.get(self.base + "/events/message", params=params, timeout=self.timeout)
        if resp.status_code == 429:
            raise RuntimeError("rate limited")
        if resp.status_code in (401, 403):
            raise PermissionError(resp.text)
        resp.raise_for_status()
        return [Event(raw) for raw in resp.json()["results"]]

# ruff: noqa  (realistic code, linted by the SMT plugin only)
