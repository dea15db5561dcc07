#!/usr/bin/env bash
# The ALL page and site search against the limits of this machine, measured side by side and interleaved:
#
#   nginx     the same HTML saved to a file, served by nginx            (the ceiling for a proxy cache)
#   wsgi      a fixed response from a bare WSGI app under the same gunicorn  (for reference)
#   floor     a fixed response from a Django view through the site's own middleware, same gunicorn
#             (the framework floor: /bench/floor, routed only with BENCH_FLOOR=1)
#   uncached  `make serve` with the page cache off: every request renders
#   search    /search/ with the page cache off, cycling through typical searches (bench/search.lua)
#   cached    `make serve`: anonymous requests from the page cache
#   varnish   Varnish (deploy/varnish/default.vcl) in front of `make serve`
#
# then the time from a publish to the new words being served through Varnish.
# Prints a table and the ratios the targets are stated in; asserts nothing.
#
#   bash bench/pages.sh                       # all of the above
#   TARGETS="floor uncached search" bash bench/pages.sh
#
# Environment: BENCH_SERVER_URL (PostgreSQL; default postgres://postgres@127.0.0.1:5432/postgres),
# BENCH_DATABASE_NAME (scratch database, default hospital_bench), BENCH_PROVIDERS (1000),
# BENCH_DURATION (seconds per wrk run, 10), BENCH_ROUNDS (3), WEB_CONCURRENCY (2), BENCH_KEEP=1.
# Ports (loopback only): BENCH_PORT_BASE (8071) cached, +1 uncached, floor and search, +2 wsgi,
# +3 nginx; BENCH_VARNISH_PORT (6081) Varnish.
# The uncached server raises SEARCH_RATE_LIMIT (production: 60/m per address), or every wrk
# connection, all from 127.0.0.1, would be answered "429 Too many requests" after a second;
# the limit is still counted on every search, as in production.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

TARGETS=${TARGETS:-nginx wsgi floor uncached search cached varnish}
ROUNDS=${BENCH_ROUNDS:-3}
has() { [[ " $TARGETS " == *" $1 "* ]]; }

need_tools wrk nginx varnishd
make_database

echo "Starting servers on loopback…"
CACHED_PORT=$PORT_BASE UNCACHED_PORT=$((PORT_BASE + 1)) WSGI_PORT=$((PORT_BASE + 2)) NGINX_PORT=$((PORT_BASE + 3))
start_site cached "$CACHED_PORT" FRONTEND_CACHE_URL="http://127.0.0.1:$VARNISH_PORT"
if has uncached || has floor || has search; then
    start_site uncached "$UNCACHED_PORT" PAGE_CACHE_ENABLED=false BENCH_FLOOR=1 SEARCH_RATE_LIMIT=1000000/s
fi
if has wsgi; then
    start wsgi "$BIN/gunicorn" bench.floor_app:application --chdir "$ROOT" --bind "127.0.0.1:$WSGI_PORT" \
        --workers "$WEB_CONCURRENCY" --access-logfile -
    wait_for "http://127.0.0.1:$WSGI_PORT/"
fi
if has nginx; then
    mkdir -p "$WORK/html" "$WORK/nginx"
    curl -fsS "http://127.0.0.1:$CACHED_PORT$ALL_PATH" >"$WORK/html/all.html"
    chmod -R a+rX "$WORK/html"
    cat >"$WORK/nginx.conf" <<NGINX
worker_processes $WEB_CONCURRENCY;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    types { text/html html; }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/html;
    }
}
NGINX
    start nginx nginx -c "$WORK/nginx.conf"
    wait_for "http://127.0.0.1:$NGINX_PORT/all.html"
fi
if has varnish; then
    sed "s/\\.port = \"8000\";/.port = \"$CACHED_PORT\";/" "$ROOT/deploy/varnish/default.vcl" >"$WORK/default.vcl"
    start varnish varnishd -F -a "127.0.0.1:$VARNISH_PORT" -f "$WORK/default.vcl" -s malloc,128m -n "$WORK/varnish"
    wait_for "http://127.0.0.1:$VARNISH_PORT$ALL_PATH"
fi

declare -A URLS=(
    [nginx]=http://127.0.0.1:$NGINX_PORT/all.html
    [wsgi]=http://127.0.0.1:$WSGI_PORT/
    [floor]=http://127.0.0.1:$UNCACHED_PORT/bench/floor
    [uncached]=http://127.0.0.1:$UNCACHED_PORT$ALL_PATH
    [search]=http://127.0.0.1:$UNCACHED_PORT/search/
    [cached]=http://127.0.0.1:$CACHED_PORT$ALL_PATH
    [varnish]=http://127.0.0.1:$VARNISH_PORT$ALL_PATH
)
# wrk options per target: search cycles through typical searches, one per request.
declare -A WRK_ARGS=([search]="-s $ROOT/bench/search.lua")
for target in $TARGETS; do
    for _ in 1 2 3; do curl -fsS -o /dev/null "${URLS[$target]}"; done
done
if has search; then
    while read -r path; do curl -fsS -o /dev/null "http://127.0.0.1:$UNCACHED_PORT$path"; done < <(search_paths)
fi

echo "Measuring: $ROUNDS rounds of ${BENCH_DURATION:-10} s per target, interleaved (wrk -t2 -c16)…"
: >"$WORK/results.tsv"
for round in $(seq 1 "$ROUNDS"); do
    for target in $TARGETS; do
        rps=$(wrk_rps "${URLS[$target]}" ${WRK_ARGS[$target]:-})
        printf '%s\t%s\t%s\n' "$round" "$target" "$rps" | tee -a "$WORK/results.tsv"
    done
done

"$BIN/python" - "$WORK/results.tsv" <<'PY'
import statistics, sys
from collections import defaultdict
runs = defaultdict(list)
for line in open(sys.argv[1]):
    _round, target, rps = line.split("\t")
    runs[target].append(float(rps))
median = {target: statistics.median(values) for target, values in runs.items()}
print()
print(f"{'target':<10}{'median req/s':>14}{'min':>10}{'max':>10}")
for target, values in runs.items():
    print(f"{target:<10}{median[target]:>14,.0f}{min(values):>10,.0f}{max(values):>10,.0f}")
print()
checks = [
    ("uncached ALL / framework floor", "uncached", "floor", 1 / 20),
    ("site search / framework floor", "search", "floor", 1 / 20),
    ("cached ALL / framework floor", "cached", "floor", 1 / 2),
    ("Varnish ALL / nginx file", "varnish", "nginx", 1 / 2),
]
for label, top, bottom, target in checks:
    if top in median and bottom in median and median[bottom]:
        ratio = median[top] / median[bottom]
        verdict = "meets" if ratio >= target else "BELOW"
        print(f"{label:<34}{ratio:>8.3f}   target ≥ {target:.3f}  {verdict}")
PY

if has varnish; then
    echo
    (cd "$ROOT" && FRONTEND_CACHE_URL="http://127.0.0.1:$VARNISH_PORT" DJANGO_SETTINGS_MODULE=hospital_site.settings.dev \
        "$BIN/python" bench/publish_to_visible.py "http://127.0.0.1:$VARNISH_PORT$ALL_PATH")
fi
