#!/usr/bin/env bash
# sysbench oltp_point_select and oltp_read_only against Basalt and against a MariaDB started on the
# same machine in the same run; prints tps and p95 latency for each, with and without server-side
# prepared statements. Needs: sysbench, mariadb-server (mariadbd, mariadb-install-db), a built
# server jar (mvn -pl server -am package -DskipTests).
#
#   bench/sysbench-vs-mariadb.sh [seconds per run, default 30] [threads, default 4]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-30}
THREADS=${2:-4}
TABLES=4
SIZE=100000
WORK=$(mktemp -d /tmp/basalt-sysbench.XXXXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() {
  for _ in $(seq 1 120); do
    mysql --no-defaults --protocol=TCP -h127.0.0.1 -P"$1" -uroot -e "SELECT 1" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "server on port $1 did not start" >&2; exit 1
}

BP=$(free_port)
java -Xmx4g -jar server/target/basalt.jar --data-dir "$WORK/basalt" --mysql-port "$BP" --http-port "$(free_port)" \
  --flight-port "$(free_port)" --raft-port "$(free_port)" > "$WORK/basalt.log" 2>&1 &
PIDS+=($!)

MP=$(free_port)
USER_OPT=(); [ "$(id -u)" = 0 ] && USER_OPT=(--user=root)
mariadb-install-db --no-defaults --datadir="$WORK/mariadb" --auth-root-authentication-method=normal "${USER_OPT[@]}" > /dev/null
mariadbd --no-defaults --datadir="$WORK/mariadb" --port="$MP" --socket="$WORK/mariadb.sock" --bind-address=127.0.0.1 \
  --skip-grant-tables --skip-log-bin --innodb-buffer-pool-size=1G "${USER_OPT[@]}" > "$WORK/mariadb.log" 2>&1 &
PIDS+=($!)

wait_port "$BP"; wait_port "$MP"

run() { # name port workload mode
  sysbench --db-driver=mysql --mysql-host=127.0.0.1 --mysql-port="$2" --mysql-user=root --mysql-password= \
    --mysql-db=sbtest --tables=$TABLES --table-size=$SIZE --threads="$THREADS" --time="$SECONDS_PER_RUN" \
    --db-ps-mode="$4" --report-interval=0 "$3" run > "$WORK/out.txt" 2>&1 || { cat "$WORK/out.txt"; exit 1; }
  tps=$(grep -oP 'transactions:\s+\d+\s+\(\K[0-9.]+' "$WORK/out.txt")
  p95=$(grep -oP '95th percentile:\s+\K[0-9.]+' "$WORK/out.txt")
  errors=$(grep -oP 'ignored errors:\s+\K\d+' "$WORK/out.txt")
  printf "| %-8s | %-17s | %-7s | %10s | %8s | %6s |\n" "$1" "$3" "$4" "$tps" "$p95" "$errors"
}

for name in basalt mariadb; do
  port=$BP; [ $name = mariadb ] && port=$MP
  mysql --no-defaults --protocol=TCP -h127.0.0.1 -P"$port" -uroot -e "CREATE DATABASE sbtest"
  sysbench --db-driver=mysql --mysql-host=127.0.0.1 --mysql-port="$port" --mysql-user=root --mysql-password= \
    --mysql-db=sbtest --tables=$TABLES --table-size=$SIZE oltp_read_only prepare > /dev/null
done

# Warm both servers up (JIT, caches, Basalt's key indexes) so run order does not decide the figures.
for name in basalt mariadb; do
  port=$BP; [ $name = mariadb ] && port=$MP
  for workload in oltp_point_select oltp_read_only; do
    sysbench --db-driver=mysql --mysql-host=127.0.0.1 --mysql-port="$port" --mysql-user=root --mysql-password= \
      --mysql-db=sbtest --tables=$TABLES --table-size=$SIZE --threads="$THREADS" --time=10 "$workload" run > /dev/null
  done
done

echo "sysbench $TABLES tables x $SIZE rows, $THREADS threads, ${SECONDS_PER_RUN}s per run (after a 10 s warm-up)"
printf "| %-8s | %-17s | %-7s | %10s | %8s | %6s |\n" server workload ps-mode tps "p95 ms" errors
echo "|----------|-------------------|---------|------------|----------|--------|"
for workload in oltp_point_select oltp_read_only; do
  for mode in auto disable; do
    run basalt "$BP" $workload $mode
    run mariadb "$MP" $workload $mode
  done
done
