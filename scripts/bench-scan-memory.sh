#!/usr/bin/env bash
# Peak memory of a Shale node that scans a table four times larger than the store's whole memory
# budget (memtable + block cache). Loads the table, restarts the node (so the rows are in sorted
# files, not in the memtable), scans it, and prints the peak resident set size (VmHWM) and the
# heap in use after the scan.
#
# Usage: scripts/bench-scan-memory.sh [STORE_MB]   (default 64: table of 256 MB, heap 512m)
set -euo pipefail

STORE_MB=${1:-64}
HEAP=${SHALE_HEAP:-512m}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${SHALE_JAR:-"$ROOT/server/target/shale.jar"}
JAVA=$("$ROOT/shale" java)
JCMD=$(dirname "$JAVA")/jcmd
WORK=$(mktemp -d /tmp/shale-scanmem.XXXXXX)
PID=""
cleanup() {
  [ -z "$PID" ] || kill -9 "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

port=$((20000 + RANDOM % 30000))
start() {
  "$JAVA" -Xmx"$HEAP" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -jar "$JAR" node --port "$port" --data "$WORK/data" --set shale.store_memory="${STORE_MB}MB" \
    --set fsync=off >>"$WORK/node.log" 2>&1 &
  PID=$!
  until psql -h 127.0.0.1 -p "$port" -U postgres -qAtc 'SELECT 1' >/dev/null 2>&1; do
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/node.log" >&2; exit 1; }
    sleep 0.1
  done
}
stop() {
  kill "$PID"
  wait "$PID" 2>/dev/null || true
  PID=""
}
sql() { psql -h 127.0.0.1 -p "$port" -U postgres -qAtX -v ON_ERROR_STOP=1 -c "$1"; }

start
sql "CREATE TABLE wide (id bigint PRIMARY KEY, payload text)"
target=$((STORE_MB * 4 * 1024 * 1024))
rows=$((target / 1000))
step=50000
for ((from = 1; from <= rows; from += step)); do
  # 30 different md5 strings per row: about 1 kB that LZ4 cannot shrink much
  sql "INSERT INTO wide SELECT g, (SELECT string_agg(md5((g * 31 + i)::text), '') FROM generate_series(1, 30) i)
       FROM generate_series($from, $((from + step - 1 < rows ? from + step - 1 : rows))) g"
done
size=$(sql "SELECT pg_size_pretty(pg_total_relation_size('wide'))")
stop
start
before=$(awk '/VmHWM/ {print $2}' "/proc/$PID/status")
t0=$(date +%s.%N)
result=$(sql "SELECT count(*), sum(length(payload)) FROM wide")
t1=$(date +%s.%N)
peak=$(awk '/VmHWM/ {print $2}' "/proc/$PID/status")
"$JCMD" "$PID" GC.run >/dev/null
heap=$("$JCMD" "$PID" GC.heap_info | awk '/garbage-first heap|total/ {print; exit}')
echo "table: $rows rows, $size (store memory budget ${STORE_MB} MB, heap -Xmx$HEAP)"
echo "scan result: $result"
awk -v a="$t0" -v b="$t1" -v r="$rows" 'BEGIN { printf "scan time: %.1f s (%.0f rows/s)\n", b - a, r / (b - a) }'
echo "peak RSS before the scan: $((before / 1024)) MB, after: $((peak / 1024)) MB"
echo "heap after a full GC: $heap"
stop
