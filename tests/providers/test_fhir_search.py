"""Searching the FHIR API: each parameter alone, chains, _has, includes, paging.

Every search is checked against the whole collection read back from the API:
what it returns must be exactly the resources whose content satisfies the
criterion, checked on the JSON a client gets, and never everything or nothing
unless the criterion can only match everything or nothing here.
"""

import math
from datetime import UTC, datetime

import pytest

from providers.fhir import plannet
from providers.fhir.search import TYPES
from providers.models import InsurancePlan, Location, Provider
from tests.providers.fhir_helpers import (
    BASE,
    CARDIOLOGY,
    HEM_ONC,
    LONG_BEACH,
    NUCC,
    build_directory,
    entries,
    everything,
    get_json,
    ids,
    relative,
)

OLD = datetime(2020, 1, 1, tzinfo=UTC)


@pytest.fixture
def d(db, site_settings):
    """The test directory, with a few rows last changed long ago (for _lastUpdated)."""
    made = build_directory()
    Provider.objects.filter(pk__in=[made.ben.pk, made.cara.pk]).update(updated_at=OLD)
    Location.objects.filter(pk=made.irvine.pk).update(updated_at=OLD)
    InsurancePlan.objects.filter(pk=made.chip.pk).update(updated_at=OLD)
    return made


def ref(resource, *path):
    """The references at an element path, e.g. ref(role, "location")."""
    value = resource
    for name in path:
        value = value.get(name) if isinstance(value, dict) else None
    values = value if isinstance(value, list) else [value] if value else []
    return [v["reference"] for v in values if v.get("reference")]


def names(resource):
    found = []
    for name in resource.get("name", []) if isinstance(resource.get("name"), list) else []:
        found += [name.get("family"), *name.get("given", []), *name.get("suffix", []), name.get("text")]
    return [n for n in found if n]


def starts(strings, value):
    return any(s.lower().startswith(value.lower()) for s in strings if s)


def codes(concepts):
    return {(c.get("system"), c["code"]) for concept in concepts or [] for c in concept.get("coding", [])}


def displays(concepts):
    return [c.get("display") for concept in concepts or [] for c in concept.get("coding", [])] + [
        concept.get("text") for concept in concepts or []
    ]


def networks_of(role):
    return [
        e["valueReference"]["reference"] for e in role.get("extension", []) if e["url"] == plannet.EXT_NETWORK_REFERENCE
    ]


def miles(resource, point):
    position = resource.get("position")
    if not position:
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, [point[0], point[1], position["latitude"], position["longitude"]])
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 3958.8 * 2 * math.asin(math.sqrt(a))


def address_parts(address):
    return [*(address.get("line") or []), address.get("city"), address.get("state"), address.get("postalCode"),
            address.get("country")]  # fmt: skip


def updated(resource):
    return datetime.fromisoformat(resource["meta"]["lastUpdated"].replace("Z", "+00:00"))


def target(all, reference):
    """The resource a ``Type/id`` reference points to, from the collections read back."""
    resource_type, _, resource_id = reference.partition("/")
    return all[resource_type][resource_id]


def referring(all, source_type, element, resource):
    """The ``source_type`` resources whose ``element`` refers to ``resource``."""
    wanted = f"{resource['resourceType']}/{resource['id']}"
    return [s for s in all[source_type].values() if wanted in ref(s, element)]


