"""The demo ALL page says everything the hospital's current page says, in our own words."""

import re

import pytest
from django.core.management import call_command
from django.utils.html import strip_tags

from conditions.blocks import states_a_figure
from conditions.models import NON_PROSE_KEYS, ConditionIndexPage, ConditionPage
from tests.conftest import soup

ALL_URL = "/conditions/acute-lymphoblastic-leukemia/"

# Every fact of shared/seed/all-condition-page.txt, as the words that must carry it on our page.
SEED_FACTS = {
    "leukemia is a blood cancer": ["Leukemia is a cancer of the blood cells"],
    "bone marrow makes the blood cells": ["bone marrow", "White blood cells", "Red blood cells", "Platelets"],
    "what each cell does": ["fight infection", "carry oxygen", "help the blood clot"],
    "leukemia cells are abnormal, fast, unstoppable": ["not normal", "grow fast", "do not stop growing"],
    "they don't fight infection and crowd out healthy cells": ["cannot fight infection", "crowd out"],
    "anemia, bleeding, infections (anemia defined correctly)": [
        "Anemia: too few red blood cells",
        "Bleeding and bruising",
        "Infections",
    ],
    "most common childhood leukemia": ["most common kind of leukemia in children"],
    "usually ages 2 to 5": ["between 2 and 5 years old"],
    "huge numbers of white cells": ["huge numbers of young white blood cells", "far more than the body needs"],
    "many subtypes, so treatment varies": ["many subtypes of ALL", "treatment is not the same for every child"],
    "most successfully treated childhood leukemia": ["the one doctors treat with the most success"],
    "cause: DNA mutations, reason unclear": ["DNA", "mutations", "do not yet know why"],
    "risk factor: previous cancer treatment": ["Treatment for an earlier cancer"],
    "risk factor: radiation": ["exposed to high levels of radiation"],
    "risk factor: genetic disorders such as Down syndrome": ["genetic conditions, such as Down syndrome"],
    "risk factor: sibling with ALL": ["A brother or sister with ALL"],
    "note: many have no risk factor": ["Many children who get ALL have none of these risk factors"],
    "tell the doctor about changes": ["Tell your child's doctor about any changes", "how your child acts"],
    "follow treatment instructions": ["Follow the treatment plan carefully"],
    "clinical trials may offer new drugs": ["clinical trial", "new medicines"],
    "cancer center phone": ["Jonathan Jaques Children's Cancer Center at Miller Children's", "(562) 728-5000"],
    "hematology/oncology experts and appointments": ["pediatric hematology and oncology", "make an appointment"],
    "disclaimer": ["does not take the place of advice from your child's doctor", "Always ask your child's doctor"],
    "911 notice": ["call 911 now"],
}
SEED_SYMPTOMS = {
    "Fever": "Fever",
    "Bleeding from the gums": "Bleeding gums",
    "Frequent or severe nosebleeds": "Severe nosebleeds",
    "Shortness of breath": "shortness of breath",
    "Pale skin": "Pale skin",
    "Loss of appetite": "Loss of appetite",
    "Weight loss": "Weight loss",
    "Fatigue": "fatigue",
    "Bone pain": "Bone pain",
    "Frequent infections": "Infections that keep coming back",
    "Lumps around the neck, underarms, stomach or groin": "Lumps in the neck, underarms, belly (stomach) or groin",
}


@pytest.fixture
def demo(db, site):
    call_command("load_demo_content")


def plain(element):
    return " ".join(element.get_text().split())


def test_demo_all_page_carries_every_seed_fact(client, demo):
    page = soup(client.get(ALL_URL))
    main = plain(page.find("main"))

    missing = [fact for fact, phrases in SEED_FACTS.items() for phrase in phrases if phrase not in main]
    assert missing == []
    symptoms = [plain(s) for s in page.select("#symptoms .symptom__name strong")]
    assert len(symptoms) >= len(SEED_SYMPTOMS)
    for seed_name, ours in SEED_SYMPTOMS.items():
        assert any(ours in name for name in symptoms), seed_name
    assert "nosebleeds happen often" in main  # "frequent" nosebleeds, not only severe ones
    assert len(page.select("#what-makes-all-more-likely li")) == 4
    assert len(page.select("#what-you-can-do li")) == 3
    assert page.select_one("#get-help a[href='tel:+15627285000']")
    assert page.select_one("#get-help a[href='/find-a-doctor/?condition=acute-lymphoblastic-leukemia']")
    # The seed calls anemia "low iron in the blood"; here it means too few red blood cells.
    assert "low iron" not in main.lower()


