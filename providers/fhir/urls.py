"""/fhir/r4/…: one view answers every path, so nothing here is redirected or answered in HTML."""

from django.urls import path, re_path

from . import views

app_name = "fhir"

urlpatterns = [
    path("metadata", views.api, {"rest": "metadata"}, name="metadata"),
    # Any path at all, line breaks included: every answer under /fhir/r4/ is FHIR.
    re_path(r"^(?P<rest>[\s\S]*)\Z", views.api, name="api"),
]
