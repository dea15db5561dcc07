"""A parent searches /find-a-doctor/ by what they know: a name, a condition, a language, a ZIP code."""

from urllib.parse import parse_qs, urlparse

import pytest
from django.db import connection
from wagtail.signals import page_published

from conditions.models import ConditionPage
from providers.models import Provider
from tests.conftest import soup
from tests.providers import factories

SEARCH = "/find-a-doctor/"
POSTGRES = pytest.mark.skipif(connection.vendor != "postgresql", reason="name typos use pg_trgm on PostgreSQL")


@pytest.fixture
def directory(home_page, site_settings, all_page):
    """Five providers a parent might meet, one of them no longer listed."""
    sickle_cell = factories.condition_page(home_page, title="Sickle Cell Disease", slug="sickle-cell-disease")
    long_beach = factories.location("Main Campus", zip_code="90806", phone="(562) 555-0100")
    torrance = factories.location("Torrance Clinic", zip_code="90505", city="Torrance", phone="(310) 555-0101")
    new_york = factories.location(
        "New York Clinic", zip_code="10001", city="New York", state="NY", phone="(212) 555-0102"
    )
    return {
        "lopez": factories.provider(
            "Maria",
            "Lopez",
            conditions=[all_page],
            languages=["en", "es"],
            gender="female",
            offers_telehealth=True,
            locations=[long_beach],
        ),
        "kim": factories.provider(
            "David",
            "Kim",
            conditions=[sickle_cell],
            languages=["en", "ko"],
            gender="male",
            accepting_new_patients=False,
            locations=[torrance],
        ),
        "allen": factories.provider(
            "Sarah", "Allen", specialties=[factories.cardiology()], gender="female", locations=[torrance, long_beach]
        ),
        "marshall": factories.provider(
            "James", "Marshall", specialties=[factories.cardiology()], gender="male", locations=[new_york]
        ),
        "retired": factories.provider("Old", "Retired", conditions=[all_page], active=False, locations=[long_beach]),
    }


def names(response):
    """Provider names on a results page, in order."""
    return [h.get_text(strip=True) for h in soup(response).select(".provider-card__name")]


def search(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    return response


# --- q: names, specialties, synonyms, conditions, alternate names -------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Lopez", ["Maria Lopez, MD"]),
        ("maria lopez", ["Maria Lopez, MD"]),
        ("leukemia", ["Maria Lopez, MD"]),
        ("ALL", ["Maria Lopez, MD"]),
        ("acute lymphocytic", ["Maria Lopez, MD"]),
        ("leukemia doctor", ["Maria Lopez, MD"]),
        ("sickle cell", ["David Kim, MD"]),
        ("blood cancer", ["David Kim, MD", "Maria Lopez, MD"]),
        ("hematology", ["David Kim, MD", "Maria Lopez, MD"]),
        ("2080P0207X", ["David Kim, MD", "Maria Lopez, MD"]),
        ("heart doctor", ["Sarah Allen, MD", "James Marshall, MD"]),
        ("José", []),
    ],
)
def test_search_matches_names_specialties_synonyms_and_conditions(client, directory, query, expected):
    assert sorted(names(search(client, q=query))) == sorted(expected)


def test_all_finds_the_leukemia_doctor_not_every_allen_or_marshall(client, directory):
    assert names(search(client, q="ALL")) == ["Maria Lopez, MD"]


def test_a_name_match_ranks_first(client, directory):
    factories.provider("Lopez", "Zimmer", specialties=[factories.cardiology()])

    assert names(search(client, q="lopez"))[0] == "Maria Lopez, MD"


def test_new_alternate_names_are_searchable_once_the_condition_page_is_published(client, directory, all_page):
    all_page.alternate_names = "ALL, lymphoblastic blood cancer, leukaemia"
    all_page.save(clean=False)
    # What Wagtail sends when an editor publishes (a full publish needs a clinician-reviewed page).
    page_published.send(sender=ConditionPage, instance=all_page, revision=None)

    assert names(search(client, q="leukaemia")) == ["Maria Lopez, MD"]


