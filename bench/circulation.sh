#!/usr/bin/env bash
# Circulation speed through the JSON API: checkout and check-in throughput and latency (p50/p99) with 1, 4 and 16
# concurrent clients as fast as they go, latency with 16 clients paced at RATE requests a second together, and the
# same for a teacher holding 1,000 copies, each beside a baseline measured in the same run on the same connections
# with the same API token (GET /actuator/health: HTTP and token authentication without circulation work). On the
# embedded H2 database and, with PG=1 (the default), on PostgreSQL. Prints one JSON object;
# progress goes to stderr.
#
#   bench/circulation.sh [COPIES]      (default 5000)
#
# Steps per database: a fresh data folder (and for PostgreSQL a database of its own, created and dropped); an API
# token (create-api-token, which also migrates the schema); the demo district (six schools, their students and
# teachers); import-marc of COPIES generated copies over the six schools; import-roster of STUDENTS generated
# students (bench/RosterGenerate.java); with the server stopped, the demo's per-school rules removed, a district rule
# giving teachers 5,000 copies at once and the patrons' barcodes read from the database (bench/CirculationBench.java
# prepare); then the server and
# bench/CirculationBench.java run. The issue's targets (2 cores): p50 <= 5 ms and p99 <= 25 ms at 16 clients,
# >= 300 checkouts per second, the same latency for the teacher.
#
# With SIP2=1 (the default) the same server then answers SIP2 (issue 7): a terminal account made by
# create-sip-terminal, and for each of OPS copies a patron status, checkout, item information and checkin message (with
# sequence number and checksum) on 1 and on the most connections as fast as they go, then on the most paced at
# SIP2_RATE (200) messages a second; targets: >= 200 messages a second, p99 <= 30 ms.
#
# Settings (environment): OPS (3000) checkouts per number of clients, CLIENTS (1,4,16), RATE (300) requests a second
# of the paced runs, STUDENTS (2000) added by roster, TEACHER_LOANS (1000), TEACHER_OPS (1000), WARMUP (5000) the
# fewest warm-up cycles (a checkout, its check-in and a baseline request) before the runs, which then go on until the
# server's just-in-time compiler is quiet (at most 1% of a core over 10 s, or 10 minutes at most: a server runs for
# weeks, so its compiler has long settled, while on 2 cores a busy one takes a quarter of the machine), HEAP (512m),
# JAVA_OPTS (more options for the server's JVM, to try a setting), PG=0 for H2 only, H2=0 for PostgreSQL only, PG_URL
# (jdbc:postgresql://127.0.0.1:5432), PG_DB (carrel_bench), JFR=1 to record a flight recording of each server under
# target/bench/, KEEP=1 to keep the data folders, H2_OPTIONS (say LOCK_TIMEOUT=2000) to replace the embedded
# database's default options after WRITE_DELAY=0, to try an H2 setting. Each run logs the server's garbage
# collections in target/bench/circulation-KIND-gc.log.
set -euo pipefail
cd "$(dirname "$0")/.."
copies="${1:-5000}"
OPS="${OPS:-3000}"
CLIENTS="${CLIENTS:-1,4,16}"
STUDENTS="${STUDENTS:-2000}"
TEACHER_LOANS="${TEACHER_LOANS:-1000}"
TEACHER_OPS="${TEACHER_OPS:-1000}"
WARMUP="${WARMUP:-5000}"
RATE="${RATE:-300}"
HEAP="${HEAP:-512m}"
PG="${PG:-1}"
H2="${H2:-1}"
JAVA_OPTS="${JAVA_OPTS:-}"
SIP2="${SIP2:-1}"
SIP2_RATE="${SIP2_RATE:-200}"
PG_URL="${PG_URL:-jdbc:postgresql://127.0.0.1:5432}"
PG_DB="${PG_DB:-carrel_bench}"
JFR="${JFR:-0}"
KEEP="${KEEP:-0}"
JAR=target/carrel.jar

