"""Two editors on one page: the second save never silently replaces the first, and a lock holds."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, get_page_models

from base.edit_conflicts import PageConflictCheckForm
from conditions.models import ConditionPage
from tests.conftest import soup

from .staff import staff_user
from .test_admin import page_form

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def open_editor(client, page):
    """Open the page editor; returns what the browser would post back about the version it loaded."""
    form = soup(client.get(edit_url(page))).select_one("form[data-edit-form]")
    return {
        name: form.select_one(f"input[name={name}]")["value"]
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }


def save(client, page, loaded, summary, **extra):
    data = page_form(title=page.title, slug=page.slug, summary=summary)
    data.update(loaded, **extra)
    return client.post(edit_url(page), data)


def latest_summary(page):
    return ConditionPage.objects.get(pk=page.pk).get_latest_revision_as_object().summary


@pytest.fixture
def editors(all_condition):
    anna = signed_in(staff_user("anna", "Editors", first_name="Anna", last_name="Alvarez"))
    ben = signed_in(staff_user("ben", "Editors", first_name="Ben", last_name="Brooks"))
    return anna, ben


def test_second_save_from_an_older_version_is_refused_and_keeps_what_was_typed(editors, all_condition):
    anna, ben = editors
    anna_loaded = open_editor(anna, all_condition)
    ben_loaded = open_editor(ben, all_condition)
    assert save(ben, all_condition, ben_loaded, "Ben's summary.").status_code == 302

    response = save(anna, all_condition, anna_loaded, "Anna's summary.")

    assert response.status_code == 200
    page = soup(response)
    assert "Ben Brooks saved a newer version of this page" in page.get_text()
    # Anna's words are still in the form she is looking at ...
    assert page.select_one("textarea[name=summary]").text.strip() == "Anna's summary."
    # ... and Ben's are what the page holds.
    assert latest_summary(all_condition) == "Ben's summary."


def test_saving_again_after_the_warning_is_a_deliberate_overwrite(editors, all_condition):
    anna, ben = editors
    anna_loaded = open_editor(anna, all_condition)
    save(ben, all_condition, open_editor(ben, all_condition), "Ben's summary.")
    refused = save(anna, all_condition, anna_loaded, "Anna's summary.")

    # The form Anna got back carries the version she has now been shown.
    form = soup(refused).select_one("form[data-edit-form]")
    now_loaded = {
        name: form.select_one(f"input[name={name}]")["value"]
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }
    assert save(anna, all_condition, now_loaded, "Anna's summary.").status_code == 302
    assert latest_summary(all_condition) == "Anna's summary."
    # Ben's version is still in the page's history.
    summaries = [r.as_object().summary for r in all_condition.revisions.order_by("created_at")]
    assert "Ben's summary." in summaries


def test_publish_from_an_older_version_is_refused_too(all_condition):
    boss = signed_in(staff_user("boss", "Site administrators", first_name="Sam", last_name="Boss"))
    ben = signed_in(staff_user("ben", "Editors", first_name="Ben", last_name="Brooks"))
    boss_loaded = open_editor(boss, all_condition)
    save(ben, all_condition, open_editor(ben, all_condition), "Ben's summary.")

    data = page_form(title=all_condition.title, slug=all_condition.slug, summary="Boss's summary.")
    data.update(boss_loaded)
    data["action-publish"] = "Publish"
    response = boss.post(edit_url(all_condition), data)

    assert response.status_code == 200
    assert "saved a newer version of this page" in soup(response).get_text()
    assert ConditionPage.objects.get(pk=all_condition.pk).summary == "ALL is the most common leukemia in children."
    assert latest_summary(all_condition) == "Ben's summary."


def test_one_editor_saving_twice_is_not_a_conflict(editors, all_condition):
    anna, _ = editors
    first = save(anna, all_condition, open_editor(anna, all_condition), "First try.")
    assert first.status_code == 302
    assert save(anna, all_condition, open_editor(anna, all_condition), "Second try.").status_code == 302
    assert latest_summary(all_condition) == "Second try."


def test_every_page_type_checks_for_newer_versions():
    ours = [model for model in get_page_models() if model is not Page and model._meta.app_label != "wagtailcore"]
    assert ours
    for model in ours:
        assert issubclass(model.get_edit_handler().get_form_class(), PageConflictCheckForm), model


def test_a_page_locked_by_one_editor_cannot_be_saved_by_another(editors, all_condition):
    anna, ben = editors
    lock = anna.post(reverse("wagtailadmin_pages:lock", args=[all_condition.pk]))
    assert lock.status_code == 302
    all_condition.refresh_from_db()
    assert all_condition.locked and all_condition.locked_by.username == "anna"

    ben_loaded = open_editor(ben, all_condition)
    response = save(ben, all_condition, ben_loaded, "Ben's summary.")

    assert "could not be saved as it is locked" in soup(response).get_text()
    assert latest_summary(all_condition) == "ALL is the most common leukemia in children."
    # The editor who locked it can still save.
    assert save(anna, all_condition, open_editor(anna, all_condition), "Anna's summary.").status_code == 302
    assert latest_summary(all_condition) == "Anna's summary."


def autosave(client, page, loaded, summary, **extra):
    """Wagtail's background autosave: the same form, asking for JSON (later ones send ``overwrite_revision_id``)."""
    data = page_form(title=page.title, slug=page.slug, summary=summary)
    data.update(loaded, **extra)
    response = client.post(edit_url(page), data, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content
    return str(response.json()["revision_id"])


def test_an_editors_own_autosaved_draft_is_not_someone_elses_newer_version(editors, all_condition):
    anna, _ = editors
    loaded = open_editor(anna, all_condition)
    draft = autosave(anna, all_condition, loaded, "Anna typing.")
    assert autosave(anna, all_condition, loaded, "Anna typed more.", overwrite_revision_id=draft) == draft

    # "Save draft" after the autosave: the form names the draft this tab wrote (base/static/js/autosaved-revision.js).
    assert save(anna, all_condition, loaded, "Anna's summary.", autosaved_revision_id=draft).status_code == 302
    assert latest_summary(all_condition) == "Anna's summary."


def test_someone_saving_after_an_editors_autosave_is_still_a_conflict(editors, all_condition):
    anna, ben = editors
    loaded = open_editor(anna, all_condition)
    draft = autosave(anna, all_condition, loaded, "Anna typing.")
    assert save(ben, all_condition, open_editor(ben, all_condition), "Ben's summary.").status_code == 302

    response = save(anna, all_condition, loaded, "Anna's summary.", autosaved_revision_id=draft)

    assert response.status_code == 200
    assert "Ben Brooks saved a newer version of this page" in soup(response).get_text()
    assert latest_summary(all_condition) == "Ben's summary."


def test_the_page_editor_loads_the_script_that_names_the_autosaved_draft(editors, all_condition):
    anna, _ = editors
    scripts = [tag["src"] for tag in soup(anna.get(edit_url(all_condition))).select("script[src]")]
    assert any("/js/autosaved-revision." in src for src in scripts), scripts
