#!/usr/bin/env bash
# Public tracking answer times on MariaDB: unknown code, wrong PIN, right PIN (HMAC PINs), and a
# wrong PIN of a case whose PIN is still a BCrypt hash (how PINs were stored before), interleaved at
# random; p50/p95/mean of each. Needs the local MariaDB (127.0.0.1:3306, root, no password; a fresh
# database is created and dropped). Usage: bench/tracking-timing.sh [requests]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
run_bench TrackingTimingBenchmark tracking.txt -Dsportello.bench.rounds="${1:-2000}"
