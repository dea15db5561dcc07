"""A parent types into the search box on any page and lands on the right condition or doctor."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from providers import views as provider_views
from search import site_search
from tests.conditions import factories as conditions
from tests.conftest import soup
from tests.providers import factories as providers

POSTGRES = pytest.mark.skipif(connection.vendor != "postgresql", reason="doctors' name typos use pg_trgm")
# Queries for the whole page, (SQLite, PostgreSQL): settings, menu, the medical vocabulary, the specialties'
# names and promotions come from the site cache. Each search runs the condition search (as typed; again
# as corrected, or through the specialists' lay words, when that found nothing) and one query for the doctors
# with their count, specialty and number to call; on PostgreSQL, doctors' names that look like a word the
# medical vocabulary neither knows nor corrects ("Nguyen", "zebra"). Where the A–Z index is (offered when
# nothing is found) comes from the site cache too.
QUERIES = {
    "": (0, 0),
    "leukemia": (2, 2),
    "lukemia": (3, 3),
    "Nguyen": (2, 3),
    "zebra": (2, 3),
    "blood cancer doctor near me " * 3: (3, 3),
}


@pytest.fixture
def all_page(index):
    """The ALL page, treated by Pediatric Hematology-Oncology ("blood cancer doctor" in lay words)."""
    page = conditions.all_page(index)
    page.related_specialties.set([providers.hem_onc()])
    page.save_revision().publish()
    return page


@pytest.fixture
def directory(index, all_page):
    """ALL and two other conditions, a leukemia doctor, a heart doctor and a Spanish-speaking oncologist."""
    conditions.condition_page(
        index, "Hemophilia", summary="A bleeding disorder: blood does not clot.", alternate_names="hemophilia A"
    )
    conditions.condition_page(
        index, "Sickle Cell Disease", summary="Red blood cells are the wrong shape.", alternate_names="SCD"
    )
    return {
        "rosa": providers.provider("Rosa", "Alvarez", conditions=[all_page]),
        "kim": providers.provider("Daniel", "Kim", specialties=[providers.cardiology()]),
        "nguyen": providers.provider("Linh", "Nguyen", languages=("en", "es"), conditions=[all_page]),
    }


def search(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response


def condition_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select("#search-conditions-heading ~ ol h3 a")]


def doctor_names(response):
    return [a.get_text(strip=True) for a in soup(response).select("#search-doctors-heading ~ ol h3 a")]


@pytest.mark.parametrize("query", ["leukemia", "ALL", "all", "blood cancer", "acute lymphocytic leukemia", "leukaemia"])
def test_the_all_page_comes_first_for_the_words_parents_use(client, directory, query):
    assert condition_titles(search(client, query))[:1] == ["Acute Lymphoblastic Leukemia"]


def test_conditions_are_listed_before_doctors(client, directory):
    page = soup(search(client, "leukemia"))

    headings = [h2.get_text(strip=True) for h2 in page.select("main h2")]
    assert headings.index("Conditions and pages") < headings.index("Doctors")
    assert set(doctor_names(search(client, "leukemia"))) == {"Rosa Alvarez, MD", "Linh Nguyen, MD"}


def test_a_doctor_is_found_by_surname(client, directory):
    response = search(client, "Nguyen")

    assert doctor_names(response) == ["Linh Nguyen, MD"]
    link = soup(response).select_one("#search-doctors-heading ~ ol h3 a")
    assert link["href"] == directory["nguyen"].get_absolute_url()


def test_each_doctor_offers_the_number_of_their_first_location(client, directory):
    """A location's own appointment line wins; without one, the clinic's number; the first location counts."""
    from providers.models import ProviderLocation

    rosa, nguyen = directory["rosa"], directory["nguyen"]
    ProviderLocation.objects.filter(provider=rosa).update(phone="(562) 555-0177")
    second_clinic = providers.location("Second Clinic", phone="(562) 555-0199")
    ProviderLocation.objects.create(provider=nguyen, location=second_clinic, sort_order=5, phone="(562) 555-0188")

    calls = {
        card.select_one("h3 a").get_text(strip=True): card.select_one(".search-result__call a[href^='tel:']")["href"]
        for card in soup(search(client, "leukemia")).select("#search-doctors-heading ~ ol > li")
    }

    assert calls == {"Rosa Alvarez, MD": "tel:+15625550177", "Linh Nguyen, MD": "tel:+15625550100"}


def test_each_doctor_names_their_primary_specialty_as_the_directory_has_it_now(client, directory, settings):
    settings.PAGE_CACHE_ENABLED = False  # the site cache, not a cached page, is what must follow the change
    directory["kim"].specialties.add(providers.hem_onc())  # a second specialty: the card names the primary one
    directory["kim"].save()

    def specialties(response):
        return {
            card.select_one("h3 a").get_text(strip=True): card.select_one(".search-result__aka").get_text(strip=True)
            for card in soup(response).select("#search-doctors-heading ~ ol > li")
        }

    assert specialties(search(client, "Kim")) == {"Daniel Kim, MD": "Pediatric Cardiology"}

    cardiology = providers.cardiology()
    cardiology.name = "Pediatric Heart Care"
    cardiology.save()

    assert specialties(search(client, "Kim")) == {"Daniel Kim, MD": "Pediatric Heart Care"}


def test_a_demo_doctor_is_labelled_as_fictional(client, directory):
    providers.provider("Demo", "Fictional", is_demo=True)

    cards = {
        card.select_one("h3 a").get_text(strip=True): card.select_one(".demo-label")
        for card in soup(search(client, "Fictional")).select("#search-doctors-heading ~ ol > li")
    }
    assert cards["Demo Fictional, MD"].get_text(strip=True) == "Demo profile — fictional"
    assert soup(search(client, "Nguyen")).select_one(".demo-label") is None  # a real doctor: no label


def test_when_nothing_matches_the_a_to_z_index_is_offered_where_it_is_now(client, directory, index, settings):
    settings.PAGE_CACHE_ENABLED = False  # the site cache, not a cached page, is what must follow the change

    def a_to_z(response):
        link = soup(response).find("a", string="See every condition from A to Z")
        return link["href"] if link else None

    assert a_to_z(search(client, "zebra")) == "/conditions/"
    assert a_to_z(search(client, "leukemia")) is None  # results: no need for the box

    index.slug = "a-z"
    index.save_revision().publish()
    assert a_to_z(search(client, "zebra")) == "/a-z/"

    index.refresh_from_db()
    index.unpublish()
    assert a_to_z(search(client, "zebra")) is None


def test_a_typo_in_a_medical_word_still_finds_the_page_and_says_what_was_searched(client, directory):
    response = search(client, "lukemia")

    assert condition_titles(response)[:1] == ["Acute Lymphoblastic Leukemia"]
    assert "Rosa Alvarez, MD" in doctor_names(response)
    assert "We also searched for “leukemia”" in soup(response).select_one(".search-spelling").get_text()


@POSTGRES
def test_a_typo_in_a_surname_finds_the_doctor_on_postgresql(client, directory):
    assert doctor_names(search(client, "Nguyn")) == ["Linh Nguyen, MD"]


def test_a_correct_word_is_not_corrected(client, directory):
    assert soup(search(client, "leukemia")).select_one(".search-spelling") is None


def test_editors_pinned_result_comes_first(client, directory, index):
    hemophilia = index.get_children().get(slug="hemophilia")
    SearchPromotion.objects.create(
        query=Query.get("Blood Cancer"), page=hemophilia, description="Pinned by an editor.", sort_order=0
    )

    response = search(client, "blood  cancer")

    assert condition_titles(response)[:2] == ["Hemophilia", "Acute Lymphoblastic Leukemia"]
    first = soup(response).select_one(".search-result--promoted")
    assert "Recommended" in first.get_text() and "Pinned by an editor." in first.get_text()
    # Shown once, as the pinned result, not again further down.
    assert condition_titles(response).count("Hemophilia") == 1


def test_a_result_pinned_after_a_search_shows_on_the_next_search(client, directory, index, settings):
    settings.PAGE_CACHE_ENABLED = True
    before = search(client, "leukemia")  # cached, with the site's search data
    assert search(client, "leukemia")["X-Page-Cache"] == "hit"
    assert soup(before).select_one(".search-result--promoted") is None
    hemophilia = index.get_children().get(slug="hemophilia")

    promotion = SearchPromotion.objects.create(
        query=Query.get("leukemia"), page=hemophilia, description="Pinned today.", sort_order=0
    )

    pinned = soup(search(client, "leukemia")).select_one(".search-result--promoted")
    assert "Hemophilia" in pinned.get_text() and "Pinned today." in pinned.get_text()

    promotion.delete()

    assert soup(search(client, "leukemia")).select_one(".search-result--promoted") is None


def test_a_pinned_unpublished_page_is_not_shown(client, directory, index):
    draft = conditions.condition_page(index, "Draft Page", publish=False)
    SearchPromotion.objects.create(query=Query.get("leukemia"), page=draft, sort_order=0)

    assert "Draft Page" not in condition_titles(search(client, "leukemia"))


def test_drafts_never_appear(client, directory, index):
    conditions.condition_page(index, "Secret Leukemia Draft", publish=False)

    assert "Secret Leukemia Draft" not in condition_titles(search(client, "leukemia"))


def test_empty_search_offers_the_a_to_z_index_find_a_doctor_and_the_phone(client, directory, index):
    page = soup(search(client, ""))

    empty = page.select_one(".search-empty")
    assert empty.select_one(f"a[href='{index.url}']")
    assert empty.select_one("a[href='/find-a-doctor/']")
    assert empty.select_one("a[href='tel:+15629335437']")
    assert page.select_one("meta[name=robots]") is None


def test_no_results_offers_the_same_ways_forward(client, directory, index):
    page = soup(search(client, "zebra giraffe"))

    assert "Nothing matches “zebra giraffe”" in page.select_one("[role=status]").get_text()
    empty = page.select_one(".search-empty")
    assert empty.select_one(f"a[href='{index.url}']") and empty.select_one("a[href='tel:+15629335437']")
    assert page.select_one("meta[name=robots]")["content"] == "noindex, follow"


def test_the_header_on_every_page_has_a_labelled_search_box_that_works_without_javascript(client, directory, all_page):
    for url in ["/", all_page.url, "/find-a-doctor/", "/no-such-page/"]:
        form = soup(client.get(url)).select_one("header form[role=search]")
        assert form["action"] == "/search/" and form["method"] == "get"
        field = form.select_one("input[name=q]")
        assert form.select_one(f"label[for='{field['id']}']").get_text(strip=True) == "Search this site"
        assert form.select_one("button[type=submit]")


def test_the_search_box_keeps_what_was_typed(client, directory):
    assert soup(search(client, "blood cancer")).select_one("#search-q")["value"] == "blood cancer"


def test_script_in_the_query_is_shown_as_text(client, directory):
    response = search(client, '<script>alert("x")</script>')

    assert b'<script>alert("x")' not in response.content
    assert b"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in response.content


@pytest.mark.parametrize(
    "query",
    ["x" * 5000, "leukemia\x00", "\x00", "\x01\x02\x1f\x7f", "'; DROP TABLE x; --", '"', "NEAR(", "AND OR NOT", "💉"],
)
def test_odd_input_never_breaks_the_page(client, directory, query):
    search(client, query)


def test_a_very_long_search_says_it_was_shortened(client, directory):
    page = soup(search(client, "leukemia " * 1000))

    assert "used only its first 200 characters" in page.get_text()
    assert len(page.select_one("#search-q")["value"]) <= 200


@pytest.mark.parametrize("query", QUERIES)
def test_searching_writes_nothing_and_takes_a_fixed_number_of_queries(client, directory, query, settings):
    settings.PAGE_CACHE_ENABLED = False  # count what rendering costs, not a cache hit
    with CaptureQueriesContext(connection) as first:  # cold caches: the menu is built and cached here
        search(client, query)
    with CaptureQueriesContext(connection) as queries:
        search(client, query)

    sqlite, postgresql = QUERIES[query]
    assert len(queries) == (postgresql if connection.vendor == "postgresql" else sqlite)
    everything = [*first.captured_queries, *queries.captured_queries]
    writes = [q["sql"] for q in everything if q["sql"].lstrip().split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []
    assert Query.objects.count() == 0 and QueryDailyHits.objects.count() == 0


# The two ways site search finds its first doctors: one query sorting every match (a directory of up to
# SMALL_DIRECTORY doctors) and Find a Doctor's indexed paging (a larger one). Tests force the second.
BOTH_WAYS = pytest.mark.parametrize("large_directory", [False, True], ids=["small directory", "large directory"])


@pytest.fixture
def directory_size(monkeypatch):
    def choose(large):
        if large:
            monkeypatch.setattr(site_search, "SMALL_DIRECTORY", 0)

    return choose


@BOTH_WAYS
def test_more_doctors_do_not_mean_more_queries(client, directory, all_page, settings, directory_size, large_directory):
    directory_size(large_directory)
    settings.PAGE_CACHE_ENABLED = False  # count what rendering costs, not a cache hit
    for number in range(4):
        providers.provider("Extra", f"Doctor{number}", conditions=[all_page])
    search(client, "leukemia")  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as few:
        search(client, "leukemia")
    for number in range(4, 16):
        providers.provider("Extra", f"Doctor{number}", conditions=[all_page])
    search(client, "leukemia")  # the directory changed: the site cache refills once, as after any change
    with CaptureQueriesContext(connection) as many:
        response = search(client, "leukemia")

    # The condition search, then the doctors: in one query, or (large) the doctors whose names rank,
    # the first five of the rest from the name index, those five loaded by id, and a count stopping at 1,001.
    assert len(few) == len(many) == (5 if large_directory else 2)
    assert len(doctor_names(response)) == 5
    see_all = soup(response).select_one("a[href='/find-a-doctor/?q=leukemia']")
    assert see_all.get_text(strip=True) == "See all 18 doctors in Find a Doctor"


def test_a_large_directory_finds_the_same_doctors_in_the_same_order(client, directory, all_page, directory_size):
    # Names that rank: a first name, a last name and a whole name equal to a search.
    providers.provider("Nguyen", "Baker", conditions=[all_page])
    providers.provider("Linh", "Nguyen-Tran", conditions=[all_page])
    providers.provider("Ana", "Leukemia", conditions=[all_page])
    for number in range(8):
        providers.provider("Extra", f"Doctor{number}", conditions=[all_page])
    searches = ["leukemia", "Nguyen", "linh nguyen", "Alvarez", "blood cancer", "lukemia", "heart doctor", "zebra"]

    def shown(query):
        page = soup(search(client, query))
        summary = page.select_one(".search-summary").get_text(" ", strip=True)
        return doctor_names(search(client, query)), summary

    small = {query: shown(query) for query in searches}
    directory_size(True)
    large = {query: shown(query) for query in searches}

    assert large == small
    assert small["Nguyen"][0][:2] == ["Linh Nguyen, MD", "Nguyen Baker, MD"]  # last name, then first name
    assert len(small["leukemia"][0]) == 5


@BOTH_WAYS
def test_counting_stops_where_find_a_doctor_stops(
    client, directory, all_page, monkeypatch, directory_size, large_directory
):
    directory_size(large_directory)
    for number in range(8):  # ten leukemia doctors in all
        providers.provider("Extra", f"Doctor{number}", conditions=[all_page])
    monkeypatch.setattr(provider_views, "MAX_COUNTED", 6)  # Find a Doctor says "More than 6 doctors found"
    page = soup(search(client, "leukemia"))

    assert "and more than 6 doctors match" in page.select_one(".search-summary").get_text(" ", strip=True)
    see_all = page.select_one("a[href='/find-a-doctor/?q=leukemia']")
    assert see_all.get_text(" ", strip=True) == "See more than 6 doctors in Find a Doctor"


def test_only_get_and_head_are_allowed(client, directory):
    assert client.post("/search/", {"q": "leukemia"}).status_code == 405


def test_an_editor_can_open_promoted_search_results_in_the_admin(admin_client):
    from django.urls import reverse

    response = admin_client.get(reverse("wagtailsearchpromotions:add"))

    assert response.status_code == 200
    assert soup(response).select_one("form input[name=query_string]")
