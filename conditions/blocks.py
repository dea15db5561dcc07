"""The building blocks of a condition page: one block per concept.

Item blocks (a symptom, a cause, a risk factor, an action…) describe one thing;
section blocks (symptoms, causes, risk factors…) hold a heading and a list of
items, so the page can build its "On this page" links, its 911 box and its
JSON-LD from the same content an editor typed once.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.forms.utils import ErrorList
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from base.phone import parse_phone

from .choices import CallFor, KeyFactTopic, Urgency

PREVIEW_TEMPLATE = "conditions/blocks/preview.html"
FIGURE_RENDITION = "max-1200x900"
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
SECTION_FEATURES = ["h3", *RICH_TEXT_FEATURES]
MAX_KEY_FACTS = 7


class NonEmptyListBlock(blocks.ListBlock):
    """A list that must have at least one item, with an error message that names what is missing."""

    def __init__(self, child_block, empty_message="Add at least one item.", **kwargs):
        self.empty_message = empty_message
        kwargs.setdefault("min_num", 1)
        super().__init__(child_block, **kwargs)

    def clean(self, value):
        """Reject an empty list (unless saving a draft) with ``empty_message``."""
        value = self.normalize(value)
        if not self.is_deferred_validation and len(value) == 0:
            raise ListBlockValidationError(non_block_errors=ErrorList([ValidationError(self.empty_message)]))
        return super().clean(value)


class CrossFieldStructBlock(blocks.StructBlock):
    """A StructBlock with rules that span fields; each error is shown next to the field it concerns."""

    def cross_field_errors(self, value):
        """Return a dict of field name → ValidationError for rules the child blocks cannot express."""
        return {}

    def clean(self, value):
        """Run the child blocks' own validation and ``cross_field_errors()``, reporting every problem at once."""
        errors = dict(self.cross_field_errors(value))
        try:
            cleaned = super().clean(value)
        except StructBlockValidationError as error:
            raise StructBlockValidationError(
                block_errors={**errors, **error.block_errors}, non_block_errors=error.non_block_errors
            ) from error
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return cleaned


class PrefetchingImageChooserBlock(ImageChooserBlock):
    """An image chooser that loads every image of a page, and its renditions, in two queries."""

    def bulk_to_python(self, values):
        """Fetch all images used by the stream at once, with the rendition the figure template uses."""
        images = get_image_model().objects.prefetch_renditions(FIGURE_RENDITION).in_bulk(values)
        return [images.get(pk) for pk in values]


# --- Sources: where a fact comes from ----------------------------------------------------


PREVIEW_SOURCE = {
    "publisher": "National Cancer Institute",
    "title": "Childhood Acute Lymphoblastic Leukemia Treatment (PDQ®), Patient Version",
    "url": "https://www.cancer.gov/types/leukemia/patient/child-all-treatment-pdq",
    "date_checked": "2026-12-07",
}


class SourceBlock(CrossFieldStructBlock):
    """One source: who published it, its title and address, and when our team last checked it.

    ``SourceBlock(optional=True)`` is the "Source" of a single fact or phase: it may be
    left empty, but once anything is typed every part is needed.
    """

    publisher = blocks.CharBlock(
        required=False, max_length=200, help_text="Required. Who published it, for example 'National Cancer Institute'."
    )
    title = blocks.CharBlock(required=False, max_length=250, help_text="Required. The title of the page or article.")
    url = blocks.URLBlock(required=False, label="Web address", help_text="Required. Where a parent can read it.")
    published = blocks.CharBlock(
        required=False,
        max_length=40,
        label="Published or updated",
        help_text="Optional. The year or date the source gives for itself, for example '2025' or 'November 2022'.",
    )
    date_checked = blocks.DateBlock(
        required=False,
        label="Date checked",
        help_text="Required. The day someone on our team last checked that the source still says this.",
    )

    def __init__(self, local_blocks=None, optional=False, **kwargs):
        self.optional = optional
        super().__init__(local_blocks, **kwargs)

    class Meta:
        icon = "link"
        label = "Source"
        template = "conditions/blocks/source_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "A web page or article this page is based on, and when it was last checked."
        preview_value = PREVIEW_SOURCE

    def cross_field_errors(self, value):
        if self.is_deferred_validation:
            return {}
        if self.optional and not any(value.get(name) for name in [*SOURCE_FIELDS, "published"]):
            return {}
        errors = {
            name: ValidationError("Needed for every source, so parents and reviewers can check it.", code="required")
            for name in SOURCE_FIELDS
            if not value.get(name)
        }
        checked = self._checked_date(value.get("date_checked"))
        if checked and checked > timezone.localdate():
            errors["date_checked"] = ValidationError("The date checked cannot be in the future.", code="future_date")
        return errors

    def _checked_date(self, raw):
        """The date as a date, whether it comes from the database or as typed in the admin; None if unreadable.

        An unreadable date is reported by the date field itself.
        """
        try:
            return self.child_blocks["date_checked"].clean(raw)
        except ValidationError:
            return None


