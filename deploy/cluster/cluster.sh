#!/usr/bin/env bash
# The whole topology of docs/deployment.md on this one machine, each "host" a set of processes
# on its own 127.0.0.1 port:
#
#   HAProxy :8400 (public) ─► Varnish 1 :8411 ─┐
#                          └► Varnish 2 :8412 ─┴► HAProxy :8401 (apps) ─► gunicorn app1 :8421, app2 :8422
#   app servers ─► PgBouncer :8431 (transaction pooling) ─► PostgreSQL primary :8441 ─(streaming)─► replica :8442
#              ─► Redis :8451 (page cache, site cache, rate limits)
#              ─► S3 (moto server) :8461 for media, also served by HAProxy under /media/
#   task worker (manage.py task_worker) ─► the primary, through PgBouncer
#
#   deploy/cluster/cluster.sh up               build (first time) and start everything; prints the URLs
#   deploy/cluster/cluster.sh down             stop everything and delete the cluster's folder
#   deploy/cluster/cluster.sh status           what is running
#   deploy/cluster/cluster.sh stop|start|kill NAME   one part: app1, app2, worker, replica, primary, redis,
#                                              varnish1, varnish2, pgbouncer, haproxy, s3 (kill = SIGKILL)
#   deploy/cluster/cluster.sh restart-app NAME  rolling restart: drain in HAProxy, stop, start, ready again
#   deploy/cluster/cluster.sh env              the app servers' environment (source it to run manage.py)
#
# CLUSTER_DIR (/tmp/hospital-cluster), CLUSTER_PORT_BASE (8400: the ports above move with it),
# CLUSTER_APPS (2), CLUSTER_WORKERS (2 gunicorn workers per app server), CLUSTER_PROVIDERS (1000 demo
# doctors). Everything listens on 127.0.0.1 only; `down` leaves nothing running. Needs the Debian
# packages haproxy, varnish, pgbouncer, redis-server and postgresql (15), installed when missing.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=$ROOT/.venv/bin
DIR=${CLUSTER_DIR:-/tmp/hospital-cluster}
BASE=${CLUSTER_PORT_BASE:-8400}
APPS=${CLUSTER_APPS:-2}
GUNICORN_WORKERS=${CLUSTER_WORKERS:-2}
PROVIDERS=${CLUSTER_PROVIDERS:-1000}
export PATH=$PATH:/usr/sbin

