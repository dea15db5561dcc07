"""Site search: one box for conditions and doctors, conditions first.

A frightened parent types what they know: a name ("leukemia", "ALL"), lay
words ("blood cancer"), a British spelling ("leukaemia"), a typo ("lukemia")
or a doctor's surname. Condition pages come from
``ConditionPage.objects.search_for_parents()`` (whole names first, so the stop
word "all" still finds ALL), doctors from ``Provider.objects.search()``.
Misspelt words are corrected against the same small medical vocabulary
Find a Doctor uses (``providers.spelling``), in Python, so it works on SQLite
and PostgreSQL alike; on PostgreSQL doctors' names are corrected with pg_trgm too.

Editors pin results for a term with Wagtail's search promotions
(Settings → Promoted search results). A search never writes to the
database: no query hits are recorded, so a GET stays a GET.

The number of queries has a fixed ceiling whatever the input, and is small:
the medical vocabulary and the specialties' lay words come from the site
cache (``base.cache``, refreshed on any change to pages or the
directory), doctors' names that look like a misspelt word in one query
(PostgreSQL, and only for words the medical vocabulary neither knows nor
corrects), and the condition search runs at most three times (as typed; as
corrected; through the lay synonyms of the specialties that treat it), each
only when the one before found nothing. Doctors, how many match, their primary
specialty and the number to call come in one query (the specialty's name from
the site cache); in a directory of thousands, in the few cheap queries Find a
Doctor pages with instead (``first_doctors``).
"""

from dataclasses import dataclass, field
from types import SimpleNamespace

from django.db import connection
from django.db.models import F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from modelsearch.utils import normalise_query_string
from wagtail.contrib.search_promotions.models import SearchPromotion

from base import cache
from base.i18n import current_language, locale_id, localized
from conditions.models import ConditionIndexPage, ConditionPage
from providers import spelling
from providers import views as provider_views
from providers.choices import SortOrder
from providers.filters import clean_parameter
from providers.models import (
    Location,
    Provider,
    ProviderLocation,
    Specialty,
    medical_texts,
    search_sql,
    search_terms,
    similar_names,
    split_list,
)
from providers.results import CappedCount, SearchResults
from providers.text import normalize_text

MAX_QUERY_LENGTH = 200
# Doctors shown on the search page; the rest are one link away in Find a Doctor.
MAX_PROVIDERS = 5
# Up to this many active doctors, sorting every match in one query is the cheapest way to the first
# five (6 ms for "leukemia" at 1,000 doctors, but 240 ms at 100,000); above it, finding them from
# indexes is (10 ms at 1,000, 14 ms at 100,000). The two cross near 2,700; see bench/README.md.
SMALL_DIRECTORY = 2000
# What a condition's search result shows (title, other names, summary, link); not loading the
# rest (the body above all) makes each search cheaper.
CONDITION_CARD_FIELDS = ("title", "alternate_names", "summary", "url_path")
# What a doctor's search result shows (name, link, demo label, primary specialty, accepting); nothing else
# is loaded.
PROVIDER_CARD_FIELDS = (
    "first_name",
    "last_name",
    "credentials",
    "slug",
    "is_demo",
    "accepting_new_patients",
    "primary_specialty",
)


@dataclass
class SiteSearchResults:
    """What the search page shows for one query."""

    query: str = ""
    truncated: bool = False
    corrected_query: str = ""
    promotions: list = field(default_factory=list)
    conditions: list = field(default_factory=list)
    providers: list = field(default_factory=list)
    provider_count: int = 0

    @property
    def page_count(self):
        return len(self.promotions) + len(self.conditions)

    @property
    def doctor_count(self):
        """How many doctors match, as Find a Doctor counts them (stopping after 1,000)."""
        return CappedCount(self.provider_count, provider_views.MAX_COUNTED)

    @property
    def count(self):
        return self.page_count + self.provider_count

    @property
    def has_results(self):
        return bool(self.count)


