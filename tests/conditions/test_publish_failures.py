"""A publish that fails leaves the live page as it was, and keeps what the editor wrote."""

import pytest
from django.urls import reverse
from wagtail.signals import page_published

from conditions.models import ConditionPage
from tests.conftest import soup

from .test_admin import page_form

LIVE_SUMMARY = "ALL is the most common leukemia in children."
NEW_SUMMARY = "A clearer summary an editor wrote."


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def publish_form(page, **overrides):
    data = page_form(**{"title": page.title, "slug": page.slug, "summary": NEW_SUMMARY, **overrides})
    data["action-publish"] = "Publish"
    return data


@pytest.fixture
def failing_publish_receiver():
    """Something that runs after every publish (a search update, a purge, a notification) and breaks."""

    def broken(sender, instance, **kwargs):
        raise RuntimeError("a receiver after the publish broke")

    page_published.connect(broken)
    yield
    page_published.disconnect(broken)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_publish_that_fails_after_saving_leaves_the_live_page_unchanged_and_keeps_the_draft(
    admin_client, client, all_condition, failing_publish_receiver
):
    """Real transactions, as in production (no test-wide transaction to roll back into)."""
    live_revision = all_condition.live_revision_id

    with pytest.raises(RuntimeError, match="a receiver after the publish broke"):
        admin_client.post(edit_url(all_condition), publish_form(all_condition))

    page = ConditionPage.objects.get(pk=all_condition.pk)
    # Parents still see the page as it was.
    assert page.summary == LIVE_SUMMARY
    assert page.live_revision_id == live_revision
    assert page.live
    assert NEW_SUMMARY not in client.get(page.url).content.decode()
    # The editor's words are kept as the latest draft, and the editor opens them again.
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().summary == NEW_SUMMARY
    assert NEW_SUMMARY in admin_client.get(edit_url(page)).content.decode()


@pytest.mark.django_db
def test_a_publish_refused_by_validation_changes_nothing_and_keeps_the_editors_text(
    admin_client, client, all_condition
):
    revisions = all_condition.revisions.count()

    response = admin_client.post(edit_url(all_condition), publish_form(all_condition, title=""))

    assert response.status_code == 200
    page = soup(response)
    assert "The page could not be saved due to validation errors" in page.get_text()
    # The form comes back with what the editor typed, nothing to type again.
    assert NEW_SUMMARY in page.select_one("[name=summary]").get_text() + page.select_one("[name=summary]").get(
        "value", ""
    )
    all_condition.refresh_from_db()
    assert all_condition.summary == LIVE_SUMMARY
    assert all_condition.revisions.count() == revisions
    assert LIVE_SUMMARY in client.get(all_condition.url).content.decode()
