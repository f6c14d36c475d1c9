#!/usr/bin/env bash
# SMS outbox dispatch rate: queues N messages (default 3,000) on MariaDB and drains them through
# the real Twilio SDK against the fake Twilio server answering in 50 ms, first with one
# dispatcher (8 parallel senders, sportello.sms.senders), then with two (two nodes); checks each
# message reached Twilio exactly once. Needs the local MariaDB (127.0.0.1:3306, root, no
# password; a fresh database is created and dropped). Usage: bench/sms-dispatch.sh [messages]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
run_bench SmsDispatchBenchmark sms-dispatch.txt -Dsportello.bench.messages="${1:-3000}"
