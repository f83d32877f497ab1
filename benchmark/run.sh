#!/usr/bin/env bash
# Benchmarks (issue 7): the rules engine (JMH), the service over HTTP on a throwaway embedded PostgreSQL, its
# footprint next to a bare Quarkus REST application, and what events cost and how soon they reach Kafka (issue 16). Prints the figures and writes BENCHMARKS.md.
# Needs only Java 17 (the Maven wrapper fetches the rest). Everything it starts is stopped on exit, also on failure.
#
# Every copy of the service is first loaded, unmeasured, until its JIT compiles for less than 3% of a round
# (JitWarmUp.java): BENCH_JIT_ROUND_SECONDS (20), BENCH_JIT_WARMUP_SECONDS (480 at most per copy), BENCH_JIT_WARMUP=off
# (one unchecked round, for trial runs).
# Knobs (environment): BENCH_SECONDS (15, measured seconds per HTTP scenario), BENCH_WARMUP_SECONDS (5),
# BENCH_FIXED_RATE (200 orders/s) and BENCH_FIXED_RATE_SECONDS (20), BENCH_MAX_REQUESTS (200000 per scenario),
# BENCH_ACTIVATION_SECONDS (120, the persisted run while versions are activated in turn),
# BENCH_JAVA_OPTS (heap settings for both applications, "-Xmx512m"), BENCH_SKIP_JMH=1 (HTTP only),
# BENCH_USER / BENCH_PASSWORD (HTTP Basic, once the service needs it), BENCH_ACTIVATION_VERSIONS ("1,2"),
# BENCH_ONLY=dryrun (issue 17: only the echo and the dry run at 1, 8 and 50 clients on a warmed service; same rule as
# tmf622 below), BENCH_ONLY=tmf622 (only the TMF622 POST /productOrder scenario and create + evaluate beside it, all at 8 clients:
# no JMH, no bare app, no other scenario; prints the figures and leaves BENCHMARKS.md alone, since a partial run
# must not replace the full one's report), BENCH_ONLY=events (only the events stage, same rule), BENCH_EVENTS_ROUNDS
# (3 alternating rounds of events on and off, BENCH_SECONDS each), BENCH_ONLY=pg (issue 17: only the service, the
# TMF622 rows driven by wrk and the "PostgreSQL alone" rows; same rule), BENCH_WRK=off (no wrk rows: the report says
# NOT RUN), BENCH_PG_GENERATOR=jdbc (PostgreSQL alone from a JDBC loop in the benchmark JVM instead of pgbench),
# BENCH_ONLY=growth (issue 17: orders of 1, 5 and 20 items; a credit table of BENCH_CREDIT_ROWS rows, "12,1000,10000"),
# BENCH_ONLY=heap (issue 17: the same load on a 256 MB and a 1 GB heap, BENCH_HEAP_ROUNDS rotating rounds, 2).
# BENCH_ONLY=twoproc (issue 18: only persisted orders/s with one vs two service processes on one PostgreSQL; same rule),
# BENCH_TWOPROC_CLIENTS (8) and BENCH_TWOPROC_ROUNDS (3 alternating rounds of one and two processes, BENCH_SECONDS each).
# BENCH_ONLY=shadow (issue 19: only the shadow stage, same rule; BENCH_SHADOW_ROUNDS, 3 alternating rounds of shadow
# off and on, BENCH_SECONDS each).
# BENCH_ONLY=audit (issue 18: only the audit stage: BENCH_AUDIT_FIRINGS firing rows, 10 million by default, generated
# with generate_series into 12 monthly partitions as the schema owner, then the auditors' searches and CSV exports
# timed over HTTP with the sealer off; same rule), BENCH_AUDIT=on (the audit stage in a full run too; off by default,
# it takes several minutes).
# BENCH_ONLY=record (issue 17: only the record stage: persisted orders/s (TMF622, create + evaluate) and dry runs at
# 8 clients on a nearly empty record, then with BENCH_RECORD_EVALUATIONS stored evaluations more, 10 million by default,
# each with its order, item and firing, generated as the schema owner over the last 12 months; the sealer off; same
# rule; BENCH_RECORD_ROUNDS rounds on each side, 3, after rounds that warm the JIT), BENCH_RECORD=on (the record stage
# in a full run too; off by default, it takes about 25 minutes and 36 GB of disk).
# wrk and pgbench come from Debian: installed with apt-get when missing (pgbench is taken out of the server package
# without installing it, so no cluster is created); without them the run goes on and says why.
set -euo pipefail
cd "$(dirname "$0")/.."