# (resource type, query, predicate(resource, directory) on what the API serves, what it may match)
# "some": neither nothing nor everything; "all"/"none": a parameter that can only match all or none here.
CASES = [
    ("Practitioner", "name=ben", lambda r, d: starts(names(r), "ben"), "some"),
    ("Practitioner", "name=ana alv", lambda r, d: starts(names(r), "ana alv"), "some"),
    ("Practitioner", "name:exact=Chen", lambda r, d: "Chen" in names(r), "some"),
    ("Practitioner", "name:contains=hill", lambda r, d: any("hill" in n.lower() for n in names(r)), "some"),
    ("Practitioner", "family=bak", lambda r, d: starts([r["name"][0]["family"]], "bak"), "some"),
    ("Practitioner", "family:exact=Evans", lambda r, d: r["name"][0]["family"] == "Evans", "some"),
    ("Practitioner", "given=an", lambda r, d: starts(r["name"][0]["given"], "an"), "some"),
    ("Practitioner", "given:exact=Dev", lambda r, d: "Dev" in r["name"][0]["given"], "some"),
    ("Practitioner", "_id={ana},{ben}", lambda r, d: r["id"] in {str(d.ana.pk), str(d.ben.pk)}, "some"),
    ("Practitioner", "_lastUpdated=lt2021-01-01", lambda r, d: updated(r) < datetime(2021, 1, 1, tzinfo=UTC), "some"),
    ("Practitioner", "_lastUpdated=ge2021", lambda r, d: updated(r).year >= 2021, "some"),
    ("Practitioner", "identifier=http://hl7.org/fhir/sid/us-npi|{ana_npi}",
     lambda r, d: r["identifier"][0]["value"] == d.ana.npi, "some"),
    ("Practitioner", "identifier={ben_npi}", lambda r, d: r["identifier"][0]["value"] == d.ben.npi, "some"),
    ("PractitionerRole", "practitioner=Practitioner/{ana}",
     lambda r, d: ref(r, "practitioner") == [f"Practitioner/{d.ana.pk}"], "some"),
    ("PractitionerRole", "organization=Organization/hospital",
     lambda r, d: ref(r, "organization") == ["Organization/hospital"], "all"),
    ("PractitionerRole", "location=Location/{harbor}",
     lambda r, d: f"Location/{d.harbor.pk}" in ref(r, "location"), "some"),
    ("PractitionerRole", "service=HealthcareService/telehealth",
     lambda r, d: "HealthcareService/telehealth" in ref(r, "healthcareService"), "some"),
    ("PractitionerRole", "service=HealthcareService/specialty-{cardiology}",
     lambda r, d: f"HealthcareService/specialty-{d.cardiology.pk}" in ref(r, "healthcareService"), "some"),
    ("PractitionerRole", "network=Organization/network-{harbor_network}",
     lambda r, d: f"Organization/network-{d.harbor_network.pk}" in networks_of(r), "some"),
    ("PractitionerRole", "endpoint=Endpoint/directory", lambda r, d: bool(ref(r, "endpoint")), "none"),
    ("PractitionerRole", "role=ph", lambda r, d: ("ph" in {c for _s, c in codes(r.get("code"))}), "some"),
    ("PractitionerRole", f"role={plannet.PROVIDER_ROLE}|pa",
     lambda r, d: (plannet.PROVIDER_ROLE, "pa") in codes(r.get("code")), "some"),
    ("PractitionerRole", f"specialty={NUCC}|{CARDIOLOGY}",
     lambda r, d: (NUCC, CARDIOLOGY) in codes(r.get("specialty")), "some"),
    ("PractitionerRole", "specialty:text=pediatric card",
     lambda r, d: starts(displays(r.get("specialty")), "pediatric card"), "some"),
    ("PractitionerRole", "_id={ana_main_role}", lambda r, d: r["id"] == str(d.ana_main_role), "some"),
    ("PractitionerRole", "_lastUpdated=lt2021-01-01", lambda r, d: updated(r).year < 2021, "some"),
    ("Location", "partof=Location/{main}", lambda r, d: bool(ref(r, "partOf")), "none"),
    ("Location", "organization=Organization/hospital",
     lambda r, d: ref(r, "managingOrganization") == ["Organization/hospital"], "all"),
    ("Location", "endpoint=Endpoint/directory", lambda r, d: bool(ref(r, "endpoint")), "none"),
    ("Location", "address-city=san", lambda r, d: starts([r["address"]["city"]], "san"), "some"),
    ("Location", "address-city:exact=Irvine", lambda r, d: r["address"]["city"] == "Irvine", "some"),
    ("Location", "address-state=ca", lambda r, d: starts([r["address"]["state"]], "ca"), "all"),
    ("Location", "address-postalcode=926", lambda r, d: starts([r["address"]["postalCode"]], "926"), "some"),
    ("Location", "address-postalcode:contains=73", lambda r, d: "73" in r["address"]["postalCode"], "some"),
    ("Location", "address=irvine", lambda r, d: starts(address_parts(r["address"]), "irvine"), "some"),
    ("Location", "address=5 spec", lambda r, d: starts(address_parts(r["address"]), "5 spec"), "some"),
    ("Location", "type=HOSP", lambda r, d: bool(r.get("type")), "none"),
    ("Location", "near={lat}|{lon}|10|[mi_us]", lambda r, d: miles(r, LONG_BEACH) <= 10, "some"),
    ("Location", "near={lat}|{lon}|20|km", lambda r, d: miles(r, LONG_BEACH) <= 20 * 0.621371, "some"),
    ("Location", "_id={irvine}", lambda r, d: r["id"] == str(d.irvine.pk), "some"),
    ("Location", "_lastUpdated=eb2021", lambda r, d: updated(r).year < 2021, "some"),
    ("Organization", "partof=Organization/hospital",
     lambda r, d: ref(r, "partOf") == ["Organization/hospital"], "some"),
    ("Organization", "endpoint=Endpoint/directory", lambda r, d: "Endpoint/directory" in ref(r, "endpoint"), "some"),
    ("Organization", "address=long", lambda r, d: any(starts(address_parts(a), "long") for a in r.get("address", [])),
     "some"),
    ("Organization", "name=harbor", lambda r, d: starts([r["name"]], "harbor"), "some"),
    ("Organization", "name:contains=cancer", lambda r, d: "cancer" in r["name"].lower(), "some"),
    ("Organization", "type=ntwk", lambda r, d: "ntwk" in {c for _s, c in codes(r["type"])}, "some"),
    ("Organization", f"type={plannet.ORG_TYPE}|fac",
     lambda r, d: (plannet.ORG_TYPE, "fac") in codes(r["type"]), "some"),
    ("Organization", "coverage-area=Location/{main}", lambda r, d: False, "none"),
    ("Organization", "_id=hospital", lambda r, d: r["id"] == "hospital", "some"),
    ("Organization", "_lastUpdated=ge2021", lambda r, d: updated(r).year >= 2021, "all"),
    ("HealthcareService", "location=Location/{irvine}", lambda r, d: f"Location/{d.irvine.pk}" in ref(r, "location"),
     "some"),
    ("HealthcareService", "coverage-area=Location/{main}", lambda r, d: bool(ref(r, "coverageArea")), "none"),
    ("HealthcareService", "organization=Organization/hospital",
     lambda r, d: ref(r, "providedBy") == ["Organization/hospital"], "all"),
    ("HealthcareService", "endpoint=Endpoint/directory", lambda r, d: bool(ref(r, "endpoint")), "none"),
    ("HealthcareService", "name=video", lambda r, d: starts([r["name"]], "video"), "some"),
    ("HealthcareService", "service-category=prov",
     lambda r, d: "prov" in {c for _s, c in codes(r["category"])}, "all"),
    ("HealthcareService", "service-type=57", lambda r, d: bool(r.get("type")), "none"),
    ("HealthcareService", f"specialty={CARDIOLOGY}",
     lambda r, d: CARDIOLOGY in {c for _s, c in codes(r.get("specialty"))}, "some"),
    ("HealthcareService", "_id=telehealth", lambda r, d: r["id"] == "telehealth", "some"),
    ("HealthcareService", "_lastUpdated=ge2021", lambda r, d: updated(r).year >= 2021, "all"),
    ("InsurancePlan", "administered-by=Organization/hospital", lambda r, d: bool(ref(r, "administeredBy")), "none"),
    ("InsurancePlan", "owned-by=Organization/hospital", lambda r, d: bool(ref(r, "ownedBy")), "none"),
    ("InsurancePlan", "coverage-area=Location/{main}", lambda r, d: bool(ref(r, "coverageArea")), "none"),
    ("InsurancePlan", "name=harbor", lambda r, d: starts([r["name"]], "harbor"), "some"),
    ("InsurancePlan", "plan-type=gold", lambda r, d: bool(r.get("plan")), "none"),
    ("InsurancePlan", "identifier={ppo_slug}", lambda r, d: r["identifier"][0]["value"] == d.ppo.slug, "some"),
    ("InsurancePlan", "type=commppo", lambda r, d: "commppo" in {c for _s, c in codes(r["type"])}, "some"),
    ("InsurancePlan", "type:text=chip", lambda r, d: starts(displays(r["type"]), "chip"), "some"),
    ("InsurancePlan", "network=Organization/network-{harbor_network}",
     lambda r, d: f"Organization/network-{d.harbor_network.pk}" in ref(r, "network"), "some"),
    ("InsurancePlan", "_id={ppo}", lambda r, d: r["id"] == str(d.ppo.pk), "some"),
    ("InsurancePlan", "_lastUpdated=lt2021", lambda r, d: updated(r).year < 2021, "some"),
    ("Endpoint", "organization=Organization/hospital",
     lambda r, d: ref(r, "managingOrganization") == ["Organization/hospital"], "all"),
    ("Endpoint", "_id=directory", lambda r, d: r["id"] == "directory", "all"),
    ("Endpoint", "_lastUpdated=lt2021", lambda r, d: updated(r).year < 2021, "none"),
]  # fmt: skip


