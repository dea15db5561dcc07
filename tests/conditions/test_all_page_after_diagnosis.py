"""After the diagnosis: a parent answers their first questions from our ALL page alone, each answer sourced.

What tests will my child have, what happens in each phase and for how long, what are the chances,
what do I do about a fever tonight, and what comes after treatment. Read off the demo ALL page as
`make run` serves it.
"""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from conditions.readability import TARGET_GRADE, flesch_kincaid_grade
from tests.conftest import soup

ALL_URL = "/conditions/acute-lymphoblastic-leukemia/"

# The sections issue 14 asks for, in the order a parent meets them.
SECTIONS_IN_ORDER = [
    "key-facts",
    "how-all-is-diagnosed",
    "risk-groups-not-stages",
    "how-all-is-treated",
    "clinical-trials",
    "what-are-the-chances-of-a-cure",
    "life-during-treatment-common-side-effects",
    "when-to-call-right-away-during-treatment",
    "after-treatment",
    "what-causes-all",
    "questions-to-ask-the-care-team",
    "support-for-your-family",
    "words-you-may-hear",
]


@pytest.fixture
def all_page(db, site):
    call_command("load_demo_content", verbosity=0)


@pytest.fixture
def page(client, all_page):
    response = client.get(ALL_URL)
    assert response.status_code == 200
    return soup(response)


def plain(element):
    return " ".join(element.get_text().split())


def citations(element):
    """The publishers an element cites, in the order it cites them."""
    return [plain(link) for link in element.select(".citation a")]


def readable_text(page):
    """What a parent reads on the page, one sentence per paragraph, list item or heading.

    Left out: the "On this page" links, the list of sources and inline citations (names of
    documents, not sentences), and the doctors' cards (names and specialties from the directory).
    """
    article = page.select_one("article.condition")
    for unread in article.select("#on-this-page, #sources, .citation, .doctors-who-treat"):
        unread.decompose()
    sentences = []
    for element in article.find_all(["p", "li", "h1", "h2", "h3", "dt", "dd"]):
        if element.find(["p", "li", "ul", "ol", "dl"]):
            continue
        text = plain(element)
        if text:
            sentences.append(text if text[-1] in ".!?:" else text + ".")
    return "\n".join(sentences)


def test_each_section_a_parent_needs_after_the_diagnosis_is_there_in_order(page):
    ids = [element["id"] for element in page.select("article.condition section[id]")]

    assert [anchor for anchor in ids if anchor in SECTIONS_IN_ORDER] == SECTIONS_IN_ORDER
    toc = [link["href"].removeprefix("#") for link in page.select("#on-this-page a")]
    assert [anchor for anchor in toc if anchor in SECTIONS_IN_ORDER] == SECTIONS_IN_ORDER


def test_key_facts_say_how_common_the_chances_how_long_whose_fault_and_fever(page):
    facts = [plain(fact) for fact in page.select("#key-facts .key-fact")]

    assert len(facts) == 5
    how_common, chances, how_long, fault, fever = facts
    assert "most common cancer in children" in how_common and "Cancer.Net" in how_common
    assert "92 in 100" in chances and "5 years" in chances and "Cancer.Net, November 2022" in chances
    assert "2 to 3 years" in how_long and "American Cancer Society" in how_long
    assert "Nothing you did" in fault and "not contagious" in fault
    assert "fever" in fever and "right away, day or night" in fever


def test_what_tests_will_my_child_have(page):
    section = page.select_one("#how-all-is-diagnosed")

    tests = [plain(name) for name in section.select(".medical-test__name")]
    assert tests == ["Blood count", "Bone marrow test", "Tests on the leukemia cells", "Spinal tap", "Chest x-ray"]
    assert "flow cytometry" in plain(section) and "chromosome" in plain(section)
    assert all(test.select_one(".medical-test__expect") for test in section.select(".medical-test"))
    assert citations(section) == ["National Cancer Institute"]
    risk_groups = page.select_one("#risk-groups-not-stages")
    assert "no stages" in plain(risk_groups) and "MRD" in plain(risk_groups)
    assert citations(risk_groups) == ["National Cancer Institute"]


def test_what_happens_in_each_phase_and_for_how_long(page):
    section = page.select_one("#how-all-is-treated")

    phases = section.select("li.phase")
    assert [plain(phase.h3) for phase in phases] == ["Induction", "Consolidation and intensification", "Maintenance"]
    for phase in phases:
        assert phase.select_one(".phase__duration"), plain(phase)
        assert citations(phase), plain(phase)
    text = plain(section)
    assert "About 4 weeks" in text and "2 to 3 years" in text
    assert "Remission is not the same as cure" in text
    assert "brain and spinal cord" in text  # treatment that keeps leukemia out of them
    assert "Every dose counts" in text
    trials = plain(page.select_one("#clinical-trials"))
    assert "Children's Oncology Group" in trials


def test_what_are_the_chances(page):
    section = page.select_one("#what-are-the-chances-of-a-cure")

    text = plain(section)
    assert "92 out of 100" in text and "ages 0 to 14" in text
    assert 'What "5-year survival" means' in text
    assert citations(section) == ["Cancer.Net"]
    assert "November 2022" in plain(section.select_one(".citation"))


