#!/usr/bin/env bash
# Notices benchmark (issue 8): COUNT (10,000) overdue notices generated and handed to SMTP, target under 60 s on this
# machine, beside a baseline measured in the same run: the same number of messages sent to the same SMTP server
# (GreenMail, a real SMTP server in the benchmark's process) over one connection, without Carrel.
#
#   bench/notices.sh [COUNT]
#
# Steps per database (embedded H2, and PostgreSQL with PG=1, the default): a fresh data folder (and database); an
# API token; the demo district; import-marc of COUNT generated copies and import-roster of COUNT students; with the
# server stopped, each of COUNT students gets an e-mail address and one loan due 20 days ago (bench/NoticesBench.java
# prepare); then bench/NoticesBench.java run starts GreenMail, measures the baseline, starts the server with it, asks
# POST /api/v1/notifications/runs for the day's overdue notices and times until GreenMail has them all. Prints one
# JSON object with a result per database; progress goes to stderr. Settings: PG=0 for H2 only, H2=0 for PostgreSQL
# only, PG_URL, PG_DB (carrel_notices),
# HEAP (512m), KEEP=1 to keep the data folders.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"
PG="${PG:-1}"
H2="${H2:-1}"
PG_URL="${PG_URL:-jdbc:postgresql://127.0.0.1:5432}"
PG_DB="${PG_DB:-carrel_notices}"
HEAP="${HEAP:-512m}"
KEEP="${KEEP:-0}"
JAR=target/carrel.jar

[ -f "$JAR" ] || { echo "no $JAR: build it first with ./mvnw -B package -DskipTests" >&2; exit 2; }
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2 2>/dev/null \
    || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
cp="$(cat target/classpath.txt)"
mkdir -p target/bench target/bench-classes
javac -proc:none -nowarn -d target/bench-classes -cp "$cp" bench/BenchMix.java bench/LightHttp.java \
    bench/CirculationBench.java bench/NoticesBench.java >&2
bcp="target/bench-classes:$cp"

marc="target/bench/notices-${count}.mrc"
[ -f "$marc" ] || java -cp "$bcp" org.carrel.bench.CirculationBench marc "$marc" "$count"
roster="target/bench/roster-${count}"
[ -f "$roster/users.csv" ] || java bench/RosterGenerate.java "$roster" "$count" >&2

# shellcheck source=bench/lib.sh
source bench/lib.sh

server=""
data=""
pg_created=0
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    if [ -n "$data" ] && [ "$KEEP" != 1 ]; then rm -rf "$data" "$data".*; fi
    if [ "$pg_created" = 1 ] && [ "$KEEP" != 1 ]; then
        psql_admin "drop database if exists $PG_DB with (force)" || true
    fi
}
trap cleanup EXIT

command_on_data() { env "${db_env[@]}" java -Xmx"$HEAP" -jar "$JAR" "$@"; }

bench_on() {
    local kind="$1" jdbc user=postgres
    trap cleanup EXIT
    data="$(mktemp -d "$PWD/target/bench/notices-$kind-XXXXXX")"
    db_env=("CARREL_DATA_DIR=$data")
    if [ "$kind" = postgresql ]; then
        psql_admin "drop database if exists $PG_DB with (force)"
        psql_admin "create database $PG_DB"
        pg_created=1
        jdbc="$PG_URL/$PG_DB"
        db_env+=("CARREL_DB_URL=$jdbc" "CARREL_DB_USER=postgres" "CARREL_DB_PASSWORD=")
    else
        jdbc="jdbc:h2:file:$data/db/carrel;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        user=sa
    fi
    echo "[$kind] token, schema and demo district..." >&2
    local token port
    token="$(command_on_data create-api-token --name "notices bench" --role district-admin 2>/dev/null \
        | grep '^carrel_' | tail -1)"
    [ -n "$token" ] || { echo "no API token" >&2; exit 1; }
    port="$(free_port)"
    env "${db_env[@]}" java -Xmx"$HEAP" -jar "$JAR" --server.port="$port" --carrel.demo=true --carrel.sip2.port=-1 \
        > "$data.demo.log" 2>&1 < /dev/null &
    server=$!
    for _ in $(seq 1 3000); do grep -q "Demo catalogue" "$data.demo.log" && break; sleep 0.1; done
    kill "$server"; wait "$server" 2>/dev/null || true; server=""
    echo "[$kind] importing $count copies and $count students..." >&2
    command_on_data import-marc "$marc" --on-match add --json > "$data.import.out" 2> "$data.import.err" \
        || { echo "import-marc failed: $(tail -n 5 "$data.import.err")" >&2; exit 1; }
    command_on_data import-roster "$roster" --json > "$data.roster.out" 2> "$data.roster.err" \
        || { echo "import-roster failed: $(tail -n 5 "$data.roster.err")" >&2; exit 1; }
    java -cp "$bcp" org.carrel.bench.NoticesBench prepare "$jdbc" "$user" "" "$count" >&2
    echo "[$kind] benchmark..." >&2
    env "${db_env[@]}" java -Dheap="$HEAP" -Dlog="$data.server.log" -cp "$bcp" org.carrel.bench.NoticesBench run \
        "$JAR" "$(free_port)" "$token" "$count" | tail -n 1 # GreenMail logs each new mailbox before it
}

h2=null
[ "$H2" = 1 ] && h2="$(bench_on h2)"
pg=null
[ "$PG" = 1 ] && pg="$(bench_on postgresql)"
echo "{\"count\":$count,\"cores\":$(nproc),\"h2\":$h2,\"postgresql\":$pg}"