def test_new_specialty_synonyms_are_searchable(client, directory):
    specialty = factories.cardiology()
    specialty.synonyms = "heart doctor, cardiac"
    specialty.save()

    assert sorted(names(search(client, q="cardiac"))) == ["James Marshall, MD", "Sarah Allen, MD"]


@pytest.mark.parametrize(
    ("typo", "expected"),
    [
        ("lukemia", ["Maria Lopez, MD"]),
        ("leukaemia", ["Maria Lopez, MD"]),
        ("lymphoblastik", ["Maria Lopez, MD"]),
        ("hematolgy", ["David Kim, MD", "Maria Lopez, MD"]),
        ("sickel cell", ["David Kim, MD"]),
    ],
)
def test_search_tolerates_typos_in_medical_words(client, directory, typo, expected):
    assert sorted(names(search(client, q=typo))) == expected


def test_a_corrected_word_is_explained(client, directory):
    page = soup(search(client, q="lukemia"))

    assert "We also searched for “leukemia” (for “lukemia”)." in page.select_one(".fad-spelling").get_text()


def test_a_correct_word_is_not_corrected(client, directory):
    assert soup(search(client, q="leukemia")).select_one(".fad-spelling") is None


@POSTGRES
@pytest.mark.parametrize("typo", ["lopes", "lopex", "mariah lopez"])
def test_search_tolerates_typos_in_names_on_postgresql(client, directory, typo):
    assert names(search(client, q=typo)) == ["Maria Lopez, MD"]


@POSTGRES
def test_names_like_a_word_are_looked_up_only_when_it_is_nobodys_whole_name(directory):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from providers.models import similar_names

    assert "Lopez" in similar_names(["lopes"])  # a typo: the names it looks like
    with CaptureQueriesContext(connection) as queries:
        found = similar_names(["lopez", "maria"])  # whole names: themselves, nothing else

    assert sorted(found) == ["lopez", "maria"]
    assert len(queries) == 1


def test_typos_in_short_words_are_not_guessed(client, directory):
    assert names(search(client, q="al")) == []


def test_search_with_only_noise_words_shows_everyone(client, directory):
    assert len(names(search(client, q="doctor for my child"))) == 4


# --- each filter alone ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"specialty": "pediatric-cardiology"}, ["Sarah Allen, MD", "James Marshall, MD"]),
        ({"condition": "acute-lymphoblastic-leukemia"}, ["Maria Lopez, MD"]),
        ({"condition": "sickle-cell-disease"}, ["David Kim, MD"]),
        ({"language": "es"}, ["Maria Lopez, MD"]),
        ({"language": "ko"}, ["David Kim, MD"]),
        ({"gender": "male"}, ["David Kim, MD", "James Marshall, MD"]),
        ({"accepting": "yes"}, ["Sarah Allen, MD", "Maria Lopez, MD", "James Marshall, MD"]),
        ({"telehealth": "yes"}, ["Maria Lopez, MD"]),
        ({"near": "90806", "radius": "5"}, ["Sarah Allen, MD", "Maria Lopez, MD"]),
        ({"near": "90806", "radius": "25"}, ["Sarah Allen, MD", "David Kim, MD", "Maria Lopez, MD"]),
        ({"near": "10001"}, ["James Marshall, MD"]),
    ],
)
def test_each_filter_alone(client, directory, params, expected):
    assert sorted(names(search(client, **params))) == sorted(expected)


def test_filters_combine(client, directory):
    response = search(
        client,
        specialty="pediatric-hematology-oncology",
        language="es",
        accepting="yes",
        telehealth="yes",
        gender="female",
        near="90806",
        radius="10",
        q="leukemia",
        condition="acute-lymphoblastic-leukemia",
    )

    assert names(response) == ["Maria Lopez, MD"]


