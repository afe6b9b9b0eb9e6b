# Shared by the pgbench benchmark scripts (sourced, not run). Expects ROOT (the repository) and
# PG_STARTED from the script; sets PGBIN (PostgreSQL 15's bin folder) and JAR (SHALE_JAR or the
# built jar); make_work sets WORK (a scratch folder).

PGBIN=/usr/lib/postgresql/15/bin
JAR=${SHALE_JAR:-"$ROOT/server/target/shale.jar"}

# Stops the script with a message naming it.
die() {
  echo "$(basename "$0" .sh): $*" >&2
  exit 1
}

# A scratch folder /tmp/$1.<random> in WORK, readable by the OS user postgres.
make_work() {
  WORK=$(mktemp -d "/tmp/$1.XXXXXX")
  chmod 755 "$WORK"
}

# A TCP port P such that P … P+COUNT-1 are free now (COUNT defaults to 1).
free_port() {
  local count=${1:-1} port i busy
  while :; do
    port=$((20000 + RANDOM % 30000))
    busy=""
    for ((i = 0; i < count; i++)); do
      [ -z "$(ss -Htln "sport = :$((port + i))" 2>/dev/null)" ] || busy=yes
    done
    if [ -z "$busy" ]; then
      echo "$port"
      return
    fi
  done
}

# Waits until the server on port $1 answers a query (up to a minute).
wait_ready() {
  local tries=0
  until psql -h 127.0.0.1 -p "$1" -U postgres -d postgres -qAtc 'SELECT 1' >/dev/null 2>&1; do
    tries=$((tries + 1))
    [ "$tries" -lt 120 ] || die "the server on port $1 did not start"
    sleep 0.5
  done
}

# A scratch PostgreSQL 15 in $WORK/pg on port $1, run as the OS user postgres.
start_postgres() {
  mkdir -p "$WORK/pg" "$WORK/pgsock"
  chown postgres "$WORK/pg" "$WORK/pgsock"
  runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg" --locale=C.UTF-8 -U postgres -A trust >/dev/null
  PG_STARTED=yes
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pgsock/log" -w \
    -o "-p $1 -k $WORK/pgsock -c listen_addresses=127.0.0.1" start >/dev/null
  wait_ready "$1"
}

# Checks for the Shale jar $JAR and PostgreSQL 15, and sets JAVA (a JDK 25, found by the launcher in $ROOT) and
# JVM_FLAGS (the flags every Shale JVM runs with).
check_prerequisites() {
  [ -f "$JAR" ] || die "$JAR is missing; build it with: mvn -q -o -Dmaven.test.skip=true package -pl server -am"
  [ -x "$PGBIN/postgres" ] || die "PostgreSQL 15 is not installed in $PGBIN"
  JAVA=$("$ROOT/shale" java) || die "no JDK 25 found"
  JVM_FLAGS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
}
