# corpus: B
"""The worker of an address-verification service: it runs its own probe class (no SMTP
library in sight) and stores a verdict; results go back over an HTTP callback."""

import requests

from .probe import Probe, ProbeTimeout


def verdict(result):
    if result.code is None:
        return "unknown"
    if result.code in {250, 251}:  # expect: SMT100 SMT100
        return "valid"
    if result.code == 450 and "greylist" in result.text.lower():  # expect: SMT100
        return "retry"
    if result.code in (550, 551, 553, 554):  # expect: SMT100 SMT100 SMT100 SMT100
        return "invalid"
    if 400 <= result.code < 500:  # expect: SMT100 SMT100
        return "retry"
    return "unknown"


def run(job, callback_url):
    probe = Probe(helo="probe.example.net", timeout=20)
    try:
        result = probe.check(job.address)
    except ProbeTimeout:
        result = None
    outcome = verdict(result) if result else "unknown"
    response = requests.post(callback_url, json={"address": job.address, "verdict": outcome},
                             timeout=10)
    if response.status_code != 200:
        job.retry(countdown=60)
    return outcome
