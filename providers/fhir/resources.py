"""Our directory rows as Plan-Net resources, built from ``fhir.resources``' typed R4B models.

Every builder returns a model instance, never a dict: pydantic checks each
element's type, cardinality and the FHIR id pattern as it is built, and
``views`` serialises it. R4B's Practitioner, PractitionerRole, Location,
Organization, HealthcareService, InsurancePlan and Endpoint have R4's
elements (docs/dependencies.md).

Ids: a provider, a clinic (location), a plan and a provider-at-a-clinic
(PractitionerRole) are their primary keys; the hospital is ``hospital``, the
cancer center ``cancer-center``, a network ``network-<pk>``, a specialty's
service ``specialty-<pk>``, video visits ``telehealth`` and this API's
Endpoint ``directory``. None has an underscore.
"""

from dataclasses import dataclass, field

from django.utils import timezone
from fhir.resources.R4B.address import Address
from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.coding import Coding
from fhir.resources.R4B.contactpoint import ContactPoint
from fhir.resources.R4B.endpoint import Endpoint
from fhir.resources.R4B.extension import Extension
from fhir.resources.R4B.healthcareservice import HealthcareService
from fhir.resources.R4B.humanname import HumanName
from fhir.resources.R4B.identifier import Identifier
from fhir.resources.R4B.insuranceplan import InsurancePlan
from fhir.resources.R4B.location import Location, LocationPosition
from fhir.resources.R4B.meta import Meta
from fhir.resources.R4B.organization import Organization
from fhir.resources.R4B.practitioner import Practitioner, PractitionerQualification
from fhir.resources.R4B.practitionerrole import PractitionerRole
from fhir.resources.R4B.reference import Reference

from base.phone import display_phone
from providers.choices import Credential, Gender, PlanType

from . import plannet

HOSPITAL_ID = "hospital"
CANCER_CENTER_ID = "cancer-center"
TELEHEALTH_ID = "telehealth"
ENDPOINT_ID = "directory"
NETWORK_PREFIX = "network-"
SPECIALTY_PREFIX = "specialty-"

# Degrees in HL7 v2 table 0360, which Plan-Net's qualification value set includes.
DEGREES = {
    Credential.MD: ["MD"],
    Credential.DO: ["DO"],
    Credential.MD_PHD: ["MD", "PHD"],
    Credential.DO_PHD: ["DO", "PHD"],
    Credential.NP: ["NP"],
    Credential.CPNP: ["NP"],
    Credential.PA: ["PA"],
    Credential.PA_C: ["PA"],
    Credential.PHD: ["PHD"],
    Credential.RN: ["RN"],
}
DEGREE_NAMES = {
    "MD": "Doctor of Medicine",
    "DO": "Doctor of Osteopathy",
    "PHD": "Doctor of Philosophy",
    "NP": "Nurse practitioner",
    "PA": "Physician Assistant",
    "RN": "Registered Nurse",
}
# Plan-Net's provider roles (ProviderRoleCS) by credential.
ROLES = {
    Credential.MD: "ph",
    Credential.DO: "ph",
    Credential.MD_PHD: "ph",
    Credential.DO_PHD: "ph",
    Credential.MBBS: "ph",
    Credential.NP: "crnp",
    Credential.CPNP: "crnp",
    Credential.PA: "pa",
    Credential.PA_C: "pa",
    Credential.PSYD: "py",
    Credential.RN: "rn",
    Credential.RD: "dn",
    Credential.LCSW: "sw",
}
GENDERS = {Gender.FEMALE: "female", Gender.MALE: "male", Gender.NONBINARY: "other"}
# Plan-Net's insurance product types (InsuranceProductTypeCS); an extensible binding, so a
# kind of plan it has no code for (CHIP, TRICARE) is sent as text alone.
PRODUCT_TYPES = {
    PlanType.MEDICAID: "medihmo",
    PlanType.COMMERCIAL_HMO: "commhmo",
    PlanType.COMMERCIAL_PPO: "commppo",
    PlanType.MARKETPLACE: "qhp",
}


