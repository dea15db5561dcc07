"""The doctor directory: plain Django models edited in the Wagtail admin.

A ``Provider`` (a doctor, nurse practitioner, physician assistant…) has
specialties, languages, conditions treated and the locations where they
see patients. Parents search them at /find-a-doctor/.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models
from django.db.models import Case, CharField, Exists, FloatField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils.text import slugify
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from base.phone import validate_phone

from . import geo, spelling
from .choices import Credential, Gender, PlanType
from .text import normalize_text
from .validators import validate_npi, validate_taxonomy_code, validate_zip

# Words that say nothing about which doctor a parent wants; dropping them lets
# "leukemia doctor" find doctors who treat leukemia.
QUERY_NOISE_WORDS = frozenset(
    {
        *("a", "an", "and", "the", "for", "of", "in", "with", "to", "my", "our", "who", "near", "me"),
        *("child", "childs", "children", "kid", "kids", "treat", "treats"),
        *("doctor", "doctors", "dr", "physician", "physicians", "specialist", "specialists"),
    }
)
MAX_QUERY_TERMS = 8
# Tokens this short are matched as whole words only: "all" must find ALL,
# not every "Allen" and "Marshall".
SHORT_TERM_LENGTH = 3
# search_text's first characters are indexed on PostgreSQL (migration 0004), so the
# providers whose name starts with a word are found without reading every match.
SEARCH_PREFIX_LENGTH = 100
# Saving any of these changes what search matches.
SEARCH_TEXT_SOURCES = frozenset({"first_name", "last_name", "credentials", "specialties", "conditions"})


def search_terms(query):
    """The words of a search that can narrow the results, in order, without duplicates."""
    terms = []
    for word in normalize_text(query).split():
        if word not in QUERY_NOISE_WORDS and word not in terms:
            terms.append(word)
    return terms[:MAX_QUERY_TERMS]


def search_plan(terms, vocabulary):
    """What ``ProviderQuerySet.search()`` matches and ranks by, as data: ``(alternatives, ranks)``.

    ``alternatives``: for each term, the strings ``search_text`` may contain for
    it (one is enough; every term must have one): the start of a word, a whole
    word for short terms, and the known words a misspelling looks like.
    ``ranks``: ``[(rank, (field, lookup, value)), …]``, best first; a provider's
    relevance is the first rank whose condition holds, else 0. ``search_text``
    starts with the name, so a name match ranks above a specialty or condition
    match, and a last name above a first name.

    ``search()`` renders it as Q objects and ``search_sql()`` as plain SQL for
    site search's single query, so both follow the same rules.
    """
    alternatives = []
    for term in terms:
        pattern = f" {term} " if len(term) <= SHORT_TERM_LENGTH else f" {term}"
        alternatives.append([pattern, *(f" {word} " for word in vocabulary.corrections(term))])
    phrase = " ".join(terms)
    full_name = ("search_text", "startswith", f" {phrase} ") if len(terms) > 1 else ("last_name", "iexact", phrase)
    ranks = [(3, full_name), (2, ("first_name", "iexact", phrase)), (1, ("search_text", "startswith", f" {phrase}"))]
    return alternatives, ranks


def _like_escaped(value):
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# Each lookup search_plan() uses, as Django writes it on SQLite and PostgreSQL alike.
_SQL_LOOKUPS = {
    "contains": ("{column} LIKE %s ESCAPE '\\'", lambda value: f"%{_like_escaped(value)}%"),
    "startswith": ("{column} LIKE %s ESCAPE '\\'", lambda value: f"{_like_escaped(value)}%"),
    "iexact": ("UPPER({column}) = UPPER(%s)", lambda value: value),
}


def search_sql(terms, vocabulary, table):
    """``search_plan()`` as SQL on the provider table named ``table``.

    Returns ``((match, params), (relevance, params))``: a condition and an
    expression, each with the parameters for its ``%s``. For a query Django
    would take longer to compile than the database takes to run it (site
    search); ``search()`` is the reference, and a test compares the two search
    by search on both databases.
    """
    alternatives, ranks = search_plan(terms, vocabulary)

    def condition(field, lookup, value, params):
        template, param = _SQL_LOOKUPS[lookup]
        params.append(param(value))
        return template.format(column=f"{table}.{connection.ops.quote_name(Provider._meta.get_field(field).column)}")

    match_params, relevance_params = [], []
    match = " AND ".join(
        "(" + " OR ".join(condition("search_text", "contains", string, match_params) for string in strings) + ")"
        for strings in alternatives
    )
    whens = " ".join(
        f"WHEN {condition(field, lookup, value, relevance_params)} THEN {int(rank)}"
        for rank, (field, lookup, value) in ranks
    )
    return (match, match_params), (f"CASE {whens} ELSE 0 END", relevance_params)


def ranking_candidates(terms):
    """Providers who can have ``relevance`` above 0 in ``ProviderQuerySet.search(terms)``: a superset, from indexes.

    Every rank above 0 needs the name: the search text starting with the first
    word (the first name comes first in it), or, for one word, the first or last
    name being that word. PostgreSQL answers each part from an index.
    """
    first = terms[0]
    if len(first) + 1 > SEARCH_PREFIX_LENGTH:
        return Q()
    candidates = Q(search_prefix__startswith=f" {first}")
    if len(terms) == 1:
        candidates |= Q(last_name__iexact=first) | Q(first_name__iexact=first)
    return candidates


def split_list(value):
    """A comma-separated field as a list of trimmed, non-empty items."""
    return [item.strip() for item in (value or "").split(",") if item.strip()]


class Specialty(models.Model):
    """A medical specialty, coded with the NUCC Health Care Provider Taxonomy."""

    name = models.CharField(max_length=120, unique=True, help_text="As parents should see it.")
    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text="Used in search links, for example ?specialty=pediatric-hematology-oncology",
    )
    taxonomy_code = models.CharField(
        "NUCC taxonomy code",
        max_length=10,
        blank=True,
        validators=[validate_taxonomy_code],
        help_text="From the NUCC Health Care Provider Taxonomy. Pediatric Hematology-Oncology is 2080P0207X.",
    )
    synonyms = models.CharField(
        "lay synonyms",
        max_length=500,
        blank=True,
        help_text="Words parents use for this specialty, separated by commas. For example: blood cancer doctor, "
        "hematology, oncology",
    )
    # Spanish, on the same row (docs/spanish.md): shown on /es/ pages and searched in both languages.
    name_es = models.CharField(
        "name (Spanish)",
        max_length=120,
        blank=True,
        help_text="As Spanish-speaking parents should see it, for example: Hematología y oncología pediátrica.",
    )
    synonyms_es = models.CharField(
        "lay synonyms (Spanish)",
        max_length=500,
        blank=True,
        help_text="Words Spanish-speaking parents use, separated by commas. For example: cáncer de la sangre, "
        "médico del cáncer",
    )

    updated_at = models.DateTimeField(auto_now=True, help_text="When this row last changed (the API's lastUpdated).")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "specialties"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:120]
        # Names and synonyms are part of every linked provider's search text: providers.signals rebuilds it.
        super().save(*args, **kwargs)

    @property
    def synonym_list(self):
        """The lay synonyms as a list."""
        return split_list(self.synonyms)


class Language(models.Model):
    """A language a clinician speaks with families (without an interpreter)."""

    code = models.CharField(
        max_length=12, unique=True, help_text="A short language tag, for example es for Spanish. Used in search links."
    )
    name = models.CharField(max_length=80, unique=True, help_text="In English, for example Spanish.")
    native_name = models.CharField(max_length=80, blank=True, help_text="In the language itself, for example Español.")
    name_es = models.CharField(
        "name (Spanish)", max_length=80, blank=True, help_text="In Spanish, for example: inglés, vietnamita, chino."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Network(models.Model):
    """A health plan's provider network: the doctors and clinics a plan pays for."""

    name = models.CharField(max_length=160, unique=True, help_text="As the health plan names it.")
    slug = models.SlugField(max_length=160, unique=True, blank=True, help_text="Filled in from the name when blank.")
    is_demo = models.BooleanField("demo network", default=False, help_text="Fictional demo data.")

    updated_at = models.DateTimeField(auto_now=True, help_text="When this row last changed (the API's lastUpdated).")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:160]
        super().save(*args, **kwargs)


