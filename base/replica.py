"""Reads from a PostgreSQL streaming replica, only where that is safe (docs/deployment.md).

Wagtail does not claim replica support, and some of its writes follow reads, so
the replica gets one kind of request only: an anonymous ``GET``/``HEAD`` of a public
page (no session or messages cookie, no ``Authorization``, nothing under the admin,
which includes previews, and no recent write by this client). Everything else —
every write, the admin, any signed-in request, anything after a query inside a
transaction, task workers and management commands — reads the primary.

Even an eligible request reads the replica only while it is fresh enough:

- **it answers**: a replica that fails is left alone for ``REPLICA_RETRY_SECONDS``,
  and a request that failed on it is served again from the primary (``ReplicaMiddleware``);
- **it has replayed every change visitors can see**: after each such change commits,
  ``record_change`` stores the primary's WAL position next to the cache generation,
  and the replica is used only once its replay position has passed it. This closes
  the race where a purge or a new cache generation is followed by a render from a
  replica that has not yet replayed the publish, which Varnish and the page cache
  would then keep for their whole lifetime. While the position cannot be read (the
  cache is down) reads go to the primary;
- **it is not lagging** past ``REPLICA_MAX_LAG_SECONDS``: replay is behind what it
  has received and the last replayed transaction is older than that.

A thread in each process asks the replica (one query) every ``REPLICA_CHECK_SECONDS``;
requests only read its last answer, so a replica that hangs never holds a page up.
"""

import contextlib
import os
import threading
import time

from django.conf import settings
from django.db import DatabaseError, connections
from django.utils.cache import patch_vary_headers

from . import cache
from .outage import database_down

REPLICA = "replica"
PRIMARY = "default"
# Set on a response to a write: this client reads the primary until it expires (read-your-writes).
RECENT_WRITE_COOKIE = "recent_write"
CHANGE_POSITION_KEY = "site-cache:change-wal-position"
SAFE_METHODS = ("GET", "HEAD")

_routing = threading.local()


def configured():
    """True when settings define a replica."""
    return REPLICA in settings.DATABASES


def _options():
    return settings.REPLICA


class _Health:
    """This process's last look at the replica (``_Checker``)."""

    checked_at = -1e9
    down_until = 0.0
    replayed = -1
    lag = float("inf")


_health = _Health()
_health_lock = threading.Lock()


def mark_down():
    """The replica failed a query: leave it alone until the checker sees it answer again, at most
    ``REPLICA_RETRY_SECONDS``, and drop the broken connection."""
    _health.down_until = time.monotonic() + _options()["retry_seconds"]
    _health.replayed, _health.lag = -1, float("inf")
    with contextlib.suppress(Exception):
        connections[REPLICA].close()


def _check():
    """Ask the replica how far it has replayed and how far behind it is."""
    try:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute(
                "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn() - '0/0'::pg_lsn,"
                # Nothing received and not yet replayed (after a restart it reports the segment's start): no lag.
                " CASE WHEN COALESCE(pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn(), true) THEN 0"
                " ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) END"
            )
            in_recovery, replayed, lag = cursor.fetchone()
    except DatabaseError:
        mark_down()
        return
    finally:
        _health.checked_at = time.monotonic()
    if not in_recovery or replayed is None:
        # Promoted to a primary, or not a replica at all: it no longer follows the primary we write to.
        _health.replayed, _health.lag = -1, float("inf")
        return
    # It answers: a failure a request saw before is over.
    _health.down_until = 0.0
    _health.replayed, _health.lag = int(replayed), float(lag)


class _Checker(threading.Thread):
    """Asks the replica every ``REPLICA_CHECK_SECONDS``, off the request path: a request never waits on it.

    One per process, started on first use (so after gunicorn forks its workers).
    """

    def __init__(self):
        super().__init__(daemon=True, name="replica-checker")
        self.pid = os.getpid()

    def run(self):
        while True:
            _check()
            time.sleep(_options()["check_seconds"])


_checker = None


def _ensure_checker():
    global _checker
    with _health_lock:
        if _checker is None or _checker.pid != os.getpid() or not _checker.is_alive():
            _checker = _Checker()
            _checker.start()


def _usable(needed):
    return _health.replayed >= needed and _health.lag <= _options()["max_lag_seconds"]


