"""Template helpers used across the site."""

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html

from base import cache, phone
from base.i18n import current_language
from base.navigation import navigation

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


@register.simple_tag
def phone_link(number, label="", css_class=""):
    """A tappable phone link whose visible text is always the number itself; nothing for an invalid number.

    Built in Python rather than from a template: a page shows it up to ten times
    (header, footer, calls to action, every doctor's card), and an inclusion
    template costs more than the link.
    """
    href = phone.tel_href(number)
    if not href:
        return ""
    label_html = format_html('<span class="phone-link__label">{}</span> ', label) if label else ""
    return format_html(
        '<a class="{}" href="{}">{}<span class="phone-link__number">{}</span></a>',
        css_class or "phone-link",
        href,
        label_html,
        phone.display_phone(number),
    )


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
def site_footer(context):
    """``{% site_footer %}``: the footer every page ends with, rendered once per site and generation.

    It shows only Site settings and the footer links, which change with a new
    generation (``base.cache``), so its HTML is kept in the site cache.
    """
    from wagtail.models import Site

    from base.models import SiteSettings

    request = context.get("request")
    language = current_language()

    def render():
        return render_to_string(
            "includes/footer.html",
            {
                "site_settings": SiteSettings.load(request_or_site=request),
                "links": navigation(request)["footer"],
                "LANGUAGE_CODE": language,
            },
        )

    if request is None:
        return render()
    site = Site.find_for_request(request)
    return cache.get_or_set(request, ["footer", site.pk if site else None, language], render, keep_in_process=True)
