from django.apps import AppConfig


class ConditionsConfig(AppConfig):
    name = "conditions"
    verbose_name = "Conditions"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
