#!/usr/bin/env bash
# Fetch one N-row result (BIGINT, INT, DOUBLE, VARCHAR(20)) through Arrow Flight SQL, the MySQL
# protocol (Connector/J streaming) and the Basalt JDBC driver, from one server this script starts,
# and print rows/s and MB/s for each and the Flight/MySQL ratio.
#
#   bench/fetch-protocols.sh                 # 10,000,000 rows
#   bench/fetch-protocols.sh --rows 1000000
#   SKIP_BUILD=1 bench/fetch-protocols.sh    # reuse the jars already built
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -q -B install -DskipTests
  mvn -q -B -pl tests test-compile
fi
cp_file=tests/target/bench.classpath
mvn -q -B -pl tests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$cp_file" >/dev/null
exec java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx4g \
  -Dbasalt.repo.root="$PWD" \
  -cp "tests/target/test-classes:$(cat "$cp_file")" \
  io.basalt.tests.flight.ProtocolFetchBench "$@"