class InsurancePlan(models.Model):
    """A health insurance plan a family may have, and the networks it uses.

    Which doctors take it is on each provider (``Provider.insurance_plans``) and
    which clinics take it on each location (``Location.insurance_plans``).
    """

    name = models.CharField(
        max_length=160,
        unique=True,
        help_text="The name on the family's insurance card, for example: Harbor Health Medi-Cal.",
        error_messages={"unique": "Another plan already has this name. Plan names must be different."},
    )
    slug = models.SlugField(
        max_length=160,
        unique=True,
        blank=True,
        help_text="Used in search links, for example ?insurance=harbor-health-medi-cal. Filled in when blank.",
        error_messages={"unique": "Another plan already uses this web address. Change the slug."},
    )
    insurer = models.CharField(
        "insurance company", max_length=160, help_text="The company that offers the plan, for example Harbor Health."
    )
    plan_type = models.CharField(max_length=20, choices=PlanType.choices, default=PlanType.OTHER)
    # Required: Plan-Net describes every plan by its networks (the FHIR API leaves out a plan with none).
    networks = models.ManyToManyField(
        Network, related_name="plans", help_text="The provider networks this plan uses. Choose at least one."
    )
    is_demo = models.BooleanField("demo plan", default=False, help_text="Fictional demo data.")

    updated_at = models.DateTimeField(auto_now=True, help_text="When this row last changed (the API's lastUpdated).")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:160]
        super().save(*args, **kwargs)

    def network_names(self):
        """The networks column of the admin's plan list (``networks`` prefetched there)."""
        return ", ".join(network.name for network in self.networks.all()) or "None: not in the FHIR directory"

    network_names.short_description = "Networks"


