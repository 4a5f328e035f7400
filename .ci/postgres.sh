#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests (issue 17): `start` prints the connection URL on stdout,
# `stop` stops the server and deletes its data. Both are idempotent; start takes a few seconds.
#
#   export STORYLINE_TEST_PG_URL="$(.ci/postgres.sh start)"   # then: npm test
#   .ci/postgres.sh stop
#
# It listens only on 127.0.0.1 (port STORYLINE_PG_PORT, default 55432) with its socket and data under
# /tmp/storyline-pg-<port>, so it never meets a PostgreSQL already running on the machine. As root (CI)
# it installs Debian's `postgresql` when no server binaries exist and runs the server as the `postgres`
# user (initdb refuses root); as anyone else it runs as that user.
set -euo pipefail
cd /  # the server user may not be able to read the caller's directory

port="${STORYLINE_PG_PORT:-55432}"
root_dir="/tmp/storyline-pg-$port"
data_dir="$root_dir/data"
db=storyline_test
role=storyline
password=storyline-test
url="postgres://$role:$password@127.0.0.1:$port/$db"

log() { echo "postgres.sh: $*" >&2; }

# The directory of initdb/pg_ctl: Debian keeps them off PATH in /usr/lib/postgresql/<version>/bin.
find_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$newest" ] && [ -x "$newest/initdb" ]; then echo "$newest"; return; fi
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then dirname "$(command -v initdb)"; return; fi
  return 1
}

bin=$(find_bin || true)
if [ -z "$bin" ] && [ "${1:-}" = start ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    log "no PostgreSQL server binaries (initdb, pg_ctl) found; install PostgreSQL or set PG_BIN"; exit 1
  fi
  log "installing Debian's postgresql"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bin=$(find_bin)
fi

# Commands on the data directory run as its owner: postgres when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Running means answering on our socket: a killed server's pid file can outlive it (pg_ctl status then
# still sees the pid, and pg_ctl stop waits for a server that is gone).
running() { [ -n "$bin" ] && [ -d "$data_dir" ] && "$bin/pg_isready" -q -h "$root_dir" -p "$port" -t 2; }

psql_admin() { as_owner "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$root_dir" -p "$port" -U postgres -d postgres "$@"; }

start() {
  if running; then echo "$url"; return; fi
  # A data directory left by a killed run is stale: start from nothing (it only ever holds test data).
  rm -rf "$root_dir"
  mkdir -p "$data_dir"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$root_dir"; fi
  chmod 700 "$root_dir" "$data_dir"
  # Local socket connections are trusted (only the owner can reach the socket directory); TCP needs the password.
  as_owner "$bin/initdb" -D "$data_dir" -U postgres -A trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  # fsync off: a test server's data need not survive a crash, and it makes DDL-heavy tests much faster.
  if ! as_owner "$bin/pg_ctl" -D "$data_dir" -l "$root_dir/server.log" -w -t 30 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $root_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
    log "server did not start (port $port in use?); its log:"; cat "$root_dir/server.log" >&2; exit 1
  fi
  psql_admin -c "CREATE ROLE $role LOGIN PASSWORD '$password'" -c "CREATE DATABASE $db OWNER $role"
  log "server on 127.0.0.1:$port (data in $data_dir)"
  echo "$url"
}

stop() {
  if running; then as_owner "$bin/pg_ctl" -D "$data_dir" -m fast -w -t 20 stop >/dev/null || log "server did not stop; deleting its data anyway"; fi
  rm -rf "$root_dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) echo "$url" ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
