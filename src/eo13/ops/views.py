"""Health, readiness and metrics endpoints (issue 14; INTERFACES §5 for /healthz).

- ``/healthz``: is the database there, when did a task worker last check in, how long has the oldest task
  waited. 503 only when the database is unreachable.
- ``/readyz``: for the load balancer: 200 when this process can serve (database and cache answer), else 503.
- ``/metrics``: Prometheus text; only with ``Authorization: Bearer <EO13_METRICS_TOKEN>`` or from an address in
  ``EO13_METRICS_ALLOW`` when the request did not come through the proxy.
"""

from __future__ import annotations

import hmac
import ipaddress
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from eo13.ops import metrics, workers


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        connection.close_if_unusable_or_obsolete()
        return False
    return True


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    if not _database_ok():
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    body: dict[str, Any] = {"status": "ok", "database": "ok"}
    try:
        seen = workers.last_check_in()
        now = timezone.now()
        body["worker"] = {
            "last_check_in": seen.isoformat() if seen else None,
            "seconds_ago": round((now - seen).total_seconds(), 1) if seen else None,
            "ok": bool(seen and now - seen <= workers.STALE),
        }
        body["task_queue_age_seconds"] = round(metrics.queue_age(now), 1)
    except Exception:  # tables missing before the first migrate: the database answered, which is what counts
        body["worker"] = {"last_check_in": None, "seconds_ago": None, "ok": False}
    return JsonResponse(body)


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    checks = {"database": _database_ok()}
    try:
        cache.set("eo13:readyz", 1, 5)
        checks["cache"] = cache.get("eo13:readyz") == 1
    except Exception:
        checks["cache"] = False
    ok = all(checks.values())
    return JsonResponse({"status": "ok" if ok else "unavailable", **checks}, status=200 if ok else 503)


def metrics_allowed(request: HttpRequest) -> bool:
    token = getattr(settings, "EO13_METRICS_TOKEN", "")
    given = request.headers.get("Authorization", "")
    if token and given.startswith("Bearer ") and hmac.compare_digest(given[7:].encode(), token.encode()):
        return True
    if request.headers.get("X-Forwarded-For"):  # came through the proxy: the address is the proxy's
        return False
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(net, strict=False) for net in settings.EO13_METRICS_ALLOW)


@never_cache
def metrics_view(request: HttpRequest) -> HttpResponse:
    if not metrics_allowed(request):
        return HttpResponse("Forbidden\n", status=403, content_type="text/plain")
    return HttpResponse(metrics.render(), content_type="text/plain; version=0.0.4; charset=utf-8")
