"""Every public page type renders in a pinned number of queries that does not grow with the content.

Counted with the page cache off (what a first visitor after a publish costs)
and after one warm-up view, since publishing empties the site cache (the Site,
settings, menu and "is any page private?") and the first view fills it again.
A cached page costs no query at all (tests/base/test_page_cache.py).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from providers.choices import PlanType
from providers.models import InsurancePlan
from tests.conditions.factories import condition_index, condition_page
from tests.providers import factories

# The Site, its settings, the menu and "is any page private?" come from the cache on every page.
HOME_QUERIES = 1  # the "Where to start" cards (the home page itself is cached with the Site)
# Routing to the index costs nothing: the home page's live sections come from the site cache.
INDEX_QUERIES = 1  # the conditions, and one more per filter search
CONDITION_QUERIES = 2  # the condition page (1), related specialties (1); "Doctors who treat" cards are cached
# menus + spelling (1), count (1), the page's ids: doctors whose name ranks first, then the rest in name
# order (2, providers/results.py), the page's providers (1) and their specialties, languages, locations (3)
SEARCH_QUERIES = 8
# the provider (1), specialties, languages, locations, conditions treated, insurance plans, each clinic's plans (6)
PROFILE_QUERIES = 7


@pytest.fixture(autouse=True)
def render_every_time(settings):
    settings.PAGE_CACHE_ENABLED = False


def queries(client, url):
    client.get(url)  # fills the site cache after the last change
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_home_page(client, index):
    few = queries(client, "/")
    for number in range(5):
        child = condition_index(index.get_parent().specific, title=f"Section {number}", slug=f"section-{number}")
        child.show_in_menus = True
        child.save_revision().publish()

    assert queries(client, "/") == few == HOME_QUERIES


def test_condition_index(client, index):
    condition_page(index, "First")
    few = queries(client, "/conditions/")
    for number in range(10):
        condition_page(index, f"Condition {number}")

    assert queries(client, "/conditions/") == few == INDEX_QUERIES


def test_condition_page_with_doctors(client, all_condition):
    factories.provider("Only", "One", conditions=[all_condition])
    few = queries(client, all_condition.url)
    for number in range(12):
        factories.provider("Pat", f"Doctor{number}", conditions=[all_condition], languages=["en", "es"])

    assert queries(client, all_condition.url) == few == CONDITION_QUERIES


def test_find_a_doctor_results(client, all_condition):
    factories.provider("Only", "One", conditions=[all_condition])
    url = "/find-a-doctor/?q=leukemia&language=en"
    few = queries(client, url)
    clinics = [factories.location(f"Clinic {n}", phone=f"(562) 555-01{n:02d}") for n in range(3)]
    for number in range(30):
        factories.provider(
            "Pat", f"Doctor{number}", conditions=[all_condition], languages=["en", "es"], locations=clinics
        )

    assert queries(client, url) == few == SEARCH_QUERIES


def test_provider_profile(client, index):
    conditions = [condition_page(index, "First")]
    doctor = factories.provider("Maria", "Lopez", conditions=conditions)
    few = queries(client, doctor.get_absolute_url())
    conditions += [condition_page(index, f"Condition {number}") for number in range(6)]
    doctor.conditions = conditions
    doctor.languages = [factories.language(code) for code in ("en", "es", "vi")]
    doctor.insurance_plans = [
        InsurancePlan.objects.create(name=f"Plan {number}", insurer="Insurer", plan_type=PlanType.CHIP)
        for number in range(4)
    ]
    doctor.save()

    assert queries(client, doctor.get_absolute_url()) == few == PROFILE_QUERIES


def test_the_demo_all_page_with_every_block_a_parent_reads(client, site):
    """The real ALL page (key facts, tests, phases, side effects, call box, glossary, sources) costs the same."""
    from django.core.management import call_command

    call_command("load_demo_content", verbosity=0)

    assert queries(client, "/conditions/acute-lymphoblastic-leukemia/") == CONDITION_QUERIES