def clean_query(raw):
    """(query, truncated): control characters (NUL included) dropped, spaces collapsed, at most 200 characters."""
    raw = str(raw or "")
    query = clean_parameter(raw, max_length=MAX_QUERY_LENGTH)
    return query, len(" ".join(raw.split())) > MAX_QUERY_LENGTH


def corrected_query(query, vocabulary):
    """The query with each misspelt word replaced by the closest known word, or "" when nothing changed."""
    words = normalize_text(query).split()
    corrected = []
    for word in words:
        corrections = vocabulary.corrections(word)
        corrected.append(corrections[0] if corrections else word)
    return " ".join(corrected) if corrected != words else ""


def promotions_for(*queries, request=None):
    """Editors' pinned results for any of ``queries`` (normalised as Wagtail stores them), live pages only."""
    wanted = {normalise_query_string(query) for query in queries if query}
    if not wanted:
        return []
    by_query = cache.get_or_set(request, ["search-promotions"], _promotions_by_query, keep_in_process=True)
    found = [promotion for query in wanted for promotion in by_query.get(query, ())]
    # A pinned page shows on the search page of its own language only.
    here = locale_id(current_language(), request)
    found = [promotion for promotion in found if promotion.page is None or promotion.page.locale_id == here]
    return sorted(found, key=lambda promotion: (promotion.sort_order, promotion.pk))


def _promotions_by_query():
    """Every pinned result whose page is live (or that links elsewhere), by query string.

    Few, and kept in the site cache: publishing or unpublishing a page and
    saving or deleting a promotion start a new generation (``base.signals``).
    """
    by_query = {}
    promotions = (
        SearchPromotion.objects.filter(Q(page__isnull=True) | Q(page__live=True))
        .select_related("query", "page")
        .order_by("sort_order", "pk")
    )
    for promotion in promotions:
        by_query.setdefault(promotion.query.query_string, []).append(promotion)
    return by_query


def search_data(request=None):
    """What every search reads and only a publish or a directory change alters, from the site cache.

    ``{"words": frozenset, "specialties": [(pk, name, synonyms, name_es, synonyms_es), …],
    "condition_names": […], "active_doctors": int}``: the medical words misspellings are
    corrected to (in English and Spanish), each specialty's name and lay words in both
    languages, each live condition page's whole names (in every language)
    (``ConditionPageQuerySet.whole_names``), and the size of the directory.
    """

    def load():
        specialties = list(Specialty.objects.values_list("pk", "name", "synonyms", "name_es", "synonyms_es"))
        texts = medical_texts()
        return {
            "words": frozenset(spelling.Vocabulary.from_texts(texts).words),
            "specialties": specialties,
            # Live pages only; privacy is still checked by the query that fetches a match.
            "condition_names": ConditionPage.objects.live().whole_names(),
            "active_doctors": Provider.objects.active().count(),
        }

    # The number changes with the shape of the value, so a deploy never reads the old one.
    return cache.get_or_set(request, ["site-search-data", 4], load, keep_in_process=True)


def vocabulary_for(terms, data):
    """The spelling vocabulary for ``terms``: the medical words, and doctors' names like the other words.

    Names are looked up (one query) only for words the medical vocabulary
    neither knows nor corrects: a known word is never corrected, and a word
    that looks like a medical word ("lukemia") is taken for that word.
    """
    medical = spelling.Vocabulary(words=data["words"])
    unknown = [term for term in terms if not medical.knows(term) and not medical.corrections(term)]
    names = similar_names(unknown)
    return spelling.Vocabulary(words=data["words"], names={normalize_text(name) for name in names if name})


def doctors_listing():
    """Active doctors with what a search result shows, and the number to call.

    The number is the first location's (its own appointment line, else the
    clinic's), read in the same query as the doctor rather than by loading
    every location. The primary specialty's name comes from the site cache
    (``search_data``), so no join or second query is needed for it.
    """
    first_location = ProviderLocation.objects.filter(provider=OuterRef("pk")).order_by("sort_order", "pk")
    phone = Coalesce(NullIf(F("phone"), Value("")), F("location__phone"))
    return (
        Provider.objects.active()
        .only(*PROVIDER_CARD_FIELDS)
        .annotate(call_number=Subquery(first_location.values_list(phone)[:1]))
    )


