"""The Find a Doctor search form: a django-filter FilterSet over ``Provider.objects.for_listing()``.

GET parameters (stable; links and tests rely on them): ``q``, ``specialty``
(slug), ``condition`` (condition page slug), ``language`` (code), ``gender``,
``accepting``, ``telehealth``, ``insurance`` (plan slug), ``near`` (ZIP), ``radius``
(miles), ``sort``.
``page`` belongs to the view. A bad value never breaks the page: it is
ignored and the form says so next to the field.
"""

import unicodedata
from urllib.parse import urlencode

import django_filters
from django import forms
from django.conf import settings
from django.db import connection
from django.db.models import CharField, Value
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from base.i18n import SPANISH, Translated, current_language
from conditions.models import ConditionPage

from . import geo, spelling
from .choices import DEFAULT_RADIUS, RADIUS_CHOICES, RADIUS_RANGE, Gender, SortOrder
from .models import InsurancePlan, Language, Provider, Specialty, search_terms, similar_names
from .results import NAME_ORDER, SearchResults, nearby_locations

MAX_QUERY_LENGTH = 200
# Longer values than this are never meaningful for the other parameters.
MAX_VALUE_LENGTH = 100
FILTER_PARAMETERS = [
    "q",
    "specialty",
    "condition",
    "language",
    "insurance",
    "gender",
    "accepting",
    "telehealth",
    "near",
    "radius",
]
PARAMETERS = [*FILTER_PARAMETERS, "sort"]
MORE_FILTERS = ["specialty", "condition", "language", "insurance", "gender", "accepting", "telehealth"]
TRUE_VALUES = {"yes", "true", "on", "1"}


def clean_parameter(value, max_length=MAX_VALUE_LENGTH):
    """Drop control characters (NUL included), collapse whitespace, cut to ``max_length``."""
    value = "".join(" " if unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co"} else char for char in value)
    return " ".join(value.split())[:max_length]


def load_search_context(terms=()):
    """What the form needs besides the results: one query, two when a word may be a name.

    Returns ``(options, vocabulary)``: the specialties, languages, insurance plans
    and published conditions for the menus (kind → list of (pk, key, label), sorted by label),
    and the ``spelling.Vocabulary`` for correcting the search words — the
    medical words come with the menus, and on PostgreSQL so do the words that
    are a provider's whole first or last name. Provider names that *look like*
    a word come from the trigram-indexed name columns in a second query, only
    when a word is neither: a known word is never corrected, so "leukemia" and
    "nguyen" need no look-alikes (finding them costs more than the rest of the
    search at 100,000 providers).
    """

    def rows(queryset, kind, key, label, extra, pk="pk"):
        return queryset.order_by().values_list(Value(kind, output_field=CharField()), pk, key, label, extra)

    # Doctors are linked to the English condition pages; the Spanish ones give their words.
    english = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).values("pk")
    parts = [
        rows(Language.objects.all(), "language", "code", "name", "name_es"),
        rows(InsurancePlan.objects.all(), "insurance", "slug", "name", "insurer"),
        rows(ConditionPage.objects.live().filter(locale__in=english), "condition", "slug", "title", "alternate_names"),
        rows(
            ConditionPage.objects.live().exclude(locale__in=english), "condition_es", "slug", "title", "alternate_names"
        ),
        rows(Specialty.objects.all(), "specialty_es", "slug", "name_es", "synonyms_es"),
    ]
    correctable = [term for term in terms if spelling.correctable(term)]
    if connection.vendor == "postgresql":
        # A word that is somebody's whole first or last name is known too (the UPPER() indexes answer).
        blank = Value("", output_field=CharField())
        for term in correctable:
            for column in ("last_name", "first_name"):
                named = Provider.objects.filter(**{f"{column}__iexact": term})
                parts.append(rows(named, "name", blank, column, blank, pk=Value(0))[:1])
    union = rows(Specialty.objects.all(), "specialty", "slug", "name", "synonyms").union(*parts, all=True)

    options = {"specialty": [], "language": [], "condition": [], "insurance": []}
    texts, names, in_spanish = [], [], {"specialty": {}, "condition": {}, "language": {}}
    for kind, pk, key, label, extra in union:
        if kind == "name":
            names.append(label)
            continue
        # Spanish names and lay words are searched in both languages; they label the menus on /es/.
        if kind.endswith("_es"):
            in_spanish[kind[:-3]][key] = label
            texts += [label, extra]
            continue
        options[kind].append((pk, key, label))
        if kind == "language":
            in_spanish["language"][key] = extra
        if kind in ("specialty", "condition"):
            texts += [label, extra]
    if current_language() == SPANISH:
        # No Spanish name yet: the English one, which the menus and chips mark lang="en".
        for kind, labels in in_spanish.items():
            options[kind] = [
                (pk, key, labels.get(key) or Translated(label, "en", fallback=True)) for pk, key, label in options[kind]
            ]
    for entries in options.values():
        entries.sort(key=lambda entry: (entry[2].casefold(), entry[0]))
    vocabulary = spelling.Vocabulary.from_texts(texts, names)
    if connection.vendor == "postgresql" and any(not vocabulary.knows(term) for term in correctable):
        vocabulary = spelling.Vocabulary.from_texts(texts, names + similar_names(correctable))
    return options, vocabulary