@dataclass
class Context:
    """What every resource needs beyond its own row: where the API lives and the hospital's settings."""

    base_url: str
    site_settings: object
    now: object = field(default_factory=timezone.now)

    def url(self, resource_type, resource_id):
        """The absolute URL of a resource (``Bundle.entry.fullUrl``)."""
        return f"{self.base_url}/{resource_type}/{resource_id}"

    @property
    def hospital_name(self):
        return self.site_settings.hospital_name

    @property
    def settings_updated(self):
        return getattr(self.site_settings, "updated_at", None) or self.now


# FHIR's tag for test data, on every resource made from fictional demo rows (as the site labels them).
DEMO_TAG = Coding(system="http://terminology.hl7.org/CodeSystem/v3-ActReason", code="HTEST", display="test health data")


def meta(profile, last_updated, demo=False):
    return Meta(profile=[profile], lastUpdated=last_updated, tag=[DEMO_TAG] if demo else None)


def coding(system, code, display=None):
    return Coding(system=system, code=code, display=display or plannet.display(system, code) or None)


def concept(system, code, display=None):
    return CodeableConcept(coding=[coding(system, code, display)])


def reference(resource_type, resource_id, display=None):
    return Reference(reference=f"{resource_type}/{resource_id}", display=display or None)


def phone(value):
    return ContactPoint(system="phone", value=display_phone(value) or value, use="work")


def hospital_reference(context):
    return reference("Organization", HOSPITAL_ID, context.hospital_name)


def specialty_codings(specialties):
    """NUCC codings for the specialties whose codes Plan-Net's required value set allows, in order."""
    allowed = plannet.specialty_codes()
    return [
        CodeableConcept(coding=[Coding(system=plannet.NUCC, code=s.taxonomy_code, display=s.name)], text=s.name)
        for s in specialties
        if s.taxonomy_code in allowed
    ]


def service_id(specialty_pk):
    return f"{SPECIALTY_PREFIX}{specialty_pk}"


def network_id(network_pk):
    return f"{NETWORK_PREFIX}{network_pk}"


def practitioner(provider, context):
    """A provider: NPI, name, gender, degrees and board certifications, languages (``languages`` prefetched)."""
    qualifications = [
        PractitionerQualification(code=concept(plannet.DEGREE, code, DEGREE_NAMES[code]))
        for code in DEGREES.get(provider.credentials, [])
    ]
    if not qualifications and provider.credentials:
        qualifications.append(PractitionerQualification(code=CodeableConcept(text=provider.credentials)))
    qualifications += [
        PractitionerQualification(code=CodeableConcept(text=line)) for line in provider.board_certification_list
    ]
    return Practitioner(
        id=str(provider.pk),
        meta=meta(plannet.PROFILES["Practitioner"], provider.updated_at, provider.is_demo),
        identifier=[
            Identifier(
                use="official",
                type=concept("http://terminology.hl7.org/CodeSystem/v2-0203", "NPI", "National provider identifier"),
                system=plannet.NPI,
                value=provider.npi,
            )
        ],
        active=provider.active,
        name=[
            HumanName(
                use="official",
                text=provider.display_name,
                family=provider.last_name,
                given=[provider.first_name],
                suffix=[provider.credentials] if provider.credentials else None,
            )
        ],
        gender=GENDERS.get(provider.gender),
        qualification=qualifications or None,
        communication=[
            CodeableConcept(
                coding=[Coding(system=plannet.LANGUAGE, code=language.code, display=language.name)],
                text=language.name,
            )
            for language in provider.languages.all()
        ]
        or None,
    )


def role_last_updated(link):
    return max(link.provider.updated_at, link.location.updated_at)


def role_networks(provider):
    """The networks a provider is in, in name order (``insurance_plans__networks__plans`` prefetched).

    Plan-Net says who takes a plan by network, and plans can share one (Medi-Cal and CHIP):
    a provider is in a network when they take every plan that uses it, so no search by
    network finds a provider who does not take the plan the client asked about.
    """
    taken = {plan.pk for plan in provider.insurance_plans.all()}
    networks = {
        network.pk: network
        for plan in provider.insurance_plans.all()
        for network in plan.networks.all()
        if {p.pk for p in network.plans.all()} <= taken
    }
    return sorted(networks.values(), key=lambda network: (network.name, network.pk))


