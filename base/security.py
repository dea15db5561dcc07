"""Who is asking, and how often: the client's address for login lockouts, and rate limits (docs/security.md)."""

import functools

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django_ratelimit.core import get_usage


def client_ip(request):
    """The visitor's IP address, as our own proxies saw it.

    Behind ``TRUSTED_PROXY_COUNT`` proxies, each appends the address it received
    the request from to ``X-Forwarded-For``, so the visitor is that many entries
    from the right; anything further left was written by the client and could
    be forged. With no trusted proxy (or no header) it is ``REMOTE_ADDR``.
    """
    hops = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if hops and forwarded:
        return forwarded[-min(hops, len(forwarded))]
    return request.META.get("REMOTE_ADDR", "")


def _client_ip_key(group, request):
    return client_ip(request)


def rate_limited(group):
    """Limit a view to ``settings.SEARCH_RATE_LIMIT`` requests per client address (django-ratelimit).

    Over the limit, the visitor gets a friendly 429 page with ``Retry-After``
    instead of the view. Counts live in the shared cache; pages answered from
    the page cache never reach the view, so they are neither counted nor limited.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            usage = get_usage(
                request,
                group=group,
                key=_client_ip_key,
                rate=settings.SEARCH_RATE_LIMIT,
                method=["GET", "HEAD"],
                increment=True,
            )
            if usage is not None and usage["should_limit"]:
                return too_many_requests(request, usage["time_left"])
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def too_many_requests(request, retry_after):
    """429 with a page that tells a parent what happened and what to do."""
    retry_after = max(int(retry_after), 1)
    response = render(
        request,
        "base/too_many_requests.html",
        {"retry_after": retry_after},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    add_never_cache_headers(response)
    return response