class LocationQuerySet(models.QuerySet):
    """Queries over clinic locations."""

    def within(self, latitude, longitude, radius_miles):
        """Locations within ``radius_miles`` of a point: an indexed bounding box, then exact distance."""
        min_lat, max_lat, min_lng, max_lng = geo.bounding_box(latitude, longitude, radius_miles)
        return (
            self.filter(latitude__range=(min_lat, max_lat), longitude__range=(min_lng, max_lng))
            .annotate(miles=geo.haversine_expression(latitude, longitude))
            .filter(miles__lte=radius_miles)
        )


class Location(models.Model):
    """A clinic or hospital where providers see patients."""

    name = models.CharField(max_length=160, unique=True)
    name_es = models.CharField(
        "name (Spanish)", max_length=160, blank=True, help_text="Only if the clinic's name differs in Spanish."
    )
    street = models.CharField("street address", max_length=200)
    city = models.CharField(max_length=100)
    state = models.CharField(max_length=2, help_text="Two letters, for example CA.")
    zip_code = models.CharField("ZIP code", max_length=10, validators=[validate_zip])
    phone = models.CharField(
        max_length=32,
        blank=True,
        validators=[validate_phone],
        help_text="The main number for appointments at this location.",
    )
    latitude = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text="Leave blank to use the centre of the ZIP code.",
    )
    longitude = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text="Leave blank to use the centre of the ZIP code.",
    )
    accessibility_notes = models.TextField(
        blank=True, help_text="Parking, entrances, elevators, wheelchair access — whatever helps a family arrive."
    )
    hours = models.TextField(
        "opening hours",
        blank=True,
        help_text="When the clinic is open, as a family should read it, for example: Monday to Friday, 8 am to 5 pm. "
        "One line per set of days. Shown on each doctor's profile under this clinic. Leave blank if not known.",
    )
    insurance_plans = models.ManyToManyField(
        InsurancePlan,
        related_name="locations",
        blank=True,
        help_text="Insurance plans this clinic accepts. Shown on each doctor's profile under this clinic.",
    )

    updated_at = models.DateTimeField(auto_now=True, help_text="When this row last changed (the API's lastUpdated).")

    objects = LocationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["latitude", "longitude"], name="providers_location_coords")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        loaded_zip, loaded_lat, loaded_lng = getattr(self, "_loaded", (None, None, None))
        zip_moved = loaded_zip is not None and loaded_zip != self.zip_code
        coordinates_untouched = (self.latitude, self.longitude) == (loaded_lat, loaded_lng)
        if self.latitude is None or self.longitude is None or (zip_moved and coordinates_untouched):
            coordinates = geo.zip_coordinates(self.zip_code)
            if coordinates:
                self.latitude, self.longitude = coordinates
        super().save(*args, **kwargs)
        self._loaded = (self.zip_code, self.latitude, self.longitude)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remember what was loaded, so a new ZIP code can move the map position.
        instance._loaded = (
            instance.__dict__.get("zip_code"),
            instance.__dict__.get("latitude"),
            instance.__dict__.get("longitude"),
        )
        return instance

    def clean(self):
        super().clean()
        self.state = (self.state or "").upper()
        if self.state and not re.fullmatch(r"[A-Z]{2}", self.state):
            raise ValidationError({"state": "Enter the two-letter state code, for example CA."})
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError("Enter both latitude and longitude, or leave both blank to use the ZIP code.")

    @property
    def address_lines(self):
        """The postal address as display lines."""
        return [self.street, f"{self.city}, {self.state} {self.zip_code}"]

    @property
    def directions_url(self):
        """A plain link to directions in a maps site (nothing is embedded in our pages)."""
        from urllib.parse import urlencode

        destination = ", ".join([self.street, self.city, f"{self.state} {self.zip_code}"])
        return "https://www.google.com/maps/dir/?" + urlencode({"api": "1", "destination": destination})

    def distance_to(self, latitude, longitude):
        """Miles from a point to this location, or None without coordinates."""
        if self.latitude is None or self.longitude is None:
            return None
        return geo.haversine_miles(latitude, longitude, self.latitude, self.longitude)