def practitioner_role(link, context):
    """A provider at one clinic: specialty, clinic, phone, new patients, services and networks.

    ``link`` is a ProviderLocation with ``provider`` and ``location`` loaded and the
    provider's ``specialties`` and ``insurance_plans__networks__plans`` prefetched.
    """
    provider, location = link.provider, link.location
    accepting = provider.accepting_new_patients and link.accepting_new_patients
    extensions = [
        Extension(
            url=plannet.EXT_NEW_PATIENTS,
            extension=[
                Extension(
                    url="acceptingPatients",
                    # Not taking new patients here still means seeing the ones they have.
                    valueCodeableConcept=concept(plannet.ACCEPTING_PATIENTS, "newpt" if accepting else "existptonly"),
                )
            ],
        )
    ]
    extensions += [
        Extension(url=plannet.EXT_NETWORK_REFERENCE, valueReference=reference("Organization", network_id(n.pk), n.name))
        for n in role_networks(provider)
    ]
    specialties = provider.specialty_list
    services = [reference("HealthcareService", service_id(s.pk), s.name) for s in specialties]
    if provider.offers_telehealth:
        services.append(reference("HealthcareService", TELEHEALTH_ID, "Video visits (telehealth)"))
    number = link.phone_number or context.site_settings.main_phone
    role = ROLES.get(provider.credentials)
    return PractitionerRole(
        id=str(link.pk),
        meta=meta(plannet.PROFILES["PractitionerRole"], role_last_updated(link), provider.is_demo),
        extension=extensions,
        active=provider.active,
        practitioner=reference("Practitioner", provider.pk, provider.display_name),
        organization=hospital_reference(context),
        code=[concept(plannet.PROVIDER_ROLE, role)] if role else None,
        specialty=specialty_codings(specialties) or None,
        location=[reference("Location", location.pk, location.name)],
        healthcareService=services or None,
        telecom=[phone(number)] if number else None,
    )


def address(street, city, state, postal_code):
    return Address(
        use="work",
        type="physical",
        line=[street] if street else None,
        city=city or None,
        state=state or None,
        postalCode=postal_code or None,
        country="US",
        text=", ".join(part for part in [street, city, f"{state} {postal_code}".strip()] if part) or None,
    )


def location(place, context):
    """A clinic: address, map position, phone, opening hours as the editor wrote them, the hospital that runs it.

    The hours are free text, so they are ``availabilityExceptions`` (a string), not the
    structured ``hoursOfOperation``.
    """
    position = None
    if place.latitude is not None and place.longitude is not None:
        position = LocationPosition(latitude=round(place.latitude, 6), longitude=round(place.longitude, 6))
    return Location(
        id=str(place.pk),
        meta=meta(plannet.PROFILES["Location"], place.updated_at),
        status="active",
        name=place.name,
        description=place.accessibility_notes or None,
        telecom=[phone(place.phone)] if place.phone else None,
        address=address(place.street, place.city, place.state, place.zip_code),
        position=position,
        managingOrganization=hospital_reference(context),
        availabilityExceptions=place.hours.strip() or None,
    )


def _organization(context, resource_id, name, phone_number, part_of=None):
    s = context.site_settings
    return Organization(
        id=resource_id,
        meta=meta(plannet.PROFILES["Organization"], context.settings_updated),
        active=True,
        type=[concept(plannet.ORG_TYPE, "fac")],
        name=name,
        telecom=[phone(phone_number)] if phone_number else None,
        address=[address(s.street_address, s.city, s.state, s.postal_code)],
        partOf=part_of,
        endpoint=[reference("Endpoint", ENDPOINT_ID)],
    )


def hospital(context):
    """The hospital, from site settings."""
    return _organization(context, HOSPITAL_ID, context.hospital_name, context.site_settings.main_phone)


def cancer_center(context):
    """The cancer center, part of the hospital (served when site settings name one)."""
    s = context.site_settings
    return _organization(
        context, CANCER_CENTER_ID, s.cancer_center_name, s.cancer_center_phone, part_of=hospital_reference(context)
    )


