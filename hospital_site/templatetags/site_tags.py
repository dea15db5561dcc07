"""Template helpers used across the site."""

import contextlib

from django import template

from hospital_site import cache, phone

register = template.Library()


@register.filter
def tel_href(value):
    """``{{ number|tel_href }}`` → ``tel:+15627285000``."""
    return phone.tel_href(value)


@register.filter
def phone_display(value):
    """``{{ number|phone_display }}`` → ``(562) 728-5000``."""
    return phone.display_phone(value)


@register.inclusion_tag("tags/phone_link.html")
def phone_link(number, label="", css_class=""):
    """A tappable phone link whose visible text is always the number itself."""
    return {
        "href": phone.tel_href(number),
        "number": phone.display_phone(number),
        "label": label,
        "css_class": css_class,
    }


def _menu_items(request):
    """Links for the main navigation: the home page's children marked "Show in menus".

    Find a Doctor is a Django view rather than a page, so it is added when the
    providers app has registered its URL.
    """
    from django.urls import NoReverseMatch, reverse
    from wagtail.models import Site

    def links():
        items = []
        site = Site.find_for_request(request) if request else None
        if site is not None:
            for child in site.root_page.get_children().live().in_menu().order_by("path"):
                items.append({"title": child.title, "url": child.get_url(request=request)})
        with contextlib.suppress(NoReverseMatch):
            items.append({"title": "Find a Doctor", "url": reverse("providers:search")})
        return items

    if request is None:
        items = links()
    else:
        # The same for every page of a site until a page is published or moved.
        items = [dict(item) for item in cache.get_or_set(request, ["menu", request.get_host()], links)]
    path = request.path if request else ""
    for item in items:
        item["active"] = bool(item["url"]) and item["url"] != "/" and path.startswith(item["url"])
    return items


@register.simple_tag(takes_context=True)
def menu_items(context):
    """``{% menu_items as items %}`` for templates that list the main sections."""
    return _menu_items(context.get("request"))


@register.inclusion_tag("tags/main_menu.html", takes_context=True)
def main_menu(context):
    """The header's navigation."""
    return {"items": _menu_items(context.get("request"))}
