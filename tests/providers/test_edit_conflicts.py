"""Two directory editors on one record: the second save never silently replaces the first."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from providers.models import Location, Provider
from tests.conftest import soup
from tests.helpers import browser_form_data
from tests.providers import factories

pytestmark = pytest.mark.django_db


def directory_editor(django_user_model, username, first_name):
    user = django_user_model.objects.create_user(username, f"{username}@example.invalid", "a-long-password-1")
    user.first_name, user.last_name = first_name, "Example"
    user.save()
    user.groups.add(Group.objects.get(name="Directory editors"))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editors(django_user_model):
    return directory_editor(django_user_model, "anna", "Anna"), directory_editor(django_user_model, "ben", "Ben")


@pytest.fixture
def doctor(db):
    return factories.provider("Ana", "Example", accepting_new_patients=True, bio="Original bio.")


def provider_edit(provider):
    return reverse("find_a_doctor_providers:edit", args=[provider.pk])


def test_second_provider_save_from_an_older_form_is_refused_and_keeps_what_was_typed(editors, doctor):
    anna, ben = editors
    anna_form = browser_form_data(anna.get(provider_edit(doctor)))
    ben_form = browser_form_data(ben.get(provider_edit(doctor)))
    assert anna_form["edit_token"] == ben_form["edit_token"]

    ben_form["bio"] = ["Ben's bio."]
    assert ben.post(provider_edit(doctor), ben_form).status_code == 302

    anna_form["bio"] = ["Anna's bio."]
    anna_form["credentials"] = ["DO"]
    response = anna.post(provider_edit(doctor), anna_form)

    assert response.status_code == 200
    page = soup(response)
    assert "Ben Example" in page.get_text() and "saved this provider after you opened it" in page.get_text()
    assert page.select_one("textarea[name=bio]").text.strip() == "Anna's bio."
    assert page.select_one("select[name=credentials] option[selected]")["value"] == "DO"
    doctor.refresh_from_db()
    assert (doctor.bio, doctor.credentials) == ("Ben's bio.", "MD")

    # Saving the form she got back is a deliberate overwrite, and goes through.
    again = browser_form_data(response)
    assert anna.post(provider_edit(doctor), again).status_code == 302
    doctor.refresh_from_db()
    assert (doctor.bio, doctor.credentials) == ("Anna's bio.", "DO")


def test_a_change_to_a_many_to_many_list_is_a_conflict_too(editors, doctor):
    anna, ben = editors
    anna_form = browser_form_data(anna.get(provider_edit(doctor)))
    ben_form = browser_form_data(ben.get(provider_edit(doctor)))
    ben_form["languages"] = ben_form["languages"] + [str(factories.language("es").pk)]
    assert ben.post(provider_edit(doctor), ben_form).status_code == 302

    anna_form["bio"] = ["Anna's bio."]
    assert anna.post(provider_edit(doctor), anna_form).status_code == 200
    doctor.refresh_from_db()
    assert doctor.bio == "Original bio."
    assert sorted(doctor.languages.values_list("code", flat=True)) == ["en", "es"]


def test_one_editor_saving_twice_is_not_a_conflict(editors, doctor):
    anna, _ = editors
    for bio in ("First.", "Second."):
        form = browser_form_data(anna.get(provider_edit(doctor)))
        form["bio"] = [bio]
        assert anna.post(provider_edit(doctor), form).status_code == 302
    doctor.refresh_from_db()
    assert doctor.bio == "Second."


def test_a_location_edited_by_two_people_keeps_the_first_save(editors):
    anna, ben = editors
    clinic = factories.location("Main Campus")
    url = reverse("find_a_doctor_locations:edit", args=[clinic.pk])
    anna_form = browser_form_data(anna.get(url))
    ben_form = browser_form_data(ben.get(url))
    ben_form["phone"] = ["(562) 555-0199"]
    assert ben.post(url, ben_form).status_code == 302

    anna_form["accessibility_notes"] = ["Ramp at the north door."]
    response = anna.post(url, anna_form)

    assert "saved this location after you opened it" in soup(response).get_text()
    assert soup(response).select_one("textarea[name=accessibility_notes]").text.strip() == "Ramp at the north door."
    assert Location.objects.get(pk=clinic.pk).phone == "(562) 555-0199"


def test_adding_a_provider_has_nothing_to_conflict_with(editors, doctor):
    anna, _ = editors
    form = browser_form_data(anna.get(reverse("find_a_doctor_providers:add")))
    assert "edit_token" not in form or form["edit_token"] == [""]
    assert Provider.objects.count() == 1
