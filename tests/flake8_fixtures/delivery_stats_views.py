# corpus: B
"""Django views of an outbound-mail dashboard: counts of deliveries by the reply the remote
server gave, read from a table the MTA's log shipper fills (one row per attempt)."""
from django.db.models import Count
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET

from .models import Attempt


@require_GET
def summary(request):
    try:
        days = int(request.GET.get("days", "7"))
    except ValueError:
        return HttpResponseBadRequest("days must be a number")
    if not 1 <= days <= 90:
        return JsonResponse({"error": "days must be between 1 and 90"}, status=400)
    attempts = Attempt.objects.recent(days=days)
    data = {
        "total": attempts.count(),
        "delivered": attempts.filter(smtp_code=250).count(),  # expect: SMT100
        "deferred": attempts.filter(smtp_code__gte=400, smtp_code__lt=500).count(),  # expect: SMT100 SMT100
        "bounced": attempts.filter(smtp_code__gte=500).count(),  # expect: SMT100
        "unknown_user": attempts.filter(enhanced_status="5.1.1").count(),  # expect: SMT102
        "by_code": list(attempts.values("smtp_code").annotate(n=Count("id")).order_by("-n")[:20]),
    }
    return JsonResponse(data, status=200)


@require_GET
def attempt_detail(request, pk):
    attempt = Attempt.objects.filter(pk=pk).first()
    if attempt is None:
        return JsonResponse({"error": "not found"}, status=404)
    return JsonResponse({"id": attempt.pk, "code": attempt.smtp_code,
                         "status": attempt.enhanced_status, "reply": attempt.reply[:500]})

# ruff: noqa  (realistic code, linted by the SMT plugin only)
