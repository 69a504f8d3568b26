#!/usr/bin/env bash
# Install Debian's PostgreSQL server binaries (initdb, pg_ctl, postgres) for the Postgres tests.
# Idempotent: does nothing when initdb is already found. It installs only; it starts nothing:
# the tests start a throw-away cluster of their own (tests/pg.py) on a free loopback port, or use
# WHICHMODEL_TEST_POSTGRES_URL when it is set. Debian's package does not put initdb on PATH, so the
# binaries are looked up in /usr/lib/postgresql/*/bin as well.
set -euo pipefail

find_initdb() {
  if command -v initdb >/dev/null 2>&1; then
    command -v initdb
    return 0
  fi
  local candidate
  for candidate in /usr/lib/postgresql/*/bin/initdb; do
    if [ -x "$candidate" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if found="$(find_initdb)"; then
  echo "postgres: $("$found" --version) already installed ($found)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# The package's post-install step may create and start a default cluster (port 5432); the tests do
# not use it. policy-rc.d-less containers simply skip the start.
$SUDO apt-get install -y -q --no-install-recommends postgresql

if ! found="$(find_initdb)"; then
  echo "postgres: apt-get finished but initdb was not found" >&2
  exit 1
fi
echo "postgres: installed $("$found" --version) ($found)"
