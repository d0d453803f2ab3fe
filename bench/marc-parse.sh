#!/usr/bin/env bash
# Parse speed of MARC files: raw marc4j MarcStreamReader against Carrel's MarcFileReader on the same synthetic file.
# Usage: bench/marc-parse.sh [RECORDS]   (default 100000); prints one JSON line.
set -euo pipefail
cd "$(dirname "$0")/.."
records="${1:-100000}"
./mvnw -B -q -o compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="$(cat target/classpath.txt):target/classes"
data="target/bench/marc-${records}.mrc"
mkdir -p target/bench
[ -f "$data" ] || java -cp "$cp" bench/MarcGenerate.java "$data" "$records"
java -Xmx512m -cp "$cp" bench/MarcParse.java "$data" 3
