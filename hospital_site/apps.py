from django.apps import AppConfig


class HospitalSiteConfig(AppConfig):
    name = "hospital_site"
    verbose_name = "Site"

    def ready(self):
        from . import signals  # noqa: F401
