"""Search stays in step when what it is built from changes, from either side of a relation."""

from providers.models import Provider
from tests.providers import factories


def test_linking_from_the_condition_side_makes_the_provider_findable(db, all_page):
    provider = factories.provider("Maria", "Lopez")
    assert not Provider.objects.search("leukemia").exists()

    all_page.providers.add(provider)

    assert list(Provider.objects.search("leukemia")) == [provider]

    all_page.providers.clear()

    assert not Provider.objects.search("leukemia").exists()


def test_linking_from_the_specialty_side_makes_the_provider_findable(db):
    provider = factories.provider("Maria", "Lopez", specialties=[factories.hem_onc()])
    cardiology = factories.cardiology()

    cardiology.providers.add(provider)

    assert list(Provider.objects.search("heart doctor")) == [provider]


def test_deleting_a_specialty_removes_it_from_search(db):
    provider = factories.provider("Maria", "Lopez", specialties=[factories.hem_onc(), factories.cardiology()])

    factories.cardiology().delete()

    provider.refresh_from_db()
    assert "cardiology" not in provider.search_text
    assert list(Provider.objects.search("hematology")) == [provider]


def test_renaming_a_provider_updates_search(db):
    provider = factories.provider("Maria", "Lopez")
    provider.last_name = "Lopez-Garcia"
    provider.save()

    assert list(Provider.objects.search("garcia")) == [provider]
    assert provider.search_text.startswith(" maria lopez garcia md ")
