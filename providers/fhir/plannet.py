"""What the Da Vinci PDex Plan-Net implementation guide says, read from ``data/plannet-1.2.0.json``.

That file is derived from the guide's npm package by ``data/derive_plannet.py``
(see ``data/README.md``); nothing here is typed in from memory except the URLs
of code systems the guide borrows from FHIR itself.
"""

import json
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "plannet-1.2.0.json"

IG = "http://hl7.org/fhir/us/davinci-pdex-plan-net"
STRUCTURE = f"{IG}/StructureDefinition"
CODE_SYSTEM = f"{IG}/CodeSystem"
CAPABILITY_STATEMENT = f"{IG}/CapabilityStatement/plan-net"

PROFILES = {
    "Practitioner": f"{STRUCTURE}/plannet-Practitioner",
    "PractitionerRole": f"{STRUCTURE}/plannet-PractitionerRole",
    "Location": f"{STRUCTURE}/plannet-Location",
    "Organization": f"{STRUCTURE}/plannet-Organization",
    "Network": f"{STRUCTURE}/plannet-Network",
    "HealthcareService": f"{STRUCTURE}/plannet-HealthcareService",
    "InsurancePlan": f"{STRUCTURE}/plannet-InsurancePlan",
    "Endpoint": f"{STRUCTURE}/plannet-Endpoint",
}

EXT_NEW_PATIENTS = f"{STRUCTURE}/newpatients"
EXT_DELIVERY_METHOD = f"{STRUCTURE}/delivery-method"
EXT_NETWORK_REFERENCE = f"{STRUCTURE}/network-reference"

ACCEPTING_PATIENTS = f"{CODE_SYSTEM}/AcceptingPatientsCS"
DELIVERY_METHOD = f"{CODE_SYSTEM}/DeliveryMethodCS"
VIRTUAL_MODALITIES = f"{CODE_SYSTEM}/VirtualModalitiesCS"
ORG_TYPE = f"{CODE_SYSTEM}/OrgTypeCS"
PROVIDER_ROLE = f"{CODE_SYSTEM}/ProviderRoleCS"
SERVICE_CATEGORY = f"{CODE_SYSTEM}/HealthcareServiceCategoryCS"
PRODUCT_TYPE = f"{CODE_SYSTEM}/InsuranceProductTypeCS"
ENDPOINT_CONNECTION_TYPE = f"{CODE_SYSTEM}/EndpointConnectionTypeCS"
ENDPOINT_PAYLOAD_TYPE = f"{CODE_SYSTEM}/EndpointPayloadTypeCS"
SPECIALTIES_VALUE_SET = f"{IG}/ValueSet/IndividualAndGroupSpecialtiesVS"

# Code systems from FHIR and elsewhere that the guide's profiles use.
NPI = "http://hl7.org/fhir/sid/us-npi"
NUCC = "http://nucc.org/provider-taxonomy"
DEGREE = "http://terminology.hl7.org/CodeSystem/v2-0360|2.7"
LANGUAGE = "urn:ietf:bcp:47"
FHIR_CONNECTION_TYPE = "http://terminology.hl7.org/CodeSystem/endpoint-connection-type"


@cache
def data():
    """The derived guide data (parsed once per process)."""
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def capability(resource_type):
    """The guide's CapabilityStatement entry for a resource type: profiles, search params, includes."""
    return data()["capabilityStatement"]["resources"][resource_type]


def search_parameter(definition):
    """A SearchParameter the guide defines (code, type, expression, target, chain, modifier), or None."""
    return data()["searchParameters"].get(definition)


@cache
def specialty_codes():
    """The NUCC codes Plan-Net's PractitionerRole.specialty value set allows (a required binding)."""
    return frozenset(code for system, code in data()["valueSets"][SPECIALTIES_VALUE_SET] if system == NUCC)


def display(system, code):
    """A code's display text in one of the guide's code systems."""
    return data()["codeSystems"].get(system, {}).get(code, "")
