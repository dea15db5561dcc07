"""Demo doctors are fictional, labelled, deterministic, and loading them twice changes nothing."""

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from providers import demo
from providers.models import Provider
from providers.validators import is_valid_npi
from tests.conftest import soup
from tests.providers import factories


def snapshot():
    return list(
        Provider.objects.order_by("npi").values_list(
            "npi", "first_name", "last_name", "primary_specialty__slug", "accepting_new_patients"
        )
    )


def test_generated_providers_are_deterministic_and_marked_as_demo(db):
    call_command("generate_demo_providers", "--count", "60")
    first = snapshot()
    Provider.objects.all().delete()

    call_command("generate_demo_providers", "--count", "60")

    assert snapshot() == first
    assert Provider.objects.count() == 60
    assert not Provider.objects.filter(is_demo=False).exists()


def test_demo_npis_are_valid_but_clearly_fictional(db):
    call_command("generate_demo_providers", "--count", "45")

    for npi in Provider.objects.values_list("npi", flat=True):
        assert is_valid_npi(npi)
        assert npi.startswith("299")  # CMS has only issued NPIs beginning with 1


def test_generating_more_only_adds_and_running_twice_changes_nothing(db):
    call_command("generate_demo_providers", "--count", "50")
    before = snapshot()

    call_command("generate_demo_providers", "--count", "80")
    call_command("generate_demo_providers", "--count", "80")

    after = snapshot()
    assert len(after) == 80
    assert set(before) <= set(after)


def test_generated_providers_are_searchable(db):
    call_command("generate_demo_providers", "--count", "60")

    assert Provider.objects.search("blood cancer").exists()
    assert (
        Provider.objects.search("hematology").count()
        == Provider.objects.filter(specialties__slug="pediatric-hematology-oncology").count()
    )


def test_demo_loader_links_doctors_to_the_all_page_even_when_it_is_created_later(db, home_page):
    demo.load_demo_providers()
    assert Provider.objects.count() == demo.LOCAL_COUNT
    all_page = factories.condition_page(home_page)

    demo.load_demo_providers()
    demo.load_demo_providers()

    treating = Provider.objects.filter(conditions=all_page)
    assert treating.exists()
    assert all(
        p.primary_specialty.slug == "pediatric-hematology-oncology"
        or p.specialties.filter(slug="pediatric-hematology-oncology").exists()
        for p in treating
    )
    assert set(Provider.objects.search("ALL")) == set(treating)
    assert Provider.objects.count() == demo.LOCAL_COUNT


def test_demo_doctors_practise_near_the_hospital(db):
    demo.load_demo_providers()

    for provider in Provider.objects.prefetch_related("provider_locations__location"):
        location = provider.provider_locations.all()[0].location
        assert location.distance_to(33.8045, -118.1876) < 30


def test_load_demo_content_adds_about_forty_demo_doctors(db, home_page, client):
    call_command("load_demo_content")
    call_command("load_demo_content")

    assert Provider.objects.filter(is_demo=True).count() == demo.LOCAL_COUNT
    page = soup(client.get("/find-a-doctor/?condition=acute-lymphoblastic-leukemia"))
    assert page.select(".provider-card")
    assert all("Demo profile — fictional" in card.get_text() for card in page.select(".provider-card"))


@override_settings(ALLOW_DEMO_CONTENT=False)
def test_demo_doctors_are_refused_where_demo_content_is_not_allowed(db):
    with pytest.raises(CommandError, match="must never reach a live site"):
        call_command("generate_demo_providers", "--count", "5")

    assert not Provider.objects.exists()


def test_demo_profiles_never_contradict_themselves_about_new_patients(db):
    demo.load_demo_providers()

    for provider in Provider.objects.prefetch_related("provider_locations"):
        here = [link.accepting_new_patients for link in provider.provider_locations.all()]
        if provider.accepting_new_patients:
            assert here[0], provider
        else:
            assert not any(here), provider