ONLY=${BENCH_ONLY:-}
case "$ONLY" in
  "" | dryrun | tmf622 | events | pg | growth | heap | twoproc | shadow | audit | record) ;;
  *) echo "BENCH_ONLY must be empty (everything), dryrun, tmf622, events, pg, growth, heap, twoproc, shadow, audit or record" >&2; exit 2 ;;
esac

OUT=target/benchmark
JAVA_OPTS_BENCH=${BENCH_JAVA_OPTS:--Xmx512m}
BEGAN=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/orders-benchmark-XXXXXX")
STARTED_PIDS=()

log() { printf '\n== %s (%ss)\n' "$1" $(( $(date +%s) - BEGAN )); }

# Stops a process this script started: TERM, up to 30 s to finish, then KILL.
stop() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  # a service paused for the PostgreSQL-alone rows must run again to stop
  for pid in "${STARTED_PIDS[@]}"; do kill -CONT "$pid" 2>/dev/null || true; done
  for pid in "${STARTED_PIDS[@]}"; do stop "$pid"; done
  # A PostgreSQL left by a killed service holds our throwaway data directory: stop those, and only those.
  local pidfile pg
  for pidfile in "$DATA_DIR"/*/postgres/postmaster.pid; do
    [[ -f "$pidfile" ]] || continue
    pg=$(head -1 "$pidfile")
    [[ -n "$pg" ]] && kill -INT "$pg" 2>/dev/null && sleep 2 || true
  done
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A port nothing listens on, below the kernel's ephemeral range (32768-60999 here): a port in that range can be the
# local end of one of the run's own client connections by the time the service binds it ("Port ... in use").
free_port() {
  local port
  while true; do
    port=$(( 15000 + RANDOM % 17000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

now_ms() { date +%s%3N; }

mkdir -p "$OUT"
rm -rf "$OUT"/*.json "$OUT"/*.jfr "$OUT"/*wrk-*.txt "$OUT"/pgbench-* "$OUT"/pgalone.sql

log "Build: the service jar, the benchmark classes, the bare Quarkus REST app"
./mvnw -q -B -Pbenchmark -DskipTests package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt"
./mvnw -q -B -f benchmark/bare/pom.xml -DskipTests package
CP="target/test-classes:target/classes:$(cat "$OUT/classpath.txt")"
# how fast this machine's CPU is today: a busy host slows every figure, and its load average does not show it
java -cp "$CP" pe.telco.orders.benchmark.Calibration "$OUT/calibration.json" start

if [[ "${BENCH_SKIP_JMH:-0}" != 1 && -z "$ONLY" ]]; then
  log "Engine: JMH (1 fork, 15 x 2 s warm-up, 5 x 2 s measured)"
  java -cp "$CP" org.openjdk.jmh.Main -rf json -rff "$OUT/jmh.json" 'EngineBenchmark|CompileBenchmark' \
    | tee "$OUT/jmh.log" | grep -E '^(Benchmark|[A-Z][A-Za-z]+Benchmark\.)' || true
fi

if [[ -z "$ONLY" ]]; then
log "Footprint baseline: the bare Quarkus REST application"
BARE_PORT=$(free_port)
BARE_STARTED=$(now_ms)
java $JAVA_OPTS_BENCH -Dquarkus.http.port="$BARE_PORT" -jar benchmark/bare/target/quarkus-app/quarkus-run.jar \
  >"$OUT/bare.log" 2>&1 &
BARE_PID=$!
STARTED_PIDS+=("$BARE_PID")
java -cp "$CP" pe.telco.orders.benchmark.ServiceBenchmark bare "http://127.0.0.1:$BARE_PORT" "$BARE_PID" \
  "$BARE_STARTED" "$OUT/bare.json"
stop "$BARE_PID"
fi

# A throwaway benchmark user (all channel work, no channel binding), its password hashed as the service expects.
export BENCH_USER="${BENCH_USER:-bench}" BENCH_PASSWORD="${BENCH_PASSWORD:-bench-secret}"
BENCH_HASH=$(printf '%s' "$BENCH_USER:Quarkus:$BENCH_PASSWORD" | sha256sum | cut -d' ' -f1)
# A second person activates the ruleset versions the first one uploads (four eyes).
export BENCH_APPROVER_USER="${BENCH_APPROVER_USER:-bench-approver}" BENCH_APPROVER_PASSWORD="${BENCH_APPROVER_PASSWORD:-approver-secret}"
APPROVER_HASH=$(printf '%s' "$BENCH_APPROVER_USER:Quarkus:$BENCH_APPROVER_PASSWORD" | sha256sum | cut -d' ' -f1)

# Starts the packaged service on its own embedded PostgreSQL under $DATA_DIR/<name>, demo data loaded, the
# benchmark users added; extra arguments go to the JVM (-D settings, -XX flags). Sets SERVICE_PID and SERVICE_STARTED.
# SERVICE_ENV (an array of NAME=value) overrides the environment, e.g. to use another instance's database.
SERVICE_ENV=()
start_service() {
  local name=$1 port=$2; shift 2
  local dir="$DATA_DIR/$name"
  SERVICE_STARTED=$(now_ms)
  ORDERS_EMBEDDED_DATABASE_ENABLED=true ORDERS_EMBEDDED_DATABASE_DATA_DIRECTORY="$dir/postgres" \
  ORDERS_DEMO_DATA_ENABLED=true ORDERS_BENCHMARK_ECHO_ENABLED=true QUARKUS_HTTP_PORT="$port" \
  ORDERS_AUDIT_CHECKPOINTS_DIRECTORY="$dir/audit/checkpoints" ORDERS_AUDIT_CHECKPOINTS_GENERATE_KEYS=true \
  ORDERS_AUDIT_CHECKPOINTS_SIGNING_KEY="$dir/audit/signing-key.pem" \
  ORDERS_AUDIT_CHECKPOINTS_PUBLIC_KEY="$dir/audit/signing-key.pub.pem" \
    env ${SERVICE_ENV[@]+"${SERVICE_ENV[@]}"} java $JAVA_OPTS_BENCH "$@" \
    "-Dquarkus.security.users.embedded.users.$BENCH_USER=$BENCH_HASH" \
    "-Dquarkus.security.users.embedded.roles.$BENCH_USER=CHANNEL,RULE_AUTHOR,RULE_DEVELOPER,OPERATIONS" \
    "-Dquarkus.security.users.embedded.users.$BENCH_APPROVER_USER=$APPROVER_HASH" \
    "-Dquarkus.security.users.embedded.roles.$BENCH_APPROVER_USER=RULE_APPROVER" \
    -jar target/quarkus-app/quarkus-run.jar >"$OUT/$name.log" 2>&1 &
  SERVICE_PID=$!
  STARTED_PIDS+=("$SERVICE_PID")
}

# Issue 16: the same service with events to the hub and a real Kafka broker, to the hub only (the default) and off,
# loaded in turns, then the lag from a change to a Kafka consumer at fixed rates. Writes $OUT/events.json.
events_stage() {
  log "Events: a Kafka broker (KRaft, child JVM); the service with events to the hub and Kafka, to the hub only, and off, loaded in turns"
  java -cp "$CP" pe.telco.orders.benchmark.BenchmarkKafka "$DATA_DIR/kafka" "$DATA_DIR/kafka.address" \
    >"$OUT/kafka.log" 2>&1 &
  local kafka_pid=$!
  STARTED_PIDS+=("$kafka_pid")
  for _ in $(seq 1 240); do [[ -f "$DATA_DIR/kafka.address" ]] && break; kill -0 "$kafka_pid" || break; sleep 0.5; done
  [[ -f "$DATA_DIR/kafka.address" ]] || { echo "Kafka did not start; see $OUT/kafka.log" >&2; tail -20 "$OUT/kafka.log" >&2; exit 1; }
  local kafka_port hub_port off_port kafka_service hub_service off_service
  kafka_port=$(free_port); hub_port=$(free_port); off_port=$(free_port)
  start_service events-kafka "$kafka_port" "-Dkafka.bootstrap.servers=$(cat "$DATA_DIR/kafka.address")"
  kafka_service=$SERVICE_PID
  start_service events-hub "$hub_port"
  hub_service=$SERVICE_PID
  start_service events-off "$off_port" -Dorders.events.enabled=false
  off_service=$SERVICE_PID
  java -cp "$CP" pe.telco.orders.benchmark.EventsBenchmark "http://127.0.0.1:$kafka_port" "$kafka_service" \
    "http://127.0.0.1:$hub_port" "$hub_service" "http://127.0.0.1:$off_port" "$off_service" \
    "$(cat "$DATA_DIR/kafka.address")" "orders." "$OUT/events.json"
  stop "$kafka_service"; stop "$hub_service"; stop "$off_service"; stop "$kafka_pid"
}

# Issue 17: what an order costs as its work grows: items per order, rows of the credit table (uploaded and activated
# through the rules API, so the service allows tables of 10,000 rows and gives the sandbox time to check them).
# Writes $OUT/growth.json.
growth_stage() {
  log "Growth: orders of 1, 5 and 20 items; credit tables of ${BENCH_CREDIT_ROWS:-12,1000,10000} rows"
  local port pid
  port=$(free_port)
  start_service growth "$port" -Dorders.rules.limits.rows-per-table=10050 -Dorders.rules.sandbox.timeout=900s \
    -Dorders.rules.sandbox.heap=1g
  pid=$SERVICE_PID
  java -cp "$CP" pe.telco.orders.benchmark.GrowthBenchmark "http://127.0.0.1:$port" "$pid" "$OUT/growth.json"
  stop "$pid"
}

# Issue 17: the footprint: the same load on two copies, a 256 MB and a 1 GB heap, in rotating rounds; RSS and the
# live set after a full collection of each. Writes $OUT/heap.json.
heap_stage() {
  log "Heap: the service at -Xmx256m and at -Xmx1g, loaded in turns"
  local small_port large_port small large
  small_port=$(free_port); large_port=$(free_port)
  start_service heap-256m "$small_port" -Xmx256m
  small=$SERVICE_PID
  start_service heap-1g "$large_port" -Xmx1g
  large=$SERVICE_PID
  java -cp "$CP" pe.telco.orders.benchmark.HeapBenchmark "http://127.0.0.1:$small_port" "$small" \
    "http://127.0.0.1:$large_port" "$large" "$OUT/heap.json"
  stop "$small"; stop "$large"
}

# Waits until the service writing $OUT/<name>.log (process $2) listens, or fails the run with its log.
await_listening() {
  local name=$1 pid=$2
  for _ in $(seq 1 600); do
    grep -q 'Listening on' "$OUT/$name.log" 2>/dev/null && return
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "The service $name did not start; see $OUT/$name.log" >&2; tail -20 "$OUT/$name.log" >&2; exit 1
}

# Issue 18: persisted orders/s with one service process vs two on one PostgreSQL (the first process's embedded one),
# same machine, same clients, in alternating rounds; both seal (one at a time) and share the checkpoint key and
# directory, as instances of one deployment do. Writes $OUT/twoproc.json.
twoproc_stage() {
  log "Two processes: the service on its embedded PostgreSQL, then a second process on the same database"
  local first_port second_port first_pid second_pid dir="$DATA_DIR/twoproc-first" db_port
  first_port=$(free_port); second_port=$(free_port)
  start_service twoproc-first "$first_port"
  first_pid=$SERVICE_PID
  await_listening twoproc-first "$first_pid"
  db_port=$(sed -n 4p "$dir/postgres/postmaster.pid")
  SERVICE_ENV=(ORDERS_EMBEDDED_DATABASE_ENABLED=false ORDERS_DEMO_DATA_ENABLED=false
    "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$db_port/orders"
    QUARKUS_DATASOURCE_USERNAME=orders_app "QUARKUS_DATASOURCE_PASSWORD=$(sed -n 's/^orders_app=//p' "$dir/postgres.credentials")"
    QUARKUS_FLYWAY_USERNAME=orders_owner "QUARKUS_FLYWAY_PASSWORD=$(sed -n 's/^orders_owner=//p' "$dir/postgres.credentials")"
    "ORDERS_AUDIT_CHECKPOINTS_DIRECTORY=$dir/audit/checkpoints" ORDERS_AUDIT_CHECKPOINTS_GENERATE_KEYS=false
    "ORDERS_AUDIT_CHECKPOINTS_SIGNING_KEY=$dir/audit/signing-key.pem"
    "ORDERS_AUDIT_CHECKPOINTS_PUBLIC_KEY=$dir/audit/signing-key.pub.pem")
  start_service twoproc-second "$second_port"
  SERVICE_ENV=()
  second_pid=$SERVICE_PID
  await_listening twoproc-second "$second_pid"
  java -cp "$CP" pe.telco.orders.benchmark.TwoInstancesBenchmark "http://127.0.0.1:$first_port" "$first_pid" \
    "http://127.0.0.1:$second_port" "$second_pid" "$OUT/twoproc.json"
  stop "$second_pid"; stop "$first_pid"
}

# Issue 19: the service with a candidate in shadow and without, loaded in turns (create + evaluate, 8 clients); a
# business user (RULE_AUTHOR only) uploads the candidate, the approver puts it in shadow. Writes $OUT/shadow.json.
shadow_stage() {
  log "Shadow: create + evaluate at 8 clients, shadow off and on in alternating rounds"
  local port author_hash
  port=$(free_port)
  export BENCH_AUTHOR_USER=bench-author BENCH_AUTHOR_PASSWORD=author-secret
  author_hash=$(printf '%s' "$BENCH_AUTHOR_USER:Quarkus:$BENCH_AUTHOR_PASSWORD" | sha256sum | cut -d' ' -f1)
  start_service shadow "$port" "-Dquarkus.security.users.embedded.users.$BENCH_AUTHOR_USER=$author_hash" \
    "-Dquarkus.security.users.embedded.roles.$BENCH_AUTHOR_USER=RULE_AUTHOR"
  java -cp "$CP" pe.telco.orders.benchmark.ShadowBenchmark "http://127.0.0.1:$port" "$SERVICE_PID" "$OUT/shadow.json"
  stop "$SERVICE_PID"
}

# Runs a Debian package's install with apt-get (as root, or with sudo that asks no password); output in $OUT/apt.log.
apt_install() {
  local sudo=()
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null || return 1
    sudo=(sudo -n)
  fi
  command -v apt-get >/dev/null 2>&1 || return 1
  echo "apt-get install -y $*" >>"$OUT/apt.log"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >>"$OUT/apt.log" 2>&1 && return 0
  "${sudo[@]}" apt-get update >>"$OUT/apt.log" 2>&1 \
    && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >>"$OUT/apt.log" 2>&1
}

# wrk from Debian, installed when missing. Sets WRK_WHY (empty when wrk can run).
ensure_wrk() {
  WRK_WHY=
  if [[ "${BENCH_WRK:-on}" == off ]]; then WRK_WHY="BENCH_WRK=off"; return; fi
  command -v wrk >/dev/null 2>&1 && return
  log "wrk is missing: apt-get install -y wrk"
  apt_install wrk && command -v wrk >/dev/null 2>&1 && return
  WRK_WHY="wrk is not installed and apt-get install -y wrk failed or was not allowed (see $OUT/apt.log)"
  echo "$WRK_WHY" >&2
}

# pgbench from Debian. Its package is the server's (postgresql-<major>): when the client has none, the server package is
# downloaded and only its pgbench taken out (no server installed, no cluster created). Sets PGBENCH and PGBENCH_WHY.
ensure_pgbench() {
  PGBENCH= PGBENCH_WHY=
  if [[ "${BENCH_PG_GENERATOR:-pgbench}" == jdbc ]]; then PGBENCH_WHY="BENCH_PG_GENERATOR=jdbc"; return; fi
  if pgbench --version >/dev/null 2>&1; then PGBENCH=pgbench; return; fi
  local tools="$PWD/$OUT/tools" major deb
  if [[ -x "$tools/pgbench" ]]; then PGBENCH="$tools/pgbench"; return; fi
  log "pgbench is missing: apt-get install -y postgresql-client, else pgbench out of the postgresql-<major> package"
  apt_install postgresql-client && pgbench --version >/dev/null 2>&1 && { PGBENCH=pgbench; return; }
  major=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
  mkdir -p "$tools"
  if [[ -n "$major" ]] && (cd "$tools" && apt-get download "postgresql-$major") >>"$OUT/apt.log" 2>&1; then
    deb=$(ls "$tools"/postgresql-"$major"_*.deb | head -1)
    dpkg-deb -x "$deb" "$tools/extracted" && cp "$tools/extracted/usr/lib/postgresql/$major/bin/pgbench" "$tools/pgbench"
    rm -rf "$tools/extracted" "$deb"
    if "$tools/pgbench" --version >/dev/null 2>&1; then PGBENCH="$tools/pgbench"; return; fi
  fi
  PGBENCH_WHY="no pgbench: apt-get install -y postgresql-client gave none and postgresql-${major:-?} could not be unpacked (see $OUT/apt.log)"
  echo "$PGBENCH_WHY" >&2
}

whole_seconds() { awk -v s="$1" 'BEGIN { n = int(s); if (n < s) n++; print n }'; }

# One wrk row: a warm-up run (BENCH_WARMUP_SECONDS), then the measured one (BENCH_SECONDS) with --latency; the output,
# with the JSON line benchmark/wrk/post.lua prints, goes to $OUT/wrk-<name>-<connections>.txt.
wrk_run() {
  local base=$1 name=$2 connections=$3 path=$4 body=$5 unique=${6:-}
  local auth warmup seconds drain
  auth=$(printf '%s:%s' "$BENCH_USER" "$BENCH_PASSWORD" | base64 -w0)
  warmup=$(whole_seconds "${BENCH_WARMUP_SECONDS:-5}")
  seconds=$(whole_seconds "${BENCH_SECONDS:-15}")
  if (( warmup > 0 )); then
    wrk -t2 -c"$connections" -d"${warmup}s" --timeout 30s -s benchmark/wrk/post.lua \
      -H "Authorization: Basic $auth" "$base$path" -- "$body" "WRK-$name-$connections-w" $unique \
      >"$OUT/warmup-wrk-$name-$connections.txt" 2>&1
    # wrk hangs up on the requests still in flight; let the service finish them (the warm-up's slowest answer, at
    # most 30 s) so they do not load the measured run
    drain=$(sed -n 's/^WRK-JSON .*"max":\([0-9.]*\).*/\1/p' "$OUT/warmup-wrk-$name-$connections.txt" \
      | awk '{ s = $1 / 1000; print (s > 30 ? 30 : s) }')
    sleep "${drain:-0}"
  fi
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 30s --latency -s benchmark/wrk/post.lua \
    -H "Authorization: Basic $auth" "$base$path" -- "$body" "WRK-$name-$connections" $unique \
    >"$OUT/wrk-$name-$connections.txt" 2>&1
  printf '  wrk %-12s %3d connections  %s\n' "$name" "$connections" \
    "$(grep -E '^Requests/sec' "$OUT/wrk-$name-$connections.txt" | tr -s ' ')"
}

