#!/usr/bin/env bash
# EO13 as several processes on one machine (issue 14): PostgreSQL and Redis (started if not up), two gunicorn app
# servers, two task workers and HAProxy in front, all on 127.0.0.1. Every process is supervised: one that dies is
# started again. Logs and pids go to $CLUSTER_DIR.
#
#   scripts/cluster.sh start|stop|status        (make cluster / make cluster-stop)
#
# Environment: CLUSTER_PORT (HAProxy; the app servers take the next two ports), DATABASE_URL, CACHE_URL,
# WEB_CONCURRENCY, EO13_THREADS, DB_POOL_MAX_SIZE, EO13_API_RATE, EO13_ANON_RATE, EO13_DEMO_PASSWORD.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin=$root/.venv/bin
port=${CLUSTER_PORT:-18100}
dir=${CLUSTER_DIR:-$root/var/cluster}
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/eo13_cluster}
export CACHE_URL=${CACHE_URL:-redis://127.0.0.1:6379/5}
export CACHE_KEY_PREFIX=${CACHE_KEY_PREFIX:-eo13-cluster-$port}
export DB_POOL_MAX_SIZE=${DB_POOL_MAX_SIZE:-4}
export WEB_CONCURRENCY=${WEB_CONCURRENCY:-2} EO13_THREADS=${EO13_THREADS:-4}
# A load-test cluster: limits high enough for the load test; a deployment sets its own (docs/deploy.md).
export EO13_API_RATE=${EO13_API_RATE:-100000/m} EO13_ANON_RATE=${EO13_ANON_RATE:-100000/m}
export EO13_DEMO=${EO13_DEMO:-1} EO13_DEMO_PASSWORD=${EO13_DEMO_PASSWORD:-cluster-demo-password-2026}
export EO13_VAR_DIR=${EO13_VAR_DIR:-$dir/var}
export REQUEST_LOG_LEVEL=${REQUEST_LOG_LEVEL:-WARNING}  # one line per request would cost more than the request
export EO13_BASE_URL=${EO13_BASE_URL:-http://127.0.0.1:$port}
unset PYTHONDONTWRITEBYTECODE

up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
hostport() { python3 -c "import sys,urllib.parse as u; p=u.urlparse(sys.argv[1]); print(p.hostname or '127.0.0.1', p.port or $2)" "$1"; }

ensure_postgres() {
    read -r host pgport < <(hostport "$DATABASE_URL" 5432)
    if ! up "$pgport"; then
        echo "cluster: starting PostgreSQL"
        pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
        for _ in $(seq 1 30); do up "$pgport" && break; sleep 1; done
    fi
    local name=${DATABASE_URL##*/}; name=${name%%\?*}
    local admin=${DATABASE_URL%/*}/postgres
    psql "$admin" -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1 \
        || psql "$admin" -qc "CREATE DATABASE \"$name\""
}

ensure_redis() {
    read -r host rport < <(hostport "$CACHE_URL" 6379)
    if ! up "$rport"; then
        echo "cluster: starting Redis"
        redis-server --bind 127.0.0.1 --port "$rport" --daemonize yes --save "" --appendonly no
        for _ in $(seq 1 30); do up "$rport" && break; sleep 0.2; done
    fi
}

# supervise NAME CMD...: runs CMD for ever in the background, restarting it when it exits; pid in $dir/NAME.pid.
supervise() {
    local name=$1; shift
    (
        child=""
        trap '[ -n "$child" ] && kill -TERM "$child" 2>/dev/null; wait; exit 0' TERM INT
        while true; do
            "$@" >>"$dir/$name.log" 2>&1 &
            child=$!
            echo "$child" >"$dir/$name.child"
            wait "$child" || true
            echo "$(date -u +%FT%TZ) $name exited; starting it again" >>"$dir/supervisor.log"
            sleep 0.5
        done
    ) &
    echo $! >"$dir/$name.pid"
}

write_haproxy_cfg() {
    cat >"$dir/haproxy.cfg" <<CFG
global
    maxconn 2000
    pidfile $dir/haproxy.pid
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    timeout check 5s
    timeout http-request 10s
    option forwardfor
    # A request whose server died before answering goes to the other one (issue 14: kill one, lose none).
    # A server killed mid-request leaves no answer or a broken one (junk-response); HAProxy keeps the request
    # (http-buffer-request) so that it can send it again, bodies included.
    retries 3
    option redispatch 1
    option http-buffer-request
    retry-on conn-failure empty-response junk-response response-timeout 502 503
frontend eo13
    bind 127.0.0.1:$port
    http-request set-header X-Request-ID %[uuid()] unless { req.hdr(X-Request-ID) -m found }
    # Metrics are for the monitoring network, not through the public proxy.
    http-request deny deny_status 403 if { path /metrics }
    default_backend app
backend app
    balance leastconn
    option httpchk GET /readyz
    http-check expect status 200
    # Down after two failed checks half a second apart; requests already on it finish (a dead one is retried).
    default-server inter 500ms fall 2 rise 2 maxconn 32
    server app1 127.0.0.1:$((port + 1)) check
    server app2 127.0.0.1:$((port + 2)) check
CFG
}

start() {
    mkdir -p "$dir" "$EO13_VAR_DIR"
    if [ -f "$dir/haproxy.pid" ] && kill -0 "$(cat "$dir/haproxy.pid")" 2>/dev/null; then
        echo "cluster: already running on http://127.0.0.1:$port"; return 0
    fi
    for p in "$port" $((port + 1)) $((port + 2)); do
        if up "$p"; then echo "cluster: port $p is taken; choose another CLUSTER_PORT" >&2; exit 1; fi
    done
    command -v haproxy >/dev/null || bash scripts/ensure-system-packages.sh
    ensure_postgres
    ensure_redis
    "$bin/eo13" bootstrap --migrate >"$dir/bootstrap.log"
    "$bin/eo13" collectstatic --no-input -v 0 >/dev/null 2>&1 || true
    for i in 1 2; do
        supervise "app$i" env EO13_BIND="127.0.0.1:$((port + i))" "$bin/gunicorn" -c python:eo13.gunicorn_conf
        supervise "worker$i" "$bin/eo13" worker  # its id names the host and pid, so a restarted one is new
    done
    write_haproxy_cfg
    haproxy -f "$dir/haproxy.cfg" -D
    for _ in $(seq 1 600); do
        curl -sf -o /dev/null "http://127.0.0.1:$port/readyz" && break
        sleep 0.1
    done
    curl -sf -o /dev/null "http://127.0.0.1:$port/readyz" || { echo "cluster: did not become ready" >&2; exit 1; }
    echo "cluster: serving on http://127.0.0.1:$port (app servers :$((port + 1)) :$((port + 2)), 2 workers)"
}

stop() {
    [ -f "$dir/haproxy.pid" ] && kill "$(cat "$dir/haproxy.pid")" 2>/dev/null || true
    for name in app1 app2 worker1 worker2; do
        if [ -f "$dir/$name.pid" ]; then
            kill -TERM "$(cat "$dir/$name.pid")" 2>/dev/null || true
        fi
    done
    sleep 1
    for name in app1 app2 worker1 worker2; do
        [ -f "$dir/$name.child" ] && kill -TERM "$(cat "$dir/$name.child")" 2>/dev/null || true
        rm -f "$dir/$name.pid" "$dir/$name.child"
    done
    rm -f "$dir/haproxy.pid"
    echo "cluster: stopped"
}

status() {
    for name in app1 app2 worker1 worker2; do
        if [ -f "$dir/$name.child" ] && kill -0 "$(cat "$dir/$name.child")" 2>/dev/null; then
            echo "$name: running (pid $(cat "$dir/$name.child"))"
        else
            echo "$name: not running"
        fi
    done
    curl -s "http://127.0.0.1:$port/healthz" || echo "proxy: not answering"
    echo
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
