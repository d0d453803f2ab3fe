# Shell functions the benchmarks share; sourced, not run.

# A TCP port nothing listens on now.
free_port() {
    local port
    while :; do
        port=$(( 20000 + RANDOM % 20000 ))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}

# Runs one SQL statement as postgres on the server of $PG_URL (jdbc:postgresql://HOST[:PORT]).
psql_admin() {
    local host port
    host="$(echo "$PG_URL" | sed -E 's#jdbc:postgresql://([^:/]+).*#\1#')"
    port="$(echo "$PG_URL" | sed -E 's#jdbc:postgresql://[^:/]+:?([0-9]*).*#\1#')"
    psql -h "$host" -p "${port:-5432}" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAtc "$1" </dev/null
}
