#!/usr/bin/env bash
# Stops the throwaway PostgreSQL cluster start.sh made (its files stay, for a quick restart;
# `rm -rf target/pg` removes them). Does nothing when it is not running.
set -euo pipefail

root="$(cd "$(dirname "$0")/../../.." && pwd)"
dir="${CLAIMTRACK_TEST_PG_DIR:-$root/target/pg}"
data="$dir/data"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"

[ -f "$data/PG_VERSION" ] && [ -n "$bin" ] || exit 0
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
fi
rm -f "$dir/url"
