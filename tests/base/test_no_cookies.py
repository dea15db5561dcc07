"""An anonymous parent reading pages or searching is never given a cookie."""

import pytest
from django.core.management import call_command

from tests.conftest import soup
from tests.public_pages import public_pages

SEARCHES = {
    "find a doctor by name": "/find-a-doctor/?q=smith",
    "find a doctor, every filter": "/find-a-doctor/?q=leukemia&accepting=on&telehealth=on&near=90806&radius=25",
    "a page past the last": "/find-a-doctor/?page=999",
    "site search": "/search/?q=leukemia",
    "site search, nothing typed": "/search/?q=",
    "a doctor who does not exist": "/find-a-doctor/no-such-doctor/",
}


@pytest.fixture
def demo_site(site):
    call_command("load_demo_content", verbosity=0)


@pytest.mark.parametrize("page_cache", [False, True], ids=["rendered", "from the page cache"])
def test_anonymous_visitor_gets_no_cookie_on_any_public_page_or_search(client, settings, demo_site, page_cache):
    settings.PAGE_CACHE_ENABLED = page_cache
    urls = {**public_pages(), **SEARCHES}
    given = {}
    for name, url in urls.items():
        for _ in range(2):  # the second visit is a cache hit when the page cache is on
            response = client.get(url)
            assert response.status_code in (200, 404), f"{name}: {response.status_code}"
            if response.cookies or response.has_header("Set-Cookie"):
                given[name] = response.cookies.output()

    assert given == {}


def test_the_public_search_forms_need_no_csrf_token(client, demo_site):
    """Both search forms submit with GET, so a page that shows one has no reason to set csrftoken."""
    for url in ["/", "/search/", "/find-a-doctor/"]:
        forms = soup(client.get(url)).find_all("form")
        assert forms, url
        assert {form.get("method", "get").lower() for form in forms} == {"get"}, url
        assert not any(form.find("input", attrs={"name": "csrfmiddlewaretoken"}) for form in forms), url
