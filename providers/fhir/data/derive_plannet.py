"""Write ``plannet-1.2.0.json`` from the Da Vinci PDex Plan-Net package, offline.

    npm pack hl7.fhir.us.davinci-pdex-plan-net@1.2.0 && tar xzf hl7.fhir.us.davinci-pdex-plan-net-1.2.0.tgz
    python providers/fhir/data/derive_plannet.py package/ > providers/fhir/data/plannet-1.2.0.json

The API's CapabilityStatement, its search parameters, the profile rules the
tests check and the NUCC specialty codes all come from this file, so what we
claim is what the guide says rather than what someone remembered of it.
Keeps only what we use: the resource types we serve (not OrganizationAffiliation),
the search parameters their CapabilityStatement entries name, each profile's
required top-level elements, fixed values and invariants, and the value sets
our codes must come from.
"""

import json
import sys
from pathlib import Path

SERVED = [
    "Endpoint",
    "HealthcareService",
    "InsurancePlan",
    "Location",
    "Organization",
    "Practitioner",
    "PractitionerRole",
]
VALUE_SETS = [
    "IndividualAndGroupSpecialtiesVS",
    "NetworkTypeVS",
    "PractitionerRoleVS",
]
CODE_SYSTEMS = [
    "AcceptingPatientsCS",
    "DeliveryMethodCS",
    "EndpointConnectionTypeCS",
    "EndpointPayloadTypeCS",
    "HealthcareServiceCategoryCS",
    "InsurancePlanTypeCS",
    "InsuranceProductTypeCS",
    "OrgTypeCS",
    "ProviderRoleCS",
    "VirtualModalitiesCS",
]
# Invariants every element has in FHIR itself (ele-1, ext-1, dom-*): the model library checks those.
BASE_INVARIANT_PREFIXES = ("ele-", "ext-", "dom-")


def load(folder, name):
    return json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))


def capability(folder):
    statement = load(folder, "CapabilityStatement-plan-net")
    resources = {}
    for entry in statement["rest"][0]["resource"]:
        if entry["type"] not in SERVED:
            continue
        resources[entry["type"]] = {
            "supportedProfile": entry.get("supportedProfile", []),
            "interaction": [item["code"] for item in entry.get("interaction", [])],
            "searchParam": [
                {"name": param["name"], "type": param["type"], "definition": param["definition"]}
                for param in entry.get("searchParam", [])
            ],
            "searchInclude": entry.get("searchInclude", []),
            "searchRevInclude": entry.get("searchRevInclude", []),
        }
    return {"url": statement["url"], "version": statement["version"], "resources": resources}


def search_parameters(folder, resources):
    wanted = {param["definition"] for entry in resources.values() for param in entry["searchParam"]}
    found = {}
    for path in sorted(folder.glob("SearchParameter-*.json")):
        parameter = json.loads(path.read_text(encoding="utf-8"))
        if parameter["url"] in wanted:
            found[parameter["url"]] = {
                key: parameter.get(key) for key in ("code", "base", "type", "expression", "target", "chain", "modifier")
            }
    return found


def profiles(folder):
    found = {}
    for path in sorted(folder.glob("StructureDefinition-plannet-*.json")):
        definition = json.loads(path.read_text(encoding="utf-8"))
        if definition["type"] not in SERVED:
            continue
        required, fixed, invariants, slices = [], {}, [], {}
        for element in definition["snapshot"]["element"]:
            path_name = element["path"]
            depth = path_name.count(".")
            # Required elements, and required parts of them (Practitioner.name.family), slices aside.
            if depth in (1, 2) and ":" not in element["id"] and element.get("min", 0) >= 1:
                required.append(path_name.split(".", 1)[1])
            if depth == 1 and ":" not in element["id"]:
                for key, value in element.items():
                    if key.startswith(("fixed", "pattern")):
                        fixed[path_name.split(".", 1)[1]] = value
            # Rules on one slice of an element (the NPI among a Practitioner's identifiers).
            if depth == 1 and ":" in element["id"] and element["id"].count(":") == 1:
                rules = [c for c in element.get("constraint", []) if not c["key"].startswith(BASE_INVARIANT_PREFIXES)]
                if rules:
                    slices[element["id"].split(".", 1)[1]] = [
                        {"key": c["key"], "severity": c["severity"], "human": c["human"], "expression": c["expression"]}
                        for c in rules
                    ]
            if depth == 0:
                for constraint in element.get("constraint", []):
                    if not constraint["key"].startswith(BASE_INVARIANT_PREFIXES):
                        invariants.append(
                            {
                                "key": constraint["key"],
                                "severity": constraint["severity"],
                                "human": constraint["human"],
                                "expression": constraint["expression"],
                            }
                        )
        found[definition["url"]] = {
            "type": definition["type"],
            "required": required,
            "fixed": fixed,
            "invariants": invariants,
            "sliceInvariants": slices,
        }
    return found


def value_sets(folder):
    found = {}
    for name in VALUE_SETS:
        value_set = load(folder, f"ValueSet-{name}")
        codes = []
        for include in value_set["compose"]["include"]:
            codes += [[include["system"], concept["code"]] for concept in include.get("concept", [])]
            if "concept" not in include and "system" in include:
                codes.append([include["system"], "*"])
        found[value_set["url"]] = codes
    return found


def code_systems(folder):
    found = {}
    for name in CODE_SYSTEMS:
        system = load(folder, f"CodeSystem-{name}")
        found[system["url"]] = {concept["code"]: concept.get("display", "") for concept in system["concept"]}
    return found


def main(folder):
    folder = Path(folder)
    package = load(folder, "package")
    statement = capability(folder)
    data = {
        "source": f"npm package {package['name']}@{package['version']} (HL7 Da Vinci PDex Plan-Net), "
        "derived by providers/fhir/data/derive_plannet.py",
        "implementationGuide": "http://hl7.org/fhir/us/davinci-pdex-plan-net/ImplementationGuide/"
        "hl7.fhir.us.davinci-pdex-plan-net",
        "capabilityStatement": statement,
        "searchParameters": search_parameters(folder, statement["resources"]),
        "profiles": profiles(folder),
        "valueSets": value_sets(folder),
        "codeSystems": code_systems(folder),
    }
    json.dump(data, sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "package")