def fill(query, d):
    return query.format(
        ana=d.ana.pk, ben=d.ben.pk, main=d.main.pk, harbor=d.harbor.pk, irvine=d.irvine.pk, ppo=d.ppo.pk,
        cardiology=d.cardiology.pk, harbor_network=d.harbor_network.pk, ana_npi=d.ana.npi, ben_npi=d.ben.npi,
        ppo_slug=d.ppo.slug, lat=LONG_BEACH[0], lon=LONG_BEACH[1], ana_main_role=d.ana_main_role,
    )  # fmt: skip


@pytest.fixture
def directory(d):
    d.ana_main_role = d.ana.provider_locations.get(location=d.main).pk
    return d


def test_every_search_parameter_we_declare_has_a_case_here():
    covered = {(t, q.split("=")[0].split(":")[0]) for t, q, _p, _k in CASES}
    for resource_type in TYPES:
        for name in resource_type.params:
            assert (resource_type.name, name) in covered, f"{resource_type.name}?{name}= has no test"


@pytest.mark.parametrize("resource_type,query,predicate,kind", CASES, ids=[f"{t}?{q}" for t, q, _p, _k in CASES])
def test_each_parameter_alone_finds_exactly_what_matches(client, directory, resource_type, query, predicate, kind):
    collection = everything(client, resource_type)
    expected = {i for i, resource in collection.items() if predicate(resource, directory)}

    bundle = get_json(client, f"{BASE}/{resource_type}?{fill(query, directory)}&_count=100")

    assert {r["id"] for r in entries(bundle)} == expected
    assert bundle["total"] == len(expected)
    assert {"some": 0 < len(expected) < len(collection), "all": expected == set(collection), "none": not expected}[kind]