[ -f "$JAR" ] || { echo "no $JAR: build it first with ./mvnw -B package -DskipTests" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2 2>/dev/null \
    || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
cp="$(cat target/classpath.txt)"
mkdir -p target/bench target/bench-classes
javac -proc:none -nowarn -d target/bench-classes -cp "$cp" bench/BenchMix.java bench/LightHttp.java \
    bench/CirculationBench.java >&2
bcp="target/bench-classes:$cp"

marc="target/bench/circulation-${copies}.mrc"
[ -f "$marc" ] || java -cp "$bcp" org.carrel.bench.CirculationBench marc "$marc" "$copies"
roster="target/bench/roster-${STUDENTS}"
[ -f "$roster/users.csv" ] || java bench/RosterGenerate.java "$roster" "$STUDENTS" >&2

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# shellcheck source=bench/lib.sh
source bench/lib.sh

load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
server=""
data=""
pg_created=0
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    if [ -n "$data" ] && [ "$KEEP" != 1 ]; then rm -rf "$data" "$data.server.log"; fi
    if [ "$pg_created" = 1 ] && [ "$KEEP" != 1 ]; then
        psql_admin "drop database if exists $PG_DB with (force)" || true
    fi
}
trap cleanup EXIT

# Starts the jar with the database settings in $db_env and waits until /actuator/health answers.
start_server() {
    local port="$1"; shift
    local jfr=()
    [ "$JFR" = 1 ] && jfr=("-XX:FlightRecorderOptions=stackdepth=256"
        "-XX:StartFlightRecording=filename=$PWD/target/bench/circulation-$kind.jfr,settings=profile")
    # shellcheck disable=SC2086 # JAVA_OPTS holds several options
    env "${db_env[@]}" java -Xmx"$HEAP" $JAVA_OPTS -Xlog:gc:file="$PWD/target/bench/circulation-$kind-gc.log" \
        "${jfr[@]}" -jar "$JAR" --server.port="$port" "$@" \
        > "$data.server.log" 2>&1 < /dev/null &
    server=$!
    for _ in $(seq 1 3000); do
        kill -0 "$server" 2>/dev/null \
            || { echo "the server exited; its log:" >&2; tail -30 "$data.server.log" >&2; exit 1; }
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health")" = 200 ] && return
        sleep 0.1
    done
    echo "no answer from the server within 300 s" >&2; exit 1
}
stop_server() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }
command_on_data() { env "${db_env[@]}" java -Xmx"$HEAP" -jar "$JAR" "$@"; }