def has_source(value):
    """Whether an optional source has been filled in."""
    source = value.get("source")
    return bool(source and source.get("publisher"))


# A number a parent reads as a figure; 911 and the like are phone numbers, not figures, and clotting
# factors are named by number ("factor VIII (8)").
FIGURE_PATTERN = re.compile(r"\d")
NOT_FIGURES = re.compile(r"\b(911|988|24/7|24-hour|24 hours)\b|\bfactor [VIX]+ \(\d+\)", re.IGNORECASE)


def states_a_figure(*texts):
    """Whether any of ``texts`` states a figure (a number, a percentage, a length of time).

    Rich text is read as a parent reads it: tags and their attributes (a link's page id) are not text.
    """
    return any(FIGURE_PATTERN.search(NOT_FIGURES.sub("", strip_tags(str(text or "")))) for text in texts)


def list_texts(items, *field_names):
    """The texts of ``field_names`` in every item of a list block's value."""
    return [item.get(name) for item in items or [] for name in field_names]


def figure_needs_source(value, *field_names, texts=()):
    """``{"source": error}`` when a field (or one of ``texts``) states a figure and no source is given, else ``{}``."""
    if states_a_figure(*(value.get(name) for name in field_names), *texts) and not has_source(value):
        return {
            "source": ValidationError(
                "This states a figure: add the source it comes from (publisher, title, web address, date checked).",
                code="figure_without_source",
            )
        }
    return {}


# --- Sections ---------------------------------------------------------------------------------


class SectionBlock(CrossFieldStructBlock):
    """A section of plain text under its own heading, such as "What is ALL?"."""

    heading = blocks.CharBlock(max_length=80, help_text="A short question or title. Listed under 'On this page'.")
    body = blocks.RichTextBlock(features=SECTION_FEATURES, help_text="Short sentences in plain words.")
    source = SourceBlock(optional=True, help_text="Needed when the text gives a figure.")

    class Meta:
        icon = "doc-full"
        label = "Text section"
        template = "conditions/blocks/section_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "A heading and a few paragraphs, for example 'What is it?'."
        preview_value = {
            "heading": "What is leukemia?",
            "body": "<p>Leukemia is a cancer of the blood cells. It starts in the bone marrow.</p>",
        }

    def cross_field_errors(self, value):
        return figure_needs_source(value, "heading", "body")


# --- Symptoms ---------------------------------------------------------------------------------


class UrgencyValue(blocks.StructValue):
    """A block value whose urgency is an ``Urgency`` member, so templates can say what to do."""

    @property
    def level(self):
        """The urgency as an ``Urgency``; unknown values count as routine rather than failing."""
        try:
            return Urgency(self.get("urgency"))
        except ValueError:
            return Urgency.ROUTINE


class SymptomBlock(blocks.StructBlock):
    """One symptom: what a parent may notice and how soon to act on it."""

    name = blocks.CharBlock(max_length=120, help_text="What a parent would notice, in plain words.")
    description = blocks.TextBlock(required=False, help_text="Optional. One or two short sentences.")
    urgency = blocks.ChoiceBlock(
        choices=Urgency.choices,
        default=Urgency.ROUTINE,
        help_text="How soon to act. Emergency symptoms are also shown at the top of the page.",
    )

    class Meta:
        icon = "warning"
        label = "Symptom"
        template = "conditions/blocks/symptom_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "One symptom, with how soon a parent should act."
        value_class = UrgencyValue
        preview_value = {
            "name": "Trouble breathing",
            "description": "Breathing that is fast, hard or noisy.",
            "urgency": Urgency.EMERGENCY,
        }