PUBLIC_PORT=$BASE
APPS_PORT=$((BASE + 1))
HAPROXY_ADMIN_PORT=$((BASE + 3))
PGBOUNCER_PORT=$((BASE + 31))
PRIMARY_PORT=$((BASE + 41))
REPLICA_PORT=$((BASE + 42))
REDIS_PORT=$((BASE + 51))
S3_PORT=$((BASE + 61))
varnish_port() { echo $((BASE + 10 + ${1#varnish})); }
app_port() { echo $((BASE + 20 + ${1#app})); }
PGBIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)" 2>/dev/null || true)
DB=hospital

say() { echo "cluster: $*" >&2; }

need_packages() {
    local missing=()
    command -v haproxy >/dev/null || missing+=(haproxy)
    command -v varnishd >/dev/null || missing+=(varnish)
    command -v pgbouncer >/dev/null || missing+=(pgbouncer)
    command -v redis-server >/dev/null || missing+=(redis-server)
    [ -n "$PGBIN" ] && [ -x "$PGBIN/pg_basebackup" ] || missing+=(postgresql)
    if [ ${#missing[@]} -gt 0 ]; then
        say "installing ${missing[*]} (Debian packages)"
        [ "$(id -u)" = 0 ] || { echo "Run as root, or: sudo apt-get install -y ${missing[*]}" >&2; exit 1; }
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
        PGBIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
    fi
    [ -x "$BIN/python" ] && "$BIN/python" -c 'import moto, django_tasks_db, storages' 2>/dev/null \
        || make -C "$ROOT" --no-print-directory .venv/.dev-installed >&2
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The app servers' environment: the same on every one of them (they are stateless).
write_env() {
    local secret
    secret=$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(64))')
    cat >"$DIR/env" <<EOF
export DJANGO_SETTINGS_MODULE=hospital_site.settings.production
export SECRET_KEY='$secret'
export ALLOWED_HOSTS=127.0.0.1,localhost
export CSRF_TRUSTED_ORIGINS=http://127.0.0.1:$PUBLIC_PORT
export SECURE_SSL_REDIRECT=false
export WAGTAILADMIN_BASE_URL=http://127.0.0.1:$PUBLIC_PORT
export DATABASE_URL=postgres://postgres@127.0.0.1:$PGBOUNCER_PORT/$DB
export DATABASE_REPLICA_URL=postgres://postgres@127.0.0.1:$PGBOUNCER_PORT/${DB}_replica
export PGBOUNCER=true
export CONN_MAX_AGE=60
export REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
export TASKS_BACKEND=database
export FRONTEND_CACHE_URLS=http://127.0.0.1:$(varnish_port varnish1),http://127.0.0.1:$(varnish_port varnish2)
export MEDIA_S3_BUCKET=media
export MEDIA_S3_ENDPOINT_URL=http://127.0.0.1:$S3_PORT
export MEDIA_S3_CUSTOM_DOMAIN=127.0.0.1:$PUBLIC_PORT/media
export MEDIA_S3_URL_PROTOCOL=http:
export AWS_ACCESS_KEY_ID=cluster-not-secret
export AWS_SECRET_ACCESS_KEY=cluster-not-secret
export STATIC_ROOT=$DIR/static
# HAProxy, Varnish and HAProxy again each append to X-Forwarded-For.
export TRUSTED_PROXY_COUNT=3
# Every load test request comes from 127.0.0.1: one address must not be rate-limited like a scraper.
export SEARCH_RATE_LIMIT=${CLUSTER_SEARCH_RATE_LIMIT:-1000000/m}
export REPLICA_MAX_LAG_SECONDS=${REPLICA_MAX_LAG_SECONDS:-5}
export TASK_RECOVER_SECONDS=${TASK_RECOVER_SECONDS:-10}
export TASK_RETRY_SECONDS=${TASK_RETRY_SECONDS:-2}
export PYTHONDONTWRITEBYTECODE=1
EOF
}

# Start a long-running command in its own process group and remember it as NAME.
launch() {
    local name=$1
    shift
    setsid "$@" >>"$DIR/log/$name.log" 2>&1 </dev/null &
    echo $! >"$DIR/pid/$name"
    disown $! 2>/dev/null || true
}

running() {
    [ -f "$DIR/pid/$1" ] && kill -0 "$(cat "$DIR/pid/$1")" 2>/dev/null
}

wait_port() {
    local port=$1 what=$2
    for _ in $(seq 1 300); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
        sleep 0.1
    done
    say "gave up waiting for $what on port $port"
    tail -n 30 "$DIR/log/$what.log" >&2 2>/dev/null || true
    return 1
}

wait_http() {
    local url=$1 what=$2
    for _ in $(seq 1 300); do
        curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
        sleep 0.2
    done
    say "gave up waiting for $url ($what)"
    tail -n 30 "$DIR/log/$what.log" >&2 2>/dev/null || true
    return 1
}

signal_group() {
    local name=$1 sig=$2
    [ -f "$DIR/pid/$name" ] || return 0
    kill "-$sig" -- "-$(cat "$DIR/pid/$name")" 2>/dev/null || true
}

stop_group() {
    local name=$1
    [ -f "$DIR/pid/$name" ] || return 0
    local pid
    pid=$(cat "$DIR/pid/$name")
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
    rm -f "$DIR/pid/$name"
}

# --- PostgreSQL: a primary and a streaming replica (Debian's binaries) ------------------------

pg_start() {
    local name=$1 port=$2
    as_postgres "$PGBIN/pg_ctl" -D "$DIR/$name" -l "$DIR/log/$name.log" -w -t 60 \
        -o "-p $port -k $DIR/sock -c listen_addresses=127.0.0.1" start >/dev/null
}

pg_stop() {
    local name=$1 mode=${2:-fast}
    [ -f "$DIR/$name/postmaster.pid" ] || return 0
    as_postgres "$PGBIN/pg_ctl" -D "$DIR/$name" -m "$mode" -w -t 60 stop >/dev/null || true
}

make_primary() {
    mkdir -p "$DIR/primary" && chmod 700 "$DIR/primary"
    chown postgres "$DIR/primary" 2>/dev/null || true
    as_postgres "$PGBIN/initdb" -D "$DIR/primary" -A trust -U postgres --no-sync >/dev/null
    cat >>"$DIR/primary/postgresql.conf" <<EOF
# make cluster: a primary that streams to one replica.
wal_level = replica
max_wal_senders = 5
wal_keep_size = 256MB
hot_standby = on
hot_standby_feedback = on
max_connections = 100
shared_buffers = 64MB
timezone = 'UTC'
# A throwaway cluster: speed over durability. A real primary keeps fsync on (docs/deployment.md).
fsync = off
EOF
    pg_start primary "$PRIMARY_PORT"
    "$PGBIN/psql" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -q -c "CREATE DATABASE $DB" postgres
}

make_replica() {
    rm -rf "$DIR/replica"
    mkdir -p "$DIR/replica" && chown postgres "$DIR/replica" 2>/dev/null || true
    chmod 700 "$DIR/replica"
    # -R writes standby.signal and primary_conninfo: the copy starts as a streaming replica.
    as_postgres "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$DIR/replica" -R -X stream -c fast
    pg_start replica "$REPLICA_PORT"
}

# --- PgBouncer: transaction pooling in front of both --------------------------------------------

write_pgbouncer() {
    mkdir -p "$DIR/pgbouncer"
    cat >"$DIR/pgbouncer/pgbouncer.ini" <<EOF
[databases]
$DB = host=127.0.0.1 port=$PRIMARY_PORT dbname=$DB
${DB}_replica = host=127.0.0.1 port=$REPLICA_PORT dbname=$DB

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PGBOUNCER_PORT
unix_socket_dir =
auth_type = trust
auth_file = $DIR/pgbouncer/userlist.txt
pool_mode = transaction
max_client_conn = 400
default_pool_size = 20
; a server that is down must fail a query in seconds, not the default two minutes
server_connect_timeout = 2
server_login_retry = 1
; clients never outnumber the pool here, so a query that waits means its server is unreachable
query_wait_timeout = 2
server_check_delay = 10
ignore_startup_parameters = extra_float_digits,options
admin_users = postgres
EOF
    echo '"postgres" ""' >"$DIR/pgbouncer/userlist.txt"
    chown -R postgres "$DIR/pgbouncer" 2>/dev/null || true
}

# --- Everything else -------------------------------------------------------------------------

write_haproxy() {
    {
        cat <<EOF
global
    maxconn 2000
    stats socket ipv4@127.0.0.1:$HAPROXY_ADMIN_PORT level admin

defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    timeout queue 10s
    option http-keep-alive
    # Idempotent requests (GET, HEAD) that met a dead or failing server are sent to another one.
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response junk-response response-timeout 502 503 504

# What visitors reach: two Varnish servers, and the media store under /media/.
frontend public
    bind 127.0.0.1:$PUBLIC_PORT
    option forwardfor
    use_backend media if { path_beg /media/ }
    default_backend varnish

backend varnish
    balance roundrobin
    option httpchk GET /varnish-ping
    default-server check inter 1s fall 2 rise 2
    server varnish1 127.0.0.1:$(varnish_port varnish1)
    server varnish2 127.0.0.1:$(varnish_port varnish2)

backend media
    server s3 127.0.0.1:$S3_PORT check inter 2s

# What the Varnish servers fetch from: the app servers, checked on /healthz.
frontend apps
    bind 127.0.0.1:$APPS_PORT
    option forwardfor
    default_backend apps

backend apps
    balance leastconn
    option allbackups
    option httpchk GET /healthz
    http-check expect status 200
    default-server check inter 1s fall 2 rise 2 slowstart 5s
EOF
        for number in $(seq 1 "$APPS"); do
            echo "    server app$number 127.0.0.1:$(app_port "app$number")"
        done
        # When every server fails its check (the primary is down: /healthz answers 503), send traffic anyway:
        # anonymous pages still come from the replica and the caches, and the rest is the outage page with
        # the phone numbers, not HAProxy's own error (docs/operations.md, "Health check semantics").
        for number in $(seq 1 "$APPS"); do
            echo "    server app$number-unchecked 127.0.0.1:$(app_port "app$number") backup no-check"
        done
    } >"$DIR/haproxy.cfg"
}

start_part() {
    local name=$1
    case $name in
        primary) pg_start primary "$PRIMARY_PORT" ;;
        replica) pg_start replica "$REPLICA_PORT" ;;
        pgbouncer)
            launch pgbouncer runuser -u postgres -- pgbouncer "$DIR/pgbouncer/pgbouncer.ini"
            wait_port "$PGBOUNCER_PORT" pgbouncer
            ;;
        redis)
            mkdir -p "$DIR/redis"
            # A cache, not a store: no persistence, a memory bound, and only keys with a lifetime evicted
            # (the cache generation and the change position have none, so they are never pushed out).
            launch redis redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$DIR/redis" --save "" \
                --appendonly no --maxmemory 64mb --maxmemory-policy volatile-lru
            wait_port "$REDIS_PORT" redis
            ;;
        s3)
            launch s3 "$BIN/moto_server" -H 127.0.0.1 -p "$S3_PORT"
            wait_port "$S3_PORT" s3
            "$BIN/python" - "$S3_PORT" <<'PY'
import sys, boto3
s3 = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{sys.argv[1]}", region_name="us-east-1",
                  aws_access_key_id="cluster-not-secret", aws_secret_access_key="cluster-not-secret")
if "media" not in [bucket["Name"] for bucket in s3.list_buckets()["Buckets"]]:
    s3.create_bucket(Bucket="media")
s3.put_bucket_policy(Bucket="media", Policy='{"Version":"2012-10-17","Statement":[{"Effect":"Allow",'
                     '"Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::media/*"}]}')
PY
            ;;
        varnish1 | varnish2)
            local port
            port=$(varnish_port "$name")
            sed "s/\.port = \"8000\";/.port = \"$APPS_PORT\";/" "$ROOT/deploy/varnish/default.vcl" >"$DIR/$name.vcl"
            mkdir -p "$DIR/$name-work"
            launch "$name" varnishd -F -n "$DIR/$name-work" -a "127.0.0.1:$port" -f "$DIR/$name.vcl" \
                -s malloc,64m -T none -p ban_lurker_sleep=0.01 -p ban_cutoff=10000
            wait_http "http://127.0.0.1:$port/varnish-ping" "$name"
            ;;
        haproxy)
            launch haproxy haproxy -W -db -f "$DIR/haproxy.cfg"
            wait_port "$PUBLIC_PORT" haproxy
            ;;
        app*)
            local port
            port=$(app_port "$name")
            # shellcheck disable=SC1091
            launch "$name" bash -c "source '$DIR/env' && cd '$ROOT' && exec '$BIN/gunicorn' hospital_site.wsgi:application \
                --bind 127.0.0.1:$port --workers $GUNICORN_WORKERS --timeout 30 --graceful-timeout 10 \
                --forwarded-allow-ips 127.0.0.1 --access-logfile - --no-control-socket \
                --access-logformat '%(t)s \"%(m)s %(U)s\" %(s)s %(B)s %(M)sms'"
            wait_http "http://127.0.0.1:$port/healthz" "$name"
            ;;
        worker)
            launch worker bash -c "source '$DIR/env' && cd '$ROOT' && exec '$BIN/python' manage.py task_worker \
                --worker-id cluster-worker-1 --interval 0.2 --no-startup-delay --no-reload"
            ;;
        *) say "no part called $name"; exit 2 ;;
    esac
}

