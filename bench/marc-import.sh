#!/usr/bin/env bash
# MARC import speed: the whole `import-marc` (read, match, store, create copies) against the raw marc4j parse of the
# same file, in one run, on the embedded H2 database and on PostgreSQL (when PG_URL names a server, default
# 127.0.0.1:5432 with user postgres; PG=0 skips it). The import runs with a 512 MB heap, so a large RECORDS also
# shows that memory stays flat. Prints one JSON object; progress goes to stderr.
#
#   bench/marc-import.sh [RECORDS]        (default 100000; 1000000 takes a few minutes per database)
#
# The import figure is records / (wall time of the command - wall time of the same command on an empty file), so
# the JVM and Spring start-up, measured in the same run, is not counted as import time.
set -euo pipefail
cd "$(dirname "$0")/.."
records="${1:-100000}"
PG="${PG:-1}"
PG_URL="${PG_URL:-jdbc:postgresql://127.0.0.1:5432}"
JAR=target/carrel.jar

[ -f "$JAR" ] || { echo "no $JAR: build it first with ./mvnw -B package -DskipTests" >&2; exit 2; }
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
cp="$(cat target/classpath.txt):target/classes"
mkdir -p target/bench
data="target/bench/marc-${records}.mrc"
[ -f "$data" ] || java -cp "$cp" bench/MarcGenerate.java "$data" "$records" >&2
empty="target/bench/empty.mrc"
: > "$empty"

work="$(mktemp -d -t carrel-import-XXXXXX)"
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# Seeds the demo district (so school OAK exists) by starting the server once on the given settings.
seed() {
    local port=$(( 20000 + RANDOM % 20000 ))
    env "$@" java -jar "$JAR" --server.port=$port --carrel.demo=true > "$work/server.log" 2>&1 &
    server=$!
    # The demo district is written after start-up; its last line says it is done.
    for _ in $(seq 1 1200); do
        grep -q "Demo catalogue" "$work/server.log" && break
        sleep 0.1
    done
    kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

# Runs import-marc on FILE with a 512 MB heap; prints "seconds peak_rss_kb json".
import() {
    local file="$1"; shift
    local start end
    start=$(date +%s%N)
    env "$@" /usr/bin/time -f "%M" -o "$work/rss" java -Xmx512m -jar "$JAR" import-marc "$file" \
        --json > "$work/out" 2> "$work/err" || true
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000000 )) $(tail -1 "$work/rss") $(tail -1 "$work/out")"
}

measure() {
    local name="$1"; shift
    seed "$@"
    read -r base_ms _ _ < <(import "$empty" "$@")
    read -r ms rss json < <(import "$data" "$@")
    echo "$json" | grep -q "\"read\":$records," || { echo "$name import failed: $json $(tail -3 "$work/err")" >&2; exit 1; }
    local net=$(( ms - base_ms ))
    echo "\"$name\":{\"records_per_s\":$(( records * 1000 / (net > 0 ? net : 1) )),\"import_ms\":$net,\"startup_ms\":$base_ms,\"peak_rss_mb\":$(( rss / 1024 )),\"counts\":$json}"
}

echo "parsing..." >&2
parse="$(java -Xmx512m -cp "$cp" bench/MarcParse.java "$data" 3)"
echo "importing on H2..." >&2
h2="$(measure h2 CARREL_DATA_DIR="$work/h2")"
result="{\"records\":$records,\"cores\":$(nproc),\"parse\":$parse,$h2"
if [ "$PG" = 1 ]; then
    db="carrel_bench_$$"
    psql "${PG_URL#jdbc:}/postgres?user=postgres" -qc "create database $db" >&2 2>/dev/null \
        || psql -h 127.0.0.1 -U postgres -qc "create database $db" >&2
    echo "importing on PostgreSQL..." >&2
    pg="$(measure postgresql CARREL_DATA_DIR="$work/pg" CARREL_DB_URL="$PG_URL/$db" CARREL_DB_USER=postgres CARREL_DB_PASSWORD=)"
    psql -h 127.0.0.1 -U postgres -qc "drop database $db" >&2 || true
    result="$result,$pg"
fi
echo "$result}"
