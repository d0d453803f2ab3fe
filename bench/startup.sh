#!/usr/bin/env bash
# Start-up benchmark of the packaged jar (build it first: ./mvnw -B package).
#
# Each run starts `java -jar target/carrel.jar` on a fresh data folder with the defaults (embedded H2, demo district
# with carrel.demo=auto) and measures the wall time from launch to the first 200 answer of GET /login (polled every
# 50 ms), then, once start-up has settled (the "Started" log line, at most 10 s, plus SETTLE_S seconds), the
# process's resident memory (VmRSS). In the same run it times a bare JVM start (a tiny class) as the baseline that
# says how fast this machine is. Prints one JSON object of medians over N runs on stdout; progress goes to stderr.
#
#   N=3 JAVA_OPTS="-XX:+UseSerialGC -Xss512k" bench/startup.sh
set -euo pipefail

cd "$(dirname "$0")/.."
N="${N:-3}"
JAR="${JAR:-target/carrel.jar}"
JAVA="${JAVA:-java}"
JAVA_OPTS="${JAVA_OPTS:-}"
SETTLE_S="${SETTLE_S:-2}"

[ -f "$JAR" ] || { echo "no $JAR: build it first with ./mvnw -B package" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }

work="$(mktemp -d -t carrel-bench-XXXXXX)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -9 "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "bench/startup.sh failed at line $LINENO (exit $?)" >&2' ERR

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

free_port() {
    local port
    while :; do
        port=$(( 20000 + RANDOM % 20000 ))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

json_array() { local IFS=,; echo "[$*]"; }

# Baseline: a bare JVM loading and running one tiny class.
baseline_cmd=("$JAVA" -version)
baseline_label="java -version"
if command -v javac >/dev/null; then
    mkdir -p "$work/hello"
    printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
        > "$work/hello/Hello.java"
    javac -d "$work/hello" "$work/hello/Hello.java"
    baseline_cmd=("$JAVA" -cp "$work/hello" Hello)
    baseline_label="java Hello (one tiny class)"
fi

startups=() rss=() baselines=()
for run in $(seq 1 "$N"); do
    t0=$(now_ms)
    "${baseline_cmd[@]}" >/dev/null 2>&1
    baselines+=( $(( $(now_ms) - t0 )) )

    data="$work/data-$run"
    port=$(free_port)
    log="$work/server-$run.log"
    t0=$(now_ms)
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    CARREL_DATA_DIR="$data" "$JAVA" $JAVA_OPTS -jar "$JAR" --server.port="$port" >"$log" 2>&1 </dev/null &
    server_pid=$!
    code=000
    deadline=$(( t0 + 120000 ))
    while [ "$code" != 200 ]; do
        if ! kill -0 "$server_pid" 2>/dev/null; then
            echo "run $run: the server exited; its log:" >&2; tail -n 30 "$log" >&2; exit 1
        fi
        [ "$(now_ms)" -lt "$deadline" ] || { echo "run $run: no 200 from /login within 120 s" >&2; exit 1; }
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/login" || true)
        [ "$code" = 200 ] || sleep 0.05
    done
    startups+=( $(( $(now_ms) - t0 )) )

    for _ in $(seq 1 200); do
        grep -q "Started CarrelApplication" "$log" && break
        sleep 0.05
    done
    sleep "$SETTLE_S"
    kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$server_pid/status")
    rss+=( $(( kb / 1024 )) )
    echo "run $run: first page after ${startups[-1]} ms, RSS ${rss[-1]} MB, bare JVM ${baselines[-1]} ms" >&2

    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
done

printf '{"startupToFirstPageMs":%s,"rssAfterStartupMb":%s,"baselineJvmStartMs":%s,"runs":%s,' \
    "$(median "${startups[@]}")" "$(median "${rss[@]}")" "$(median "${baselines[@]}")" "$N"
printf '"perRun":{"startupToFirstPageMs":%s,"rssAfterStartupMb":%s,"baselineJvmStartMs":%s},' \
    "$(json_array "${startups[@]}")" "$(json_array "${rss[@]}")" "$(json_array "${baselines[@]}")"
printf '"baseline":"%s","javaOptions":"%s","cores":%s}\n' "$baseline_label" "$JAVA_OPTS" "$(nproc)"