class ProviderQuerySet(models.QuerySet):
    """Queries the search page and the profile use."""

    def active(self):
        """Providers shown to the public."""
        return self.filter(active=True)

    def for_listing(self):
        """Active providers with everything a result card shows, loaded in a fixed number of queries."""
        return (
            self.active()
            .select_related("primary_specialty", "photo")
            .prefetch_related(
                "photo__renditions",
                "specialties",
                "languages",
                models.Prefetch(
                    "provider_locations",
                    queryset=ProviderLocation.objects.select_related("location").order_by("sort_order", "pk"),
                ),
            )
            .order_by("last_name", "first_name", "pk")
        )

    def for_profile(self):
        """``for_listing()`` plus the published condition pages each provider treats, their plans and each clinic's."""
        from conditions.models import ConditionPage

        return self.for_listing().prefetch_related(
            models.Prefetch("conditions", queryset=ConditionPage.objects.live().order_by("title")),
            "insurance_plans",
            "provider_locations__location__insurance_plans",
        )

    def search(self, query, vocabulary=None):
        """Providers whose names, specialties, synonyms, conditions or alternate names match ``query``.

        Every meaningful word must match the start of a word in ``search_text``
        ("leuk" finds leukemia); words of three letters or fewer must match a
        whole word ("ALL" finds ALL, not Allen). A misspelt word also matches
        the known words that look like it (see ``providers.spelling``), so
        "lukemia" finds leukemia and, on PostgreSQL, "nguen" finds Nguyen. Each
        alternative is a LIKE that the GIN trigram index on PostgreSQL answers.

        ``vocabulary`` is a ``spelling.Vocabulary``; without one it is loaded
        here. Annotates ``relevance`` (higher is better).
        """
        terms = search_terms(query)
        if not terms:
            return self
        if vocabulary is None:
            vocabulary = load_vocabulary(terms)
        alternatives, ranks = search_plan(terms, vocabulary)
        match = Q()
        for strings in alternatives:
            term_match = Q()
            for string in strings:
                term_match |= Q(search_text__contains=string)
            match &= term_match
        relevance = Case(
            *[When(Q(**{f"{field}__{lookup}": value}), then=Value(rank)) for rank, (field, lookup, value) in ranks],
            default=Value(0),
            output_field=models.IntegerField(),
        )
        return (
            self.filter(match)
            .annotate(relevance=relevance)
            .alias(search_prefix=Substr("search_text", 1, SEARCH_PREFIX_LENGTH))
        )

    def near(self, latitude, longitude, radius_miles):
        """Providers with a location within ``radius_miles``; annotates ``distance`` (miles to the nearest).

        A bounding box narrows locations with the coordinates index, then the
        exact haversine distance decides.
        """
        nearby = Location.objects.within(latitude, longitude, radius_miles)
        # A provider with a location inside the circle has their nearest one
        # there too, so the distance need not re-check the circle.
        nearest = (
            ProviderLocation.objects.filter(provider=OuterRef("pk"))
            .annotate(miles=geo.haversine_expression(latitude, longitude, "location__latitude", "location__longitude"))
            .order_by("miles")
            .values("miles")[:1]
        )
        return self.filter(
            pk__in=ProviderLocation.objects.filter(location__in=nearby.values("pk")).values("provider_id")
        ).annotate(distance=Subquery(nearest, output_field=FloatField()))

    def with_condition(self, condition):
        """Providers who treat a condition (a ConditionPage or its id)."""
        return self.filter(conditions=condition)


