"""Start-up: the periodic signed checkpoint of the audit chains is scheduled on the task worker (issue 14)."""

from typing import Any

from eo13.audit.tasks import ensure_audit_checkpoints


def run(stdout: Any) -> None:
    if ensure_audit_checkpoints():
        stdout.write("Audit: a signed checkpoint of every audit chain is scheduled every few minutes.")
