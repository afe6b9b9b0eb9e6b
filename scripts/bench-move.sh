#!/usr/bin/env bash
# Shard move benchmark (issue 6): the copy throughput of one large shard between two Shale processes
# on loopback, and a writer's latency while its table's shard moves, against the same writer
# without a move. PostgreSQL 15 gives the comparison for the copy: the same table copied between two
# PostgreSQL 15 servers on this machine with COPY … TO STDOUT piped into COPY … FROM STDIN (binary),
# in the same run.
#
# Shale runs as three processes (a coordinator and two workers, scripts/bench-common.sh); the table
# big(id bigint primary key, payload text) is distributed with one shard (about 1 kB per row, SIZE_MB
# in all), loaded through the coordinator. Each mode in MODES moves the shard to the other worker.
# Throughput is given in row bytes (ROWS × (8 + 992): the id and payload of every row, the same figure
# for both systems), because the stored sizes differ: PostgreSQL's pages hold tuple headers and free
# space, Shale's sorted files are LZ4-compressed (this payload compresses well), and Shale's
# citus_shards.shard_size (printed too) counts the stored bytes.
#
# Usage: scripts/bench-move.sh [SIZE_MB] [WRITER_SECONDS]   (defaults: 1024 and 30: the writer outlasts a 1 GB
# move at the default rate limit)
# Environment:
#   MODES="force_logical block_writes"   shard_transfer_mode of the timed moves
#   COPY_SETTINGS="SET ...;"   statements run before each timed move without a writer (the copy throughput),
#                        default "SET shale.shard_copy_rate_limit = 0;": the unbounded copy
#   MOVE_SETTINGS="SET ...;"   statements run before each move under the writer, default none (the default
#                        rate limit, 50 MB/s)
#   SHALE_HEAP=6g        heap of the three processes together
#   CLIENTS=4 THREADS=2  pgbench -c and -j of the writer
#   SHALE_JAR=...        another build (default server/target/shale.jar)
# Needs: server/target/shale.jar, PostgreSQL 15 in /usr/lib/postgresql/15/bin, root (to run
# PostgreSQL as the OS user postgres).
set -euo pipefail

SIZE_MB=${1:-1024}
WRITER_SECONDS=${2:-30}
MODES=${MODES:-"force_logical block_writes"}
COPY_SETTINGS=${COPY_SETTINGS-"SET shale.shard_copy_rate_limit = 0;"}
MOVE_SETTINGS=${MOVE_SETTINGS:-}
SHALE_HEAP=${SHALE_HEAP:-6g}
CLIENTS=${CLIENTS:-4}
THREADS=${THREADS:-2}
ROOT=$(cd "$(dirname "$0")/.." && pwd)

# shellcheck source=scripts/bench-common.sh
. "$ROOT/scripts/bench-common.sh"
check_prerequisites

make_work shale-move-bench

