"""/fhir/r4/…: one view answers every path, so nothing here is redirected or answered in HTML."""

from django.urls import path, re_path

from . import views

app_name = "fhir"

urlpatterns = [
    path("metadata", views.api, {"rest": "metadata"}, name="metadata"),
    re_path(r"^(?P<rest>.*)$", views.api, name="api"),
]
