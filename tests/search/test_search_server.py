"""Site search on Elasticsearch or OpenSearch, for when the database's full-text search is outgrown.

``SEARCH_BACKEND_URL`` (and ``SEARCH_BACKEND``, e.g. ``opensearch2``) switch Wagtail's
search to a search server (hospital_site/settings/cluster.py). This test runs against
a real server when ``SEARCH_TEST_URL`` points at one and its Python client is
installed; neither Elasticsearch nor OpenSearch is packaged by Debian or on PyPI, so
on this project's machines it is skipped, and the message says what is missing.
"""

import importlib.util
import os
import urllib.request

import pytest
from django.core.management import call_command

from tests.conditions import factories as conditions

URL = os.environ.get("SEARCH_TEST_URL", "")
ENGINE = os.environ.get("SEARCH_TEST_BACKEND", "elasticsearch8")
CLIENT, PACKAGE = ("opensearchpy", "opensearch-py") if ENGINE.startswith("opensearch") else ("elasticsearch",) * 2


def missing():
    """What this test needs and does not have, in words; empty when it can run."""
    if not URL:
        return "SEARCH_TEST_URL (an Elasticsearch or OpenSearch server, e.g. http://127.0.0.1:9200) is not set"
    if importlib.util.find_spec(CLIENT) is None:
        return f"its Python client is not installed (pip install {PACKAGE})"
    try:
        urllib.request.urlopen(URL, timeout=3).close()  # noqa: S310 - the server the operator named
    except OSError as error:
        return f"no search server answers at {URL} ({error})"
    return ""


@pytest.fixture
def search_server(settings):
    reason = missing()
    if reason:
        pytest.skip(f"Search server test NOT run: {reason}.")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{ENGINE}",
            "URLS": [URL],
            "INDEX": f"hospital-test-{os.getpid()}",
            "TIMEOUT": 10,
            "AUTO_UPDATE": True,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
    yield


def test_the_all_page_is_found_through_the_search_server(client, index, search_server):
    page = conditions.all_page(index)
    call_command("update_index", verbosity=0)

    found = list(type(page).objects.live().search("leukemia"))

    assert page.pk in [result.pk for result in found]
