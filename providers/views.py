"""Find a Doctor: the search page and the provider profile. Thin: bind, validate, paginate, render."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.functional import cached_property
from django.views.decorators.http import require_safe

from base.models import SiteSettings
from base.security import rate_limited

from . import structured_data
from .filters import ProviderFilterSet
from .models import Provider
from .results import CappedCount

RESULTS_PER_PAGE = 20
# Counting stops here: "More than 1,000 doctors found", 50 pages. Counting every match of a broad
# search ("leukemia" matches tens of thousands of rows in a large directory) costs more than the
# page itself, and nobody reads past page 50: they narrow the search instead.
MAX_COUNTED = 1000
# With this many filters in use together (the ones listed above the results), counting stops at
# COMBINED_MAX_COUNTED: "More than 200 doctors found", 10 pages. Each filter keeps a share of the
# directory and none is selective alone, so together they keep a few percent of it: at 100,000
# providers, finding 1,000 of those reads a third of the table (bench/README.md), 200 a fifteenth.
COMBINED_FILTERS = 3
COMBINED_MAX_COUNTED = 200


def counting_limit(filters_in_use):
    """How far the results of a search with ``filters_in_use`` filters are counted."""
    return COMBINED_MAX_COUNTED if filters_in_use >= COMBINED_FILTERS else MAX_COUNTED


class CappedPaginator(Paginator):
    """A paginator that counts at most ``limit`` results (``MAX_COUNTED`` unless given), in a query that stops there.

    ``object_list`` is a ``providers.results.SearchResults``.
    """

    def __init__(self, object_list, per_page, *, limit=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.limit = MAX_COUNTED if limit is None else limit

    @cached_property
    def capped(self):
        return CappedCount(self.object_list.count_upto(self.limit + 1), self.limit)

    @cached_property
    def count(self):
        return self.capped.count

    @property
    def more_than_counted(self):
        """True when there are more matches than were counted."""
        return self.capped.more_than_counted

    @property
    def count_display(self):
        return self.capped.display


def page_number(value, last_page):
    """The requested page as an int within 1..last_page; junk ('abc', '0', '-3') means page 1."""
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), max(last_page, 1))


def result_cards(providers, point):
    """What each result card shows: the provider and their nearest (or first) location with its distance."""
    cards = []
    for provider in providers:
        location, miles = provider.nearest_location(*point) if point else provider.nearest_location()
        cards.append({"provider": provider, "location": location, "miles": miles})
    return cards


@require_safe
@rate_limited("find-a-doctor")
def search(request):
    filterset = ProviderFilterSet(request.GET, queryset=Provider.objects.for_listing(), request=request)
    limit = counting_limit(len(filterset.active_filters))
    paginator = CappedPaginator(filterset.results(), RESULTS_PER_PAGE, limit=limit)
    page = paginator.page(page_number(request.GET.get("page"), paginator.num_pages))
    return render(
        request,
        "providers/search.html",
        {
            "filter": filterset,
            "form": filterset.form,
            "page_obj": page,
            "paginator": paginator,
            "cards": result_cards(page.object_list, filterset.near_point),
            "previous_url": filterset.page_url(page.previous_page_number()) if page.has_previous() else "",
            "next_url": filterset.page_url(page.next_page_number()) if page.has_next() else "",
        },
    )


@require_safe
def profile(request, slug):
    provider = Provider.objects.for_profile().filter(slug=slug).first()
    if provider is None:
        return render(request, "providers/not_found.html", status=404)
    site_settings = SiteSettings.load(request_or_site=request)
    return render(
        request,
        "providers/profile.html",
        {
            "provider": provider,
            "canonical_url": request.build_absolute_uri(provider.get_absolute_url()),
            "json_ld": structured_data.script_content(
                structured_data.profile_page(provider, request, hospital_name=site_settings.localized("hospital_name"))
            ),
        },
    )
