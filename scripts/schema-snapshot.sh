#!/usr/bin/env bash
# Writes src/eo13/ops/sqlite_fresh.sql: every migration applied to an empty SQLite database, dumped (issue 14).
# A fresh `make run` loads it instead of replaying the migrations; run this after adding or changing a migration
# (tests/ops/test_fresh_schema.py fails until you do).  With --print, writes the dump to stdout instead.
set -euo pipefail
cd "$(dirname "$0")/.."
var=$(mktemp -d /tmp/eo13-schema.XXXXXX)
trap 'rm -rf "$var"' EXIT
export EO13_VAR_DIR=$var DJANGO_SETTINGS_MODULE=eo13.settings
unset DATABASE_URL
.venv/bin/eo13 migrate -v0
.venv/bin/python - "${1:-}" <<'PY'
import sys

import django

django.setup()
from eo13.ops.fresh_schema import SNAPSHOT, dump

text = dump()
if sys.argv[1] == "--print":
    sys.stdout.write(text)
else:
    SNAPSHOT.write_text(text, encoding="utf-8")
    print(f"wrote {SNAPSHOT} ({len(text.splitlines())} lines)")
PY
