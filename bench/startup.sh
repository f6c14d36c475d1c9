#!/usr/bin/env bash
# Measures application start-up: seconds from launching the packaged jar (demo profile, H2 file in
# a fresh directory, reused by the following runs) until /actuator/health answers UP. Usage: bench/startup.sh [runs]
# Build first: ./mvnw -B package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=$(ls app/target/sportello-app-*.jar | grep -v original | head -1)
port=18080
data=$(mktemp -d)
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  SPORTELLO_DATA_DIR=$data java -jar "$jar" --spring.profiles.active=demo --server.port=$port >"$data/app.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" | grep -q '"status":"UP"'; do
    if ! kill -0 $pid 2>/dev/null; then echo "application died, see $data/app.log" >&2; exit 1; fi
    sleep 0.2
  done
  end=$(date +%s.%N)
  kind=$([ "$i" = 1 ] && echo "first start: schema and demo data" || echo "restart on existing data")
  printf 'run %d: %.1f s until healthy (%s; %s)\n' "$i" "$(echo "$end - $start" | bc)" "$kind" \
    "$(grep -o 'Started SportelloApplication in [0-9.]* seconds' "$data/app.log")"
  kill $pid; wait $pid 2>/dev/null || true
done
rm -rf "$data"
