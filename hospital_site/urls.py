import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from base import outage
from base import views as base_views
from base.sitemaps import LivePagesSitemap
from providers.fhir import views as fhir_views
from search import views as search_views


def server_error(request, *args, **kwargs):
    """``handler500``: a database outage is a 503 page that needs no database (base/outage.py);
    under /fhir/r4/, both are FHIR OperationOutcomes (docs/fhir.md)."""
    if re.match(settings.FHIR_URLS_REGEX, request.path_info):
        return fhir_views.server_error(request)
    return outage.server_error(request, *args, **kwargs)


handler500 = server_error
# A Spanish address with no Spanish page links to the English one (docs/spanish.md).
handler404 = base_views.page_not_found

urlpatterns = [
    path("healthz", base_views.healthz, name="healthz"),
    # The FHIR R4 directory API: never under a language prefix, never redirected (docs/fhir.md).
    path("fhir/r4", fhir_views.api, name="fhir-base"),
    path("fhir/r4/", include("providers.fhir.urls")),
    path(settings.ADMIN_URL_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LivePagesSitemap}}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(
            template_name="robots.txt",
            content_type="text/plain",
            # A moved admin stays unlisted: naming it here would undo the move.
            extra_context={"admin_listed": settings.ADMIN_URL_PATH == "admin/"},
        ),
        name="robots",
    ),
]

if settings.BENCH_FLOOR:
    urlpatterns += [path("bench/floor", base_views.bench_floor)]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# What parents read, in English at these addresses and in Spanish under /es/ (docs/spanish.md).
# Wagtail serves every other path from the page tree; keep it last.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("language-assistance/", base_views.language_assistance, name="language_assistance"),
    path("find-a-doctor/", include("providers.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
