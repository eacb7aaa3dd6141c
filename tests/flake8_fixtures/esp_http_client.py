# corpus: trap
"""Client of an email provider's HTTP API (send, suppressions, stats): every status here is
HTTP's, in a project about mail."""

import time

import requests

API = "https://api.mailprovider.example/v3"


class ProviderError(Exception):
    def __init__(self, status, body):
        super().__init__(f"{status}: {body}")
        self.status = status
        self.body = body


class Client:
    def __init__(self, key, session=None, retries=3):
        self.key = key
        self.session = session or requests.Session()
        self.retries = retries

    def _request(self, method, path, **kwargs):
        for attempt in range(self.retries):
            resp = self.session.request(method, API + path, auth=("api", self.key), **kwargs)
            if resp.status_code == 429:
                time.sleep(int(resp.headers.get("Retry-After", "5")))
                continue
            if 500 <= resp.status_code < 600:
                time.sleep(2 ** attempt)
                continue
            if resp.status_code >= 400:
                raise ProviderError(resp.status_code, resp.text)
            return resp.json()
        raise ProviderError(503, "gave up")

    def send(self, sender, to, subject, text):
        return self._request("POST", "/messages", data={"from": sender, "to": to,
                                                        "subject": subject, "text": text})

    def suppressions(self, kind="bounces", limit=500):
        return self._request("GET", f"/{kind}", params={"limit": limit})

    def delete_suppression(self, address):
        code = self.session.delete(API + "/bounces/" + address).status_code
        if code == 404:
            return False
        if code not in (200, 204):
            raise ProviderError(code, "delete failed")
        return True


def is_retryable(error):
    return error.status in (429, 500, 502, 503, 504)