def is_yes(value):
    return value is True or (isinstance(value, str) and value.strip().lower() in TRUE_VALUES)


class LanguageMarkedSelect(forms.Select):
    """A menu whose options in another language than the page's (``Translated`` fallbacks) say so with ``lang``."""

    def create_option(self, name, value, label, *args, **kwargs):
        option = super().create_option(name, value, label, *args, **kwargs)
        if getattr(label, "fallback", False):
            option["attrs"]["lang"] = label.lang
        return option


class YesCheckbox(forms.CheckboxInput):
    """Submits ``yes``; reads the raw value so the field can decide what counts as ticked."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"value": "yes", **(attrs or {})}, check_test=is_yes)

    def value_from_datadict(self, data, files, name):
        return data.get(name, "")


class YesField(forms.BooleanField):
    """A checkbox whose URL value is ``yes``; anything else means "not ticked"."""

    widget = YesCheckbox

    def to_python(self, value):
        return is_yes(value)


class YesFilter(django_filters.Filter):
    """Narrow to rows where a boolean field is true when the box is ticked; otherwise do nothing."""

    field_class = YesField

    def filter(self, qs, value):
        return qs.filter(**{self.field_name: True}) if value else qs


class RadiusField(forms.TypedChoiceField):
    """Miles, from a menu; a hand-typed whole number within RADIUS_RANGE is accepted too."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("coerce", int)
        kwargs.setdefault("empty_value", None)
        kwargs["choices"] = [(str(miles), f"{miles} miles") for miles in RADIUS_CHOICES]
        super().__init__(*args, **kwargs)

    def valid_value(self, value):
        try:
            miles = int(str(value))
        except ValueError:
            return False
        return RADIUS_RANGE[0] <= miles <= RADIUS_RANGE[1]


class RadiusFilter(django_filters.Filter):
    field_class = RadiusField


class ProviderSearchForm(forms.Form):
    """Cross-field rules: a radius means nothing without a ZIP code."""

    def clean_near(self):
        value = self.cleaned_data.get("near") or ""
        if not value:
            return ""
        if not geo.is_zip_format(value):
            raise forms.ValidationError(_("Enter a 5-digit ZIP code, for example 90806."), code="zip_format")
        if geo.zip_coordinates(value) is None:
            raise forms.ValidationError(
                _("We don't recognise that ZIP code. Check the number and try again."), code="zip_unknown"
            )
        return geo.normalize_zip(value)

    def clean(self):
        cleaned_data = super().clean()
        # A distance means nothing without a usable ZIP code; don't nag about it.
        if "radius" in self._errors and not cleaned_data.get("near"):
            del self._errors["radius"]
        return cleaned_data


