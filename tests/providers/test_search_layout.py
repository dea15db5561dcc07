"""On a phone, a parent who arrives with filters already chosen sees results before the form."""

from tests.conftest import soup
from tests.providers import factories


def form_is_open(response):
    return soup(response).select_one("details.fad-search").has_attr("open")


def test_first_visit_shows_the_search_form(client, home_page, site_settings):
    assert form_is_open(client.get("/find-a-doctor/"))


def test_arriving_from_a_condition_page_folds_the_form_so_results_come_first(client, site_settings, all_page):
    factories.provider("Maria", "Lopez", conditions=[all_page])

    page = soup(client.get("/find-a-doctor/", {"condition": all_page.slug}))

    details = page.select_one("details.fad-search")
    assert not details.has_attr("open")
    assert details.summary.get_text(strip=True) == "Change your search"
    # Still all there for anyone who unfolds it, with the choice kept.
    assert details.select_one("select[name=condition] option[selected]")["value"] == all_page.slug
    assert page.select_one(".active-filters").get_text(" ", strip=True).startswith("Your choices")


def test_a_value_that_needs_fixing_keeps_the_form_open(client, home_page, site_settings):
    assert form_is_open(client.get("/find-a-doctor/", {"near": "abc"}))