CHAINS = [
    ("PractitionerRole", "location.address-postalcode=90731",
     lambda r, d, all: any(target(all, x)["address"]["postalCode"] == "90731" for x in ref(r, "location"))),
    ("PractitionerRole", "practitioner.name=ana",
     lambda r, d, all: starts(names(target(all, ref(r, "practitioner")[0])), "ana")),
    ("PractitionerRole", "location:Location.address-city=san",
     lambda r, d, all: any(starts([target(all, x)["address"]["city"]], "san") for x in ref(r, "location"))),
    ("PractitionerRole", "location.near={lat}|{lon}|10|[mi_us]",
     lambda r, d, all: any(miles(target(all, x), LONG_BEACH) <= 10 for x in ref(r, "location"))),
    ("PractitionerRole", "network.name=coastline",
     lambda r, d, all: any(starts([target(all, x)["name"]], "coastline") for x in networks_of(r))),
    ("PractitionerRole", f"service.specialty={CARDIOLOGY}",
     lambda r, d, all: any((NUCC, CARDIOLOGY) in codes(target(all, x).get("specialty"))
                           for x in ref(r, "healthcareService"))),
    ("HealthcareService", "location.address-city=Irvine",
     lambda r, d, all: any(target(all, x)["address"]["city"] == "Irvine" for x in ref(r, "location"))),
    ("Practitioner", "_has:PractitionerRole:practitioner:location=Location/{harbor}",
     lambda r, d, all: any(f"Location/{d.harbor.pk}" in ref(role, "location")
                           for role in referring(all, "PractitionerRole", "practitioner", r))),
    ("Location", f"_has:PractitionerRole:location:specialty={CARDIOLOGY}",
     lambda r, d, all: any((NUCC, CARDIOLOGY) in codes(role.get("specialty"))
                           for role in referring(all, "PractitionerRole", "location", r))),
    ("Organization", "_has:InsurancePlan:network:name=coastline",
     lambda r, d, all: any(starts([plan["name"]], "coastline")
                           for plan in referring(all, "InsurancePlan", "network", r))),
    ("Organization", "_has:PractitionerRole:network:practitioner=Practitioner/{ben}",
     lambda r, d, all: any(ref(role, "practitioner") == [f"Practitioner/{d.ben.pk}"]
                           for role in all["PractitionerRole"].values()
                           if f"Organization/{r['id']}" in networks_of(role))),
    ("HealthcareService", "_has:PractitionerRole:service:practitioner=Practitioner/{ana}",
     lambda r, d, all: any(ref(role, "practitioner") == [f"Practitioner/{d.ana.pk}"]
                           for role in referring(all, "PractitionerRole", "healthcareService", r))),
]  # fmt: skip