def first_doctors_sql(terms, vocabulary):
    """``(sql, params)``: the first doctors by relevance with what a card shows, and how many match.

    ``doctors_listing().search(…)`` ordered by relevance and name, with a
    window count, written out as SQL: it is the busiest query of the site, and
    Django took twice as long to compile it as the database took to run it.
    The words and ranks come from ``providers.models.search_plan``, as the
    ORM's do; a test compares the two search by search. Kept because it still
    pays (bench/two_ways.py, 2026-12-05, 1,000 doctors): 1.8-2.0 ms against the
    ORM's 4.1-6.0 ms, 1.5-2.2x, about a tenth of a site search. It is used only
    up to ``SMALL_DIRECTORY``; above that neither single query is (110-160 ms at
    100,000 doctors, where ``providers.results`` takes 8-14 ms).
    """
    qn = connection.ops.quote_name

    def column(model, name, alias=None):
        return f"{alias or qn(model._meta.db_table)}.{qn(model._meta.get_field(name).column)}"

    provider = qn(Provider._meta.db_table)
    (match, match_params), (relevance, relevance_params) = search_sql(terms, vocabulary, provider)
    card = ", ".join(column(Provider, name) for name in ("id", *PROVIDER_CARD_FIELDS))
    # The first location's own appointment line, else the clinic's number (as doctors_listing()).
    own_line, clinic_line = column(ProviderLocation, "phone", "link"), column(Location, "phone", "clinic")
    call_number = (
        f"SELECT COALESCE(NULLIF({own_line}, ''), {clinic_line})"
        f" FROM {qn(ProviderLocation._meta.db_table)} link JOIN {qn(Location._meta.db_table)} clinic"
        f" ON {column(Location, 'id', 'clinic')} = {column(ProviderLocation, 'location', 'link')}"
        f" WHERE {column(ProviderLocation, 'provider', 'link')} = {column(Provider, 'id')}"
        f" ORDER BY {column(ProviderLocation, 'sort_order', 'link')}, {column(ProviderLocation, 'id', 'link')} LIMIT 1"
    )
    name_order = ", ".join(column(Provider, name) for name in ("last_name", "first_name", "id"))
    sql = (
        f"SELECT {card}, ({call_number}) AS call_number, COUNT(*) OVER () AS matching, {relevance} AS relevance"
        f" FROM {provider} WHERE {column(Provider, 'active')} AND {match}"
        f" ORDER BY relevance DESC, {name_order} LIMIT %s"
    )
    return sql, [*relevance_params, *match_params, MAX_PROVIDERS]


def first_doctors(query, terms, vocabulary, directory_size):
    """``(the first MAX_PROVIDERS matching doctors by relevance, how many match)``.

    The count stops after ``MAX_COUNTED`` (1,000), as in Find a Doctor, where
    "See all" leads. In a directory of up to ``SMALL_DIRECTORY`` active doctors,
    one query sorts every match and counts them alongside (a window count):
    the fewest queries. In a larger one, sorting and counting tens of thousands
    of matches would take hundreds of milliseconds, so the doctors are found
    the way Find a Doctor pages through 100,000 (``providers.results``) and the
    count stops where Find a Doctor's does. Both ways give the same doctors in
    the same order.
    """
    limit = provider_views.MAX_COUNTED + 1
    if directory_size <= SMALL_DIRECTORY:
        found = list(Provider.objects.raw(*first_doctors_sql(terms, vocabulary)))
        return found, min(found[0].matching, limit) if found else 0
    matches = Provider.objects.active().search(query, vocabulary=vocabulary)
    results = SearchResults(matches, doctors_listing(), sort=SortOrder.RELEVANCE, terms=terms)
    found = results[:MAX_PROVIDERS]
    return found, len(found) if len(found) < MAX_PROVIDERS else results.count_upto(limit)


