"""The first screen of a phone: a scared parent sees the 911 signs before anything else, without scrolling.

Measured in Chromium at 390×844 on every demo condition page. Before issue 14 the
header took 239 px and the ALL page's 911 box started 622 px down, below the summary;
now the header is one row (name, "Call us", "Search") over the menu, the 911 box
comes right after the title, and the key facts box right after the 911 box.
"""

import re

from tests.e2e.conftest import PHONE, assert_no_axe_violations

# The emergency strip, one row of name and buttons, the menu: 148 px measured with the demo name.
HEADER_MAX_HEIGHT = 170


def condition_urls(page, live_server):
    page.goto(live_server.url + "/conditions/")
    hrefs = page.eval_on_selector_all(
        "main a[href^='/conditions/'][href$='/']", "links => links.map(link => link.getAttribute('href'))"
    )
    return sorted({href for href in hrefs if href != "/conditions/"})


def test_on_every_condition_page_the_911_signs_are_on_the_first_screen(live_server, site_with_demo_content, phone_page):
    page = phone_page
    urls = condition_urls(page, live_server)
    assert len(urls) >= 6, urls
    for url in urls:
        page.goto(live_server.url + url)
        header = page.locator("header.site-header").bounding_box()
        assert header["height"] <= HEADER_MAX_HEIGHT, f"{url}: the header is {header['height']:.0f} px tall"
        heading = page.locator("#call-911-heading").bounding_box()
        first_sign = page.locator("#call-911 li").first.bounding_box()
        assert heading["y"] >= header["height"] - 1
        assert first_sign["y"] + first_sign["height"] <= PHONE["height"], f"{url}: the first 911 sign is below the fold"
        # Nothing but the title stands between the header and the 911 box; the key facts follow it at once.
        after_911 = page.evaluate(
            "() => [...document.querySelectorAll('#call-911 ~ *')].slice(0, 2).map(e => e.id || e.className)"
        )
        assert after_911 == ["key-facts", "lead condition__summary"], f"{url}: {after_911}"
        key_facts = page.locator("#key-facts").bounding_box()
        call_911 = page.locator("#call-911").bounding_box()
        assert 0 <= key_facts["y"] - (call_911["y"] + call_911["height"]) <= 40, f"{url}: a gap before the key facts"
    assert_no_axe_violations(page)


def test_the_header_search_works_on_a_phone_without_javascript(live_server, site_with_demo_content, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(live_server.url + "/")
        search_box = page.locator("header").get_by_label("Search this site")
        assert not search_box.is_visible()  # folded away until asked for

        page.locator("header").get_by_role("link", name="Search").click()
        assert search_box.is_visible()
        search_box.fill("leukemia")
        page.locator("header").get_by_role("button", name="Search").click()

        page.wait_for_url(re.compile(r"/search/\?q=leukemia$"))
        assert page.get_by_role("link", name="Acute Lymphoblastic Leukemia").first.is_visible()
    finally:
        context.close()


def test_the_opened_phone_search_box_passes_axe(live_server, site_with_demo_content, phone_page):
    """axe runs scripts, so the open box is checked with JavaScript on, opened the same way: as the link's target."""
    phone_page.goto(live_server.url + "/#site-search")

    assert phone_page.locator("header").get_by_label("Search this site").is_visible()
    assert_no_axe_violations(phone_page)


def test_on_a_desktop_the_search_box_is_always_there(live_server, site_with_demo_content, desktop_page):
    desktop_page.goto(live_server.url + "/")
    assert desktop_page.locator("header").get_by_label("Search this site").is_visible()
    assert not desktop_page.locator("header a.site-search-toggle").is_visible()


ALL_SECTIONS_IN_ORDER = [
    "Key facts",
    "How ALL is diagnosed",
    "Risk groups, not stages",
    "How ALL is treated",
    "Clinical trials",
    "What are the chances of a cure?",
    "Life during treatment: common side effects",
    "When to call right away during treatment",
    "After treatment",
    "What causes ALL?",
    "Questions to ask the care team",
    "Support for your family",
    "Words you may hear",
]


def test_on_a_phone_the_all_page_answers_a_parents_questions_in_order(live_server, site_with_demo_content, phone_page):
    page = phone_page
    page.goto(live_server.url + "/conditions/acute-lymphoblastic-leukemia/")

    headings = page.locator("article.condition section[id] h2").all_inner_texts()
    assert [heading for heading in headings if heading in ALL_SECTIONS_IN_ORDER] == ALL_SECTIONS_IN_ORDER
    tops = [
        page.locator("article.condition section[id] h2", has_text=heading).first.bounding_box()["y"]
        for heading in ALL_SECTIONS_IN_ORDER
    ]
    assert tops == sorted(tops)  # laid out in that order down the screen, not only in the HTML
    # Each section fits the phone's width: nothing to scroll sideways.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390

    page.get_by_role("link", name="When to call right away during treatment").tap()
    page.wait_for_url("**#when-to-call-right-away-during-treatment")
    box = page.locator("#when-to-call-right-away-during-treatment")
    assert box.get_by_role("link", name=re.compile(r"^Call \(562\) 728-5000$")).is_visible()
    assert_no_axe_violations(page)


def test_the_all_page_prints_what_a_parent_takes_to_the_fridge(live_server, site_with_demo_content, desktop_page):
    """Printed: the key facts, the call box with its number, each source's address; no search box or menu."""
    page = desktop_page
    page.goto(live_server.url + "/conditions/acute-lymphoblastic-leukemia/")
    on_screen_only = [page.locator("header").get_by_label("Search this site"), page.locator("nav.main-nav")]
    assert all(element.is_visible() for element in on_screen_only)

    page.emulate_media(media="print")

    assert not any(element.is_visible() for element in on_screen_only)
    for box in ["#key-facts", "#call-911", "#when-to-call-right-away-during-treatment", "#words-you-may-hear"]:
        assert page.locator(box).is_visible(), box
    assert page.locator("#when-to-call-right-away-during-treatment a[href^='tel:']").first.is_visible()
    # A link cannot be clicked on paper: each source's address is printed after it.
    printed_address = page.evaluate(
        "() => getComputedStyle(document.querySelector('.sources a[href^=\"http\"]'), '::after').content"
    )
    assert "https://" in printed_address
    pdf = page.pdf(format="Letter")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
