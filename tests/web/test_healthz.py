"""GET /healthz (INTERFACES §5)."""

import json
import os
import subprocess
import sys


def test_healthz_ok(client, db):
    r = client.get("/healthz")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["database"] == "ok"
    # No task worker has checked in yet, and nothing waits in the queue (issue 14).
    assert body["worker"] == {"last_check_in": None, "seconds_ago": None, "ok": False}
    assert body["task_queue_age_seconds"] == 0


def test_healthz_503_when_the_database_is_gone(tmp_path):
    # A real server process whose database cannot be opened: a file in a folder that does not exist.
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp_path}/missing/dir/db.sqlite3", EO13_VAR_DIR=str(tmp_path))
    code = (
        "import django, json; django.setup(); from django.test import Client; "
        "r = Client().get('/healthz'); print(r.status_code, json.dumps(r.json()))"
    )
    env["DJANGO_SETTINGS_MODULE"] = "eo13.settings"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    status, body = out.stdout.strip().split(" ", 1)
    assert status == "503", out.stderr
    assert json.loads(body) == {"status": "error", "database": "unavailable"}


def test_pages_name_an_icon_and_favicon_ico_leads_to_it(client, db):
    """Issue 13: a favicon; browsers also ask /favicon.ico, which was a 404 in every log."""
    page = client.get("/en/")
    assert b'rel="icon"' in page.content and b"favicon" in page.content
    icon = client.get("/favicon.ico")
    assert icon.status_code == 301 and icon["Location"].endswith(".svg")
