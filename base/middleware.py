"""HTTP caching and security headers: whole-page cache for anonymous visitors, the headers a CDN needs, CSP.

Also Wagtail's redirects, kept off the URLs that must never redirect (``RedirectMiddleware``).

Order in ``MIDDLEWARE`` (outermost first): ``SecurityHeadersMiddleware`` (CSP,
Permissions-Policy, so cached pages get the current policy), ``ConditionalGetMiddleware`` (ETag,
304), ``PageCacheMiddleware``, ``CacheHeadersMiddleware``, then sessions, CSRF,
authentication and the rest. A cache hit is answered before sessions,
authentication or URL routing run; the headers middleware sees the final
response, cookies included, so it can tell a personal response from a public one.
"""

import contextlib
import hashlib
import re
from urllib.parse import urlencode

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse, QueryDict
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers, set_response_etag
from wagtail.contrib.redirects.middleware import RedirectMiddleware as WagtailRedirectMiddleware
from wagtail.models import Site

from . import cache

# Cookies that mean the page may be personal: a logged-in session, flash messages.
PERSONAL_COOKIES = ("sessionid", "messages")
CACHEABLE_STATUSES = {200}
# Part of every page key: change it when the stored shape (status, headers, body) changes,
# so a deploy never reads entries written by the previous release.
PAGE_FORMAT = "v1"
# Pages each worker also keeps in its own memory (about 30 KB each).
RECENT_PAGES = 200
PUBLIC_STATUSES = {200, 301, 404, 410}
# A page that read its query string as a whole depends on every parameter.
EVERY_PARAMETER = "*"


