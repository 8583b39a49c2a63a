#!/usr/bin/env bash
# The README's table in one session: feed pages alone, uploads alone and the default mix, each on a fresh
# SQLite file and on the PostgreSQL database given (emptied first: every table of MicroJam's is dropped).
# Usage: bench/databases.sh JDBC_URL    e.g. bench/databases.sh 'jdbc:postgresql://127.0.0.1:5433/mjbench?user=mj'
# The PostgreSQL database should be one of its own: its schema "public" is dropped and made again before each run.
set -euo pipefail
pg=${1:?usage: bench/databases.sh JDBC_URL (a PostgreSQL database that may be emptied)}
here=$(cd "$(dirname "$0")/.." && pwd)
run() { "$here/microjam" bench load "$@" 2>/dev/null | grep -E "^(route|feed|feed-next|performance|picture|upload|reply|robojam|all) "; }
empty() {
  # psql takes the JDBC URL's parts: host, port, database and user.
  local rest=${pg#jdbc:postgresql://} hostport db user
  hostport=${rest%%/*}; db=${rest#*/}; db=${db%%\?*}
  user=$(sed -n 's/.*[?&]user=\([^&]*\).*/\1/p' <<< "$pg")
  PGOPTIONS="-c client_min_messages=warning" psql -q -h "${hostport%%:*}" -p "$([[ $hostport == *:* ]] && echo "${hostport##*:}" || echo 5432)" -U "${user:-$USER}" -d "$db" \
    -c "DROP SCHEMA public CASCADE" -c "CREATE SCHEMA public" >/dev/null
}
echo "== feed pages alone, SQLite";   run --mix feed --connections 32 --seconds 20
empty; echo "== feed pages alone, PostgreSQL"; run --mix feed --connections 32 --seconds 20 --database "$pg"
echo "== uploads alone, SQLite";      run --mix upload --connections 16 --seconds 20
empty; echo "== uploads alone, PostgreSQL";    run --mix upload --connections 16 --seconds 20 --database "$pg"
echo "== default mix, SQLite";        run --connections 64 --seconds 60
empty; echo "== default mix, PostgreSQL";      run --connections 64 --seconds 60 --database "$pg"