def english_pages():
    """Doctors are linked to the English condition pages; each Spanish page lists the same doctors."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)


class Provider(ClusterableModel):
    """A clinician in the Find a Doctor directory."""

    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    credentials = models.CharField(max_length=16, choices=Credential.choices, help_text="Shown after the name.")
    slug = models.SlugField(
        max_length=180,
        unique=True,
        blank=True,
        help_text="The end of the profile address, /find-a-doctor/<slug>/. Filled in from the name when blank.",
        error_messages={"unique": "Another provider already uses this web address. Change the slug."},
    )
    npi = models.CharField(
        "NPI",
        max_length=10,
        unique=True,
        validators=[validate_npi],
        help_text="National Provider Identifier: 10 digits, from the NPPES registry.",
        error_messages={"unique": "Another provider in the directory already has this NPI. Each NPI is unique."},
    )
    gender = models.CharField(max_length=16, choices=Gender.choices, blank=True)
    languages = ParentalManyToManyField(
        Language,
        related_name="providers",
        blank=True,
        help_text="Languages spoken with families without an interpreter.",
    )
    primary_specialty = models.ForeignKey(
        Specialty,
        on_delete=models.PROTECT,
        related_name="primary_providers",
        help_text="Shown first on the profile and in results.",
    )
    specialties = ParentalManyToManyField(
        Specialty,
        related_name="providers",
        blank=True,
        help_text="All of this provider's specialties. The primary specialty is added automatically.",
    )
    conditions = ParentalManyToManyField(
        "conditions.ConditionPage",
        related_name="providers",
        blank=True,
        limit_choices_to=english_pages,
        help_text="Conditions this provider treats. The profile links to each condition page.",
    )
    insurance_plans = ParentalManyToManyField(
        InsurancePlan,
        related_name="providers",
        blank=True,
        help_text="Insurance plans this provider accepts. Families can search by them. The FHIR directory lists "
        "a provider in a plan network only if they take every plan that uses that network.",
    )
    accepting_new_patients = models.BooleanField(default=True)
    offers_telehealth = models.BooleanField("offers video visits (telehealth)", default=False)
    min_age = models.PositiveSmallIntegerField(
        "youngest age seen (years)", default=0, validators=[MaxValueValidator(120)], help_text="0 means from birth."
    )
    max_age = models.PositiveSmallIntegerField(
        "oldest age seen (years)", default=21, validators=[MaxValueValidator(120)]
    )
    photo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    photo_alt_text = models.CharField(
        "photo description (alt text)",
        max_length=250,
        blank=True,
        help_text="Describe the photo for people who cannot see it. Required when there is a photo, unless the "
        "image already has a description.",
    )
    bio = models.TextField(
        blank=True, help_text="A few short paragraphs in plain words. Blank lines separate paragraphs."
    )
    education = models.TextField(
        "education and training", blank=True, help_text="One item per line, for example: MD, UCLA, 2008"
    )
    board_certifications = models.TextField(blank=True, help_text="One per line.")
    active = models.BooleanField(default=True, help_text="Untick to hide this provider from the public directory.")
    is_demo = models.BooleanField(
        "demo profile", default=False, help_text="Fictional demo data. Demo profiles are labelled as fictional."
    )
    search_text = models.TextField(
        editable=False,
        blank=True,
        help_text="Names, specialties, synonyms and conditions in one normalized string for search.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProviderQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name", "pk"]
        indexes = [
            models.Index(fields=["last_name", "first_name", "id"], name="providers_provider_name"),
        ]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_provider_slug(self.first_name, self.last_name, self.credentials, exclude_pk=self.pk)
        update_fields = kwargs.get("update_fields")
        if update_fields is None and self.primary_specialty_id:
            # The primary specialty is always one of the specialties, so one
            # join answers "which providers have specialty X".
            self.specialties.add(self.primary_specialty)
        super().save(*args, **kwargs)
        if update_fields is None or SEARCH_TEXT_SOURCES.intersection(update_fields):
            self.refresh_search_text()

    def refresh_search_text(self):
        """Rebuild ``search_text`` from the saved specialties and conditions (and the conditions' Spanish pages)."""
        conditions = list(self.conditions.all())
        text = build_search_text(self, self.specialties.all(), conditions, condition_translations(conditions))
        if text != self.search_text:
            self.search_text = text
            # A queryset update skips save(), so this never recurses.
            Provider.objects.filter(pk=self.pk).update(search_text=text)

    def get_absolute_url(self):
        return reverse("providers:profile", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = {}
        if self.photo_id and not self.photo_alt_text.strip():
            photo = self.photo
            if not (getattr(photo, "description", "") or "").strip():
                errors["photo_alt_text"] = "Describe the photo for people who cannot see it (alt text)."
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            errors["max_age"] = "The oldest age seen must be the same as or older than the youngest."
        if errors:
            raise ValidationError(errors)

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    @property
    def display_name(self):
        """'Maria Lopez, MD'."""
        return f"{self.full_name}, {self.credentials}" if self.credentials else self.full_name

    def listing_name(self):
        """The name column in the admin listing, sortable by last name."""
        return f"{self.last_name}, {self.first_name} ({self.credentials})" if self.credentials else str(self)

    listing_name.short_description = "Name"
    listing_name.admin_order_field = "last_name"

    @property
    def initials(self):
        return f"{self.first_name[:1]}{self.last_name[:1]}".upper()

    @property
    def photo_alt(self):
        """Alt text for the photo: the editor's words, else the image's own description."""
        if not self.photo_id:
            return ""
        return self.photo_alt_text or getattr(self.photo, "description", "") or ""

    @property
    def ages_seen(self):
        """'Birth to 21 years', '2 to 18 years'."""
        youngest = "Birth" if self.min_age == 0 else f"{self.min_age}"
        return f"{youngest} to {self.max_age} years"

    @property
    def education_list(self):
        return [line.strip() for line in self.education.splitlines() if line.strip()]

    @property
    def board_certification_list(self):
        return [line.strip() for line in self.board_certifications.splitlines() if line.strip()]

    @property
    def bio_paragraphs(self):
        return [p.strip() for p in re.split(r"\n\s*\n", self.bio) if p.strip()]

    # What a result card needs, read from the prefetched relations.

    @property
    def specialty_list(self):
        """Specialties, primary first (uses prefetched data)."""
        others = [s for s in self.specialties.all() if s.pk != self.primary_specialty_id]
        return [self.primary_specialty, *others] if self.primary_specialty_id else others

    @property
    def location_list(self):
        """ProviderLocations in the editor's order (uses prefetched data)."""
        return list(self.provider_locations.all())

    def nearest_location(self, latitude=None, longitude=None):
        """(ProviderLocation, miles) nearest to a point, or the first location and None without one."""
        locations = self.location_list
        if not locations:
            return None, None
        if latitude is None or longitude is None:
            return locations[0], None
        measured = [(pl.location.distance_to(latitude, longitude), pl) for pl in locations]
        measured = [(miles, pl) for miles, pl in measured if miles is not None]
        if not measured:
            return locations[0], None
        miles, nearest = min(measured, key=lambda item: (item[0], item[1].sort_order or 0, item[1].pk))
        return nearest, miles

    def networks_partly_taken(self):
        """[(network, [its plans this provider does not take])] for each network they take some plans of, not all.

        The FHIR API lists a provider in a network only when they take every plan that
        uses it (docs/fhir.md, "Networks"); the admin warns about these after a save.
        """
        taken = set(self.insurance_plans.values_list("pk", flat=True))
        networks = Network.objects.filter(plans__in=taken).distinct().prefetch_related("plans")
        found = [(network, [plan for plan in network.plans.all() if plan.pk not in taken]) for network in networks]
        return [(network, missing) for network, missing in found if missing]

    @property
    def phone(self):
        """The number to call for an appointment: the first location's."""
        first = self.location_list[:1]
        return first[0].phone_number if first else ""


class RemovedProvider(models.Model):
    """A provider deleted from the directory, remembered so the FHIR API can answer 410 Gone, not 404.

    Written by a signal when a ``Provider`` row is deleted; holds no personal data beyond the id and NPI.
    """

    provider_id = models.BigIntegerField(primary_key=True)
    npi = models.CharField("NPI", max_length=10)
    removed_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Removed provider {self.provider_id} (NPI {self.npi})"


class RemovedRole(models.Model):
    """A provider-at-a-clinic (a FHIR PractitionerRole) deleted from the directory, so the API answers 410 Gone.

    Written by a signal when a ``ProviderLocation`` row is deleted: with its provider, or
    when an editor takes the clinic off a provider. Holds the id alone.
    """

    role_id = models.BigIntegerField(primary_key=True)
    removed_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Removed role {self.role_id}"


class ProviderLocation(Orderable):
    """Where a provider sees patients, with that location's own phone and intake status."""

    provider = ParentalKey(Provider, on_delete=models.CASCADE, related_name="provider_locations")
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="provider_locations")
    phone = models.CharField(
        "appointment phone",
        max_length=32,
        blank=True,
        validators=[validate_phone],
        help_text="Leave blank to use the location's main number.",
    )
    accepting_new_patients = models.BooleanField("takes new patients here", default=True)

    panels = [FieldPanel("location"), FieldPanel("phone"), FieldPanel("accepting_new_patients")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["provider", "location"], name="providers_unique_provider_location")
        ]

    def __str__(self):
        return f"{self.provider} at {self.location}"

    @property
    def phone_number(self):
        return self.phone or self.location.phone


