#!/usr/bin/env bash
# Benchmarks (issue 7): the rules engine (JMH), the service over HTTP on a throwaway embedded PostgreSQL, its
# footprint next to a bare Quarkus REST application, and what events cost and how soon they reach Kafka (issue 16). Prints the figures and writes BENCHMARKS.md.
# Needs only Java 17 (the Maven wrapper fetches the rest). Everything it starts is stopped on exit, also on failure.
#
# Knobs (environment): BENCH_SECONDS (15, measured seconds per HTTP scenario), BENCH_WARMUP_SECONDS (5),
# BENCH_FIXED_RATE (200 orders/s) and BENCH_FIXED_RATE_SECONDS (20), BENCH_MAX_REQUESTS (200000 per scenario),
# BENCH_JAVA_OPTS (heap settings for both applications, "-Xmx512m"), BENCH_SKIP_JMH=1 (HTTP only),
# BENCH_USER / BENCH_PASSWORD (HTTP Basic, once the service needs it), BENCH_ACTIVATION_VERSIONS ("1,2"),
# BENCH_ONLY=tmf622 (only the TMF622 POST /productOrder scenario and create + evaluate beside it, both at 8 clients:
# no JMH, no bare app, no other scenario; prints the figures and leaves BENCHMARKS.md alone, since a partial run
# must not replace the full one's report), BENCH_ONLY=events (only the events stage, same rule), BENCH_EVENTS_ROUNDS
# (3 alternating rounds of events on and off, BENCH_SECONDS each).
set -euo pipefail
cd "$(dirname "$0")/.."

ONLY=${BENCH_ONLY:-}
case "$ONLY" in
  "" | tmf622 | events) ;;
  *) echo "BENCH_ONLY must be empty (everything), tmf622 or events" >&2; exit 2 ;;
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

