"""The building blocks of a condition page: one block per concept.

Item blocks (a symptom, a cause, a risk factor, an action…) describe one thing;
section blocks (symptoms, causes, risk factors…) hold a heading and a list of
items, so the page can build its "On this page" links, its 911 box and its
JSON-LD from the same content an editor typed once.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from base.phone import parse_phone

from .choices import Urgency

PREVIEW_TEMPLATE = "conditions/blocks/preview.html"
FIGURE_RENDITION = "max-1200x900"
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
SECTION_FEATURES = ["h3", *RICH_TEXT_FEATURES]


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


# --- Sections ---------------------------------------------------------------------------------


class SectionBlock(blocks.StructBlock):
    """A section of plain text under its own heading, such as "What is ALL?"."""

    heading = blocks.CharBlock(max_length=80, help_text="A short question or title. Listed under 'On this page'.")
    body = blocks.RichTextBlock(features=SECTION_FEATURES, help_text="Short sentences in plain words.")

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


class SourceBlock(blocks.StructBlock):
    """One source the page is based on."""

    title = blocks.CharBlock(max_length=250)
    publisher = blocks.CharBlock(required=False, max_length=200, help_text="Optional. Who published it.")
    url = blocks.URLBlock(required=False, label="Web address")

    class Meta:
        icon = "link"
        label = "Source"
        template = "conditions/blocks/source_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "A book, article or web page this page is based on."
        preview_value = {"title": "Childhood leukemia", "publisher": "National Cancer Institute"}


class SourcesBlock(blocks.StructBlock):
    """Sources and references."""

    heading = blocks.CharBlock(max_length=80, default="Sources")
    sources = NonEmptyListBlock(SourceBlock(), empty_message="Add at least one source.")

    class Meta:
        icon = "link"
        label = "Sources"
        template = "conditions/blocks/sources_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = "The sources this page is based on."
        preview_value = {
            "heading": "Sources",
            "sources": [{"title": "Childhood leukemia", "publisher": "National Cancer Institute"}],
        }


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
    sources = SourcesBlock()

    class Meta:
        block_counts = {"symptoms": {"max_num": 1}}
