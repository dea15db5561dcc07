"""Every resource the FHIR API serves parses with the model library and keeps Plan-Net's rules.

The rules are read from the guide (providers/fhir/data/plannet-1.2.0.json, derived from
its npm package): each profile's required elements, fixed values and invariants, the
invariants evaluated with fhirpathpy exactly as the guide writes them.
"""

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhirpathpy import evaluate

from providers.fhir import plannet
from providers.validators import is_valid_npi
from tests.providers import factories
from tests.providers.fhir_helpers import BASE, HEM_ONC, NUCC, build_directory, everything, get_json

TYPES = [
    "Practitioner",
    "PractitionerRole",
    "Location",
    "Organization",
    "HealthcareService",
    "InsurancePlan",
    "Endpoint",
]


@pytest.fixture
def directory(db, site_settings):
    return build_directory()


@pytest.fixture
def served(client, directory):
    """Every resource of every type, as served by search and by read."""
    found = []
    for resource_type in TYPES:
        for resource_id, resource in everything(client, resource_type).items():
            found.append(resource)
            assert get_json(client, f"{BASE}/{resource_type}/{resource_id}") == resource
    return found


def values_at(resource, path):
    """The values at a dotted element path (lists flattened)."""
    current = [resource]
    for name in path.split("."):
        following = []
        for item in current:
            value = item.get(name) if isinstance(item, dict) else None
            following += value if isinstance(value, list) else [value] if value is not None else []
        current = following
    return current


def test_every_resource_parses_with_the_r4b_models(served):
    assert {r["resourceType"] for r in served} == set(TYPES)
    for resource in served:
        model = get_fhir_model_class(resource["resourceType"]).model_validate(resource)
        assert model.model_dump(mode="json", exclude_none=True) == resource


def test_every_resource_claims_its_profile_and_says_when_it_changed(served):
    for resource in served:
        expected = "Network" if resource["id"].startswith("network-") else resource["resourceType"]
        assert resource["meta"]["profile"] == [plannet.PROFILES[expected]]
        assert resource["meta"]["lastUpdated"]
        assert "_" not in resource["id"]


def test_every_resource_keeps_the_rules_of_its_plan_net_profile(served):
    profiles = plannet.data()["profiles"]
    for resource in served:
        profile = profiles[resource["meta"]["profile"][0]]
        label = f"{resource['resourceType']}/{resource['id']}"
        for path in profile["required"]:
            parent = path.rsplit(".", 1)[0] if "." in path else None
            if parent is None or values_at(resource, parent):
                assert values_at(resource, path), f"{label} lacks {path}, which {profile['type']} requires"
        for path, value in profile["fixed"].items():
            assert values_at(resource, path) in ([value], []), f"{label}: {path} must be {value}"
        for invariant in profile["invariants"]:
            assert evaluate(resource, invariant["expression"]) == [True], f"{label} breaks {invariant['key']}"


# Which elements each of the guide's slices is (how the guide tells them apart: a fixed system or URL).
SLICES = {
    "identifier:NPI": lambda r: [
        i for i in r.get("identifier", []) if i.get("system") == "http://hl7.org/fhir/sid/us-npi"
    ],
    "identifier:CLIA": lambda r: [
        i for i in r.get("identifier", []) if i.get("system") == "urn:oid:2.16.840.1.113883.4.7"
    ],
    "identifier:NAIC": lambda r: [
        i for i in r.get("identifier", []) if i.get("system") == "urn:oid:2.16.840.1.113883.6.300"
    ],
    "extension:newpatients": lambda r: [e for e in r.get("extension", []) if e["url"] == plannet.EXT_NEW_PATIENTS],
}


def test_slices_keep_the_guides_rules_the_npi_check_digit_among_them(served):
    profiles = plannet.data()["profiles"]
    checked = set()
    for resource in served:
        for slice_name, invariants in profiles[resource["meta"]["profile"][0]]["sliceInvariants"].items():
            for element in SLICES[slice_name](resource):
                checked.add((resource["resourceType"], slice_name))
                for invariant in invariants:
                    assert evaluate(element, invariant["expression"]) == [True], (resource["id"], invariant["key"])
    # US Core's us-core-17 is the NPI's Luhn check digit, and it ran on every Practitioner.
    assert {("Practitioner", "identifier:NPI"), ("PractitionerRole", "extension:newpatients")} <= checked


