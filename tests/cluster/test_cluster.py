"""The whole cluster of ``make cluster`` broken under load: every scenario of bench/cluster.py is a test.

It starts about a dozen servers and loads the demo site (a few minutes), so it runs
only when asked: ``CLUSTER_TESTS=1`` (the cluster step of .ci/run, after .ci/cluster-tools.sh). Otherwise
every test is skipped with a message saying how to run it. The faster subset that
``make test`` always runs (a real primary and replica under gunicorn) is
tests/integration/test_replica.py.
"""

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import PROJECT_ROOT

SCENARIOS = ["app", "replica", "primary", "redis", "varnish", "rolling", "worker", "publish", "flood", "scale"]
ENGINES = ["haproxy", "varnishd", "pgbouncer", "redis-server", "wrk"]

pytestmark = pytest.mark.skipif(
    os.environ.get("CLUSTER_TESTS") != "1",
    reason="the cluster fault runs were NOT run: CLUSTER_TESTS=1 runs them (CI does; make cluster-bench prints them)",
)


def missing_engines():
    path = os.environ.get("PATH", "") + ":/usr/sbin"
    missing = [name for name in ENGINES if not shutil.which(name, path=path)]
    if not list(Path("/usr/lib/postgresql").glob("*/bin/pg_basebackup")):
        missing.append("pg_basebackup (postgresql)")
    return missing


@pytest.fixture(scope="module")
def bench():
    missing = missing_engines()
    if missing:
        message = f"{', '.join(missing)} not found: the cluster fault runs were NOT run (bash .ci/cluster-tools.sh)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    os.environ.setdefault("CLUSTER_DIR", "/tmp/hospital-cluster-test")
    os.environ.setdefault("CLUSTER_PORT_BASE", "8500")
    script = PROJECT_ROOT / "deploy" / "cluster" / "cluster.sh"
    up = subprocess.run(["bash", str(script), "up"], capture_output=True, text=True, timeout=1200)
    try:
        assert up.returncode == 0, up.stdout + up.stderr
        spec = importlib.util.spec_from_file_location("bench_cluster", PROJECT_ROOT / "bench" / "cluster.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module
    finally:
        subprocess.run(["bash", str(script), "down"], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_the_cluster_keeps_serving_when_a_part_is_broken(bench, scenario):
    row = bench.SCENARIOS[scenario]()
    print(bench.table([row]))
    assert row.ok, row.checks
