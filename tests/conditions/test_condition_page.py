"""A parent reading a condition page: what to do first, what it is, who reviewed it."""

import json

from tests.conftest import soup

from .factories import (
    ALL_ACTIONS,
    ALL_RISK_FACTORS,
    ALL_SYMPTOMS,
    EMERGENCY,
    URGENT,
    actions_block,
    all_body,
    call_to_action_block,
    care_callout_block,
    causes_block,
    condition_page,
    glossary_block,
    image_block,
    key_facts,
    make_image,
    medical_tests_block,
    questions_block,
    questions_to_ask_block,
    risk_factors_block,
    section_block,
    side_effects_block,
    source,
    sources_block,
    symptom,
    symptoms_block,
    treatment_phases_block,
    when_to_call_block,
)

ALL_URL = "/conditions/acute-lymphoblastic-leukemia/"


def on_this_page(page):
    """The "On this page" links' words, after checking that each goes to a section with that heading."""
    links = page.select("#on-this-page a")
    for link in links:
        target = page.find(id=link["href"].removeprefix("#"))
        assert target is not None and target.h2.get_text(strip=True) == link.get_text(strip=True)
    return texts(links)


def get_page(client, url=ALL_URL):
    response = client.get(url)
    assert response.status_code == 200
    return soup(response)


def texts(elements):
    return [element.get_text(" ", strip=True) for element in elements]


def plain(element):
    """An element's text as a reader sees it: one space between words."""
    return " ".join(element.get_text().split())


def test_parent_sees_title_and_other_names_then_the_911_signs_then_the_summary(client, all_condition):
    page = get_page(client)

    header = page.select_one("article.condition > header")
    assert header.h1.get_text(strip=True) == "Acute Lymphoblastic Leukemia"
    assert "Also known as: acute lymphocytic leukemia, ALL" in header.get_text(" ", strip=True)
    after_header = [element for element in header.find_next_siblings() if element.name in ("section", "p")]
    assert after_header[0]["id"] == "call-911"
    assert plain(after_header[1]) == "ALL is the most common leukemia in children."


def test_parent_sees_all_symptoms_risk_factors_and_actions(client, all_condition):
    page = get_page(client)

    symptom_names = texts(page.select("#symptoms .symptom__name strong"))
    assert sorted(symptom_names) == sorted(s["name"] for s in ALL_SYMPTOMS)
    assert len(symptom_names) == 11
    assert texts(page.select("#risk-factors .item__name")) == ALL_RISK_FACTORS
    assert "Many children have no known risk factor." in page.select_one("#risk-factors .note").get_text()
    assert texts(page.select("#what-you-can-do ol > li .item__name")) == ALL_ACTIONS


def test_parent_sees_emergency_symptoms_first(client, all_condition):
    page = get_page(client)

    # The 911 box is the first thing after the summary, built from the emergency symptoms.
    first_section = page.select_one("article.condition > header").find_next_sibling()
    assert first_section["id"] == "call-911"
    assert first_section.h2.get_text(strip=True) == "Call 911 now if your child has:"
    # Within a level, the editor's order is kept (the factory lists symptoms in reverse).
    assert texts(first_section.select("li")) == ["Shortness of breath", "Severe nosebleeds"]
    assert first_section.select_one("a[href='tel:911']")

    # In the checklist the editor typed routine symptoms first; the page still leads with emergencies.
    groups = page.select("#symptoms .symptom-group")
    assert texts(g.h3 for g in groups) == [
        "Call 911 now if your child has:",
        "Call your child's doctor today if your child has:",
        "Tell your child's doctor if your child has:",
    ]
    assert texts(groups[0].select(".symptom__name strong")) == ["Shortness of breath", "Severe nosebleeds"]