def test_the_guides_npi_rule_rejects_a_wrong_check_digit():
    rules = plannet.data()["profiles"][plannet.PROFILES["Practitioner"]]["sliceInvariants"]["identifier:NPI"]
    (rule,) = [r for r in rules if r["key"] == "us-core-17"]
    assert evaluate({"value": "1234567893"}, rule["expression"]) == [True]
    assert evaluate({"value": "1234567890"}, rule["expression"]) == [False]


def test_specialties_come_from_plan_nets_nucc_value_set(served, directory):
    allowed = plannet.specialty_codes()
    roles = [r for r in served if r["resourceType"] == "PractitionerRole"]
    codes = [c for role in roles for s in role.get("specialty", []) for c in s["coding"]]
    assert codes and all(c["system"] == NUCC and c["code"] in allowed for c in codes)
    assert HEM_ONC in {c["code"] for c in codes}


def test_a_practitioner_carries_the_npi_names_degrees_and_languages(client, directory):
    ana = get_json(client, f"{BASE}/Practitioner/{directory.ana.pk}")

    assert ana["identifier"][0]["system"] == "http://hl7.org/fhir/sid/us-npi"
    assert ana["identifier"][0]["value"] == directory.ana.npi and is_valid_npi(directory.ana.npi)
    assert ana["name"][0]["family"] == "Alvarez" and ana["name"][0]["given"] == ["Ana"]
    assert ana["gender"] == "female"
    assert ana["qualification"][0]["code"]["coding"][0]["code"] == "MD"
    assert ana["qualification"][1]["code"]["text"] == "Pediatric Hematology-Oncology"
    assert [c["coding"][0]["code"] for c in ana["communication"]] == ["en", "es"]


def test_a_role_says_whether_new_patients_are_taken_there_and_which_networks(client, directory):
    roles = {r["location"][0]["reference"]: r for r in everything(client, "PractitionerRole").values()
             if r["practitioner"]["reference"] == f"Practitioner/{directory.ana.pk}"}  # fmt: skip

    def accepting(role):
        (extension,) = [e for e in role["extension"] if e["url"] == plannet.EXT_NEW_PATIENTS]
        return extension["extension"][0]["valueCodeableConcept"]["coding"][0]["code"]

    main, harbor = roles[f"Location/{directory.main.pk}"], roles[f"Location/{directory.harbor.pk}"]
    assert accepting(main) == "newpt" and accepting(harbor) == "existptonly"
    assert main["telecom"] == [{"system": "phone", "value": "(562) 555-0100", "use": "work"}]
    networks = [e["valueReference"] for e in main["extension"] if e["url"] == plannet.EXT_NETWORK_REFERENCE]
    assert networks == [
        {"reference": f"Organization/network-{directory.harbor_network.pk}", "display": "Harbor network"}
    ]
    # Video visits: the telehealth service, whose delivery method is virtual (video).
    assert {"reference": "HealthcareService/telehealth", "display": "Video visits (telehealth)"} in main[
        "healthcareService"
    ]


def test_video_visits_are_a_virtual_service(client, directory):
    service = get_json(client, f"{BASE}/HealthcareService/telehealth")
    (method,) = [e for e in service["extension"] if e["url"] == plannet.EXT_DELIVERY_METHOD]
    parts = {p["url"]: p["valueCodeableConcept"]["coding"][0]["code"] for p in method["extension"]}
    assert parts == {"type": "virtual", "virtualModalities": "video"}