stop_part() {
    local name=$1
    case $name in
        primary | replica) pg_stop "$name" ;;
        *) stop_group "$name" ;;
    esac
}

kill_part() {
    local name=$1
    case $name in
        primary | replica) pg_stop "$name" immediate ;;
        *) signal_group "$name" KILL; rm -f "$DIR/pid/$name" ;;
    esac
}

haproxy_admin() {
    "$BIN/python" - "$HAPROXY_ADMIN_PORT" "$*" <<'PY'
import socket, sys
with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5) as s:
    s.sendall(sys.argv[2].encode() + b"\n")
    data = b""
    while chunk := s.recv(65536):
        data += chunk
print(data.decode(), end="")
PY
}

# Rolling restart of one app server: no new requests (drain), finish the ones in flight, restart, rejoin.
restart_app() {
    local name=$1
    haproxy_admin "set server apps/$name state drain" >/dev/null
    for _ in $(seq 1 100); do
        local current
        current=$(haproxy_admin "show stat" | awk -F, -v s="$name" '$1 == "apps" && $2 == s {print $5}')
        [ "${current:-0}" = 0 ] && break
        sleep 0.1
    done
    stop_group "$name"
    start_part "$name"
    haproxy_admin "set server apps/$name state ready" >/dev/null
    # Back only once HAProxy's own health checks say so: the next server's restart must not leave none.
    for _ in $(seq 1 200); do
        [ "$(server_status "$name")" = UP ] && return 0
        sleep 0.1
    done
    say "$name did not come back UP in HAProxy"
    return 1
}

