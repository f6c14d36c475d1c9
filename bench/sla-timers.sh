#!/usr/bin/env bash
# SLA peak: opens N cases (default 10,000) on MariaDB at one frozen instant, makes their
# warnings and then their breaches fall due at once, and measures how long the SLA sweep
# takes to escalate them all (each exactly once, checked). Needs the local MariaDB
# (127.0.0.1:3306, root, empty password; a fresh database is created and dropped).
# Usage: bench/sla-timers.sh [cases]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
run_bench SlaPeakBenchmark sla-peak.txt -Dsportello.bench.cases="${1:-10000}"