cleanup() {
  stop_postgres
  stop_shale
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

ROWS=$((SIZE_MB * 1024))
ROW_BYTES=$((ROWS * (8 + 31 * 32)))
BATCH=50000

value() {
  psql -X -h 127.0.0.1 -p "$1" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAtc "$2"
}

now() {
  date +%s.%N
}

mb_per_s() {
  awk -v b="$1" -v s="$2" -v e="$3" 'BEGIN { printf "%.1f", b / 1048576 / (e - s) }'
}

# Creates big on port $1 and loads ROWS rows of about 1 kB in batches; $2 (optional) distributes it.
load_big() {
  local from
  sql "$1" "CREATE TABLE big (id bigint PRIMARY KEY, payload text)"
  if [ -n "${2:-}" ]; then
    sql "$1" "SELECT create_distributed_table('big', 'id', shard_count => 1)"
  fi
  for ((from = 1; from <= ROWS; from += BATCH)); do
    sql "$1" "INSERT INTO big SELECT g, repeat(md5(g::text), 31) FROM generate_series($from, $((from + BATCH - 1 < ROWS ? from + BATCH - 1 : ROWS))) g"
  done
}

# PostgreSQL 15: the table copied between two servers through a binary COPY pipe.
pg_port=$(free_port 2)
start_postgres "$pg_port" pg_source
start_postgres "$((pg_port + 1))" pg_target
start=$(now)
load_big "$pg_port"
echo "postgres: loaded $ROWS rows in $(awk -v s="$start" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }') s" >&2
pg_bytes=$(value "$pg_port" "SELECT pg_table_size('big')")
sql "$pg_port" "CHECKPOINT"
sql "$((pg_port + 1))" "CREATE TABLE big (id bigint PRIMARY KEY, payload text)"
start=$(now)
psql -X -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qAtc "COPY big TO STDOUT (FORMAT binary)" \
  | psql -X -h 127.0.0.1 -p "$((pg_port + 1))" -U postgres -d postgres -v ON_ERROR_STOP=1 -qc \
    "COPY big FROM STDIN (FORMAT binary)"
end=$(now)
PG_COPY=$(mb_per_s "$ROW_BYTES" "$start" "$end")
echo "postgres: COPY pipe of $ROW_BYTES row bytes (table size $pg_bytes): $PG_COPY MB/s" >&2
stop_postgres

# Shale: three processes.
port=$(free_port 3)
start_processes "$port"
start=$(now)
load_big "$port" distributed
echo "shale: loaded $ROWS rows in $(awk -v s="$start" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }') s" >&2
shard=$(value "$port" "SELECT shardid FROM pg_dist_shard WHERE logicalrelid = 'big'::regclass")

# Moves the shard to the other worker in mode $1 after the statements $2; prints "seconds bytes end" (end:
# when the move returned, epoch seconds).
move_once() {
  local source target bytes start end
  source=$(value "$port" "SELECT nodeport FROM citus_shards WHERE shardid = $shard")
  target=$((source == port + 1 ? port + 2 : port + 1))
  bytes=$(value "$port" "SELECT shard_size FROM citus_shards WHERE shardid = $shard")
  start=$(now)
  value "$port" "$2 SELECT citus_move_shard_placement($shard, '127.0.0.1', $source, '127.0.0.1', $target, '$1')" >/dev/null
  end=$(now)
  echo "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }') $bytes $end"
}

# Warm-up: the JIT compiles the move path and each worker's write path during the first moves and writes,
# so a 32 MB shard moves back and forth four times before the timed moves (as JMH warms up), with a
# 3-second writer on it after each move. Before each timed move the processes settle (the source of the
# last move drops its copy now, and the flushes and compactions of the load or of that drop end), as
# PostgreSQL's CHECKPOINT settles it before its COPY.
sql "$port" "CREATE TABLE warm (id bigint PRIMARY KEY, payload text)"
sql "$port" "SELECT create_distributed_table('warm', 'id', shard_count => 1)"
sql "$port" "INSERT INTO warm SELECT g, repeat(md5(g::text), 31) FROM generate_series(1, 32768) g"
warm_shard=$(value "$port" "SELECT shardid FROM pg_dist_shard WHERE logicalrelid = 'warm'::regclass")
cat >"$WORK/warm.sql" <<SQL
\set id random(1, 32768)
UPDATE warm SET payload = md5(:id::text) WHERE id = :id;
SQL
for mode in force_logical block_writes force_logical block_writes; do
  warm_source=$(value "$port" "SELECT nodeport FROM citus_shards WHERE shardid = $warm_shard")
  value "$port" "$COPY_SETTINGS SELECT citus_move_shard_placement($warm_shard, '127.0.0.1', $warm_source,
    '127.0.0.1', $((warm_source == port + 1 ? port + 2 : port + 1)), '$mode')" >/dev/null
  # single-row updates on the worker that now holds the warm shard: both workers' write path is compiled too
  pgbench -h 127.0.0.1 -p "$port" -U postgres -n -M prepared -c "$CLIENTS" -j "$THREADS" -T 3 \
    -f "$WORK/warm.sql" postgres >/dev/null 2>&1 || die "the warm-up writer failed"
done

declare -A COPY_RATE
for mode in $MODES; do
  sql "$port" "SELECT citus_cleanup_orphaned_resources()"
  wait_idle
  read -r seconds bytes _ < <(move_once "$mode" "$COPY_SETTINGS")
  COPY_RATE[$mode]=$(awk -v b="$ROW_BYTES" -v s="$seconds" 'BEGIN { printf "%.1f", b / 1048576 / s }')
  echo "shale: $mode move of $ROW_BYTES row bytes (shard_size $bytes) in $seconds s: ${COPY_RATE[$mode]} MB/s" >&2
done

