from django.apps import AppConfig


class ConditionsConfig(AppConfig):
    name = "conditions"
    verbose_name = "Conditions"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)

        no_publishing_from_sync()
        empty_text_is_nothing_to_translate()


def empty_text_is_nothing_to_translate():
    """Let wagtail-localize pass over text fields that hold nothing (None) instead of failing.

    An optional part of a block left out altogether (a "Source" nobody filled in)
    reads back with its text fields as None, and wagtail-localize 1.14.5 stops the
    whole translation with a TypeError on the first one. None has no words to
    translate: no segment is the right answer, and on the Spanish page the field
    stays as empty as on the English one.
    """
    from wagtail import blocks
    from wagtail_localize.segments.extract import StreamFieldSegmentExtractor

    if getattr(StreamFieldSegmentExtractor, "skips_empty_text", False):
        return
    handle_block = StreamFieldSegmentExtractor.handle_block

    def handle_block_or_nothing(self, block_type, block_value, raw_value=None):
        if block_value is None and isinstance(block_type, blocks.CharBlock | blocks.TextBlock | blocks.URLBlock):
            return []
        return handle_block(self, block_type, block_value, raw_value=raw_value)

    StreamFieldSegmentExtractor.handle_block = handle_block_or_nothing
    StreamFieldSegmentExtractor.skips_empty_text = True


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