def test_combined_filters_that_match_nobody_show_the_empty_state_with_the_cancer_center_phone(client, directory):
    page = soup(search(client, condition="acute-lymphoblastic-leukemia", near="10001", language="ko"))

    empty = page.select_one(".fad-empty")
    assert "No doctors match all of your choices" in empty.get_text()
    assert empty.select_one('a[href="tel:+15627285000"]').get_text(strip=True).endswith("(562) 728-5000")
    # Each suggestion drops one filter.
    suggestions = [a["href"] for a in empty.select("li a")]
    assert any("language" not in href and "near" in href for href in suggestions)
    assert any("near" not in href and "language" in href for href in suggestions)


def test_inactive_providers_never_appear(client, directory):
    assert "Old Retired, MD" not in names(search(client))
    assert "Old Retired, MD" not in names(search(client, q="retired"))
    assert "Old Retired, MD" not in names(search(client, condition="acute-lymphoblastic-leukemia"))


# --- what each result shows ----------------------------------------------------------------------------------------


def test_a_result_card_shows_what_a_parent_needs(client, directory, photo):
    lopez = directory["lopez"]
    lopez.photo = photo
    lopez.photo_alt_text = "Dr. Lopez smiling in a white coat"
    lopez.save()

    card = soup(search(client, near="90806", q="lopez")).select_one(".provider-card")
    text = card.get_text(" ", strip=True)

    assert card.select_one("img")["alt"] == "Dr. Lopez smiling in a white coat"
    assert card.select_one(".provider-card__name a")["href"] == "/find-a-doctor/maria-lopez-md/"
    assert "Pediatric Hematology-Oncology" in text
    assert "Speaks English, Spanish" in text
    assert "Accepting new patients" in text
    assert "Offers video visits" in text
    assert "Nearest location: Main Campus" in text
    assert "less than 1 mile away" in text
    assert card.select_one('a[href="tel:+15625550100"]')


def test_not_accepting_is_said_in_words(client, directory):
    card = soup(search(client, q="kim")).select_one(".provider-card")

    assert "Not accepting new patients" in card.get_text(" ", strip=True)


def test_nearest_location_is_the_closest_of_several(client, directory):
    # Sarah Allen works in Torrance (listed first) and Long Beach.
    card = soup(search(client, q="allen", near="90806")).select_one(".provider-card")

    assert "Nearest location: Main Campus" in card.get_text(" ", strip=True)


def test_ticked_boxes_stay_ticked(client, directory):
    form = soup(search(client, accepting="yes", telehealth="yes")).select_one("form.fad-form")

    assert form.select_one("#id_accepting").has_attr("checked")
    assert form.select_one("#id_telehealth").has_attr("checked")
    assert form.select_one("#id_accepting")["value"] == "yes"


def test_result_count_is_shown(client, directory):
    assert soup(search(client, language="es")).select_one("#fad-results-heading").get_text(strip=True) == (
        "1 doctor found"
    )


def test_a_broad_search_says_more_than_the_counted_limit_and_pages_up_to_it(client, directory, monkeypatch, settings):
    from providers import views

    settings.PAGE_CACHE_ENABLED = False
    monkeypatch.setattr(views, "MAX_COUNTED", 2)
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 1)

    page = soup(search(client, page="9"))

    assert page.select_one("#fad-results-heading").get_text(strip=True) == "More than 2 doctors found"
    assert page.select_one(".pagination__status").get_text(strip=True) == "Page 2 of 2"


@pytest.fixture
def spanish_speakers_in_long_beach(directory):
    """Dr. Lopez and three more doctors who speak Spanish, take new patients and work in Long Beach."""
    long_beach = factories.location("Main Campus")
    for last_name in ("Garcia", "Nunez", "Reyes"):
        factories.provider("Ana", last_name, languages=["en", "es"], locations=[long_beach])


