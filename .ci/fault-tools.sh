#!/usr/bin/env bash
# The servers the fault tests break on purpose (tests/integration/test_outages.py): redis-server,
# and PostgreSQL's initdb/pg_ctl for a throwaway cluster; and varnishtest (Debian's varnish), which
# sends requests through deploy/varnish/default.vcl (tests/hospital_site/test_cluster_settings.py).
# Installed from Debian's packages when missing; under CI the tests fail rather than skip without them.
set -euo pipefail
missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v varnishtest >/dev/null || missing+=(varnish)
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} from Debian's packages..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq "${missing[@]}" >&2
fi
echo "redis-server: $(command -v redis-server); initdb: $(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1); varnishtest: $(command -v varnishtest)"
