#!/usr/bin/env bash
# Measures how long a Shale node takes to start after a kill -9 with about 1 GB of write-ahead
# log to replay. The node gets a large memory budget and max_wal_size so that no checkpoint runs
# while the load writes the log; then it is killed, restarted on the same data directory, and
# timed until it answers a query. Finally the rows are counted.
#
# Usage: scripts/bench-recovery.sh [WAL_MB]     (default 1024)
# Environment: SHALE_HEAP (default 10g), SHALE_JAR (default server/target/shale.jar)
set -euo pipefail

WAL_MB=${1:-1024}
SHALE_HEAP=${SHALE_HEAP:-10g}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${SHALE_JAR:-"$ROOT/server/target/shale.jar"}
JAVA=$("$ROOT/shale" java)
WORK=$(mktemp -d /tmp/shale-recovery.XXXXXX)
PID=""
cleanup() {
  [ -z "$PID" ] || kill -9 "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

port=$((20000 + RANDOM % 30000))
start() {
  "$JAVA" -Xmx"$SHALE_HEAP" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -jar "$JAR" node --port "$port" --data "$WORK/data" --set shale.store_memory=6GB \
    --set max_wal_size=8GB >>"$WORK/node.log" 2>&1 &
  PID=$!
}
ready() {
  until psql -h 127.0.0.1 -p "$port" -U postgres -qAtc 'SELECT 1' >/dev/null 2>&1; do
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/node.log" >&2; exit 1; }
    sleep 0.05
  done
}
sql() { psql -h 127.0.0.1 -p "$port" -U postgres -qAtX -v ON_ERROR_STOP=1 -c "$1"; }

start
ready
sql "CREATE TABLE filler (id bigint PRIMARY KEY, payload text)"
rows_per_batch=100000
batch=0
wal_bytes() { find "$WORK/data/store" -name '*.wal' -printf '%s\n' | awk '{s += $1} END {print s + 0}'; }
while [ "$(wal_bytes)" -lt $((WAL_MB * 1024 * 1024)) ]; do
  sql "INSERT INTO filler SELECT g, repeat(md5(g::text), 30) FROM generate_series($((batch * rows_per_batch + 1)), $(((batch + 1) * rows_per_batch))) g"
  batch=$((batch + 1))
done
rows=$(sql "SELECT count(*) FROM filler")
wal=$(wal_bytes)
kill -9 "$PID"
wait "$PID" 2>/dev/null || true
t0=$(date +%s.%N)
start
ready
t1=$(date +%s.%N)
after=$(sql "SELECT count(*) FROM filler")
echo "WAL to replay: $((wal / 1024 / 1024)) MB; rows before kill: $rows, after restart: $after"
awk -v a="$t0" -v b="$t1" 'BEGIN { printf "recovery (process start to first answered query): %.1f s\n", b - a }'
kill "$PID"
wait "$PID" 2>/dev/null || true
PID=""