def test_three_filters_together_count_to_a_lower_limit_and_say_so(
    client, spanish_speakers_in_long_beach, monkeypatch, settings
):
    from providers import views

    settings.PAGE_CACHE_ENABLED = False
    monkeypatch.setattr(views, "MAX_COUNTED", 10)
    monkeypatch.setattr(views, "COMBINED_MAX_COUNTED", 2)
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 1)

    # Two filters: counted to MAX_COUNTED, every match.
    two = soup(search(client, language="es", accepting="yes"))
    assert two.select_one("#fad-results-heading").get_text(strip=True) == "4 doctors found"
    assert two.select_one(".pagination__status").get_text(strip=True) == "Page 1 of 4"
    # A third filter: the same four doctors, counted only to the lower limit, and the page says "more than".
    three = soup(search(client, language="es", accepting="yes", near="90806", page="9"))
    assert three.select_one("#fad-results-heading").get_text(strip=True) == "More than 2 doctors found"
    assert three.select_one(".pagination__status").get_text(strip=True) == "Page 2 of 2"
    assert len(three.select(".active-filter")) == 3


def test_a_search_counted_to_the_lower_limit_shows_the_same_doctors_and_costs_the_same_queries(
    client, spanish_speakers_in_long_beach, monkeypatch, settings, django_assert_num_queries
):
    from providers import views

    settings.PAGE_CACHE_ENABLED = False
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 2)
    params = {"language": "es", "accepting": "yes", "near": "90806", "sort": "last_name"}
    search(client, **params)  # the site's settings and menus are cached from the first view on
    pages = {}
    for limit in (views.MAX_COUNTED, 2):
        monkeypatch.setattr(views, "COMBINED_MAX_COUNTED", limit)
        # The search menus, the nearby clinics, the count, the page's providers (with their
        # primary specialty), their specialties, languages and locations.
        with django_assert_num_queries(7):
            pages[limit] = names(search(client, **params))

    assert pages[2] == pages[views.MAX_COUNTED] == ["Ana Garcia, MD", "Maria Lopez, MD"]


# --- active filters are shown and removable one by one -----------------------------------------------------------


def test_active_filters_each_link_drops_only_that_filter(client, directory):
    page = soup(search(client, q="blood cancer", language="es", near="90806", radius="10"))

    chips = {
        a.select_one(".active-filter__text").get_text(strip=True): a["href"] for a in page.select(".active-filter")
    }
    assert set(chips) == {
        "Search: blood cancer",
        "Language spoken: Spanish",
        "Within 10 miles of 90806 (Long Beach, CA)",
    }
    without_language = parse_qs(urlparse(chips["Language spoken: Spanish"]).query)
    assert without_language == {"q": ["blood cancer"], "near": ["90806"], "radius": ["10"]}
    without_near = parse_qs(urlparse(chips["Within 10 miles of 90806 (Long Beach, CA)"]).query)
    assert without_near == {"q": ["blood cancer"], "language": ["es"]}


# --- sorting -------------------------------------------------------------------------------------------------------


def test_sort_by_last_name(client, directory):
    assert names(search(client, sort="last_name")) == [
        "Sarah Allen, MD",
        "David Kim, MD",
        "Maria Lopez, MD",
        "James Marshall, MD",
    ]


def test_sort_by_distance_from_the_zip_code(client, directory):
    response = search(client, near="90806", radius="100", sort="distance")

    assert names(response) == ["Sarah Allen, MD", "Maria Lopez, MD", "David Kim, MD"]


def test_a_zip_code_without_words_sorts_by_distance(client, directory):
    assert names(search(client, near="90806", radius="100"))[-1] == "David Kim, MD"


def test_distance_sort_without_a_zip_code_says_so_and_sorts_by_name(client, directory):
    page = soup(search(client, sort="distance"))

    assert "To sort by distance, enter a ZIP code" in page.select_one(".fad-notices").get_text()
    assert [h.get_text(strip=True) for h in page.select(".provider-card__name")][0] == "Sarah Allen, MD"


