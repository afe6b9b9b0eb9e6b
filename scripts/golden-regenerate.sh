#!/usr/bin/env bash
# Regenerates the expected output (.out) of the golden psql scripts from a scratch PostgreSQL 15.
#
#   scripts/golden-regenerate.sh              every server/src/test/resources/golden/*.sql
#   scripts/golden-regenerate.sh basics ...   only the named scripts (with or without .sql)
#
#   GOLDEN=golden-cluster scripts/golden-regenerate.sh   the scripts of another directory (golden-cluster: the
#                                                        distributed ones GoldenClusterPsqlIT runs on a LocalCluster)
#
# A directory's oracle-setup.sql (not compared, not a script itself) runs first with psql -q: it defines what
# PostgreSQL lacks, e.g. the Citus functions as functions that do nothing.
#
# Runs psql exactly as GoldenPsqlIT does (same flags, same working directory, same environment),
# so the .out files are what PostgreSQL 15 itself prints. Needs the postgresql-15 server package
# (initdb, pg_ctl) and psql; run it as root (the cluster then runs as OS user postgres) or as an
# ordinary user.
set -euo pipefail

repository=$(cd "$(dirname "$0")/.." && pwd)
golden="$repository/server/src/test/resources/${GOLDEN:-golden}"
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}

for tool in "$pg_bin/initdb" "$pg_bin/pg_ctl"; do
  [ -x "$tool" ] || { echo "golden-regenerate: $tool not found; install postgresql-15" >&2; exit 1; }
done
command -v psql >/dev/null || { echo "golden-regenerate: psql not found; install postgresql-client-15" >&2; exit 1; }

if [ "$(id -u)" = 0 ]; then
  as_owner() { runuser -u postgres -- "$@"; }
else
  as_owner() { "$@"; }
fi

free_port() {
  local port
  for port in $(seq $((40000 + RANDOM % 20000)) 65000); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "golden-regenerate: no free port" >&2
  exit 1
}

scratch=$(mktemp -d /tmp/shale-golden.XXXXXX)
chmod 755 "$scratch"
[ "$(id -u)" = 0 ] && chown postgres: "$scratch"
cleanup() {
  as_owner "$pg_bin/pg_ctl" -D "$scratch/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT

port=$(free_port)
as_owner "$pg_bin/initdb" --locale=C.UTF-8 -U postgres -A trust -D "$scratch/data" >"$scratch/initdb.log" 2>&1 \
  || { cat "$scratch/initdb.log" >&2; exit 1; }
as_owner "$pg_bin/pg_ctl" -D "$scratch/data" -l "$scratch/server.log" -w \
  -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null

if [ "$#" -gt 0 ]; then
  names=("$@")
else
  names=()
  for file in "$golden"/*.sql; do
    [ "$(basename "$file")" = oracle-setup.sql ] || names+=("$(basename "$file")")
  done
fi

cd "$golden"
if [ -f oracle-setup.sql ]; then
  env -i PATH="$PATH" HOME="$scratch" LC_ALL=C.UTF-8 \
    psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres -f oracle-setup.sql >/dev/null
fi
for name in "${names[@]}"; do
  name=${name%.sql}
  [ -f "$name.sql" ] || { echo "golden-regenerate: no $golden/$name.sql" >&2; exit 1; }
  # The same command and environment as GoldenPsqlIT: no PG* variables, LC_ALL=C.UTF-8.
  env -i PATH="$PATH" HOME="$scratch" LC_ALL=C.UTF-8 \
    psql -X -a -q -v ON_ERROR_STOP=0 -h 127.0.0.1 -p "$port" -U postgres -d postgres -f "$name.sql" \
    >"$name.out" 2>&1 || true
  sed -i 's/[[:space:]]*$//' "$name.out"
  echo "wrote $golden/$name.out"
done
