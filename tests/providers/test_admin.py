"""Staff keep the directory current in the Wagtail admin, under "Find a Doctor"."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from providers.models import Location, Provider
from tests.conftest import soup
from tests.providers import factories


@pytest.fixture
def directory_editor(client, django_user_model, db):
    """A member of the "Directory editors" group the migrations create, signed in."""
    user = django_user_model.objects.create_user("editor", "editor@example.invalid", "a-long-password-1")
    user.groups.add(Group.objects.get(name="Directory editors"))
    client.force_login(user)
    return client


@pytest.fixture
def clinic(db):
    return factories.location("Main Campus")


def provider_form(clinic, **overrides):
    data = {
        "first_name": "Nina",
        "last_name": "Newdoc",
        "credentials": "MD",
        "npi": factories.valid_npi(700),
        "slug": "",
        "gender": "female",
        "primary_specialty": factories.hem_onc().pk,
        "accepting_new_patients": "on",
        "min_age": "0",
        "max_age": "21",
        "photo_alt_text": "",
        "bio": "",
        "education": "",
        "board_certifications": "",
        "active": "on",
        "provider_locations": inline_formset(
            [{"location": clinic.pk, "phone": "", "accepting_new_patients": "on"}], min=1
        ),
    }
    data.update(overrides)
    form = nested_form_data(data)
    # Checkbox lists post one value per ticked box.
    form["languages"] = [factories.language("es").pk]
    return form


ADD_PROVIDER = "find_a_doctor_providers:add"
PROVIDERS = "find_a_doctor_providers:index"


def test_a_directory_editor_can_add_a_provider(directory_editor, clinic):
    response = directory_editor.post(reverse(ADD_PROVIDER), provider_form(clinic))

    assert response.status_code == 302
    provider = Provider.objects.get(npi=factories.valid_npi(700))
    assert provider.slug == "nina-newdoc-md"
    assert list(provider.specialties.all()) == [factories.hem_onc()]  # the primary is always included
    assert [pl.location for pl in provider.provider_locations.all()] == [clinic]
    assert list(provider.languages.values_list("code", flat=True)) == ["es"]
    assert "pediatric hematology oncology" in provider.search_text


def test_a_directory_editor_cannot_open_page_editing(directory_editor, home_page):
    response = directory_editor.get(reverse("wagtailadmin_pages:edit", args=[home_page.pk]))

    assert response.status_code in (302, 403)
    assert directory_editor.get(reverse("wagtailadmin_pages:add_subpage", args=[home_page.pk])).status_code in (
        302,
        403,
    )


def test_a_directory_editor_sees_find_a_doctor_and_not_the_page_explorer(directory_editor, home_page):
    page = soup(directory_editor.get(reverse("wagtailadmin_home")))
    text = page.get_text(" ", strip=True)

    assert "Find a Doctor" in str(page)
    assert reverse(PROVIDERS) in str(page)
    assert "wagtailadmin_explore_root" not in text
    assert directory_editor.get(reverse("wagtailadmin_explore_root")).status_code in (302, 403)


def test_directory_editors_group_has_directory_permissions_only(db):
    group = Group.objects.get(name="Directory editors")
    codenames = set(group.permissions.values_list("content_type__app_label", "codename"))

    assert ("wagtailadmin", "access_admin") in codenames
    assert {app for app, _codename in codenames} == {"wagtailadmin", "providers"}
    assert not group.page_permissions.exists()
    assert {p.permission.codename for p in group.collection_permissions.all()} == {"add_image", "choose_image"}


@pytest.mark.parametrize(
    ("npi", "message"),
    [
        ("1234567890", "is not a valid NPI: its last digit does not match the check digit"),
        ("12345", "An NPI is exactly 10 digits"),
    ],
)
def test_a_bad_npi_shows_a_message(admin_client, clinic, npi, message):
    response = admin_client.post(reverse(ADD_PROVIDER), provider_form(clinic, npi=npi))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Provider.objects.exists()


def test_a_duplicate_npi_shows_a_message(admin_client, clinic):
    factories.provider("Already", "Here", npi=factories.valid_npi(700))

    response = admin_client.post(reverse(ADD_PROVIDER), provider_form(clinic))

    assert response.status_code == 200
    assert "Another provider in the directory already has this NPI" in response.content.decode()
    assert Provider.objects.count() == 1


def test_a_photo_without_alt_text_shows_a_message(admin_client, clinic, photo):
    response = admin_client.post(reverse(ADD_PROVIDER), provider_form(clinic, photo=photo.pk))

    assert response.status_code == 200
    assert "Describe the photo for people who cannot see it" in response.content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("zip_code", "ABCDE", "Enter a 5-digit US ZIP code"),
        ("zip_code", "00000", "is not a US ZIP code we know"),
        ("phone", "555", "Enter a real phone number with its area code"),
        ("state", "California", "Ensure this value has at most 2 characters"),
    ],
)
def test_location_form_explains_bad_zip_and_phone(admin_client, field, value, message):
    data = {
        "name": "New Clinic",
        "street": "1 Main Street",
        "city": "Long Beach",
        "state": "CA",
        "zip_code": "90806",
        "phone": "(562) 555-0100",
        "latitude": "",
        "longitude": "",
        "accessibility_notes": "",
        field: value,
    }

    response = admin_client.post(reverse("find_a_doctor_locations:add"), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Location.objects.filter(name="New Clinic").exists()


def test_a_new_location_gets_coordinates_from_its_zip(admin_client):
    data = {
        "name": "New Clinic",
        "street": "1 Main Street",
        "city": "Torrance",
        "state": "ca",
        "zip_code": "90505",
        "phone": "(310) 555-0100",
        "latitude": "",
        "longitude": "",
        "accessibility_notes": "",
    }

    assert admin_client.post(reverse("find_a_doctor_locations:add"), data).status_code == 302

    location = Location.objects.get(name="New Clinic")
    assert location.state == "CA"
    assert location.latitude == pytest.approx(33.81, abs=0.05)


def test_a_locations_hours_and_plans_are_saved_and_shown_on_its_doctors_profiles(
    admin_client, home_page, site_settings
):
    from providers.models import InsurancePlan, Network

    network = Network.objects.create(name="Harbor network")
    medi_cal = InsurancePlan.objects.create(name="Harbor Medi-Cal", insurer="Harbor Health")
    medi_cal.networks.set([network])
    data = {
        "name": "New Clinic", "street": "1 Main Street", "city": "Torrance", "state": "CA", "zip_code": "90505",
        "phone": "(310) 555-0100", "latitude": "", "longitude": "", "accessibility_notes": "",
        "hours": "Monday to Friday, 8 am to 5 pm\nSaturday, 9 am to noon", "insurance_plans": [medi_cal.pk],
    }  # fmt: skip

    assert admin_client.post(reverse("find_a_doctor_locations:add"), data).status_code == 302

    location = Location.objects.get(name="New Clinic")
    assert location.hours == "Monday to Friday, 8 am to 5 pm\nSaturday, 9 am to noon"
    assert list(location.insurance_plans.all()) == [medi_cal]
    doctor = factories.provider("Maria", "Lopez", locations=[location])
    card = soup(admin_client.get(doctor.get_absolute_url())).select_one(".location-card")
    hours = card.select_one(".location-card__hours")
    assert hours.get_text(" ", strip=True) == "Opening hours: Monday to Friday, 8 am to 5 pm Saturday, 9 am to noon"
    assert len(hours.select("br")) == 1
    assert card.select_one(".location-card__plans").get_text(" ", strip=True) == (
        "Insurance this clinic takes: Harbor Medi-Cal"
    )
    # A clinic with neither says nothing about them.
    other = factories.location("Other Clinic")
    bare = soup(admin_client.get(factories.provider("David", "Kim", locations=[other]).get_absolute_url()))
    assert not bare.select(".location-card__hours, .location-card__plans")


def test_listing_names_link_to_the_edit_form(admin_client, clinic):
    provider = factories.provider("Maria", "Lopez")

    page = soup(admin_client.get(reverse(PROVIDERS)))

    link = page.find("a", string=lambda text: text and "Lopez, Maria (MD)" in text)
    assert link["href"] == reverse("find_a_doctor_providers:edit", args=[provider.pk])


def test_admin_listing_search_works_on_this_database(admin_client, clinic):
    factories.provider("Maria", "Lopez")
    factories.provider("David", "Kim")

    by_name = admin_client.get(reverse(PROVIDERS), {"q": "lopez"})
    by_npi = admin_client.get(reverse(PROVIDERS), {"q": Provider.objects.get(last_name="Kim").npi})

    assert by_name.status_code == 200
    assert "Lopez, Maria (MD)" in by_name.content.decode()
    assert "Kim, David (MD)" not in by_name.content.decode()
    assert "Kim, David (MD)" in by_npi.content.decode()
    assert "Lopez, Maria (MD)" not in by_npi.content.decode()


@pytest.mark.parametrize("viewset", ["specialties", "locations", "languages"])
def test_other_admin_listings_search_too(admin_client, clinic, viewset):
    factories.hem_onc()

    response = admin_client.get(reverse(f"find_a_doctor_{viewset}:index"), {"q": "a"})

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({"specialty": "cardiology"}, "Doctor, Heart", "Lopez, Maria"),
        ({"accepting_new_patients": "false"}, "Accepting, Not", "Lopez, Maria"),
        ({"active": "false"}, "Retired, Old", "Lopez, Maria"),
    ],
)
def test_admin_listing_filters(admin_client, clinic, params, shown, hidden):
    cardiology = factories.cardiology()
    factories.provider("Maria", "Lopez")
    factories.provider("Heart", "Doctor", specialties=[cardiology])
    factories.provider("Not", "Accepting", accepting_new_patients=False)
    factories.provider("Old", "Retired", active=False)
    if "specialty" in params:
        params = {"specialty": cardiology.pk}

    content = admin_client.get(reverse(PROVIDERS), params).content.decode()

    assert shown in content
    assert hidden not in content


def test_admin_listing_is_paginated(admin_client, clinic):
    for number in range(55):
        factories.provider("Pat", f"Person{number:02d}", locations=[clinic])

    first = admin_client.get(reverse(PROVIDERS)).content.decode()
    second = admin_client.get(reverse(PROVIDERS), {"p": 2}).content.decode()

    assert "Person00, Pat" in first and "Person54, Pat" not in first
    assert "Person54, Pat" in second
