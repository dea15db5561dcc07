"""Condition pages: what a parent reads about their child's illness."""

import re
import string
import unicodedata
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.validators import MaxLengthValidator
from django.db import connection, models, transaction
from django.db.models import Q
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import strip_tags
from django.utils.http import urlencode
from django.utils.text import slugify
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import AbstractGroupApprovalTask, Page, PageManager, PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from base.cache import CachedViewRestrictionsMixin, any_view_restrictions
from base.edit_conflicts import PageConflictCheckForm
from base.i18n import page_language
from base.workflows import ReviewRequired

from . import structured_data
from .blocks import CallToActionBlock, ConditionBodyBlock, KeyFactsBlock
from .choices import Urgency
from .forms import ConditionFilterForm, ConditionPageForm
from .panels import ReadingLevelPanel
from .translation_review import ReviewedTranslationMixin, approval_problems, show_english_urgency

FIND_A_DOCTOR_PATH = "/find-a-doctor/"
REVIEW_DUE_SOON_DAYS = 30
SUMMARY_MAX_LENGTH = 300

# Body blocks that start a section of their own and are listed under "On this page".
SECTION_BLOCK_TYPES = (
    "section",
    "symptoms",
    "causes",
    "risk_factors",
    "what_you_can_do",
    "questions",
    "tests",
    "treatment_phases",
    "side_effects",
    "when_to_call",
    "questions_to_ask",
    "glossary",
    "sources",
)
# Ids the page template uses itself; a section heading must not take one of them.
KEY_FACTS_ANCHOR = "key-facts"
RESERVED_ANCHORS = {"main", "call-911", KEY_FACTS_ANCHOR, "get-help", "on-this-page", "medical-review", "site-search"}

# More words than this in a search box is not a parent looking for a condition.
MAX_QUERY_WORDS = 12


# Block fields that hold codes, links or ids rather than words a parent reads. Sources are
# names of documents, not sentences, so they are left out of the reading level too.
NON_PROSE_KEYS = {"id", "type", "urgency", "call", "topic", "url", "link_url", "phone", "image", "source", "sources"}


def _plain_strings(value):
    """The prose inside raw StreamField data, rich text reduced to plain text, each ending as a sentence."""
    if isinstance(value, str):
        text = " ".join(strip_tags(value.replace("</", " </")).split())
        if text and text[-1] not in ".!?:":
            # Symptom names and headings have no full stop; without one they would run into a single sentence.
            text += "."
        return [text] if text.strip(".") else []
    if isinstance(value, dict):
        return [text for key, item in value.items() if key not in NON_PROSE_KEYS for text in _plain_strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _plain_strings(item)]
    return []


# The StreamFields that hold words a parent reads (and a translator translates).
STREAM_FIELDS_OF_WORDS = ("key_facts", "call_to_action", "body")


def with_block_ids(stream_value):
    """The same StreamField value with every list item stored as a block with an id.

    Lists written as plain Python lists (the demo loader, tests, old data) are
    stored as they were given until someone edits them in the admin, and
    wagtail-localize skips list items in that old form: their English words would
    reach a Spanish page without ever being offered for translation. Reading every
    block once makes Wagtail write them in the current form.
    """
    for block in stream_value:
        block.value  # noqa: B018 - builds the bound block, whose prep value has ids
    return stream_value


def find_a_doctor_url(condition_slug):
    """The Find a Doctor search, prefiltered to one condition."""
    try:
        base = reverse("providers:search")
    except NoReverseMatch:
        # The providers app owns this URL; until its view is registered, link to the public path it will serve.
        base = FIND_A_DOCTOR_PATH
    return f"{base}?{urlencode({'condition': condition_slug})}"


def query_words(query):
    """The words of a search box entry, lower-cased, punctuation and search-engine syntax dropped."""
    return re.findall(r"\w+", (query or "").lower())[:MAX_QUERY_WORDS]


def _folded_words(text):
    """Lower-case words with accents removed, so "ebola" matches "Ébola" on every database."""
    decomposed = unicodedata.normalize("NFKD", (text or "").lower())
    return re.findall(r"\w+", "".join(char for char in decomposed if not unicodedata.combining(char)))


