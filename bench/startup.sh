#!/usr/bin/env bash
# Measures application start-up: seconds from launching the application (demo profile, H2 file in a
# fresh directory, reused by the following runs) until /actuator/health answers UP, in two ways:
#  1. the packaged jar as it is (java -jar sportello-app.jar);
#  2. the jar extracted by Spring Boot's tools (java -Djarmode=tools -jar ... extract) with a class
#     data sharing archive made by one training run (-XX:ArchiveClassesAtExit, stopping after the
#     context is refreshed): how docs/deployment.md starts production nodes.
# Usage: bench/startup.sh [runs]. Build first: ./mvnw -B package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=$(ls app/target/sportello-app-*.jar | grep -v original | head -1)
port=18080
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure <label> <java arguments...>: runs times on one fresh data directory
measure() {
  local label=$1 data
  shift
  data=$(mktemp -d -p "$work")
  for i in $(seq 1 "$runs"); do
    start=$(date +%s.%N)
    SPORTELLO_DATA_DIR=$data java "$@" --spring.profiles.active=demo --server.port=$port >"$data/app.log" 2>&1 &
    pid=$!
    until curl -fs "http://127.0.0.1:$port/actuator/health" | grep -q '"status":"UP"'; do
      if ! kill -0 $pid 2>/dev/null; then echo "application died, see $data/app.log" >&2; exit 1; fi
      sleep 0.2
    done
    end=$(date +%s.%N)
    kind=$([ "$i" = 1 ] && echo "first start: schema and demo data" || echo "restart on existing data")
    printf '%s, run %d: %.1f s until healthy (%s; %s)\n' "$label" "$i" "$(echo "$end - $start" | bc)" "$kind" \
      "$(grep -o 'Started SportelloApplication in [0-9.]* seconds' "$data/app.log")"
    kill $pid; wait $pid 2>/dev/null || true
  done
}

measure "java -jar" -jar "$jar"

java -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
extracted="$work/app/$(basename "$jar")"
SPORTELLO_DATA_DIR=$(mktemp -d -p "$work") java -XX:ArchiveClassesAtExit="$work/app/sportello.jsa" \
  -Dspring.context.exit=onRefresh -jar "$extracted" --spring.profiles.active=demo --server.port=$port \
  >"$work/training.log" 2>&1
measure "extracted, CDS" -XX:SharedArchiveFile="$work/app/sportello.jsa" -jar "$extracted"