def test_urgency_is_shown_in_words_on_every_symptom(client, all_condition):
    page = get_page(client)

    badges = {
        item.select_one(".symptom__name strong").get_text(strip=True): item.select_one(".urgency-badge").get_text(
            strip=True
        )
        for item in page.select("#symptoms li.symptom")
    }
    assert badges["Severe nosebleeds"] == "Emergency: call 911"
    assert badges["Fever"] == "Urgent: call today"
    assert badges["Pale skin"] == "Tell your doctor"
    # The level is in the item's own text, so a screen reader announces it with the symptom.
    fever = next(li for li in page.select("#symptoms li.symptom") if "Fever" in li.get_text())
    assert fever.get_text(" ", strip=True).startswith("Fever Urgent: call today")


def test_parent_can_tap_to_call_the_cancer_center_and_find_a_doctor(client, all_condition):
    page = get_page(client)

    get_help = page.select_one("#get-help")
    call = get_help.select_one("a[href^='tel:']")
    assert call["href"] == "tel:+15627285000"
    assert "(562) 728-5000" in call.get_text()
    doctor_link = get_help.find("a", string="Find a doctor who treats this condition")
    assert doctor_link["href"] == "/find-a-doctor/?condition=acute-lymphoblastic-leukemia"
    # Phone and Find a Doctor come before "On this page" and the symptoms.
    order = [element.get("id") for element in page.select("#call-911, #get-help, #on-this-page, #symptoms")]
    assert order == ["call-911", "get-help", "on-this-page", "symptoms"]


def test_page_without_its_own_call_to_action_uses_the_cancer_center_from_settings(client, index):
    condition_page(index, "Hemophilia")

    get_help = get_page(client, "/conditions/hemophilia/").select_one("#get-help")

    assert "Test Cancer Center" in get_help.get_text()
    assert get_help.select_one("a[href='tel:+15627285000']")
    assert get_help.find("a", href="/find-a-doctor/?condition=hemophilia")


def test_on_this_page_links_to_every_section(client, all_condition):
    page = get_page(client)

    assert on_this_page(page) == [
        "Symptoms",
        "What is ALL?",
        "What causes it?",
        "Risk factors",
        "What you can do",
        "Questions parents ask",
        "Sources",
    ]


def test_sections_with_the_same_heading_get_different_anchors(client, index):
    condition_page(index, "Twice", body=[section_block("Overview"), section_block("Overview")])

    anchors = [a["href"] for a in get_page(client, "/conditions/twice/").select("#on-this-page a")]

    assert anchors == ["#overview", "#overview-2"]


def test_review_disclaimer_and_911_notice_close_the_page(client, all_condition):
    page = get_page(client)

    review = page.select_one("#medical-review")
    assert review is page.select_one("article.condition").find_all(recursive=False)[-1]
    text = plain(review)
    assert "Medically reviewed by Maria Lopez, MD on March 3, 2025." in text
    assert "Next review due: March 3, 2026." in text
    assert review.find("time")["datetime"] == "2025-03-03"
    assert "does not take the place of advice from your child's doctor" in text
    assert "call 911 now or go to the nearest emergency room" in text
    assert "{# doctors-who-treat #}" not in str(page)


def test_disclaimer_and_911_notice_come_from_site_settings(client, all_condition, site_settings):
    site_settings.medical_disclaimer = "<p>Our words are no substitute for your doctor.</p>"
    site_settings.emergency_notice = "Call 911 at once if your child cannot breathe."
    site_settings.save()

    review = get_page(client).select_one("main #medical-review")

    assert "Our words are no substitute for your doctor." in review.get_text()
    assert "Call 911 at once if your child cannot breathe." in review.get_text()


def test_page_has_one_h1_and_headings_in_order(client, index):
    condition_page(
        index,
        "Everything",
        body=[
            care_callout_block(URGENT, "Fever during treatment", "Call right away."),
            *all_body(),
            call_to_action_block("Call us", phone="(562) 728-5000"),
        ],
    )
    page = get_page(client, "/conditions/everything/")

    levels = [int(h.name[1]) for h in page.select("main h1, main h2, main h3, main h4")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:], strict=False))


