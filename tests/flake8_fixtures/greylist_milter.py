# corpus: B
"""A greylisting milter: replies are set with a basic code, an enhanced code and a text as
three arguments, the way milter libraries take them."""

import time

import Milter


class Greylist(Milter.Base):
    def __init__(self, store, delay=300):
        self.store = store
        self.delay = delay
        self.sender = None

    def envfrom(self, sender, *params):
        self.sender = sender
        return Milter.CONTINUE

    def envrcpt(self, recipient, *params):
        key = (self.getsymval("{client_addr}"), self.sender, recipient)
        first_seen = self.store.setdefault(key, time.time())
        if time.time() - first_seen < self.delay:
            self.setreply("451", "4.7.1", "Greylisted, try again later")  # expect: SMT101 SMT102
            return Milter.TEMPFAIL
        return Milter.CONTINUE

    def eom(self):
        if self.store.is_spam(self.getsymval("i")):
            self.setreply("550", "5.7.1", "Message rejected as spam")  # expect: SMT101 SMT102
            return Milter.REJECT
        if self.store.is_virus(self.getsymval("i")):
            self.setreply("554", "4.7.0", "Virus found")  # expect: SMT101 SMT200
            return Milter.REJECT
        return Milter.ACCEPT


def main(socket="inet:8894@localhost", timeout=600):
    Milter.factory = lambda: Greylist({})
    Milter.runmilter("greylist", socket, timeout)
