from django.apps import AppConfig


class ProvidersConfig(AppConfig):
    name = "providers"
    verbose_name = "Find a Doctor"

    def ready(self):
        from . import signals  # noqa: F401
