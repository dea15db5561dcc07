"""Condition pages and the directory link both ways: "Doctors who treat …" and the prefiltered search."""

from urllib.parse import parse_qs, urlparse

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template
from django.test import RequestFactory

from tests.conftest import soup
from tests.providers import factories


def render_tag(page, **context):
    template = Template("{% load provider_tags %}{% doctors_who_treat page %}")
    request = RequestFactory().get(page.url or "/")
    return BeautifulSoup(template.render(Context({"page": page, "request": request, **context})), "html.parser")


@pytest.fixture
def all_team(home_page, site_settings, all_page):
    """Hematologist-oncologists who treat ALL, one who doesn't, and a cardiologist."""
    team = [
        factories.provider("Ana", f"Treats{letter}", conditions=[all_page], accepting_new_patients=letter != "A")
        for letter in "ABCDE"
    ]
    factories.provider("Blood", "Only", conditions=[])
    factories.provider("Heart", "Doctor", specialties=[factories.cardiology()])
    factories.provider("Gone", "Away", conditions=[all_page], active=False)
    return team


def test_the_tag_names_the_condition_and_shows_a_few_doctors(all_team, all_page):
    html = render_tag(all_page)

    assert html.select_one("h2").get_text(strip=True) == "Doctors who treat Acute Lymphoblastic Leukemia"
    names = [h.get_text(strip=True) for h in html.select(".provider-card__name")]
    # Accepting new patients first, then by last name; at most three.
    assert names == ["Ana TreatsB, MD", "Ana TreatsC, MD", "Ana TreatsD, MD"]


def test_the_tag_links_to_the_full_prefiltered_search(all_team, all_page):
    link = render_tag(all_page).select_one("a.button[href^='/find-a-doctor/?']")

    assert parse_qs(urlparse(link["href"]).query) == {"condition": ["acute-lymphoblastic-leukemia"]}
    assert link.get_text(strip=True) == "See all doctors who treat Acute Lymphoblastic Leukemia"


def test_the_tag_uses_a_fixed_number_of_queries(all_team, all_page, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        render_tag(all_page)
    for number in range(10):
        factories.provider("More", f"Doctor{number}", conditions=[all_page])
    with django_assert_max_num_queries(5):
        render_tag(all_page)


def test_a_condition_nobody_treats_yet_still_links_to_search(home_page, site_settings):
    page = factories.condition_page(home_page, title="Rare Thing", slug="rare-thing")

    html = render_tag(page)

    assert html.select(".provider-card") == []
    assert html.select_one("a.button")["href"] == "/find-a-doctor/?condition=rare-thing"


def test_the_all_page_find_a_doctor_link_lands_on_hematology_oncology_specialists_who_treat_all(
    client, all_team, all_page
):
    response = client.get("/find-a-doctor/?condition=acute-lymphoblastic-leukemia")
    page = soup(response)

    cards = page.select(".provider-card")
    assert len(cards) == 5
    for card in cards:
        assert "Pediatric Hematology-Oncology" in card.select_one(".provider-card__specialties").get_text()
    names = {h.get_text(strip=True) for h in page.select(".provider-card__name")}
    assert names == {f"Ana Treats{letter}, MD" for letter in "ABCDE"}
    assert page.select_one(".active-filter__text").get_text(strip=True) == (
        "Condition treated: Acute Lymphoblastic Leukemia"
    )
