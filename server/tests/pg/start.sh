#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the tests, under target/pg, and prints the line
#   export CLAIMTRACK_TEST_PG_URL=postgres://postgres@127.0.0.1:PORT/postgres
# (also written to target/pg/url, where the test harness looks when the variable is unset).
#
# Idempotent and quick: a cluster already running is reused (~0.1 s); a stopped one is started
# (~2 s); the first run makes it with initdb (~5 s). Installs Debian's `postgresql` with apt-get
# when its server binaries are missing. PostgreSQL refuses to run as root, so as root the
# cluster belongs to, and runs as, the unprivileged `postgres` user the package creates.
#
# The cluster is for tests only: fsync and synchronous commit are off (a crash may lose it;
# nothing in it is worth keeping), and it trusts every local connection. It listens on
# 127.0.0.1 only, on a free port chosen the first time and kept.
set -euo pipefail

root="$(cd "$(dirname "$0")/../../.." && pwd)"
dir="${CLAIMTRACK_TEST_PG_DIR:-$root/target/pg}"
data="$dir/data"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
bin="$(pg_bin)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "PostgreSQL's server binaries are missing; install Debian's postgresql package (as root)." >&2
    exit 1
  fi
  echo "Installing Debian's postgresql…" >&2
  { [ -n "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ] || apt-get update -qq; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bin="$(pg_bin)"
fi

# Who runs the server: ourselves, or `postgres` when we are root.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

mkdir -p "$dir"
if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi

if [ ! -f "$data/PG_VERSION" ]; then
  rm -rf "$data"
  as_owner "$bin/initdb" -D "$data" --auth=trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  free_port >"$dir/port.tmp" && as_owner cp "$dir/port.tmp" "$data/test-port" && rm -f "$dir/port.tmp"
fi
port="$(cat "$data/test-port")"

if ! as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  # The port chosen at initdb may have been taken since: choose again if so.
  if ! python3 -c "import socket,sys; s=socket.socket(); s.bind(('127.0.0.1', $port))" 2>/dev/null; then
    port="$(free_port)"
    echo "$port" >"$dir/port.tmp" && as_owner cp "$dir/port.tmp" "$data/test-port" && rm -f "$dir/port.tmp"
  fi
  as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start -o \
    "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    >/dev/null || { tail -n 20 "$data/server.log" >&2; exit 1; }
fi

url="postgres://postgres@127.0.0.1:$port/postgres"
echo "$url" >"$dir/url"
echo "export CLAIMTRACK_TEST_PG_URL=$url"
