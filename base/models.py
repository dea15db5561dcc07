"""The site itself: the home page and the settings every page reads."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from . import cache
from .edit_conflicts import PageConflictCheckForm
from .i18n import SPANISH, Translated, is_spanish, local_url_in_language, localized
from .phone import validate_phone

DEFAULT_EMERGENCY_NOTICE = (
    "If you think your child has a medical emergency, call 911 now or go to the nearest emergency room."
)
DEFAULT_EMERGENCY_NOTICE_ES = (
    "Si cree que su hijo tiene una emergencia médica, llame al 911 ahora o vaya a la sala de emergencias más cercana."
)
DEFAULT_DISCLAIMER_ES = (
    "<p>La información de salud de este sitio web es solo para aprender. No reemplaza los consejos del médico "
    "o del equipo de atención de su hijo. Si tiene preguntas sobre una enfermedad, pregúntele siempre al médico "
    "de su hijo.</p>"
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
            _("One or two short sentences shown under the hospital name. Plain words a worried parent can read fast.")
        ),
    )
    body = RichTextField(
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text=_("Optional longer text below the main links."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    @property
    def localized(self):
        """The live home page in the request's language (from the site cache), else this one.

        Wagtail routes every request from ``site.root_page.localized``; this answers
        without the two queries Wagtail's own property costs on every page view.
        """
        from .i18n import current_language, locale_id

        wanted = locale_id(current_language())
        if wanted is None or wanted == self.locale_id:
            return self
        homes = cache.get_or_set(None, ["live-homes"], self._live_homes, keep_in_process=True)
        return homes.get((self.translation_key, wanted), self)

    @staticmethod
    def _live_homes():
        return {
            (home.translation_key, home.locale_id): home
            for home in HomePage.objects.live().filter(alias_of__isnull=True)
        }

    def route(self, request, path_components):
        """Find a live top-level section (/conditions/…) from the site cache instead of two queries.

        An address in a language this page is not in (``/es/`` before the Spanish
        home page is published) is a 404: English is never served at a Spanish address.

        The live sections' slugs are kept per generation, and each section in its
        specific form; any publish, unpublish, move or delete starts a new
        generation. Any other path (a draft section, a typo) is routed as usual.
        """
        from .i18n import current_language, locale_id

        if locale_id(current_language(), request) not in (None, self.locale_id):
            raise Http404
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
        context["menu_pages"] = self.get_children().live().in_menu().filter(alias_of__isnull=True).order_by("path")
        # Sent here by the language link of a page that has no Spanish version yet: say so, and link back.
        context["untranslated_path"] = untranslated_path(request.GET.get("en", ""))
        return context


class TaglineBlock(blocks.StructBlock):
    """One language's sentence saying that language help is free, shown in that language."""

    language = blocks.CharBlock(max_length=12, help_text=_("The language tag, for example zh-Hant, vi, tl, ko."))
    language_name = blocks.CharBlock(
        max_length=60, help_text=_("The language's name in that language, for example: Tiếng Việt.")
    )
    text = blocks.TextBlock(help_text=_("The tagline, in that language, with the number to call."))

    class Meta:
        icon = "site"
        label = _("Tagline")

    def clean(self, value):
        """The language tag becomes the tagline's ``lang`` attribute, so it must be a real tag ("vi", "zh-Hant")."""
        import re

        from wagtail.blocks.struct_block import StructBlockValidationError

        cleaned = super().clean(value)
        if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", cleaned["language"] or ""):
            raise StructBlockValidationError(
                block_errors={"language": ValidationError(_("Use a language tag such as vi, ko, zh-Hant or tl."))}
            )
        return cleaned


def untranslated_path(value):
    """A path on this site from the ``?en=`` of the Spanish home page, or "" for anything else (never another host)."""
    value = str(value or "")[:500]
    if not value.startswith("/") or value.startswith("//") or "\\" in value or any(ord(c) < 32 for c in value):
        return ""
    return value


