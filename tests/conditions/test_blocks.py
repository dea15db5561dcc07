"""Each block renders what a parent needs and refuses what an editor must fix."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
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
        {"heading": "Sources", "sources": [{"title": "NCI", "publisher": "NIH", "url": "https://www.cancer.gov/"}]},
    )

    assert questions.h3.get_text() == "Is it catching?"
    assert questions.select_one(".prose").get_text(strip=True) == "No."
    assert sources.select_one("ol > li a")["href"] == "https://www.cancer.gov/"
    assert "NIH" in sources.li.get_text()


def all_blocks():
    """Every block an editor can pick, including the items inside the lists."""
    body = ConditionPage._meta.get_field("body").stream_block
    found = []
    for block in body.child_blocks.values():
        found.append(block)
        found += [child.child_block for child in block.child_blocks.values() if hasattr(child, "child_block")]
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
