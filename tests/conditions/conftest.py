"""Fixtures for condition pages: media files kept out of the project (index, ALL page: tests/conftest.py)."""

import pytest


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Images made by tests go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
