"""Each block renders what a parent needs and refuses what an editor must fix."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.blocks import StructBlock
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from conditions import blocks
from conditions.models import ConditionPage

from .factories import EMERGENCY, ROUTINE, URGENT, make_image


def render(block, value, context=None):
    """Clean ``value`` the way the admin form does, then render it."""
    cleaned = block.clean(block.to_python(value))
    return BeautifulSoup(block.render(cleaned, context=context), "html.parser")


def error_messages(block, value):
    """Every message an editor would see for ``value``, flattened."""
    with pytest.raises(ValidationError) as caught:
        block.clean(block.to_python(value))
    return _flatten(caught.value)


def _flatten(error):
    messages = []
    for nested in getattr(error, "block_errors", {}).values():
        messages += _flatten(nested)
    for nested in getattr(error, "non_block_errors", []).as_data() if hasattr(error, "non_block_errors") else []:
        messages += _flatten(nested)
    if not messages:
        messages = list(error.messages)
    return messages


def test_section_block_renders_heading_and_text():
    html = render(blocks.SectionBlock(), {"heading": "What is ALL?", "body": "<p>A cancer of the <b>blood</b>.</p>"})

    assert html.h2.get_text() == "What is ALL?"
    assert html.select_one(".prose b").get_text() == "blood"


def test_symptoms_block_groups_by_urgency_emergencies_first_with_what_to_do():
    html = render(
        blocks.SymptomsBlock(),
        {
            "heading": "Symptoms",
            "intro": "",
            "symptoms": [
                {"name": "Pale skin", "description": "", "urgency": ROUTINE},
                {"name": "Fever", "description": "", "urgency": URGENT},
                {"name": "Trouble breathing", "description": "Fast, hard breathing.", "urgency": EMERGENCY},
            ],
        },
    )

    groups = html.select(".symptom-group")
    assert [g.h3.get_text() for g in groups] == [
        "Call 911 now if your child has:",
        "Call your child's doctor today if your child has:",
        "Tell your child's doctor if your child has:",
    ]
    assert [g.select_one("li strong").get_text() for g in groups] == ["Trouble breathing", "Fever", "Pale skin"]
    assert "callout--emergency" in groups[0]["class"]
    assert "Call 911 or go to the nearest emergency room" in groups[0].select_one(".symptom-group__advice").get_text()
    assert html.select_one(".urgency-badge").get_text() == "Emergency: call 911"
    assert html.select_one(".symptom__description").get_text() == "Fast, hard breathing."


def test_symptoms_block_leaves_out_levels_with_no_symptoms():
    html = render(
        blocks.SymptomsBlock(),
        {"heading": "Symptoms", "intro": "", "symptoms": [{"name": "Fever", "description": "", "urgency": URGENT}]},
    )

    assert len(html.select(".symptom-group")) == 1
    assert "911" not in html.get_text()


@pytest.mark.parametrize(
    ("block", "value", "message"),
    [
        (blocks.SymptomsBlock(), {"heading": "Symptoms", "symptoms": []}, "Add at least one symptom."),
        (blocks.CausesBlock(), {"heading": "Causes", "causes": []}, "Add at least one cause."),
        (blocks.RiskFactorsBlock(), {"heading": "Risks", "risk_factors": []}, "Add at least one risk factor."),
        (blocks.WhatYouCanDoBlock(), {"heading": "Do", "actions": []}, "Add at least one thing a parent can do."),
        (blocks.QuestionsBlock(), {"heading": "Q&A", "questions": []}, "Add at least one question."),
        (blocks.SourcesBlock(), {"heading": "Sources", "sources": []}, "Add at least one source."),
        (blocks.KeyFactsBlock(), {"heading": "Key facts", "facts": []}, "Add at least one key fact."),
        (blocks.TestsBlock(), {"heading": "Tests", "tests": []}, "Add at least one test."),
        (blocks.TreatmentPhasesBlock(), {"heading": "Treatment", "phases": []}, "Add at least one phase."),
        (
            blocks.SideEffectsBlock(),
            {"heading": "Side effects", "treatment": "Chemo", "side_effects": []},
            "Add at least one side effect.",
        ),
        (blocks.WhenToCallBlock(), {"heading": "Call", "signs": []}, "Add at least one warning sign."),
        (blocks.QuestionsToAskBlock(), {"heading": "Ask", "questions": []}, "Add at least one question."),
        (blocks.GlossaryBlock(), {"heading": "Words", "terms": []}, "Add at least one word."),
    ],
)
def test_empty_lists_are_refused_with_a_message_that_says_what_to_add(block, value, message):
    assert error_messages(block, value) == [message]


def test_empty_list_is_allowed_while_saving_a_draft():
    block = blocks.SymptomsBlock()
    block.defer_required_validation()
    try:
        assert len(block.clean(block.to_python({"heading": "Symptoms", "symptoms": []}))["symptoms"]) == 0
    finally:
        block.restore_deferred_validation()


def test_causes_risk_factors_and_actions_render_as_lists():
    causes = render(blocks.CausesBlock(), {"heading": "Causes", "causes": [{"name": "DNA", "explanation": "Why."}]})
    risks = render(
        blocks.RiskFactorsBlock(),
        {"heading": "Risks", "risk_factors": [{"name": "Down syndrome", "explanation": ""}], "note": "Often none."},
    )
    actions = render(
        blocks.WhatYouCanDoBlock(),
        {"heading": "Do", "actions": [{"action": "Call us", "detail": ""}, {"action": "Rest", "detail": ""}]},
    )

    assert [li.get_text(" ", strip=True) for li in causes.select("ul > li")] == ["DNA Why."]
    assert [li.get_text(" ", strip=True) for li in risks.select("ul > li")] == ["Down syndrome"]
    assert risks.select_one(".note").get_text(" ", strip=True) == "Note: Often none."
    assert [li.get_text(" ", strip=True) for li in actions.select("ol > li")] == ["Call us", "Rest"]


def test_care_callout_shows_its_urgency_in_words():
    html = render(blocks.CareCalloutBlock(), {"urgency": EMERGENCY, "heading": "Fever", "text": "Go to the ER."})

    callout = html.select_one(".care-callout")
    assert "callout--emergency" in callout["class"]
    assert callout.select_one(".urgency-badge").get_text() == "Emergency: call 911"
    assert callout.h2.get_text() == "Fever"


def test_call_to_action_renders_a_tappable_number_and_its_link():
    html = render(
        blocks.CallToActionBlock(),
        {
            "heading": "Talk to us",
            "text": "Make an appointment.",
            "phone": "562.728.5000",
            "link_text": "Find a doctor",
            "link_url": "/find-a-doctor/",
        },
    )

    call = html.select_one("a[href^='tel:']")
    assert call["href"] == "tel:+15627285000"
    assert "(562) 728-5000" in call.get_text()
    assert html.find("a", string="Find a doctor")["href"] == "/find-a-doctor/"


@pytest.mark.parametrize(
    ("changes", "field_message"),
    [
        ({"phone": "call us maybe"}, "Enter a real phone number with its area code"),
        ({"phone": "555-0100"}, "Enter a real phone number with its area code"),
        ({"link_text": "Find a doctor"}, "Add where the link goes"),
        ({"link_url": "/find-a-doctor/"}, "Add the words for the link"),
        ({"link_text": "Go", "link_url": "javascript:alert(1)"}, "Enter a path on this site that starts with /"),
        ({"link_text": "Go", "link_url": "//evil.example/"}, "Enter a path on this site that starts with /"),
    ],
)
def test_call_to_action_refuses_bad_phone_numbers_and_broken_links(changes, field_message):
    value = {"heading": "Call us", "text": "", "phone": "", "link_text": "", "link_url": "", **changes}

    messages = error_messages(blocks.CallToActionBlock(), value)

    assert any(field_message in message for message in messages), messages


def test_figure_needs_alt_text(db):
    image = make_image()

    messages = error_messages(blocks.FigureBlock(), {"image": image.pk, "alt_text": "  ", "caption": ""})

    assert messages == ["Add alt text: describe what the picture shows for people who cannot see it."]


def test_figure_renders_the_image_with_its_alt_text(db):
    image = make_image()

    html = render(blocks.FigureBlock(), {"image": image.pk, "alt_text": "Red blood cells", "caption": "Cells."})

    assert html.img["alt"] == "Red blood cells"
    assert html.figcaption.get_text() == "Cells."


def test_questions_and_sources_render():
    questions = render(
        blocks.QuestionsBlock(),
        {"heading": "Q&A", "questions": [{"question": "Is it catching?", "answer": "<p>No.</p>"}]},
    )
    sources = render(
        blocks.SourcesBlock(),
        {
            "heading": "Sources",
            "sources": [
                {
                    "title": "NCI",
                    "publisher": "NIH",
                    "url": "https://www.cancer.gov/",
                    "published": "2025",
                    "date_checked": "2026-11-02",
                }
            ],
        },
    )

    assert questions.h3.get_text() == "Is it catching?"
    assert questions.select_one(".prose").get_text(strip=True) == "No."
    assert sources.select_one("ol > li a")["href"] == "https://www.cancer.gov/"
    assert " ".join(sources.li.get_text().split()) == "NIH. NCI (2025). Checked November 2, 2026."
    assert sources.li.time["datetime"] == "2026-11-02"


def all_blocks():
    """Every block an editor can pick (in the body and the key facts), including the items inside the lists."""
    found = []
    for field in ("body", "key_facts"):
        for block in ConditionPage._meta.get_field(field).stream_block.child_blocks.values():
            found.append(block)
            found += [
                child.child_block
                for child in block.child_blocks.values()
                if isinstance(getattr(child, "child_block", None), StructBlock)
            ]
    return found


def test_every_block_has_its_own_template_icon_label_and_description():
    for block in all_blocks():
        assert block.meta.template.startswith("conditions/blocks/"), block
        assert block.meta.icon and block.meta.label and block.get_description(), block
        assert block.is_previewable, block


def test_editor_sees_a_preview_of_every_block_in_the_block_picker(admin_client, site_settings):
    for block in all_blocks():
        response = admin_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})

        assert response.status_code == 200, block
        page = BeautifulSoup(response.content, "html.parser")
        assert page.find("link", href="/static/css/conditions.css"), block
        assert page.main.get_text(strip=True), block


def test_figure_is_a_lazy_responsive_picture_in_modern_formats_with_its_size(db):
    # Renditions are cached by image id, and ids come round again between tests.
    cache.clear()
    image = get_image_model().objects.create(title="Cells", file=get_test_image_file(size=(1600, 1200)))

    html = render(blocks.FigureBlock(), {"image": image.pk, "alt_text": "Red blood cells", "caption": ""})

    assert [source["type"] for source in html.select("picture source")] == ["image/avif", "image/webp"]
    assert "480w" in html.select_one("picture source")["srcset"]
    img = html.select_one("picture img")
    assert (img["width"], img["height"], img["loading"]) == ("480", "360", "lazy")
    assert img["src"].endswith(".jpg")


# --- The blocks a parent reads after a diagnosis (issue 14) ---------------------------------------

CHECKED = "2026-11-02"
NCI = {
    "publisher": "National Cancer Institute",
    "title": "Childhood ALL (PDQ®)",
    "url": "https://www.cancer.gov/types/leukemia",
    "published": "",
    "date_checked": CHECKED,
}
EMPTY_SOURCE = {"publisher": "", "title": "", "url": "", "published": "", "date_checked": None}


def test_key_facts_render_as_a_list_each_with_its_source_beside_it():
    html = render(
        blocks.KeyFactsBlock(),
        {
            "heading": "Key facts",
            "facts": [
                {
                    "fact": "Most children are cured: 92 in 100.",
                    "topic": "outlook",
                    "source": {**NCI, "published": "2022"},
                },
                {"fact": "It is not contagious.", "topic": "general", "source": EMPTY_SOURCE},
            ],
        },
    )

    facts = html.select("li.key-fact")
    assert [" ".join(fact.get_text().split()) for fact in facts] == [
        "Most children are cured: 92 in 100. (Source: National Cancer Institute, 2022)",
        "It is not contagious.",
    ]
    assert facts[0].select_one(".citation a")["href"] == "https://www.cancer.gov/types/leukemia"
    assert facts[1].select_one(".citation") is None


@pytest.mark.parametrize(
    "fact",
    ["Treatment lasts about 2 to 3 years.", "92% are alive 5 years later.", "A fever of 100.4°F is an emergency."],
)
def test_a_key_fact_with_a_figure_cannot_be_saved_without_its_source(fact):
    messages = error_messages(blocks.KeyFactBlock(), {"fact": fact, "topic": "general", "source": EMPTY_SOURCE})

    assert messages == [
        "This states a figure: add the source it comes from (publisher, title, web address, date checked)."
    ]


def test_a_key_fact_without_a_figure_needs_no_source_and_911_is_not_a_figure():
    block = blocks.KeyFactBlock()
    for fact in ["It is not contagious.", "In an emergency, call 911.", "Call our 24-hour line."]:
        cleaned = block.clean(block.to_python({"fact": fact, "topic": "general", "source": EMPTY_SOURCE}))
        assert cleaned["fact"] == fact


def test_the_key_facts_box_holds_at_most_seven_facts():
    fact = {"fact": "Short fact.", "topic": "general", "source": EMPTY_SOURCE}

    messages = error_messages(blocks.KeyFactsBlock(), {"heading": "Key facts", "facts": [fact] * 8})

    assert any("at most 7" in message.lower() or "maximum" in message.lower() for message in messages), messages


def test_a_source_names_publisher_title_address_and_date_checked():
    block = blocks.SourceBlock()

    messages = error_messages(
        block, {"publisher": "", "title": "NCI", "url": "", "published": "", "date_checked": None}
    )

    assert messages == ["Needed for every source, so parents and reviewers can check it."] * 3


def test_a_half_filled_source_on_a_fact_is_refused_and_a_future_check_date_too():
    half = {**EMPTY_SOURCE, "publisher": "NCI"}
    future = {**NCI, "date_checked": "2999-01-01"}

    half_messages = error_messages(blocks.KeyFactBlock(), {"fact": "Short.", "topic": "general", "source": half})
    future_messages = error_messages(blocks.SourceBlock(), future)

    assert half_messages.count("Needed for every source, so parents and reviewers can check it.") == 3
    assert future_messages == ["The date checked cannot be in the future."]


def test_tests_render_what_they_are_and_what_a_child_feels():
    html = render(
        blocks.TestsBlock(),
        {
            "heading": "How ALL is diagnosed",
            "intro": "",
            "tests": [
                {
                    "name": "Spinal tap",
                    "also_called": "lumbar puncture",
                    "description": "Checks the spinal fluid.",
                    "what_to_expect": "Your child sleeps.",
                }
            ],
        },
    )

    test = html.select_one("li.medical-test")
    assert test.h3.get_text() == "Spinal tap"
    assert " ".join(test.get_text(" ", strip=True).split()) == (
        "Spinal tap Also called: lumbar puncture Checks the spinal fluid. What your child may feel: Your child sleeps."
    )


def test_treatment_phases_render_in_order_with_how_long_and_the_source():
    html = render(
        blocks.TreatmentPhasesBlock(),
        {
            "heading": "How it is treated",
            "intro": "",
            "phases": [
                {"name": "Induction", "duration": "About 4 weeks", "description": "Remission.", "source": NCI},
                {"name": "Maintenance", "duration": "", "description": "Pills at home.", "source": EMPTY_SOURCE},
            ],
            "note": "<p>Remission is not cure.</p>",
        },
    )

    phases = html.select("ol.phases > li.phase")
    assert [phase.h3.get_text() for phase in phases] == ["Induction", "Maintenance"]
    assert phases[0].select_one(".phase__duration").get_text(" ", strip=True) == "How long: About 4 weeks"
    assert "Source: National Cancer Institute" in phases[0].select_one(".citation").get_text()
    assert phases[1].select_one(".phase__duration") is None
    assert html.select_one(".phases__note").get_text(strip=True) == "Remission is not cure."


def test_a_phase_that_says_how_long_needs_a_source():
    messages = error_messages(
        blocks.TreatmentPhaseBlock(),
        {"name": "Induction", "duration": "About 4 weeks", "description": "Remission.", "source": EMPTY_SOURCE},
    )

    assert messages == [
        "This states a figure: add the source it comes from (publisher, title, web address, date checked)."
    ]


def test_side_effects_render_with_what_helps():
    html = render(
        blocks.SideEffectsBlock(),
        {
            "heading": "Side effects",
            "treatment": "Chemotherapy",
            "intro": "",
            "side_effects": [{"name": "Hair loss", "detail": "It grows back."}],
        },
    )

    assert [li.get_text(" ", strip=True) for li in html.select("ul.side-effects > li")] == ["Hair loss It grows back."]


def when_to_call_value(**changes):
    return {
        "heading": "When to call right away",
        "intro": "",
        "signs": [
            {"sign": "A fever of 100.4°F or higher", "detail": "", "call": "care_team"},
            {"sign": "Trouble breathing", "detail": "Fast or hard.", "call": "call_911"},
        ],
        "do_not": ["Do not give fever medicine."],
        "source": NCI,
        **changes,
    }


FIGURE_WITHOUT_SOURCE = [
    "This states a figure: add the source it comes from (publisher, title, web address, date checked)."
]


@pytest.mark.parametrize(
    "block, value",
    [
        (blocks.SectionBlock(), {"heading": "Outlook", "body": "<p>9 in 10 are cured.</p>"}),
        (
            blocks.TestsBlock(),
            {"heading": "Tests", "intro": "", "tests": [{"name": "Spinal tap", "description": "It takes 20 minutes."}]},
        ),
        (
            blocks.SideEffectsBlock(),
            {
                "heading": "Side effects",
                "treatment": "Chemo",
                "side_effects": [{"name": "Hair loss", "detail": "For 3 months."}],
            },
        ),
        (blocks.WhenToCallBlock(), when_to_call_value(source=EMPTY_SOURCE)),
        (
            blocks.WhenToCallBlock(),
            when_to_call_value(
                signs=[{"sign": "Fever", "detail": "", "call": "care_team"}],
                do_not=["Do not wait 2 hours."],
                source=EMPTY_SOURCE,
            ),
        ),
    ],
    ids=["section", "tests", "side effects", "warning sign", "what not to do"],
)
def test_a_figure_anywhere_in_a_block_needs_its_source(block, value):
    value = {"source": EMPTY_SOURCE, **value}

    assert error_messages(block, value) == FIGURE_WITHOUT_SOURCE
    # With its source, the same text is accepted.
    block.clean(block.to_python({**value, "source": NCI}))


def test_names_and_links_are_not_figures(db):
    """A clotting factor's number and a link's page id are not figures a parent reads."""
    block = blocks.SectionBlock()
    body = '<p>In hemophilia A, factor VIII (8) is low. <a linktype="page" id="42">Find a doctor</a>.</p>'

    cleaned = block.clean(block.to_python({"heading": "What is hemophilia?", "body": body, "source": EMPTY_SOURCE}))

    assert "factor VIII (8)" in cleaned["body"].source


def test_when_to_call_puts_911_signs_first_then_the_24_hour_number_and_what_not_to_do(site_settings):
    site_settings.on_call_phone = "(562) 728-5999"
    site_settings.save()

    html = render(blocks.WhenToCallBlock(), when_to_call_value(), context={"settings": _settings()})

    groups = html.select(".when-to-call__group")
    assert [group.h3.get_text() for group in groups] == [
        "Call 911 now if your child has:",
        "Call the care team right away, day or night, if your child has:",
        "Before you call, do not:",
    ]
    assert groups[0].li.get_text(" ", strip=True) == "Trouble breathing Fast or hard."
    assert groups[0].select_one("a[href='tel:911']")
    assert groups[1].li.get_text(" ", strip=True) == "A fever of 100.4°F or higher"
    call = groups[1].select_one(".when-to-call__action")
    assert " ".join(call.get_text().split()) == "24-hour line: Call (562) 728-5999"
    assert call.a["href"] == "tel:+15627285999"
    assert groups[2].li.get_text() == "Do not give fever medicine."


def test_when_to_call_without_a_24_hour_number_sends_parents_to_the_cancer_center(site_settings):
    html = render(blocks.WhenToCallBlock(), when_to_call_value(), context={"settings": _settings()})

    call = html.select_one(".when-to-call__group--team .when-to-call__action")
    assert "ask for the doctor on call" in call.get_text()
    assert call.a["href"] == "tel:+15627285000"


def _settings():
    """What the ``settings`` context processor gives templates outside a request."""
    from wagtail.contrib.settings.context_processors import SettingProxy

    return SettingProxy(None)


def test_questions_to_ask_are_a_checklist_with_room_for_notes_on_paper():
    html = render(
        blocks.QuestionsToAskBlock(),
        {"heading": "Questions to ask", "intro": "", "questions": ["What is the plan?", "Who do we call at night?"]},
    )

    items = html.select("ul.checklist > li")
    assert [item.get_text(strip=True) for item in items] == ["What is the plan?", "Who do we call at night?"]
    assert all(item.select_one(".print-only.questions-to-ask__notes") for item in items)


def test_glossary_lists_words_a_to_z_as_definitions():
    html = render(
        blocks.GlossaryBlock(),
        {
            "heading": "Words you may hear",
            "terms": [
                {"term": "Remission", "also_called": "", "definition": "No signs of leukemia."},
                {"term": "blast", "also_called": "", "definition": "A young blood cell."},
            ],
        },
    )

    assert [dt.get_text(strip=True) for dt in html.select("dl.glossary > dt")] == ["blast", "Remission"]
    assert html.select_one("dt dfn")["id"] == "term-blast"
    assert [dd.get_text() for dd in html.select("dl.glossary > dd")] == ["A young blood cell.", "No signs of leukemia."]


def test_glossary_refuses_the_same_word_twice():
    terms = [
        {"term": "Remission", "also_called": "", "definition": "One."},
        {"term": "remission ", "also_called": "", "definition": "Two."},
    ]

    messages = error_messages(blocks.GlossaryBlock(), {"heading": "Words", "terms": terms})

    assert messages == ["'remission' is already in this list. Keep one and remove the other."]


def test_a_text_section_shows_its_source_under_the_text():
    html = render(
        blocks.SectionBlock(),
        {"heading": "Outlook", "body": "<p>92 in 100 are alive 5 years later.</p>", "source": NCI},
    )

    assert " ".join(html.select_one(".section__source").get_text().split()) == "(Source: National Cancer Institute)"


def test_causes_show_a_note_under_the_list():
    html = render(
        blocks.CausesBlock(),
        {"heading": "Causes", "causes": [{"name": "DNA", "explanation": "Why."}], "note": "Nothing you did."},
    )

    assert html.select_one(".note").get_text() == "Nothing you did."
