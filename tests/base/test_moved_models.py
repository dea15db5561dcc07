"""The home page, site settings and navigation belong to base, with their content types and permissions."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from base.models import FooterLink, HeaderLink, HomePage, NavigationSettings, SiteSettings
from base.roles import SITE_ADMINISTRATORS

MOVED = [HomePage, SiteSettings, NavigationSettings, HeaderLink, FooterLink]


@pytest.mark.django_db
def test_no_content_type_is_left_behind_under_the_old_label():
    labels = {model: ContentType.objects.get_for_model(model).app_label for model in MOVED}

    assert set(labels.values()) == {"base"}
    assert not ContentType.objects.filter(app_label="hospital_site").exists()


@pytest.mark.django_db
def test_the_home_page_made_by_the_first_migration_is_a_base_home_page(home_page):
    assert home_page.content_type == ContentType.objects.get_for_model(HomePage)
    assert type(home_page.specific) is HomePage


@pytest.mark.django_db
def test_site_administrators_keep_their_rights_on_settings_and_navigation():
    administrators = Group.objects.get(name=SITE_ADMINISTRATORS)
    granted = set(administrators.permissions.filter(content_type__app_label="base").values_list("codename", flat=True))

    assert {"change_sitesettings", "change_navigationsettings"} <= granted
    assert not Permission.objects.filter(content_type__app_label="hospital_site").exists()
