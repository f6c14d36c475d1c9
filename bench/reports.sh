#!/usr/bin/env bash
# Reports: every query of a /reports page (p50/p95 of 10 runs after 2 warm-ups) and the whole page,
# for three months, a year, an administration's supervisor and a filtered month, with N anonymous
# facts (default 1,000,000, one year in the demo year's shape) on MariaDB; then an Excel and a CSV
# export of the whole year with the heap it used, in a JVM limited to 512 MB.
# Needs the local MariaDB (127.0.0.1:3306, root, no password; a fresh database is created and
# dropped). Usage: bench/reports.sh [facts]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
run_bench ReportsBenchmark reports.txt -Dsportello.bench.facts="${1:-1000000}" -DargLine=-Xmx512m -Dvaadin.skip
