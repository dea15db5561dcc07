"""A Spanish-speaking parent on a phone: "leucemia" in the header → the Spanish ALL page → call the cancer center,
then Find a Doctor narrowed to Spanish speakers → a doctor's Spanish profile. axe-core checks every page."""

import re

from tests.e2e.conftest import PHONE, assert_no_axe_violations

SPANISH_ALL_URL = "/es/conditions/acute-lymphoblastic-leukemia/"
CANCER_CENTER_TEL = "tel:+15627285000"


def test_phone_spanish_parent_finds_the_all_page_calls_and_finds_a_spanish_speaking_doctor(
    live_server, site_with_demo_content, phone_page
):
    page = phone_page
    page.goto(live_server.url + "/")
    # The visible language link on the English home page leads to the Spanish home page.
    page.locator(".language-switch a").tap()
    page.wait_for_url(live_server.url + "/es/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert_no_axe_violations(page)

    page.locator("header").get_by_role("link", name="Buscar", exact=True).tap()
    page.locator("header").get_by_label("Buscar en este sitio").fill("leucemia")
    page.locator("header").get_by_role("button", name="Buscar").tap()
    page.wait_for_url(re.compile(r"/es/search/\?q=leucemia$"))
    assert_no_axe_violations(page)

    page.locator(f".search-result__title a[href='{SPANISH_ALL_URL}']").first.tap()
    page.wait_for_url(live_server.url + SPANISH_ALL_URL)
    assert_no_axe_violations(page)
    box = page.locator("#call-911")
    assert box.is_visible()
    assert "Llame al 911" in box.inner_text()
    first_symptom = box.locator("li").first.bounding_box()
    assert first_symptom["y"] + first_symptom["height"] <= PHONE["height"], "the 911 symptoms start on the first screen"
    call = page.locator("#get-help a.button--call")
    assert call.get_attribute("href") == CANCER_CENTER_TEL
    assert call.is_visible()

    page.locator("#get-help").get_by_role("link", name=re.compile("Buscar un médico que trate")).first.tap()
    page.wait_for_url(re.compile(r"/es/find-a-doctor/\?condition=acute-lymphoblastic-leukemia$"))
    assert_no_axe_violations(page)
    page.get_by_text("Cambiar su búsqueda").tap()
    page.get_by_text("Más filtros").tap()
    page.get_by_label("Idioma que habla").select_option(label="español")
    page.locator(".fad-form__submit button").tap()
    page.wait_for_url(re.compile(r"language=es"))
    assert_no_axe_violations(page)
    cards = page.locator(".provider-card")
    assert cards.count() >= 1
    for index in range(cards.count()):
        assert "español" in cards.nth(index).inner_text()

    page.locator(".provider-card__name a").first.tap()
    page.wait_for_url(re.compile(r"/es/find-a-doctor/[\w-]+/$"))
    assert page.locator("html").get_attribute("lang") == "es"
    assert_no_axe_violations(page)
    profile_call = page.locator(".profile__call a")
    assert profile_call.is_visible()
    assert re.fullmatch(r"tel:\+1\d{10}", profile_call.get_attribute("href"))
