#!/usr/bin/env bash
# Roster import speed: `import-roster` of a generated OneRoster package of STUDENTS students (with their teachers,
# homerooms and guardians) into the demo district on the embedded H2 database: the preview (--dry-run), the apply,
# and a second apply of the same package (which changes nothing). Each figure is the import's own time as the command
# reports it (reading the package to the commit), beside the wall time of the whole command and, as the baseline
# measured in the same run, the wall time of the same command on a package with no users (JVM and Spring start-up).
# Prints one JSON object.
#
#   bench/roster.sh [STUDENTS]        (default 20000; the issue's targets: preview under 10 s, apply under 30 s)
set -euo pipefail
cd "$(dirname "$0")/.."
students="${1:-20000}"
JAR=target/carrel.jar
[ -f "$JAR" ] || { echo "no $JAR: build it first with ./mvnw -B package -DskipTests" >&2; exit 2; }
mkdir -p target/bench
roster="target/bench/roster-${students}"
[ -f "$roster/users.csv" ] || java bench/RosterGenerate.java "$roster" "$students" >&2
empty="target/bench/roster-empty"
mkdir -p "$empty"
printf 'sourcedId,name,type,identifier\norg-oak,Oak,school,OAK\n' > "$empty/orgs.csv"
printf 'sourcedId,givenName,familyName,role\n' > "$empty/users.csv"

work="$(mktemp -d -t carrel-roster-XXXXXX)"
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

echo "seeding the demo district..." >&2
port=$(( 20000 + RANDOM % 20000 ))
CARREL_DATA_DIR="$work/data" java -jar "$JAR" --server.port=$port --carrel.demo=true > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 1200); do grep -q "Demo catalogue" "$work/server.log" && break; sleep 0.1; done
kill "$server"; wait "$server" 2>/dev/null || true; server=""

# Runs import-roster with the arguments; prints "wall_ms import_ms json".
run() {
    local t0 t1 out took
    t0=$(now_ms)
    out="$(CARREL_DATA_DIR="$work/data" java -Xmx512m -jar "$JAR" import-roster "$@" --json 2>"$work/import.err" \
        | grep '^{' | tail -1 || true)"
    t1=$(now_ms)
    took="$(grep -o 'in [0-9]* ms' "$work/import.err" | grep -o '[0-9]*' | tail -1)"
    echo "$(( t1 - t0 )) ${took:-null} ${out:-null}"
}
run "$empty" --dry-run > /dev/null
read -r startup _ <<< "$(run "$empty" --dry-run)"
echo "preview..." >&2
read -r preview preview_ms preview_json <<< "$(run "$roster" --dry-run)"
echo "apply..." >&2
read -r apply apply_ms apply_json <<< "$(run "$roster")"
echo "again..." >&2
read -r again again_ms again_json <<< "$(run "$roster")"
echo "{\"students\":$students,\"cores\":$(nproc),\"baseline_startup_wall_ms\":$startup,\
\"preview\":{\"import_ms\":$preview_ms,\"wall_ms\":$preview,\"counts\":$preview_json},\
\"apply\":{\"import_ms\":$apply_ms,\"wall_ms\":$apply,\"counts\":$apply_json},\
\"again\":{\"import_ms\":$again_ms,\"wall_ms\":$again,\"counts\":$again_json},\
\"targets\":{\"preview_s\":10,\"apply_s\":30}}"
