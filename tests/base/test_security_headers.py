"""Production settings send the hardened headers, on public pages and (looser) in the admin."""

import json

import pytest

from tests.helpers import production_env, run_django

PRODUCTION = "hospital_site.settings.production"

# Runs in a child process under production settings, against a fresh test database.
PROBE = """
import json
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client, override_settings

connection.creation.create_test_db(verbosity=0)
get_user_model().objects.create_superuser("boss", "boss@example.invalid", "correct-horse-battery")
# Hashed static files need collectstatic; the headers do not depend on them.
plain = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
seen = {}
with override_settings(STORAGES=plain):
    client = Client(HTTP_HOST="www.example.org", HTTP_X_FORWARDED_PROTO="https")
    for name, url in [("home", "/"), ("warm", "/"), ("cached home", "/"), ("not found", "/no-such-page/"),
                      ("admin login", "/admin/login/")]:
        response = client.get(url)
        seen[name] = {"status": response.status_code, "headers": dict(response.items()),
                      "cookies": {k: dict(v) for k, v in response.cookies.items()}}
    login = client.post("/admin/login/", {"username": "boss", "password": "correct-horse-battery"})
    seen["login"] = {"status": login.status_code, "location": login.get("Location", ""),
                     "cookies": {k: dict(v) for k, v in login.cookies.items()}}
    dashboard = client.get("/admin/")
    seen["dashboard"] = {"status": dashboard.status_code, "headers": dict(dashboard.items())}
    staff_home = client.get("/")
    seen["staff home"] = {"status": staff_home.status_code, "headers": dict(staff_home.items())}
print("RESULT " + json.dumps(seen))
"""


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """What a browser receives from a production server: one child process for every test here."""
    scratch = tmp_path_factory.mktemp("production")
    result = run_django(
        PROBE,
        PRODUCTION,
        env=production_env(scratch),
    )
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


def directives(header):
    """A Content-Security-Policy header as {directive: [sources]}."""
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


@pytest.mark.parametrize("page", ["home", "cached home", "not found"])
def test_public_pages_allow_no_inline_or_eval_script_and_no_other_host(production, page):
    policy = directives(production[page]["headers"]["Content-Security-Policy"])

    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    every_source = " ".join(" ".join(sources) for sources in policy.values())
    assert "unsafe" not in every_source
    assert "http" not in every_source


def test_a_page_served_from_the_page_cache_keeps_the_policy(production):
    assert production["cached home"]["headers"]["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("page", ["home", "not found", "admin login", "dashboard"])
def test_every_response_sends_the_hardened_headers(production, page):
    headers = production[page]["headers"]

    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    features = dict(item.strip().split("=") for item in headers["Permissions-Policy"].split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"


def test_admin_login_page_gets_the_admin_policy_and_a_hardened_csrf_cookie(production):
    login_page = production["admin login"]
    policy = directives(login_page["headers"]["Content-Security-Policy"])

    assert login_page["status"] == 200
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    csrf = login_page["cookies"]["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"


def test_staff_can_log_in_and_use_the_admin_under_its_policy(production):
    assert production["login"]["status"] == 302
    session = production["login"]["cookies"]["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    assert production["dashboard"]["status"] == 200
    assert "'unsafe-inline'" in production["dashboard"]["headers"]["Content-Security-Policy"]


def test_logged_in_staff_get_the_admin_policy_on_public_pages_for_the_user_bar(production):
    staff_home = production["staff home"]

    assert staff_home["status"] == 200
    assert "'unsafe-inline'" in staff_home["headers"]["Content-Security-Policy"]
