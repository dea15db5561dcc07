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

from tests.faults import listening
from tests.helpers import PROJECT_ROOT

SCRIPT = PROJECT_ROOT / "deploy" / "cluster" / "cluster.sh"
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


def need_engines():
    missing = missing_engines()
    if missing:
        message = f"{', '.join(missing)} not found: the cluster fault runs were NOT run (bash .ci/cluster-tools.sh)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def cluster_sh(command, env=None, timeout=300):
    return subprocess.run(["bash", str(SCRIPT), command], capture_output=True, text=True, timeout=timeout, env=env)


def listening_ports(base):
    """Every port the cluster uses (``CLUSTER_PORT_BASE`` to S3's, +61) that something still listens on."""
    return [port for port in range(base, base + 62) if listening(port)]


@pytest.fixture(scope="module")
def bench():
    need_engines()
    os.environ.setdefault("CLUSTER_DIR", "/tmp/hospital-cluster-test")
    os.environ.setdefault("CLUSTER_PORT_BASE", "8500")
    up = cluster_sh("up", timeout=1200)
    try:
        assert up.returncode == 0, up.stdout + up.stderr
        spec = importlib.util.spec_from_file_location("bench_cluster", PROJECT_ROOT / "bench" / "cluster.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module
    finally:
        down = cluster_sh("down")
    # make cluster-stop's promise: nothing left running, nothing left behind.
    assert down.returncode == 0, down.stdout + down.stderr
    assert listening_ports(int(os.environ["CLUSTER_PORT_BASE"])) == [], "still listening after down"
    assert not Path(os.environ["CLUSTER_DIR"]).exists()


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_the_cluster_keeps_serving_when_a_part_is_broken(bench, scenario):
    row = bench.SCENARIOS[scenario]()
    print(bench.table([row]))
    assert row.ok, row.checks


def test_a_cluster_that_fails_half_way_up_stops_what_it_started():
    """A step of ``up`` fails after PostgreSQL, Redis and the S3 store have started (here: loading the demo
    doctors, given a count that is not a number): they are stopped, and the logs are kept."""
    need_engines()
    folder = Path(os.environ.get("CLUSTER_DIR", "/tmp/hospital-cluster-test") + "-failed-up")
    base = int(os.environ.get("CLUSTER_PORT_BASE", "8500")) + 100
    env = {**os.environ, "CLUSTER_DIR": str(folder), "CLUSTER_PORT_BASE": str(base), "CLUSTER_PROVIDERS": "many"}
    try:
        up = cluster_sh("up", env=env, timeout=1200)

        assert up.returncode != 0
        assert "PostgreSQL primary on" in up.stderr and "up failed" in up.stderr, up.stderr
        assert listening_ports(base) == [], f"left running after a failed up:\n{up.stderr}"
        assert "invalid int value: 'many'" in up.stderr, "it says why"
        assert (folder / "log" / "demo.log").exists(), "the logs are kept for a look"
    finally:
        cluster_sh("down", env=env)
    assert not folder.exists()
