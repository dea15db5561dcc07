"""What the tests that start real servers share."""

import pytest

from tests.faults import PostgresCluster, started_on_a_free_port


@pytest.fixture
def postgres():
    """A PostgreSQL server of the test's own, on a free port; removed afterwards, even if it failed to start."""
    cluster = PostgresCluster()
    try:
        started_on_a_free_port(cluster)
    except BaseException:
        cluster.remove()
        raise
    yield cluster
    cluster.remove()
