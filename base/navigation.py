"""The header menu and footer links every page shows, cached so they cost no queries per page view.

Editors set them under Settings → Navigation (``NavigationSettings``). While
the header menu is empty, it lists the home page's children marked "Show in
menus", then Find a Doctor. The resolved links live in the site cache
(``base.cache``), which every visible change empties at once — a page
published, unpublished, moved or deleted, or the navigation saved — together
with the cached pages that show the menu.
"""

import contextlib

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from . import cache
from .i18n import current_language


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

    from base.models import NavigationSettings

    # Not NavigationSettings.load(): that creates the row, and a GET must never write.
    settings_row = NavigationSettings.objects.first()
    header = _links(settings_row.header_links.select_related("link_page"), request) if settings_row else []
    if not header:
        site = Site.find_for_request(request) if request else None
        if site is not None:
            home = site.root_page.localized
            for child in home.get_children().live().in_menu().filter(alias_of__isnull=True).order_by("path"):
                header.append({"title": child.title, "url": child.get_url(request=request)})
        with contextlib.suppress(NoReverseMatch):
            header.append({"title": _("Find a Doctor"), "url": reverse("providers:search")})
    footer = _links(settings_row.footer_links.select_related("link_page"), request) if settings_row else []
    return {"header": header, "footer": footer}


def navigation(request):
    """``{"header": [...], "footer": [...]}`` for the request's site, in the request's language."""
    from wagtail.models import Site

    if request is None:
        return _build(None)
    site = Site.find_for_request(request)
    return cache.get_or_set(
        request,
        ["navigation", site.pk if site else None, current_language()],
        lambda: _build(request),
        keep_in_process=True,
    )
