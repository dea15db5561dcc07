"""The site's caches, and how a change reaches them.

Everything cached here — whole anonymous pages, the site settings row, the
menu, the Wagtail ``Site`` for a host name — lives in Django's cache framework
under keys that start with the current *generation*: a random token stored in
the cache itself. Any change a visitor could see (a page published, unpublished,
moved or deleted; site settings saved; a provider edited) replaces the token,
so every old key is orphaned at once and expires on its own. One write
invalidates everything, which is correct by construction: no list of "pages
that show this doctor" to keep right. Publishing is rare next to reading, and
the next visitor to each page re-renders it.

A reverse proxy in front (Varnish, a CDN) is told through Wagtail's frontend
cache (``wagtail.contrib.frontend_cache``): page events ban the whole site,
provider events ban Find a Doctor and the condition pages that list doctors.
Purges go out once per transaction, after it commits, so an import of a
thousand providers sends one round of purges and no proxy can re-fetch a page
before the change is visible in the database.

The generation lives in the cache, so it is shared exactly as widely as the
cached pages: per machine with the file cache, across app servers with Redis.

When the cache server is down (Redis; django-redis turns its errors into misses),
``generation`` is None and nothing is read or stored: pages are rendered. Each
process that saw the outage starts a new generation once the cache answers again,
because a change made meanwhile could not replace the token.
"""

import logging
import threading
import time
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.dispatch import Signal

GENERATION_KEY = "site-cache:generation"
# A purge target meaning "every URL on the site" (see deploy/varnish/default.vcl).
EVERYTHING = "/*"

# After the cache fails to answer, how long each worker serves pages without it before trying again.
CACHE_RETRY_SECONDS = 5

logger = logging.getLogger(__name__)
# Sent after a visible change commits, before the new generation starts (base.replica records
# the primary's WAL position on it, so no request sees the new generation before the position).
change_committed = Signal()
_pending = threading.local()
# Values each worker also keeps in its own memory, by full key (which carries the generation),
# so a page view reads only the generation from the shared cache: see get_or_set().
_in_process = {}
IN_PROCESS_ENTRIES = 500


class _Outage:
    """This process's view of the cache server: down since a failed read or write, and when to try again."""

    down = False
    retry_at = 0.0


_outage = _Outage()


def cache():
    """The cache that holds pages and site data (``PAGE_CACHE_ALIAS``, "default" unless set)."""
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def generation(request=None):
    """The current generation token, or None while the cache cannot be reached.

    Read once per request when a request is given. None means "cache nothing now":
    callers compute what they need and store nothing (see ``key`` and ``get_or_set``).
    """
    if request is not None and hasattr(request, "_site_cache_generation"):
        return request._site_cache_generation
    value = _read_generation()
    if request is not None:
        request._site_cache_generation = value
    return value


def _read_generation():
    if time.monotonic() < _outage.retry_at:
        return None
    store = cache()
    value = store.get(GENERATION_KEY)
    if value is None:
        # Lost (evicted, flushed, first start): a new token orphans whatever was cached
        # before, so a lost generation can never bring an old page back.
        token = uuid.uuid4().hex
        value = token if store.add(GENERATION_KEY, token, timeout=None) else store.get(GENERATION_KEY)
    if value is None:
        # Neither read nor written: the cache server is down. Try again in a few seconds,
        # not on every request, so a cache that hangs cannot slow every page.
        if not _outage.down:
            logger.error("Cache unreachable: serving pages without it until it answers again.")
        _outage.down = True
        _outage.retry_at = time.monotonic() + CACHE_RETRY_SECONDS
        return None
    if _outage.down:
        # Back. A publish during the outage could not change the token, so pages stored
        # before it may be stale: start a new generation to orphan them all.
        _outage.down = False
        logger.warning("Cache reachable again: starting a new cache generation.")
        value = new_generation()
    return value


def key(request, *parts):
    """A cache key valid until the next change to the site; None while the cache is unreachable."""
    current = generation(request)
    if current is None:
        return None
    return ":".join(["site-cache", current, *map(str, parts)])


