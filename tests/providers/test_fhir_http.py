"""The FHIR API over HTTP: the CapabilityStatement, errors as OperationOutcomes, headers, query counts."""

import json
import logging

import pytest
from django.db import DatabaseError, OperationalError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date
from fhir.resources.R4B.capabilitystatement import CapabilityStatement
from fhir.resources.R4B.operationoutcome import OperationOutcome

from providers.fhir import plannet
from providers.fhir.search import TYPES
from providers.models import Provider
from tests.providers import factories
from tests.providers.fhir_helpers import BASE, CARDIOLOGY, HEM_ONC, LONG_BEACH, NUCC, build_directory, get_json

SERVED = {t.name for t in TYPES}


@pytest.fixture
def d(db, site_settings):
    return build_directory()


def outcome(response, status, code):
    """The response is ``status`` with an OperationOutcome whose one issue has ``code``."""
    assert response.status_code == status, (response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/fhir+json; charset=utf-8"
    parsed = OperationOutcome.model_validate_json(response.content)
    assert [issue.code for issue in parsed.issue] == [code]
    assert parsed.issue[0].severity == "error" and parsed.issue[0].diagnostics
    return parsed.issue[0].diagnostics


def test_capability_statement_instantiates_plan_net_and_lists_what_the_guide_lists(client, d):
    statement = get_json(client, f"{BASE}/metadata")
    CapabilityStatement.model_validate(statement)

    assert statement["fhirVersion"] == "4.0.1" and statement["kind"] == "instance"
    assert statement["instantiates"] == ["http://hl7.org/fhir/us/davinci-pdex-plan-net/CapabilityStatement/plan-net"]
    assert statement["implementation"]["url"] == "http://testserver/fhir/r4"
    (rest,) = statement["rest"]
    listed = {entry["type"]: entry for entry in rest["resource"]}
    assert set(listed) == SERVED
    for resource_type, entry in listed.items():
        guide = plannet.capability(resource_type)
        assert entry["supportedProfile"] == guide["supportedProfile"]
        assert {i["code"] for i in entry["interaction"]} == {"read", "search-type"}
        params = {(p["name"], p["type"], p["definition"]) for p in entry["searchParam"]}
        assert {(p["name"], p["type"], p["definition"]) for p in guide["searchParam"]} <= params
        # Practitioner?identifier, Location?near and InsurancePlan?network are ours on top of the guide's.
        assert len(params) - len(guide["searchParam"]) == {"Practitioner": 1, "Location": 1, "InsurancePlan": 1}.get(
            resource_type, 0
        )
        assert entry.get("searchInclude", []) == guide["searchInclude"]
        assert entry.get("searchRevInclude", []) == [
            v for v in guide["searchRevInclude"] if not v.startswith("OrganizationAffiliation:")
        ]


def test_unknown_ids_are_404_and_removed_providers_and_roles_410(client, d):
    outcome(client.get(f"{BASE}/Practitioner/999999"), 404, "not-found")
    outcome(client.get(f"{BASE}/Location/not-a-number"), 404, "not-found")
    outcome(client.get(f"{BASE}/Organization/network-999"), 404, "not-found")
    outcome(client.get(f"{BASE}/Patient/1"), 404, "not-supported")
    outcome(client.get(f"{BASE}/Practitioner/{d.inactive.pk}"), 410, "deleted")
    outcome(client.get(f"{BASE}/Practitioner/{d.deleted_id}"), 410, "deleted")
    role = d.inactive.provider_locations.get()
    outcome(client.get(f"{BASE}/PractitionerRole/{role.pk}"), 410, "deleted")
    # A deleted provider's roles are gone too, as is a role whose clinic an editor took off the provider.
    outcome(client.get(f"{BASE}/PractitionerRole/{d.deleted_role_id}"), 410, "deleted")
    ana = Provider.objects.get(pk=d.ana.pk)
    harbor_role = ana.provider_locations.get(location=d.harbor)
    ana.provider_locations = [link for link in ana.provider_locations.all() if link.location_id == d.main.pk]
    ana.save()
    outcome(client.get(f"{BASE}/PractitionerRole/{harbor_role.pk}"), 410, "deleted")
    get_json(client, f"{BASE}/PractitionerRole/{ana.provider_locations.get().pk}")
    outcome(client.get(f"{BASE}/PractitionerRole/999999"), 404, "not-found")


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", ["", "/metadata", "/Practitioner", "/Practitioner/1", "/Organization/hospital"])
def test_every_write_is_405(client, d, method, path):
    response = getattr(client, method)(f"{BASE}{path}", "{}", content_type="application/fhir+json")
    outcome(response, 405, "not-supported")
    assert response["Allow"] == "GET, HEAD"
    assert not response.cookies


def test_search_only_by_post_on_search(client, d):
    response = client.get(f"{BASE}/Practitioner/_search")
    outcome(response, 405, "not-supported")
    assert response["Allow"] == "POST"
    response = client.post(f"{BASE}/Practitioner/_search", json.dumps({"name": "ana"}), content_type="application/json")
    outcome(response, 415, "not-supported")


@pytest.mark.parametrize(
    "query",
    [
        "Practitioner?_count=abc",
        "Practitioner?_count=-1",
        "Practitioner?_lastUpdated=yesterday",
        "Practitioner?_lastUpdated=2026-02-30",
        "Practitioner?family:sounds-like=baker",
        "Practitioner?name=",
        "Practitioner?_summary=true",
        "Practitioner?_total=some",
        "Practitioner?_include=Practitioner:nothing",
        "Practitioner?_include=*",
        "Practitioner?_count:exact=2",
        "Practitioner?family.name=x",
        "Practitioner?_has:PractitionerRole:location:specialty=x",
        "Practitioner?_has:PractitionerRole",
        "Location?near=north",
        "Location?near=95|10|5|[mi_us]",
        "Location?near=33.8|-118.2|5|furlongs",
        "Location?near=33.8|-118.2|5000|km",
        "PractitionerRole?location=Location/a_b",
        "PractitionerRole?location=a/b/c",
        "PractitionerRole?location:Nothing=1",
        "PractitionerRole?location.nothing=1",
        "PractitionerRole?_revinclude=PractitionerRole:location",
        "Location?_revinclude=OrganizationAffiliation:location",
        "Practitioner?_cursor=abc",
    ],
)
def test_malformed_values_are_400(client, d, query):
    diagnostics = outcome(client.get(f"{BASE}/{query}"), 400, "invalid")
    assert "Traceback" not in diagnostics


def test_unknown_parameters_are_ignored_and_left_out_of_the_self_link_unless_strict(client, d):
    bundle = get_json(client, f"{BASE}/Practitioner?family=alv&colour=blue&_sort=family")
    assert len(bundle["entry"]) == 1
    assert bundle["link"][0]["url"] == "http://testserver/fhir/r4/Practitioner?family=alv"

    response = client.get(f"{BASE}/Practitioner?family=alv&colour=blue", HTTP_PREFER="handling=strict")
    assert "colour" in outcome(response, 400, "invalid")
    assert len(get_json(client, f"{BASE}/Practitioner?family=alv", HTTP_PREFER="handling=strict")["entry"]) == 1


def test_json_only_and_format_overrides_accept(client, d):
    outcome(client.get(f"{BASE}/metadata?_format=xml"), 406, "not-supported")
    outcome(client.get(f"{BASE}/metadata", HTTP_ACCEPT="application/fhir+xml"), 406, "not-supported")
    get_json(client, f"{BASE}/metadata?_format=json", HTTP_ACCEPT="application/fhir+xml")
    get_json(client, f"{BASE}/metadata?_format=application/fhir%2Bjson")
    get_json(client, f"{BASE}/metadata", HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")


@pytest.mark.parametrize(
    "path", ["", "/", "/Practitioner/", "/metadata/", "/Practitioner/1/", "/Practitioner/1/_history"]
)
def test_no_api_url_redirects(client, d, path):
    response = client.get(f"{BASE}{path}")
    outcome(response, 404, "not-found")


@pytest.fixture
def unraised_client():
    """A client that gets the answer a visitor would, not the exception (as a real server)."""
    return Client(raise_request_exception=False)


@pytest.fixture
def request_log(caplog):
    """What ``django.request`` logs, whether or not the site's LOGGING lets it reach the root logger."""
    logger = logging.getLogger("django.request")
    logger.addHandler(caplog.handler)
    yield caplog
    logger.removeHandler(caplog.handler)


def test_an_unexpected_error_is_a_500_operation_outcome_and_is_logged(unraised_client, d, monkeypatch, request_log):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug in a resource builder")

    monkeypatch.setattr("providers.fhir.resources.practitioner", broken)
    for url in [f"{BASE}/Practitioner/{d.ana.pk}", f"{BASE}/Practitioner?name=ana"]:
        request_log.clear()
        response = unraised_client.get(url, HTTP_ORIGIN="https://app.example.org")

        diagnostics = outcome(response, 500, "exception")
        assert "a bug" not in diagnostics and "Traceback" not in response.content.decode()
        assert response["Access-Control-Allow-Origin"] == "*"  # a browser app can read the error
        logged = {(r.levelname, r.exc_info[0]) for r in request_log.records if r.name == "django.request"}
        assert logged == {("ERROR", RuntimeError)}
    # The rest of the API, and the site, are untouched.
    assert unraised_client.get(f"{BASE}/Location").status_code == 200


def test_the_database_out_of_reach_is_a_503_operation_outcome(unraised_client, d, monkeypatch, request_log):
    def unreachable(*args, **kwargs):
        try:
            raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")
        except OperationalError as error:
            raise DatabaseError("wrapped, as a query error raised from it") from error

    monkeypatch.setattr("providers.fhir.search.PractitionerType.read", unreachable)
    response = unraised_client.get(f"{BASE}/Practitioner/{d.ana.pk}")

    diagnostics = outcome(response, 503, "transient")
    assert response["Retry-After"] == "30" and "Try again" in diagnostics and "5432" not in diagnostics
    assert any(r.exc_info and r.exc_info[0] is DatabaseError for r in request_log.records)


def test_an_editors_redirect_never_applies_to_an_api_url(client, d):
    from wagtail.contrib.redirects.models import Redirect

    Redirect.objects.create(old_path="/fhir/r4/Practitioner/nope", redirect_link="/find-a-doctor/")
    Redirect.objects.create(old_path="/fhir/r4/Location/", redirect_link="/find-a-doctor/", is_permanent=False)
    Redirect.objects.create(old_path="/old-find-a-doctor", redirect_link="/find-a-doctor/")

    outcome(client.get(f"{BASE}/Practitioner/nope"), 404, "not-found")
    outcome(client.get(f"{BASE}/Practitioner/nope?_format=json"), 404, "not-found")
    outcome(client.get(f"{BASE}/Location/"), 404, "not-found")
    # The rest of the site keeps its redirects.
    response = client.get("/old-find-a-doctor")
    assert (response.status_code, response["Location"]) == (301, "/find-a-doctor/")


def test_public_no_cookies_and_cors_open_to_any_origin(client, d):
    response = client.get(f"{BASE}/Practitioner", HTTP_ORIGIN="https://app.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert not response.cookies and "Set-Cookie" not in response
    preflight = client.options(
        f"{BASE}/PractitionerRole/_search",
        HTTP_ORIGIN="https://app.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="prefer, content-type",
    )
    assert preflight.status_code == 200 and preflight["Access-Control-Allow-Origin"] == "*"
    assert "prefer" in preflight["Access-Control-Allow-Headers"]
    # The rest of the site sends no CORS headers.
    assert "Access-Control-Allow-Origin" not in client.get("/find-a-doctor/", HTTP_ORIGIN="https://app.example.org")


def test_etag_and_last_modified(client, d):
    response = client.get(f"{BASE}/Practitioner/{d.ana.pk}")
    provider = Provider.objects.get(pk=d.ana.pk)
    assert response["ETag"].startswith('W/"')
    assert response["Last-Modified"] == http_date(provider.updated_at.timestamp())
    assert response["Cache-Control"] == "no-cache"
    assert client.get(f"{BASE}/Practitioner/{d.ana.pk}", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    provider.save()
    assert client.get(f"{BASE}/Practitioner/{d.ana.pk}", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 200
    search = client.get(f"{BASE}/Location")
    assert search["ETag"] and search["Last-Modified"]


def count_queries(client, url):
    client.get(url)  # fills the site cache (settings, the Site) as any earlier request would
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return len(captured)


# (url, queries): pinned, and the same with more providers. A search costs a count, the page's ids, the
# page's rows, and one query per related list the resources show; chains and _has are subqueries of the same
# SQL (a chain to Location lists the clinics first); an include or revinclude loads like a page.
PINNED = [
    # the provider (1), languages (1)
    ("/Practitioner/{ana}", 2),
    # count, ids, rows, languages
    ("/Practitioner?name=a", 4),
    # count, ids, rows, specialties, plans, their networks, the networks' plans (is the provider in each?)
    (f"/PractitionerRole?specialty={NUCC}|{HEM_ONC}", 7),
    # the "done when" search: + the clinics within 10 miles (1), the included locations (1) and practitioners (2)
    (
        f"/PractitionerRole?specialty={NUCC}|{HEM_ONC}&location.near={LONG_BEACH[0]}|{LONG_BEACH[1]}|10|[mi_us]"
        "&network=Organization/network-{network}&_include=PractitionerRole:location"
        "&_include=PractitionerRole:practitioner",
        11,
    ),
    ("/Practitioner?_has:PractitionerRole:practitioner:specialty=" + CARDIOLOGY, 4),
    # count, ids, rows, the roles there: ids, rows, specialties, plans, networks, the networks' plans
    ("/Location?near={lat}|{lon}|25|[mi_us]&_revinclude=PractitionerRole:location", 9),
    # count, ids, rows, networks
    ("/InsurancePlan?name=harbor", 4),
    # the networks and their plans (for the insurers' names)
    ("/Organization", 2),
    # the specialties; where each is practised comes from the site cache
    ("/HealthcareService?specialty=" + HEM_ONC, 1),
    ("/metadata", 0),
]


@pytest.mark.parametrize("url,expected", PINNED, ids=[u for u, _n in PINNED])
def test_query_counts_are_pinned_and_do_not_grow(client, d, url, expected, settings):
    settings.PAGE_CACHE_ENABLED = False
    url = BASE + url.format(ana=d.ana.pk, network=d.harbor_network.pk, lat=LONG_BEACH[0], lon=LONG_BEACH[1])
    assert count_queries(client, url) == expected
    clinics = [factories.location(f"Clinic {n}", phone=f"(562) 555-01{n:02d}") for n in range(3)]
    for number in range(12):
        made = factories.provider(
            "Pat", f"Doctor{number}", languages=["en", "es"], locations=clinics,
            specialties=[factories.hem_onc(), factories.cardiology()],
        )  # fmt: skip
        made.insurance_plans = [d.medi_cal, d.ppo]
        made.save()
    assert count_queries(client, url) == expected
