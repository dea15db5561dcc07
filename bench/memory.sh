#!/usr/bin/env bash
# A gunicorn worker's resident memory over 10,000 mixed requests (bench/memory.py), under `make serve`
# on 127.0.0.1:$BENCH_PORT_BASE+5 (8076) with the page cache on, against a scratch PostgreSQL database (see bench/lib.sh).
#
#   bash bench/memory.sh        # BENCH_PROVIDERS (1000), BENCH_REQUESTS (10000), WEB_CONCURRENCY (2)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

make_database
MEMORY_PORT=$((PORT_BASE + 5))
start_site memory "$MEMORY_PORT"
"$BIN/python" "$ROOT/bench/memory.py" "http://127.0.0.1:$MEMORY_PORT" "$MEMORY_PORT"
