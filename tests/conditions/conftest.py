"""Fixtures for condition pages: the index under the home page, and media files kept out of the project."""

import pytest

from .factories import all_page, condition_index


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Images made by tests go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def index(home_page, site_settings):
    return condition_index(home_page)


@pytest.fixture
def all_condition(index):
    return all_page(index)
