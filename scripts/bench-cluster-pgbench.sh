#!/usr/bin/env bash
# pgbench on a distributed pgbench schema: pgbench_accounts and pgbench_history distributed by aid,
# pgbench_branches and pgbench_tellers reference tables. Runs PostgreSQL 15 (single node, plain
# tables), Shale `start` (coordinator + 2 workers in one JVM) and Shale as three processes
# (one coordinator, two workers), on this machine, in this order, and prints TPS and ratios.
#
# Usage: scripts/bench-cluster-pgbench.sh [DURATION_SECONDS] [SCALE]   (defaults: 30 and 10)
# Environment:
#   TARGETS="postgres embedded processes"   which setups to run
#   SHALE_HEAP=3g        heap of the JVM of `start` (each of the three processes gets a third)
#   CLIENTS=8 THREADS=2  pgbench -c and -j
#   SHALE_JAR=...        another build (default server/target/shale.jar)
# Needs: server/target/shale.jar, PostgreSQL 15 in /usr/lib/postgresql/15/bin, root (to run
# PostgreSQL as the OS user postgres).
set -euo pipefail

DURATION=${1:-30}
SCALE=${2:-10}
TARGETS=${TARGETS:-"postgres embedded processes"}
SHALE_HEAP=${SHALE_HEAP:-3g}
CLIENTS=${CLIENTS:-8}
THREADS=${THREADS:-2}
ROOT=$(cd "$(dirname "$0")/.." && pwd)

# shellcheck source=scripts/bench-common.sh
. "$ROOT/scripts/bench-common.sh"
check_prerequisites

make_work shale-cluster-bench

cleanup() {
  stop_postgres
  stop_shale
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

start_embedded() {
  "$JAVA" -Xmx"$SHALE_HEAP" "${JVM_FLAGS[@]}" -jar "$JAR" start --port "$1" --workers 2 \
    --data "$WORK/embedded" >"$WORK/embedded.log" 2>&1 &
  PIDS+=($!)
  wait_ready "$1"; wait_ready "$(($1 + 1))"; wait_ready "$(($1 + 2))"
}

RUNS=(
  "select-only prepared|-S -M prepared"
  "simple-update prepared|-N -M prepared"
)
declare -A TPS INIT

bench() {
  local target=$1 port=$2 start end run name options out
  start=$(date +%s.%N)
  pgbench -h 127.0.0.1 -p "$port" -U postgres -i -s "$SCALE" -q postgres >"$WORK/init.log" 2>&1 \
    || { cat "$WORK/init.log" >&2; die "pgbench -i failed on $target"; }
  if [ "$target" != postgres ]; then
    sql "$port" "SELECT create_reference_table('pgbench_branches')"
    sql "$port" "SELECT create_reference_table('pgbench_tellers')"
    sql "$port" "SELECT create_distributed_table('pgbench_accounts', 'aid')"
    sql "$port" "SELECT create_distributed_table('pgbench_history', 'aid')"
  fi
  end=$(date +%s.%N)
  INIT[$target]=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')
  echo "$target: pgbench -i -s $SCALE (and distribution) took ${INIT[$target]} s" >&2
  for run in "${RUNS[@]}"; do
    name=${run%%|*}
    options=${run#*|}
    # shellcheck disable=SC2086 # options is a list of options
    out=$(pgbench -h 127.0.0.1 -p "$port" -U postgres -n $options -c "$CLIENTS" -j "$THREADS" \
      -T "$DURATION" postgres 2>&1) || { echo "$out" >&2; die "pgbench $options failed on $target"; }
    TPS[$target,$name]=$(echo "$out" | sed -n 's/^tps = \([0-9]*\.\?[0-9]\?\).*/\1/p' | head -n 1)
    echo "$target: $name: ${TPS[$target,$name]} tps" >&2
  done
}

for target in $TARGETS; do
  port=$(free_port 3)
  case $target in
    postgres) start_postgres "$port" ;;
    embedded) start_embedded "$port" ;;
    processes) start_processes "$port" ;;
    *) die "unknown target $target" ;;
  esac
  bench "$target" "$port"
  stop_postgres
  stop_shale
done

ratio() {
  awk -v a="${1:-}" -v b="${2:-}" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'
}

echo
echo "pgbench at scale $SCALE (accounts distributed by aid, branches/tellers reference), -c $CLIENTS -j $THREADS -T $DURATION, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
printf '%-26s %10s %10s %10s %9s %9s\n' "run" "postgres" "embedded" "processes" "emb/pg" "proc/pg"
for run in "${RUNS[@]}"; do
  name=${run%%|*}
  printf '%-26s %10s %10s %10s %9s %9s\n' "$name (tps)" "${TPS[postgres,$name]:--}" "${TPS[embedded,$name]:--}" \
    "${TPS[processes,$name]:--}" "$(ratio "${TPS[embedded,$name]:-}" "${TPS[postgres,$name]:-}")" \
    "$(ratio "${TPS[processes,$name]:-}" "${TPS[postgres,$name]:-}")"
done
