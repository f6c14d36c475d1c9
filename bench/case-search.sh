#!/usr/bin/env bash
# Case search speed: one page of 50 of /cases, and its count, with N cases (default 1,000,000) on
# MariaDB, for the searches people make (code, phone, email, surname, name, status and period,
# open cases of a topic, a back-office official's scope); p50/p95 over 20 runs after 2 warm-ups.
# Needs the local MariaDB (127.0.0.1:3306, root, no password; a fresh database is created and
# dropped). Usage: bench/case-search.sh [cases]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
run_bench CaseSearchBenchmark case-search.txt -Dsportello.bench.cases="${1:-1000000}"
