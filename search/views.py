"""/search/: one box that finds condition pages and doctors."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from base.security import rate_limited

from .site_search import MAX_PROVIDERS, MAX_QUERY_LENGTH, condition_index_url, search_site


@require_safe
@rate_limited("search")
def search(request):
    """/search/?q=: conditions, then doctors, then a way forward when nothing matches."""
    results = search_site(request.GET.get("q", ""), request)
    find_a_doctor = reverse("providers:search")
    return render(
        request,
        "search/search.html",
        {
            "results": results,
            "query": results.query,
            "max_query_length": MAX_QUERY_LENGTH,
            "more_providers": results.provider_count > MAX_PROVIDERS,
            "find_a_doctor_url": find_a_doctor,
            "find_a_doctor_query_url": f"{find_a_doctor}?{urlencode({'q': results.query})}",
            # Only the "nothing found" box links to the A–Z index.
            "condition_index_url": "" if results.has_results else condition_index_url(request),
        },
    )
