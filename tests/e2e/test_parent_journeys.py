"""A parent's two journeys on a phone: search → the ALL page → call; the ALL page → a Spanish-speaking doctor.

Each journey runs twice: by touch, and with the keyboard only (every step
reached with Tab, every focused control visibly outlined). axe-core checks
every page a journey visits.
"""

import re

import pytest

from tests.e2e.conftest import PHONE, assert_no_axe_violations

ALL_URL = "/conditions/acute-lymphoblastic-leukemia/"
CANCER_CENTER_TEL = "tel:+15627285000"
MAX_TABS = 120


def focus_is_visible(page):
    """The focused element draws an outline (or a ring), so a keyboard user can see where they are."""
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
            return outline || style.boxShadow !== "none";
        }"""
    )


def tab_to(page, selector):
    """Press Tab until the element matching ``selector`` has focus; check the focus is visible there."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            assert focus_is_visible(page), f"focus on {selector} is not visible"
            return
    raise AssertionError(f"{selector} never received focus after {MAX_TABS} presses of Tab on {page.url}")


def assert_emergency_symptoms_on_first_screen(page):
    box = page.locator("#call-911")
    assert box.is_visible()
    symptoms = box.locator("li")
    assert symptoms.count() >= 1
    for index in range(symptoms.count()):
        bottom = symptoms.nth(index).bounding_box()
        assert bottom["y"] + bottom["height"] <= PHONE["height"], "an emergency symptom is below the first screen"


def assert_cancer_center_call_button(page):
    call = page.locator("#get-help a.button--call")
    assert call.get_attribute("href") == CANCER_CENTER_TEL
    assert call.is_visible()


def assert_results_narrowed_to_all_then_spanish(page, spanish):
    active = page.locator(".active-filters").inner_text()
    assert "Acute Lymphoblastic Leukemia" in active
    cards = page.locator(".provider-card")
    assert cards.count() >= 1
    if spanish:
        assert "Spanish" in active
        for index in range(cards.count()):
            assert "Spanish" in cards.nth(index).inner_text()


def doctors_who_treat_all_count(page):
    heading = page.locator("#fad-results-heading").inner_text()
    return int(re.match(r"(\d+)", heading).group(1))


def test_phone_search_leukemia_reaches_the_all_page_and_the_cancer_center(
    live_server, site_with_demo_content, phone_page
):
    page = phone_page
    page.goto(live_server.url + "/")
    assert_no_axe_violations(page)

    # On a phone the search box opens from the header's "Search" link.
    page.locator("header").get_by_role("link", name="Search").tap()
    page.locator("header").get_by_label("Search this site").fill("leukemia")
    page.locator("header").get_by_role("button", name="Search").tap()
    page.wait_for_url(re.compile(r"/search/\?q=leukemia$"))
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Acute Lymphoblastic Leukemia").first.tap()
    page.wait_for_url(live_server.url + ALL_URL)
    assert_no_axe_violations(page)
    assert_emergency_symptoms_on_first_screen(page)
    assert_cancer_center_call_button(page)


def test_phone_all_page_to_a_spanish_speaking_doctor_and_their_phone(live_server, site_with_demo_content, phone_page):
    page = phone_page
    page.goto(live_server.url + ALL_URL)

    page.locator("#get-help").get_by_role("link", name=re.compile("Find a doctor who treats")).first.tap()
    page.wait_for_url(re.compile(r"/find-a-doctor/\?condition=acute-lymphoblastic-leukemia$"))
    assert_no_axe_violations(page)
    assert_results_narrowed_to_all_then_spanish(page, spanish=False)
    treating_all = doctors_who_treat_all_count(page)

    page.get_by_text("Change your search").tap()
    page.get_by_text("More filters").tap()
    page.get_by_label("Language spoken").select_option(label="Spanish")
    page.locator(".fad-form__submit button").tap()
    page.wait_for_url(re.compile(r"language=es"))
    assert_no_axe_violations(page)
    assert_results_narrowed_to_all_then_spanish(page, spanish=True)
    assert doctors_who_treat_all_count(page) < treating_all

    page.locator(".provider-card__name a").first.tap()
    page.wait_for_url(re.compile(r"/find-a-doctor/[\w-]+/$"))
    assert_no_axe_violations(page)
    call = page.locator(".profile__call a")
    assert call.is_visible()
    assert re.fullmatch(r"tel:\+1\d{10}", call.get_attribute("href"))


@pytest.mark.parametrize("page_fixture", ["phone_page", "desktop_page"])
def test_keyboard_only_search_leukemia_reaches_the_all_page_and_the_cancer_center(
    request, live_server, site_with_demo_content, page_fixture
):
    page = request.getfixturevalue(page_fixture)
    page.goto(live_server.url + "/")

    if page_fixture == "phone_page":
        tab_to(page, "a.site-search-toggle")
        page.keyboard.press("Enter")
    tab_to(page, "#site-search-q")
    page.keyboard.type("leukemia")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=leukemia$"))
    assert_no_axe_violations(page)

    tab_to(page, f".search-result__title a[href='{ALL_URL}']")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + ALL_URL)
    assert_no_axe_violations(page)
    if page_fixture == "phone_page":
        assert_emergency_symptoms_on_first_screen(page)

    tab_to(page, "#get-help a.button--call")
    assert page.evaluate("document.activeElement.getAttribute('href')") == CANCER_CENTER_TEL


@pytest.mark.parametrize("page_fixture", ["phone_page", "desktop_page"])
def test_keyboard_only_all_page_to_a_spanish_speaking_doctor_and_their_phone(
    request, live_server, site_with_demo_content, page_fixture
):
    page = request.getfixturevalue(page_fixture)
    page.goto(live_server.url + ALL_URL)

    tab_to(page, "#get-help a[href^='/find-a-doctor/?condition=']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/find-a-doctor/\?condition=acute-lymphoblastic-leukemia$"))
    assert_no_axe_violations(page)
    assert_results_narrowed_to_all_then_spanish(page, spanish=False)

    tab_to(page, ".fad-search > summary")
    page.keyboard.press("Enter")
    tab_to(page, ".fad-form__more > summary")
    page.keyboard.press("Enter")
    tab_to(page, "select[name=language]")
    page.keyboard.type("Spanish")
    assert page.locator("select[name=language]").input_value() == "es"
    tab_to(page, ".fad-form__submit button")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"language=es"))
    assert_no_axe_violations(page)
    assert_results_narrowed_to_all_then_spanish(page, spanish=True)

    tab_to(page, ".provider-card__name a")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/find-a-doctor/[\w-]+/$"))
    assert_no_axe_violations(page)

    tab_to(page, ".profile__call a")
    assert re.fullmatch(r"tel:\+1\d{10}", page.evaluate("document.activeElement.getAttribute('href')"))
