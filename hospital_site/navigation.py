"""The header menu and footer links every page shows, cached so they cost no queries per page view.

Editors set them under Settings → Navigation (``NavigationSettings``). While
the header menu is empty, it lists the home page's children marked "Show in
menus", then Find a Doctor. The resolved links are cached per site and the
cache is dropped whenever a page is published, unpublished, moved or deleted,
or the navigation is saved (see ``clear_navigation_cache``).
"""

import contextlib

from django.core.cache import cache
from django.urls import NoReverseMatch, reverse

CACHE_KEY = "hospital_site:navigation"
# A safety net only: every change that can alter a link clears the cache at once.
CACHE_SECONDS = 60 * 60


def _links(links, request):
    """Navigation links as ``{"title", "url"}``, leaving out pages that are not live."""
    items = []
    for link in links:
        url = link.url(request)
        if url:
            items.append({"title": link.title, "url": url})
    return items


def _build(request):
    from wagtail.models import Site

    from hospital_site.models import NavigationSettings

    # Not NavigationSettings.load(): that creates the row, and a GET must never write.
    settings_row = NavigationSettings.objects.first()
    header = _links(settings_row.header_links.select_related("link_page"), request) if settings_row else []
    if not header:
        site = Site.find_for_request(request) if request else None
        if site is not None:
            for child in site.root_page.get_children().live().in_menu().order_by("path"):
                header.append({"title": child.title, "url": child.get_url(request=request)})
        with contextlib.suppress(NoReverseMatch):
            header.append({"title": "Find a Doctor", "url": reverse("providers:search")})
    footer = _links(settings_row.footer_links.select_related("link_page"), request) if settings_row else []
    return {"header": header, "footer": footer}


def navigation(request):
    """``{"header": [...], "footer": [...]}`` for the request's site."""
    from wagtail.models import Site

    site = Site.find_for_request(request) if request else None
    site_key = site.pk if site else None
    by_site = cache.get(CACHE_KEY) or {}
    if site_key not in by_site:
        by_site[site_key] = _build(request)
        cache.set(CACHE_KEY, by_site, CACHE_SECONDS)
    return by_site[site_key]


def clear_navigation_cache(**kwargs):
    """Drop the cached links: a page's title, URL or live state may have changed."""
    cache.delete(CACHE_KEY)
