"""The demo's Spanish pages: made through wagtail-localize, complete, approved by the demo reviewer, idempotent."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from conditions.demo import ALL_SLUG
from conditions.demo_spanish import untranslated_strings
from conditions.demo_spanish_all import ALL_WORDS
from conditions.models import ConditionPage
from conditions.translation_review import approval_problems, synced_translation, urgency_levels


@pytest.fixture
def demo(db):
    call_command("load_demo_content", verbosity=0)


def english_all():
    return ConditionPage.objects.english().get(slug=ALL_SLUG)


def spanish_all():
    return ConditionPage.objects.in_language("es").get(slug=ALL_SLUG)


def test_the_spanish_all_page_is_live_complete_and_approved_by_the_demo_reviewer(demo):
    page = spanish_all()

    assert page.live
    assert page.title == "Leucemia linfoblástica aguda"
    assert untranslated_strings(english_all(), ALL_WORDS) == []
    total, translated = synced_translation(page).get_progress()
    assert total == translated > 50
    assert approval_problems(page) == []
    assert page.reviewer_name == "Demo Reviewer"
    assert "demo" in page.reviewer_credentials
    assert page.last_reviewed is not None


def test_the_spanish_all_page_has_the_same_urgency_levels_and_sources_as_the_english(demo):
    english, spanish = english_all(), spanish_all()

    assert urgency_levels(spanish) == urgency_levels(english)
    assert len(urgency_levels(spanish)) >= 11

    def source_urls(page):
        return [
            source["url"] for block in page.body if block.block_type == "sources" for source in block.value["sources"]
        ]

    assert source_urls(spanish) == source_urls(english)


def test_other_demo_conditions_are_listed_as_not_yet_in_spanish(demo, client):
    untranslated = ConditionPage.objects.english().live().exclude(slug=ALL_SLUG).count()
    page = client.get("/es/conditions/").content.decode()

    assert untranslated >= 1
    assert page.count('<li class="condition-list__item" lang="en">') == untranslated


def test_loading_the_demo_twice_changes_nothing(demo):
    before = {(page.pk, page.latest_revision_id) for page in Page.objects.filter(locale__language_code="es")}

    call_command("load_demo_content", verbosity=0)

    assert {(page.pk, page.latest_revision_id) for page in Page.objects.filter(locale__language_code="es")} == before


def test_every_field_a_parent_reads_on_a_condition_page_is_translated():
    """A new field of words (the key facts were one) must be a translated segment, or English shows in Spanish."""
    from django.db.models import CharField, TextField
    from wagtail.fields import StreamField

    translated = {field.field_name for field in ConditionPage.translatable_fields}
    not_words = {"path", "slug", "url_path", "draft_title", "latest_revision_created_at", "locked_by", "live_revision"}
    # Filled in on the Spanish page itself when a Spanish-speaking reviewer approves it.
    reviewed_per_page = {"reviewer_name", "reviewer_credentials"}
    words = {
        field.name
        for field in ConditionPage._meta.get_fields()
        if isinstance(field, StreamField | TextField | CharField) and getattr(field, "editable", False)
    }

    assert words - translated - not_words - reviewed_per_page == set()


def test_no_english_sentence_of_the_all_page_reaches_the_spanish_page_unmarked(demo, client):
    """Every sentence of the English page's blocks is gone from the Spanish page, except where marked lang="en"."""
    from bs4 import BeautifulSoup

    english = BeautifulSoup(client.get("/conditions/acute-lymphoblastic-leukemia/").content, "html.parser")
    spanish = BeautifulSoup(client.get("/es/conditions/acute-lymphoblastic-leukemia/").content, "html.parser")
    for marked in spanish.select("[lang=en]"):
        marked.decompose()
    spanish_text = " ".join(spanish.select_one("article.condition").get_text(" ").split())
    sentences = {
        " ".join(element.get_text(" ").split())
        for element in english.select("article.condition :is(p, li, h2, h3, dd)")
        if not element.find(["p", "li"])
    }

    # Names of documents, people and numbers are the same in both languages.
    english_left = [s for s in sentences if len(s.split()) >= 4 and s in spanish_text and "(PDQ®)" not in s]
    assert english_left == []
