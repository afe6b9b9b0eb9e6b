# Shared by the benchmark scripts (sourced, not run). Expects ROOT (the repository) from the script;
# sets PGBIN (PostgreSQL 15's bin folder) and JAR (SHALE_JAR or the built jar); make_work sets WORK
# (a scratch folder). start_postgres and start_processes remember what they started in PG_DIRS and
# PIDS, which stop_postgres and stop_shale stop (call both from the script's cleanup trap).

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

PG_DIRS=()
PIDS=()

# A scratch PostgreSQL 15 in $WORK/$2 (default pg) on port $1, run as the OS user postgres.
start_postgres() {
  local dir="$WORK/${2:-pg}"
  mkdir -p "$dir" "$dir.sock"
  chown postgres "$dir" "$dir.sock"
  runuser -u postgres -- "$PGBIN/initdb" -D "$dir" --locale=C.UTF-8 -U postgres -A trust >/dev/null
  PG_DIRS+=("$dir")
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$dir" -l "$dir.sock/log" -w \
    -o "-p $1 -k $dir.sock -c listen_addresses=127.0.0.1" start >/dev/null
  wait_ready "$1"
}

# Stops every PostgreSQL start_postgres started.
stop_postgres() {
  local dir
  for dir in "${PG_DIRS[@]}"; do
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
  done
  PG_DIRS=()
}

# Runs the statement $2 on port $1 as postgres, output discarded.
sql() {
  psql -X -h 127.0.0.1 -p "$1" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAtc "$2" >/dev/null
}

# Shale as three processes on ports $1, $1+1, $1+2 (a coordinator and two workers), each with a
# third of SHALE_HEAP (default 3g) and data in $WORK/node-<i>.
start_processes() {
  local heap i
  heap=$(( $(echo "${SHALE_HEAP:-3g}" | tr -dc 0-9) * 1024 / 3 ))m
  head -c 32 /dev/urandom | base64 >"$WORK/secret"
  for i in 0 1 2; do
    "$JAVA" -Xmx"$heap" "${JVM_FLAGS[@]}" -jar "$JAR" node --port "$(($1 + i))" --data "$WORK/node-$i" \
      --cluster-secret-file "$WORK/secret" >"$WORK/node-$i.log" 2>&1 &
    PIDS+=($!)
  done
  for i in 0 1 2; do wait_ready "$(($1 + i))"; done
  sql "$1" "SELECT citus_set_coordinator_host('127.0.0.1', $1)"
  sql "$1" "SELECT citus_add_node('127.0.0.1', $(($1 + 1)))"
  sql "$1" "SELECT citus_add_node('127.0.0.1', $(($1 + 2)))"
}

# Waits until the Shale processes the script started are idle: together less than a twentieth of a core
# over a second (a store's flushes and compactions after a load are done), for up to two minutes.
wait_idle() {
  local tries=0 before after pid
  cpu_ticks() {
    local total=0 pid
    for pid in "${PIDS[@]}"; do
      total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
    done
    echo "$total"
  }
  while [ "$tries" -lt 120 ]; do
    before=$(cpu_ticks)
    sleep 1
    after=$(cpu_ticks)
    [ $((after - before)) -lt $(($(getconf CLK_TCK) / 20)) ] && return 0
    tries=$((tries + 1))
  done
  echo "the Shale processes were still busy after two minutes" >&2
}

# Stops every Shale process the script started.
stop_shale() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
}

# Checks for the Shale jar $JAR and PostgreSQL 15, and sets JAVA (a JDK 25, found by the launcher in $ROOT) and
# JVM_FLAGS (the flags every Shale JVM runs with).
check_prerequisites() {
  [ -f "$JAR" ] || die "$JAR is missing; build it with: mvn -q -o -Dmaven.test.skip=true package -pl server -am"
  [ -x "$PGBIN/postgres" ] || die "PostgreSQL 15 is not installed in $PGBIN"
  JAVA=$("$ROOT/shale" java) || die "no JDK 25 found"
  JVM_FLAGS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
}
