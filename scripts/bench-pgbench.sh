#!/usr/bin/env bash
# Runs pgbench against a scratch PostgreSQL 15 and a scratch Shale node on this machine and prints
# the TPS of each and the ratio Shale/PostgreSQL. Both servers live in a temporary directory that
# is removed at the end.
#
# Usage: scripts/bench-pgbench.sh [DURATION_SECONDS] [SCALE]      (defaults: 30 and 10)
# Environment:
#   TARGETS="postgres shale"   which servers to run (one of them alone for quick checks)
#   SHALE_HEAP=2g              Java heap of the Shale node
#   SHALE_JVM_OPTS=...         extra JVM options of the Shale node (e.g. -XX:StartFlightRecording=...)
#   CLIENTS=8 THREADS=2        pgbench -c and -j
#   SHALE_JAR=...              another build of Shale to measure (default server/target/shale.jar)
#   INIT_ONLY=1                time pgbench -i only (e.g. scripts/bench-pgbench.sh 0 50)
# Needs: server/target/shale.jar (mvn -q -o -DskipTests package -pl server -am), PostgreSQL 15 in
# /usr/lib/postgresql/15/bin, the OS user postgres, and root (to run PostgreSQL as postgres).
set -euo pipefail

DURATION=${1:-30}
SCALE=${2:-10}
TARGETS=${TARGETS:-"postgres shale"}
SHALE_HEAP=${SHALE_HEAP:-2g}
CLIENTS=${CLIENTS:-8}
THREADS=${THREADS:-2}
ROOT=$(cd "$(dirname "$0")/.." && pwd)

# shellcheck source=scripts/bench-common.sh
. "$ROOT/scripts/bench-common.sh"
check_prerequisites

make_work shale-bench

cleanup() {
  stop_postgres
  stop_shale
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

start_shale() {
  # shellcheck disable=SC2086 # SHALE_JVM_OPTS is a list of options
  "$JAVA" -Xmx"$SHALE_HEAP" ${SHALE_JVM_OPTS:-} --enable-native-access=ALL-UNNAMED \
    --sun-misc-unsafe-memory-access=allow -jar "$JAR" node --port "$1" --data "$WORK/shale" \
    >"$WORK/shale.log" 2>&1 &
  PIDS+=($!)
  wait_ready "$1"
}

# The runs: a name and pgbench's options.
RUNS=(
  "select-only prepared|-S -M prepared"
  "select-only simple|-S -M simple"
  "simple-update prepared|-N -M prepared"
  "tpc-b prepared|-M prepared"
)
declare -A TPS INIT

bench() {
  local target=$1 port=$2 start end run name options out
  start=$(date +%s.%N)
  pgbench -h 127.0.0.1 -p "$port" -U postgres -i -s "$SCALE" -q postgres >"$WORK/init.log" 2>&1 \
    || { cat "$WORK/init.log" >&2; die "pgbench -i failed on $target"; }
  end=$(date +%s.%N)
  INIT[$target]=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')
  echo "$target: pgbench -i -s $SCALE took ${INIT[$target]} s" >&2
  [ -z "${INIT_ONLY:-}" ] || return 0
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
  port=$(free_port)
  case $target in
    postgres) start_postgres "$port" ;;
    shale) start_shale "$port" ;;
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
echo "pgbench at scale $SCALE, -c $CLIENTS -j $THREADS -T $DURATION, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
printf '%-28s %10s %10s %9s\n' "run" "postgres" "shale" "shale/pg"
printf '%-28s %10s %10s %9s\n' "init (s, lower better)" "${INIT[postgres]:--}" "${INIT[shale]:--}" \
  "$(ratio "${INIT[shale]:-}" "${INIT[postgres]:-}")"
for run in "${RUNS[@]}"; do
  name=${run%%|*}
  printf '%-28s %10s %10s %9s\n' "$name (tps)" "${TPS[postgres,$name]:--}" "${TPS[shale,$name]:--}" \
    "$(ratio "${TPS[shale,$name]:-}" "${TPS[postgres,$name]:-}")"
done
