"""The suite runs on every core (pytest-xdist): workers must never share a port or a database."""

import os

import pytest
from django.db import connection

from tests.faults import ports_for_this_worker


def test_each_worker_takes_its_own_share_of_the_fault_test_ports():
    listed = "55440,55441,55442,55443,55444"
    shares = [set(ports_for_this_worker(listed, f"gw{n}", 2)) for n in range(2)]
    assert shares[0].isdisjoint(shares[1])
    assert shares[0] | shares[1] == {55440, 55441, 55442, 55443, 55444}
    # One process (no xdist, or one worker) keeps the whole list, in order.
    assert ports_for_this_worker(listed, "", 1) == [55440, 55441, 55442, 55443, 55444]
    assert ports_for_this_worker(listed, "gw0", 1) == [55440, 55441, 55442, 55443, 55444]


@pytest.mark.django_db
def test_each_worker_has_a_test_database_of_its_own():
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        pytest.skip("not under pytest-xdist (make test runs it with -n auto): nothing to keep apart")
    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        return  # each worker is its own process, and an in-memory database lives in one process
    # A file or a server database: pytest-django names it after the worker (test_postgres_gw0, ...).
    assert name.endswith(f"_{worker}"), name
