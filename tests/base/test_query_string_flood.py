"""A flood of made-up query strings must neither fill the page cache nor push real pages out of it.

A cache-busting attacker sends one page with a new random parameter every time
(``/conditions/…/?r=<random>``). Parameters a page does not read make no entry of
their own; parameters it does read (Find a Doctor's filters, search words) still do.
"""

import secrets

import pytest
from django.core.cache import cache

from tests.conftest import soup
from tests.providers import factories

ALL_URL = "/conditions/acute-lymphoblastic-leukemia/"


def page_entries():
    """How many whole pages the cache holds (the test cache is one LocMemCache)."""
    return sum(":page:" in key for key in cache._cache)


@pytest.fixture
def doctor(all_condition):
    return factories.provider("Maria", "Lopez", conditions=[all_condition])


def test_random_query_strings_on_a_page_make_no_new_entries_and_are_served_from_the_cache(client, doctor):
    assert client.get(ALL_URL)["X-Page-Cache"] == "miss"
    before = page_entries()

    responses = [client.get(f"{ALL_URL}?r={secrets.token_hex(8)}") for _ in range(200)]

    assert {response.status_code for response in responses} == {200}
    # The first learns that the page reads no parameter; every later one is the page itself.
    assert [response["X-Page-Cache"] for response in responses[1:]] == ["hit"] * 199
    assert page_entries() <= before + 1
    assert client.get(ALL_URL)["X-Page-Cache"] == "hit", "the real page is still cached"
    assert "Maria Lopez" in soup(responses[-1]).get_text()


def test_a_flood_of_made_up_parameters_on_find_a_doctor_keeps_one_entry_per_real_search(client, doctor):
    url = "/find-a-doctor/?condition=acute-lymphoblastic-leukemia"
    assert client.get(url)["X-Page-Cache"] == "miss"
    before = page_entries()

    statuses = [client.get(f"{url}&utm_source={secrets.token_hex(6)}")["X-Page-Cache"] for _ in range(50)]

    assert statuses[1:] == ["hit"] * 49
    assert page_entries() <= before + 1


def test_parameters_a_page_reads_still_make_their_own_pages(client, doctor):
    """Find a Doctor's filters and the A–Z filter box are real: each value is its own page."""
    lopez = client.get("/find-a-doctor/?q=lopez")
    nobody = client.get("/find-a-doctor/?q=zzzzqqq")
    assert "Maria Lopez" in soup(lopez).get_text()
    assert "Maria Lopez" not in soup(nobody).get_text()
    assert client.get("/find-a-doctor/?q=lopez&r=1")["X-Page-Cache"] == "hit"
    assert "Maria Lopez" in soup(client.get("/find-a-doctor/?r=2&q=lopez")).get_text()

    leukemia = client.get("/conditions/?q=leuk")
    none = client.get("/conditions/?q=zzzz")
    assert "Acute Lymphoblastic Leukemia" in soup(leukemia).select_one("main").get_text()
    assert "Acute Lymphoblastic Leukemia" not in soup(none).select_one("main").get_text()


def test_a_page_learnt_in_one_generation_is_learnt_again_after_a_change(client, doctor, all_condition):
    assert client.get(f"{ALL_URL}?r=1").status_code == 200
    all_condition.summary = "Words changed after the first flood."
    all_condition.save_revision().publish()

    response = client.get(f"{ALL_URL}?r=2")

    assert "Words changed after the first flood." in soup(response).get_text()
