#!/usr/bin/env bash
# Knowledge base search: the Lucene index with N articles (default 20,000), its rebuild time and
# p50/p95 of 500 searches as operators type them (front-office suggestions, public FAQ page).
# In memory, no database. Usage: bench/knowledge-search.sh [articles]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl app test -Dsportello.bench=true -Dtest=KnowledgeSearchBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dspring-javaformat.skip=true -Dvaadin.skip \
  -Dsportello.bench.articles="${1:-20000}"
cat app/target/bench/knowledge-search.txt
