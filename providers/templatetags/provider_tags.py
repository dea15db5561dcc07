"""Template tags that bring Find a Doctor into other pages."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from hospital_site import cache
from providers.models import Provider

register = template.Library()

DOCTORS_SHOWN = 3


@register.inclusion_tag("providers/tags/doctors_who_treat.html", takes_context=True)
def doctors_who_treat(context, page, limit=DOCTORS_SHOWN):
    """``{% doctors_who_treat page %}``: a few doctors who treat a condition and a link to all of them.

    Doctors accepting new patients come first. The query count is fixed (one
    query for the doctors, one per prefetched relation), however many there are,
    and the cards are kept in the site cache until the directory changes.
    """
    if getattr(page, "pk", None) is None:
        return {"page": page, "cards": [], "has_more": False, "search_url": reverse("providers:search")}

    def load():
        return list(
            Provider.objects.for_listing()
            .with_condition(page)
            .order_by("-accepting_new_patients", "last_name", "first_name", "pk")[: limit + 1]
        )

    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        providers = load()
    else:
        # Kept with the site cache: any change to the directory starts a new generation.
        providers = cache.get_or_set(request, ["doctors-who-treat", page.pk, limit], load, keep_in_process=True)
    return {
        "request": context.get("request"),
        "settings": context.get("settings"),
        "page": page,
        "cards": [
            {"provider": provider, "location": provider.nearest_location()[0], "miles": None}
            for provider in providers[:limit]
        ],
        "has_more": len(providers) > limit,
        "search_url": f"{reverse('providers:search')}?{urlencode({'condition': page.slug})}",
    }


@register.filter
def miles_away(miles):
    """``{{ 2.345|miles_away }}`` → '2.3 miles away'; under a mile reads 'Less than 1 mile away'."""
    if miles is None:
        return ""
    if miles < 0.95:
        return "less than 1 mile away"
    return f"{miles:.1f} miles away"
