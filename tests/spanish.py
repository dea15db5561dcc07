"""Spanish versions of pages in tests, made the way a translator makes them: wagtail-localize, then review."""

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.operations import translate_object

from base.workflows import approved_publication


def spanish():
    return Locale.objects.get(language_code="es")


def start_translation(page, user=None):
    """'Translate this page' into Spanish: a draft copy of the English page (and of its parents, when missing).

    The page is read back from the database first, as the admin does: a page built in
    memory from raw lists has not been given its block ids yet.
    """
    page = page.specific_class.objects.get(pk=page.pk)
    translate_object(page, [spanish()], user=user)
    return page.get_translation(spanish()).specific


def translate_strings(english_page, words=None, skip=()):
    """Type a Spanish version of every piece of text of ``english_page`` in the translation editor.

    ``words`` maps English text to Spanish; anything else becomes "ES: <English>".
    Text in ``skip`` is left untranslated.
    """
    words = words or {}
    segments = StringSegment.objects.filter(source__object_id=english_page.translation_key).select_related(
        "string", "context"
    )
    for segment in segments:
        english = segment.string.data
        if english in skip:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=spanish(),
            context=segment.context,
            defaults={"data": words.get(english, f"ES: {english}"), "translation_type": "manual"},
        )


def publish_approved(page):
    """Publish a Spanish page's latest revision as an approved one (what the workflow does on approval)."""
    revision = page.get_latest_revision()
    with approved_publication(revision):
        revision.publish()
    page.refresh_from_db()
    return page


def spanish_twin(english_page, words=None):
    """A live, approved Spanish version of ``english_page`` (and of its untranslated parents, also approved)."""
    for ancestor in [*english_page.get_ancestors().filter(depth__gt=1).specific(), english_page.specific]:
        if ancestor.get_translation_or_none(spanish()) is None or not ancestor.get_translation(spanish()).live:
            if ancestor.get_translation_or_none(spanish()) is None:
                start_translation(ancestor)
            translate_strings(ancestor, words)
            from wagtail_localize.models import Translation

            Translation.objects.get(source__object_id=ancestor.translation_key, target_locale=spanish()).save_target(
                publish=False
            )
            publish_approved(ancestor.get_translation(spanish()).specific)
    return english_page.get_translation(spanish()).specific
