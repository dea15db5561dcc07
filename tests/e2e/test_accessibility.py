"""axe-core finds nothing on any public page type, on a phone and on a desktop."""

import pytest

from tests.e2e.conftest import axe_violations
from tests.public_pages import public_pages


@pytest.mark.parametrize("page_fixture", ["phone_page", "desktop_page"])
def test_every_public_page_type_has_no_axe_violations(request, live_server, site_with_demo_content, page_fixture):
    # Read the URLs before the browser starts: a query made while Playwright's event
    # loop runs opens a database connection that outlives the test.
    urls = public_pages()
    page = request.getfixturevalue(page_fixture)
    found = []
    for name, url in urls.items():
        page.goto(live_server.url + url)
        assert page.locator("h1").count() == 1, f"{name}: one h1"
        assert page.locator("main#main").count() == 1, f"{name}: a main landmark"
        found += [f"{name} ({url}): {violation}" for violation in axe_violations(page)]

    assert found == [], "\n".join(found)
