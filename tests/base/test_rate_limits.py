"""Site search and Find a Doctor answer a flood from one address with a friendly 429, not an error."""

import pytest

from tests.conftest import soup

SEARCH_PAGES = ["/search/?q=leukemia", "/find-a-doctor/?q=smith"]


@pytest.fixture
def limited(settings, site_settings):
    settings.RATELIMIT_ENABLE = True
    settings.SEARCH_RATE_LIMIT = "3/m"
    settings.PAGE_CACHE_ENABLED = False
    return settings


@pytest.mark.parametrize("url", SEARCH_PAGES)
def test_searches_within_the_limit_are_answered(client, limited, url):
    for _ in range(3):
        assert client.get(url, REMOTE_ADDR="203.0.113.7").status_code == 200


@pytest.mark.parametrize("url", SEARCH_PAGES)
def test_one_search_too_many_gets_a_friendly_429_with_retry_after(client, limited, url):
    for _ in range(3):
        client.get(url, REMOTE_ADDR="203.0.113.7")

    response = client.get(url, REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Please wait a moment"
    assert f"try again in {response['Retry-After']} second" in page.get_text()
    assert page.find("a", href="tel:911") is not None
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_each_address_has_its_own_allowance(client, limited):
    for _ in range(4):
        client.get("/search/?q=a", REMOTE_ADDR="203.0.113.7")

    assert client.get("/search/?q=a", REMOTE_ADDR="198.51.100.4").status_code == 200


def test_site_search_and_find_a_doctor_are_counted_separately(client, limited):
    for _ in range(4):
        client.get("/search/?q=a", REMOTE_ADDR="203.0.113.7")

    assert client.get("/find-a-doctor/?q=a", REMOTE_ADDR="203.0.113.7").status_code == 200


def test_behind_our_proxy_the_visitor_is_the_address_the_proxy_saw(client, limited):
    """A client cannot dodge the limit by writing its own X-Forwarded-For entries."""
    limited.TRUSTED_PROXY_COUNT = 1
    for fake in ["1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4"]:
        response = client.get("/search/?q=a", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"{fake}, 203.0.113.7")

    assert response.status_code == 429
    other = client.get("/search/?q=a", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert other.status_code == 200


def test_pages_served_from_the_page_cache_are_not_counted(client, limited):
    limited.PAGE_CACHE_ENABLED = True
    responses = [client.get("/search/?q=leukemia", REMOTE_ADDR="203.0.113.7") for _ in range(10)]

    assert [r.status_code for r in responses] == [200] * 10
    assert responses[-1]["X-Page-Cache"] == "hit"


def test_reading_pages_is_never_limited(client, limited, home_page):
    assert [client.get("/", REMOTE_ADDR="203.0.113.7").status_code for _ in range(6)] == [200] * 6
