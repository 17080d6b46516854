"""Kill one app server under load: no request fails (HAProxy checks and retries). Kill the task worker in the middle
of a reminder run: every reminder goes out exactly once (issue 14)."""

from __future__ import annotations

import json
import os
import re
import signal
import threading
import time
import urllib.request
from pathlib import Path

from tests.faults.conftest import Cluster, get, wait_for

FACTS = {
    "date": "2026-03-01",
    "personnel": {"employer": "federal", "enforces_laws": True},
    "property": {"kind": "parking_lot", "city_owned_or_leased": True, "city_operational_control": True},
    "use": "staging_area",
    "law_enforcement_purpose": True,
    "exceptions": [],
}


def _token(cluster: Cluster) -> str:
    body = json.dumps(
        {"username": "demo-frontline", "password": cluster.env.get("EO13_DEMO_PASSWORD", "cluster-demo-password-2026")}
    ).encode()
    request = urllib.request.Request(
        cluster.url + "/api/v1/auth/token", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as r:
        return json.loads(r.read())["token"]


def _kill_server(pid: int) -> list[int]:
    """SIGKILL the app server (the gunicorn master), by its id. Its workers, orphaned, finish the requests they hold
    and exit; returns their ids. (A response cut in mid-body by a process dying cannot be retried by any proxy.)"""
    children = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    os.kill(pid, signal.SIGKILL)
    return children


def _gone(pids: list[int]) -> bool:
    return not any(Path(f"/proc/{p}").exists() and "zombie" not in Path(f"/proc/{p}/status").read_text() for p in pids)


def test_killing_one_app_server_under_load_fails_no_request(cluster: Cluster) -> None:
    token = _token(cluster)
    results: list[int | str] = []
    stop = threading.Event()

    def client(i: int) -> None:
        while not stop.is_set():
            try:
                if i % 2:
                    status, _ = get(cluster.url + ["/en/", "/es/rights/", "/ar/order/"][i % 3], timeout=30)
                else:
                    request = urllib.request.Request(
                        cluster.url + "/api/v1/decisions/lot-use",
                        data=json.dumps(FACTS).encode(),
                        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
                    )
                    with urllib.request.urlopen(request, timeout=30) as r:
                        status = r.status
                results.append(status)
            except Exception as exc:  # a refused or reset connection is a failed request too
                results.append(repr(exc))

    threads = [threading.Thread(target=client, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    time.sleep(3)
    before = len(results)
    workers = _kill_server(cluster.child("app1"))
    time.sleep(6)
    stop.set()
    for t in threads:
        t.join(timeout=60)
    assert wait_for(lambda: _gone(workers), 30), "the killed server's workers kept serving"
    failed = [r for r in results if r != 200]
    assert len(results) - before > 10, "too few requests after the kill to show anything"
    assert failed == [], f"{len(failed)} of {len(results)} requests failed: {failed[:5]}"
    print(f"app server killed under load: {len(results)} requests ({len(results) - before} after the kill), 0 failed")
    # The supervisor starts the killed server again, and the proxy takes it back.
    assert wait_for(lambda: get(f"http://127.0.0.1:{cluster.port + 1}/readyz", timeout=5)[0] == 200, 120)


SETUP = """
from datetime import date
from eo13.accounts.models import Membership, User
from eo13.agencies.models import Agency
from eo13.obligations.services import obligation_event_record
dot = Agency.objects.get(code="DOT")
obligation_event_record(actor="privacy", event="privacy-officer-vacancy", on=date(2026, 10, 1), agency=dot)
names = [f"fault-{i:04d}" for i in range(N)]
users = User.objects.bulk_create([User(username=n, email=f"{n}@example.nyc.test") for n in names])
Membership.objects.bulk_create([Membership(user=u, agency=dot, role="agency_lead") for u in users])
from eo13.obligations.tasks import daily_obligations
print(daily_obligations.enqueue(on="2026-10-17", reschedule=False).id)
"""

STATUS = """
from django_tasks_db.models import DBTaskResult
r = DBTaskResult.objects.get(id="{id}")
print("STATUS", r.status, ",".join(r.worker_ids) or "-")
"""


def _status(cluster: Cluster, task_id: str) -> tuple[str, str]:
    line = next(x for x in cluster.eo13(STATUS.format(id=task_id)).splitlines() if x.startswith("STATUS "))
    _, status, workers = line.split()
    return status, workers


def _mailed(mail_dir: Path) -> list[str]:
    found: list[str] = []
    for f in mail_dir.glob("*.log") if mail_dir.exists() else []:
        found += re.findall(r"^To: (fault-\d{4})@", f.read_text(errors="replace"), flags=re.M)
    return found


def test_killing_the_worker_mid_run_sends_each_reminder_exactly_once(cluster: Cluster) -> None:
    # Finding the worker takes a process start (1-2 s); on a quiet machine 300 digests were all out by then, so the
    # run is made long enough that the kill always lands mid-run.
    n = 3000
    task_id = cluster.eo13(SETUP.replace("N)", f"{n})")).strip().splitlines()[-1]
    mail_dir = Path(cluster.env["EO13_VAR_DIR"]) / "mail"
    assert wait_for(lambda: len(_mailed(mail_dir)) >= 20, 120, every=0.02), "the reminder run never started"
    _, workers = _status(cluster, task_id)
    killed = next(name for name in ("worker1", "worker2") if f"-{cluster.child(name)}" in workers.split(",")[-1])
    os.kill(cluster.child(killed), signal.SIGKILL)
    at_kill = len(_mailed(mail_dir))
    assert at_kill < n, "the run finished before the kill; make it longer"

    def done() -> bool:
        return _status(cluster, task_id)[0] == "SUCCESSFUL"

    assert wait_for(done, 120, every=1.0), "the run was not taken up again after its worker died"
    mailed = _mailed(mail_dir)
    assert len(mailed) == n, f"{len(mailed)} digests for {n} people (killed after {at_kill})"
    assert len(set(mailed)) == n, "somebody got the same day's digest twice"
    print(
        f"worker killed after {at_kill} of {n} digests; after the re-run: {len(mailed)} digests, "
        f"{len(set(mailed))} people"
    )