@pytest.mark.parametrize("sort", ["last_name", "relevance", "distance"])
def test_pages_never_repeat_or_skip_a_provider_even_when_sort_keys_tie(client, home_page, site_settings, sort):
    clinic = factories.location("Same Clinic", zip_code="90806")
    for _ in range(45):
        factories.provider("Pat", "Same", locations=[clinic])

    seen = []
    for page in (1, 2, 3):
        response = search(client, q="same", near="90806", sort=sort, page=page)
        seen += [a["href"] for a in soup(response).select(".provider-card__name a")]
    again = [
        a["href"]
        for a in soup(search(client, q="same", near="90806", sort=sort, page=2)).select(".provider-card__name a")
    ]

    assert len(seen) == 45 == len(set(seen))
    assert again == seen[20:40]


def test_twenty_results_per_page_with_links_between_pages(client, home_page, site_settings):
    for number in range(25):
        factories.provider("Pat", f"Person{number:02d}")

    first = soup(search(client, language="en"))
    second = soup(search(client, language="en", page=2))

    assert len(first.select(".provider-card")) == 20
    assert len(second.select(".provider-card")) == 5
    next_link = first.select_one('a[rel="next"]')["href"]
    assert parse_qs(urlparse(next_link).query) == {"language": ["en"], "page": ["2"]}
    assert "Page 2 of 2" in second.select_one(".pagination").get_text()


# --- bad parameters: a clear message or ignored, never a 500 -----------------------------------------------------


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"specialty": "astrology"}, "We don't have that specialty"),
        ({"condition": "not-a-condition"}, "We don't have a page for that condition"),
        ({"language": "klingon"}, "We don't have that language"),
        ({"gender": "robot"}, "Choose a gender from the list"),
        ({"near": "ABCDE"}, "Enter a 5-digit ZIP code"),
        ({"near": "00000"}, "We don't recognise that ZIP code"),
        ({"near": "90806", "radius": "-5"}, "Choose a distance between 1 and 250 miles"),
        ({"near": "90806", "radius": "abc"}, "Choose a distance between 1 and 250 miles"),
        ({"near": "90806", "radius": "100000"}, "Choose a distance between 1 and 250 miles"),
        ({"sort": "price"}, "Choose a sort order from the list"),
        ({"q": "x" * 5000}, "used only its first 200 characters"),
    ],
)
def test_bad_parameters_get_a_clear_message_and_the_search_still_works(client, directory, params, message):
    response = search(client, **params)
    page = soup(response)

    assert message in page.select_one(".fad-notices").get_text()
    assert page.select_one("#fad-results-heading")


@pytest.mark.parametrize("field", ["specialty", "condition", "language", "near", "gender", "sort"])
def test_a_bad_value_is_tied_to_its_field_for_screen_readers(client, directory, field):
    page = soup(search(client, **{field: "\u2603nonsense"}))

    widget = page.select_one(f"#id_{field}")
    assert widget["aria-invalid"] == "true"
    assert page.select_one(f"#{widget['aria-describedby'].split()[-1]}").get_text(strip=True)


@pytest.mark.parametrize("page_number", ["0", "-1", "abc", "", "1.5", "99999999999999999999", "\x00"])
def test_odd_page_numbers_fall_back_to_a_real_page(client, directory, page_number):
    response = search(client, page=page_number)

    assert len(names(response)) == 4


@pytest.mark.parametrize(
    "params",
    [
        {"q": "leuk\x00emia"},
        {"q": "\x00"},
        {"q": "ALL\x07\x1b[31m"},
        {"specialty": "pediatric-hematology-oncology\x00"},
        {"condition": "\x00"},
        {"language": "es\x00"},
        {"near": "90806\x00"},
        {"radius": "\x00"},
        {"sort": "\x00distance"},
        {"gender": "\x00"},
        {"accepting": "\x00"},
        {"q": "' OR 1=1 --", "specialty": "'; DROP TABLE providers_provider; --"},
        {"q": "%", "near": "%"},
        {"q": "_"},
        {"q": "<script>alert(1)</script>"},
    ],
)
def test_control_characters_and_nul_bytes_never_break_the_page(client, directory, params):
    response = search(client, **params)

    assert b"\x00" not in response.content
    assert b"<script>alert" not in response.content
    assert Provider.objects.count() == 5


