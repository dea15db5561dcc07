"""Settings for several app servers (docs/deployment.md), each switched on by an environment variable.

With none of these variables set, every function here returns what a single
server has always used: one database, the immediate task backend, media files in
``MEDIA_ROOT``, Wagtail's database search backend, at most one Varnish. ``base.py``
applies them in one block at its end, so the rest of the settings stay as they were.

| variable | turns on |
|---|---|
| ``DATABASE_REPLICA_URL`` | a streaming replica for anonymous public reads (``base.replica``) |
| ``PGBOUNCER=true`` | what Django needs behind PgBouncer in transaction pooling mode |
| ``TASKS_BACKEND=database`` | background tasks in the database, run by ``manage.py db_worker`` |
| ``FRONTEND_CACHE_URLS`` | several Varnish servers, each purged on every change |
| ``MEDIA_S3_BUCKET`` | uploaded images and documents in an S3-compatible store |
| ``SEARCH_BACKEND_URL`` | Elasticsearch or OpenSearch instead of the database's full-text search |
"""

import os

import dj_database_url

REPLICA = "replica"


def _flag(name):
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def _list(name):
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def databases(default):
    """``DATABASES``: the primary as ``default``, plus the replica when ``DATABASE_REPLICA_URL`` is set.

    Behind PgBouncer in transaction pooling mode (``PGBOUNCER=true``) two server
    transactions of one client may run on different server connections, so a named
    (server-side) cursor, which lives across transactions, must never be used.
    """
    result = {"default": dict(default)}
    replica_url = os.environ.get("DATABASE_REPLICA_URL", "").strip()
    if replica_url:
        result[REPLICA] = dj_database_url.parse(
            replica_url,
            conn_max_age=default.get("CONN_MAX_AGE", 0),
            conn_health_checks=True,
        )
        # The test runner points the replica at the primary's test database instead of making one.
        result[REPLICA]["TEST"] = {"MIRROR": "default"}
    if _flag("PGBOUNCER"):
        for alias in result.values():
            alias["DISABLE_SERVER_SIDE_CURSORS"] = True
    if len(result) > 1 or _flag("PGBOUNCER"):
        timeout = int(os.environ.get("DB_CONNECT_TIMEOUT", "3"))
        for alias in result.values():
            # A replica or a pooler that does not answer must fail a request quickly, not hang it.
            alias.setdefault("OPTIONS", {}).setdefault("connect_timeout", timeout)
    return result


def database_routers():
    """``DATABASE_ROUTERS``: the replica router only when there is a replica."""
    return ["base.replica.ReplicaRouter"] if os.environ.get("DATABASE_REPLICA_URL", "").strip() else []


def replica_settings():
    """How stale a replica may be before reads go back to the primary, and how often it is asked."""
    return {
        "max_lag_seconds": float(os.environ.get("REPLICA_MAX_LAG_SECONDS", "5")),
        "check_seconds": float(os.environ.get("REPLICA_CHECK_SECONDS", "0.5")),
        "retry_seconds": float(os.environ.get("REPLICA_RETRY_SECONDS", "5")),
        "read_your_writes_seconds": int(os.environ.get("READ_YOUR_WRITES_SECONDS", "10")),
    }


def tasks():
    """``TASKS``: run at once in the request (today's behaviour) unless ``TASKS_BACKEND=database``.

    The database backend (django-tasks-db) keeps each task as a row on the primary
    until ``manage.py db_worker`` runs it; ``manage.py recover_tasks`` puts back the
    ones a killed worker left "running" and retries failed ones (``base.tasks``).
    """
    if tasks_in_database():
        return {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def tasks_in_database():
    """True with ``TASKS_BACKEND=database``: a worker runs the tasks."""
    return os.environ.get("TASKS_BACKEND", "").strip().lower() == "database"


def frontend_caches():
    """``WAGTAILFRONTENDCACHE``: every Varnish in ``FRONTEND_CACHE_URLS`` (and ``FRONTEND_CACHE_URL``).

    Purges are sent by ``base.tasks.purge``, which retries a Varnish that did not
    answer instead of only logging it, as Wagtail's own HTTP backend does.
    """
    urls = _list("FRONTEND_CACHE_URLS")
    single = os.environ.get("FRONTEND_CACHE_URL", "").strip()
    if single and single not in urls:
        urls.insert(0, single)
    if not urls:
        return None
    names = ["proxy"] if len(urls) == 1 else [f"varnish{number}" for number in range(1, len(urls) + 1)]
    return {
        name: {"BACKEND": "base.frontend_cache.StrictHTTPBackend", "LOCATION": url}
        for name, url in zip(names, urls, strict=True)
    }


def media_storage(default):
    """``STORAGES["default"]``: the S3-compatible store in ``MEDIA_S3_BUCKET``, else files in ``MEDIA_ROOT``.

    ``file_overwrite`` is off: Wagtail names renditions and uploads itself and
    expects a name that is taken to get a new one, never to replace another file.
    ``MEDIA_S3_CUSTOM_DOMAIN`` is the host (and path) that serves the bucket to
    browsers; pointing it at the site itself (a proxy routes ``/media/`` to the
    store) keeps images under the Content-Security-Policy's ``img-src 'self'``.
    """
    bucket = os.environ.get("MEDIA_S3_BUCKET", "").strip()
    if not bucket:
        return default
    options = {
        "bucket_name": bucket,
        "file_overwrite": False,
        "default_acl": None,
        "querystring_auth": False,
        "region_name": os.environ.get("MEDIA_S3_REGION", "us-east-1"),
    }
    if os.environ.get("MEDIA_S3_ENDPOINT_URL"):
        options["endpoint_url"] = os.environ["MEDIA_S3_ENDPOINT_URL"]
    if os.environ.get("MEDIA_S3_CUSTOM_DOMAIN"):
        options["custom_domain"] = os.environ["MEDIA_S3_CUSTOM_DOMAIN"]
        options["url_protocol"] = os.environ.get("MEDIA_S3_URL_PROTOCOL", "https:")
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def search_backends(default):
    """``WAGTAILSEARCH_BACKENDS``: Elasticsearch or OpenSearch at ``SEARCH_BACKEND_URL``, else ``default``.

    ``SEARCH_BACKEND`` names the modelsearch backend module (``elasticsearch8``,
    ``elasticsearch9``, ``opensearch2``, ``opensearch3``); its Python client must be
    installed (``elasticsearch`` or ``opensearch-py``). ``manage.py update_index``
    fills a new index.
    """
    url = os.environ.get("SEARCH_BACKEND_URL", "").strip()
    if not url:
        return default
    engine = os.environ.get("SEARCH_BACKEND", "elasticsearch8").strip()
    return {
        "default": {
            "BACKEND": f"wagtail.search.backends.{engine}",
            "URLS": [url],
            "INDEX": os.environ.get("SEARCH_INDEX", "hospital"),
            "TIMEOUT": int(os.environ.get("SEARCH_TIMEOUT", "5")),
            "AUTO_UPDATE": True,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