# The writer: single-row updates of big through the coordinator, latency of each transaction logged.
cat >"$WORK/writer.sql" <<SQL
\set id random(1, $ROWS)
UPDATE big SET payload = md5(:id::text) WHERE id = :id;
SQL

# Runs the writer for $1 seconds in folder $2 (pgbench's per-transaction logs land there).
writer() {
  mkdir -p "$2"
  (cd "$2" && pgbench -h 127.0.0.1 -p "$port" -U postgres -n -M prepared -c "$CLIENTS" -j "$THREADS" \
    -T "$1" -l -f "$WORK/writer.sql" postgres >"$2/out" 2>&1) || { cat "$2/out" >&2; die "pgbench failed"; }
}

# p50, p99 and max latency in ms, and the transaction count, from the logs in folder $1.
latencies() {
  cat "$1"/pgbench_log.* | awk '{ print $3 }' | sort -n | awk '
    { v[NR] = $1 }
    END { printf "%.2f %.2f %.1f %d\n", v[int(NR * 0.5)] / 1000, v[int(NR * 0.99)] / 1000, v[NR] / 1000, NR }'
}

# The longest latency in ms, from the logs in folder $1, of the transactions in flight during the last second
# before the move returned at $2 (epoch seconds): the cutover (final catch-up, switch, commit) happens then.
cutover_pause() {
  cat "$1"/pgbench_log.* | awk -v e="$2" '
    { done = $5 + $6 / 1e6; if (done >= e - 1 && done - $3 / 1e6 <= e && $3 > max) max = $3 }
    END { printf "%.1f\n", max / 1000 }'
}

sql "$port" "SELECT citus_cleanup_orphaned_resources()"
wait_idle
writer "$WRITER_SECONDS" "$WORK/baseline"
read -r base_p50 base_p99 base_max base_n < <(latencies "$WORK/baseline")
echo "shale: writer without a move: p50 $base_p50 ms, p99 $base_p99 ms, max $base_max ms ($base_n transactions)" >&2

declare -A P50 P99 MAX COUNT MOVE_SECONDS CUTOVER
for mode in $MODES; do
  sql "$port" "SELECT citus_cleanup_orphaned_resources()"
  wait_idle
  writer "$WRITER_SECONDS" "$WORK/during-$mode" &
  writer_pid=$!
  sleep 2
  read -r seconds bytes end < <(move_once "$mode" "$MOVE_SETTINGS")
  MOVE_SECONDS[$mode]=$seconds
  wait "$writer_pid"
  read -r p50 p99 max n < <(latencies "$WORK/during-$mode")
  P50[$mode]=$p50; P99[$mode]=$p99; MAX[$mode]=$max; COUNT[$mode]=$n
  CUTOVER[$mode]=$(cutover_pause "$WORK/during-$mode" "$end")
  echo "shale: the slowest transactions of the $mode move's last second (start and end relative to the move's" \
    "return at $end, latency):" >&2
  cat "$WORK/during-$mode"/pgbench_log.* | awk -v e="$end" '
    { done = $5 + $6 / 1e6; if (done >= e - 1 && done - $3 / 1e6 <= e)
        printf "  %+.3f s %+.3f s %.1f ms\n", done - $3 / 1e6 - e, done - e, $3 / 1000 }' | sort -k5 -n | tail -5 >&2
  echo "shale: writer during a $mode move ($seconds s): p50 $p50 ms, p99 $p99 ms, max $max ms ($n transactions)," \
    "longest in flight at the cutover ${CUTOVER[$mode]} ms" >&2
done

echo
echo "shard move of $SIZE_MB MB ($ROWS rows of about 1 kB), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "copy (MB of row bytes per second): PostgreSQL 15 COPY pipe $PG_COPY MB/s"
for mode in $MODES; do
  echo "copy: Shale $mode move ${COPY_RATE[$mode]} MB/s (${COPY_SETTINGS:-default settings})"
done
echo "writer ($CLIENTS clients, ${WRITER_SECONDS} s): without a move p50 $base_p50 ms, p99 $base_p99 ms, max $base_max ms"
for mode in $MODES; do
  echo "writer during $mode move (${MOVE_SECONDS[$mode]} s): p50 ${P50[$mode]} ms, p99 ${P99[$mode]} ms, max ${MAX[$mode]} ms," \
    "longest in flight during the move's last second (the cutover) ${CUTOVER[$mode]} ms"
done