def search_site(raw_query, request=None):
    """Search conditions and doctors for ``raw_query``; never writes to the database."""
    query, truncated = clean_query(raw_query)
    results = SiteSearchResults(query=query, truncated=truncated)
    if not normalize_text(query):
        return results

    terms = search_terms(query)
    data = search_data(request)
    vocabulary = vocabulary_for(terms, data)
    results.corrected_query = corrected_query(query, vocabulary)
    results.promotions = promotions_for(query, results.corrected_query, request=request)

    # A result shows a title, names, summary and link: never load the page bodies.
    # Pages in the language of the search page only: /es/search/ finds the Spanish pages.
    language = current_language()
    conditions = ConditionPage.objects.live().in_language(language).only(*CONDITION_CARD_FIELDS)
    if cache.any_view_restrictions(request):
        conditions = conditions.public()
    found = conditions.search_for_parents(query, names=data["condition_names"], language=language)
    if found:
        # The words as typed found pages: say nothing about spelling.
        results.corrected_query = ""
    elif results.corrected_query:
        found = conditions.search_for_parents(results.corrected_query, names=data["condition_names"], language=language)
    if not found:
        found = conditions_treated_by_specialists_in(results.corrected_query or query, conditions, data["specialties"])
    promoted_pages = {promotion.page_id for promotion in results.promotions if promotion.page_id}
    results.conditions = [page for page in found if page.pk not in promoted_pages]

    if terms:
        results.providers, results.provider_count = first_doctors(query, terms, vocabulary, data["active_doctors"])
        # A Spanish page shows the English name until the Spanish one is written, marked lang="en".
        specialty_names = {
            pk: localized(SimpleNamespace(name=name, name_es=name_es), "name", language)
            for pk, name, _synonyms, name_es, _synonyms_es in data["specialties"]
        }
        for provider in results.providers:
            provider.specialty_name = specialty_names.get(provider.primary_specialty_id, "")
    return results


def conditions_treated_by_specialists_in(query, conditions, specialties=None):
    """Pages treated by a specialty whose name or one lay synonym holds every word ("blood cancer").

    Only used when the pages' own words found nothing: every cancer page is
    treated by the "blood cancer doctor", so these matches are broad.
    ``specialties`` are ``(pk, name, synonyms, name_es, synonyms_es)`` rows, read from the
    database when not given. Lay words count in either language ("cáncer de la sangre").
    A translation is matched through its English page, whose specialties editors keep.
    """
    terms = search_terms(query)
    if not terms:
        return []
    if specialties is None:
        specialties = Specialty.objects.values_list("pk", "name", "synonyms", "name_es", "synonyms_es")
    specialty_ids = []
    for pk, name, synonyms, name_es, synonyms_es in specialties:
        for phrase in [name, *split_list(synonyms), name_es, *split_list(synonyms_es)]:
            if not phrase:
                continue
            words = normalize_text(phrase).split()
            if all(any(word.startswith(term) for word in words) for term in terms):
                specialty_ids.append(pk)
                break
    if not specialty_ids:
        return []
    treated = ConditionPage.objects.filter(related_specialties__in=specialty_ids).values("translation_key")
    return list(conditions.filter(translation_key__in=treated).order_by("title"))


def condition_index_url(request=None):
    """Where the A–Z index of conditions is, for the "nothing found" box ("" before it is published).

    From the site cache: a search that finds nothing is common (a typo, a word
    we do not use), and publishing or moving the index starts a new generation.
    """

    language = current_language()

    def find():
        index = ConditionIndexPage.objects.live().filter(locale__language_code=language, alias_of__isnull=True).first()
        # Without the request: the same for every visitor (absolute only when there are several sites).
        return index.get_url() if index else ""

    return cache.get_or_set(request, ["condition-index-url", language], find, keep_in_process=True)