def default_contact():
    """The call to action shown when a page has none of its own: the cancer center from Site settings."""
    return CallToActionBlock().normalize({"heading": "Questions or appointments", "text": ""})


class ConditionPageQuerySet(PageQuerySet):
    """Condition pages, with the searches parents need."""

    def in_language(self, language=None):
        """Pages in one language's tree: the request's language unless told ("en", "es")."""
        from base.i18n import current_language, locale_id

        # By id (from the site cache): the search backends can filter on locale, not on its code.
        return self.filter(locale_id=locale_id(language or current_language()))

    def english(self):
        """The English pages: the ones Find a Doctor links doctors to."""
        return self.in_language(settings.LANGUAGE_CODE)

    def full_text_ids(self, query, language=None):
        """Primary keys of pages whose indexed text (title, names, summary, symptoms…) matches every word."""
        words = query_words(query)
        if not words:
            return set()
        return {page.pk for page in self.text_search(" ".join(words), language)}

    def text_search(self, words, language=None):
        """Pages whose words match every one of ``words``, best first, in the pages' language.

        English pages use Wagtail's search index (PostgreSQL's ``english`` configuration).
        Spanish pages on PostgreSQL are matched with the ``spanish`` configuration, which
        stems ("leucemias" finds "leucemia") and drops accents ("medula" finds
        "médula"), computed on the fly over title, names, summary and ``search_text``
        (everything a parent reads on the page): one index cannot hold two
        configurations (wagtail#9253), and there are only a few hundred pages. On
        SQLite, which has no Spanish stemmer, every word typed must start a word of
        the same text, accents ignored ("medul" finds "médula"; "leucemias" does not
        find "leucemia", which site search's spelling correction then does).
        """
        from base.i18n import SPANISH, current_language

        if (language or current_language()) == SPANISH and connection.vendor != "postgresql":
            typed = _folded_words(words)
            found = [
                pk
                for pk, *texts in self.values_list("pk", "title", "alternate_names", "summary", "search_text")
                if all(any(word.startswith(t) for word in _folded_words(" ".join(texts))) for t in typed)
            ]
            return self.filter(pk__in=found).order_by("title")
        if (language or current_language()) == SPANISH:
            from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

            vector = (
                SearchVector("title", weight="A", config="spanish")
                + SearchVector("alternate_names", weight="A", config="spanish")
                + SearchVector("summary", "search_text", weight="B", config="spanish")
            )
            query = SearchQuery(words, config="spanish", search_type="plain")
            return self.annotate(document=vector).filter(document=query).order_by(SearchRank(vector, query).desc())
        return self.search(words, operator="and")

    def search_for_parents(self, query, names=None, language=None):
        """Pages for a search box: exact name matches first, then full-text matches.

        PostgreSQL's English full text drops stop words such as "all", so a
        parent typing "ALL" would find nothing by full text alone; matching the
        title and "also known as" names as whole names puts the ALL page back.
        ``names`` (from ``whole_names()``, e.g. kept in the site cache) saves the
        query for name matches when no page is called what was typed.
        """
        wanted = " ".join(query_words(query))
        if not wanted:
            return []
        if names is None:
            candidates = self.filter(Q(title__icontains=wanted) | Q(alternate_names__icontains=wanted))
        else:
            named = [pk for pk, page_names in names if wanted in page_names]
            candidates = self.filter(pk__in=named) if named else self.none()
        by_name = (
            [
                page
                for page in candidates.order_by("title")
                if wanted in {" ".join(query_words(name)) for name in [page.title, *page.alternate_name_list]}
            ]
            if names is None or named
            else []
        )
        seen = {page.pk for page in by_name}
        return by_name + [page for page in self.text_search(wanted, language) if page.pk not in seen]

    def whole_names(self):
        """``[(pk, {name, …})]``: each page's title and "also known as" names as search_for_parents() compares them."""
        return [
            (pk, {" ".join(query_words(name)) for name in [title, *alternate_names.split(",")] if query_words(name)})
            for pk, title, alternate_names in self.values_list("pk", "title", "alternate_names")
        ]


