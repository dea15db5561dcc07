"""Condition pages and Find a Doctor link both ways."""

import json

from conditions.models import ConditionPage
from tests.conditions import factories as conditions
from tests.conftest import soup
from tests.providers import factories as providers


def json_ld(response):
    return json.loads(soup(response).find("script", type="application/ld+json").string)


def test_all_page_shows_doctors_who_treat_it_and_links_to_the_prefiltered_search(client, home_page, site_settings):
    index = conditions.condition_index(home_page)
    all_page = conditions.all_page(index)
    treating = providers.provider("Rosa", "Alvarez", conditions=[all_page], accepting_new_patients=True)
    providers.provider("Not", "Related", specialties=[providers.cardiology()])

    page = soup(client.get(all_page.url))

    section = page.select_one(".doctors-who-treat")
    assert section.h2.get_text(strip=True) == "Doctors who treat Acute Lymphoblastic Leukemia"
    names = section.get_text(" ", strip=True)
    assert "Rosa Alvarez" in names and "Not Related" not in names
    assert section.select_one(f"a[href='{treating.get_absolute_url()}']")
    see_all = section.select_one("a[href='/find-a-doctor/?condition=acute-lymphoblastic-leukemia']")
    assert see_all is not None

    results = soup(client.get(see_all["href"]))
    assert "Rosa Alvarez" in results.get_text(" ") and "Not Related" not in results.get_text(" ")


def test_reviewer_name_links_to_their_profile_and_json_ld_names_specialties(client, home_page, site_settings):
    index = conditions.condition_index(home_page)
    reviewer = providers.provider("Maria", "Lopez")
    all_page = conditions.all_page(index, reviewer_name="Maria Lopez", reviewer_credentials="MD")
    page = ConditionPage.objects.get(pk=all_page.pk)
    page.reviewer_provider = reviewer
    page.related_specialties.set([providers.hem_onc()])
    page.save_revision().publish()

    response = client.get(all_page.url)

    review = soup(response).select_one(".condition__review")
    assert review.select_one(f"a[href='{reviewer.get_absolute_url()}']").get_text(strip=True) == "Maria Lopez, MD"
    data = json_ld(response)
    assert data["reviewedBy"]["url"] == "http://testserver" + reviewer.get_absolute_url()
    assert data["about"]["relevantSpecialty"] == [
        {"@type": "MedicalSpecialty", "name": "Pediatric Hematology-Oncology"}
    ]


def test_an_inactive_reviewer_is_named_but_not_linked(client, home_page, site_settings):
    index = conditions.condition_index(home_page)
    reviewer = providers.provider("Maria", "Lopez", active=False)
    all_page = conditions.all_page(index, reviewer_name="Maria Lopez", reviewer_credentials="MD")
    page = ConditionPage.objects.get(pk=all_page.pk)
    page.reviewer_provider = reviewer
    page.save_revision().publish()

    review = soup(client.get(all_page.url)).select_one(".condition__review")

    assert "Maria Lopez, MD" in review.get_text()
    assert review.select_one("a[href^='/find-a-doctor/']") is None
