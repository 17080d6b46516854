#!/usr/bin/env bash
# Runs the web server in the foreground and the django-tasks-db worker beside it; stopping one stops both.
set -euo pipefail
port=${1:-8000}
.venv/bin/eo13 db_worker --interval 5 &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
echo "EO13 is serving on http://127.0.0.1:$port (Ctrl-C to stop)"
.venv/bin/eo13 runserver "127.0.0.1:$port" --noreload
