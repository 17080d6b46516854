"""eo13 worker: django-tasks-db's worker, with check-ins and recovery of a dead worker's tasks (issue 14).

Run as many as you like (on PostgreSQL; SQLite takes one): each claims a task with ``SELECT ... SKIP LOCKED``.
"""

import logging
import threading
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections, connection
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker

from eo13.ops import workers

logger = logging.getLogger("eo13.worker")


class Command(BaseCommand):
    help = "Run background tasks (django-tasks-db), checking in and re-running tasks of workers that died."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between looks for work.")
        parser.add_argument("--worker-id", default="", help="A name for this worker (default host-pid).")

    def handle(self, *args: Any, **options: Any) -> None:
        worker_id = options["worker_id"] or workers.new_worker_id()
        started = timezone.now()
        workers.check_in(worker_id, started)
        stop = threading.Event()

        def beat() -> None:
            while not stop.wait(workers.CHECK_IN_EVERY):
                try:
                    close_old_connections()
                    workers.check_in(worker_id, started)
                    if n := workers.requeue_orphans():
                        logger.warning("Put %d task(s) of a stopped worker back in the queue.", n)
                except Exception:  # the database may be away for a moment; the next beat tries again
                    logger.exception("Worker check-in failed")
            connection.close()

        thread = threading.Thread(target=beat, name="eo13-worker-check-in", daemon=True)
        thread.start()
        worker = Worker(
            queue_names=["default"],
            interval=options["interval"],
            batch=False,
            backend_name="default",
            startup_delay=True,
            max_tasks=None,
            worker_id=worker_id,
            excluded_queue_names=[],
        )
        worker.configure_signals()
        logger.info("Task worker %s started.", worker_id)
        try:
            worker.run()
        finally:
            stop.set()
            try:
                workers.check_out(worker_id)
            except Exception:
                logger.warning("Worker %s could not check out.", worker_id)
