# corpus: B
"""An access-control milter (pymilter API): one helper turns a decision into Milter's return
value and, for refusals, into the reply code, enhanced code and text set with setreply."""
import re

import Milter

from .backend import policy, settings
from .logs import log_info

DOMAIN_RE = re.compile(r"@([^@>]+)>?$")


class AclMilter(Milter.Base):
    def __init__(self):
        self.env_from = None
        self.rcpts = []
        self.queue_id = None

    def decide(self, action, reason=None):
        if action == "continue":
            return Milter.CONTINUE
        if action == "reject":
            smtp_code = "550"  # expect: SMT101
            smtp_ecode = "5.7.1"  # expect: SMT102
            text = settings.reject_message
            verdict = Milter.REJECT
        elif action == "tempfail":
            smtp_code = "450"  # expect: SMT101
            smtp_ecode = "4.7.1"  # expect: SMT102
            text = settings.tempfail_message
            verdict = Milter.TEMPFAIL
        else:
            raise ValueError(action)
        if reason:
            text = f"{text} - {reason}"
        log_info(f"action={action} queue_id={self.queue_id} text={text}")
        self.setreply(smtp_code, smtp_ecode, text)
        return verdict

    def envfrom(self, mailfrom, *esmtp):
        self.env_from = mailfrom.strip("<>").lower()
        if self.env_from and not DOMAIN_RE.search(mailfrom):
            return self.decide("reject", "sender without domain")
        return self.decide("continue")

    def envrcpt(self, to, *esmtp):
        address = to.strip("<>").lower()
        if len(self.rcpts) >= settings.max_rcpts:
            self.setreply("452", "4.5.3", "Too many recipients")  # expect: SMT101 SMT102
            return Milter.TEMPFAIL
        if not policy.allowed(self.env_from, address):
            return self.decide("reject", f"{self.env_from} may not write to {address}")
        self.rcpts.append(address)
        return self.decide("continue")

    def eom(self):
        self.queue_id = self.getsymval("i")
        if policy.over_quota(self.env_from):
            self.setreply("452", "4.2.2", "Sender over quota")  # expect: SMT101 SMT102
            return Milter.TEMPFAIL
        return Milter.ACCEPT


def main():
    Milter.factory = AclMilter
    Milter.set_flags(Milter.ADDHDRS)
    Milter.runmilter("acl-milter", "inet:8894@127.0.0.1", timeout=600)

# ruff: noqa  (realistic code, linted by the SMT plugin only)
