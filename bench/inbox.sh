#!/usr/bin/env bash
# Inbox speed: one page of 50 rows with N open tasks (default 100,000) on MariaDB; p50/p95 of our
# MyBatis inbox query (SLA order), of the whole inbox page as the view builds it, and of Camunda's
# TaskQuery for comparison. Needs the local MariaDB (127.0.0.1:3306, root, no password; a fresh
# database is created and dropped). Usage: bench/inbox.sh [tasks]
set -euo pipefail
cd "$(dirname "$0")/.."
tasks=${1:-100000}
db="sportello_bench_inbox_$(date +%s)"
mariadb -uroot -h127.0.0.1 -e "CREATE DATABASE $db"
[ -n "${KEEP_DB:-}" ] || trap 'mariadb -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $db"' EXIT
SPORTELLO_TEST_MARIADB_URL="jdbc:mariadb://127.0.0.1:3306/$db" ./mvnw -q -B -pl app test \
  -Dsportello.bench=true -Dsportello.bench.tasks="$tasks" -Dtest=InboxBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dspring-javaformat.skip=true
cat app/target/bench/inbox.txt
