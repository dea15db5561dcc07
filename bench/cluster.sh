#!/usr/bin/env bash
# Kill parts of `make cluster` under load and print what parents saw (bench/cluster.py; bench/README.md).
#
#   bash bench/cluster.sh                    every scenario; starts the cluster if needed, stops it after
#   bash bench/cluster.sh app replica        some scenarios
#   bash bench/cluster.sh --strict           exit 1 if any check failed (CI runs tests/cluster instead)
#
# CLUSTER_BENCH_SECONDS (8) per load run, CLUSTER_BENCH_CONNECTIONS (8); CLUSTER_KEEP=1 leaves a cluster
# this script started running. Loopback only; every run is bounded in time.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export PATH=$PATH:/usr/sbin
command -v wrk >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
started=""
state=$(bash "$ROOT/deploy/cluster/cluster.sh" status 2>/dev/null || true)
if ! grep -q "^haproxy: running" <<<"$state"; then
    bash "$ROOT/deploy/cluster/cluster.sh" up
    started=1
fi
stop() {
    if [ -n "$started" ] && [ -z "${CLUSTER_KEEP:-}" ]; then bash "$ROOT/deploy/cluster/cluster.sh" down; fi
}
trap stop EXIT
"$ROOT/.venv/bin/python" "$ROOT/bench/cluster.py" "$@"
