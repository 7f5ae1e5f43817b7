#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on loopback for the store's tests and print `export DATABASE_URL=...`.
# Usage: eval "$(scripts/pg-local.sh)". Needs Debian's postgresql package; runs the server as the `postgres` user
# when started as root (initdb refuses root). Stop it with: pg_ctl -D "$SCALELAB_PG_DIR" stop
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ]; then
  echo "PostgreSQL is not installed (apt-get install -y postgresql)." >&2
  exit 1
fi
port=${SCALELAB_PG_PORT:-54329}
dir=$(mktemp -d /tmp/scalelab-pg.XXXXXX)
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"
run "$bin/initdb" -D "$dir/data" -U scalelab --auth=trust -E UTF8 >/dev/null
run "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" start >/dev/null
run "$bin/createdb" -h 127.0.0.1 -p "$port" -U scalelab scalelab
echo "export SCALELAB_PG_DIR=$dir/data"
echo "export DATABASE_URL=postgres://scalelab@127.0.0.1:$port/scalelab"
