#!/usr/bin/env bash
# Load: 64 concurrent connections for LOAD_DURATION seconds on each of three pages, through
# `make serve` (production settings, gunicorn, PostgreSQL, page cache on as in production):
#
#   ALL page           /conditions/acute-lymphoblastic-leukemia/
#   Find a Doctor      /find-a-doctor/?condition=acute-lymphoblastic-leukemia
#   provider profile   /find-a-doctor/<first demo provider>/
#
# Prints requests/s, p50, p99 and errors (non-2xx, socket errors) per URL, then checks the
# gunicorn log for worker timeouts, crashes and restarts. Then, on a second server with the
# production search limit (SEARCH_RATE_LIMIT=60/m), shows the rate limiter answering 429
# quickly to a flood of distinct searches from one address. Asserts nothing; prints.
#
#   bash bench/load.sh                      # 60 s per URL, about 5 minutes with set-up
#   LOAD_DURATION=10 bash bench/load.sh     # a quick run
#   LOAD_PAGE_CACHE=false bash bench/load.sh  # every request renders (the worst case)
#
# Environment: LOAD_DURATION (60), LOAD_CONNECTIONS (64), LOAD_THREADS (2), LOAD_PORT (8078; the
# limiter demo uses LOAD_PORT+1), LOAD_PAGE_CACHE (true), LOAD_SEARCH_RATE_LIMIT (100000/m), and
# lib.sh's BENCH_SERVER_URL, BENCH_DATABASE_NAME, BENCH_PROVIDERS (1000), WEB_CONCURRENCY (2).
# Loopback only; every server is stopped on exit.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DURATION=${LOAD_DURATION:-60}
CONNECTIONS=${LOAD_CONNECTIONS:-64}
THREADS=${LOAD_THREADS:-2}
PORT=${LOAD_PORT:-8078}
LIMIT_PORT=$((PORT + 1))
PAGE_CACHE=${LOAD_PAGE_CACHE:-true}
# The load comes from one address (127.0.0.1); with the production limit (60 searches a minute
# per address) Find a Doctor would answer 429 to almost all of it. Raised here, shown below.
RATE=${LOAD_SEARCH_RATE_LIMIT:-100000/m}

need_tools wrk
make_database

PROFILE_PATH=$(cd "$ROOT" && DJANGO_SETTINGS_MODULE=hospital_site.settings.dev "$BIN/python" manage.py shell -v 0 -c \
    "from providers.models import Provider; print(Provider.objects.filter(active=True).order_by('pk').first().get_absolute_url())" | tail -n 1)
FAD_PATH="/find-a-doctor/?condition=acute-lymphoblastic-leukemia"

echo "Starting make serve on 127.0.0.1:$PORT ($WEB_CONCURRENCY workers, PAGE_CACHE_ENABLED=$PAGE_CACHE, SEARCH_RATE_LIMIT=$RATE)…"
start_site load "$PORT" PAGE_CACHE_ENABLED="$PAGE_CACHE" SEARCH_RATE_LIMIT="$RATE"

declare -A URLS=(
    [all]="http://127.0.0.1:$PORT$ALL_PATH"
    [find-a-doctor]="http://127.0.0.1:$PORT$FAD_PATH"
    [profile]="http://127.0.0.1:$PORT$PROFILE_PATH"
)
ORDER=(all find-a-doctor profile)
for name in "${ORDER[@]}"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' "${URLS[$name]}")
    echo "  $name ${URLS[$name]#http://127.0.0.1:$PORT} → $status"
done

# One wrk run: "rps p50 p99 non2xx socket_errors requests".
measure() {
    local url=$1 out
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency "$url")
    echo "$out" >>"$WORK/wrk.txt"
    "$BIN/python" -c '
import re, sys
out = sys.stdin.read()
def ms(label):
    m = re.search(r"^\s*" + re.escape(label) + r"\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
requests = int(re.search(r"(\d+) requests in", out).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
socket_errors = sum(map(int, sockets.groups())) if sockets else 0
p50, p99 = ms("50%"), ms("99%")
print(f"{rps:.0f} {p50:.1f} {p99:.1f} {int(non2xx.group(1)) if non2xx else 0} {socket_errors} {requests}")
' <<<"$out"
}

echo "Measuring: $CONNECTIONS connections, $THREADS threads, ${DURATION} s per URL…"
: >"$WORK/wrk.txt"
RESULTS=()
for name in "${ORDER[@]}"; do
    RESULTS+=("$name $(measure "${URLS[$name]}")")
done

echo
printf '%-15s%10s%10s%10s%10s%10s%12s\n' "url" "req/s" "p50 ms" "p99 ms" "non-2xx" "socket" "requests"
for line in "${RESULTS[@]}"; do
    read -r name rps p50 p99 non2xx sockets requests <<<"$line"
    printf '%-15s%10s%10s%10s%10s%10s%12s\n' "$name" "$rps" "$p50" "$p99" "$non2xx" "$sockets" "$requests"
done

# Each worker boots once; a timeout, crash or restart would show here.
LOG="$WORK/load.log"
boots=$(grep -c "Booting worker" "$LOG" || true)
timeouts=$(grep -c "WORKER TIMEOUT" "$LOG" || true)
exits=$(grep -cE "Worker exiting|was sent SIGKILL|Worker .* died" "$LOG" || true)
server_errors=$(grep -cE '" 5[0-9][0-9] ' "$LOG" || true)
echo
echo "gunicorn: $boots worker boots (expected $WEB_CONCURRENCY), $timeouts worker timeouts, $exits worker exits, $server_errors 5xx in the access log"

# The limiter itself, with the production limit: distinct searches (each a page-cache miss,
# so each is counted) from one address, 16 connections for 10 s.
echo
echo "Rate limiter: SEARCH_RATE_LIMIT=60/m on 127.0.0.1:$LIMIT_PORT, distinct Find a Doctor searches for 10 s…"
kill -- "-${GROUPS_STARTED[0]}" 2>/dev/null || true
start_site limiter "$LIMIT_PORT" PAGE_CACHE_ENABLED="$PAGE_CACHE" SEARCH_RATE_LIMIT=60/m
cat >"$WORK/vary.lua" <<'LUA'
local n = 0
request = function()
    n = n + 1
    return wrk.format("GET", "/find-a-doctor/?q=doctor" .. n)
end
done = function(summary, latency, requests)
    io.write(string.format("LIMITER %d %d %.1f %.1f\n", summary.requests, summary.errors.status,
        latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA
out=$(wrk -t2 -c16 -d10s --timeout 10s -s "$WORK/vary.lua" "http://127.0.0.1:$LIMIT_PORT")
read -r _ requests non2xx p50 p99 <<<"$(grep '^LIMITER' <<<"$out")"
sockets=$(grep -o "Socket errors.*" <<<"$out" || echo "Socket errors: none")
echo "  $requests requests: $((requests - non2xx)) answered 200, $non2xx answered non-2xx; p50 $p50 ms, p99 $p99 ms; $sockets"
# Server-side time per status, from gunicorn's access log ("GET /path" STATUS BYTES TIMEms).
"$BIN/python" - "$WORK/limiter.log" <<'PY'
import re, statistics, sys
times = {}
for line in open(sys.argv[1]):
    m = re.search(r'"GET /find-a-doctor/[^"]*" (\d{3}) \S+ (\d+)ms', line)
    if m:
        times.setdefault(m.group(1), []).append(int(m.group(2)))
for status, values in sorted(times.items()):
    values.sort()
    p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
    print(f"  {status}: {len(values)} responses, server time p50 {statistics.median(values):.0f} ms, p99 {p99} ms")
PY
