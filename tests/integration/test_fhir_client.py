"""A real FHIR client (fhirclient) uses the directory API served by gunicorn with production settings.

The story of issue 16: a referral app finds every pediatric hematology-oncologist
(NUCC 2080P0207X) who takes new patients and a family's plan within 10 miles of a
ZIP code, with standard Plan-Net queries, reads their clinics and phone numbers,
and pages through the answer; every response it gets validates against the
R4B models.
"""

import json

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhirclient.models.capabilitystatement import CapabilityStatement
from fhirclient.models.fhirsearch import FHIRSearch
from fhirclient.models.insuranceplan import InsurancePlan
from fhirclient.models.practitionerrole import PractitionerRole
from fhirclient.server import FHIRServer

from providers import geo
from tests.faults import AppServer
from tests.helpers import production_env, run_django, run_manage

PRODUCTION = "hospital_site.settings.production"
NEW_PATIENTS = "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/newpatients"

# Runs in the server's database: the test directory, and the answer worked out from the models alone.
SETUP = """
import json
from base.models import SiteSettings
from providers import geo
from providers.models import ProviderLocation
from tests.providers.fhir_helpers import build_directory

row = SiteSettings.load()
row.hospital_name = "Test Children's Hospital"
row.main_phone = "(562) 933-5437"
row.street_address, row.city, row.state, row.postal_code = "1 Hospital Way", "Long Beach", "CA", "90806"
row.save()
d = build_directory()
lat, lon = geo.zip_coordinates("90806")
expected = [
    link.pk
    for link in ProviderLocation.objects.select_related("location", "provider")
    if link.provider.active and link.provider.accepting_new_patients and link.accepting_new_patients
    and link.provider.specialties.filter(taxonomy_code="2080P0207X").exists()
    and link.provider.insurance_plans.filter(name="Harbor Medi-Cal").exists()
    and geo.haversine_miles(lat, lon, link.location.latitude, link.location.longitude) <= 10
]
print(json.dumps(expected))
"""


@pytest.fixture
def server(tmp_path):
    env = production_env(tmp_path, ALLOWED_HOSTS="127.0.0.1", SECURE_SSL_REDIRECT="false", PAGE_CACHE_ENABLED="true")
    migrated = run_manage(["migrate", "--noinput", "-v", "0"], PRODUCTION, env, timeout=600)
    assert migrated.returncode == 0, migrated.stderr
    result = run_django(SETUP, PRODUCTION, env)
    assert result.returncode == 0, result.stderr
    app = AppServer(env, tmp_path)
    app.expected = set(json.loads(result.stdout.strip().splitlines()[-1]))
    yield app
    app.stop()


def test_a_fhir_client_finds_hem_oncs_taking_a_plan_and_new_patients_near_a_zip(server):
    fhir = FHIRServer(None, base_uri=f"http://127.0.0.1:{server.port}/fhir/r4")
    responses = []
    fhir.session.hooks["response"].append(lambda response, *args, **kwargs: responses.append(response))

    fhir.get_capability()
    statement = fhir.capabilityStatement
    assert isinstance(statement, CapabilityStatement)
    assert statement.instantiates == ["http://hl7.org/fhir/us/davinci-pdex-plan-net/CapabilityStatement/plan-net"]

    # The family's plan, by the name on their card; the networks it uses.
    (plan,) = FHIRSearch(InsurancePlan, {"name": "Harbor Medi-Cal"}).perform_resources_iter(fhir)
    networks = ",".join(network.reference for network in plan.network)
    # The ZIP code's centre, from the client's own geocoder.
    latitude, longitude = geo.zip_coordinates("90806")

    search = FHIRSearch(
        PractitionerRole,
        {
            "specialty": "http://nucc.org/provider-taxonomy|2080P0207X",
            "location.near": f"{latitude}|{longitude}|10|[mi_us]",
            "network": networks,
            "_count": "1",  # one per page: the client must follow next links
        },
    )
    search.include("location")
    roles, locations, pages = {}, {}, 0
    for bundle in search.perform_iter(fhir):
        pages += 1
        for entry in bundle.entry or []:
            if entry.resource.resource_type == "PractitionerRole":
                roles[entry.resource.id] = entry.resource
            else:
                locations[f"Location/{entry.resource.id}"] = entry.resource

    def accepts_new_patients(role):
        (extension,) = [e for e in role.extension if e.url == NEW_PATIENTS]
        return extension.extension[0].valueCodeableConcept.coding[0].code == "newpt"

    found = {int(role_id) for role_id, role in roles.items() if accepts_new_patients(role)}
    assert found == server.expected and len(found) == 2
    assert pages >= len(roles) > len(found)  # some near-by hem-oncs take no new patients there
    for role_id in found:
        role = roles[str(role_id)]
        assert role.telecom[0].system == "phone" and role.telecom[0].value
        clinic = locations[role.location[0].reference]
        assert clinic.address.postalCode and clinic.telecom[0].value

    assert len(responses) >= pages + 2
    for response in responses:
        assert response.status_code == 200, response.url
        assert response.headers["Content-Type"] == "application/fhir+json; charset=utf-8"
        body = response.json()
        get_fhir_model_class(body["resourceType"]).model_validate(body)