ConditionPageManager = PageManager.from_queryset(ConditionPageQuerySet)


class ConditionIndexPage(ReviewedTranslationMixin, CachedViewRestrictionsMixin, Page):
    """The A–Z list of conditions at /conditions/."""

    base_form_class = PageConflictCheckForm

    intro = models.TextField(blank=True, help_text="A sentence or two shown above the A–Z list.")

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["base.HomePage"]
    subpage_types = ["conditions.ConditionPage"]
    # One A–Z index per language.
    max_count_per_parent = 1

    # What a translator translates; the address stays the English one (docs/spanish.md).
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        SynchronizedField("slug"),
        SynchronizedField("show_in_menus"),
    ]

    class Meta:
        verbose_name = "condition index page"

    def route(self, request, path_components):
        """Find a condition page by slug in one query, already in its specific form."""
        if not path_components:
            return super().route(request, path_components)
        try:
            subpage = ConditionPage.objects.child_of(self).get(slug=path_components[0])
        except ConditionPage.DoesNotExist as error:
            raise Http404 from error
        subpage._cached_parent_obj = self
        return subpage.route(request, path_components[1:])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        live_conditions = ConditionPage.objects.child_of(self).live()
        # Wagtail's privacy check is a query; skipped while no page on the site is private.
        public_conditions = live_conditions.public() if any_view_restrictions(request) else live_conditions
        conditions = list(public_conditions.order_by("title"))
        form = ConditionFilterForm(request.GET or None)
        query = ""
        if form.is_valid() and form.cleaned_data["q"]:
            query = form.cleaned_data["q"]
            conditions = filter_conditions(conditions, query, live_conditions.full_text_ids(query, page_language(self)))
        letters = group_by_letter(conditions)
        not_yet_translated = []
        if page_language(self, request) != settings.LANGUAGE_CODE and not query:
            # English pages with no Spanish version yet: listed, in English, below the Spanish ones.
            translated = [page.translation_key for page in conditions]
            english = ConditionPage.objects.live().english().exclude(translation_key__in=translated)
            public_english = english.public() if any_view_restrictions(request) else english
            not_yet_translated = [
                {"title": page.title, "url": page.get_url(request=request)}
                for page in public_english.only("title", "url_path", "locale_id").order_by("title")
            ]
        context.update(
            {
                "not_yet_translated": not_yet_translated,
                "filter_form": form,
                "query": query,
                "conditions": conditions,
                "letters": letters,
                "alphabet": alphabet(letters),
            }
        )
        return context


def filter_conditions(conditions, query, text_match_ids=frozenset()):
    """The conditions a filter box entry points to, in their original order.

    A condition matches when every word typed starts a word of its title,
    "also known as" names or summary ("leuk" finds leukemia), or when the
    full-text index found the words in the page (``text_match_ids``: a
    symptom such as "nosebleeds").
    """
    words = _folded_words(" ".join(query_words(query)))
    if not words:
        return conditions

    def starts_words(page):
        page_words = set(_folded_words(" ".join([page.title, page.alternate_names, page.summary])))
        return all(any(word.startswith(typed) for word in page_words) for typed in words)

    return [page for page in conditions if page.pk in text_match_ids or starts_words(page)]


def first_letter(title):
    """The A–Z letter a title is filed under; accents are dropped and anything else goes under "#"."""
    plain = unicodedata.normalize("NFKD", title.strip()).encode("ascii", "ignore").decode()
    letter = plain[:1].upper()
    return letter if "A" <= letter <= "Z" else "#"


def group_by_letter(conditions):
    """``[{"letter": "A", "anchor": "letter-a", "conditions": [...]}, …]`` for the letters that have conditions."""
    groups = {}
    for page in conditions:
        groups.setdefault(first_letter(page.title), []).append(page)
    return [
        {"letter": letter, "anchor": "letter-" + ("other" if letter == "#" else letter.lower()), "conditions": pages}
        for letter, pages in sorted(groups.items(), key=lambda item: (item[0] == "#", item[0]))
    ]