def test_repeated_parameters_use_one_value(client, directory):
    response = client.get(SEARCH + "?language=es&language=ko&page=1&page=abc")

    assert response.status_code == 200
    assert names(response) == ["David Kim, MD"]


def test_a_post_is_refused_politely(client, directory):
    assert client.post(SEARCH, {"q": "x"}).status_code == 405


# --- the page itself ----------------------------------------------------------------------------------------------


def test_the_form_works_without_javascript_and_every_field_is_labelled(client, directory):
    page = soup(search(client))

    form = page.select_one("form.fad-form")
    assert form["method"] == "get"
    assert form["action"] == SEARCH
    assert form.select_one('button[type="submit"]')
    for field in form.select("input, select"):
        assert page.select_one(f'label[for="{field["id"]}"]'), field
    assert {field["name"] for field in form.select("input, select")} == {
        "q",
        "specialty",
        "condition",
        "insurance",
        "language",
        "gender",
        "accepting",
        "telehealth",
        "near",
        "radius",
        "sort",
    }
    assert len(page.select("h1")) == 1
    assert page.select("[style]") == []
    assert [s for s in page.select("script") if s.get("type") != "application/ld+json" and not s.get("src")] == []


def test_the_header_link_lands_on_the_search(client, directory):
    assert search(client).context["filter"] is not None


def test_query_count_is_constant_per_results_page(client, directory, photo, django_assert_max_num_queries, settings):
    """25 providers with photos, several specialties, languages and locations: the page costs ≤ 10 queries."""
    settings.PAGE_CACHE_ENABLED = False  # count what rendering costs, not a cache hit
    clinics = [factories.location(f"Clinic {n}", phone=f"(562) 555-01{n:02d}") for n in range(3)]
    for number in range(25):
        factories.provider(
            "Pat",
            f"Person{number:02d}",
            specialties=[factories.hem_onc(), factories.cardiology()],
            languages=["en", "es", "vi"],
            locations=clinics[: 1 + number % 3],
            photo=photo,
            photo_alt_text="Portrait",
        )
    params = {
        "q": "blood cancer",
        "specialty": "pediatric-hematology-oncology",
        "language": "es",
        "accepting": "yes",
        "near": "90806",
        "radius": "50",
        "sort": "distance",
    }
    search(client, **params)  # renditions are created on first view; later views only read them

    for page in (1, 2):
        with django_assert_max_num_queries(10):
            response = search(client, **params, page=page)
        assert len(names(response)) == (20 if page == 1 else 6)  # 25 here plus Dr. Lopez


def robots(response):
    tag = soup(response).select_one("meta[name=robots]")
    return tag["content"] if tag else None


def test_a_condition_list_can_be_found_by_search_engines_but_a_personal_search_cannot(client, directory, all_page):
    for number in range(21):  # enough for a second page of doctors who treat ALL
        factories.provider("Extra", f"Doctor{number:02d}", conditions=[all_page])
    # "Doctors who treat ALL", linked from the condition page, is a page worth finding.
    assert robots(search(client, condition="acute-lymphoblastic-leukemia")) is None
    assert robots(search(client, condition="acute-lymphoblastic-leukemia", language="es")) is None
    # Free text, a home ZIP and later pages are one visitor's search.
    assert robots(search(client, q="leukemia")) == "noindex, follow"
    assert robots(search(client, near="90806")) == "noindex, follow"
    assert robots(search(client, condition="acute-lymphoblastic-leukemia", page="2")) == "noindex, follow"
