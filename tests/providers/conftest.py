"""Fixtures for the Find a Doctor tests."""

import pytest

from tests.providers import factories


@pytest.fixture
def all_page(home_page):
    """The ALL condition page, as the conditions app publishes it."""
    return factories.condition_page(home_page)


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded photos go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def photo(media_root):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    return Image.objects.create(title="Portrait", file=get_test_image_file(), description="")