@pytest.mark.parametrize("resource_type,query,predicate", CHAINS, ids=[f"{t}?{q}" for t, q, _p in CHAINS])
def test_chains_and_reverse_chains(client, directory, resource_type, query, predicate):
    collections = {t.name: everything(client, t.name) for t in TYPES}
    expected = {i for i, r in collections[resource_type].items() if predicate(r, directory, collections)}

    bundle = get_json(client, f"{BASE}/{resource_type}?{fill(query, directory)}&_count=100")

    assert {r["id"] for r in entries(bundle)} == expected
    assert 0 < len(expected) < len(collections[resource_type])


# Where each include's references are in the JSON (Plan-Net's SearchParameter expressions).
INCLUDE_PATHS = {
    "PractitionerRole:practitioner": lambda r: ref(r, "practitioner"),
    "PractitionerRole:organization": lambda r: ref(r, "organization"),
    "PractitionerRole:location": lambda r: ref(r, "location"),
    "PractitionerRole:service": lambda r: ref(r, "healthcareService"),
    "PractitionerRole:network": networks_of,
    "PractitionerRole:endpoint": lambda r: ref(r, "endpoint"),
    "Location:endpoint": lambda r: ref(r, "endpoint"),
    "Location:organization": lambda r: ref(r, "managingOrganization"),
    "Location:partof": lambda r: ref(r, "partOf"),
    "Organization:partof": lambda r: ref(r, "partOf"),
    "Organization:endpoint": lambda r: ref(r, "endpoint"),
    "Organization:coverage-area": lambda r: [],
    "HealthcareService:location": lambda r: ref(r, "location"),
    "HealthcareService:coverage-area": lambda r: ref(r, "coverageArea"),
    "HealthcareService:organization": lambda r: ref(r, "providedBy"),
    "HealthcareService:endpoint": lambda r: ref(r, "endpoint"),
    "InsurancePlan:administered-by": lambda r: ref(r, "administeredBy"),
    "InsurancePlan:owned-by": lambda r: ref(r, "ownedBy"),
    "InsurancePlan:coverage-area": lambda r: ref(r, "coverageArea"),
    "InsurancePlan:network": lambda r: ref(r, "network"),
    "Endpoint:organization": lambda r: ref(r, "managingOrganization"),
}
SERVED = {t.name for t in TYPES}
INCLUDES = [(t, v) for t in sorted(SERVED) for v in plannet.capability(t)["searchInclude"]]
REVINCLUDES = [
    (t, v) for t in sorted(SERVED) for v in plannet.capability(t)["searchRevInclude"] if v.split(":")[0] in SERVED
]


