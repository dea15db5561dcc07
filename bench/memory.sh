#!/usr/bin/env bash
# A gunicorn worker's resident memory over 10,000 mixed requests (bench/memory.py), under `make serve`
# on 127.0.0.1:$BENCH_PORT_BASE+5 (8076) with the page cache on, against a scratch PostgreSQL database
# (see bench/lib.sh). Search rate limits are off: the requests all come from one address, and a 429
# would skip the very work being measured.
#
#   bash bench/memory.sh        # BENCH_PROVIDERS (1000), BENCH_REQUESTS (10000), WEB_CONCURRENCY (2), BENCH_PORT_BASE
set -euo pipefail
source "$(dirname "$0")/lib.sh"

make_database
MEMORY_PORT=$((PORT_BASE + 5))
start_site memory "$MEMORY_PORT" RATELIMIT_ENABLE=false
"$BIN/python" "$ROOT/bench/memory.py" "http://127.0.0.1:$MEMORY_PORT" "$MEMORY_PORT"
