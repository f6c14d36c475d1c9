#!/usr/bin/env bash
# Inbox speed: one page of 50 rows with N open tasks (default 100,000) on MariaDB; p50/p95 of our
# MyBatis inbox query (SLA order), of the whole inbox page as the view builds it, and of Camunda's
# TaskQuery for comparison. Needs the local MariaDB (127.0.0.1:3306, root, no password; a fresh
# database is created and dropped). Usage: bench/inbox.sh [tasks]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
run_bench InboxBenchmark inbox.txt -Dsportello.bench.tasks="${1:-100000}"