# A value for each parameter the guide's SearchParameters let a chain end in, by target type.
CHAIN_VALUES = {
    ("Practitioner", "name"): "ana",
    ("Organization", "name"): "harbor",
    ("Organization", "address"): "long",
    ("Organization", "partof"): "Organization/hospital",
    ("Organization", "type"): "ntwk",
    ("Location", "address"): "irvine",
    ("Location", "address-postalcode"): "90731",
    ("Location", "address-city"): "san",
    ("Location", "address-state"): "ca",
    ("Location", "organization"): "Organization/hospital",
    ("Location", "type"): "HOSP",
    ("HealthcareService", "service-category"): "prov",
    ("HealthcareService", "organization"): "Organization/hospital",
    ("HealthcareService", "location"): "Location/{irvine}",
    ("Endpoint", "organization"): "Organization/hospital",
}
# Every chain the guide declares (SearchParameter.chain) on the reference parameters we serve.
GUIDE_CHAINS = [
    (t.name, p["name"], target, chained)
    for t in TYPES
    for p in plannet.capability(t.name)["searchParam"]
    if p["type"] == "reference"
    for target in plannet.search_parameter(p["definition"]).get("target", [])
    for chained in plannet.search_parameter(p["definition"]).get("chain") or []
]


def test_every_chain_the_guide_declares_has_a_value():
    assert len(GUIDE_CHAINS) == 50  # Plan-Net 1.2.0's, on the seven types served
    assert {(target, chained) for _t, _p, target, chained in GUIDE_CHAINS} <= set(CHAIN_VALUES)


@pytest.mark.parametrize(
    "resource_type,param,target_type,chained", GUIDE_CHAINS, ids=[f"{t}?{p}.{c}" for t, p, _x, c in GUIDE_CHAINS]
)
def test_each_chain_the_guide_declares_finds_what_refers_to_the_targets_it_names(
    client, directory, resource_type, param, target_type, chained
):
    """``type?param.chained=v`` is exactly the resources whose ``param`` refers to a match of ``target?chained=v``."""
    value = fill(CHAIN_VALUES[(target_type, chained)], directory)
    targets = {
        f"{target_type}/{r['id']}"
        for r in entries(get_json(client, f"{BASE}/{target_type}?{chained}={value}&_count=100"))
    }
    expected = {
        i
        for i, r in everything(client, resource_type).items()
        if targets & set(INCLUDE_PATHS[f"{resource_type}:{param}"](r))
    }

    bundle = get_json(client, f"{BASE}/{resource_type}?{param}.{chained}={value}&_count=100")

    assert {r["id"] for r in entries(bundle)} == expected


@pytest.mark.parametrize("resource_type,include", INCLUDES, ids=[i for _t, i in INCLUDES])
def test_each_include_adds_what_the_matches_refer_to(client, directory, resource_type, include):
    collections = {t: everything(client, t) for t in SERVED}
    bundle = get_json(client, f"{BASE}/{resource_type}?_include={include}&_count=100")
    matches = entries(bundle)
    referred = {tuple(x.split("/")) for r in matches for x in INCLUDE_PATHS[include](r)}
    expected = {(t, i) for t, i in referred if i in collections[t]} - ids(bundle)

    assert ids(bundle, "include") == expected
    for resource in entries(bundle, "include"):
        assert resource == collections[resource["resourceType"]][resource["id"]]


