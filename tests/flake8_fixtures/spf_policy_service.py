# corpus: B
"""An SPF policy service for Postfix (check_policy_service): it evaluates SPF for HELO and
MAIL FROM and answers with an action line; results are cached per client for a while."""
import sys
import time

import spf

CACHE_SECONDS = 600
HELO_REJECT = "SPF_Not_Pass"


def read_request(stream):
    request = {}
    for line in stream:
        line = line.strip()
        if not line:
            return request
        key, _, value = line.partition("=")
        request[key] = value
    return None


def decide(request, cache, now=None):
    now = now or time.time()
    key = (request.get("client_address"), request.get("sender"))
    cached = cache.get(key)
    if cached and now - cached[0] < CACHE_SECONDS:
        return cached[1]
    result, explanation = spf.check2(i=request["client_address"], s=request.get("sender", ""),
                                     h=request.get("helo_name", ""), timeout=20)
    if result == "fail":
        action = "action=550 5.7.23 Message rejected due to: %s" % explanation  # expect: SMT101
    elif result in ("temperror",):
        action = "action=451 4.4.3 SPF temporary error: %s" % explanation  # expect: SMT101
    elif result == "permerror" and HELO_REJECT == "Fail":
        action = "action=550 5.5.2 SPF permanent error: %s" % explanation  # expect: SMT101
    else:
        action = "action=prepend Received-SPF: %s (%s)" % (result, explanation)
    cache[key] = (now, action)
    return action


def main():
    cache = {}
    while True:
        request = read_request(sys.stdin)
        if request is None:
            break
        sys.stdout.write(decide(request, cache) + "\n\n")
        sys.stdout.flush()

# ruff: noqa  (realistic code, linted by the SMT plugin only)