def unique_provider_slug(first_name, last_name, credentials="", exclude_pk=None, taken=None):
    """'maria-lopez-md', or with -2, -3… when another provider has it.

    ``taken`` is an optional set of slugs already claimed (used by bulk imports).
    """
    base = slugify(f"{first_name} {last_name} {credentials}")[:170] or "provider"
    candidate, number = base, 1
    existing = Provider.objects.exclude(pk=exclude_pk) if exclude_pk else Provider.objects.all()
    while (taken is not None and candidate in taken) or existing.filter(slug=candidate).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def build_search_text(provider, specialties, conditions, translations=None):
    """The normalized text ``Provider.objects.search()`` matches against.

    Starts with the name (so a name match can rank first), then the specialties
    with their synonyms (English and Spanish) and taxonomy codes, then the
    conditions treated with their alternate names, in English and, from
    ``translations`` (``condition_translations``), in Spanish: "leucemia" and
    "cáncer de la sangre" find the same doctors as "leukemia" and "blood cancer".
    Accents are dropped ("cardiologia" finds Cardiología). Padded with spaces so a
    word match is ' word'.
    """
    translations = translations or {}
    parts = [provider.first_name, provider.last_name, provider.credentials]
    for specialty in specialties:
        parts += [
            specialty.name,
            specialty.synonyms,
            getattr(specialty, "name_es", ""),
            getattr(specialty, "synonyms_es", ""),
            specialty.taxonomy_code,
        ]
    for condition in conditions:
        parts += [condition.title, getattr(condition, "alternate_names", "")]
        for title, alternate_names in translations.get(getattr(condition, "translation_key", None), ()):
            parts += [title, alternate_names]
    return f" {normalize_text(' '.join(p for p in parts if p))} "