# Issue 17: the service driven by wrk (a load generator outside any JVM), then its own embedded PostgreSQL alone,
# writing the rows one of those TMF622 orders wrote in one statement, from pgbench (or a JDBC loop when pgbench cannot
# be had) at 8 and 50 clients while the service's JVM is paused (SIGSTOP: its relay and sealer stay out of the way).
# Arguments: base URL, the service's pid, its data directory, "all" for the echo and dry-run rows too. Writes $OUT/pg.json.
pg_stage() {
  local base=$1 pid=$2 data=$3 rows=${4:-}
  local product_order=/tmf-api/productOrderingManagement/v5/productOrder
  local tmf_body=examples/tmf622/released-fibre-and-tv.json
  # One order first, alone (waiting for the service to answer): it creates the body's customer, so under load every
  # order finds it, as in the template (concurrent first orders of a new customer are taken, the losers of the race on
  # its row retried once, which would count in the figures); and without wrk it is the template the PostgreSQL-alone
  # row copies.
  java -cp "$CP" pe.telco.orders.benchmark.PostgresAlone first "$base" "$product_order" "$tmf_body" WRK-tmf622-first
  ensure_wrk
  if [[ -z "$WRK_WHY" ]]; then
    log "wrk: TMF622 POST /productOrder (each request a new externalId) at 8 and 50 connections, 2 threads"
    wrk_run "$base" tmf622 8 "$product_order" "$tmf_body" unique
    wrk_run "$base" tmf622 50 "$product_order" "$tmf_body" unique
    if [[ "$rows" == all ]]; then
      wrk_run "$base" echo 50 /api/benchmark/echo examples/order.json
      wrk_run "$base" dry-run 50 /api/evaluations examples/order.json
    fi
  fi

  log "PostgreSQL alone: one statement writing the rows of one stored TMF622 order, checked against it"
  java -cp "$CP" pe.telco.orders.benchmark.PostgresAlone prepare "$data" WRK-tmf622- "$OUT"
  ensure_pgbench
  local port clients warmup seconds
  port=$(sed -n 4p "$data/postmaster.pid")
  warmup=$(whole_seconds "${BENCH_WARMUP_SECONDS:-5}")
  seconds=$(whole_seconds "${BENCH_SECONDS:-15}")
  kill -STOP "$pid"
  if [[ -n "$PGBENCH" ]]; then
    for clients in 8 50; do
      rm -rf "$OUT/pgbench-$clients"; mkdir -p "$OUT/pgbench-$clients"
      PGPASSWORD=$(sed -n 's/^orders_app=//p' "$data.credentials") PGCLIENTENCODING=UTF8 \
        "$PGBENCH" -n -M simple -f "$OUT/pgalone.sql" -c "$clients" -j 2 -T $(( warmup + seconds )) \
        -l --log-prefix="$OUT/pgbench-$clients/log" -h 127.0.0.1 -p "$port" -U orders_app orders \
        >"$OUT/pgbench-$clients.txt" 2>&1 || true
      printf '  pgbench %3d clients  %s\n' "$clients" "$(grep -E '^tps' "$OUT/pgbench-$clients.txt" || tail -1 "$OUT/pgbench-$clients.txt")"
    done
    # The floor under the service's fixed-rate row: the same rows at the same rate (Poisson arrivals, 8 clients), the
    # latency counted from each transaction's scheduled start, as the open loop counts it.
    local rate=${BENCH_FIXED_RATE:-200} rate_seconds
    rate_seconds=$(whole_seconds "${BENCH_FIXED_RATE_SECONDS:-20}")
    rm -rf "$OUT/pgbench-rate"; mkdir -p "$OUT/pgbench-rate"
    PGPASSWORD=$(sed -n 's/^orders_app=//p' "$data.credentials") PGCLIENTENCODING=UTF8 \
      "$PGBENCH" -n -M simple -f "$OUT/pgalone.sql" -c 8 -j 2 --rate="$rate" -T $(( warmup + rate_seconds )) \
      -l --log-prefix="$OUT/pgbench-rate/log" -h 127.0.0.1 -p "$port" -U orders_app orders \
      >"$OUT/pgbench-rate.txt" 2>&1 || true
    printf '  pgbench   8 clients at %s/s  %s\n' "$rate" \
      "$(grep -E '^latency average' "$OUT/pgbench-rate.txt" || tail -1 "$OUT/pgbench-rate.txt")"
  else
    java -cp "$CP" pe.telco.orders.benchmark.PostgresAlone jdbc "$data" "$OUT" 8 50
  fi
  kill -CONT "$pid"
  BENCH_WRK_WHY="$WRK_WHY" BENCH_PGBENCH_WHY="$PGBENCH_WHY" \
  BENCH_WRK_VERSION="$( [[ -z "$WRK_WHY" ]] && wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)" \
  BENCH_PGBENCH_VERSION="$( [[ -n "$PGBENCH" ]] && "$PGBENCH" --version)" \
    java -cp "$CP" pe.telco.orders.benchmark.PostgresAlone collect "$OUT"
}

