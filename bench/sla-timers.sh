#!/usr/bin/env bash
# SLA peak: opens N cases (default 10,000) on MariaDB at one frozen instant, makes their
# warning and then their breach timers fall due at once, and measures how long the job
# executor takes to escalate them all (each exactly once, checked). Needs the local MariaDB
# (127.0.0.1:3306, root, empty password; a fresh database is created and dropped).
# Usage: bench/sla-timers.sh [cases]
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-10000}
db="sportello_bench_$(date +%s)"
mariadb -uroot -h127.0.0.1 -e "CREATE DATABASE $db"
trap 'mariadb -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $db"' EXIT
SPORTELLO_TEST_MARIADB_URL="jdbc:mariadb://127.0.0.1:3306/$db" ./mvnw -q -B -pl app test \
  -Dsportello.bench=true -Dsportello.bench.cases="$cases" -Dtest=SlaPeakBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dspring-javaformat.skip=true
cat app/target/bench/sla-peak.txt
