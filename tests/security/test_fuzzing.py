"""Whatever a visitor types into a URL, the public site answers calmly.

Property-based tests (hypothesis) send arbitrary text — any Unicode, control
characters, very long values — to every GET parameter of Find a Doctor and site
search and to the profile and condition paths, and a named list of classic
attack strings to each. Every answer must be a page (never a 500), never echo a
tag back unescaped, and leave the database exactly as it was.
"""

from urllib.parse import quote

import pytest
from django.apps import apps
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.providers import factories

FIND_A_DOCTOR_PARAMETERS = [
    "q",
    "specialty",
    "condition",
    "language",
    "gender",
    "accepting",
    "telehealth",
    "near",
    "radius",
    "sort",
    "page",
]
# A tag name no page ever contains: if it comes back unescaped, the input reached the HTML as markup.
CANARY = "<fz"
ATTACKS = {
    "sql injection, quote": "' OR '1'='1",
    "sql injection, comment": "1; DROP TABLE providers_provider; --",
    "sql injection, union": "' UNION SELECT username, password FROM auth_user --",
    "sql injection, like wildcard": "%_%",
    "xss, script tag": "<script>alert(1)</script>",
    "xss, attribute breakout": '"><img src=x onerror=alert(1)>',
    "xss, javascript url": "javascript:alert(document.cookie)",
    "xss, svg": "<svg/onload=alert(1)>",
    "path traversal": "../../../../etc/passwd",
    "path traversal, encoded": "..%2f..%2f..%2fetc%2fpasswd",
    "header injection, crlf": "x\r\nSet-Cookie: stolen=1",
    "header injection, encoded crlf": "x%0d%0aLocation: https://evil.example",
    "nul byte": "leuk\x00emia",
    "very long": "a" * 10_000,
    "format string": "%s%s%s%n{0}{__class__}",
    "template injection": "{{ settings.SECRET_KEY }}{% debug %}",
    "right-to-left override": "\u202eaimeukel",
    "emoji and combining marks": "👩‍⚕️ Z̷̢a̵l̸g̶o̴",
}
TEXT = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs", "Zl", "Zp"]), max_size=20),
    st.text(min_size=1_000, max_size=3_000),
    st.sampled_from(list(ATTACKS.values())),
)
FUZZ = hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def directory(settings, home_page, site_settings):
    """The ALL page and a doctor who treats it; views run every time (no page cache, no rate limit)."""
    settings.PAGE_CACHE_ENABLED = False
    settings.RATELIMIT_ENABLE = False
    all_page = factories.condition_page(home_page)
    doctor = factories.provider("Maria", "Lopez", conditions=[all_page], languages=["en", "es"])
    return {"doctor": doctor, "all_page": all_page}


