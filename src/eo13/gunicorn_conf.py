"""Gunicorn settings for EO13, the same in `make run` and in production (issue 14).

Everything comes from the environment, so one file serves a laptop and a cluster:

- ``EO13_BIND`` (default ``127.0.0.1:8000``), ``WEB_CONCURRENCY`` worker processes (default 2),
  ``EO13_THREADS`` threads per worker (default 2), ``EO13_TIMEOUT`` seconds (default 30).
- ``EO13_PREPARE=1`` applies pending migrations and loads the reference data in the master process before it
  forks the workers (``make run``). A cluster migrates once, before it starts its app servers.

The application is loaded once in the master (``preload_app``) and shared copy-on-write by the workers, so a
worker starts in milliseconds and a killed worker is replaced at once.
"""

import os

bind = os.environ.get("EO13_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("EO13_THREADS", "2"))
timeout = int(os.environ.get("EO13_TIMEOUT", "30"))
graceful_timeout = 10
keepalive = 5
preload_app = True
wsgi_app = "eo13.wsgi:application"
proc_name = "eo13-web"
# The control socket lives at one path per user; several servers on one machine would fight over it.
control_socket_disable = True
# Our own middleware writes one JSON line per request; gunicorn's access log would repeat it unscrubbed.
accesslog = None
errorlog = "-"
# A worker that handled this many requests is replaced, so a slow leak never grows without bound.
max_requests = int(os.environ.get("EO13_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10


def on_starting(server: object) -> None:
    if os.environ.get("EO13_PREPARE") == "1":
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eo13.settings")
        import django
        from django.core.management import call_command

        django.setup()
        call_command("bootstrap", migrate=True)


def when_ready(server: object) -> None:
    # Answer one public page in the master, so every worker forks with the URLs, templates and translations loaded
    # instead of the first visitor waiting for them.
    from django.test import Client

    try:
        Client(raise_request_exception=False).get("/en/", HTTP_HOST="127.0.0.1")
    except Exception as exc:  # a warm-up only; the workers will load what they need
        print(f"eo13: warm-up request failed ({type(exc).__name__}); serving anyway")


def pre_fork(server: object, worker: object) -> None:
    # Connections (and a psycopg pool with its threads) must never be shared across a fork.
    from django.db import connections

    for conn in connections.all(initialized_only=True):
        conn.close()
        close_pool = getattr(conn, "close_pool", None)
        if close_pool is not None and conn.settings_dict.get("OPTIONS", {}).get("pool"):
            close_pool()
