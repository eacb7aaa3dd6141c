# corpus: trap
"""Rate limiting of a webmail's REST API: throttles per user and per IP, HTTP 429 with
Retry-After, a 451 for accounts blocked for legal reasons, quotas of messages per day.
All HTTP; nothing here is an SMTP reply."""
import time

from django.core.cache import cache
from django.http import HttpResponse, JsonResponse

DAILY_SEND_QUOTA = 250


def too_many(retry_after):
    response = JsonResponse({"error": "rate limited", "retry_after": retry_after}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def throttle(key, limit, window):
    now = int(time.time())
    bucket = f"rl:{key}:{now // window}"
    count = cache.get_or_set(bucket, 0, timeout=window)
    if count >= limit:
        return window - now % window
    cache.incr(bucket)
    return 0


class RateLimitMiddleware:
    def __init__(self, get_response, per_minute=120, per_ip_minute=300):
        self.get_response = get_response
        self.per_minute = per_minute
        self.per_ip_minute = per_ip_minute

    def __call__(self, request):
        if request.path.startswith("/api/"):
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated and user.profile.legal_hold:
                return HttpResponse("account unavailable for legal reasons", status=451)
            wait = throttle(f"ip:{request.META.get('REMOTE_ADDR')}", self.per_ip_minute, 60)
            if not wait and user is not None and user.is_authenticated:
                wait = throttle(f"user:{user.pk}", self.per_minute, 60)
            if wait:
                return too_many(wait)
        return self.get_response(request)


def send_allowed(user, sent_today):
    quota = user.profile.daily_quota or DAILY_SEND_QUOTA
    if sent_today >= quota:
        return JsonResponse({"error": "daily quota reached", "quota": quota}, status=403)
    return None

# ruff: noqa  (realistic code, linted by the SMT plugin only)