free_port() {
  local port
  while true; do
    port=$(( 20000 + RANDOM % 30000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

now_ms() { date +%s%3N; }

mkdir -p "$OUT"
rm -f "$OUT"/*.json "$OUT"/*.jfr

log "Build: the service jar, the benchmark classes, the bare Quarkus REST app"
./mvnw -q -B -Pbenchmark -DskipTests package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt"
./mvnw -q -B -f benchmark/bare/pom.xml -DskipTests package
CP="target/test-classes:target/classes:$(cat "$OUT/classpath.txt")"

if [[ "${BENCH_SKIP_JMH:-0}" != 1 && -z "$ONLY" ]]; then
  log "Engine: JMH (1 fork, 3 x 2 s warm-up, 5 x 2 s measured)"
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
start_service() {
  local name=$1 port=$2; shift 2
  local dir="$DATA_DIR/$name"
  SERVICE_STARTED=$(now_ms)
  ORDERS_EMBEDDED_DATABASE_ENABLED=true ORDERS_EMBEDDED_DATABASE_DATA_DIRECTORY="$dir/postgres" \
  ORDERS_DEMO_DATA_ENABLED=true ORDERS_BENCHMARK_ECHO_ENABLED=true QUARKUS_HTTP_PORT="$port" \
  ORDERS_AUDIT_CHECKPOINTS_DIRECTORY="$dir/audit/checkpoints" ORDERS_AUDIT_CHECKPOINTS_GENERATE_KEYS=true \
  ORDERS_AUDIT_CHECKPOINTS_SIGNING_KEY="$dir/audit/signing-key.pem" \
  ORDERS_AUDIT_CHECKPOINTS_PUBLIC_KEY="$dir/audit/signing-key.pub.pem" \
    java $JAVA_OPTS_BENCH "$@" \
    "-Dquarkus.security.users.embedded.users.$BENCH_USER=$BENCH_HASH" \
    "-Dquarkus.security.users.embedded.roles.$BENCH_USER=CHANNEL,RULE_AUTHOR,RULE_DEVELOPER,OPERATIONS" \
    "-Dquarkus.security.users.embedded.users.$BENCH_APPROVER_USER=$APPROVER_HASH" \
    "-Dquarkus.security.users.embedded.roles.$BENCH_APPROVER_USER=RULE_APPROVER" \
    -jar target/quarkus-app/quarkus-run.jar >"$OUT/$name.log" 2>&1 &
  SERVICE_PID=$!
  STARTED_PIDS+=("$SERVICE_PID")
}

# Issue 16: the same service with events on (publishing to a real Kafka broker) and off, loaded in turns, then the
# lag from a change to a Kafka consumer at a fixed rate. Writes $OUT/events.json.
events_stage() {
  log "Events: a Kafka broker (KRaft, child JVM), the service with events on (to Kafka) and off, loaded in turns"
  java -cp "$CP" pe.telco.orders.benchmark.BenchmarkKafka "$DATA_DIR/kafka" "$DATA_DIR/kafka.address" \
    >"$OUT/kafka.log" 2>&1 &
  local kafka_pid=$!
  STARTED_PIDS+=("$kafka_pid")
  for _ in $(seq 1 240); do [[ -f "$DATA_DIR/kafka.address" ]] && break; kill -0 "$kafka_pid" || break; sleep 0.5; done
  [[ -f "$DATA_DIR/kafka.address" ]] || { echo "Kafka did not start; see $OUT/kafka.log" >&2; tail -20 "$OUT/kafka.log" >&2; exit 1; }
  local on_port off_port on_pid off_pid
  on_port=$(free_port); off_port=$(free_port)
  start_service events-on "$on_port" "-Dkafka.bootstrap.servers=$(cat "$DATA_DIR/kafka.address")"
  on_pid=$SERVICE_PID
  start_service events-off "$off_port" -Dorders.events.enabled=false
  off_pid=$SERVICE_PID
  java -cp "$CP" pe.telco.orders.benchmark.EventsBenchmark "http://127.0.0.1:$on_port" "http://127.0.0.1:$off_port" \
    "$(cat "$DATA_DIR/kafka.address")" "orders." "$OUT/events.json"
  stop "$on_pid"; stop "$off_pid"; stop "$kafka_pid"
}

if [[ "$ONLY" == events ]]; then
  events_stage
  log "Done: only events; figures above and in $OUT/events.json; BENCHMARKS.md left as it was"
  echo "load average before: $LOAD_BEFORE; now: $(cut -d' ' -f1-3 /proc/loadavg); commit: $(git rev-parse --short HEAD)"
  exit 0
fi

log "Service: the jar on an embedded PostgreSQL in $DATA_DIR, demo data, echo endpoint on, JFR recording"
SERVICE_PORT=$(free_port)
start_service service "$SERVICE_PORT" -XX:StartFlightRecording=filename="$OUT/service.jfr",settings=profile
java -cp "$CP" pe.telco.orders.benchmark.ServiceBenchmark "${ONLY:-service}" "http://127.0.0.1:$SERVICE_PORT" \
  "$SERVICE_PID" "$SERVICE_STARTED" "$OUT/${ONLY:-service}.json"
stop "$SERVICE_PID"   # the JFR recording is written on exit

if [[ -n "$ONLY" ]]; then
  log "Done: only $ONLY; figures above and in $OUT/$ONLY.json; BENCHMARKS.md left as it was"
  echo "load average before: $LOAD_BEFORE; now: $(cut -d' ' -f1-3 /proc/loadavg); commit: $(git rev-parse --short HEAD)"
  exit 0
fi

events_stage

log "Report"
BENCH_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')" \
BENCH_LOAD_BEFORE="$LOAD_BEFORE" BENCH_TOTAL_SECONDS=$(( $(date +%s) - BEGAN )) \
  java -cp "$CP" pe.telco.orders.benchmark.BenchmarkReport "$OUT" BENCHMARKS.md
log "Done: BENCHMARKS.md"