def condition_translations(conditions):
    """``{translation_key: [(title, alternate_names), …]}``: the live translations of ``conditions`` (one query)."""
    from conditions.models import ConditionPage

    keys = {condition.translation_key for condition in conditions}
    if not keys:
        return {}
    found = {}
    rows = (
        ConditionPage.objects.live()
        .filter(translation_key__in=keys)
        .exclude(locale__language_code=settings.LANGUAGE_CODE)
        .values_list("translation_key", "title", "alternate_names")
    )
    for key, title, alternate_names in rows:
        found.setdefault(key, []).append((title, alternate_names))
    return found


def refresh_search_text(queryset, batch_size=1000):
    """Rebuild ``search_text`` for the providers in ``queryset``; returns how many changed."""
    from conditions.models import ConditionPage

    changed = 0
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        batch = (
            Provider.objects.filter(pk__in=ids[start : start + batch_size])
            .only("pk", "first_name", "last_name", "credentials", "search_text")
            .prefetch_related(
                models.Prefetch(
                    "specialties",
                    queryset=Specialty.objects.only("name", "synonyms", "name_es", "synonyms_es", "taxonomy_code"),
                ),
                models.Prefetch(
                    "conditions",
                    queryset=ConditionPage.objects.only("title", "alternate_names", "translation_key").order_by("path"),
                ),
            )
        )
        stale = []
        batch = list(batch)
        translations = condition_translations(
            [condition for provider in batch for condition in provider.conditions.all()]
        )
        for provider in batch:
            text = build_search_text(provider, provider.specialties.all(), provider.conditions.all(), translations)
            if text != provider.search_text:
                provider.search_text = text
                stale.append(provider)
        # A queryset update skips save(), so this never recurses.
        Provider.objects.bulk_update(stale, ["search_text"])
        changed += len(stale)
    return changed