def row_counts():
    """Rows in every table the project's models own."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def assert_answered_safely(response, value):
    assert response.status_code in (200, 301, 302, 404, 429), f"{response.status_code} for {value!r}"
    content = response.content.decode()
    assert CANARY not in content, f"unescaped input in the page for {value!r}"
    if "<" in value and len(value) > 3:
        assert value not in content, f"unescaped input in the page for {value!r}"
    for header, header_value in response.items():
        assert "\n" not in header_value and "\r" not in header_value, header
    assert "stolen" not in response.cookies


@FUZZ
@given(values=st.fixed_dictionaries({}, optional=dict.fromkeys(FIND_A_DOCTOR_PARAMETERS, TEXT)), canary=TEXT)
def test_find_a_doctor_answers_any_parameters_safely(client, directory, values, canary):
    before = row_counts()
    values = {name: CANARY + value if name == "q" else value for name, value in values.items()}
    values.setdefault("q", CANARY + canary)

    response = client.get("/find-a-doctor/", values)

    assert_answered_safely(response, values["q"])
    assert row_counts() == before


@FUZZ
@given(value=TEXT)
def test_site_search_answers_any_query_safely(client, directory, value):
    before = row_counts()

    response = client.get("/search/", {"q": CANARY + value})

    assert_answered_safely(response, CANARY + value)
    assert row_counts() == before


@FUZZ
@given(value=TEXT.filter(bool))
def test_profile_and_condition_paths_answer_any_text_safely(client, directory, value):
    before = row_counts()
    segment = quote(CANARY + value, safe="")

    for path in (f"/find-a-doctor/{segment}/", f"/conditions/{segment}/"):
        assert_answered_safely(client.get(path), CANARY + value)
    assert row_counts() == before


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_classic_attack_strings_are_harmless_everywhere(client, directory, attack):
    before = row_counts()
    requests = [("/search/", {"q": attack})]
    requests += [("/find-a-doctor/", {name: attack}) for name in FIND_A_DOCTOR_PARAMETERS]
    requests += [(f"/find-a-doctor/{quote(attack, safe='')}/", {}), (f"/conditions/{quote(attack, safe='')}/", {})]

    for path, params in requests:
        response = client.get(path, params)
        assert_answered_safely(response, attack)
    assert row_counts() == before


def test_the_doctor_is_still_findable_after_an_attack(client, directory):
    """The attacks above must not have worked because search was broken: real searches still find Dr. Lopez."""
    client.get("/find-a-doctor/", {"q": ATTACKS["sql injection, comment"]})

    assert "Lopez" in client.get("/find-a-doctor/", {"q": "Lopez"}).content.decode()
    assert "Lopez" in client.get("/search/", {"q": "Lopez"}).content.decode()


def _fhir_keys():
    """Every search parameter of every FHIR type, with the modifiers and chains clients send."""
    from providers.fhir.search import TYPES

    keys = []
    for resource_type in TYPES:
        for name in resource_type.params:
            keys += [
                (resource_type.name, name),
                (resource_type.name, f"{name}:exact"),
                (resource_type.name, f"{name}:text"),
            ]
        for name, target in resource_type.targets.items():
            keys += [(resource_type.name, f"{name}.name"), (resource_type.name, f"{name}:{target}._id")]
        keys += [(resource_type.name, "_has:PractitionerRole:location:specialty"), (resource_type.name, "_include")]
        keys += [(resource_type.name, key) for key in ("_count", "_summary", "_total", "_cursor", "_revinclude")]
    return keys


FHIR_KEYS = _fhir_keys()


def assert_fhir_answered_safely(response, value):
    assert response.status_code in (200, 400, 404), f"{response.status_code} for {value!r}"
    assert response["Content-Type"] == "application/fhir+json; charset=utf-8"
    assert response.json()["resourceType"] in ("Bundle", "OperationOutcome")
    assert not response.cookies


@FUZZ
@given(key=st.sampled_from(FHIR_KEYS), value=TEXT)
def test_the_fhir_api_answers_any_parameter_with_fhir(client, directory, key, value):
    before = row_counts()
    resource_type, name = key

    response = client.get(f"/fhir/r4/{resource_type}", {name: value})

    assert_fhir_answered_safely(response, value)
    assert row_counts() == before


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_classic_attack_strings_are_harmless_in_the_fhir_api(client, directory, attack):
    before = row_counts()
    for resource_type, name in FHIR_KEYS[::7]:
        assert_fhir_answered_safely(client.get(f"/fhir/r4/{resource_type}", {name: attack}), attack)
    assert_fhir_answered_safely(client.get(f"/fhir/r4/Practitioner/{quote(attack, safe='')}"), attack)
    assert row_counts() == before


@pytest.mark.parametrize("number", ["99999999999999999999999", "²", "٣", "-1", "1e9"])
def test_ids_that_are_not_our_keys_are_answered_calmly(client, directory, number):
    value = quote(number)
    paths = [f"Practitioner/{value}", f"Practitioner?_id={value}", f"Location?_cursor={value}"]
    paths.append(f"PractitionerRole?location=Location/{value}")
    for path in paths:
        assert_fhir_answered_safely(client.get(f"/fhir/r4/{path}"), number)