def alphabet(letters):
    """A to Z (and "#" when used), each with the anchor of its group, or None when no condition starts with it."""
    anchors = {group["letter"]: group["anchor"] for group in letters}
    shown = [*string.ascii_uppercase, *(["#"] if "#" in anchors else [])]
    return [{"letter": letter, "anchor": anchors.get(letter)} for letter in shown]


# What a medical review recorded belongs to the page it reviewed: a copy, and a translation (which
# starts as a copy), have not been reviewed yet.
REVIEW_FIELDS = ["reviewer_name", "reviewer_credentials", "reviewer_provider", "last_reviewed", "next_review_due"]


class ConditionPage(ReviewedTranslationMixin, CachedViewRestrictionsMixin, Page):
    """One condition, written for parents, reviewed by a clinician.

    The body is a stream of structured blocks. The 911 box at the top, the
    "On this page" links, the search index and the JSON-LD are all built from
    those blocks, so nothing is typed twice.
    """

    alternate_names = models.CharField(
        "also known as",
        max_length=255,
        blank=True,
        help_text="Other names parents may use, separated by commas. For example: acute lymphocytic leukemia, ALL",
    )
    summary = models.TextField(
        max_length=SUMMARY_MAX_LENGTH,
        validators=[MaxLengthValidator(SUMMARY_MAX_LENGTH)],
        help_text="Two or three short sentences in plain words. Also used as the description in search engines.",
    )
    key_facts = StreamField(
        [("key_facts", KeyFactsBlock())],
        blank=True,
        max_num=1,
        verbose_name="key facts",
        help_text=(
            "A box of a few short facts, shown right under the 911 signs: what a parent should know in ten "
            "seconds. Every fact with a number needs its source."
        ),
    )
    call_to_action = StreamField(
        [("call_to_action", CallToActionBlock())],
        blank=True,
        max_num=1,
        verbose_name="who to call",
        help_text=(
            "Shown near the top of the page, under the 911 symptoms. Leave empty to show the cancer center's "
            "number from Site settings. A 'Find a doctor who treats this' link is always added."
        ),
    )
    body = StreamField(
        ConditionBodyBlock(),
        help_text=(
            "Suggested order: symptoms, what it is, tests, treatment, side effects and when to call, after "
            "treatment, causes, risk factors, what you can do, questions to ask, support, glossary, sources. "
            "Each section is listed under 'On this page'."
        ),
    )
    related_specialties = ParentalManyToManyField(
        "providers.Specialty",
        blank=True,
        related_name="condition_pages",
        help_text="The kinds of doctors who treat this condition. Search engines read this.",
    )
    search_text = models.TextField(
        editable=False,
        blank=True,
        help_text="Everything a parent reads on the page as plain text, for Spanish full-text search.",
    )
    reviewer_provider = models.ForeignKey(
        "providers.Provider",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_condition_pages",
        verbose_name="reviewer's directory profile",
        help_text="Optional. If the reviewer is in Find a Doctor, pick them so parents can read their profile.",
    )
    reviewer_name = models.CharField(
        "reviewed by",
        max_length=120,
        default="",
        blank=True,
        help_text=(
            "The clinician who checked this page, for example 'Maria Lopez'. Filled in automatically when a "
            "medical reviewer approves the page. Needed to publish."
        ),
    )
    reviewer_credentials = models.CharField(
        "credentials",
        max_length=120,
        blank=True,
        help_text="For example 'MD, pediatric hematology-oncology'.",
    )
    last_reviewed = models.DateField(
        "last reviewed",
        null=True,
        blank=True,
        help_text="The date the clinician approved this version. Filled in automatically on approval.",
    )
    next_review_due = models.DateField(
        "next review due",
        null=True,
        blank=True,
        help_text=(
            "Usually a year after the last review. Must be after the last review. Set to a year from the "
            "approval automatically if it is not already later."
        ),
    )

    objects = ConditionPageManager()
    base_form_class = ConditionPageForm
    exclude_fields_in_copy = REVIEW_FIELDS
    # What a translator translates. Urgency levels are not text, so they are never a segment: they come
    # from the English page. The slug stays the English one, so /es/ + the English path is the twin and
    # Find a Doctor's ?condition= works in both languages. The review fields are the Spanish page's own,
    # filled in when a reviewer approves it (docs/spanish.md).
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("alternate_names"),
        TranslatableField("summary"),
        TranslatableField("key_facts"),
        TranslatableField("call_to_action"),
        TranslatableField("body"),
        SynchronizedField("slug"),
        SynchronizedField("show_in_menus"),
    ]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("alternate_names"),
                FieldPanel("summary"),
                FieldPanel("related_specialties", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Names and summary",
        ),
        FieldPanel("key_facts"),
        FieldPanel("call_to_action"),
        FieldPanel("body"),
        ReadingLevelPanel(heading="Reading level"),
        MultiFieldPanel(
            [
                HelpPanel(
                    "A clinician must check this page before it is published. Use 'Submit for review': "
                    "when a medical reviewer approves, their name, credentials and today's date are filled in "
                    "here for you. Parents see 'Medically reviewed by … on …' at the bottom of the page."
                ),
                FieldPanel("reviewer_name"),
                FieldPanel("reviewer_credentials"),
                FieldPanel("reviewer_provider"),
                FieldPanel("last_reviewed"),
                FieldPanel("next_review_due"),
            ],
            heading="Medical review",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("alternate_names", boost=2),
        index.AutocompleteField("alternate_names"),
        index.SearchField("summary"),
        index.SearchField("body_search_text"),
    ]

    parent_page_types = ["conditions.ConditionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "condition page"

    def save(self, *args, **kwargs):
        for name in STREAM_FIELDS_OF_WORDS:
            with_block_ids(getattr(self, name))
        self.search_text = self.reading_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"summary", *STREAM_FIELDS_OF_WORDS} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_text"}
        return super().save(*args, **kwargs)

    def serializable_data(self):
        """What a revision stores: list items as blocks with ids (``with_block_ids``), so translations see them."""
        for name in STREAM_FIELDS_OF_WORDS:
            with_block_ids(getattr(self, name))
        return super().serializable_data()

    def clean(self):
        """Review dates must make sense: last review not in the future, next review after it."""
        super().clean()
        errors = {}
        today = timezone.localdate()
        if self.last_reviewed and self.last_reviewed > today:
            errors["last_reviewed"] = "The last review date cannot be in the future."
        if self.last_reviewed and self.next_review_due and self.next_review_due <= self.last_reviewed:
            errors["next_review_due"] = (
                "The next review must be after the last review "
                f"({format_date(self.last_reviewed, 'F j, Y')}). Pick a later date."
            )
        if errors:
            raise ValidationError(errors)

    # --- What the blocks say ------------------------------------------------------------------

    @property
    def alternate_name_list(self):
        """The "also known as" names as a list."""
        return [name.strip() for name in self.alternate_names.split(",") if name.strip()]

    def _items(self, block_type, list_name):
        return [item for block in self.body if block.block_type == block_type for item in block.value[list_name]]

    @property
    def symptoms(self):
        """Every symptom on the page, in the order the editor wrote them."""
        return self._items("symptoms", "symptoms")

    @property
    def emergency_symptoms(self):
        """The symptoms that mean "call 911 now", for the box at the top of the page."""
        return [symptom for symptom in self.symptoms if symptom.level == Urgency.EMERGENCY]

    @property
    def causes(self):
        """Every cause on the page."""
        return self._items("causes", "causes")

    @property
    def risk_factors(self):
        """Every risk factor on the page."""
        return self._items("risk_factors", "risk_factors")

    @property
    def key_facts_block(self):
        """The key facts box (heading and facts), or None when the page has none."""
        return self.key_facts[0].value if self.key_facts else None

    @property
    def key_fact_items(self):
        """Every key fact, in the editor's order."""
        block = self.key_facts_block
        return list(block["facts"]) if block else []

    @property
    def medical_tests(self):
        """Every test named in the page's "Tests" sections."""
        return self._items("tests", "tests")

    @property
    def treatment_phases(self):
        """Every phase of treatment, in order."""
        return self._items("treatment_phases", "phases")

    @property
    def side_effect_groups(self):
        """``[(treatment name, [side effect, …]), …]``, one per "Side effects" section."""
        return [
            (block.value["treatment"], list(block.value["side_effects"]))
            for block in self.body
            if block.block_type == "side_effects"
        ]

    @property
    def warning_signs(self):
        """Every "call right away" sign for a child on treatment."""
        return self._items("when_to_call", "signs")

    @property
    def glossary_terms(self):
        """Every word in the page's glossary."""
        return self._items("glossary", "terms")

    @property
    def sources(self):
        """Every source listed in the page's "Sources" sections."""
        return self._items("sources", "sources")

    def body_search_text(self):
        """The plain text a parent might search by: symptoms, causes, risk factors, tests, phases, words."""
        parts = []
        for symptom in self.symptoms:
            parts += [symptom["name"], symptom["description"]]
        for cause in self.causes:
            parts += [cause["name"], cause["explanation"]]
        for risk_factor in self.risk_factors:
            parts += [risk_factor["name"], risk_factor["explanation"]]
        parts += [block.value["note"] for block in self.body if block.block_type == "risk_factors"]
        parts += [name for test in self.medical_tests for name in (test["name"], test["also_called"])]
        parts += [phase["name"] for phase in self.treatment_phases]
        parts += [treatment for treatment, _ in self.side_effect_groups]
        parts += [name for term in self.glossary_terms for name in (term["term"], term["also_called"])]
        return "\n".join(part for part in parts if part)

    def reading_text(self):
        """Everything a parent reads in the summary, the key facts and the body, as plain sentences."""
        parts = [self.summary]
        for field in (self.key_facts, self.body):
            for block in field.raw_data:
                parts += _plain_strings(block.get("value"))
        return "\n".join(part for part in parts if part)

    def sections(self):
        """Each body block with the heading and unique anchor it gets in "On this page" (blank if none)."""
        used = set(RESERVED_ANCHORS)
        result = []
        for block in self.body:
            heading = block.value.get("heading", "") if block.block_type in SECTION_BLOCK_TYPES else ""
            anchor = ""
            if heading:
                base = slugify(heading) or block.block_type.replace("_", "-")
                anchor, number = base, 2
                while anchor in used:
                    anchor, number = f"{base}-{number}", number + 1
                used.add(anchor)
            result.append({"block": block, "heading": heading, "anchor": anchor})
        return result

    # --- Medical review -----------------------------------------------------------------------

    @property
    def reviewer(self):
        """The name and credentials as parents see them, for example "Maria Lopez, MD"."""
        return ", ".join(part for part in [self.reviewer_name, self.reviewer_credentials] if part)

    def review_status(self, today=None):
        """Whether the review is "overdue", "due soon" (within 30 days) or current ("")."""
        if not self.next_review_due:
            return ""
        today = today or timezone.localdate()
        if self.next_review_due < today:
            return "overdue"
        if self.next_review_due <= today + timedelta(days=REVIEW_DUE_SOON_DAYS):
            return "due soon"
        return ""

    # --- Rendering ----------------------------------------------------------------------------

    def directory_page(self):
        """The page Find a Doctor links doctors to: the English one, for a translation (doctors are picked once)."""
        from .translation_review import english_page, is_translation

        if is_translation(self):
            return english_page(self) or self
        return self

    @property
    def find_a_doctor_url(self):
        """Find a Doctor, prefiltered to this condition."""
        return find_a_doctor_url(self.slug)

    def get_context(self, request, *args, **kwargs):
        show_english_urgency(self, request)
        context = super().get_context(request, *args, **kwargs)
        sections = self.sections()
        key_facts = self.key_facts_block
        toc = [{"heading": key_facts["heading"], "anchor": KEY_FACTS_ANCHOR}] if key_facts else []
        context.update(
            {
                "sections": sections,
                "key_facts": key_facts,
                "key_facts_anchor": KEY_FACTS_ANCHOR,
                "toc": toc + [section for section in sections if section["anchor"]],
                "emergency_symptoms": self.emergency_symptoms,
                "contact": self.call_to_action[0].value if self.call_to_action else default_contact(),
                "find_a_doctor_url": self.find_a_doctor_url,
                "json_ld": structured_data.script_content(structured_data.condition_page(self, request)),
            }
        )
        return context


