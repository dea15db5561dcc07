"""The site itself: the home page and the settings every page reads."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, Site
from wagtail.search import index

from . import cache
from .phone import validate_phone

DEFAULT_EMERGENCY_NOTICE = (
    "If you think your child has a medical emergency, call 911 now or go to the nearest emergency room."
)
DEFAULT_DISCLAIMER = (
    "<p>The health information on this website is for learning only. It does not take the place of "
    "advice from your child's doctor or care team. Always ask your child's doctor if you have "
    "questions about a medical condition.</p>"
)


class HomePage(cache.CachedViewRestrictionsMixin, Page):
    """The front door: who we are, how to reach us, where to start."""

    intro = models.TextField(
        blank=True,
        max_length=400,
        help_text=(
            "One or two short sentences shown under the hospital name. Plain words a worried parent can read fast."
        ),
    )
    body = RichTextField(
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text="Optional longer text below the main links.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Title and search description are on every page, so no specific() query is needed.
        context["menu_pages"] = self.get_children().live().in_menu().order_by("path")
        return context


@register_setting(icon="site")
class SiteSettings(BaseGenericSetting):
    """Names, phone numbers, address and the notices shown on every page."""

    hospital_name = models.CharField(max_length=120, default="Children's Hospital")
    main_phone = models.CharField(
        "main phone",
        max_length=32,
        blank=True,
        validators=[validate_phone],
        help_text="Shown in the header of every page as a tap-to-call link.",
    )
    cancer_center_name = models.CharField(max_length=160, blank=True)
    cancer_center_phone = models.CharField(
        "cancer center phone",
        max_length=32,
        blank=True,
        validators=[validate_phone],
        help_text="The number parents call for appointments about cancer and blood disorders.",
    )
    street_address = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=2, blank=True, help_text="Two letters, for example CA.")
    postal_code = models.CharField("ZIP code", max_length=10, blank=True)
    emergency_notice = models.TextField(
        max_length=300,
        default=DEFAULT_EMERGENCY_NOTICE,
        help_text="Shown on every page. Tell parents to call 911 in an emergency.",
    )
    medical_disclaimer = RichTextField(
        features=["bold", "italic", "link"],
        default=DEFAULT_DISCLAIMER,
        help_text="Shown in the footer and on every condition page.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("hospital_name"), FieldPanel("main_phone")],
            heading="Hospital",
        ),
        MultiFieldPanel(
            [FieldPanel("cancer_center_name"), FieldPanel("cancer_center_phone")],
            heading="Cancer center",
        ),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("city"),
                FieldPanel("state"),
                FieldPanel("postal_code"),
            ],
            heading="Address",
        ),
        MultiFieldPanel(
            [FieldPanel("emergency_notice"), FieldPanel("medical_disclaimer")],
            heading="Notices shown on every page",
        ),
    ]

    class Meta:
        verbose_name = "site settings"
        verbose_name_plural = "site settings"

    @classmethod
    def load(cls, request_or_site=None):
        """The settings row; for a request, from the site cache (dropped whenever the row is saved)."""
        if request_or_site is None or isinstance(request_or_site, Site):
            return super().load(request_or_site)
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request_or_site, attr_name):
            found = cache.get_or_set(request_or_site, ["site-settings"], cls._get_or_create)
            setattr(request_or_site, attr_name, found)
        return getattr(request_or_site, attr_name)

    def __str__(self):
        return self.hospital_name

    @property
    def address_lines(self):
        """The address as lines for display, blanks left out."""
        city_line = " ".join(
            part for part in [f"{self.city}," if self.city else "", self.state, self.postal_code] if part
        )
        return [line for line in [self.street_address, city_line.strip(" ,")] if line]
