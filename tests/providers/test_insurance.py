"""Insurance plans: staff list them, doctors and clinics take them, parents search by them."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from providers import demo
from providers.choices import PlanType
from providers.models import InsurancePlan, Network, Provider
from tests.conftest import soup
from tests.providers import factories

SEARCH = "/find-a-doctor/"


def plan(name, insurer="Harbor Health", plan_type=PlanType.MEDICAID, networks=()):
    made = InsurancePlan.objects.create(name=name, insurer=insurer, plan_type=plan_type)
    made.networks.set(networks)
    return made


@pytest.fixture
def plans(db):
    network = Network.objects.create(name="Harbor network")
    return {
        "medi-cal": plan("Harbor Medi-Cal", networks=[network]),
        "ppo": plan("Coastline PPO", insurer="Coastline", plan_type=PlanType.COMMERCIAL_PPO),
    }


@pytest.fixture
def doctors(home_page, site_settings, all_page, plans):
    lopez = factories.provider("Maria", "Lopez", conditions=[all_page])
    lopez.insurance_plans = [plans["medi-cal"], plans["ppo"]]
    lopez.save()
    kim = factories.provider("David", "Kim")
    kim.insurance_plans = [plans["ppo"]]
    kim.save()
    nobody = factories.provider("Ana", "Unlisted")
    return {"lopez": lopez, "kim": kim, "unlisted": nobody}


def names(response):
    return [h.get_text(strip=True) for h in soup(response).select(".provider-card__name")]


def test_a_plan_gets_a_web_address_from_its_name(db):
    assert plan("Harbor Health Kids CHIP").slug == "harbor-health-kids-chip"


def test_accepts_my_insurance_shows_only_doctors_who_take_the_plan(client, doctors):
    response = client.get(SEARCH, {"insurance": "harbor-medi-cal"})

    assert response.status_code == 200
    assert names(response) == ["Maria Lopez, MD"]
    page = soup(response)
    # The menu lists the plans by the names on a family's card, and the filter in use says which plan.
    menu = page.select_one('select[name="insurance"]')
    assert [option.get_text(strip=True) for option in menu.select("option")] == [
        "Any insurance",
        "Coastline PPO",
        "Harbor Medi-Cal",
    ]
    assert "Harbor Medi-Cal" in page.select_one(".active-filters, .fad-active").get_text(" ", strip=True)


def test_insurance_combines_with_the_other_filters(client, doctors):
    response = client.get(SEARCH, {"insurance": "coastline-ppo", "condition": "acute-lymphoblastic-leukemia"})

    assert names(response) == ["Maria Lopez, MD"]


def test_an_unknown_plan_is_explained_and_every_doctor_still_shows(client, doctors):
    response = client.get(SEARCH, {"insurance": "no-such-plan"})

    assert response.status_code == 200
    assert sorted(names(response)) == ["Ana Unlisted, MD", "David Kim, MD", "Maria Lopez, MD"]
    assert "We don't have that insurance plan in our list" in soup(response).get_text()


def test_the_profile_lists_the_plans_and_asks_families_to_check(client, doctors):
    page = soup(client.get(doctors["lopez"].get_absolute_url()))

    section = page.select_one('[aria-labelledby="insurance-heading"]')
    assert [item.get_text(" ", strip=True) for item in section.select("li")] == [
        "Coastline PPO (Employer or private plan: PPO or EPO)",
        "Harbor Medi-Cal (Medi-Cal / Medicaid managed care)",
    ]
    assert "call to check" in section.get_text()


def test_a_profile_without_plans_says_to_call_rather_than_nothing(client, doctors):
    page = soup(client.get(doctors["unlisted"].get_absolute_url()))

    section = page.select_one('[aria-labelledby="insurance-heading"]')
    assert not section.select("li")
    assert "Please call to ask about your insurance" in section.get_text()


def test_the_profile_costs_the_same_queries_with_one_plan_or_many(client, doctors, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = doctors["kim"].get_absolute_url()
    client.get(url)  # site settings and the site cache, as any warm worker has them
    with CaptureQueriesContext(connection) as one_plan:
        client.get(url)
    kim = doctors["kim"]
    kim.insurance_plans = [plan(f"Plan {number}") for number in range(6)]
    kim.save()
    client.get(url)
    with django_assert_num_queries(len(one_plan)):
        response = client.get(url)
    assert len(soup(response).select('[aria-labelledby="insurance-heading"] li')) == 6


def test_staff_add_a_plan_in_the_admin_and_a_duplicate_name_is_explained(admin_client, plans):
    network = Network.objects.get()
    add = reverse("find_a_doctor_insurance_plans:add")
    form = {"name": "Sunrise CHIP", "slug": "", "insurer": "Sunrise", "plan_type": PlanType.CHIP}

    response = admin_client.post(add, {**form, "networks": [network.pk]})
    assert response.status_code == 302
    created = InsurancePlan.objects.get(name="Sunrise CHIP")
    assert created.slug == "sunrise-chip" and list(created.networks.all()) == [network]

    response = admin_client.post(add, {**form, "name": "Harbor Medi-Cal"})
    assert response.status_code == 200
    assert "Another plan already has this name" in response.content.decode()
    assert "Sunrise" in response.content.decode()  # what the editor typed is still in the form


def test_a_plan_needs_a_network_and_the_form_says_why(admin_client, plans):
    add = reverse("find_a_doctor_insurance_plans:add")
    form = {"name": "Sunrise CHIP", "slug": "", "insurer": "Sunrise", "plan_type": PlanType.CHIP}

    response = admin_client.post(add, form)

    assert response.status_code == 200
    assert "Choose at least one network" in response.content.decode()
    assert not InsurancePlan.objects.filter(name="Sunrise CHIP").exists()
    # Nor can an edit take a plan's last network away.
    medi_cal = plans["medi-cal"]
    edit = reverse("find_a_doctor_insurance_plans:edit", args=[medi_cal.pk])
    page = soup(admin_client.get(edit))
    token = page.select_one('input[name="edit_token"]')["value"]
    response = admin_client.post(
        edit, {"name": medi_cal.name, "slug": medi_cal.slug, "insurer": medi_cal.insurer,
               "plan_type": medi_cal.plan_type, "edit_token": token},
    )  # fmt: skip
    assert "Choose at least one network" in response.content.decode()
    assert list(medi_cal.networks.all()) == [Network.objects.get()]


def test_the_plan_list_shows_each_plans_networks_in_the_same_queries_for_one_plan_or_many(admin_client, plans):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    index = reverse("find_a_doctor_insurance_plans:index")
    admin_client.get(index)
    with CaptureQueriesContext(connection) as two_plans:
        admin_client.get(index)
    coastline = Network.objects.create(name="Coastline network")
    for number in range(5):
        plan(f"Plan {number}", networks=[coastline, Network.objects.get(name="Harbor network")])
    with CaptureQueriesContext(connection) as seven_plans:
        response = admin_client.get(index)

    assert len(seven_plans) == len(two_plans)
    rows = {
        row.select_one("td a").get_text(strip=True): row.get_text(" ", strip=True)
        for row in soup(response).select("tbody tr")
    }
    assert "Networks" in soup(response).select_one("thead").get_text()
    assert "Coastline network, Harbor network" in rows["Plan 0"]
    assert "Harbor network" in rows["Harbor Medi-Cal"]
    # A plan with no network (only older rows can have none) says the API leaves it out.
    assert "None: not in the FHIR directory" in rows["Coastline PPO"]


def test_saving_a_doctor_who_takes_part_of_a_networks_plans_warns_what_the_fhir_directory_leaves_out(
    admin_client, plans
):
    from django.contrib.messages import get_messages
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    chip = plan("Harbor Kids CHIP", plan_type=PlanType.CHIP, networks=[Network.objects.get()])
    doctor = factories.provider("Fay", "Fischer")
    edit = reverse("find_a_doctor_providers:edit", args=[doctor.pk])
    token = soup(admin_client.get(edit)).select_one('input[name="edit_token"]')["value"]
    link = doctor.provider_locations.get()
    form = nested_form_data({
        "first_name": "Fay", "last_name": "Fischer", "credentials": "MD", "npi": doctor.npi, "slug": doctor.slug,
        "gender": "", "primary_specialty": doctor.primary_specialty_id, "accepting_new_patients": "on",
        "min_age": "0", "max_age": "21", "photo_alt_text": "", "bio": "", "education": "",
        "board_certifications": "", "active": "on", "edit_token": token,
        "provider_locations": inline_formset(
            [{"id": link.pk, "location": link.location_id, "phone": "", "accepting_new_patients": "on"}],
            initial=1, min=1,
        ),
    })  # fmt: skip
    form["insurance_plans"] = [chip.pk, plans["ppo"].pk]

    response = admin_client.post(edit, form)

    assert response.status_code == 302, soup(response).select(".error-message")
    assert set(Provider.objects.get(pk=doctor.pk).insurance_plans.all()) == {chip, plans["ppo"]}  # all kept
    (warning,) = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert "does not take Harbor Medi-Cal" in warning and "does not list them in Harbor network" in warning
    # Taking both plans of the network, no warning.
    token = soup(admin_client.get(edit)).select_one('input[name="edit_token"]')["value"]
    form["edit_token"], form["insurance_plans"] = token, [chip.pk, plans["medi-cal"].pk]
    response = admin_client.post(edit, form)
    assert response.status_code == 302
    assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


def test_directory_editors_manage_plans_and_networks(db):
    codenames = set(Group.objects.get(name="Directory editors").permissions.values_list("codename", flat=True))
    for model in ("insuranceplan", "network"):
        assert {f"add_{model}", f"change_{model}", f"delete_{model}", f"view_{model}"} <= codenames


def test_demo_plans_are_labelled_fictional_and_demo_doctors_take_some(db):
    demo.load_demo_providers()
    demo.load_demo_providers()

    plans = InsurancePlan.objects.all()
    assert plans.count() == len(demo.DEMO_PLANS)
    assert all(p.is_demo and "(demo)" in p.name for p in plans)
    assert all(n.is_demo and "(demo)" in n.name for n in Network.objects.all())
    taking = Provider.objects.filter(insurance_plans__isnull=False).distinct().count()
    assert 0 < taking <= demo.LOCAL_COUNT
    # Each demo doctor takes every plan of a network or none of them, so the FHIR API (which
    # publishes networks) and Find a Doctor (which asks by plan) find the same doctors.
    for network in Network.objects.prefetch_related("plans"):
        network_plans = {p.pk for p in network.plans.all()}
        assert len(network_plans) > 1
        for provider in Provider.objects.filter(insurance_plans__in=network_plans).distinct():
            assert network_plans <= set(provider.insurance_plans.values_list("pk", flat=True)), provider
    # Loading again adds no second copy of any link.
    links = Provider.insurance_plans.through.objects.count()
    demo.load_demo_providers()
    assert Provider.insurance_plans.through.objects.count() == links