# Issue 18: audit search and export on many million firing rows in monthly partitions. Writes $OUT/audit.json.
audit_stage() {
  log "Audit: ${BENCH_AUDIT_FIRINGS:-10000000} firing rows in 12 monthly partitions (generate_series as the owner), then searches and CSV exports"
  export BENCH_AUDITOR_USER="${BENCH_AUDITOR_USER:-bench-auditor}" BENCH_AUDITOR_PASSWORD="${BENCH_AUDITOR_PASSWORD:-auditor-secret}"
  local hash port
  hash=$(printf '%s' "$BENCH_AUDITOR_USER:Quarkus:$BENCH_AUDITOR_PASSWORD" | sha256sum | cut -d' ' -f1)
  port=$(free_port)
  start_service audit "$port" -Dorders.audit.sealer-enabled=false \
    "-Dquarkus.security.users.embedded.users.$BENCH_AUDITOR_USER=$hash" \
    "-Dquarkus.security.users.embedded.roles.$BENCH_AUDITOR_USER=AUDITOR"
  java -cp "$CP" pe.telco.orders.benchmark.AuditBenchmark "http://127.0.0.1:$port" "$DATA_DIR/audit/postgres" \
    "$OUT/audit.json"
  stop "$SERVICE_PID"
}

# Issue 17: intake and evaluation as the record grows: persisted orders/s and dry runs on a nearly empty record, then
# with BENCH_RECORD_EVALUATIONS stored evaluations more (10 million by default; their orders, items and firings too),
# generated as the schema owner. The sealer is off, or it would spend the run sealing the generated rows. Writes
# $OUT/record.json.
record_stage() {
  log "Record: persisted intake and dry runs on a nearly empty record, then with ${BENCH_RECORD_EVALUATIONS:-10000000} stored evaluations more"
  local port
  port=$(free_port)
  start_service record "$port" -Dorders.audit.sealer-enabled=false
  java -cp "$CP" pe.telco.orders.benchmark.RecordBenchmark "http://127.0.0.1:$port" "$SERVICE_PID" \
    "$DATA_DIR/record/postgres" "$OUT/record.json"
  stop "$SERVICE_PID"
}

