from django.apps import AppConfig


class ConditionsConfig(AppConfig):
    name = "conditions"
    verbose_name = "Conditions"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)

        no_publishing_from_sync()


def no_publishing_from_sync():
    """Switch off "Publish immediately" in wagtail-localize's "Sync translated pages".

    It publishes every translation of the page, without asking whether the user
    may publish, with English wherever the new text is not translated yet. A
    disabled field keeps its initial value (off) whatever a form sends, so the
    sync only ever updates drafts, which then go to medical review
    (docs/spanish.md). ``ReviewedTranslationMixin.publish`` refuses it anyway.
    """
    from django.utils.translation import gettext_lazy as _
    from wagtail_localize.views.update_translations import UpdateTranslationsForm

    if getattr(UpdateTranslationsForm, "publishing_switched_off", False):
        return
    original_init = UpdateTranslationsForm.__init__

    def __init__(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        field = self.fields["publish_translations"]
        field.disabled = True
        field.initial = False
        field.help_text = _(
            "Switched off on this site: translations are updated as drafts, and each goes live only when a "
            "medical reviewer approves it."
        )

    UpdateTranslationsForm.__init__ = __init__
    UpdateTranslationsForm.publishing_switched_off = True
