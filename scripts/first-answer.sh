#!/usr/bin/env bash
# Measures `make run`'s time to first answer on a fresh SQLite database (issue 14): starts scripts/serve.sh on a
# free port with an empty var folder, waits for GET /en/ to answer 200, prints the seconds, and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
unset PYTHONDONTWRITEBYTECODE
# A fresh SQLite database, whatever the caller's environment: under `DATABASE_URL=… make bench` the server would
# otherwise migrate and load demo data into that PostgreSQL database, and measure something else.
unset DATABASE_URL DATABASE_REPLICA_URL CACHE_URL
var=$(mktemp -d /tmp/eo13-first-answer.XXXXXX)
port=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
start=$(date +%s.%N)
EO13_VAR_DIR=$var EO13_DEMO=1 bash scripts/serve.sh "$port" >"$var/serve.log" 2>&1 &
pid=$!
# Each try gives up after 5 s and the whole wait after 120 s, so a server that accepts and never answers fails the
# measurement with its log instead of hanging it (one `make bench` run hung here for 300 s).
deadline=$(( $(date +%s) + 120 ))
until curl -sf --max-time 5 -o /dev/null "http://127.0.0.1:$port/en/"; do
    kill -0 "$pid" 2>/dev/null || { cat "$var/serve.log" >&2; exit 1; }
    if [ "$(date +%s)" -ge "$deadline" ]; then
        kill "$pid" 2>/dev/null || true
        echo "no answer from GET /en/ within 120 s; the server's log:" >&2
        cat "$var/serve.log" >&2
        exit 1
    fi
    sleep 0.05
done
end=$(date +%s.%N)
kill "$pid"; wait "$pid" 2>/dev/null || true
# CPU seconds of everything started (user + system, children included): what the time would be on an idle machine
# with one core, give or take what the two cores run side by side.
times >"$var/times"
cpu=$(tail -1 "$var/times" | awk '{ split($1,u,"m"); split($2,s,"m"); print u[1]*60+u[2]+s[1]*60+s[2] }')
printf 'make run, fresh SQLite database, to first answer: %.1f s wall, %.1f CPU-s (load average %s)\n' \
    "$(echo "$end - $start" | bc)" "$cpu" "$(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$var"