class ProviderFilterSet(django_filters.FilterSet):
    """Search, filter and sort providers for /find-a-doctor/."""

    q = django_filters.CharFilter(
        method="filter_q",
        label=gettext_lazy("Name, condition or specialty"),
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "spellcheck": "false"}),
    )
    specialty = django_filters.ChoiceFilter(
        method="filter_specialty",
        widget=LanguageMarkedSelect,
        label=gettext_lazy("Specialty"),
        empty_label=gettext_lazy("Any specialty"),
        error_messages={
            "invalid_choice": gettext_lazy("We don't have that specialty, so we are showing all specialties.")
        },
    )
    condition = django_filters.ChoiceFilter(
        method="filter_condition",
        widget=LanguageMarkedSelect,
        label=gettext_lazy("Condition treated"),
        empty_label=gettext_lazy("Any condition"),
        error_messages={
            "invalid_choice": gettext_lazy("We don't have a page for that condition, so we are showing all conditions.")
        },
    )
    language = django_filters.ChoiceFilter(
        method="filter_language",
        widget=LanguageMarkedSelect,
        label=gettext_lazy("Language spoken"),
        empty_label=gettext_lazy("Any language"),
        error_messages={
            "invalid_choice": gettext_lazy("We don't have that language in our list, so we are showing all languages.")
        },
    )
    insurance = django_filters.ChoiceFilter(
        method="filter_insurance",
        label=gettext_lazy("Accepts my insurance"),
        empty_label=gettext_lazy("Any insurance"),
        error_messages={
            "invalid_choice": gettext_lazy(
                "We don't have that insurance plan in our list, so we are not filtering by insurance. "
                "Call us to ask about your plan."
            )
        },
    )
    gender = django_filters.ChoiceFilter(
        field_name="gender",
        choices=Gender.choices,
        label=gettext_lazy("Doctor's gender"),
        empty_label=gettext_lazy("No preference"),
        error_messages={"invalid_choice": gettext_lazy("Choose a gender from the list, or No preference.")},
    )
    accepting = YesFilter(field_name="accepting_new_patients", label=gettext_lazy("Accepting new patients"))
    telehealth = YesFilter(field_name="offers_telehealth", label=gettext_lazy("Offers video visits"))
    near = django_filters.CharFilter(
        method="filter_nothing",
        label=gettext_lazy("Near ZIP code"),
        max_length=MAX_VALUE_LENGTH,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code", "size": "10"}),
    )
    radius = RadiusFilter(
        method="filter_nothing",
        label=gettext_lazy("Distance"),
        error_messages={
            "invalid_choice": format_lazy(
                gettext_lazy("Choose a distance between {low} and {high} miles. We used {default} miles."),
                low=RADIUS_RANGE[0],
                high=RADIUS_RANGE[1],
                default=DEFAULT_RADIUS,
            )
        },
    )
    sort = django_filters.ChoiceFilter(
        method="filter_nothing",
        choices=SortOrder.choices,
        label=gettext_lazy("Sort by"),
        empty_label=None,
        error_messages={"invalid_choice": gettext_lazy("Choose a sort order from the list.")},
    )

    class Meta:
        form = ProviderSearchForm
        fields = []

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        self.notices = []
        data = self._clean_data(data)
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.options, self.vocabulary = load_search_context(search_terms(data.get("q", "")))
        for name in ("specialty", "language", "condition", "insurance"):
            self.filters[name].extra["choices"] = [(key, label) for _pk, key, label in self.options[name]]
        self._ids = {name: {key: pk for pk, key, _label in self.options[name]} for name in self.options}

    def _clean_data(self, data):
        """Only our parameters, one value each, without control characters or absurd lengths."""
        cleaned = {}
        for name in PARAMETERS:
            raw = data.get(name) if data is not None else None
            if raw is None:
                continue
            limit = MAX_QUERY_LENGTH if name == "q" else MAX_VALUE_LENGTH
            value = clean_parameter(str(raw), max_length=limit)
            if name == "q" and len(" ".join(str(raw).split())) > MAX_QUERY_LENGTH:
                self.notices.append(
                    _("Your search was very long, so we used only its first %(count)d characters.")
                    % {"count": MAX_QUERY_LENGTH}
                )
            if value:
                cleaned[name] = value
        self.parameters_given = bool(cleaned)
        # Free text and a home ZIP describe one visitor's search; a list such as
        # "doctors who treat ALL" (linked from its condition page) is worth indexing.
        self.indexable = not (set(cleaned) & {"q", "near"}) and not self.notices
        # The distance menu shows the distance actually used.
        cleaned.setdefault("radius", str(DEFAULT_RADIUS))
        return cleaned

    # Filters.

    def filter_nothing(self, queryset, name, value):
        """``near``, ``radius`` and ``sort`` work together, in filter_queryset()."""
        return queryset

    def filter_q(self, queryset, name, value):
        return queryset.search(value, vocabulary=self.vocabulary)

    def filter_specialty(self, queryset, name, value):
        return queryset.filter(specialties=self._ids["specialty"][value])

    def filter_condition(self, queryset, name, value):
        return queryset.with_condition(self._ids["condition"][value])

    def filter_language(self, queryset, name, value):
        return queryset.filter(languages=self._ids["language"][value])

    def filter_insurance(self, queryset, name, value):
        return queryset.filter(insurance_plans=self._ids["insurance"][value])

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        point = self.near_point
        if point:
            queryset = queryset.near(point[0], point[1], self.radius_miles)
        return queryset.order_by(*self.ordering)

    def results(self):
        """The same providers in the same order as ``qs``, for a paginator: counted up to a limit and
        fetched a page at a time, without sorting every match (see providers/results.py)."""
        self.errors  # noqa: B018 - validates the form, so only valid values filter
        matches = super().filter_queryset(self.queryset.all())
        point = self.near_point
        nearby = nearby_locations(point[0], point[1], self.radius_miles) if point else None
        terms = search_terms(self.cleaned.get("q") or "")
        return SearchResults(matches, self.queryset, sort=self.sort_used, terms=terms, nearby=nearby)

    # What the page shows about the search.

    @property
    def cleaned(self):
        """Valid values only; invalid ones are left out (and explained next to their field)."""
        form = self.form
        if form.errors.get("radius") or "radius" not in form.cleaned_data:
            # Show the distance that was used, next to the message that says so.
            form.data = {**form.data, "radius": str(DEFAULT_RADIUS)}
        elif form.cleaned_data["radius"] not in RADIUS_CHOICES:
            # A distance typed into the URL: offer it in the menu so the form shows it.
            miles = form.cleaned_data["radius"]
            field = form.fields["radius"]
            if (str(miles), f"{miles} miles") not in field.choices:
                field.choices = sorted([*field.choices, (str(miles), f"{miles} miles")], key=lambda c: int(c[0]))
        return form.cleaned_data

    @property
    def near_point(self):
        """(latitude, longitude) of the ``near`` ZIP code, or None."""
        near = self.cleaned.get("near")
        return geo.zip_coordinates(near) if near else None

    @property
    def radius_miles(self):
        return self.cleaned.get("radius") or DEFAULT_RADIUS

    @property
    def has_query(self):
        return bool(search_terms(self.cleaned.get("q") or ""))

    @property
    def sort_used(self):
        """The order actually applied: relevance needs words to match, distance needs a ZIP code."""
        requested = self.cleaned.get("sort") or ""
        if requested == SortOrder.DISTANCE and self.near_point:
            return SortOrder.DISTANCE
        if requested == SortOrder.LAST_NAME:
            return SortOrder.LAST_NAME
        if requested in ("", SortOrder.RELEVANCE) and self.has_query:
            return SortOrder.RELEVANCE
        if requested in ("", SortOrder.RELEVANCE) and self.near_point:
            return SortOrder.DISTANCE
        return SortOrder.LAST_NAME

    @property
    def spelling_notice(self):
        """'We also searched for leukemia (for “lukemia”).' when a word was corrected."""
        corrected = [
            (term, words)
            for term in search_terms(self.cleaned.get("q") or "")
            if (words := self.vocabulary.corrections(term))
        ]
        if not corrected:
            return ""
        parts = [
            _("%(words)s (for “%(term)s”)") % {"words": _(" or ").join(f"“{word}”" for word in words), "term": term}
            for term, words in corrected
        ]
        return _("We also searched for %(words)s.") % {"words": "; ".join(parts)}

    @property
    def sort_notice(self):
        requested = self.cleaned.get("sort") or ""
        if requested == SortOrder.DISTANCE and not self.near_point:
            return _("To sort by distance, enter a ZIP code. We sorted by last name.")
        return ""

    @property
    def ordering(self):
        """ORDER BY for the chosen sort; ties always break by name, then id, so pages never overlap.

        django-filter's ``qs`` sorts every match this way. The pages a parent sees come
        from ``results()`` (providers/results.py), which finds the same order without
        sorting every match: 5.6-12x faster at 100,000 providers, the same at 1,000
        (bench/two_ways.py). One tie-break, ``NAME_ORDER``, serves both.
        """
        tie_break = list(NAME_ORDER)
        sort = self.sort_used
        if sort == SortOrder.RELEVANCE:
            return ["-relevance", *tie_break]
        if sort == SortOrder.DISTANCE:
            return ["distance", *tie_break]
        return tie_break

    @property
    def sort_label(self):
        return SortOrder(self.sort_used).label

    @property
    def more_filter_count(self):
        """How many of the filters under "More filters" are in use."""
        return sum(1 for name in MORE_FILTERS if self.cleaned.get(name))

    @property
    def has_more_filters(self):
        """Open "More filters" only when one has an error to read.

        Filters in use are already shown (and removable) above the results;
        keeping the menus folded keeps results near the top on a phone.
        """
        return any(name in self.form.errors for name in MORE_FILTERS)

    @property
    def show_form_open(self):
        """Unfold the search form on a first visit or when a value needs fixing; otherwise results come first."""
        return not self.parameters_given or bool(self.form.errors) or bool(self.notices)

    @property
    def wider_radius(self):
        """The next distance up from the one searched, or None at the largest."""
        if not self.near_point:
            return None
        return next((miles for miles in RADIUS_CHOICES if miles > self.radius_miles), None)

    @property
    def wider_url(self):
        wider = self.wider_radius
        if wider is None:
            return ""
        return f"{reverse('providers:search')}?{self.querystring(radius=wider)}"

    def _label(self, name, value):
        if name in self.options:
            return next((label for _pk, key, label in self.options[name] if key == value), value)
        if name == "gender":
            return Gender(value).label
        if name in ("accepting", "telehealth"):
            return _("Yes")
        if name == "near":
            place = geo.zip_place(value)
            within = _("Within %(miles)s miles of %(zip)s") % {"miles": self.radius_miles, "zip": value}
            return within + (f" ({place})" if place else "")
        return value

    @property
    def active_filters(self):
        """Each filter in use, with a link that drops just that one."""
        cleaned = self.cleaned
        active = []
        for name in FILTER_PARAMETERS:
            value = cleaned.get(name)
            if name == "radius" or not value:
                continue
            if name == "q" and not value.strip():
                continue
            dropped = {name, "radius"} if name == "near" else {name}
            label = {"q": _("Search"), "near": ""}.get(name, self.filters[name].label)
            active.append(
                {
                    "name": name,
                    "label": label,
                    "value": self._label(name, value),
                    "remove_url": self.url_without(*dropped),
                }
            )
        return active

    def querystring(self, without=(), **overrides):
        """The current valid parameters as a query string, minus ``without``, plus ``overrides``."""
        cleaned = self.cleaned
        params = []
        for name in PARAMETERS:
            if name in without:
                continue
            value = overrides.get(name, cleaned.get(name))
            if name == "radius" and not cleaned.get("near"):
                continue
            if value in (None, "", False):
                continue
            params.append((name, "yes" if value is True else str(value)))
        for name, value in overrides.items():
            if name not in PARAMETERS and value not in (None, ""):
                params.append((name, str(value)))
        return urlencode(params)

    def url_without(self, *names):
        base = reverse("providers:search")
        query = self.querystring(without=names)
        return f"{base}?{query}" if query else base

    def page_url(self, number):
        base = reverse("providers:search")
        query = self.querystring(page=number if number > 1 else None)
        return f"{base}?{query}" if query else base
