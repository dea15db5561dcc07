"""Template tags that bring Find a Doctor into other pages."""

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from base import cache, i18n
from providers.models import Provider

register = template.Library()

DOCTORS_SHOWN = 3
TEMPLATE = "providers/tags/doctors_who_treat.html"


@register.simple_tag
def accepting_status(accepting):
    """``{% accepting_status provider.accepting_new_patients %}``: whether a doctor takes new patients.

    In words and with a mark, never by colour alone. Built in Python: search
    results and Find a Doctor show it on every card, and an included template
    costs more than the markup.
    """
    state, mark, words = (
        ("yes", "✓", _("Accepting new patients")) if accepting else ("no", "✕", _("Not accepting new patients"))
    )
    return format_html(
        '<span class="status status--{}"><span class="status__icon" aria-hidden="true">{}</span> {}</span>',
        state,
        mark,
        words,
    )


@register.simple_tag(takes_context=True)
def doctors_who_treat(context, page, limit=DOCTORS_SHOWN):
    """``{% doctors_who_treat page %}``: a few doctors who treat a condition and a link to all of them.

    Doctors accepting new patients come first. The query count is fixed (one
    query for the doctors, one per prefetched relation), however many there are.
    The section's HTML depends on nothing but the page and the directory, so it
    is kept, rendered, in the site cache until either changes (a preview, whose
    title may be a draft's, is always rendered afresh).
    """
    if getattr(page, "pk", None) is None:
        empty = {"page": page, "cards": [], "has_more": False, "search_url": reverse("providers:search")}
        return render_to_string(TEMPLATE, empty)

    def render():
        # Doctors are linked to the English page; its Spanish version lists the same doctors.
        condition = page.directory_page() if hasattr(page, "directory_page") else page
        providers = list(
            Provider.objects.for_listing()
            .with_condition(condition)
            .order_by("-accepting_new_patients", "last_name", "first_name", "pk")[: limit + 1]
        )
        return render_to_string(
            TEMPLATE,
            {
                "page": page,
                "cards": [
                    {"provider": provider, "location": provider.nearest_location()[0], "miles": None}
                    for provider in providers[:limit]
                ],
                "has_more": len(providers) > limit,
                "search_url": f"{reverse('providers:search')}?{urlencode({'condition': page.slug})}",
            },
        )

    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        return render()
    # Kept with the site cache: any change to the directory or a publish starts a new generation.
    # (A new key name: the cards, not their HTML, were kept under the old one before a deploy.)
    return cache.get_or_set(request, ["doctors-who-treat-html", page.pk, limit], render, keep_in_process=True)


@register.filter
def miles_away(miles):
    """``{{ 2.345|miles_away }}`` → '2.3 miles away'; under a mile reads 'Less than 1 mile away'."""
    if miles is None:
        return ""
    if miles < 0.95:
        return _("less than 1 mile away")
    return _("%(miles)s miles away") % {"miles": f"{miles:.1f}"}


@register.simple_tag(takes_context=True)
def condition_in_language(context, condition):
    """``{% condition_in_language page as shown %}``: a condition page linked in the page's language.

    ``shown.url`` and ``shown.title`` are the Spanish page's on a Spanish page when it
    is live, else the English page's (``shown.english`` is then True: mark it
    ``lang="en"``). From the site cache: no query.
    """
    request = context.get("request")
    links = i18n.page_twins(request).get(str(condition.translation_key), {})
    language = i18n.current_language()
    link = links.get(language) or links.get("en")
    if link is None:
        return {"url": condition.url, "title": condition.title, "english": language != "en"}
    return {"url": link, "title": link.title, "english": language != "en" and language not in links}
