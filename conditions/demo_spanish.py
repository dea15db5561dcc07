"""Demo content in Spanish: the Conditions A–Z index and the ALL page, translated the way staff would.

Used by ``manage.py load_demo_content`` (never under production settings). Each
page goes through wagtail-localize as a translator's would — a draft copy of the
English page, every piece of text typed in Spanish, saved — and is then marked
approved by the demo reviewer, as the English demo pages are. Idempotent: a
Spanish page that exists is left exactly as an editor left it.

The Spanish here is ours, written for parents from Mexico and Central America
(usted, short sentences, everyday words). It is demo content: before launch a
qualified medical translator and a Spanish-speaking clinician must review it.
A piece of English text with no Spanish below leaves that page a draft, for a
translator, and is reported: nothing half-translated is published.
"""

import logging
from datetime import timedelta

from django.utils import timezone

from base.workflows import approved_publication

from .demo import ALL_SLUG, DEMO_REVIEWER
from .models import ConditionIndexPage, ConditionPage

logger = logging.getLogger(__name__)

SPANISH = "es"

INDEX_WORDS = {
    "Conditions A–Z": "Enfermedades de la A a la Z",
    "Plain-language guides to the blood disorders and cancers our experts treat. "
    "Each one says which symptoms need a call to 911 and who to call for an appointment.": (
        "Guías en palabras sencillas sobre los cánceres y las enfermedades de la sangre que tratan nuestros "
        "expertos. Cada una dice qué síntomas son motivo para llamar al 911 y a quién llamar para hacer una cita."
    ),
}


def spanish_locale():
    from wagtail.models import Locale

    return Locale.objects.get(language_code=SPANISH)


def untranslated_strings(english, words):
    """The pieces of text of ``english`` (as wagtail-localize extracts them) that ``words`` has no Spanish for."""
    from wagtail_localize.models import StringSegment

    segments = StringSegment.objects.filter(source__object_id=english.translation_key).select_related("string")
    return sorted({segment.string.data for segment in segments if segment.string.data not in words})


def translate_page(english, words, reviewed=False):
    """The live Spanish version of ``english``, made from ``words`` (English text → Spanish); None if left a draft.

    ``reviewed`` pages (under medical review) are stamped with the demo reviewer and
    published as an approval; others (the home page) are published as an editor would.
    """
    from wagtail_localize.models import StringSegment, StringTranslation, Translation
    from wagtail_localize.operations import translate_object

    locale = spanish_locale()
    existing = english.get_translation_or_none(locale)
    if existing is not None and existing.alias_of_id is None:
        return existing.specific if existing.live else None
    english = english.specific_class.objects.get(pk=english.pk)
    translate_object(english, [locale])
    segments = StringSegment.objects.filter(source__object_id=english.translation_key).select_related(
        "string", "context"
    )
    for segment in segments:
        spanish = words.get(segment.string.data)
        if spanish is not None:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": spanish, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
    Translation.objects.get(source__object_id=english.translation_key, target_locale=locale).save_target(publish=False)
    page = english.get_translation(locale).specific
    missing = untranslated_strings(english, words)
    if missing:
        logger.warning("Spanish demo page '%s' left as a draft: %d texts have no Spanish.", page.title, len(missing))
        return None
    if reviewed and isinstance(page, ConditionPage):
        last_reviewed = english.last_reviewed or timezone.localdate()
        page.reviewer_name, page.reviewer_credentials = (
            DEMO_REVIEWER["reviewer_name"],
            DEMO_REVIEWER["reviewer_credentials"],
        )
        page.last_reviewed = last_reviewed
        page.next_review_due = last_reviewed + timedelta(days=365)
    revision = page.save_revision(log_action=True)
    with approved_publication(revision):
        revision.publish()
    return page


def load_spanish_condition_pages():
    """The Spanish A–Z index and the Spanish ALL page; the other demo pages stay "not yet in Spanish"."""
    index = ConditionIndexPage.objects.filter(locale__language_code="en").first()
    if index is None:
        return None
    translate_page(index, INDEX_WORDS, reviewed=True)
    english_all = ConditionPage.objects.english().filter(slug=ALL_SLUG).first()
    if english_all is not None:
        from .demo_spanish_all import ALL_WORDS

        translate_page(english_all, ALL_WORDS, reviewed=True)
    return index