def test_demo_all_page_puts_bleeding_and_breathing_in_the_911_box(client, demo):
    box = soup(client.get(ALL_URL)).select_one("#call-911")

    assert [plain(li) for li in box.select("li")] == [
        "Severe nosebleeds or bleeding that won't stop",
        "Trouble breathing or shortness of breath",
    ]


@pytest.mark.parametrize(
    "slug, has_call_box",
    [
        ("acute-lymphoblastic-leukemia", True),
        ("acute-myeloid-leukemia", True),
        ("hodgkin-lymphoma", True),
        ("neuroblastoma", True),
        ("sickle-cell-disease", True),
        # Hemophilia is not treated with chemotherapy; its symptom list carries what to act on at once.
        ("hemophilia", False),
    ],
)
def test_each_demo_page_says_when_to_call_where_it_applies_and_lists_its_sources(client, demo, slug, has_call_box):
    main = soup(client.get(f"/conditions/{slug}/")).find("main")

    assert main.select_one(".key-facts__list li") is not None
    assert (main.select_one(".when-to-call") is not None) == has_call_box
    sources = main.select(".sources a[href^='https://']")
    assert sources, "every demo page names what it is based on"


def test_sickle_cell_fever_sends_parents_to_the_emergency_room_with_its_sourced_threshold(client, demo):
    main = soup(client.get("/conditions/sickle-cell-disease/")).find("main")

    # Calling 911 is for a child who seems very sick; any fever this high means the emergency room now.
    assert "Fever" not in [plain(li) for li in main.select("#call-911 li")]
    box = plain(main.select_one(".when-to-call"))
    assert "101.3°F (38.5°C)" in box and "Go to the emergency room right away" in box
    assert "Centers for Disease Control and Prevention" in box


def test_demo_condition_pages_are_valid_listed_and_marked_as_demo(client, demo):
    index = ConditionIndexPage.objects.get(locale__language_code="en")
    assert (index.url, index.title, index.show_in_menus, index.live) == ("/conditions/", "Conditions A–Z", True, True)
    pages = ConditionPage.objects.live().child_of(index)
    assert pages.count() >= 6
    stream_block = ConditionPage._meta.get_field("body").stream_block
    for page in pages:
        stream_block.clean(page.body)  # what the admin would accept from an editor
        page.full_clean()
        assert "demo data" in page.reviewer, page
        assert len(page.summary) <= 300
        assert client.get(page.url).status_code == 200
    listed = plain(soup(client.get("/conditions/")).find("main"))
    for title in ["Acute Myeloid Leukemia", "Hodgkin Lymphoma", "Neuroblastoma", "Sickle Cell Disease", "Hemophilia"]:
        assert title in listed


# Clotting factors are named by number ("factor VIII (8)"): names, not figures.
FACTOR_NAMES = re.compile(r"factor [VIX]+ \(\d\)")


def unsourced_figures(value, sourced=False):
    """Every piece of prose in raw block data that states a figure with no source on it or around it."""
    if isinstance(value, dict):
        sourced = sourced or bool((value.get("source") or {}).get("publisher"))
        return [
            found
            for key, item in value.items()
            if key not in NON_PROSE_KEYS
            for found in unsourced_figures(item, sourced)
        ]
    if isinstance(value, list):
        return [found for item in value for found in unsourced_figures(item, sourced)]
    if isinstance(value, str) and not sourced and states_a_figure(FACTOR_NAMES.sub("", strip_tags(value))):
        return [value]
    return []


def test_every_figure_on_the_demo_pages_has_a_source(demo):
    for page in ConditionPage.objects.all():
        assert not states_a_figure(page.summary), page
        raw = [block.get("value") for field in (page.key_facts, page.body) for block in field.raw_data]
        assert unsourced_figures(raw) == [], page


def test_a_figure_without_a_source_is_found(demo):
    """The check above can fail: a figure typed into a section with no source is caught."""
    raw = [{"heading": "Outlook", "body": "<p>9 in 10 are cured.</p>", "source": {"publisher": ""}}]

    assert unsourced_figures(raw) == ["<p>9 in 10 are cured.</p>"]


def test_demo_loader_keeps_an_editors_change_to_a_condition_page(demo):
    page = ConditionPage.objects.english().get(slug="acute-lymphoblastic-leukemia")
    page.summary = "An editor's own summary."
    page.save_revision().publish()

    call_command("load_demo_content")

    assert (
        ConditionPage.objects.english().get(slug="acute-lymphoblastic-leukemia").summary == "An editor's own summary."
    )
    assert ConditionPage.objects.english().filter(slug="acute-lymphoblastic-leukemia").count() == 1