server_status() {
    haproxy_admin "show stat" | awk -F, -v s="$1" '$1 == "apps" && $2 == s {print $18}'
}

up() {
    need_packages
    if [ -f "$DIR/env" ] && running haproxy; then
        say "already running in $DIR (deploy/cluster/cluster.sh down to stop it)"
        print_urls
        return 0
    fi
    rm -rf "$DIR"
    mkdir -p "$DIR/log" "$DIR/pid" "$DIR/sock" "$DIR/static"
    chmod 777 "$DIR/sock" "$DIR/log"
    chmod 755 "$DIR"
    chown postgres "$DIR/log" 2>/dev/null || true
    # A step that fails (or Ctrl-C) part of the way stops what was started, so nothing is left running.
    trap up_failed EXIT
    trap 'exit 130' INT TERM
    write_env
    say "PostgreSQL primary on $PRIMARY_PORT"
    make_primary
    say "S3-compatible media store (moto) on $S3_PORT, Redis on $REDIS_PORT"
    start_part s3
    start_part redis
    say "migrations, demo content and $PROVIDERS demo doctors on the primary"
    (
        # shellcheck disable=SC1091
        source "$DIR/env"
        cd "$ROOT"
        export DATABASE_URL=postgres://postgres@127.0.0.1:$PRIMARY_PORT/$DB
        unset DATABASE_REPLICA_URL TASKS_BACKEND FRONTEND_CACHE_URLS
        "$BIN/python" manage.py migrate --noinput -v 0
        "$BIN/python" manage.py collectstatic --noinput -v 0
        DJANGO_SETTINGS_MODULE=hospital_site.settings.dev "$BIN/python" manage.py load_demo_content >"$DIR/log/demo.log"
        DJANGO_SETTINGS_MODULE=hospital_site.settings.dev "$BIN/python" manage.py generate_demo_providers \
            --count "$PROVIDERS" >>"$DIR/log/demo.log"
        "$PGBIN/psql" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -q -c "ANALYZE" "$DB"
    )
    say "streaming replica on $REPLICA_PORT (pg_basebackup -R)"
    make_replica
    write_pgbouncer
    say "PgBouncer (transaction pooling) on $PGBOUNCER_PORT"
    start_part pgbouncer
    for number in $(seq 1 "$APPS"); do
        say "app server app$number on $(app_port "app$number")"
        start_part "app$number"
    done
    say "task worker"
    start_part worker
    say "Varnish on $(varnish_port varnish1) and $(varnish_port varnish2)"
    start_part varnish1
    start_part varnish2
    write_haproxy
    say "HAProxy on $PUBLIC_PORT (apps behind it on $APPS_PORT)"
    start_part haproxy
    wait_http "http://127.0.0.1:$PUBLIC_PORT/" haproxy
    trap - EXIT INT TERM
    print_urls
}

