#!/usr/bin/env bash
# pgbench over many distributed schemas (Citus's schema-based sharding): SCHEMAS schemas tenant_1 …
# tenant_N, each with one table accounts(id bigint primary key, balance int, filler text) of 1,000 rows.
# Shale `start` (coordinator + 2 workers in one JVM) makes them distributed schemas
# (citus.enable_schema_based_sharding), a scratch PostgreSQL 15 holds the same plain schemas; both
# run in this order in the same run. Each pgbench transaction picks a random schema and id and runs a
# point SELECT and an UPDATE of that row. pgbench substitutes :t into the schema name, which only
# works with -M simple (with -M extended or prepared, variables become parameters, and a parameter
# cannot name a schema).
#
# Usage: scripts/bench-schemas-pgbench.sh [DURATION_SECONDS] [SCHEMAS]   (defaults: 30 and 100)
# Environment:
#   TARGETS="postgres embedded"   which setups to run
#   SHALE_HEAP=3g        heap of the JVM of `start`
#   CLIENTS=8 THREADS=2  pgbench -c and -j
#   WARMUP=10            seconds of the same pgbench run first and not counted (JIT warm-up), 0 for none
#   SHALE_JAR=...        another build (default server/target/shale.jar)
# Needs: server/target/shale.jar, PostgreSQL 15 in /usr/lib/postgresql/15/bin, root (to run
# PostgreSQL as the OS user postgres).
set -euo pipefail

DURATION=${1:-30}
SCHEMAS=${2:-100}
TARGETS=${TARGETS:-"postgres embedded"}
SHALE_HEAP=${SHALE_HEAP:-3g}
CLIENTS=${CLIENTS:-8}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-10}
ROOT=$(cd "$(dirname "$0")/.." && pwd)

# shellcheck source=scripts/bench-common.sh
. "$ROOT/scripts/bench-common.sh"
check_prerequisites

make_work shale-schemas-bench

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

# The set-up script: on Shale every CREATE SCHEMA makes a distributed schema.
setup_sql() {
  local t
  if [ "$1" != postgres ]; then
    echo "SET citus.enable_schema_based_sharding TO on;"
  fi
  for ((t = 1; t <= SCHEMAS; t++)); do
    echo "CREATE SCHEMA tenant_$t;"
    echo "CREATE TABLE tenant_$t.accounts (id bigint PRIMARY KEY, balance int, filler text);"
    echo "INSERT INTO tenant_$t.accounts SELECT g, 0, repeat('x', 84) FROM generate_series(1, 1000) g;"
  done
}

cat >"$WORK/tenant.sql" <<'SQL'
\set t random(1, :schemas)
\set id random(1, 1000)
SELECT balance FROM tenant_:t.accounts WHERE id = :id;
UPDATE tenant_:t.accounts SET balance = balance + 1 WHERE id = :id;
SQL

declare -A TPS SETUP

bench() {
  local target=$1 port=$2 start end out
  start=$(date +%s.%N)
  setup_sql "$target" >"$WORK/setup-$target.sql"
  psql -X -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q -f "$WORK/setup-$target.sql" \
    >"$WORK/setup.log" 2>&1 || { tail -n 20 "$WORK/setup.log" >&2; die "the set-up failed on $target"; }
  end=$(date +%s.%N)
  SETUP[$target]=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')
  if [ "$target" != postgres ]; then
    local count
    count=$(psql -X -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAtc "SELECT count(*) FROM pg_dist_schema")
    [ "$count" = "$SCHEMAS" ] || die "$target has $count distributed schemas instead of $SCHEMAS"
  fi
  echo "$target: $SCHEMAS schemas of 1,000 rows set up in ${SETUP[$target]} s" >&2
  if [ "$WARMUP" -gt 0 ]; then
    pgbench -h 127.0.0.1 -p "$port" -U postgres -n -M simple -f "$WORK/tenant.sql" -D schemas="$SCHEMAS" \
      -c "$CLIENTS" -j "$THREADS" -T "$WARMUP" postgres >/dev/null 2>&1 || die "the warm-up failed on $target"
  fi
  out=$(pgbench -h 127.0.0.1 -p "$port" -U postgres -n -M simple -f "$WORK/tenant.sql" -D schemas="$SCHEMAS" \
    -c "$CLIENTS" -j "$THREADS" -T "$DURATION" postgres 2>&1) || { echo "$out" >&2; die "pgbench failed on $target"; }
  TPS[$target]=$(echo "$out" | sed -n 's/^tps = \([0-9]*\.\?[0-9]\?\).*/\1/p' | head -n 1)
  echo "$target: ${TPS[$target]} tps" >&2
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for target in $TARGETS; do
  port=$(free_port 3)
  case $target in
    postgres) start_postgres "$port" ;;
    embedded) start_embedded "$port" ;;
    *) die "unknown target $target" ;;
  esac
  bench "$target" "$port"
  stop_postgres
  stop_shale
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

ratio() {
  awk -v a="${1:-}" -v b="${2:-}" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'
}

echo
echo "pgbench over $SCHEMAS schemas (a point SELECT and an UPDATE in a random tenant_N.accounts), -M simple" \
  "-c $CLIENTS -j $THREADS -T $DURATION after ${WARMUP} s of warm-up, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "load average before: $LOAD_BEFORE; after: $LOAD_AFTER"
printf '%-22s %10s %10s %9s\n' "" "postgres" "embedded" "emb/pg"
printf '%-22s %10s %10s %9s\n' "set-up (s)" "${SETUP[postgres]:--}" "${SETUP[embedded]:--}" \
  "$(ratio "${SETUP[embedded]:-}" "${SETUP[postgres]:-}")"
printf '%-22s %10s %10s %9s\n' "tps" "${TPS[postgres]:--}" "${TPS[embedded]:--}" \
  "$(ratio "${TPS[embedded]:-}" "${TPS[postgres]:-}")"
