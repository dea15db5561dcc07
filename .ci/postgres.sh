#!/usr/bin/env bash
# Print a DATABASE_URL for a PostgreSQL server CI can use.
# Uses the server on 127.0.0.1:5432 when it answers; otherwise starts a
# throwaway cluster on 127.0.0.1:54329 (installing PostgreSQL from Debian's
# packages if it is missing). Progress goes to stderr, the URL to stdout.
set -euo pipefail

if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null \
    && psql -h 127.0.0.1 -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    echo "postgres://postgres@127.0.0.1:5432/postgres"
    exit 0
fi

echo "No PostgreSQL on 127.0.0.1:5432; starting a throwaway cluster." >&2
initdb_bin=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$initdb_bin" ]; then
    echo "Installing PostgreSQL from Debian's packages..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
    initdb_bin=$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
fi
bindir=$(dirname "$initdb_bin")
datadir=$(mktemp -d /tmp/ci-pg.XXXXXX)
chown postgres:postgres "$datadir"
runuser -u postgres -- "$bindir/initdb" -D "$datadir" -A trust -U postgres >/dev/null
runuser -u postgres -- "$bindir/pg_ctl" -D "$datadir" -o "-p 54329 -k /tmp -c listen_addresses=127.0.0.1" \
    -l "$datadir/server.log" -w start >&2
echo "postgres://postgres@127.0.0.1:54329/postgres"
