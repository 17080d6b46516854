"""Backups (issue 14): the database (``pg_dump`` on PostgreSQL, SQLite's online backup otherwise) and the evidence
files, with a manifest of SHA-256 hashes; a restore checks every hash before it changes anything.

A backup folder holds ``manifest.json``, ``database.dump`` (or ``database.sqlite3``) and ``files/`` (the media
root as it was). Restore into a fresh, empty database; then `eo13 audit-verify` checks the audit chain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection

from eo13.audit.models import AuditEntry

MANIFEST = "manifest.json"


class BackupError(Exception):
    pass


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def media_root() -> Path:
    storages: dict[str, Any] = settings.STORAGES
    options: dict[str, Any] = storages["default"].get("OPTIONS", {})
    return Path(options.get("location") or settings.MEDIA_ROOT)


def _pg_env_args() -> tuple[dict[str, str], list[str]]:
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = [
        "-h",
        str(db.get("HOST") or "127.0.0.1"),
        "-p",
        str(db.get("PORT") or 5432),
        "-U",
        str(db.get("USER") or "postgres"),
    ]
    return env, args


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def backup_create(dest: Path) -> Path:
    """Write a new backup folder under ``dest`` and return it."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = dest / f"eo13-backup-{stamp}"
    folder.mkdir(parents=True, exist_ok=False)
    if _is_postgres():
        env, args = _pg_env_args()
        db_file = folder / "database.dump"
        subprocess.run(
            ["pg_dump", *args, "-Fc", "--no-owner", "-f", str(db_file), str(settings.DATABASES["default"]["NAME"])],
            env=env,
            check=True,
            capture_output=True,
        )
    else:
        db_file = folder / "database.sqlite3"
        connection.ensure_connection()  # Django's own connection: right for a test database in memory too
        target = sqlite3.connect(str(db_file))
        with target:
            connection.connection.backup(target)
        target.close()
    files: list[dict[str, Any]] = []
    root = media_root()
    if root.exists():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            rel = path.relative_to(root).as_posix()
            copy = folder / "files" / rel
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, copy)
            files.append({"path": rel, "size": copy.stat().st_size, "sha256": sha256_file(copy)})

    manifest = {
        "format": 1,
        "created_at": stamp,
        "database": {"vendor": connection.vendor, "file": db_file.name, "sha256": sha256_file(db_file)},
        "files": files,
        "audit_entries": AuditEntry.objects.count(),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return folder


def backup_check(folder: Path) -> dict[str, Any]:
    """The manifest, after every hash in it was checked; BackupError names the first file that differs."""
    try:
        manifest: dict[str, Any] = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as exc:
        raise BackupError(f"No readable {MANIFEST} in {folder}.") from exc
    db_file = folder / manifest["database"]["file"]
    if not db_file.exists() or sha256_file(db_file) != manifest["database"]["sha256"]:
        raise BackupError(f"The database file {db_file.name} is missing or does not match the manifest.")
    for entry in manifest["files"]:
        path = folder / "files" / entry["path"]
        if not path.exists() or sha256_file(path) != entry["sha256"]:
            raise BackupError(f"The evidence file {entry['path']} is missing or does not match the manifest.")
    return manifest


def backup_restore(folder: Path) -> dict[str, Any]:
    """Restore a checked backup into the configured (fresh, empty) database and media root."""
    manifest = backup_check(folder)
    if manifest["database"]["vendor"] != connection.vendor:
        raise BackupError(f"This backup is of a {manifest['database']['vendor']} database, not {connection.vendor}.")
    tables = connection.introspection.table_names()
    if tables:
        raise BackupError(f"The target database is not empty ({len(tables)} tables). Restore into a fresh database.")
    root = media_root()
    for entry in manifest["files"]:
        existing = root / entry["path"]
        if existing.exists() and sha256_file(existing) != entry["sha256"]:
            raise BackupError(f"A different file is already at {entry['path']}; restore into an empty media folder.")
    db_file = folder / manifest["database"]["file"]
    if connection.vendor == "postgresql":
        env, args = _pg_env_args()
        connection.close()
        subprocess.run(
            [
                "pg_restore",
                *args,
                "--no-owner",
                "--exit-on-error",
                "-d",
                str(settings.DATABASES["default"]["NAME"]),
                str(db_file),
            ],
            env=env,
            check=True,
            capture_output=True,
        )
    else:
        connection.ensure_connection()
        source = sqlite3.connect(str(db_file))
        source.backup(connection.connection)
        source.close()
    for entry in manifest["files"]:
        dest = root / entry["path"]
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(folder / "files" / entry["path"], dest)
    return manifest
