# corpus: A
"""Checks whether an address exists by asking its MX at RCPT time, the way list cleaners do."""

import smtplib

import dns.resolver


def mx_hosts(domain):
    answers = dns.resolver.resolve(domain, "MX")
    return [str(r.exchange).rstrip(".") for r in sorted(answers, key=lambda r: r.preference)]


def verify(address, helo="verifier.example.org", timeout=10):
    domain = address.rpartition("@")[2]
    for host in mx_hosts(domain)[:2]:
        try:
            server = smtplib.SMTP(host, 25, timeout=timeout)
        except OSError:
            continue
        try:
            server.helo(helo)
            server.mail("")
            code, message = server.rcpt(address)
        finally:
            server.quit()
        if code == 250 or code == 251:  # expect: SMT100 SMT100
            return "deliverable"
        if code in (550, 551, 553):  # expect: SMT100 SMT100 SMT100
            return "undeliverable"
        if code >= 400 and code < 500:  # expect: SMT100 SMT100
            return "unknown"
    return "no-mx"


def test_verify_reports_undeliverable(monkeypatch):
    class FakeSMTP:
        def __init__(self, *args, **kwargs):
            pass

        def helo(self, name):
            return (250, b"mx.example.org")  # expect: SMT100

        def mail(self, sender):
            return (250, b"2.1.0 Ok")  # expect: SMT100 SMT102

        def rcpt(self, address):
            return (550, b"5.1.1 <nobody@example.org>: Address rejected")  # expect: SMT100 SMT102

        def quit(self):
            return (221, b"2.0.0 Bye")  # expect: SMT100 SMT102

    monkeypatch.setattr(smtplib, "SMTP", FakeSMTP)
    monkeypatch.setattr(__import__(__name__), "mx_hosts", lambda domain: ["mx.example.org"])
    assert verify("nobody@example.org") == "undeliverable"
