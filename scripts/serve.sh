#!/usr/bin/env bash
# Serves EO13 with gunicorn (the production server, issue 14) and keeps the task worker running beside it:
# a worker that exits or dies is started again after a second. Stopping the server stops the worker too.
#   scripts/serve.sh [PORT]    environment: WEB_CONCURRENCY, EO13_THREADS, EO13_PREPARE (see eo13/gunicorn_conf.py)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-8000}
bin=.venv/bin

# Runs "$@" for ever, starting it again whenever it exits; used for the task worker.
supervise() {
    local child=""
    trap '[ -n "$child" ] && kill "$child" 2>/dev/null; exit 0' TERM INT
    while true; do
        "$@" &
        child=$!
        wait "$child" || true
        echo "serve.sh: '$*' exited; starting it again in 1 s" >&2
        sleep 1
    done
}

EO13_BIND=${EO13_BIND:-127.0.0.1:$port} EO13_PREPARE=${EO13_PREPARE:-1} \
    "$bin/gunicorn" -c python:eo13.gunicorn_conf &
web=$!
# The trap exits: a subshell forked before it set its own trap runs this one, and must not go on to serve.
# It stops every child this shell started (jobs -p), not the ones it has noted: a stop that came just after the
# worker's supervisor was started, before its number was kept, left that supervisor running and this shell waiting
# for it for ever (a `make bench` run hung so for 300 s).
trap 'kill $(jobs -p) 2>/dev/null || true; wait; exit 0' EXIT INT TERM

# The worker starts once the server is ready, so the two don't compete for the CPU while the server starts.
for _ in $(seq 1 600); do
    kill -0 "$web" 2>/dev/null || exit 1
    curl -sf -o /dev/null "http://127.0.0.1:$port/readyz" && break
    sleep 0.1
done
echo "EO13 is serving on http://127.0.0.1:$port (Ctrl-C to stop)"
supervise "$bin/eo13" worker &
wait "$web"