@pytest.mark.parametrize("resource_type,revinclude", REVINCLUDES, ids=[i for _t, i in REVINCLUDES])
def test_each_revinclude_adds_what_refers_to_the_matches(client, directory, resource_type, revinclude):
    source, _, param = revinclude.partition(":")
    bundle = get_json(client, f"{BASE}/{resource_type}?_revinclude={revinclude}&_count=100")
    matched = {f"{t}/{i}" for t, i in ids(bundle)}
    expected = {
        (source, i)
        for i, r in everything(client, source).items()
        if matched & set(INCLUDE_PATHS[f"{source}:{param}"](r))
    } - ids(bundle)

    assert ids(bundle, "include") == expected


def test_includes_do_something_somewhere(client, directory):
    """The include tests above are not all vacuous: the main ones bring real resources."""
    bundle = get_json(client, f"{BASE}/PractitionerRole?practitioner=Practitioner/{directory.ana.pk}"
                      "&_include=PractitionerRole:location&_include=PractitionerRole:practitioner"
                      "&_include=PractitionerRole:network&_include=PractitionerRole:service")  # fmt: skip
    included = ids(bundle, "include")
    assert ("Practitioner", str(directory.ana.pk)) in included
    assert {("Location", str(directory.main.pk)), ("Location", str(directory.harbor.pk))} <= included
    assert ("Organization", f"network-{directory.harbor_network.pk}") in included
    assert ("HealthcareService", "telehealth") in included
    bundle = get_json(client, f"{BASE}/Practitioner?_id={directory.ana.pk}&_revinclude=PractitionerRole:practitioner")
    assert len(ids(bundle, "include")) == 2


@pytest.mark.parametrize("resource_type", sorted(SERVED))
@pytest.mark.parametrize("extra", ["", "&_lastUpdated=ge2000"])
def test_the_pages_together_are_the_whole_result(client, directory, resource_type, extra):
    unpaged = get_json(client, f"{BASE}/{resource_type}?_count=100{extra}")
    seen, url = [], f"{BASE}/{resource_type}?_count=2{extra}"
    while url:
        bundle = get_json(client, url)
        assert bundle["total"] == unpaged["total"]
        seen += [r["id"] for r in entries(bundle)]
        links = {link["relation"]: link["url"] for link in bundle["link"]}
        assert links["self"].startswith("http://testserver/fhir/r4/")
        url = relative(links["next"]) if "next" in links else None
        if url:
            assert links["next"].startswith("http://testserver/fhir/r4/")
    assert len(seen) == len(set(seen))
    assert seen == [r["id"] for r in entries(unpaged)]


def test_a_page_stays_put_when_a_provider_is_added_before_it(client, directory):
    first = get_json(client, f"{BASE}/Practitioner?_count=2")
    next_url = relative(next(link["url"] for link in first["link"] if link["relation"] == "next"))
    before = [r["id"] for r in entries(get_json(client, next_url))]
    Provider.objects.filter(pk=directory.ana.pk).update(active=False)  # one of page 1 leaves

    assert [r["id"] for r in entries(get_json(client, next_url))] == before