if [[ "$ONLY" == growth || "$ONLY" == heap || "$ONLY" == twoproc || "$ONLY" == shadow || "$ONLY" == audit \
  || "$ONLY" == record ]]; then
  "${ONLY}_stage"
  log "Done: only $ONLY; figures above and in $OUT/$ONLY.json; BENCHMARKS.md left as it was"
  echo "load average before: $LOAD_BEFORE; now: $(cut -d' ' -f1-3 /proc/loadavg); commit: $(git rev-parse --short HEAD)"
  exit 0
fi

if [[ "$ONLY" == events ]]; then
  events_stage
  log "Done: only events; figures above and in $OUT/events.json; BENCHMARKS.md left as it was"
  echo "load average before: $LOAD_BEFORE; now: $(cut -d' ' -f1-3 /proc/loadavg); commit: $(git rev-parse --short HEAD)"
  exit 0
fi

log "Service: the jar on an embedded PostgreSQL in $DATA_DIR, demo data, echo endpoint on, JFR recording"
SERVICE_PORT=$(free_port)
start_service service "$SERVICE_PORT" -XX:StartFlightRecording=filename="$OUT/service.jfr",settings=profile
# BENCH_ONLY=pg leaves the Java scenarios out, but wrk must meet a service as warm as in a full run
SCENARIOS=${ONLY:-service}
[[ "$ONLY" == pg ]] && SCENARIOS=warm
java -cp "$CP" pe.telco.orders.benchmark.ServiceBenchmark "$SCENARIOS" "http://127.0.0.1:$SERVICE_PORT" \
  "$SERVICE_PID" "$SERVICE_STARTED" "$OUT/$SCENARIOS.json"
