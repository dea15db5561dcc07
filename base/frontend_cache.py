"""Purging Varnish (Wagtail's frontend cache) so that a purge that fails is known, not only logged.

Wagtail's ``HTTPBackend`` logs a purge that a proxy refused or never answered and
carries on: the proxy then serves the old page for its whole lifetime. This
backend raises instead, with a timeout, so ``base.tasks.purge`` can try that proxy
again later (and the task's row says it failed until it succeeds).
"""

from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail import __version__
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest

# The purge is sent while the editor waits (base.cache.purge_from_proxy): a proxy that hangs costs at most this.
PURGE_TIMEOUT_SECONDS = 1


class PurgeFailed(Exception):
    """A proxy did not confirm a purge: the page it holds may be stale until it is purged again."""


class StrictHTTPBackend(HTTPBackend):
    """Wagtail's HTTP purge (``PURGE <path>`` to the proxy), raising ``PurgeFailed`` when it does not succeed."""

    def __init__(self, params):
        self.location = params["LOCATION"]
        super().__init__(params)

    def purge(self, url):
        parsed = urlsplit(url)
        host = parsed.hostname + (f":{parsed.port}" if parsed.port else "")
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parsed.path, parsed.query, parsed.fragment]),
            headers={"Host": host, "User-Agent": "Wagtail-frontendcache/" + __version__},
        )
        try:
            with urlopen(request, timeout=PURGE_TIMEOUT_SECONDS) as response:  # noqa: S310 - the configured proxy
                response.read()
        except HTTPError as error:
            raise PurgeFailed(f"{self.location} refused to purge {url}: {error.code} {error.reason}") from error
        except (URLError, OSError) as error:
            raise PurgeFailed(f"{self.location} did not answer a purge of {url}: {error}") from error

    def purge_batch(self, urls):
        for url in urls:
            self.purge(url)
