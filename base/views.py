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


@require_safe
def language_assistance(request):
    """/language-assistance/ (and /es/…): free interpreters and translated documents, with taglines in many languages.

    ACA Section 1557 asks a hospital's website to tell people, in the languages
    most used in its state, that language help is free. Staff edit the notice and
    the taglines under Settings → Site settings; every footer links here.
    """
    from django.shortcuts import render

    return render(request, "base/language_assistance.html")


def page_not_found(request, exception=None):
    """``handler404``: the 404 page, which on a Spanish address links to the English page when there is one."""
    from django.template.response import TemplateResponse

    from .i18n import SPANISH, current_language, page_twins, path_in_language

    english_twin = ""
    if current_language() == SPANISH:
        english = path_in_language(request.path, "en")
        if english != request.path and any(paths.get("en") == english for paths in page_twins(request).values()):
            english_twin = english
    response = TemplateResponse(request, "404.html", {"english_twin": english_twin}, status=404)
    response.render()
    return response
