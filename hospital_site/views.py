"""Views that are not Wagtail pages: site search and health checks."""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .search import MAX_PROVIDERS, MAX_QUERY_LENGTH, condition_index_url, search_site
from .security import rate_limited

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers a query, 503 when it does not.

    Load balancers poll this; it touches nothing but the database so a slow
    template or a cold cache cannot take an app server out of rotation.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.error("Health check failed: database unavailable: %s", error)
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
@rate_limited("search")
def search(request):
    """/search/?q=: conditions, then doctors, then a way forward when nothing matches."""
    results = search_site(request.GET.get("q", ""), request)
    find_a_doctor = reverse("providers:search")
    return render(
        request,
        "hospital_site/search.html",
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


def bench_floor(request):
    """A fixed response through the whole middleware stack: the framework floor the benchmarks compare to.

    Routed only when the BENCH_FLOOR environment variable is set (bench/pages.sh does).
    """
    return HttpResponse(b"<!DOCTYPE html><title>floor</title><p>A fixed response.", content_type="text/html")