def test_the_documented_medi_cal_search_never_returns_a_doctor_who_takes_chip_but_not_medi_cal(client, directory):
    """Medi-Cal and CHIP share a network; Plan-Net publishes networks, not plans (docs/fhir.md, "Networks")."""
    # docs/fhir.md, "The search a referral app makes": the plan by name, then its networks.
    (plan,) = entries(get_json(client, f"{BASE}/InsurancePlan?name=Harbor Medi-Cal"))
    networks = ",".join(network["reference"] for network in plan["network"])
    search = (
        f"{BASE}/PractitionerRole?specialty={NUCC}|{HEM_ONC}&location.near={LONG_BEACH[0]}|{LONG_BEACH[1]}|10|[mi_us]"
        f"&network={networks}&_count=100"
    )

    found = {role["practitioner"]["reference"] for role in entries(get_json(client, search))}

    fay, ana = directory.fay, directory.ana
    assert f"Practitioner/{fay.pk}" not in found
    assert found == {f"Practitioner/{p.pk}" for p in (ana, directory.cara, directory.dev)}
    # Every doctor found takes the plan searched for.
    assert all(
        InsurancePlan.objects.filter(name="Harbor Medi-Cal", providers=ref.split("/")[1]).exists() for ref in found
    )
    # Fay's role names no network; the network's own search and includes agree.
    (fay_role,) = [r for r in everything(client, "PractitionerRole").values() if r["practitioner"]["reference"]
                   == f"Practitioner/{fay.pk}"]  # fmt: skip
    assert networks_of(fay_role) == []
    bundle = get_json(client, f"{BASE}/PractitionerRole?_id={fay_role['id']}&_include=PractitionerRole:network")
    assert ids(bundle, "include") == set()
    harbor = f"network-{directory.harbor_network.pk}"
    has = get_json(client, f"{BASE}/Organization?_has:PractitionerRole:network:practitioner=Practitioner/{fay.pk}")
    assert entries(has) == []

    # Taking Medi-Cal too, she is in the network and found.
    fay.insurance_plans.add(directory.medi_cal)
    fay.save()  # a ParentalManyToManyField: written on save
    assert f"Practitioner/{fay.pk}" in {r["practitioner"]["reference"] for r in entries(get_json(client, search))}
    has = get_json(client, f"{BASE}/Organization?_has:PractitionerRole:network:practitioner=Practitioner/{fay.pk}")
    assert [r["id"] for r in entries(has)] == [harbor]
    # Ana stops taking CHIP: she no longer takes every plan of the network, so she leaves it.
    ana.insurance_plans.remove(directory.chip)
    ana.save()
    assert f"Practitioner/{ana.pk}" not in {r["practitioner"]["reference"] for r in entries(get_json(client, search))}


def test_summary_count_gives_the_total_alone(client, directory):
    bundle = get_json(client, f"{BASE}/PractitionerRole?specialty={NUCC}|{CARDIOLOGY}&_summary=count")
    assert bundle["total"] == 2 and "entry" not in bundle


def test_post_search_finds_what_get_finds(client, directory):
    query = f"specialty={NUCC}|{CARDIOLOGY}&location.address-city=san"
    got = get_json(client, f"{BASE}/PractitionerRole?{query}")
    response = client.post(f"{BASE}/PractitionerRole/_search", query, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    posted = response.json()
    assert ids(posted) == ids(got) and len(ids(got)) == 1


def test_inactive_and_deleted_providers_are_never_found(client, directory):
    practitioners = everything(client, "Practitioner")
    roles = everything(client, "PractitionerRole")
    assert str(directory.inactive.pk) not in practitioners and str(directory.deleted_id) not in practitioners
    assert not any(r["practitioner"]["reference"] == f"Practitioner/{directory.inactive.pk}" for r in roles.values())


def test_total_is_counted_up_to_a_limit_unless_asked_for(client, directory, monkeypatch):
    monkeypatch.setattr("providers.fhir.bundles.COUNT_LIMIT", 3)
    roles = len(everything(client, "PractitionerRole"))
    assert roles > 3

    assert "total" not in get_json(client, f"{BASE}/PractitionerRole")
    assert get_json(client, f"{BASE}/PractitionerRole?_total=accurate")["total"] == roles
    assert get_json(client, f"{BASE}/PractitionerRole?_summary=count")["total"] == roles
    assert get_json(client, f"{BASE}/PractitionerRole?practitioner=Practitioner/{directory.ana.pk}")["total"] == 2
    assert "total" not in get_json(
        client, f"{BASE}/PractitionerRole?practitioner=Practitioner/{directory.ana.pk}&_total=none"
    )


def test_includes_stop_at_a_limit_and_say_so(client, directory, monkeypatch):
    monkeypatch.setattr("providers.fhir.bundles.MAX_INCLUDED", 1)
    bundle = get_json(client, f"{BASE}/Location?_id={directory.main.pk}&_revinclude=PractitionerRole:location")

    assert len(entries(bundle, "include")) == 1
    (notice,) = entries(bundle, "outcome")
    assert notice["resourceType"] == "OperationOutcome"
    assert (
        notice["issue"][0]["code"] == "too-costly"
        and "_revinclude=PractitionerRole:location" in notice["issue"][0]["diagnostics"]
    )