def test_what_do_i_do_about_a_fever_tonight(page):
    box = page.select_one("#when-to-call-right-away-during-treatment")

    team = box.select_one(".when-to-call__group--team")
    fever = plain(team.li)
    assert "100.4°F (38°C)" in fever
    # Where hospitals differ, the page says which number our team uses and that others differ.
    assert "the number our care team uses" in fever and "Other hospitals may use a slightly different number" in fever
    assert team.select_one("a[href^='tel:']")
    do_not = plain(box.select_one(".when-to-call__group--do-not"))
    assert "acetaminophen" in do_not and "Do not wait" in do_not
    assert "no thermometer, suppository or enema" in do_not
    assert "chickenpox" in plain(box) and "measles" in plain(box)
    team_signs = [plain(li.strong) for li in team.select("li")]
    for sign in ["Blood in pee or poop", "blood clot", "Yellow skin", "Pain or burning when peeing", "no poop"]:
        assert any(sign in plain(li) for li in team.select("li")), (sign, team_signs)
    calls_911 = [plain(li.strong) for li in box.select(".when-to-call__group--911 li")]
    assert calls_911[0] == "Trouble breathing"
    assert any("weakness on one side of the body" in sign for sign in calls_911)  # a stroke: minutes count
    # The source states the number the box gives.
    assert citations(box) == ["OncoLink (Penn Medicine)"]


def test_what_comes_after_treatment(page):
    section = page.select_one("#after-treatment")

    text = plain(section)
    assert "Late effects" in text and "Long-term follow-up clinic" in text
    assert citations(section) == ["National Cancer Institute"]


def test_causes_in_context_siblings_and_no_ones_fault(page):
    causes = plain(page.select_one("#what-causes-all"))
    risks = plain(page.select_one("#what-makes-all-more-likely"))

    assert "Nothing you did or did not do caused" in causes and "not contagious" in causes
    assert "slightly higher chance" in risks and "still very small" in risks


def test_every_source_names_publisher_title_address_and_the_date_it_was_checked(page):
    sources = page.select("#sources li")

    assert len(sources) >= 7
    for item in sources:
        assert item.a["href"].startswith("https://"), plain(item)
        assert re.search(r"Checked \w+ \d{1,2}, \d{4}\.$", plain(item)), plain(item)
    cited = {link["href"] for link in page.select(".citation a")}
    listed = {item.a["href"] for item in sources}
    assert cited <= listed  # every inline source is also in the list at the end


def test_the_whole_page_reads_at_a_sixth_grade_level_or_below(page):
    text = readable_text(page)

    assert len(text.split()) > 2500  # the whole page, not a corner of it
    assert flesch_kincaid_grade(text) <= TARGET_GRADE


def test_the_reading_measure_would_catch_hard_text(page):
    text = readable_text(page) + (
        "\nHematopoietic progenitor malignancies characteristically demonstrate heterogeneous "
        "immunophenotypic presentations necessitating comprehensive multidisciplinary evaluation, "
        "stratification, intensification and maintenance pharmacotherapy." * 60
    )

    assert flesch_kincaid_grade(text) > TARGET_GRADE


def test_the_editor_sees_the_same_reading_level_in_the_panel(admin_client, all_page):
    from conditions.models import ConditionPage

    all_page_ = ConditionPage.objects.english().get(slug="acute-lymphoblastic-leukemia")
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[all_page_.pk]))

    panel = plain(soup(response).select_one("[data-reading-level]"))
    grade = float(re.search(r"Reading level: grade ([\d.]+)", panel).group(1))
    assert grade <= TARGET_GRADE
    assert "Good: most parents can read this easily." in panel


def glossary(page):
    return {
        plain(dt.dfn): plain(dd)
        for dt, dd in zip(page.select(".glossary dt"), page.select(".glossary dd"), strict=True)
    }


def test_each_word_in_the_glossary_is_explained_where_it_is_first_used(page):
    """The first sentence that uses a glossary word says what it means in words the definition also uses."""
    words = glossary(page)
    assert {"Remission", "Relapse", "Blast", "Port", "Petechiae", "Steroid", "Stem cell transplant"} <= set(words)
    article = page.select_one("article.condition")
    for unread in article.select("#on-this-page, #key-facts, #words-you-may-hear, #sources, .citation"):
        unread.decompose()
    # A test's name and its description are one unit; otherwise each paragraph or list item is.
    tests = article.select("li.medical-test")
    paragraphs = [
        plain(element)
        for element in article.find_all(["p", "li", "dd"])
        if element in tests or (not element.find(["p", "li"]) and not element.find_parent("li", "medical-test"))
    ]

    for word, definition in words.items():
        first = next((text for text in paragraphs if re.search(rf"\b{re.escape(word)}s?\b", text, re.I)), None)
        assert first is not None, f"'{word}' is in the glossary but not used on the page"
        shared = content_words(definition) & content_words(first)
        assert len(shared) >= 2, f"'{word}' is not explained where it is first used: {first!r}"


COMMON = {"leukemia", "child", "children", "cells", "blood", "that", "this", "they", "with", "from", "when", "your"}


def content_words(text):
    return {word for word in re.findall(r"[a-z]{4,}", text.lower()) if word not in COMMON}