def test_meta_description_canonical_and_open_graph(client, all_condition):
    page = get_page(client)

    summary = "ALL is the most common leukemia in children."
    assert page.find("meta", attrs={"name": "description"})["content"] == summary
    assert page.find("link", rel="canonical")["href"] == "http://localhost/conditions/acute-lymphoblastic-leukemia/"
    og = {meta["property"]: meta["content"] for meta in page.select("meta[property^='og:']")}
    assert og["og:title"] == "Acute Lymphoblastic Leukemia"
    assert og["og:description"] == summary
    assert og["og:url"] == "http://localhost/conditions/acute-lymphoblastic-leukemia/"
    assert og["og:site_name"] == "Test Children's Hospital"


def test_json_ld_describes_the_condition_from_its_blocks(client, all_condition):
    scripts = get_page(client).find_all("script", type="application/ld+json")
    assert len(scripts) == 1

    data = json.loads(scripts[0].string)

    assert data["@type"] == "MedicalWebPage"
    assert data["lastReviewed"] == "2025-03-03"
    assert data["reviewedBy"] == {"@type": "Person", "name": "Maria Lopez", "honorificSuffix": "MD"}
    assert data["medicalAudience"]["audienceType"] == "Patient"
    condition = data["about"]
    assert condition["@type"] == "MedicalCondition"
    assert condition["alternateName"] == ["acute lymphocytic leukemia", "ALL"]
    assert sorted(s["name"] for s in condition["signOrSymptom"]) == sorted(s["name"] for s in ALL_SYMPTOMS)
    assert [r["name"] for r in condition["riskFactor"]] == ALL_RISK_FACTORS
    assert [c["name"] for c in condition["cause"]] == ["Changes in DNA"]
    assert "relevantSpecialty" not in condition


def test_json_ld_cannot_be_broken_out_of_by_page_text(client, index):
    condition_page(index, "Tricky", body=[symptoms_block([symptom("</script><script>alert(1)</script>", EMERGENCY)])])

    response = client.get("/conditions/tricky/")
    html = response.content.decode()
    head = html[: html.index("</head>")]

    assert "<script>alert(1)" not in head
    data = json.loads(soup(response).find("script", type="application/ld+json").string)
    assert data["about"]["signOrSymptom"][0]["name"] == "</script><script>alert(1)</script>"


def test_rendered_condition_page_has_no_inline_style_or_script(client, all_condition):
    page = get_page(client)

    assert page.select("[style]") == []
    scripts = page.find_all("script")
    assert [s.get("type") for s in scripts if not s.get("src")] == ["application/ld+json"]


def test_printed_page_shows_its_address_and_hides_navigation(client, all_condition):
    page = get_page(client)

    assert "Printed from http://localhost/conditions/acute-lymphoblastic-leukemia/" in page.select_one(
        ".print-only"
    ).get_text(" ", strip=True)
    assert "no-print" in page.select_one("#on-this-page")["class"]
    print_css = next(link["href"] for link in page.find_all("link", rel="stylesheet") if link.get("media") == "print")
    css = client.get(print_css)
    css_text = b"".join(css.streaming_content).decode() if css.streaming else css.content.decode()
    assert ".main-nav" in css_text and ".no-print" in css_text and ".print-only { display: block; }" in css_text


def test_draft_condition_page_is_not_public(client, index):
    condition_page(index, "Unpublished", publish=False)

    assert client.get("/conditions/unpublished/").status_code == 404


