"""Anonymous pages read a streaming replica, and never an out-of-date one.

Real servers: a throwaway PostgreSQL primary, a hot standby made with
``pg_basebackup -R``, a throwaway Redis and gunicorn with production settings and
``DATABASE_REPLICA_URL``. The race this closes: after a publish, the next anonymous
request renders on a replica that has not replayed it yet, and the page cache (or
Varnish) keeps the old page for its whole lifetime. Replay is paused on purpose
(``pg_wal_replay_pause()``) to make the replica as late as it can be. The whole
cluster (HAProxy, PgBouncer, two Varnish, …) is tests/cluster.
"""

import secrets
import time

import pytest

from tests.faults import (
    AppServer,
    RedisServer,
    StreamingReplica,
    prepare_site,
    production_env,
    set_hospital_name,
    started_on_a_free_port,
    wait_until,
)


@pytest.fixture
def primary(postgres):
    return postgres


@pytest.fixture
def replica(primary):
    standby = StreamingReplica(primary)
    try:
        started_on_a_free_port(standby)
    except BaseException:
        standby.remove()
        raise
    yield standby
    standby.remove()


@pytest.fixture
def redis(tmp_path):
    server = RedisServer(tmp_path)
    started_on_a_free_port(server)
    yield server
    server.remove()


def fresh_search(app):
    """A search nobody made before: never from the page cache, so it reads a database."""
    status, headers, body = app.get(f"/search/?q=leukemia+{secrets.token_hex(4)}")
    assert status == 200, body[:500]
    return headers["X-Database"]


def test_anonymous_reads_use_the_replica_only_once_it_has_replayed_every_published_change(
    primary, replica, redis, tmp_path
):
    env = production_env(
        tmp_path,
        primary.url,
        DATABASE_REPLICA_URL=replica.url,
        REDIS_URL=redis.url,
        REPLICA_CHECK_SECONDS="0.2",
        REPLICA_RETRY_SECONDS="1",
        RATELIMIT_ENABLE="false",
    )
    prepare_site(env)
    app = AppServer(env, tmp_path)
    try:
        wait_until(lambda: fresh_search(app) == "replica", timeout=30, what="reads from the replica")
        assert app.get("/admin/login/")[1]["X-Database"] == "primary", "the admin never reads the replica"
        assert "Fault Test Hospital" in app.get("/")[2]

        # The replica stops replaying; an administrator renames the hospital on the primary.
        replica.sql("SELECT pg_wal_replay_pause()")
        set_hospital_name(env, "Renamed While The Replica Waits")
        assert replica.sql("SELECT hospital_name FROM base_sitesettings") == "Fault Test Hospital", "it is late"

        # Parents see the new name at once, from the primary, and that is what gets cached.
        for _ in range(3):
            status, headers, body = app.get("/")
            assert status == 200
            assert "Renamed While The Replica Waits" in body
            assert "Fault Test Hospital" not in body
        assert fresh_search(app) == "primary"

        replica.sql("SELECT pg_wal_replay_resume()")
        wait_until(lambda: fresh_search(app) == "replica", timeout=30, what="the replica to catch up")
        assert "Renamed While The Replica Waits" in app.get("/")[2]

        # The replica goes away: every page still serves, from the primary; it comes back and takes reads again.
        replica.stop()
        for _ in range(5):
            assert fresh_search(app) == "primary"
        replica.start()
        wait_until(lambda: fresh_search(app) == "replica", timeout=30, what="reads from the restarted replica")
        log = app.log()
        assert "Internal Server Error" not in log, log
    finally:
        app.stop()


def test_a_replica_lagging_past_the_bound_is_not_read_even_when_nothing_visible_changed(
    primary, replica, redis, tmp_path
):
    """``REPLICA_MAX_LAG_SECONDS``: replay stuck behind what the replica received (a long query holding it, a
    slow disk). No visible change is waiting, so only the bound moves reads to the primary."""
    bound = 3
    env = production_env(
        tmp_path,
        primary.url,
        DATABASE_REPLICA_URL=replica.url,
        REDIS_URL=redis.url,
        REPLICA_CHECK_SECONDS="0.2",
        REPLICA_MAX_LAG_SECONDS=str(bound),
        RATELIMIT_ENABLE="false",
    )
    prepare_site(env)
    app = AppServer(env, tmp_path)
    try:
        wait_until(lambda: fresh_search(app) == "replica", timeout=30, what="reads from the replica")
        # A write visitors cannot see (a draft, a log entry), replayed: the last replayed transaction is now.
        primary.sql("CREATE TABLE lag_probe (n int); INSERT INTO lag_probe VALUES (1)")
        wait_until(lambda: replica.sql("SELECT count(*) FROM pg_tables WHERE tablename = 'lag_probe'") == 1)
        replayed_at = time.monotonic()

        # Replay stops; the primary writes on, invisibly. The replica receives that WAL but does not apply it.
        replica.sql("SELECT pg_wal_replay_pause()")
        primary.sql("INSERT INTO lag_probe VALUES (2)")
        wait_until(
            lambda: replica.sql("SELECT pg_last_wal_receive_lsn() > pg_last_wal_replay_lsn()"),
            what="the replica to receive WAL it does not replay",
        )
        # Each answer until the first from the primary: (seconds since the last replayed change, database).
        answers = []
        while time.monotonic() - replayed_at < bound + 5:
            answers.append((time.monotonic() - replayed_at, fresh_search(app)))
            if answers[-1][1] == "primary":
                break
        switched = answers[-1][0] if answers[-1][1] == "primary" else None
        assert switched is not None, f"still reading the replica {bound + 5} s after its last replayed change"
        assert switched >= bound - 0.5, f"reads left a replica {switched:.1f} s behind, inside the {bound} s bound"
        assert [elapsed for elapsed, _database in answers if elapsed < bound - 1], "the replica read inside the bound"
        for _ in range(3):
            assert fresh_search(app) == "primary", "and stay there while it lags"

        replica.sql("SELECT pg_wal_replay_resume()")
        wait_until(lambda: fresh_search(app) == "replica", timeout=30, what="the replica to catch up")
        assert replica.sql("SELECT count(*) FROM lag_probe") == 2
        log = app.log()
        assert "Internal Server Error" not in log, log
    finally:
        app.stop()
