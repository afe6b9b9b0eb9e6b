#!/usr/bin/env bash
# TPC-B (-M prepared -c 8 -j 2 -T 60) three times on PostgreSQL 15 and on Shale, fsync on for
# both, after one pgbench -i -s 10 each; prints each run's tps. Needs root (PostgreSQL runs as
# user postgres), ports 55440 and 55441 free, and server/target/shale.jar (or SHALE_JAR).
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
J=$("$(cd "$(dirname "$0")/.." && pwd)/shale" java)
W=$(mktemp -d /tmp/tpcb3.XXXXXX); chmod 755 $W
P=""
cleanup() {
  runuser -u postgres -- $PGBIN/pg_ctl -D $W/pg -m immediate -w stop >/dev/null 2>&1 || true
  [ -z "$P" ] || kill "$P" 2>/dev/null || true
  rm -rf "$W"
}
trap cleanup EXIT INT TERM
mkdir -p $W/pg $W/sock; chown postgres $W/pg $W/sock
runuser -u postgres -- $PGBIN/initdb -D $W/pg --locale=C.UTF-8 -U postgres -A trust >/dev/null
runuser -u postgres -- $PGBIN/pg_ctl -D $W/pg -l $W/sock/log -w -o "-p 55440 -k $W/sock -c listen_addresses=127.0.0.1" start >/dev/null
pgbench -h 127.0.0.1 -p 55440 -U postgres -i -s 10 -q postgres >/dev/null 2>&1
for i in 1 2 3; do echo "postgres run $i: $(pgbench -h 127.0.0.1 -p 55440 -U postgres -n -M prepared -c 8 -j 2 -T 60 postgres 2>&1 | sed -n 's/^tps = \([0-9.]*\).*/\1/p')"; done
runuser -u postgres -- $PGBIN/pg_ctl -D $W/pg -m fast -w stop >/dev/null
$J -Xmx2g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar "${SHALE_JAR:-$(cd "$(dirname "$0")/.." && pwd)/server/target/shale.jar}" node --port 55441 --data $W/shale > $W/shale.log 2>&1 & P=$!
until psql -h 127.0.0.1 -p 55441 -U postgres -qAtc 'SELECT 1' >/dev/null 2>&1; do sleep 0.2; done
pgbench -h 127.0.0.1 -p 55441 -U postgres -i -s 10 -q postgres >/dev/null 2>&1
for i in 1 2 3; do echo "shale run $i: $(pgbench -h 127.0.0.1 -p 55441 -U postgres -n -M prepared -c 8 -j 2 -T 60 postgres 2>&1 | sed -n 's/^tps = \([0-9.]*\).*/\1/p')"; done
kill $P; wait $P 2>/dev/null || true
P=""
