"""A parent scanning the A–Z list, with or without JavaScript."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import soup

from .factories import condition_page


@pytest.fixture
def conditions(all_condition, index):
    condition_page(index, "Acute Myeloid Leukemia", alternate_names="AML", summary="A blood cancer.")
    condition_page(index, "Hemophilia", summary="A bleeding disorder a child is born with.")
    condition_page(index, "Neuroblastoma", summary="A cancer of young nerve cells.")
    condition_page(index, "Ébola Test", slug="ebola-test", summary="Filed under E.")
    condition_page(index, "Unpublished Condition", publish=False)


def listed(page):
    return [a.get_text(strip=True) for a in page.select(".condition-list__title a")]


def test_index_groups_live_conditions_a_to_z_with_jump_links(client, conditions):
    response = client.get("/conditions/")

    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Conditions A–Z"
    groups = {
        group.h2.get_text(strip=True): [a.get_text(strip=True) for a in group.select(".condition-list__title a")]
        for group in page.select(".az-group")
    }
    assert groups == {
        "A": ["Acute Lymphoblastic Leukemia", "Acute Myeloid Leukemia"],
        "E": ["Ébola Test"],
        "H": ["Hemophilia"],
        "N": ["Neuroblastoma"],
    }
    jump_links = {a.get_text(strip=True): a["href"] for a in page.select(".az-nav a")}
    assert jump_links == {"A": "#letter-a", "E": "#letter-e", "H": "#letter-h", "N": "#letter-n"}
    for href in jump_links.values():
        assert page.find(id=href[1:])
    assert len(page.select(".az-nav li")) == 26


def test_index_shows_each_conditions_summary_and_other_names(client, conditions):
    page = soup(client.get("/conditions/"))

    item = page.find("a", string="Acute Myeloid Leukemia").find_parent("li")
    assert item.find("a")["href"] == "/conditions/acute-myeloid-leukemia/"
    assert "Also known as: AML" in item.get_text()
    assert "A blood cancer." in item.get_text()


def test_filter_works_without_javascript(client, conditions):
    page = soup(client.get("/conditions/"))
    form = page.select_one("form.condition-filter")
    assert form["method"] == "get" and form["action"] == "/conditions/"
    assert page.find("label", attrs={"for": form.find("input")["id"]})

    filtered = soup(client.get("/conditions/", {"q": "leuk"}))

    assert listed(filtered) == ["Acute Lymphoblastic Leukemia", "Acute Myeloid Leukemia"]
    assert "2 conditions match “leuk”." in filtered.select_one("[role=status]").get_text(" ", strip=True)
    assert filtered.select_one("form.condition-filter input[name=q]")["value"] == "leuk"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nosebleeds", ["Acute Lymphoblastic Leukemia"]),
        ("Down syndrome", ["Acute Lymphoblastic Leukemia"]),
        ("ALL", ["Acute Lymphoblastic Leukemia"]),
        ("aml", ["Acute Myeloid Leukemia"]),
        ("bleeding disorder", ["Hemophilia"]),
        ("ebola", ["Ébola Test"]),
        ("zzzz", []),
    ],
)
def test_filter_matches_names_other_names_summaries_and_symptoms(client, conditions, query, expected):
    assert listed(soup(client.get("/conditions/", {"q": query}))) == expected


def test_filter_with_no_match_says_so(client, conditions):
    page = soup(client.get("/conditions/", {"q": "zzzz"}))

    assert "No conditions match your words." in page.get_text()
    assert page.find("a", string="see every condition")["href"] == "/conditions/"


@pytest.mark.parametrize(
    "query",
    ["x" * 5000, "leuk\x00", '"', "*", "AND", "OR NOT", "NEAR(a b)", "'; DROP TABLE x;--", "%", "_", "💉🩸", "\\"],
)
def test_bad_filter_input_never_breaks_the_page(client, conditions, query):
    response = client.get("/conditions/", {"q": query})

    assert response.status_code == 200
    assert soup(response).h1.get_text(strip=True) == "Conditions A–Z"


def test_too_long_filter_says_why_and_shows_everything(client, conditions):
    page = soup(client.get("/conditions/", {"q": "x" * 101}))

    assert page.select_one("[role=alert]").get_text(strip=True) == "Type 100 characters or fewer."
    assert len(listed(page)) == 5


def test_repeated_filter_parameter_is_fine(client, conditions):
    response = client.get("/conditions/?q=zzzz&q=leuk")

    assert response.status_code == 200
    assert listed(soup(response)) == ["Acute Lymphoblastic Leukemia", "Acute Myeloid Leukemia"]


def _queries(client, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/conditions/", params or {})
    assert response.status_code == 200
    return len(queries), response


# The A–Z list, rendered (not from the page cache), costs this many queries however many conditions
# it lists: routing to the index (two), one query for every condition; the site, its settings, the
# menu and "is any page private?" come from the cache. A filter adds the full-text search.
PINNED_QUERIES = 4


def test_index_query_count_is_pinned_and_does_not_grow_with_the_number_of_conditions(
    client, index, site_settings, settings
):
    settings.PAGE_CACHE_ENABLED = False
    condition_page(index, "First Condition")
    _queries(client)
    few = {"list": _queries(client)[0], "filter": _queries(client, {"q": "condition"})[0]}
    for n in range(10):
        condition_page(index, f"Condition {n}")
    _queries(client)  # publishing emptied the site cache; the first view fills it again
    many_list, _ = _queries(client)
    many_filter, response = _queries(client, {"q": "condition"})

    assert len(listed(soup(response))) == 11
    assert {"list": many_list, "filter": many_filter} == few
    assert many_list <= PINNED_QUERIES, many_list