def replica_ready(request=None):
    """True when the replica answers, has replayed every visible change, and is not lagging."""
    _ensure_checker()
    now = time.monotonic()
    if now < _health.down_until or now - _health.checked_at > 3 * _options()["check_seconds"] + 1:
        return False  # failed lately, or not looked at lately (the checker is stuck on it)
    needed = change_position(request)
    return needed is not None and _usable(needed)


def change_position(request=None):
    """The primary's WAL position after the last change visitors can see, or None while the cache is down.

    If the cache has lost it (flushed, evicted), the primary's current position
    stands in for it: never older than the change.
    """
    if cache.generation(request) is None:
        return None
    position = cache.cache().get(CHANGE_POSITION_KEY)
    if position is None:
        position = _primary_position()
        if position is None:
            return None
        cache.cache().add(CHANGE_POSITION_KEY, position, timeout=None)
    return position


def _primary_position():
    try:
        with connections[PRIMARY].cursor() as cursor:
            cursor.execute("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")
            return int(cursor.fetchone()[0])
    except DatabaseError:
        return None


def record_change(**kwargs):
    """After a visible change commits: replicas must replay up to here before anonymous pages read them.

    Called by ``base.cache`` before it starts the new generation, so any request
    that sees the new generation also sees this position.
    """
    if not configured():
        return
    position = _primary_position()
    if position is not None:
        with contextlib.suppress(Exception):
            cache.cache().set(CHANGE_POSITION_KEY, position, timeout=None)


class _RequestRouting:
    """What one request may read from; decided on its first query, so a page cache hit costs nothing."""

    def __init__(self, request, eligible):
        self.request = request
        self.eligible = eligible
        self.use_replica = None
        self.replica_failed = False

    def reads_replica(self):
        if not self.eligible:
            return False
        if self.use_replica is None:
            self.use_replica = replica_ready(self.request)
        return self.use_replica


def eligible(request):
    """Only anonymous public GET/HEAD requests from clients that did not just write may read the replica."""
    from .middleware import personal_request, private_path

    return (
        request.method in SAFE_METHODS
        and not private_path(request.path)
        and not personal_request(request)
        and RECENT_WRITE_COOKIE not in request.COOKIES
    )


class ReplicaRouter:
    """``DATABASE_ROUTERS``: the replica for reads of eligible requests (see the module docstring), else the primary."""

    def db_for_read(self, model, **hints):
        routing = getattr(_routing, "current", None)
        if routing is None or connections[PRIMARY].in_atomic_block:
            return PRIMARY
        return REPLICA if routing.reads_replica() else PRIMARY

    def db_for_write(self, model, **hints):
        routing = getattr(_routing, "current", None)
        if routing is not None:
            # A write in a public request (Wagtail makes an image rendition on first view): its later reads
            # must see it, so the rest of the request reads the primary.
            routing.eligible, routing.use_replica = False, False
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


class ReplicaMiddleware:
    """Decide per request whether it may read the replica, retry on the primary when the replica fails,
    and mark clients that wrote so they read the primary for ``READ_YOUR_WRITES_SECONDS``.

    First in ``MIDDLEWARE`` (after security), so the page cache's own queries are routed too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not configured():
            return self.get_response(request)
        routing = _routing.current = _RequestRouting(request, eligible(request))
        try:
            response = self.get_response(request)
            if routing.replica_failed:
                # Nothing was written (an eligible request is an anonymous GET): serve it again from the primary.
                mark_down()
                routing = _routing.current = _RequestRouting(request, False)
                response = self.get_response(request)
        finally:
            _routing.current = None
        if routing.use_replica is not None or not routing.eligible:
            response["X-Database"] = "replica" if routing.use_replica else "primary"
        if request.method not in SAFE_METHODS and response.status_code < 400:
            response.set_cookie(
                RECENT_WRITE_COOKIE,
                "1",
                max_age=_options()["read_your_writes_seconds"],
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
            patch_vary_headers(response, ["Cookie"])
        return response


def request_failed(sender, request=None, **kwargs):
    """``got_request_exception``: a request that read the replica and lost the database is tried again."""
    import sys

    routing = getattr(_routing, "current", None)
    if routing is not None and routing.use_replica and database_down(sys.exception()):
        routing.replica_failed = True