# One database: kind is h2 or postgresql. Prints the run's JSON.
bench_on() {
    kind="$1"
    # Runs in a subshell of its own ($(...)): it needs its own clean-up of its server, data folder and database.
    trap cleanup EXIT
    data="$(mktemp -d "$PWD/target/bench/circulation-$kind-XXXXXX")"
    db_env=("CARREL_DATA_DIR=$data")
    local jdbc user=postgres password=""
    if [ "$kind" = postgresql ]; then
        psql_admin "drop database if exists $PG_DB with (force)"
        psql_admin "create database $PG_DB"
        pg_created=1
        jdbc="$PG_URL/$PG_DB"
        db_env+=("CARREL_DB_URL=$jdbc" "CARREL_DB_USER=postgres" "CARREL_DB_PASSWORD=")
    else
        jdbc="jdbc:h2:file:$data/db/carrel;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        user=sa
        if [ -n "${H2_OPTIONS:-}" ]; then
            db_env+=("CARREL_DB_URL=$jdbc;WRITE_DELAY=0;$H2_OPTIONS" "CARREL_DB_USER=sa" "CARREL_DB_PASSWORD=")
        fi
    fi
    echo "[$kind] token and schema..." >&2
    local token
    token="$(command_on_data create-api-token --name "bench $(now_ms)" --role district-admin 2>/dev/null \
        | grep '^carrel_' | tail -1)"
    [ -n "$token" ] || { echo "no API token" >&2; exit 1; }
    echo "[$kind] demo district..." >&2
    start_server "$(free_port)" --carrel.demo=true
    for _ in $(seq 1 3000); do grep -q "Demo catalogue" "$data.server.log" && break; sleep 0.1; done
    stop_server
    echo "[$kind] importing $copies copies and $STUDENTS students..." >&2
    command_on_data import-marc "$marc" --on-match add --json > "$data.import.out" 2> "$data.import.err" \
        || { echo "import-marc failed: $(tail -n 5 "$data.import.err")" >&2; exit 1; }
    command_on_data import-roster "$roster" --json > "$data.roster.out" 2> "$data.roster.err" \
        || { echo "import-roster failed: $(tail -n 5 "$data.roster.err")" >&2; exit 1; }
    java -cp "$bcp" org.carrel.bench.CirculationBench prepare "$jdbc" "$user" "$password" "$data/bench" >&2
    local port sip=() sip_server=()
    if [ "$SIP2" = 1 ]; then
        command_on_data create-sip-terminal --login bench-kiosk --password bench-kiosk-pass \
            --school "$(head -1 "$data/bench/school.txt")" > /dev/null
        local sip_port
        sip_port="$(free_port)"
        sip=(--sip2-port "$sip_port" --sip2-login bench-kiosk --sip2-password bench-kiosk-pass --sip2-rate "$SIP2_RATE")
        sip_server=("--carrel.sip2.port=$sip_port")
    fi
    echo "[$kind] benchmark..." >&2
    port="$(free_port)"
    start_server "$port" "${sip_server[@]}"
    java -cp "$bcp" org.carrel.bench.CirculationBench run "http://127.0.0.1:$port" "$token" "$data/bench" \
        --copies "$copies" --ops "$OPS" --clients "$CLIENTS" --rate "$RATE" --teacher-loans "$TEACHER_LOANS" \
        --teacher-ops "$TEACHER_OPS" --warmup "$WARMUP" --server-pid "$server" "${sip[@]}"
    stop_server
    if [ "$KEEP" != 1 ]; then rm -rf "$data" "$data".*; fi
    data=""
    if [ "$kind" = postgresql ] && [ "$KEEP" != 1 ]; then
        psql_admin "drop database if exists $PG_DB with (force)"
        pg_created=0
    fi
}

h2="null"
[ "$H2" = 1 ] && h2="$(bench_on h2)"
pg="null"
[ "$PG" = 1 ] && pg="$(bench_on postgresql)"

result="{\"copies\":$copies,\"cores\":$(nproc),\"loadavg_at_start\":\"$load_at_start\",\
\"loadavg_at_end\":\"$(cut -d' ' -f1-3 /proc/loadavg)\",\"h2\":$h2,\"postgresql\":$pg}"
if command -v jq > /dev/null; then
    # The figures at the most clients beside the issue's targets, and every refused or failed request (errors).
    echo "$result" | jq -c '
        def most(runs): (runs // []) | max_by(.clients);
        def figures(run): {p50_ms: run.p50_ms, p99_ms: run.p99_ms, per_s: run.per_s};
        def brief(db): if db == null then null else {
            errors: ([db | .. | objects | select(has("errors")) | .errors] | add),
            warmup: db.warmup, compiler_cores_during_runs: db.compiler_cores_during_runs,
            clients: most(db.runs).clients,
            checkouts_per_s: most(db.runs).checkout.per_s, checkins_per_s: most(db.runs).checkin.per_s,
            baseline_per_s: most(db.runs).baseline.per_s,
            paced: {clients: db.paced.clients, rate_per_s: db.paced.rate_per_s,
                    checkout: figures(db.paced.checkout), checkin: figures(db.paced.checkin),
                    baseline: figures(db.paced.baseline)},
            teacher: {loans_held: db.teacher.loans_held, paced_checkout: figures(db.teacher.paced.checkout),
                      paced_checkin: figures(db.teacher.paced.checkin)},
            sip2: (if db.sip2 == null then null else {
                one_connection: figures(db.sip2.runs[0].all), most_connections: figures(most(db.sip2.runs).all),
                paced: {clients: db.sip2.paced.clients, rate_per_s: db.sip2.paced.rate_per_s,
                        all: figures(db.sip2.paced.all)}} end)} end;
        . + {summary: {h2: brief(.h2), postgresql: brief(.postgresql),
                       targets: {p50_ms: 5, p99_ms: 25, checkouts_per_s: 300,
                                 sip2_messages_per_s: 200, sip2_p99_ms: 30}}}'
else
    echo "$result"
fi
