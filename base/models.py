"""The site itself: the home page and the settings every page reads."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from . import cache
from .edit_conflicts import PageConflictCheckForm
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

    base_form_class = PageConflictCheckForm

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

    def route(self, request, path_components):
        """Find a live top-level section (/conditions/…) from the site cache instead of two queries.

        The live sections' slugs are kept per generation, and each section in its
        specific form; any publish, unpublish, move or delete starts a new
        generation. Any other path (a draft section, a typo) is routed as usual.
        """
        if not path_components:
            return super().route(request, path_components)
        slug = path_components[0]
        live = cache.get_or_set(request, ["live-sections", self.pk], self._live_section_slugs, keep_in_process=True)
        if slug not in live:
            return super().route(request, path_components)
        try:
            section = cache.get_or_set(request, ["live-section", self.pk, slug], lambda: self._section(slug))
        except Page.DoesNotExist as error:
            raise Http404 from error
        section._cached_parent_obj = self
        return section.route(request, path_components[1:])

    def _live_section_slugs(self):
        return frozenset(self.get_children().live().values_list("slug", flat=True))

    def _section(self, slug):
        return self.get_children().live().get(slug=slug).specific

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
    on_call_phone = models.CharField(
        "24-hour number for children on treatment",
        max_length=32,
        blank=True,
        validators=[validate_phone],
        help_text=(
            "Answered day and night by the cancer center's on-call team. Shown in every 'When to call right "
            "away' box. Leave empty to show the cancer center phone with 'ask for the doctor on call'."
        ),
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
            [FieldPanel("cancer_center_name"), FieldPanel("cancer_center_phone"), FieldPanel("on_call_phone")],
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
    # The FHIR directory API serves the hospital and cancer center from this row and must say when it changed.
    updated_at = models.DateTimeField(auto_now=True)

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
            # Pages only read it, so each worker keeps it in memory for the generation.
            found = cache.get_or_set(request_or_site, ["site-settings"], cls._read_for_pages, keep_in_process=True)
            setattr(request_or_site, attr_name, found)
        return getattr(request_or_site, attr_name)

    @classmethod
    def _read_for_pages(cls):
        """The row from the database; its name and numbers are also kept for the outage page."""
        from .outage import remember_contact

        found = cls._get_or_create()
        remember_contact(found)
        return found

    def __str__(self):
        return self.hospital_name

    @property
    def address_lines(self):
        """The address as lines for display, blanks left out."""
        city_line = " ".join(
            part for part in [f"{self.city}," if self.city else "", self.state, self.postal_code] if part
        )
        return [line for line in [self.street_address, city_line.strip(" ,")] if line]


@register_setting(icon="list-ul")
class NavigationSettings(ClusterableModel, BaseGenericSetting):
    """The header menu and the footer links, edited under Settings → Navigation.

    While the header menu is empty, the site shows the home page's children
    marked "Show in menus" plus Find a Doctor, as it always has.
    """

    panels = [
        InlinePanel(
            "header_links",
            heading="Header menu",
            label="Menu link",
            help_text="Links across the top of every page, in this order. Leave empty to list the main sections.",
        ),
        InlinePanel("footer_links", heading="Footer links", label="Footer link"),
    ]

    class Meta:
        verbose_name = "navigation"
        verbose_name_plural = "navigation"

    def __str__(self):
        return "Navigation"

    def save(self, *args, **kwargs):
        # ClusterableModel saves the links inside save(); invalidate after them, not on post_save.
        # Every cached page shows the menu, so the whole site cache goes.
        super().save(*args, **kwargs)
        from . import cache

        cache.invalidate()


class NavigationLink(Orderable):
    """A link to a page of the site or to any URL, with the text parents see."""

    link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="page",
        help_text="Pick a page of this site, or type a URL below.",
    )
    link_url = models.CharField(
        "URL",
        max_length=500,
        blank=True,
        help_text="For a link that is not a page, for example /find-a-doctor/ or https://…",
    )
    text = models.CharField(max_length=60, blank=True, help_text="Leave empty to use the page's title.")

    panels = [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        super().clean()
        if bool(self.link_page_id) == bool(self.link_url):
            raise ValidationError("Pick a page or type a URL (one, not both).")
        if self.link_url and not self.text:
            raise ValidationError({"text": "Type the text parents see for this link."})

    @property
    def title(self):
        return self.text or (self.link_page.title if self.link_page_id else self.link_url)

    def url(self, request=None):
        """The link's address, or "" for a page that is not live (so it is left out)."""
        if self.link_page_id:
            page = self.link_page
            return page.get_url(request=request) if page.live else ""
        return self.link_url


class HeaderLink(NavigationLink):
    setting = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="header_links")


class FooterLink(NavigationLink):
    setting = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="footer_links")
