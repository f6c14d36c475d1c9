#!/usr/bin/env bash
# Issue #19, a real cluster: N application nodes (default 3) on one MariaDB database and one shared
# data directory (attachments, keys), behind HAProxy (docs/haproxy.cfg, generated here for N nodes).
#  1. scaling: cases opened through the balancer (bench/load/Load.java, 4 client threads, S seconds)
#     with 1, 2 ... N nodes in the pool;
#  2. failure: with every node in the pool, the same load for 60 s; node 2 is killed with kill -9
#     after 20 s and started again 15 s later;
#  3. checks: every case the clients were told was opened (201) exists, is readable through the
#     balancer, and is whole (its process, its timeline, its task or its end); no case is half-made.
# Needs the local MariaDB (127.0.0.1:3306, root, empty password) and haproxy (apt-get install haproxy).
# Usage: bench/cluster.sh [nodes] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
nodes=${1:-3} seconds=${2:-30}
ls app/target/sportello-app-*.jar >/dev/null 2>&1 || ./mvnw -q -B package -DskipTests -Dspring-javaformat.skip=true -pl app
jar=$(ls app/target/sportello-app-*.jar | head -1)
work=$(mktemp -d)
db="bench_cluster_$$"
declare -A pids
haproxy_pid=
cleanup() {
  for p in "${pids[@]}" $haproxy_pid; do kill -9 "$p" 2>/dev/null || true; done
  mariadb -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $db"
  rm -rf "$work"
}
trap cleanup EXIT
mariadb -uroot -h127.0.0.1 -e "CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"

start_node() {
  local i=$1 port=$((8100 + $1))
  java -Xmx1g -jar "$jar" --server.port=$port --spring.profiles.active=demo,mariadb \
    --sportello.demo.report-year=false --sportello.data-dir="$work/shared" \
    "--spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/$db?nullDatabaseMeansCurrent=true" \
    >>"$work/node$i.log" 2>&1 &
  pids[$i]=$!
  for _ in $(seq 1 240); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health" && return 0
    sleep 0.5
  done
  echo "node $i did not start"; tail -40 "$work/node$i.log"; exit 1
}

# balancer <n>: HAProxy with nodes 1..n (the configuration of docs/haproxy.cfg)
balancer() {
  [ -z "$haproxy_pid" ] || { kill "$haproxy_pid"; wait "$haproxy_pid" 2>/dev/null || true; }
  sed '/^    server /d' docs/haproxy.cfg > "$work/haproxy.cfg"
  for i in $(seq 1 "$1"); do
    echo "    server n$i 127.0.0.1:$((8100 + i)) check inter 2s fall 2 rise 2 cookie n$i" >> "$work/haproxy.cfg"
  done
  haproxy -f "$work/haproxy.cfg" -db >"$work/haproxy.log" 2>&1 &
  haproxy_pid=$!
  for _ in $(seq 1 40); do curl -fs -o /dev/null http://127.0.0.1:8100/actuator/health && sleep 5 && return 0; sleep 0.5; done
  echo "haproxy did not start"; cat "$work/haproxy.log"; exit 1
}

# the first node alone creates the schema, the keys and the demo data; then the others
start=$(date +%s.%N)
start_node 1
echo "node 1 (first start, empty database): $(echo "$(date +%s.%N) - $start" | bc) s"
for i in $(seq 2 "$nodes"); do
  start=$(date +%s.%N); start_node "$i"; echo "node $i: $(echo "$(date +%s.%N) - $start" | bc) s"
done

echo "1. scaling, ${seconds} s each"
for n in $(seq 1 "$nodes"); do
  balancer "$n"
  printf "%d node(s): " "$n"
  java bench/load/Load.java sportello http://127.0.0.1:8100 4 10 "$seconds" "$work/codes"
done

echo "2. failure: 60 s of load, node 2 killed (kill -9) at 20 s and started again at 35 s"
balancer "$nodes"
java bench/load/Load.java sportello http://127.0.0.1:8100 4 0 60 "$work/codes" > "$work/failure.txt" 2>&1 &
load=$!
sleep 20
kill -9 "${pids[2]}"; echo "  node 2 killed"
sleep 15
start=$(date +%s.%N); start_node 2; echo "  node 2 back after $(echo "$(date +%s.%N) - $start" | bc) s"
wait "$load" || true
cat "$work/failure.txt"

echo "3. checks"
accepted=$(sort -u "$work/codes" | wc -l)
mariadb -uroot -h127.0.0.1 "$db" -e "CREATE TABLE bench_accepted (code VARCHAR(20) PRIMARY KEY)"
sort -u "$work/codes" | sed "s/.*/('&')/" | paste -sd, | sed 's/^/INSERT INTO bench_accepted VALUES /' \
  | mariadb -uroot -h127.0.0.1 "$db"
q() { mariadb -uroot -h127.0.0.1 -N "$db" -e "$1"; }
missing=$(q "SELECT COUNT(*) FROM bench_accepted a LEFT JOIN spt_case c ON c.tracking_code = a.code WHERE c.id IS NULL")
cases=$(q "SELECT COUNT(*) FROM spt_case WHERE opened_by = 'fo1'")
no_process=$(q "SELECT COUNT(*) FROM spt_case c WHERE NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST p WHERE p.BUSINESS_KEY_ = c.tracking_code)")
no_timeline=$(q "SELECT COUNT(*) FROM spt_case c WHERE NOT EXISTS (SELECT 1 FROM spt_case_event e WHERE e.case_id = c.id)")
no_task=$(q "SELECT COUNT(*) FROM spt_case c WHERE c.status = 'RICEVUTA' AND NOT EXISTS (SELECT 1 FROM spt_task t WHERE t.case_id = c.id)")
no_clock=$(q "SELECT COUNT(*) FROM spt_case c WHERE c.status = 'RICEVUTA' AND NOT EXISTS (SELECT 1 FROM spt_sla_clock s WHERE s.case_id = c.id)")
unreadable=$(sort -u "$work/codes" | xargs -P 4 -I{} curl -s -o /dev/null -w "%{http_code}\n" -u fo1:demo \
  "http://127.0.0.1:8100/api/cases/{}" | grep -vc '^200$' || true)
echo "  accepted (201) $accepted; cases opened by the load $cases (more: opened, but the answer was lost with the node)"
echo "  accepted but missing: $missing; unreadable through the balancer: $unreadable"
echo "  half-made: without process $no_process, without timeline $no_timeline, waiting without task $no_task, without SLA clock $no_clock"
[ "$missing" = 0 ] && [ "$unreadable" = 0 ] && [ "$no_process" = 0 ] && [ "$no_timeline" = 0 ] && [ "$no_task" = 0 ] \
  && [ "$no_clock" = 0 ] && echo "  all checks passed" || { echo "  CHECKS FAILED"; exit 1; }