class RecordingQueryDict(QueryDict):
    """``request.GET`` that remembers which parameters the view read, so the page cache can ignore the rest.

    Reading one parameter (``get``, ``[]``, ``getlist``, ``in``) records its name,
    present or not; anything that reads them all (iterating, ``items``, ``copy``,
    ``urlencode``) records ``EVERY_PARAMETER``. ``bool()``/``len()`` record nothing: a
    form bound to parameters it does not know renders as an unbound one.
    """

    def _record(self, name):
        self.__dict__.setdefault("read", set()).add(name)

    def __getitem__(self, key):
        self._record(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self._record(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self._record(key)
        return super().getlist(key, default)

    def __contains__(self, key):
        self._record(key)
        return super().__contains__(key)


def _reads_everything(name):
    def method(self, *args, **kwargs):
        self._record(EVERY_PARAMETER)
        return getattr(QueryDict, name)(self, *args, **kwargs)

    method.__name__ = name
    return method


for _name in ("__iter__", "keys", "values", "items", "lists", "dict", "copy", "urlencode", "__copy__", "__deepcopy__"):
    setattr(RecordingQueryDict, _name, _reads_everything(_name))


def _recording(query, only=None):
    """A ``RecordingQueryDict`` of ``query`` (a QueryDict), keeping only the names in ``only`` when given."""
    recorder = RecordingQueryDict(mutable=True)
    for name, values in QueryDict.lists(query):
        if only is None or name in only:
            QueryDict.setlist(recorder, name, values)
    recorder._mutable = False
    recorder.read = set()
    return recorder


def private_path(path):
    """Admin, previews and anything else under PRIVATE_PATH_PREFIXES is never cached."""
    return path.startswith(tuple(settings.PRIVATE_PATH_PREFIXES))


def personal_request(request):
    """True when the visitor may be logged in or has something of their own to see."""
    names = {settings.SESSION_COOKIE_NAME, *PERSONAL_COOKIES}
    return any(name in request.COOKIES for name in names) or "HTTP_AUTHORIZATION" in request.META


def _cached_site(request):
    """The Wagtail Site for this host (root page loaded, specific form included), from the cache."""

    def find():
        site = Site._find_for_request(request)
        if site is not None:
            # Specific now, so routing starts without a query and HomePage.localized finds the
            # page in the request's language from the site cache.
            site.root_page = site.root_page.specific
        return site

    return cache.get_or_set(request, ["site", request._get_raw_host(), request.get_port()], find, keep_in_process=True)


class PageCacheMiddleware:
    """Serve anonymous GETs of public pages from Django's cache; store the ones that are safe to share.

    Never for logged-in staff, previews, the admin, or any request carrying a
    session or messages cookie; never stores a response that sets a cookie or
    says ``private``/``no-store``/``no-cache``. Keys carry the cache generation
    (``base.cache``), so publishing a page or editing a provider makes
    every stored page stale at once.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        # Keys carry the generation, so an entry here goes stale with the shared cache.
        self._recent = {}

    def __call__(self, request):
        if private_path(request.path):
            return self.get_response(request)
        page_key = parameters = None
        if settings.PAGE_CACHE_ENABLED and request.method == "GET" and not personal_request(request):
            # None while the cache server is down: the page is rendered and not stored.
            parameters = self._parameters(request)
            page_key = self._key(request, parameters)
            stored = self._recent.get(page_key) if page_key else None
            if stored is None and page_key:
                stored = cache.cache().get(page_key)
                if stored is not None:
                    self._remember(page_key, stored)
            if stored is not None:
                return self._response(stored)
            if page_key and request.GET:
                # Render as if only the parameters this page reads were sent, so the page stored under
                # the key cannot differ from what that key means; record what it reads to check.
                only = None if parameters in (None, EVERY_PARAMETER) else set(parameters)
                request.GET = _recording(request.GET, only)
        # Wagtail looks the site up on every request; this saves that query on public pages.
        # Without a database (health checks during an outage) the view decides what to say.
        with contextlib.suppress(DatabaseError):
            request._wagtail_site = _cached_site(request)
        response = self.get_response(request)
        if page_key and self._storable(response):
            page_key = self._key_after_render(request, parameters, page_key)
        if page_key and self._storable(response):
            set_response_etag(response)
            stored = (response.status_code, list(response.items()), response.content)
            cache.cache().set(page_key, stored, settings.PAGE_CACHE_SECONDS)
            self._remember(page_key, stored)
            response["X-Page-Cache"] = "miss"
        return response

    def _parameters(self, request):
        """The query parameters this path's page reads, as learnt from its last render; None if not known yet.

        Only looked up when there is a query string: without one every page has one key.
        """
        if not request.META.get("QUERY_STRING"):
            return ()
        key = self._parameters_key(request)
        return cache.cache().get(key) if key else None

    def _parameters_key(self, request):
        path = f"{request.scheme}://{request._get_raw_host()}{request.path}"
        return cache.key(request, "page-parameters", PAGE_FORMAT, hashlib.sha256(path.encode()).hexdigest())

    def _key_after_render(self, request, parameters, page_key):
        """The key to store a page under, now that the render showed which parameters it read; None: don't store."""
        read = getattr(request.GET, "read", None)
        if read is None or parameters == EVERY_PARAMETER:
            return page_key
        used = EVERY_PARAMETER if EVERY_PARAMETER in read else tuple(sorted(read))
        if parameters is None:
            # The first render with a query string in this generation: learn what the page reads.
            cache.cache().set(self._parameters_key(request), used, settings.PAGE_CACHE_SECONDS)
            return self._key(request, used)
        if used == EVERY_PARAMETER or not set(used) <= set(parameters):
            # The page reads more than it did: learn it, and keep nothing rendered without it.
            learnt = EVERY_PARAMETER if used == EVERY_PARAMETER else tuple(sorted(set(used) | set(parameters)))
            cache.cache().set(self._parameters_key(request), learnt, settings.PAGE_CACHE_SECONDS)
            return None
        return page_key

    def _remember(self, page_key, stored):
        """Keep recent pages in this process too: a hit then costs one small read (the generation)."""
        self._recent[page_key] = stored
        if len(self._recent) > RECENT_PAGES:
            # Oldest first; another thread may have dropped it already.
            with contextlib.suppress(KeyError, RuntimeError, StopIteration):
                self._recent.pop(next(iter(self._recent)))

    @staticmethod
    def _response(stored):
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response

    def _key(self, request, parameters=EVERY_PARAMETER):
        """The page's key in this generation, from the parameters it reads; None while the cache server is down.

        Parameters a page does not read make no key of their own: ``/conditions/x/?r=123``
        is ``/conditions/x/``, so a flood of made-up query strings neither fills the cache
        nor pushes real pages out of it. Until a page's parameters are known (its first
        render in a generation) the whole query string is the key, as before.
        """
        if parameters is None or parameters == EVERY_PARAMETER:
            url = request.build_absolute_uri()
        else:
            query = urlencode(
                sorted((name, value) for name in parameters for value in QueryDict.getlist(request.GET, name))
            )
            url = f"{request.scheme}://{request._get_raw_host()}{request.path}?{query}"
        return cache.key(request, "page", PAGE_FORMAT, hashlib.sha256(url.encode()).hexdigest())

    def _storable(self, response):
        if response.status_code not in CACHEABLE_STATUSES or response.streaming or response.cookies:
            return False
        directives = response.get("Cache-Control", "").lower()
        return not any(word in directives for word in ("private", "no-store", "no-cache"))


class CacheHeadersMiddleware:
    """``Cache-Control`` and ``Vary`` for every response.

    Personal responses (admin, previews, logged-in visitors, anything that sets
    a cookie such as a form's CSRF token) get ``private, no-store``. Public pages
    get ``public, max-age`` for browsers and ``s-maxage`` for shared caches,
    which are purged on publish; ``Vary: Cookie`` because staff see the Wagtail
    user bar on the same URLs. A view that set its own ``Cache-Control`` keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self._personal(request, response):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        elif not response.has_header("Cache-Control") and request.method in ("GET", "HEAD"):
            if response.status_code in PUBLIC_STATUSES:
                patch_cache_control(
                    response,
                    public=True,
                    max_age=settings.BROWSER_CACHE_SECONDS,
                    s_maxage=settings.SHARED_CACHE_SECONDS,
                )
            patch_vary_headers(response, ["Cookie"])
        return response

    def _personal(self, request, response):
        if private_path(request.path) or response.cookies:
            return True
        user = getattr(request, "user", None)
        return settings.SESSION_COOKIE_NAME in request.COOKIES and user is not None and user.is_authenticated


class SecurityHeadersMiddleware(CSPMiddleware):
    """Content-Security-Policy and Permissions-Policy on every response (docs/security.md).

    Public pages get the strict ``CONTENT_SECURITY_POLICY``: no scripts at all
    (JSON-LD is data, which CSP does not block), styles and images from this
    origin only, never framed. The Wagtail admin, its previews, and public
    pages seen by logged-in staff (the user bar) get ``ADMIN_CONTENT_SECURITY_POLICY``,
    which allows the inline styles and scripts Wagtail's admin still uses.
    Placed outside the page cache, so a cached page gets today's policy.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and self._staff_view(request):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if settings.PERMISSIONS_POLICY and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = settings.PERMISSIONS_POLICY
        return response

    @staticmethod
    def _staff_view(request):
        if private_path(request.path):
            return True
        # Only a session cookie can mean staff; checking it first keeps anonymous requests query-free.
        user = getattr(request, "user", None)
        return settings.SESSION_COOKIE_NAME in request.COOKIES and user is not None and user.is_authenticated


class RedirectMiddleware(WagtailRedirectMiddleware):
    """Wagtail's redirects (Settings → Redirects), except under ``REDIRECT_EXEMPT_URLS_REGEX``.

    Wagtail's middleware turns any 404 whose path matches an editor's redirect into a
    301 or 302. The FHIR API (its regex in settings) never redirects: its 404 is a
    FHIR answer a client acts on. Skipping those paths also saves the redirect lookup.
    """

    def process_response(self, request, response):
        exempt = getattr(settings, "REDIRECT_EXEMPT_URLS_REGEX", None)
        if exempt and re.match(exempt, request.path_info):
            return response
        return super().process_response(request, response)
