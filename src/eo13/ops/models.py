"""Operations records (issue 14): which task workers are alive. Holds no person's data."""

from django.db import models


class WorkerCheckIn(models.Model):
    """A task worker's latest sign of life; `/healthz` reports it and stale workers' tasks are run again."""

    worker_id = models.CharField(max_length=64, unique=True)
    seen_at = models.DateTimeField(db_index=True)
    started_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.seen_at:%Y-%m-%d %H:%M:%S})"