def _body_of(size, image):
    """``size`` blocks of every kind, images included, so a bigger page exercises every template."""
    kinds = [
        lambda n: image_block(image, alt_text=f"Picture {n}"),
        lambda n: section_block(f"Section {n}", f"<p>Text {n}.</p>"),
        lambda n: causes_block([(f"Cause {n}", "Why.")]),
        lambda n: risk_factors_block([f"Risk {n}"]),
        lambda n: actions_block([f"Action {n}"]),
        lambda n: questions_block([(f"Question {n}?", "<p>Answer.</p>")]),
        lambda n: sources_block([f"Source {n}"]),
        lambda n: care_callout_block(URGENT, f"Callout {n}", "Text."),
        lambda n: call_to_action_block(f"Call {n}", phone="(562) 728-5000", link_text="More", link_url="/x/"),
        lambda n: medical_tests_block([f"Test {n}"]),
        lambda n: treatment_phases_block([(f"Phase {n}", "About 4 weeks")]),
        lambda n: side_effects_block([f"Side effect {n}"]),
        lambda n: when_to_call_block([(f"Sign {n}", False), (f"Other sign {n}", True)], do_not=["Do not wait."]),
        lambda n: questions_to_ask_block([f"Question to ask {n}?"]),
        lambda n: glossary_block([(f"Word {n}", "A meaning.")]),
    ]
    body = [symptoms_block([symptom("Fever", URGENT), symptom("Trouble breathing", EMERGENCY)])]
    body += [kinds[n % len(kinds)](n) for n in range(size - 1)]
    return body


# A condition page, rendered (not from the page cache), costs this many queries however many blocks
# it has: routing (the index, two; the condition page itself, one), images and their renditions (one
# query each for the whole page, plus one for the AVIF/WebP renditions of <picture>) and related
# specialties. The site, its settings, the menu, "is any page private?" and the "Doctors who treat"
# cards come from the site cache.
PINNED_QUERIES = 7


