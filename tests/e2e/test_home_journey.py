"""A parent opens the home page on a phone and on a desktop."""

import pytest

from tests.e2e.conftest import assert_no_axe_violations


@pytest.mark.parametrize("page_fixture", ["phone_page", "desktop_page"])
def test_parent_on_home_page_can_call_and_page_is_accessible(
    request, live_server, site_with_demo_content, page_fixture
):
    page = request.getfixturevalue(page_fixture)

    page.goto(live_server.url + "/")

    assert page.locator("h1").count() == 1
    call = page.locator(".site-header__phone a")
    assert call.get_attribute("href") == "tel:+15629335437"
    assert call.is_visible()
    assert page.get_by_role("link", name="911").first.is_visible()
    assert_no_axe_violations(page)


def test_keyboard_user_reaches_main_content_through_the_skip_link(live_server, site_with_demo_content, desktop_page):
    page = desktop_page
    page.goto(live_server.url + "/")

    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"
