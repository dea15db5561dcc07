"""Template helpers used across the site."""

from django import template

from hospital_site import phone
from hospital_site.navigation import navigation

register = template.Library()


@register.filter
def tel_href(value):
    """``{{ number|tel_href }}`` → ``tel:+15627285000``."""
    return phone.tel_href(value)


@register.filter
def phone_display(value):
    """``{{ number|phone_display }}`` → ``(562) 728-5000``."""
    return phone.display_phone(value)


@register.filter
def minutes(delta):
    """A timedelta as whole minutes, for messages like "paused for 30 minutes"."""
    return int(delta.total_seconds() // 60)


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
    """Links for the main navigation, each marked ``active`` when the visitor is in that section."""
    items = [dict(item) for item in navigation(request)["header"]]
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


@register.simple_tag(takes_context=True)
def footer_links(context):
    """``{% footer_links as links %}``: the footer links from Settings → Navigation."""
    return navigation(context.get("request"))["footer"]
