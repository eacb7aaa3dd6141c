# corpus: A
"""Tests of a mailing-list runner's LMTP delivery to the local store: a fake LMTP socket hands
back one reply per recipient after DATA, and the runner must sort them."""
import unittest
from unittest import mock

from listserver.delivery import LMTPDelivery


class FakeSocket:
    def __init__(self, replies):
        self.replies = list(replies)
        self.sent = []

    def sendall(self, data):
        self.sent.append(data)

    def recv(self, size):
        return self.replies.pop(0) if self.replies else b""


GREETING = [b"220 store.local LMTP ready\r\n",
            b"250-store.local\r\n250-PIPELINING\r\n250 ENHANCEDSTATUSCODES\r\n"]


class DeliveryTests(unittest.TestCase):
    def make(self, *after_data):
        sock = FakeSocket([*GREETING,
                           b"250 2.1.0 Sender OK\r\n",  # expect: SMT101
                           b"250 2.1.5 OK\r\n",  # expect: SMT101
                           b"250 2.1.5 OK\r\n",  # expect: SMT101
                           b"354 Start mail input\r\n",  # expect: SMT101
                           *after_data])
        patcher = mock.patch("socket.create_connection", return_value=sock)
        patcher.start()
        self.addCleanup(patcher.stop)
        return sock

    def test_per_recipient_results(self):
        self.make(b"250 2.0.0 <a@list.example> Saved\r\n",  # expect: SMT101
                  b"452 4.2.2 <b@list.example> Quota exceeded\r\n")  # expect: SMT101
        results = LMTPDelivery("/run/store.sock").deliver(
            "owner@list.example", ["a@list.example", "b@list.example"], b"Subject: x\r\n\r\nhi")
        self.assertEqual(results["a@list.example"].code, 250)  # expect: SMT100
        self.assertEqual(results["b@list.example"].code, 452)  # expect: SMT100
        self.assertEqual(results["b@list.example"].status, "4.2.2")  # expect: SMT102
        self.assertTrue(results["b@list.example"].temporary)

    def test_lhlo_is_sent_not_ehlo(self):
        sock = self.make(b"250 2.0.0 Saved\r\n", b"250 2.0.0 Saved\r\n")  # expect: SMT101 SMT101
        LMTPDelivery("/run/store.sock").deliver("o@l.example", ["a@l.example"], b"x")
        self.assertTrue(sock.sent[0].startswith(b"LHLO "))
        self.assertEqual(len(sock.sent), 5)

    def test_permanent_failure_unsubscribes(self):
        self.make(b"550 5.1.1 <a@list.example> User unknown\r\n",  # expect: SMT101
                  b"250 2.0.0 <b@list.example> Saved\r\n")  # expect: SMT101
        with mock.patch("listserver.delivery.unsubscribe") as unsubscribe:
            LMTPDelivery("/run/store.sock").deliver(
                "owner@list.example", ["a@list.example", "b@list.example"], b"x")
        unsubscribe.assert_called_once_with("a@list.example", reason="5.1.1")  # expect-miss: SMT102

# ruff: noqa  (realistic code, linted by the SMT plugin only)
