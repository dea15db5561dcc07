"""The CapabilityStatement at ``metadata``: Plan-Net's, as this server implements it.

Each resource's profiles, search parameters (name, type, definition),
``_include`` and ``_revinclude`` values come from the guide's own
CapabilityStatement (``plannet.data()``), less the OrganizationAffiliation
entries (we serve no OrganizationAffiliation), plus ``Practitioner?identifier``
and ``Location?near``.
"""

from fhir.resources.R4B.capabilitystatement import (
    CapabilityStatement,
    CapabilityStatementImplementation,
    CapabilityStatementRest,
    CapabilityStatementRestResource,
    CapabilityStatementRestResourceInteraction,
    CapabilityStatementRestResourceSearchParam,
    CapabilityStatementRestSecurity,
    CapabilityStatementSoftware,
)

from . import plannet
from .search import TYPES

INTERACTIONS = ["read", "search-type"]
SEARCH_RESULT_PARAMETERS = (
    "Also: _count (at most 100 per page), _summary=count, _total=none, _cursor (written by the server in next links), "
    "_include and _revinclude as listed, chained parameters on every reference parameter, _has reverse chains, "
    "and POST [type]/_search."
)


def served(include):
    """Whether an _include/_revinclude value names a resource type we serve."""
    return include.split(":", 1)[0] in {t.name for t in TYPES}


def capability_statement(context):
    """This server's CapabilityStatement (a typed model)."""
    entries = []
    for resource_type in TYPES:
        guide = plannet.capability(resource_type.name)
        params = [
            CapabilityStatementRestResourceSearchParam(name=p["name"], type=p["type"], definition=p["definition"])
            for p in guide["searchParam"]
        ]
        params += [
            CapabilityStatementRestResourceSearchParam(name=name, type=kind, definition=definition)
            for name, (kind, definition) in resource_type.extra_params.items()
        ]
        entries.append(
            CapabilityStatementRestResource(
                type=resource_type.name,
                supportedProfile=guide["supportedProfile"],
                interaction=[CapabilityStatementRestResourceInteraction(code=code) for code in INTERACTIONS],
                versioning="no-version",
                readHistory=False,
                conditionalRead="modified-since",
                referencePolicy=["local", "resolves"],
                searchInclude=[v for v in guide["searchInclude"] if served(v)] or None,
                searchRevInclude=[v for v in guide["searchRevInclude"] if served(v)] or None,
                searchParam=params,
            )
        )
    return CapabilityStatement(
        id="directory",
        url=f"{context.base_url}/metadata",
        name="HospitalProviderDirectory",
        title=f"{context.hospital_name} provider directory",
        status="active",
        date=context.settings_updated,
        publisher=context.hospital_name,
        description="Read-only FHIR R4 provider directory of the hospital's clinicians, clinics, services, "
        "networks and insurance plans, following Da Vinci PDex Plan-Net 1.2.0. Public: no authentication.",
        kind="instance",
        instantiates=[plannet.CAPABILITY_STATEMENT],
        software=CapabilityStatementSoftware(name="Children's hospital website (Django, Wagtail)"),
        implementation=CapabilityStatementImplementation(
            description=f"{context.hospital_name} provider directory", url=context.base_url
        ),
        fhirVersion="4.0.1",
        format=["json", "application/fhir+json"],
        implementationGuide=[plannet.data()["implementationGuide"]],
        rest=[
            CapabilityStatementRest(
                mode="server",
                documentation=SEARCH_RESULT_PARAMETERS,
                security=CapabilityStatementRestSecurity(
                    cors=True, description="Public and read-only: no authentication, CORS open to any origin."
                ),
                resource=entries,
            )
        ],
    )