@register_setting(icon="site")
class SiteSettings(BaseGenericSetting):
    """Names, phone numbers, address and the notices shown on every page."""

    hospital_name = models.CharField(max_length=120, default="Children's Hospital")
    main_phone = models.CharField(
        _("main phone"),
        max_length=32,
        blank=True,
        validators=[validate_phone],
        help_text=_("Shown in the header of every page as a tap-to-call link."),
    )
    cancer_center_name = models.CharField(max_length=160, blank=True)
    cancer_center_phone = models.CharField(
        _("cancer center phone"),
        max_length=32,
        blank=True,
        validators=[validate_phone],
        help_text=_("The number parents call for appointments about cancer and blood disorders."),
    )
    on_call_phone = models.CharField(
        _("24-hour number for children on treatment"),
        max_length=32,
        blank=True,
        validators=[validate_phone],
        help_text=(
            _(
                "Answered day and night by the cancer center's on-call team. Shown in every 'When to call right "
                "away' box. Leave empty to show the cancer center phone with 'ask for the doctor on call'."
            )
        ),
    )
    street_address = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=2, blank=True, help_text=_("Two letters, for example CA."))
    postal_code = models.CharField(_("ZIP code"), max_length=10, blank=True)
    emergency_notice = models.TextField(
        max_length=300,
        default=DEFAULT_EMERGENCY_NOTICE,
        help_text=_("Shown on every page. Tell parents to call 911 in an emergency."),
    )
    medical_disclaimer = RichTextField(
        features=["bold", "italic", "link"],
        default=DEFAULT_DISCLAIMER,
        help_text=_("Shown in the footer and on every condition page."),
    )
    # The Spanish words parents read on /es/ pages. Blank means the English text is shown there,
    # marked as English for screen readers (docs/spanish.md).
    hospital_name_es = models.CharField(
        _("hospital name (Spanish)"), max_length=120, blank=True, help_text=_("Only if the name differs in Spanish.")
    )
    cancer_center_name_es = models.CharField(
        _("cancer center name (Spanish)"),
        max_length=160,
        blank=True,
        help_text=_("For example: Centro de Cáncer y Enfermedades de la Sangre."),
    )
    emergency_notice_es = models.TextField(
        _("emergency notice (Spanish)"), max_length=300, blank=True, default=DEFAULT_EMERGENCY_NOTICE_ES
    )
    medical_disclaimer_es = RichTextField(
        _("medical disclaimer (Spanish)"),
        features=["bold", "italic", "link"],
        blank=True,
        default=DEFAULT_DISCLAIMER_ES,
    )
    language_assistance = RichTextField(
        _("language assistance notice"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=(
            _(
                "Shown at the top of the 'Language assistance' page linked from every footer: free interpreters "
                "and translated documents, and the number to call."
            )
        ),
    )
    language_assistance_es = RichTextField(
        _("language assistance notice (Spanish)"), features=["bold", "italic", "link"], blank=True
    )
    language_taglines = StreamField(
        [("tagline", TaglineBlock())],
        blank=True,
        verbose_name=_("taglines"),
        help_text=(
            _(
                "One short sentence in each language most used in the state, each in its own language, saying that "
                "language help is free and how to get it (ACA Section 1557). HHS publishes translated taglines."
            )
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("hospital_name"), FieldPanel("main_phone")],
            heading=_("Hospital"),
        ),
        MultiFieldPanel(
            [FieldPanel("cancer_center_name"), FieldPanel("cancer_center_phone"), FieldPanel("on_call_phone")],
            heading=_("Cancer center"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("city"),
                FieldPanel("state"),
                FieldPanel("postal_code"),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [FieldPanel("emergency_notice"), FieldPanel("medical_disclaimer")],
            heading=_("Notices shown on every page"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("hospital_name_es"),
                FieldPanel("cancer_center_name_es"),
                FieldPanel("emergency_notice_es"),
                FieldPanel("medical_disclaimer_es"),
            ],
            heading=_("In Spanish (pages under /es/)"),
            help_text=_("Have a qualified medical translator check these. Blank shows the English text."),
        ),
        MultiFieldPanel(
            [FieldPanel("language_assistance"), FieldPanel("language_assistance_es"), FieldPanel("language_taglines")],
            heading=_("Language assistance (linked from every footer)"),
        ),
    ]
    # The FHIR directory API serves the hospital and cancer center from this row and must say when it changed.
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

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

    def localized(self, field_name):
        """A parent-facing field in the page's language (``base.i18n.localized``): ``{{ site_settings|tr:"…" }}``."""
        return localized(self, field_name)

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
            heading=_("Header menu"),
            label=_("Menu link"),
            help_text=_("Links across the top of every page, in this order. Leave empty to list the main sections."),
        ),
        InlinePanel("footer_links", heading=_("Footer links"), label=_("Footer link")),
    ]

    class Meta:
        verbose_name = _("navigation")
        verbose_name_plural = _("navigation")

    def __str__(self):
        return str(_("Navigation"))

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
        verbose_name=_("page"),
        help_text=_("Pick a page of this site, or type a URL below."),
    )
    link_url = models.CharField(
        _("URL"),
        max_length=500,
        blank=True,
        help_text=_("For a link that is not a page, for example /find-a-doctor/ or https://…"),
    )
    text = models.CharField(max_length=60, blank=True, help_text=_("Leave empty to use the page's title."))
    text_es = models.CharField(
        _("text (Spanish)"),
        max_length=60,
        blank=True,
        help_text=_("What the link says on Spanish pages. Leave empty to use the Spanish page's title."),
    )

    panels = [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("text"), FieldPanel("text_es")]

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        super().clean()
        if bool(self.link_page_id) == bool(self.link_url):
            raise ValidationError(_("Pick a page or type a URL (one, not both)."))
        if self.link_url and not self.text:
            raise ValidationError({"text": _("Type the text parents see for this link.")})

    @property
    def title(self):
        """The words of the link in the page's language: its own Spanish text, or the Spanish page's title.

        Without either, a Spanish page shows the English words, marked as English (``Translated``).
        """
        english = self.text or (self.link_page.title if self.link_page_id else self.link_url)
        if is_spanish():
            if self.text_es:
                return self.text_es
            twin = self._page_in_language()
            if twin is not None and twin.locale_id != self.link_page.locale_id:
                return twin.title
            return Translated(english, "en", fallback=True)
        return english

    def _page_in_language(self):
        if not self.link_page_id:
            return None
        page = self.link_page.localized
        return page if page.alias_of_id is None else self.link_page

    def url(self, request=None):
        """The link's address in the page's language, or "" for a page that is not live (so it is left out).

        A typed address on this site ("/find-a-doctor/") gets /es/ on Spanish pages, as a picked page does.
        """
        if self.link_page_id:
            page = self._page_in_language()
            return page.get_url(request=request) if page.live else ""
        if is_spanish():
            return local_url_in_language(self.link_url, SPANISH)
        return self.link_url


class HeaderLink(NavigationLink):
    setting = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="header_links")


class FooterLink(NavigationLink):
    setting = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="footer_links")