def group_by_urgency(symptoms):
    """``[{"level": Urgency, "symptoms": [...]}, …]``, emergencies first, empty levels left out."""
    groups = []
    for level in Urgency.most_urgent_first():
        matching = [symptom for symptom in symptoms if symptom.level == level]
        if matching:
            groups.append({"level": level, "symptoms": matching})
    return groups


class SymptomsBlock(blocks.StructBlock):
    """The symptoms of a condition, shown to parents as a checklist grouped by urgency."""

    heading = blocks.CharBlock(max_length=80, default="Symptoms")
    intro = blocks.TextBlock(required=False, help_text="Optional. A sentence shown above the checklist.")
    symptoms = NonEmptyListBlock(
        SymptomBlock(),
        empty_message="Add at least one symptom.",
        help_text="Shown to parents as a checklist, emergencies first.",
    )

    class Meta:
        icon = "list-ul"
        label = "Symptoms"
        template = "conditions/blocks/symptoms_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "A checklist of symptoms grouped by urgency: call 911, call today, tell your doctor."
        preview_value = {
            "heading": "Symptoms",
            "symptoms": [
                {"name": "Trouble breathing", "urgency": Urgency.EMERGENCY},
                {"name": "Fever", "urgency": Urgency.URGENT},
                {"name": "Tiredness", "urgency": Urgency.ROUTINE},
            ],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["groups"] = group_by_urgency(value["symptoms"])
        return context


# --- Causes and risk factors ------------------------------------------------------------------


class CauseBlock(blocks.StructBlock):
    """One cause of a condition and what it means."""

    name = blocks.CharBlock(max_length=120)
    explanation = blocks.TextBlock(help_text="Explain it in one to three short sentences.")

    class Meta:
        icon = "help"
        label = "Cause"
        template = "conditions/blocks/cause_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "One cause, explained in plain words."
        preview_value = {
            "name": "Changes in DNA",
            "explanation": "Changes in a cell's DNA make blood cells grow the wrong way.",
        }


class CausesBlock(blocks.StructBlock):
    """What causes the condition."""

    heading = blocks.CharBlock(max_length=80, default="What causes it?")
    causes = NonEmptyListBlock(CauseBlock(), empty_message="Add at least one cause.")
    note = blocks.TextBlock(
        required=False,
        help_text="Optional. Shown under the list, for example that nothing a parent did caused it.",
    )

    class Meta:
        icon = "help"
        label = "Causes"
        template = "conditions/blocks/causes_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "A list of causes, each with an explanation."
        preview_value = {
            "heading": "What causes it?",
            "causes": [{"name": "Changes in DNA", "explanation": "Doctors don't yet know why these changes happen."}],
        }


class RiskFactorBlock(blocks.StructBlock):
    """Something that makes a condition more likely."""

    name = blocks.CharBlock(max_length=120)
    explanation = blocks.TextBlock(required=False, help_text="Optional. One or two short sentences.")

    class Meta:
        icon = "pick"
        label = "Risk factor"
        template = "conditions/blocks/risk_factor_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "Something that makes the condition more likely."
        preview_value = {"name": "A brother or sister with the same condition"}


class RiskFactorsBlock(blocks.StructBlock):
    """The risk factors of a condition, with an optional note under them."""

    heading = blocks.CharBlock(max_length=80, default="Risk factors")
    risk_factors = NonEmptyListBlock(RiskFactorBlock(), empty_message="Add at least one risk factor.")
    note = blocks.TextBlock(
        required=False,
        help_text="Optional. Shown under the list, for example that many children have no known risk factor.",
    )

    class Meta:
        icon = "pick"
        label = "Risk factors"
        template = "conditions/blocks/risk_factors_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "A list of risk factors and an optional note."
        preview_value = {
            "heading": "Risk factors",
            "risk_factors": [{"name": "Earlier cancer treatment"}, {"name": "Down syndrome"}],
            "note": "Many children with this condition have none of these risk factors.",
        }


# --- What a parent can do ---------------------------------------------------------------------


class ActionBlock(blocks.StructBlock):
    """One thing a parent can do."""

    action = blocks.CharBlock(max_length=200, help_text="Start with a verb, for example 'Tell your child's doctor…'.")
    detail = blocks.TextBlock(required=False, help_text="Optional. A sentence that explains why or how.")

    class Meta:
        icon = "tick"
        label = "Action"
        template = "conditions/blocks/action_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "One thing a parent can do."
        preview_value = {"action": "Follow the treatment plan carefully."}


class WhatYouCanDoBlock(blocks.StructBlock):
    """Things a parent can do, as a numbered list."""

    heading = blocks.CharBlock(max_length=80, default="What you can do")
    actions = NonEmptyListBlock(ActionBlock(), empty_message="Add at least one thing a parent can do.")

    class Meta:
        icon = "tick-inverse"
        label = "What you can do"
        template = "conditions/blocks/what_you_can_do_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "A list of things a parent can do."
        preview_value = {
            "heading": "What you can do",
            "actions": [
                {"action": "Tell your child's doctor about any changes you notice."},
                {"action": "Follow the treatment plan carefully."},
            ],
        }


# --- Callouts and calls to action -------------------------------------------------------------


class CareCalloutBlock(blocks.StructBlock):
    """A boxed message with an urgency level, for advice that must stand out."""

    urgency = blocks.ChoiceBlock(choices=Urgency.choices, default=Urgency.URGENT)
    heading = blocks.CharBlock(max_length=100)
    text = blocks.TextBlock()

    class Meta:
        icon = "warning"
        label = "Care callout"
        template = "conditions/blocks/care_callout_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "A boxed message that says how soon to act."
        value_class = UrgencyValue
        preview_value = {
            "urgency": Urgency.URGENT,
            "heading": "Fever during treatment",
            "text": "Call the care team right away, day or night.",
        }


def validate_link(value):
    """Accept a path on this site ("/find-a-doctor/…") or a full http(s) address."""
    if value.startswith("/") and not value.startswith("//"):
        return
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise ValidationError(
            "Enter a path on this site that starts with /, or a full web address that starts with https://.",
            code="invalid_link",
        ) from None


class CallToActionBlock(CrossFieldStructBlock):
    """Who to call, with a tap-to-call number, and an optional link such as Find a Doctor."""

    heading = blocks.CharBlock(max_length=100)
    text = blocks.TextBlock(required=False)
    phone = blocks.CharBlock(
        required=False,
        max_length=32,
        help_text="Leave blank to use the cancer center number from Site settings.",
    )
    link_text = blocks.CharBlock(required=False, max_length=80, help_text="For example: Find a doctor")
    link_url = blocks.CharBlock(
        required=False,
        max_length=300,
        label="Link goes to",
        help_text="A path on this site such as /find-a-doctor/, or a full web address.",
    )

    class Meta:
        icon = "mail"
        label = "Call to action"
        template = "conditions/blocks/call_to_action_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "A phone number parents can tap, with an optional link."
        preview_value = {
            "heading": "Talk to our experts",
            "text": "To make an appointment, call our cancer center.",
            "phone": "(562) 728-5000",
            "link_text": "Find a doctor",
            "link_url": "/find-a-doctor/",
        }

    def cross_field_errors(self, value):
        errors = {}
        if value.get("phone"):
            try:
                parse_phone(value["phone"])
            except ValidationError as error:
                errors["phone"] = error
        link_text, link_url = value.get("link_text"), value.get("link_url")
        if link_url:
            try:
                validate_link(link_url)
            except ValidationError as error:
                errors["link_url"] = error
        if link_url and not link_text:
            errors["link_text"] = ValidationError("Add the words for the link, for example 'Find a doctor'.")
        if link_text and not link_url:
            errors["link_url"] = ValidationError("Add where the link goes, or remove the link text.")
        return errors


# --- Images, questions, sources ---------------------------------------------------------------


class FigureBlock(CrossFieldStructBlock):
    """A picture with the words that describe it for people who cannot see it."""

    image = PrefetchingImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        label="Alt text",
        help_text="Required. Describe what the picture shows for someone who cannot see it.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Image"
        template = "conditions/blocks/figure_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "A picture with alt text and an optional caption."

    def get_preview_value(self):
        """The newest image in the library, so the block picker shows a real picture when there is one."""
        return self.normalize(
            {
                "image": get_image_model().objects.order_by("-created_at").first(),
                "alt_text": "A picture from the image library",
                "caption": "A picture that helps explain the condition.",
            }
        )

    def cross_field_errors(self, value):
        if not self.is_deferred_validation and value.get("image") and not (value.get("alt_text") or "").strip():
            return {
                "alt_text": ValidationError(
                    "Add alt text: describe what the picture shows for people who cannot see it.",
                    code="missing_alt_text",
                )
            }
        return {}


class QuestionBlock(blocks.StructBlock):
    """A question parents ask, with its answer."""

    question = blocks.CharBlock(max_length=200)
    answer = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = "Question and answer"
        template = "conditions/blocks/question_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "A question parents ask, and the answer."
        preview_value = {"question": "Can it be treated?", "answer": "<p>Yes. Your care team will explain how.</p>"}


class QuestionsBlock(blocks.StructBlock):
    """Questions and answers."""

    heading = blocks.CharBlock(max_length=80, default="Questions parents ask")
    questions = NonEmptyListBlock(QuestionBlock(), empty_message="Add at least one question.")

    class Meta:
        icon = "help"
        label = "Questions and answers"
        template = "conditions/blocks/questions_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "Questions parents ask, each with an answer."
        preview_value = {
            "heading": "Questions parents ask",
            "questions": [{"question": "Can it be treated?", "answer": "<p>Yes. Your care team will explain how.</p>"}],
        }


SOURCE_FIELDS = ("publisher", "title", "url", "date_checked")


class SourcesBlock(blocks.StructBlock):
    """Sources and references."""

    heading = blocks.CharBlock(max_length=80, default="Sources")
    sources = NonEmptyListBlock(SourceBlock(), empty_message="Add at least one source.")

    class Meta:
        icon = "link"
        label = "Sources"
        template = "conditions/blocks/sources_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "The sources this page is based on, each with the date it was checked."
        preview_value = {
            "heading": "Sources",
            "sources": [PREVIEW_SOURCE],
        }


# --- What a parent asks after a diagnosis ------------------------------------------------------


class KeyFactBlock(CrossFieldStructBlock):
    """One fact a parent can take in at a glance, with its source when it states a figure."""

    fact = blocks.TextBlock(
        max_length=220, help_text="One or two short sentences. A parent should take it in at a glance."
    )
    topic = blocks.ChoiceBlock(
        choices=KeyFactTopic.choices,
        default=KeyFactTopic.GENERAL,
        help_text="Search engines read the facts about how common it is and the outlook.",
    )
    source = SourceBlock(optional=True, help_text="Needed when the fact has a number in it.")

    class Meta:
        icon = "info-circle"
        label = "Key fact"
        template = "conditions/blocks/key_fact_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "One short fact, with its source."
        preview_value = {
            "fact": "Most children with this condition are cured.",
            "topic": KeyFactTopic.OUTLOOK,
            "source": PREVIEW_SOURCE,
        }

    def cross_field_errors(self, value):
        return figure_needs_source(value, "fact")


class KeyFactsBlock(blocks.StructBlock):
    """The few facts a parent reads first, in a box right under the 911 signs."""

    heading = blocks.CharBlock(max_length=80, default="Key facts")
    facts = NonEmptyListBlock(
        KeyFactBlock(),
        max_num=MAX_KEY_FACTS,
        empty_message="Add at least one key fact.",
        help_text=f"Up to {MAX_KEY_FACTS}. Short enough to read in ten seconds.",
    )

    class Meta:
        icon = "info-circle"
        label = "Key facts"
        template = "conditions/blocks/key_facts_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "A box of a few short facts, each with its source. Shown right under the 911 signs."
        preview_value = {
            "heading": "Key facts",
            "facts": [
                {"fact": "It is not caused by anything a parent did.", "topic": KeyFactTopic.GENERAL},
                {"fact": "It is not contagious.", "topic": KeyFactTopic.GENERAL},
            ],
        }


PREVIEW_MEDICAL_TEST = {
    "name": "Blood count",
    "also_called": "complete blood count, CBC",
    "description": "A blood test that counts each kind of blood cell.",
    "what_to_expect": "A small needle takes a little blood from a vein.",
}


class MedicalTestBlock(blocks.StructBlock):
    """One test a child may have, in plain words."""

    name = blocks.CharBlock(max_length=120, help_text="What doctors call it, for example 'Bone marrow test'.")
    also_called = blocks.CharBlock(
        required=False, max_length=160, help_text="Optional. Other names, for example 'bone marrow aspiration'."
    )
    description = blocks.TextBlock(help_text="What it is and what it shows, in one to three short sentences.")
    what_to_expect = blocks.TextBlock(
        required=False, help_text="Optional. What your child will see or feel, for example 'Your child sleeps'."
    )

    class Meta:
        icon = "clipboard-list"
        label = "Test"
        template = "conditions/blocks/medical_test_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "One test, what it shows and what it feels like."
        preview_value = PREVIEW_MEDICAL_TEST


class TestsBlock(CrossFieldStructBlock):
    """The tests that find and describe a condition (schema.org ``typicalTest``)."""

    heading = blocks.CharBlock(max_length=80, default="How it is diagnosed")
    intro = blocks.TextBlock(required=False, help_text="Optional. A sentence shown above the tests.")
    tests = NonEmptyListBlock(MedicalTestBlock(), empty_message="Add at least one test.")
    source = SourceBlock(optional=True, help_text="Where this information comes from. Needed when it gives a figure.")

    class Meta:
        icon = "clipboard-list"
        label = "Tests"
        template = "conditions/blocks/tests_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "The tests a child may have, each explained in plain words."
        preview_value = {"heading": "How it is diagnosed", "tests": [PREVIEW_MEDICAL_TEST]}

    def cross_field_errors(self, value):
        texts = list_texts(value.get("tests"), "also_called", "description", "what_to_expect")
        return figure_needs_source(value, "intro", texts=texts)


PREVIEW_TREATMENT_PHASE = {
    "name": "Induction",
    "duration": "About 4 weeks",
    "description": "Strong medicines get rid of the leukemia cells in the blood and bone marrow.",
    "source": PREVIEW_SOURCE,
}


class TreatmentPhaseBlock(CrossFieldStructBlock):
    """One phase of treatment: its name, roughly how long it lasts, and what it does."""

    name = blocks.CharBlock(max_length=100, help_text="For example 'Induction'.")
    duration = blocks.CharBlock(
        required=False, max_length=80, help_text="Optional. Roughly how long, for example 'About 4 weeks'."
    )
    description = blocks.TextBlock(help_text="What happens in this phase and why, in short sentences.")
    source = SourceBlock(optional=True, help_text="Needed when the phase gives a length of time or another figure.")

    class Meta:
        icon = "time"
        label = "Treatment phase"
        template = "conditions/blocks/treatment_phase_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "One phase of treatment and how long it lasts."
        preview_value = PREVIEW_TREATMENT_PHASE

    def cross_field_errors(self, value):
        return figure_needs_source(value, "duration", "description")


class TreatmentPhasesBlock(blocks.StructBlock):
    """How a condition is treated, phase by phase (schema.org ``possibleTreatment``)."""

    heading = blocks.CharBlock(max_length=80, default="How it is treated")
    intro = blocks.TextBlock(required=False, help_text="Optional. A sentence or two shown above the phases.")
    phases = NonEmptyListBlock(
        TreatmentPhaseBlock(), empty_message="Add at least one phase.", help_text="In the order they happen."
    )
    note = blocks.RichTextBlock(
        required=False,
        features=RICH_TEXT_FEATURES,
        help_text="Optional. Shown under the phases, for example what remission means.",
    )

    class Meta:
        icon = "time"
        label = "Treatment phases"
        template = "conditions/blocks/treatment_phases_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "The phases of treatment in order, each with how long it lasts."
        preview_value = {"heading": "How it is treated", "phases": [PREVIEW_TREATMENT_PHASE]}


PREVIEW_SIDE_EFFECT = {"name": "Hair loss", "detail": "Hair grows back after treatment."}


class SideEffectBlock(blocks.StructBlock):
    """One common side effect and what helps."""

    name = blocks.CharBlock(max_length=120)
    detail = blocks.TextBlock(required=False, help_text="Optional. What it is like, and what helps.")

    class Meta:
        icon = "form"
        label = "Side effect"
        template = "conditions/blocks/side_effect_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "One side effect of treatment and what helps."
        preview_value = PREVIEW_SIDE_EFFECT


class SideEffectsBlock(CrossFieldStructBlock):
    """Common side effects of a treatment (schema.org ``adverseOutcome`` of that treatment)."""

    heading = blocks.CharBlock(max_length=80, default="Common side effects")
    treatment = blocks.CharBlock(
        max_length=80, help_text="The treatment these come from, for example 'Chemotherapy'. Search engines read it."
    )
    intro = blocks.TextBlock(required=False, help_text="Optional. A sentence shown above the list.")
    side_effects = NonEmptyListBlock(SideEffectBlock(), empty_message="Add at least one side effect.")
    source = SourceBlock(optional=True, help_text="Where this information comes from. Needed when it gives a figure.")

    class Meta:
        icon = "form"
        label = "Side effects"
        template = "conditions/blocks/side_effects_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "The common side effects of a treatment, each with what helps."
        preview_value = {
            "heading": "Common side effects",
            "treatment": "Chemotherapy",
            "side_effects": [PREVIEW_SIDE_EFFECT],
        }

    def cross_field_errors(self, value):
        return figure_needs_source(value, "intro", texts=list_texts(value.get("side_effects"), "name", "detail"))


class WarningSignValue(blocks.StructValue):
    """A warning sign that knows who to call for it."""

    @property
    def call_911(self):
        return self.get("call") == CallFor.CALL_911


PREVIEW_WARNING_SIGN = {"sign": "A fever of 100.4°F (38°C) or higher", "detail": "", "call": CallFor.CARE_TEAM}


class WarningSignBlock(blocks.StructBlock):
    """A sign that means "call now" for a child on treatment."""

    sign = blocks.CharBlock(max_length=160, help_text="What a parent sees, for example 'A fever of 100.4°F or higher'.")
    detail = blocks.TextBlock(required=False, help_text="Optional. One short sentence more.")
    call = blocks.ChoiceBlock(
        choices=CallFor.choices,
        default=CallFor.CARE_TEAM,
        help_text="911 only where minutes count, such as trouble breathing or a seizure.",
    )

    class Meta:
        icon = "warning"
        label = "Warning sign"
        template = "conditions/blocks/warning_sign_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "A sign that means a parent should call now, and who to call."
        value_class = WarningSignValue
        preview_value = PREVIEW_WARNING_SIGN


class WhenToCallBlock(CrossFieldStructBlock):
    """The "call right away" box for a child on treatment, with the 24-hour number from Site settings."""

    heading = blocks.CharBlock(max_length=80, default="When to call right away")
    intro = blocks.TextBlock(
        required=False, help_text="Optional. For example 'While your child is getting treatment, call us if…'."
    )
    signs = NonEmptyListBlock(WarningSignBlock(), empty_message="Add at least one warning sign.")
    do_not = blocks.ListBlock(
        blocks.CharBlock(max_length=200),
        default=[],
        label="Before you call, do not",
        help_text="Optional. Things not to do before calling, for example 'Do not give fever medicine'.",
    )
    source = SourceBlock(
        optional=True, help_text="Where this advice comes from. Needed when a sign gives a figure, such as a fever."
    )

    class Meta:
        icon = "warning"
        label = "When to call right away"
        template = "conditions/blocks/when_to_call_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "The signs that mean call now, day or night, with the 24-hour number from Site settings."
        preview_value = {
            "heading": "When to call right away",
            "signs": [
                {"sign": "Trouble breathing", "detail": "", "call": CallFor.CALL_911},
                PREVIEW_WARNING_SIGN,
            ],
            "do_not": ["Do not give fever medicine before you call."],
        }

    def cross_field_errors(self, value):
        texts = [*list_texts(value.get("signs"), "sign", "detail"), *(value.get("do_not") or [])]
        return figure_needs_source(value, "intro", texts=texts)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        signs = list(value["signs"])
        context["call_911_signs"] = [sign for sign in signs if sign.call_911]
        context["care_team_signs"] = [sign for sign in signs if not sign.call_911]
        return context


class QuestionsToAskBlock(blocks.StructBlock):
    """Questions a parent can take to the next visit; printed with room for notes."""

    heading = blocks.CharBlock(max_length=80, default="Questions to ask the care team")
    intro = blocks.TextBlock(required=False, help_text="Optional. A sentence shown above the questions.")
    questions = NonEmptyListBlock(
        blocks.CharBlock(max_length=200, label="Question"), empty_message="Add at least one question."
    )

    class Meta:
        icon = "help"
        label = "Questions to ask"
        template = "conditions/blocks/questions_to_ask_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "A checklist of questions for the care team, with room for notes when printed."
        preview_value = {
            "heading": "Questions to ask the care team",
            "questions": ["What is the plan for my child's treatment?", "Who do we call at night?"],
        }


PREVIEW_GLOSSARY_TERM = {"term": "Remission", "definition": "Tests find no signs of the disease."}


class GlossaryTermBlock(blocks.StructBlock):
    """One word doctors use, defined in plain words."""

    term = blocks.CharBlock(max_length=60)
    also_called = blocks.CharBlock(required=False, max_length=120, help_text="Optional. Other words for the same.")
    definition = blocks.TextBlock(help_text="One or two short sentences in everyday words.")

    class Meta:
        icon = "openquote"
        label = "Word and meaning"
        template = "conditions/blocks/glossary_term_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "A word doctors use, and what it means."
        preview_value = PREVIEW_GLOSSARY_TERM


class GlossaryBlock(blocks.StructBlock):
    """Words a parent will hear from the care team (schema.org ``DefinedTermSet``)."""

    heading = blocks.CharBlock(max_length=80, default="Words you may hear")
    terms = NonEmptyListBlock(
        GlossaryTermBlock(), empty_message="Add at least one word.", help_text="Shown in A–Z order."
    )

    class Meta:
        icon = "openquote"
        label = "Glossary"
        template = "conditions/blocks/glossary_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "Words doctors use, each explained in plain words, in A–Z order."
        preview_value = {"heading": "Words you may hear", "terms": [PREVIEW_GLOSSARY_TERM]}

    def clean(self, value):
        """Refuse the same word twice, next to the second one, so the A–Z list has one meaning per word."""
        cleaned = super().clean(value)
        seen = set()
        for index, term in enumerate(cleaned["terms"]):
            key = " ".join(term["term"].lower().split())
            if key in seen:
                duplicate = ValidationError(
                    f"'{term['term']}' is already in this list. Keep one and remove the other.", code="duplicate_term"
                )
                term_error = StructBlockValidationError(block_errors={"term": duplicate})
                raise StructBlockValidationError(
                    block_errors={"terms": ListBlockValidationError(block_errors={index: term_error})}
                )
            seen.add(key)
        return cleaned

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["terms"] = sorted(value["terms"], key=lambda term: term["term"].lower())
        return context


class ConditionBodyBlock(blocks.StreamBlock):
    """Everything an editor can put in the body of a condition page."""

    section = SectionBlock()
    symptoms = SymptomsBlock()
    causes = CausesBlock()
    risk_factors = RiskFactorsBlock()
    what_you_can_do = WhatYouCanDoBlock()
    care_callout = CareCalloutBlock()
    call_to_action = CallToActionBlock()
    image = FigureBlock()
    questions = QuestionsBlock()
    tests = TestsBlock()
    treatment_phases = TreatmentPhasesBlock()
    side_effects = SideEffectsBlock()
    when_to_call = WhenToCallBlock()
    questions_to_ask = QuestionsToAskBlock()
    glossary = GlossaryBlock()
    sources = SourcesBlock()

    class Meta:
        block_counts = {"symptoms": {"max_num": 1}, "glossary": {"max_num": 1}}
