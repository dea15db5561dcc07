"""Condition pages: what a parent reads about their child's illness."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class ConditionIndexPage(Page):
    """The A–Z list of conditions at /conditions/."""

    intro = models.TextField(blank=True, help_text="A sentence or two shown above the A–Z list.")

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["hospital_site.HomePage"]
    subpage_types = ["conditions.ConditionPage"]
    max_count = 1

    class Meta:
        verbose_name = "condition index page"


class ConditionPage(Page):
    """One condition, written for parents, reviewed by a clinician."""

    alternate_names = models.CharField(
        "also known as",
        max_length=255,
        blank=True,
        help_text="Other names parents may use, separated by commas. For example: acute lymphocytic leukemia, ALL",
    )
    summary = models.TextField(
        max_length=300,
        help_text="Two or three short sentences in plain words. Also used as the description in search engines.",
    )

    content_panels = Page.content_panels + [FieldPanel("alternate_names"), FieldPanel("summary")]
    search_fields = Page.search_fields + [
        index.SearchField("alternate_names"),
        index.SearchField("summary"),
    ]

    parent_page_types = ["conditions.ConditionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "condition page"

    @property
    def alternate_name_list(self):
        """The "also known as" names as a list."""
        return [name.strip() for name in self.alternate_names.split(",") if name.strip()]
