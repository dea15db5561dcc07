"""A small directory for the FHIR API tests, and ways to read the API the way a client does."""

import json
from types import SimpleNamespace
from urllib.parse import urlsplit

from providers.choices import PlanType
from providers.models import InsurancePlan, Network, Provider, ProviderLocation
from tests.providers import factories

BASE = "/fhir/r4"
NUCC = "http://nucc.org/provider-taxonomy"
HEM_ONC = "2080P0207X"
CARDIOLOGY = "2080P0202X"
# ZIP 90806 (the main campus, Long Beach); San Pedro (90731) is about 8 miles away, Irvine (92618) about 28.
LONG_BEACH = (33.8045, -118.1876)


def build_directory():
    """Six active clinicians at three clinics, two networks and three plans, one inactive and one deleted.

    Also a plan with no network and a network with no plan, which the API does not serve.
    """
    hem_onc, cardiology = factories.hem_onc(), factories.cardiology()
    main = factories.location("Main Campus", zip_code="90806", phone="(562) 555-0100")
    harbor = factories.location(
        "Harbor Clinic", zip_code="90731", phone="(310) 555-0111", street="1 Harbor Way", city="San Pedro",
        hours="Monday to Friday, 8 am to 5 pm\nSaturday, 9 am to noon",
    )  # fmt: skip
    irvine = factories.location(
        "Irvine Clinic", zip_code="92618", phone="(949) 555-0122", street="5 Spectrum Drive", city="Irvine"
    )
    harbor_network = Network.objects.create(name="Harbor network")
    coastline_network = Network.objects.create(name="Coastline network")
    medi_cal = InsurancePlan.objects.create(
        name="Harbor Medi-Cal", insurer="Harbor Health", plan_type=PlanType.MEDICAID
    )
    medi_cal.networks.set([harbor_network])
    chip = InsurancePlan.objects.create(name="Harbor Kids CHIP", insurer="Harbor Health", plan_type=PlanType.CHIP)
    chip.networks.set([harbor_network])
    ppo = InsurancePlan.objects.create(
        name="Coastline PPO", insurer="Coastline Insurance", plan_type=PlanType.COMMERCIAL_PPO
    )
    ppo.networks.set([coastline_network])
    main.insurance_plans.set([medi_cal, ppo])
    # What the admin no longer allows but older rows may hold: a plan with no network, and a network no plan uses.
    # Plan-Net's rules cannot be kept for either (network-or-plan-Network; the Network's partOf), so neither is served.
    no_network = InsurancePlan.objects.create(name="Sunrise TRICARE", insurer="Sunrise", plan_type=PlanType.TRICARE)
    unused_network = Network.objects.create(name="Retired network")

    def clinician(first, last, credentials, specialties, locations, plans, **fields):
        made = factories.provider(first, last, credentials, specialties=specialties, locations=locations, **fields)
        made.insurance_plans = plans  # a ParentalManyToManyField: kept on save
        made.save()
        return Provider.objects.get(pk=made.pk)

    ana = clinician(
        "Ana",
        "Alvarez",
        "MD",
        [hem_onc],
        [main, harbor],
        [medi_cal, chip],
        languages=("en", "es"),
        gender="female",
        offers_telehealth=True,
        board_certifications="Pediatric Hematology-Oncology",
    )
    # Ana takes no new patients at the harbor clinic, though she does at the main campus.
    ProviderLocation.objects.filter(provider=ana, location=harbor).update(accepting_new_patients=False)
    ben = clinician("Ben", "Baker", "DO", [hem_onc], [irvine], [ppo], gender="male")
    cara = clinician(
        "Cara", "Chen", "NP", [hem_onc], [main], [medi_cal, chip], languages=("en", "zh-yue"),
        accepting_new_patients=False,
    )  # fmt: skip
    dev = clinician(
        "Dev", "Dhillon", "MD", [cardiology, hem_onc], [harbor], [medi_cal, chip, ppo], languages=("en", "ko")
    )
    # Fay takes CHIP but not Medi-Cal, which share the Harbor network: she is in no network, so a search
    # for Medi-Cal's network cannot return her (docs/fhir.md, "Networks").
    fay = clinician("Fay", "Fischer", "MD", [hem_onc], [main], [chip])
    eve = clinician("Eve", "Evans", "PA-C", [cardiology], [main], [no_network], gender="nonbinary")
    inactive = clinician("Ina", "Inactive", "MD", [hem_onc], [main], [medi_cal, chip], active=False)
    deleted = clinician("Del", "Deleted", "MD", [hem_onc], [main], [])
    deleted_id, deleted_role_id = deleted.pk, deleted.provider_locations.get().pk
    deleted.delete()
    return SimpleNamespace(
        hem_onc=hem_onc, cardiology=cardiology, main=main, harbor=harbor, irvine=irvine,
        harbor_network=harbor_network, coastline_network=coastline_network, medi_cal=medi_cal, chip=chip, ppo=ppo,
        no_network=no_network, unused_network=unused_network,
        ana=ana, ben=ben, cara=cara, dev=dev, eve=eve, fay=fay, inactive=inactive, deleted_id=deleted_id,
        deleted_role_id=deleted_role_id,
    )  # fmt: skip


def relative(url):
    """A link the API wrote (absolute) as a path the test client can get."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def get_json(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, (url, response.status_code, response.content[:500])
    assert response["Content-Type"] == "application/fhir+json; charset=utf-8"
    return json.loads(response.content)


def entries(bundle, mode="match"):
    return [entry["resource"] for entry in bundle.get("entry", []) if entry["search"]["mode"] == mode]


def ids(bundle, mode="match"):
    return {(r["resourceType"], r["id"]) for r in entries(bundle, mode)}


def everything(client, resource_type):
    """Every resource of a type, following next links: {id: resource}."""
    found = {}
    url = f"{BASE}/{resource_type}?_count=100"
    while url:
        bundle = get_json(client, url)
        for resource in entries(bundle):
            found[resource["id"]] = resource
        url = next((relative(link["url"]) for link in bundle["link"] if link["relation"] == "next"), None)
    return found
