# corpus: trap
"""Tests of a mailing-list server's REST API, driven with urllib: every code asserted here is
an HTTP status, though the project is all about mail."""

import json
import unittest
from urllib.error import HTTPError
from urllib.request import Request, urlopen

API = "http://localhost:8001/3.1"


def call_api(url, data=None, method=None):
    body = json.dumps(data).encode() if data is not None else None
    request = Request(url, data=body, method=method)
    with urlopen(request, timeout=10) as response:
        content = response.read()
        return (json.loads(content) if content else None), response.status


class TestLists(unittest.TestCase):
    def test_missing_list(self):
        with self.assertRaises(HTTPError) as cm:
            call_api(API + "/lists/missing@example.com")
        self.assertEqual(cm.exception.code, 404)

    def test_create_list(self):
        content, status = call_api(API + "/lists", {"fqdn_listname": "ant@example.com"})
        self.assertEqual(status, 201)
        self.assertIsNone(content)

    def test_bad_request(self):
        with self.assertRaises(HTTPError) as cm:
            call_api(API + "/lists", {"fqdn_listname": "not-an-address"})
        self.assertEqual(cm.exception.code, 400)
        self.assertEqual(cm.exception.reason, "Bad Request")

    def test_delete_list(self):
        content, status = call_api(API + "/lists/ant@example.com", method="DELETE")
        self.assertEqual(status, 204)

    def test_member_count(self):
        content, status = call_api(API + "/lists/ant@example.com/roster/member")
        self.assertEqual(status, 200)
        self.assertEqual(content["total_size"], 250)