def get_or_set(request, parts, compute, timeout=None, keep_in_process=False):
    """The cached value for ``parts`` in this generation, computing and storing it when missing.

    Values are wrapped so that a computed ``None`` is cached too; while the cache
    server is down the value is simply computed. A value is read from the shared
    cache once per request. With ``keep_in_process`` the worker also keeps it in
    memory until it expires, so later requests in the same generation skip the
    shared cache (a file read and unpickling) altogether; only for values nobody
    modifies, since every request of the worker then gets the same object.
    """
    timeout = timeout or settings.PAGE_CACHE_SECONDS
    cache_key = key(request, *parts)
    if cache_key is None:
        # The cache server is down: compute, keep nothing (not even in this worker).
        return compute()
    seen = getattr(request, "_site_cache_values", None) if request is not None else None
    if seen is not None and cache_key in seen:
        return seen[cache_key]
    kept = _in_process.get(cache_key) if keep_in_process else None
    if kept is not None and kept[0] > time.monotonic():
        value = kept[1]
    else:
        store = cache()
        found = store.get(cache_key)
        if found is not None:
            value = found[0]
        else:
            value = compute()
            store.set(cache_key, (value,), timeout)
        if keep_in_process:
            _keep(cache_key, value, timeout)
    if request is not None:
        if seen is None:
            seen = request._site_cache_values = {}
        seen[cache_key] = value
    return value


def _keep(cache_key, value, timeout):
    _in_process[cache_key] = (time.monotonic() + timeout, value)
    while len(_in_process) > IN_PROCESS_ENTRIES:
        # Oldest first; another thread may have dropped it already.
        try:
            _in_process.pop(next(iter(_in_process)))
        except (KeyError, RuntimeError, StopIteration):
            break


def new_generation():
    """Orphan everything cached so far; returns the new token."""
    token = uuid.uuid4().hex
    store = cache()
    store.set(GENERATION_KEY, token, timeout=None)
    if store.get(GENERATION_KEY) is None:
        # Not written (the cache server is down; django-redis ignores the error): when
        # it answers again, the first request that reads the generation starts a new one.
        _outage.down = True
    return token


def invalidate(paths=(EVERYTHING,)):
    """Something visitors can see changed: drop our caches now and purge ``paths`` from the proxy after commit.

    ``paths`` are site paths ("/find-a-doctor/", "/conditions/x/"); a path ending
    in "*" means every URL that starts with it. The generation changes at once (so
    the rest of this request, and tests, see the change) and again after commit,
    so a page rendered from the old rows while the transaction was open is not kept.
    """
    new_generation()
    pending = getattr(_pending, "paths", None)
    if pending is None:
        pending = _pending.paths = set()
    pending.update(paths)
    # Registered every time (a rolled-back transaction drops its callbacks);
    # the first callback after commit does the work, the rest find nothing to do.
    transaction.on_commit(_flush, robust=True)


def discard_pending_purges():
    """Forget purges waiting for a commit that will never come (a rolled-back test transaction).

    After a real rollback they are simply sent with the next commit: one purge too many, never one too few.
    """
    _pending.paths = set()


def _flush():
    paths = getattr(_pending, "paths", None)
    if not paths:
        return
    _pending.paths = set()
    change_committed.send(sender=None)
    new_generation()
    purge_from_proxy(paths)


def purge_from_proxy(paths):
    """Purge ``paths`` on every site from every proxy in ``WAGTAILFRONTENDCACHE``, when there is one.

    Sent at once, after the commit: each proxy gets one ban per path (``/*`` for a
    publish), so this is a request or two per proxy, and a publish is visible within a
    second even while the task worker is away. A proxy that refuses or does not answer
    (``StrictHTTPBackend``'s timeout) gets the purge again as a background task, retried
    until it confirms (``base.tasks.purge``); with the immediate task backend (no
    worker) it is logged as an error.
    """
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.models import Site

    from . import tasks

    if EVERYTHING in paths:
        paths = {EVERYTHING}
    roots = {site.root_url for site in Site.objects.all()} or {settings.WAGTAILADMIN_BASE_URL}
    urls = sorted(root.rstrip("/") + path for root in roots for path in paths)
    failed = tasks.purge_each(urls)
    if not failed:
        return
    if tasks.immediate(tasks.purge):
        logger.error("Pages may be stale in %s until they expire: the purge failed.", ", ".join(sorted(failed)))
        return
    tasks.purge.enqueue(urls, sorted(failed))


def page_path(page):
    """The path of a page on its site ("/conditions/acute-lymphoblastic-leukemia/"), or None if it has none."""
    url = page.get_url()
    return urlsplit(url).path if url else None


class CachedViewRestrictionsMixin:
    """For page models: skip Wagtail's two privacy queries per page view while no page is private.

    Wagtail checks a page's view restrictions (its own and its ancestors') on
    every serve. Whether any restriction exists at all is cached per generation,
    and saving or deleting one starts a new generation.
    """

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if not any_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def any_view_restrictions(request=None):
    """Whether any page is private (a password, a login, a group): almost never, so cached per generation."""
    from wagtail.models import PageViewRestriction

    return get_or_set(request, ["any-view-restrictions"], PageViewRestriction.objects.exists, keep_in_process=True)
