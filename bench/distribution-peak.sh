#!/usr/bin/env bash
# Front-office peak: N cases (default 500) in five minutes of engine time over three front offices
# with different hours, skills and operators going on and off duty; two nodes re-balancing together.
# Checks that no task waits at an office that should overflow while an eligible one has room, that no
# task reaches an office without the skills its case needs, and that each move happens once; measures
# the decision's cost per case and a pass's duration. Needs the local MariaDB (see lib.sh).
# Usage: bench/distribution-peak.sh [cases]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
run_bench DistributionPeakBenchmark distribution-peak.txt -Dsportello.bench.cases="${1:-500}"