def test_query_count_is_pinned_and_does_not_grow_with_the_number_of_blocks(
    client, index, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_ENABLED = False
    image = make_image()
    condition_page(index, "Small", body=_body_of(3, image))
    condition_page(index, "Large", body=_body_of(30, image), key_facts=key_facts(["One.", "Two.", "Three."]))
    # Renditions are made on the first view; count a parent's view after that.
    client.get("/conditions/small/")
    client.get("/conditions/large/")

    with django_assert_max_num_queries(PINNED_QUERIES) as small_queries:
        assert client.get("/conditions/small/").status_code == 200
    with django_assert_max_num_queries(PINNED_QUERIES) as large_queries:
        response = client.get("/conditions/large/")

    large = soup(response)
    assert len(large.select(".condition__body > *")) == 30
    assert len(large.select(".condition__body img[alt^='Picture']")) == 2
    assert len(large.select(".when-to-call")) == 2 and len(large.select(".key-fact")) == 3
    assert len(small_queries) == len(large_queries)


# --- What a parent asks after a diagnosis (issue 14) ----------------------------------------------


def after_diagnosis_page(index, **fields):
    """A page with every block a parent reads after a diagnosis."""
    body = [
        symptoms_block([symptom("Trouble breathing", EMERGENCY), symptom("Fever", URGENT)]),
        medical_tests_block(["Blood count", "Bone marrow test"]),
        treatment_phases_block([("Induction", "About 4 weeks"), ("Maintenance", "")]),
        side_effects_block(["Hair loss", "Mouth sores"]),
        when_to_call_block([("A fever of 100.4°F or higher", False), ("Trouble breathing", True)]),
        questions_to_ask_block(["What is the plan?"]),
        glossary_block([("Remission", "Tests find no leukemia."), ("Blast", "A young blood cell.")]),
        sources_block(["Childhood ALL (PDQ®)", "Survival statistics"]),
    ]
    facts = key_facts(
        [
            ("ALL is the most common cancer in children.", "how_common", source()),
            ("92 in 100 children are alive 5 years later.", "outlook", source()),
            "It is not contagious.",
        ]
    )
    return condition_page(index, "After Diagnosis", body=body, key_facts=facts, **fields)


def test_key_facts_come_right_after_the_911_signs_and_before_the_summary(client, index):
    after_diagnosis_page(index)
    page = get_page(client, "/conditions/after-diagnosis/")

    article = page.select_one("article.condition")
    order = [
        element.get("id") or element["class"][0]
        for element in article.find_all(recursive=False)
        if element.name in ("section", "p")
    ]
    assert order[:3] == ["call-911", "key-facts", "lead"]
    facts = page.select("#key-facts li.key-fact")
    assert [plain(fact) for fact in facts] == [
        "ALL is the most common cancer in children. (Source: National Cancer Institute)",
        "92 in 100 children are alive 5 years later. (Source: National Cancer Institute)",
        "It is not contagious.",
    ]


def test_on_this_page_lists_the_key_facts_and_every_new_section(client, index):
    after_diagnosis_page(index)
    page = get_page(client, "/conditions/after-diagnosis/")

    assert on_this_page(page) == [
        "Key facts",
        "Symptoms",
        "How it is diagnosed",
        "How it is treated",
        "Common side effects",
        "When to call right away",
        "Questions to ask the care team",
        "Words you may hear",
        "Sources",
    ]


def test_json_ld_carries_tests_treatments_complications_outlook_words_and_sources(client, index):
    after_diagnosis_page(index)

    data = json.loads(
        get_page(client, "/conditions/after-diagnosis/").find("script", type="application/ld+json").string
    )

    condition = data["about"]
    assert condition["typicalTest"] == [
        {"@type": "MedicalTest", "name": "Blood count", "description": "What Blood count shows."},
        {"@type": "MedicalTest", "name": "Bone marrow test", "description": "What Bone marrow test shows."},
    ]
    assert condition["possibleTreatment"] == [
        {"@type": "MedicalTherapy", "name": "Induction", "description": "What happens in Induction."},
        {"@type": "MedicalTherapy", "name": "Maintenance", "description": "What happens in Maintenance."},
        {
            "@type": "MedicalTherapy",
            "name": "Chemotherapy",
            "adverseOutcome": [
                {"@type": "MedicalEntity", "name": "Hair loss"},
                {"@type": "MedicalEntity", "name": "Mouth sores"},
            ],
        },
    ]
    assert condition["possibleComplication"] == ["A fever of 100.4°F or higher", "Trouble breathing"]
    assert condition["epidemiology"] == "ALL is the most common cancer in children."
    assert condition["expectedPrognosis"] == "92 in 100 children are alive 5 years later."
    assert data["abstract"].startswith("ALL is the most common cancer in children. 92 in 100")
    assert data["hasPart"] == {
        "@type": "DefinedTermSet",
        "name": "Words you may hear",
        "hasDefinedTerm": [
            {"@type": "DefinedTerm", "name": "Remission", "description": "Tests find no leukemia."},
            {"@type": "DefinedTerm", "name": "Blast", "description": "A young blood cell."},
        ],
    }
    assert data["citation"][0] == {
        "@type": "CreativeWork",
        "name": "Childhood ALL (PDQ®)",
        "publisher": {"@type": "Organization", "name": "National Cancer Institute"},
        "url": "https://www.cancer.gov/types/leukemia",
    }
    assert [work["name"] for work in data["citation"]] == ["Childhood ALL (PDQ®)", "Survival statistics"]


def test_a_page_without_the_new_blocks_leaves_their_properties_out(client, all_condition):
    data = json.loads(get_page(client).find("script", type="application/ld+json").string)

    for key in ("typicalTest", "possibleTreatment", "possibleComplication", "epidemiology", "expectedPrognosis"):
        assert key not in data["about"]
    assert "abstract" not in data and "hasPart" not in data


def test_new_blocks_are_searchable_by_their_names(index):
    page = after_diagnosis_page(index)

    text = page.body_search_text()

    for words in ("Bone marrow test", "Induction", "Chemotherapy", "Remission"):
        assert words in text
