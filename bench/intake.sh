#!/usr/bin/env bash
# W1 of issue #19: cases opened end to end through POST /api/cases, side by side with plain
# Camunda 7.24 (bench/camunda-peer: start -> DMN with 12 rules -> user task with a boundary
# timer, default configuration, full history, started through the engine REST API). Each round
# starts each application afresh on a fresh MariaDB database, then 4 closed-loop client threads
# (bench/load/Load.java) send for a 10 s warm-up and 60 s measured. Needs the local MariaDB
# (127.0.0.1:3306, root, empty password). Builds both jars unless they exist.
# Usage: bench/intake.sh [rounds] [threads] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2} threads=${2:-4} seconds=${3:-60}
ls app/target/sportello-app-*.jar >/dev/null 2>&1 || ./mvnw -q -B package -DskipTests -Dspring-javaformat.skip=true -pl app
[ -f bench/camunda-peer/target/camunda-peer.jar ] || ./mvnw -q -B -f bench/camunda-peer/pom.xml package -DskipTests
work=$(mktemp -d)
pid=
cleanup() {
  [ -z "$pid" ] || kill "$pid" 2>/dev/null || true
  for db in $(mariadb -uroot -h127.0.0.1 -N -e "SHOW DATABASES LIKE 'bench_intake_%'"); do
    mariadb -uroot -h127.0.0.1 -e "DROP DATABASE $db"
  done
  rm -rf "$work"
}
trap cleanup EXIT

# start <name> <health url> <java args...>: a fresh database, the JVM, wait until it answers
start() {
  local name=$1 health=$2
  shift 2
  db="bench_intake_${name}_$$"
  mariadb -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
  java -Xmx2g ${BENCH_JAVA_OPTS:-} "$@" >"$work/$name.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    curl -fs -o /dev/null "$health" && return 0
    kill -0 "$pid" 2>/dev/null || { tail -50 "$work/$name.log"; return 1; }
    sleep 0.5
  done
  echo "$name did not start"; tail -50 "$work/$name.log"; return 1
}

stop() {
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  mariadb -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $db"
}

# cpu <pid>: the process's CPU seconds so far (user + system)
cpu() { awk '{ print ($14 + $15) / 100 }' "/proc/$1/stat"; }
mysqld_cpu() { cpu "$(pgrep -o mariadbd || pgrep -o mysqld)"; }

measure() {
  local kind=$1 url=$2
  local c0 m0 c1 m1
  c0=$(cpu "$pid"); m0=$(mysqld_cpu)
  java bench/load/Load.java "$kind" "$url" "$threads" 10 "$seconds" | tee -a "$work/result"
  c1=$(cpu "$pid"); m1=$(mysqld_cpu)
  awk -v c0="$c0" -v c1="$c1" -v m0="$m0" -v m1="$m1" -v s=$((seconds + 10)) \
    'BEGIN { printf "  CPU: Java %.2f cores, MariaDB %.2f cores\n", (c1 - c0) / s, (m1 - m0) / s }' | tee -a "$work/result"
}

for round in $(seq 1 "$rounds"); do
  echo "round $round"
  start peer http://127.0.0.1:8090/engine-rest/engine \
    -jar bench/camunda-peer/target/camunda-peer.jar --server.port=8090 \
    "--spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/bench_intake_peer_$$?nullDatabaseMeansCurrent=true"
  measure peer http://127.0.0.1:8090
  stop
  start sportello http://127.0.0.1:8091/actuator/health \
    -jar "$(ls app/target/sportello-app-*.jar | head -1)" --server.port=8091 --spring.profiles.active=demo,mariadb \
    --sportello.demo.report-year=false --sportello.data-dir="$work/data" \
    "--spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/bench_intake_sportello_$$?nullDatabaseMeansCurrent=true"
  measure sportello http://127.0.0.1:8091
  stop
done
echo; echo "summary"; cat "$work/result"
