"""Every page of Find a Doctor shows the doctors one full sort would put there, in the same order.

The view finds a page in steps that read only what they need (providers/results.py):
name matches first, then everyone else in name order; the nearest clinics first, then
all of them. Here each page is compared with a single ORDER BY over every match, across
page boundaries that fall inside each step, with ties in names and in distances.
"""

import pytest

from providers import views
from providers.filters import ProviderFilterSet
from providers.models import Provider
from tests.conftest import soup
from tests.providers import factories

PER_PAGE = 3


@pytest.fixture
def directory(home_page, site_settings, all_page, settings, monkeypatch):
    settings.PAGE_CACHE_ENABLED = False
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", PER_PAGE)
    main = factories.location("Main Campus", zip_code="90806")
    twin = factories.location("Main Campus Annex", zip_code="90806")  # the same distance as Main Campus
    los_altos = factories.location("Los Altos", zip_code="90815", city="Long Beach")
    torrance = factories.location("Torrance", zip_code="90505", city="Torrance")
    irvine = factories.location("Irvine", zip_code="92618", city="Irvine")
    cardiology = factories.cardiology()
    people = [
        # (first, last, matches "leukemia", languages, locations)
        ("Leukemia", "Zed", True, ["en"], [irvine]),  # a first name that is the search word ranks high
        ("Ana", "Leukemia", True, ["en", "es"], [torrance]),  # a last name ranks highest
        ("Leuk", "Young", True, ["en"], [main]),
        ("Maria", "Lopez", True, ["en", "es"], [main]),
        ("Maria", "Lopez", True, ["en"], [twin]),  # the same name: id breaks the tie
        ("Maria", "Lopez", True, ["en", "es"], [irvine, twin]),
        ("Sam", "Adams", True, ["en"], [los_altos]),
        ("Kim", "Baker", True, ["en", "es"], [torrance, main]),
        ("Lee", "Chen", True, ["en"], [irvine]),
        ("Ida", "Diaz", False, ["en", "es"], [main]),
        ("Bo", "Evans", False, ["en"], [los_altos]),
        ("Al", "Ford", True, ["en", "es"], [twin]),
        ("Jo", "Grant", True, ["en"], [irvine]),
        ("Ty", "Hill", False, ["en", "es"], [torrance]),
        ("Eve", "Ito", True, ["en"], [los_altos, irvine]),
        ("Lopez", "Ruiz", False, ["en"], [main]),  # "lopez" as a first name ranks below the Lopezes
    ]
    for first, last, treats_all, languages, locations in people:
        factories.provider(
            first,
            last,
            specialties=None if treats_all else [cardiology],
            conditions=[all_page] if treats_all else [],
            languages=languages,
            locations=locations,
        )


def every_page(client, params):
    """Profile links from page 1 to the last, in order."""
    seen, page = [], 1
    while True:
        response = client.get("/find-a-doctor/", {**params, "page": page})
        assert response.status_code == 200
        html = soup(response)
        seen += [a["href"] for a in html.select(".provider-card__name a")]
        if not html.select_one('a[rel="next"]'):
            return seen
        page += 1


def one_full_sort(params):
    """The same search as one ORDER BY over every match (``ProviderFilterSet.qs``)."""
    filterset = ProviderFilterSet(params, queryset=Provider.objects.for_listing())
    return [provider.get_absolute_url() for provider in filterset.qs]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "leukemia"},
        {"q": "leuk"},
        {"q": "lopez"},
        {"q": "lukemia"},
        {"q": "leukemia", "language": "es"},
        {"q": "leukemia", "near": "90806", "radius": "50"},
        {"near": "90806", "radius": "50"},
        {"near": "90806", "radius": "50", "language": "es"},
        {"near": "90806", "radius": "50", "q": "leukemia", "sort": "distance"},
        {"q": "leukemia", "language": "es", "near": "90806", "radius": "50"},  # three filters: the lower limit
        {"near": "90806", "radius": "5"},
        {"near": "92618", "radius": "100", "sort": "distance"},
        {"sort": "last_name"},
        {"language": "es", "near": "90806", "radius": "100", "sort": "last_name"},
    ],
)
def test_every_page_matches_one_full_sort(client, directory, params):
    expected = one_full_sort(params)

    assert len(expected) > PER_PAGE  # the search crosses pages
    assert every_page(client, params) == expected


def test_name_matches_come_first(client, directory):
    first_page = every_page(client, {"q": "leukemia"})[:PER_PAGE]

    assert first_page[:2] == ["/find-a-doctor/ana-leukemia-md/", "/find-a-doctor/leukemia-zed-md/"]


def test_nearest_clinic_first_then_by_name(client, directory):
    order = every_page(client, {"near": "90806", "radius": "50"})

    # Main Campus and its annex share a ZIP code, so their doctors interleave by name.
    assert order[:4] == [
        "/find-a-doctor/kim-baker-md/",
        "/find-a-doctor/ida-diaz-md/",
        "/find-a-doctor/al-ford-md/",
        "/find-a-doctor/maria-lopez-md/",
    ]
