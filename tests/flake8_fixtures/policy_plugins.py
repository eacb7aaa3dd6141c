# corpus: B
"""Plugins of a Postfix policy server: each one reads the request attributes and returns the
action text Postfix applies (the daemon adds "action=" in front)."""
import time

from .db import recent_senders, throttle_count
from .settings import GREYLIST_DELAY, MAX_MSGS_PER_HOUR

ACTIONS = {
    "dunno": "DUNNO",
    "ok": "OK",
    "reject_null_sender": "REJECT Null sender is not allowed",
}


def reject_null_sender(request):
    if request.get("sender", "") == "" and request.get("sasl_username"):
        return ACTIONS["reject_null_sender"]
    return ACTIONS["dunno"]


def greylisting(request, now=None):
    now = now or time.time()
    triplet = (request["client_address"], request["sender"], request["recipient"])
    first_seen = recent_senders.get(triplet)
    if first_seen is None:
        recent_senders[triplet] = now
        return "451 4.7.1 Greylisted, please try again later"  # expect: SMT101
    if now - first_seen < GREYLIST_DELAY:
        return "451 4.7.1 Greylisted, retry in %d seconds" % (GREYLIST_DELAY - (now - first_seen))  # expect: SMT101
    return ACTIONS["dunno"]


def throttle(request):
    user = request.get("sasl_username")
    if not user:
        return ACTIONS["dunno"]
    sent = throttle_count(user, window=3600)
    if sent > MAX_MSGS_PER_HOUR:
        return "452 4.5.3 Sending quota exceeded for %s" % user  # expect: SMT101
    return ACTIONS["dunno"]


def maillist_access(request, members):
    if request["recipient"] in members and request["sender"] not in members:
        return "REJECT Only members may post to this list"
    return ACTIONS["dunno"]


def size_limit(request, limit_mb=25):
    size = int(request.get("size", "0"))
    if size > limit_mb * 1024 * 1024:
        return "552 5.3.4 Message size exceeds the limit of %d MB" % limit_mb  # expect: SMT101
    return ACTIONS["dunno"]


PLUGINS = [reject_null_sender, greylisting, throttle, size_limit]


def apply(request):
    for plugin in PLUGINS:
        result = plugin(request)
        if result != ACTIONS["dunno"]:
            return result
    return ACTIONS["dunno"]

# ruff: noqa  (realistic code, linted by the SMT plugin only)
