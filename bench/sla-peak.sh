#!/usr/bin/env bash
# W3 of issue #19, side by side in one run: N SLA breaches falling due at once in Sportello,
# taken by its SLA sweep (ADR 0029)
# (SlaPeakBenchmark: N cases opened and forwarded to INPS at one frozen engine instant, the clock
# moved to their common warning and then breach instant; each escalated exactly once, checked; one
# front-office client opens cases meanwhile, its p95 reported), then N bare timers of plain Camunda
# 7.24 (bench/camunda-peer, process peerTimers: a user task whose boundary timer ends the instance;
# job definitions suspended, N instances started due in the past, then all activated at once),
# timed from the first to the last timer fired (ACT_HI_ACTINST). Needs the local MariaDB.
# Usage: bench/sla-peak.sh [timers]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
. bench/lib.sh
echo "Sportello:"
run_bench SlaPeakBenchmark sla-peak.txt -Dsportello.bench.cases="$n"

[ -f bench/camunda-peer/target/camunda-peer.jar ] || ./mvnw -q -B -f bench/camunda-peer/pom.xml package -DskipTests
db="bench_timers_$$"
work=$(mktemp -d)
mariadb -uroot -h127.0.0.1 -e "CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
java -Xmx2g -jar bench/camunda-peer/target/camunda-peer.jar --server.port=8090 \
  "--spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/$db?nullDatabaseMeansCurrent=true" > "$work/peer.log" 2>&1 &
peer=$!
trap "kill $peer 2>/dev/null; mariadb -uroot -h127.0.0.1 -e 'DROP DATABASE IF EXISTS $db'; rm -rf $work" EXIT
for _ in $(seq 1 240); do curl -fs -o /dev/null http://127.0.0.1:8090/engine-rest/engine && break; sleep 0.5; done
rest=http://127.0.0.1:8090/engine-rest
curl -fs -X PUT -H 'Content-Type: application/json' "$rest/job-definition/suspended" \
  -d '{"processDefinitionKey": "peerTimers", "suspended": true, "includeJobs": true}'
seq 1 "$n" | xargs -P 4 -I{} curl -fs -o /dev/null -X POST -H 'Content-Type: application/json' \
  "$rest/process-definition/key/peerTimers/start" \
  -d '{"variables": {"dueAt": {"value": "2020-01-01T00:00:00", "type": "String"}}}'
echo "plain Camunda: $(curl -fs "$rest/job/count?processDefinitionKey=peerTimers") timers created, suspended"
start=$(date +%s.%N)
curl -fs -X PUT -H 'Content-Type: application/json' "$rest/job-definition/suspended" \
  -d '{"processDefinitionKey": "peerTimers", "suspended": false, "includeJobs": true}'
while [ "$(curl -fs "$rest/job/count?processDefinitionKey=peerTimers")" != '{"count":0}' ]; do sleep 0.2; done
end=$(date +%s.%N)
fired=$(mariadb -uroot -h127.0.0.1 -N "$db" -e "SELECT COUNT(*), TIMESTAMPDIFF(MICROSECOND, MIN(START_TIME_), MAX(END_TIME_)) / 1e6 FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'escalated'")
read -r count span <<<"$fired"
awk -v c="$count" -v s="$span" -v w="$(echo "$end - $start" | bc)" 'BEGIN {
  printf "plain Camunda: %d timers fired; first to last %.1f s (%.0f jobs/s); from activation until none left %.1f s\n", c, s, c / s, w }'
