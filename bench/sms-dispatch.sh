#!/usr/bin/env bash
# SMS outbox dispatch rate: queues N messages (default 3,000) on MariaDB and drains them through
# the real Twilio SDK against the fake Twilio server answering in 50 ms, first with one
# dispatcher (8 parallel senders, sportello.sms.senders), then with two (two nodes); checks each
# message reached Twilio exactly once. Needs the local MariaDB (127.0.0.1:3306, root, no
# password; a fresh database is created and dropped). Usage: bench/sms-dispatch.sh [messages]
set -euo pipefail
cd "$(dirname "$0")/.."
messages=${1:-3000}
db="sportello_bench_sms_$(date +%s)"
mariadb -uroot -h127.0.0.1 -e "CREATE DATABASE $db"
trap 'mariadb -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $db"' EXIT
SPORTELLO_TEST_MARIADB_URL="jdbc:mariadb://127.0.0.1:3306/$db" ./mvnw -q -B -pl app test \
  -Dsportello.bench=true -Dsportello.bench.messages="$messages" -Dtest=SmsDispatchBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dspring-javaformat.skip=true
cat app/target/bench/sms-dispatch.txt
