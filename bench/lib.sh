# Shared by the HTTP benchmarks (sourced, not run): tools, the scratch database, servers on loopback.
# Every server started here is recorded and stopped on exit, by process group.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=$ROOT/.venv/bin
SERVER_URL=${BENCH_SERVER_URL:-postgres://postgres@127.0.0.1:5432/postgres}
DB_NAME=${BENCH_DATABASE_NAME:-hospital_bench}
# Ports on loopback: BENCH_PORT_BASE and the four after it, and Varnish on BENCH_VARNISH_PORT, so two
# people (or two checkouts) can run the benchmarks side by side.
PORT_BASE=${BENCH_PORT_BASE:-8071}
VARNISH_PORT=${BENCH_VARNISH_PORT:-6081}
DB_URL="${SERVER_URL%/*}/$DB_NAME"
PROVIDERS=${BENCH_PROVIDERS:-1000}
WORK=$(mktemp -d /tmp/bench-http.XXXXXX)
chmod 755 "$WORK"
GROUPS_STARTED=()
ALL_PATH=/conditions/acute-lymphoblastic-leukemia/

# What every app server and helper shares: the database, the cache directory (so a publish in
# one process reaches the page cache of all), a throwaway key.
export DATABASE_URL=$DB_URL
export CACHE_DIR=$WORK/cache
export SECRET_KEY=${SECRET_KEY:-$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(64))')}
export ALLOWED_HOSTS=127.0.0.1,localhost
export WEB_CONCURRENCY=${WEB_CONCURRENCY:-2}

stop_all() {
    for group in "${GROUPS_STARTED[@]}"; do
        kill -- "-$group" 2>/dev/null || true
    done
    sleep 0.5
    for group in "${GROUPS_STARTED[@]}"; do
        kill -9 -- "-$group" 2>/dev/null || true
    done
    if [ -z "${BENCH_KEEP:-}" ]; then
        rm -rf "$WORK"
        drop_database
    fi
}
trap stop_all EXIT

need_tools() {
    local missing=()
    for tool in "$@"; do
        case $tool in
            wrk) command -v wrk >/dev/null || missing+=(wrk) ;;
            nginx) command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light) ;;
            varnishd) command -v varnishd >/dev/null || [ -x /usr/sbin/varnishd ] || missing+=(varnish) ;;
        esac
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing ${missing[*]} (Debian packages)…"
        if [ "$(id -u)" != 0 ]; then
            echo "Run as root, or: sudo apt-get install -y ${missing[*]}" >&2
            exit 1
        fi
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    export PATH=$PATH:/usr/sbin
}

# Start a command in its own process group; remember the group to stop it later.
start() {
    local log=$1
    shift
    setsid "$@" >"$WORK/$log.log" 2>&1 &
    GROUPS_STARTED+=($!)
    disown $!  # stopped by stop_all; no "Killed" notices from the shell
}

wait_for() {
    local url=$1
    for _ in $(seq 1 300); do
        if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
        sleep 0.2
    done
    echo "Gave up waiting for $url" >&2
    tail -20 "$WORK"/*.log >&2
    exit 1
}

drop_database() {
    "$BIN/python" - "$SERVER_URL" "$DB_NAME" <<'PY'
import sys, psycopg2
connection = psycopg2.connect(sys.argv[1]); connection.autocommit = True
connection.cursor().execute(f'DROP DATABASE IF EXISTS "{sys.argv[2]}"')
PY
}

# A scratch database with the demo site and $PROVIDERS demo providers.
make_database() {
    echo "Scratch database $DB_NAME: demo content and $PROVIDERS providers…"
    "$BIN/python" - "$SERVER_URL" "$DB_NAME" <<'PY'
import sys, psycopg2
connection = psycopg2.connect(sys.argv[1]); connection.autocommit = True
cursor = connection.cursor()
cursor.execute(f'DROP DATABASE IF EXISTS "{sys.argv[2]}"')
cursor.execute(f'CREATE DATABASE "{sys.argv[2]}"')
PY
    (
        cd "$ROOT"
        export DJANGO_SETTINGS_MODULE=hospital_site.settings.dev
        "$BIN/python" manage.py migrate --noinput -v 0
        "$BIN/python" manage.py load_demo_content >/dev/null
        "$BIN/python" manage.py generate_demo_providers --count "$PROVIDERS" >/dev/null
    )
    # Planner statistics, as autovacuum would gather them on a live server soon after a bulk load.
    "$BIN/python" - "$DB_URL" <<'PY'
import sys, psycopg2
connection = psycopg2.connect(sys.argv[1]); connection.autocommit = True
connection.cursor().execute("ANALYZE")
PY
}

# `make serve` (production settings under gunicorn) on a port, with extra environment.
start_site() {
    local name=$1 port=$2
    shift 2
    start "$name" env "$@" make -C "$ROOT" --no-print-directory serve PORT="$port"
    wait_for "http://127.0.0.1:$port/healthz"
}

# The searches bench/search.lua cycles through, one path a line.
search_paths() {
    grep -o '"/search/[^"]*"' "$ROOT/bench/search.lua" | tr -d '"'
}

# Requests per second from one bounded wrk run (2 threads, 16 connections); more wrk options may follow the URL.
wrk_rps() {
    local url=$1 out
    shift
    out=$(wrk -t2 -c16 -d"${BENCH_DURATION:-10}s" "$@" "$url")
    if grep -q "Non-2xx" <<<"$out"; then
        echo "WARNING: errors from $url: $(grep Non-2xx <<<"$out")" >&2
    fi
    awk '/Requests\/sec/ {print $2}' <<<"$out"
}
