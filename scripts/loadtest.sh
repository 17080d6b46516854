#!/usr/bin/env bash
# make loadtest: the locust mix (loadtest/locustfile.py) against the cluster, headless and bounded in time.
# Starts the cluster if it is not up. Prints throughput, p50/p99 and errors; fails on any error (the bar is 0).
#   LOAD_USERS (default 20), LOAD_TIME (default 30s), CLUSTER_PORT (default 18100)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${CLUSTER_PORT:-18100}
users=${LOAD_USERS:-20}
duration=${LOAD_TIME:-30s}
out=${CLUSTER_DIR:-var/cluster}/loadtest
mkdir -p "$out"
curl -sf -o /dev/null "http://127.0.0.1:$port/readyz" || bash scripts/cluster.sh start
export EO13_DEMO_PASSWORD=${EO13_DEMO_PASSWORD:-cluster-demo-password-2026}
.venv/bin/locust -f loadtest/locustfile.py --headless --host "http://127.0.0.1:$port" -u "$users" -r "$users" \
    -t "$duration" --stop-timeout 10 --csv "$out/run" --only-summary >"$out/locust.log" 2>&1 || true
.venv/bin/python - "$out/run_stats.csv" "$out/run_failures.csv" "$duration" "$users" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print(f"{'request':42s} {'count':>7s} {'fails':>6s} {'req/s':>8s} {'p50 ms':>7s} {'p99 ms':>7s}")
for r in rows:
    print(f"{r['Name'][:42]:42s} {r['Request Count']:>7s} {r['Failure Count']:>6s} {float(r['Requests/s']):8.1f} "
          f"{r['50%']:>7s} {r['99%']:>7s}")
total = next(r for r in rows if r["Name"] == "Aggregated")
fails = int(total["Failure Count"])
print(f"\nload test ({sys.argv[4]} users, {sys.argv[3]}): {float(total['Requests/s']):.1f} req/s, "
      f"p50 {total['50%']} ms, p99 {total['99%']} ms, {total['Request Count']} requests, {fails} errors")
if fails:
    for r in csv.DictReader(open(sys.argv[2])):
        print(f"  {r['Method']} {r['Name']}: {r['Occurrences']} x {r['Error'][:160]}")
    sys.exit(1)
if int(total["Request Count"]) == 0:
    print("no request was made; see the locust log"); sys.exit(1)
PY