def test_a_location_has_its_address_position_phone_and_hours(client, directory):
    harbor = get_json(client, f"{BASE}/Location/{directory.harbor.pk}")

    assert harbor["address"]["line"] == ["1 Harbor Way"] and harbor["address"]["postalCode"] == "90731"
    assert harbor["position"] == {"latitude": 33.7339, "longitude": -118.2914}
    assert harbor["telecom"][0]["value"] == "(310) 555-0111"
    assert harbor["status"] == "active"
    # Opening hours are free text in the admin: availabilityExceptions, not the structured hoursOfOperation.
    assert harbor["availabilityExceptions"] == "Monday to Friday, 8 am to 5 pm\nSaturday, 9 am to noon"
    assert "hoursOfOperation" not in harbor
    assert "availabilityExceptions" not in get_json(client, f"{BASE}/Location/{directory.main.pk}")


def test_the_hospital_the_cancer_center_and_the_networks_are_organizations(client, directory, site_settings):
    organizations = everything(client, "Organization")

    assert organizations["hospital"]["name"] == site_settings.hospital_name
    assert organizations["cancer-center"]["partOf"]["reference"] == "Organization/hospital"
    network = organizations[f"network-{directory.harbor_network.pk}"]
    assert network["type"][0]["coding"][0]["code"] == "ntwk"
    assert network["partOf"] == {"display": "Harbor Health"}


def test_an_insurance_plan_lists_its_networks(client, directory):
    plan = get_json(client, f"{BASE}/InsurancePlan/{directory.ppo.pk}")

    assert plan["name"] == "Coastline PPO"
    assert plan["type"][0]["coding"][0]["code"] == "commppo"
    assert plan["network"] == [
        {"reference": f"Organization/network-{directory.coastline_network.pk}", "display": "Coastline network"}
    ]
    assert plan["ownedBy"] == {"display": "Coastline Insurance"}


def test_a_plan_with_no_network_and_a_network_no_plan_uses_are_not_served(client, directory):
    """Plan-Net cannot describe either (network-or-plan-Network; a Network's required partOf), so neither is served."""
    plans, organizations = everything(client, "InsurancePlan"), everything(client, "Organization")

    assert str(directory.no_network.pk) not in plans and str(directory.ppo.pk) in plans
    assert f"network-{directory.unused_network.pk}" not in organizations
    assert f"network-{directory.harbor_network.pk}" in organizations
    response = client.get(f"{BASE}/InsurancePlan/{directory.no_network.pk}")
    assert response.status_code == 404
    assert "lists no network" in response.json()["issue"][0]["diagnostics"]
    assert client.get(f"{BASE}/Organization/network-{directory.unused_network.pk}").status_code == 404
    # Found by no search either.
    assert get_json(client, f"{BASE}/InsurancePlan?name=sunrise")["total"] == 0
    assert get_json(client, f"{BASE}/Organization?name=retired")["total"] == 0

    # Given a network, the plan is served, and keeps the rule.
    directory.no_network.networks.add(directory.unused_network)
    plan = get_json(client, f"{BASE}/InsurancePlan/{directory.no_network.pk}")
    assert evaluate(plan, "network.exists() or plan.network.exists()") == [True]
    network = get_json(client, f"{BASE}/Organization/network-{directory.unused_network.pk}")
    assert network["partOf"] == {"display": "Sunrise"}


def test_the_endpoint_is_this_api(client, directory):
    endpoint = get_json(client, f"{BASE}/Endpoint/directory")
    assert endpoint["address"] == "http://testserver/fhir/r4"
    assert endpoint["payloadMimeType"] == ["application/fhir+json"]


def test_fictional_demo_rows_are_tagged_as_test_data(client, directory):
    demo = factories.provider("Demo", "Doctor", is_demo=True)
    tag = {
        "system": "http://terminology.hl7.org/CodeSystem/v3-ActReason",
        "code": "HTEST",
        "display": "test health data",
    }

    assert get_json(client, f"{BASE}/Practitioner/{demo.pk}")["meta"]["tag"] == [tag]
    role = get_json(client, f"{BASE}/PractitionerRole/{demo.provider_locations.get().pk}")
    assert role["meta"]["tag"] == [tag]
    assert "tag" not in get_json(client, f"{BASE}/Practitioner/{directory.ana.pk}")["meta"]
