"""System checks for promises the site makes that a setting could quietly break."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def no_machine_translation(app_configs, **kwargs):
    """No machine translation service may write what parents read (ACA Section 1557; docs/spanish.md)."""
    if getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None):
        return [
            Error(
                "WAGTAILLOCALIZE_MACHINE_TRANSLATOR is set: this site publishes no machine translation.",
                hint="Remove the setting. Spanish pages are translated by people and approved by a medical reviewer.",
                id="base.E001",
            )
        ]
    return []