def network(row, insurers):
    """A health plan's network, as Plan-Net's Network profile (an Organization).

    ``partOf`` names the insurance company running it (the insurer of the plans
    using it) by display only: insurers are not served as Organizations, since we
    keep no address for them and Plan-Net requires one.
    """
    part_of = Reference(display=" / ".join(insurers)) if insurers else None
    return Organization(
        id=network_id(row.pk),
        meta=meta(plannet.PROFILES["Network"], row.updated_at, row.is_demo),
        active=True,
        type=[concept(plannet.ORG_TYPE, "ntwk")],
        name=row.name,
        partOf=part_of,
    )


def insurance_plan(plan, context):
    """A health plan the hospital's doctors take (``networks`` prefetched)."""
    code = PRODUCT_TYPES.get(plan.plan_type)
    product_type = (
        CodeableConcept(coding=[coding(plannet.PRODUCT_TYPE, code)], text=plan.get_plan_type_display())
        if code
        else CodeableConcept(text=plan.get_plan_type_display())
    )
    insurer = Reference(display=plan.insurer)
    return InsurancePlan(
        id=str(plan.pk),
        meta=meta(plannet.PROFILES["InsurancePlan"], plan.updated_at, plan.is_demo),
        identifier=[Identifier(system=f"{context.base_url}/sid/insurance-plan", value=plan.slug)],
        status="active",
        type=[product_type],
        name=plan.name,
        ownedBy=insurer,
        administeredBy=insurer,
        network=[reference("Organization", network_id(n.pk), n.name) for n in plan.networks.all()] or None,
    )


def _delivery_method(kind, modalities=()):
    parts = [Extension(url="type", valueCodeableConcept=concept(plannet.DELIVERY_METHOD, kind))]
    parts += [
        Extension(url="virtualModalities", valueCodeableConcept=concept(plannet.VIRTUAL_MODALITIES, modality))
        for modality in modalities
    ]
    return Extension(url=plannet.EXT_DELIVERY_METHOD, extension=parts)


def specialty_service(specialty, location_ids, context):
    """A specialty the hospital's clinicians practise, offered at the clinics where they see patients."""
    return HealthcareService(
        id=service_id(specialty.pk),
        meta=meta(plannet.PROFILES["HealthcareService"], specialty.updated_at),
        extension=[_delivery_method("physical")],
        active=True,
        providedBy=hospital_reference(context),
        category=[concept(plannet.SERVICE_CATEGORY, "prov")],
        specialty=specialty_codings([specialty]) or None,
        location=[reference("Location", pk) for pk in location_ids] or None,
        name=specialty.name,
        comment=f"Also known as: {specialty.synonyms}" if specialty.synonyms else None,
        telecom=[phone(context.site_settings.main_phone)] if context.site_settings.main_phone else None,
    )


def telehealth_service(context):
    """Video visits: the clinicians who offer them link to this service from their PractitionerRoles."""
    return HealthcareService(
        id=TELEHEALTH_ID,
        meta=meta(plannet.PROFILES["HealthcareService"], context.settings_updated),
        extension=[_delivery_method("virtual", ["video"])],
        active=True,
        providedBy=hospital_reference(context),
        category=[concept(plannet.SERVICE_CATEGORY, "prov")],
        name="Video visits (telehealth)",
        telecom=[phone(context.site_settings.main_phone)] if context.site_settings.main_phone else None,
    )


def endpoint(context):
    """This API itself."""
    return Endpoint(
        id=ENDPOINT_ID,
        meta=meta(plannet.PROFILES["Endpoint"], context.settings_updated),
        status="active",
        connectionType=Coding(system=plannet.FHIR_CONNECTION_TYPE, code="hl7-fhir-rest", display="HL7 FHIR"),
        name=f"{context.hospital_name} provider directory (FHIR R4, Da Vinci PDex Plan-Net)",
        managingOrganization=hospital_reference(context),
        payloadType=[concept(plannet.ENDPOINT_PAYLOAD_TYPE, "NA")],
        payloadMimeType=["application/fhir+json"],
        address=context.base_url,
    )
