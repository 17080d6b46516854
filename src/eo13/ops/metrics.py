"""Prometheus metrics (issue 14), shared by every process through the cache.

Each process counts requests in memory and adds its counts to the cache at most once a second, so a request pays
no network round trip; with ``CACHE_URL`` on Redis the endpoint shows the sum over all app servers. Decisions by
outcome, the task queue and reminder failures are read from the database when scraped.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import Counter

from django.core.cache import cache

from eo13.access.models import DecisionLog
from eo13.obligations.tasks import daily_obligations

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
_PREFIX = "eo13:metrics:"
_KEYS = _PREFIX + "keys"
FLUSH_EVERY = 1.0

_lock = threading.Lock()
_pending: Counter[str] = Counter()
_last_flush = time.monotonic()


def observe(method: str, route: str, status: int, seconds: float) -> None:
    """Count one request; ``route`` is the URL pattern that answered, never the path as sent."""
    global _last_flush
    labels = f'method="{method}",route="{route}",status="{status}"'
    with _lock:
        _pending[f"eo13_http_requests_total{{{labels}}}"] += 1
        _pending["eo13_http_request_duration_seconds_sum"] += int(seconds * 1_000_000)  # microseconds
        _pending["eo13_http_request_duration_seconds_count"] += 1
        for bound in BUCKETS:
            if seconds <= bound:
                _pending[f'eo13_http_request_duration_seconds_bucket{{le="{bound}"}}'] += 1
        _pending['eo13_http_request_duration_seconds_bucket{le="+Inf"}'] += 1
        due = time.monotonic() - _last_flush >= FLUSH_EVERY
    if due:
        flush()


def flush() -> None:
    global _last_flush
    with _lock:
        counts = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    if not counts:
        return
    try:
        known = set(cache.get(_KEYS) or ())
        if not set(counts) <= known:
            cache.set(_KEYS, sorted(known | set(counts)), None)
        for key, n in counts.items():
            try:
                cache.incr(_PREFIX + key, n)
            except ValueError:  # not there yet
                if not cache.add(_PREFIX + key, n, None):
                    cache.incr(_PREFIX + key, n)
    except Exception:  # metrics must never fail a request; these counts are lost
        return


def _queue_lines() -> list[str]:
    from django.db.models import Count
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    due = DBTaskResult.objects.ready().aggregate(n=Count("id"))
    lines = [
        "# HELP eo13_task_queue_depth Tasks ready to run now.",
        "# TYPE eo13_task_queue_depth gauge",
        f"eo13_task_queue_depth {due['n']}",
        "# HELP eo13_task_queue_age_seconds How long the oldest ready task has waited.",
        "# TYPE eo13_task_queue_age_seconds gauge",
        f"eo13_task_queue_age_seconds {queue_age(now):.3f}",
        "# HELP eo13_reminder_failures_total Daily reminder runs that failed.",
        "# TYPE eo13_reminder_failures_total counter",
        "eo13_reminder_failures_total "
        + str(DBTaskResult.objects.failed().filter(task_path=daily_obligations.module_path).count()),
        "# HELP eo13_decisions_total Decisions given, by kind and outcome.",
        "# TYPE eo13_decisions_total counter",
    ]
    for row in DecisionLog.objects.values("kind", "outcome").annotate(n=Count("id")).order_by("kind", "outcome"):
        lines.append(f'eo13_decisions_total{{kind="{row["kind"]}",outcome="{row["outcome"]}"}} {row["n"]}')
    return lines


def queue_age(now: dt.datetime | None = None) -> float:
    """Seconds the longest-waiting task that is due has waited (0 when none waits)."""
    from django.db.models import Min
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = now or timezone.now()
    ready = DBTaskResult.objects.ready()
    asap = ready.filter(run_after=get_date_max()).aggregate(t=Min("enqueued_at"))["t"]
    later = ready.exclude(run_after=get_date_max()).aggregate(t=Min("run_after"))["t"]
    starts = [t for t in (asap, later) if t is not None]
    return max(0.0, (now - min(starts)).total_seconds()) if starts else 0.0


def render() -> str:
    flush()
    keys = cache.get(_KEYS) or []
    values = cache.get_many([_PREFIX + k for k in keys]) if keys else {}
    lines = [
        "# HELP eo13_http_requests_total Requests answered, by method, route and status.",
        "# TYPE eo13_http_requests_total counter",
        "# HELP eo13_http_request_duration_seconds Time to answer a request.",
        "# TYPE eo13_http_request_duration_seconds histogram",
    ]
    for key in keys:
        value = values.get(_PREFIX + key, 0)
        if key == "eo13_http_request_duration_seconds_sum":
            lines.append(f"{key} {value / 1_000_000:.6f}")
        else:
            lines.append(f"{key} {value}")
    lines += _queue_lines()
    return "\n".join(lines) + "\n"
