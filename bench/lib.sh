# Shared by the benchmarks: run one benchmark test class (tag "bench") against a fresh database on
# the local MariaDB (127.0.0.1:3306, root, no password), dropped afterwards unless KEEP_DB is set,
# then print its report. Usage: run_bench <TestClass> <report file under app/target/bench> [-Dprop=value ...]
run_bench() {
  local test=$1 report=$2
  shift 2
  local db="sportello_bench_$(date +%s)_$$"
  mariadb -uroot -h127.0.0.1 -e "CREATE DATABASE $db"
  [ -n "${KEEP_DB:-}" ] || trap "mariadb -uroot -h127.0.0.1 -e 'DROP DATABASE IF EXISTS $db'" EXIT
  SPORTELLO_TEST_MARIADB_URL="jdbc:mariadb://127.0.0.1:3306/$db" ./mvnw -q -B -pl app test \
    -Dsportello.bench=true -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dspring-javaformat.skip=true "$@"
  cat "app/target/bench/$report"
}