# --- Medical review workflow ------------------------------------------------------------------


class ReviewerProfile(models.Model):
    """What parents see about a Wagtail user who approves medical content.

    The name comes from the user account (first and last name). Credentials
    come from this profile, or else from the linked Find a Doctor profile, so
    a reviewer who is in the directory is linked from every page they approve.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviewer_profile")
    credentials = models.CharField(
        max_length=120,
        blank=True,
        help_text="For example 'MD, pediatric hematology-oncology'. Leave empty to use the directory profile's.",
    )
    provider = models.ForeignKey(
        "providers.Provider",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Find a Doctor profile",
        help_text="Optional. If the reviewer is in Find a Doctor, pick them so parents can read their profile.",
    )

    panels = [FieldPanel("user"), FieldPanel("credentials"), FieldPanel("provider")]

    class Meta:
        verbose_name = "reviewer profile"
        ordering = ["user__last_name", "user__first_name"]

    def __str__(self):
        return self.reviewer_name

    @property
    def reviewer_name(self):
        return reviewer_details(self.user)[0]


def reviewer_details(user):
    """``(name, credentials, provider)`` recorded on a page this user approves.

    Name: the user's full name (or the directory profile's, or the username as
    a last resort). Credentials: the reviewer profile's, else the directory's.
    """
    try:
        profile = user.reviewer_profile
    except ObjectDoesNotExist:
        profile = None
    provider = profile.provider if profile else None
    name = user.get_full_name().strip() or (provider.full_name if provider else "") or user.get_username()
    credentials = (profile.credentials if profile else "") or (provider.credentials if provider else "")
    return name, credentials, provider


def one_year_after(day):
    """The same date a year later (February 29 becomes February 28)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def record_medical_review(page, user):
    """Write the approving clinician and today's date into the revision that is about to be published.

    The latest revision is what Wagtail publishes when the workflow finishes, so
    the review is stamped there (not on a new revision): what goes live is
    exactly what the reviewer approved, plus who approved it and when.
    """
    revision = page.get_latest_revision()
    draft = revision.as_object()
    today = timezone.localdate()
    draft.reviewer_name, draft.reviewer_credentials, draft.reviewer_provider = reviewer_details(user)
    draft.last_reviewed = today
    if not draft.next_review_due or draft.next_review_due <= today:
        draft.next_review_due = one_year_after(today)
    revision.content = draft.serializable_data()
    revision.save(update_fields=["content"])
    return revision


class MedicalReviewTask(AbstractGroupApprovalTask):
    """A clinician approves or rejects medical content; approval records who reviewed it and when.

    Assigned to the "Medical reviewers" group by the data migration, in the
    "Medical review" workflow on the conditions section.
    """

    def get_actions(self, obj, user):
        """Approve and Request changes; no Approve for a Spanish version that is not ready (``approval_problems``)."""
        actions = super().get_actions(obj, user)
        page = getattr(obj, "specific", obj)
        if actions and isinstance(page, ConditionPage) and approval_problems(page):
            actions = [action for action in actions if action[0] != "approve"]
        return actions

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        page = task_state.workflow_state.content_object
        page = getattr(page, "specific", page)
        if action_name == "approve" and isinstance(page, ConditionPage):
            problems = approval_problems(page)
            if problems:
                raise ReviewRequired(" ".join(problems))
            record_medical_review(page, user)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return "Members of the chosen groups approve medical content; their name and the date are recorded."

    class Meta:
        verbose_name = "medical review task"
        verbose_name_plural = "medical review tasks"