if [[ -z "$ONLY" || "$ONLY" == pg ]]; then
  # right after the Java load generator's scenarios, on the same service and its own embedded PostgreSQL
  pg_stage "http://127.0.0.1:$SERVICE_PORT" "$SERVICE_PID" "$DATA_DIR/service/postgres" "${ONLY:-all}"
fi
stop "$SERVICE_PID"   # the JFR recording is written on exit

if [[ -n "$ONLY" ]]; then
  log "Done: only $ONLY; figures above and in $OUT/$ONLY.json$([[ $ONLY == pg ]] && echo ", pgalone.sql and pgalone.json"); BENCHMARKS.md left as it was"
  echo "load average before: $LOAD_BEFORE; now: $(cut -d' ' -f1-3 /proc/loadavg); commit: $(git rev-parse --short HEAD)"
  exit 0
fi

events_stage
growth_stage
heap_stage
twoproc_stage
shadow_stage
if [[ "${BENCH_AUDIT:-off}" == on ]]; then audit_stage; fi
if [[ "${BENCH_RECORD:-off}" == on ]]; then record_stage; fi

log "Report"
java -cp "$CP" pe.telco.orders.benchmark.Calibration "$OUT/calibration.json" end
BENCH_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')" \
BENCH_LOAD_BEFORE="$LOAD_BEFORE" BENCH_TOTAL_SECONDS=$(( $(date +%s) - BEGAN )) \
  java -cp "$CP" pe.telco.orders.benchmark.BenchmarkReport "$OUT" BENCHMARKS.md
log "Done: BENCHMARKS.md"
