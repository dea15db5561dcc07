"""A parent searching by a symptom or another name finds the right condition page."""

import pytest

from conditions.models import ConditionPage

from .factories import condition_page, section_block


@pytest.fixture
def other_conditions(index):
    condition_page(index, "Hemophilia", summary="A bleeding disorder.", body=[section_block("What is it?")])
    condition_page(index, "Small Print", summary="Nothing about leukemia here.", publish=False)


def titles(results):
    return [page.title for page in results]


@pytest.mark.parametrize("query", ["nosebleeds", "Down syndrome", "bleeding gums", "DNA"])
def test_search_finds_the_all_page_by_what_is_inside_its_blocks(all_condition, other_conditions, query):
    assert titles(ConditionPage.objects.live().search(query)) == ["Acute Lymphoblastic Leukemia"]


def test_search_finds_the_all_page_by_an_alternate_name(all_condition, other_conditions):
    assert titles(ConditionPage.objects.live().search("acute lymphocytic leukemia")) == ["Acute Lymphoblastic Leukemia"]


@pytest.mark.parametrize("query", ["ALL", "all", " All ", "acute lymphocytic leukemia"])
def test_parent_typing_an_abbreviation_finds_the_page_even_though_all_is_a_stop_word(
    all_condition, other_conditions, query
):
    # PostgreSQL's English full text drops "all"; the name match must still put the ALL page first.
    results = ConditionPage.objects.live().search_for_parents(query)

    assert titles(results)[:1] == ["Acute Lymphoblastic Leukemia"]
    assert "Hemophilia" not in titles(results)


def test_search_for_parents_finds_symptoms_too_and_never_drafts(all_condition, other_conditions):
    assert titles(ConditionPage.objects.live().search_for_parents("nosebleeds")) == ["Acute Lymphoblastic Leukemia"]
    assert ConditionPage.objects.live().search_for_parents("Small Print") == []


@pytest.mark.parametrize("query", ["", "   ", "!!!", '"', "*", "AND OR NOT", "NEAR(", "a" * 500, "💉"])
def test_search_for_parents_survives_odd_input(all_condition, query):
    assert isinstance(ConditionPage.objects.live().search_for_parents(query), list)


def test_search_index_follows_the_published_content(all_condition):
    all_condition.body = [section_block("Changed", "<p>No symptoms here any more.</p>")]
    all_condition.save_revision().publish()

    assert titles(ConditionPage.objects.live().search("nosebleeds")) == []