# The spelling vocabulary, read from the directory (``providers.spelling`` compares words with it).


def medical_texts():
    """Specialty names and lay synonyms, live condition titles and alternate names (two queries)."""
    from conditions.models import ConditionPage

    texts = []
    for row in Specialty.objects.values_list("name", "synonyms", "name_es", "synonyms_es"):
        texts += row
    for title, alternate_names in ConditionPage.objects.live().values_list("title", "alternate_names"):
        texts += [title, alternate_names]
    return texts


def similar_names(terms):
    """Provider first and last names that look like any of ``terms`` (pg_trgm ``%``, trigram-indexed).

    PostgreSQL only; one query for all the words, up to 20 names per word and
    column. A word that is somebody's whole first or last name comes back as
    itself and nothing else: it needs no correction, and PostgreSQL then skips
    the trigram scans (a one-time filter), which at 100,000 providers cost more
    than the rest of a search for a common surname.
    """
    terms = list(filter(spelling.correctable, terms))
    if connection.vendor != "postgresql" or not terms:
        return []
    parts = []
    for term in terms:
        whole_name = Provider.objects.filter(Q(last_name__iexact=term) | Q(first_name__iexact=term))
        parts.append(whole_name.order_by().values_list(Value(term, output_field=CharField()), flat=True)[:1])
        for column in ("last_name", "first_name"):
            parts.append(
                Provider.objects.filter(**{f"{column}__trigram_similar": term})
                .filter(~Exists(whole_name))
                .order_by()
                .values_list(column, flat=True)
                .distinct()[:20]
            )
    return list(parts[0].union(*parts[1:], all=True))


def load_vocabulary(terms):
    """A ``spelling.Vocabulary`` for ``terms`` from the database (two queries; on PostgreSQL one more, for names).

    The search page loads the same data in its single form query instead
    (``providers.filters.load_search_context``).
    """
    return spelling.Vocabulary.from_texts(medical_texts(), similar_names(terms))
