"""Views that are not Wagtail pages: the health check and the benchmarks' floor."""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

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


def bench_floor(request):
    """A fixed response through the whole middleware stack: the framework floor the benchmarks compare to.

    Routed only when the BENCH_FLOOR environment variable is set (bench/pages.sh does).
    """
    return HttpResponse(b"<!DOCTYPE html><title>floor</title><p>A fixed response.", content_type="text/html")
