"""The demo loader builds a first-run site, twice over without change, and never in production."""

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page, Revision

from base.models import SiteSettings


def load(capsys=None):
    call_command("load_demo_content")


def test_demo_loader_fills_settings_from_the_seed(db, site):
    load()

    site_settings = SiteSettings.load()
    assert site_settings.cancer_center_name == "Jonathan Jaques Children's Cancer Center at Miller Children's"
    assert site_settings.cancer_center_phone == "(562) 728-5000"


def test_demo_loader_is_idempotent(db, site, django_user_model):
    load()
    pages, revisions, users = Page.objects.count(), Revision.objects.count(), django_user_model.objects.count()

    load()

    assert (Page.objects.count(), Revision.objects.count(), django_user_model.objects.count()) == (
        pages,
        revisions,
        users,
    )


def test_demo_loader_keeps_what_an_editor_changed(db, site):
    load()
    site_settings = SiteSettings.load()
    site_settings.cancer_center_phone = "(562) 555-0100"
    site_settings.save()

    load()

    assert SiteSettings.load().cancer_center_phone == "(562) 555-0100"


def test_demo_loader_creates_a_dev_admin_with_the_password_from_the_environment(db, site, monkeypatch, capsys):
    monkeypatch.setenv("DEMO_ADMIN_USERNAME", "devadmin")
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "a-long-local-password")

    load()

    from django.contrib.auth import authenticate

    assert authenticate(username="devadmin", password="a-long-local-password").is_superuser
    assert "a-long-local-password" not in capsys.readouterr().out


@override_settings(ALLOW_DEMO_CONTENT=False)
def test_demo_loader_refuses_when_demo_content_is_not_allowed(db, site):
    pages = Page.objects.count()

    with pytest.raises(CommandError, match="must never be loaded into a live site"):
        load()

    assert Page.objects.count() == pages
    assert SiteSettings.objects.count() == 0
