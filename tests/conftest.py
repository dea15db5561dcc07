"""Fixtures shared by every test: the site as a fresh install has it."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from base.models import HomePage, SiteSettings
from tests.chromium import CHROMIUM_FOUND, MISSING_REASON
from tests.conditions.factories import all_page, condition_index


def pytest_terminal_summary(terminalreporter):
    """Say at the end of every run, in one place a reader sees, when the browser journeys did not run."""
    if not CHROMIUM_FOUND:
        terminalreporter.write_line(MISSING_REASON, yellow=True, bold=True)


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache.

    The test cache is one LocMemCache for the whole run, and rolling back a
    test's database fires no signals, so without this a test could be served a
    page cached by another.
    """
    from django.core.cache import caches

    from base.cache import discard_pending_purges

    for alias in caches:
        caches[alias].clear()
    discard_pending_purges()
    yield


@pytest.fixture
def site(db):
    """The default site; the home page comes from hospital_site's data migration."""
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(site):
    return HomePage.objects.get(pk=site.root_page_id)


@pytest.fixture
def site_settings(db):
    """Site settings filled in the way an administrator would on day one."""
    settings_row = SiteSettings.load()
    settings_row.hospital_name = "Test Children's Hospital"
    settings_row.main_phone = "(562) 933-5437"
    settings_row.cancer_center_name = "Test Cancer Center"
    settings_row.cancer_center_phone = "(562) 728-5000"
    settings_row.street_address = "1 Hospital Way"
    settings_row.city = "Long Beach"
    settings_row.state = "CA"
    settings_row.postal_code = "90806"
    settings_row.save()
    return settings_row


@pytest.fixture
def index(home_page, site_settings):
    """The A–Z conditions index under the home page, published."""
    return condition_index(home_page)


@pytest.fixture
def all_condition(index):
    """The Acute Lymphoblastic Leukemia page under the index, published."""
    return all_page(index)


@pytest.fixture
def admin_client(client, django_user_model):
    """A client logged in as a Wagtail superuser."""
    user = django_user_model.objects.create_superuser("boss", "boss@example.invalid", "correct-horse-battery")
    client.force_login(user)
    return client


def soup(response):
    """Parse a response's HTML."""
    return BeautifulSoup(response.content, "html.parser")