up_failed() {
    local code=$?
    trap - EXIT INT TERM
    say "up failed (exit $code): stopping what it started; logs kept in $DIR/log (make cluster-stop deletes them)"
    stop_all
    exit "$code"
}

print_urls() {
    cat <<EOF
The cluster is up (folder $DIR, logs in $DIR/log):
  site through HAProxy and Varnish   http://127.0.0.1:$PUBLIC_PORT/
  admin (sign in with manage.py createsuperuser, after: source $DIR/env)   http://127.0.0.1:$PUBLIC_PORT/admin/
  app servers through HAProxy        http://127.0.0.1:$APPS_PORT/   ($APPS servers, ports $(app_port app1)…)
  stop it all                        make cluster-stop
EOF
}

# Every process the cluster started, whether or not `up` got to the end.
stop_all() {
    for name in haproxy varnish1 varnish2 worker $(ls "$DIR/pid" 2>/dev/null | grep '^app' || true) pgbouncer redis s3; do
        stop_group "$name"
    done
    pg_stop replica
    pg_stop primary
}

down() {
    [ -d "$DIR" ] || { say "nothing to stop ($DIR does not exist)"; return 0; }
    stop_all
    rm -rf "$DIR"
    say "stopped; nothing left running"
}

status() {
    for name in haproxy varnish1 varnish2 $(seq -f "app%g" 1 "$APPS") worker pgbouncer redis s3; do
        if running "$name"; then echo "$name: running"; else echo "$name: stopped"; fi
    done
    for name in primary replica; do
        if [ -f "$DIR/$name/postmaster.pid" ]; then echo "$name: running"; else echo "$name: stopped"; fi
    done
}

command=${1:-up}
case $command in
    up) up ;;
    down) down ;;
    status) status ;;
    env) cat "$DIR/env" ;;
    start) start_part "$2" ;;
    stop) stop_part "$2" ;;
    kill) kill_part "$2" ;;
    restart-app) restart_app "$2" ;;
    admin) shift; haproxy_admin "$*" ;;
    *) echo "usage: $0 up|down|status|env|start NAME|stop NAME|kill NAME|restart-app NAME|admin CMD" >&2; exit 2 ;;
esac
