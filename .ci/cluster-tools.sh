#!/usr/bin/env bash
# The engines of `make cluster` and bench/cluster.sh, from Debian's packages when missing:
# haproxy, varnish, pgbouncer, redis-server, PostgreSQL (pg_basebackup), wrk, redis-cli (redis-tools).
set -euo pipefail
export PATH=$PATH:/usr/sbin
missing=()
command -v haproxy >/dev/null || missing+=(haproxy)
command -v varnishd >/dev/null || missing+=(varnish)
command -v pgbouncer >/dev/null || missing+=(pgbouncer)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v redis-cli >/dev/null || missing+=(redis-tools)
command -v wrk >/dev/null || missing+=(wrk)
ls /usr/lib/postgresql/*/bin/pg_basebackup >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} from Debian's packages..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq "${missing[@]}" >&2
fi
echo "haproxy $(haproxy -v | head -n 1 | awk '{print $3}'), varnish $(varnishd -V 2>&1 | head -n 1 | grep -o '[0-9.]*' | head -n 1), pgbouncer $(pgbouncer --version | head -n 1 | awk '{print $2}'), wrk present"
