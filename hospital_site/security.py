"""Who is asking: the client's IP address, for login lockouts and rate limits (docs/security.md)."""

from django.conf import settings


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
