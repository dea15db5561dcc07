"""Production settings refuse to start unsafe and pass Django's deployment checks."""

import secrets

from tests.helpers import run_django, run_manage

PRODUCTION = "hospital_site.settings.production"
REAL_KEY = secrets.token_urlsafe(64)


def test_production_refuses_to_start_without_a_secret_key():
    result = run_django("", PRODUCTION, env={"ALLOWED_HOSTS": "www.example.org"})

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_or_development_secret_key():
    for weak in ["short", "django-insecure-" + "x" * 60]:
        result = run_django("", PRODUCTION, env={"SECRET_KEY": weak, "ALLOWED_HOSTS": "www.example.org"})
        assert result.returncode != 0
        assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_django("", PRODUCTION, env={"SECRET_KEY": REAL_KEY})

    assert result.returncode != 0
    assert "ALLOWED_HOSTS must list" in result.stderr


def test_production_passes_check_deploy_with_no_warnings():
    result = run_manage(
        ["check", "--deploy", "--fail-level", "WARNING"],
        PRODUCTION,
        env={"SECRET_KEY": REAL_KEY, "ALLOWED_HOSTS": "www.example.org"},
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_serves_https_requests_from_the_proxy_and_redirects_plain_http():
    code = (
        "from django.test import Client\n"
        "c = Client()\n"
        "plain = c.get('/robots.txt', HTTP_HOST='www.example.org')\n"
        "secure = c.get('/robots.txt', HTTP_HOST='www.example.org', HTTP_X_FORWARDED_PROTO='https')\n"
        "print('|'.join(map(str, [plain.status_code, plain.get('Location'), secure.status_code,\n"
        "    secure.get('Strict-Transport-Security')])))\n"
    )
    result = run_django(code, PRODUCTION, env={"SECRET_KEY": REAL_KEY, "ALLOWED_HOSTS": "www.example.org"})

    assert result.returncode == 0, result.stderr
    plain_status, location, secure_status, hsts = result.stdout.strip().splitlines()[-1].split("|")
    assert (plain_status, location) == ("301", "https://www.example.org/robots.txt")
    assert secure_status == "200"
    assert hsts.startswith("max-age=31536000")
