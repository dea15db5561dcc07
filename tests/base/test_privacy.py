"""What a parent searched for is never written down next to who they are (docs/security.md, "Privacy")."""

import pytest

from tests.helpers import production_env, run_django

SEARCHED = "zzsecretsymptom"
VISITOR = "203.0.113.77"

# Under production settings: a search, Find a Doctor, a 404, a rate-limited search and a
# server error, each with the term in the query string and the visitor's address in
# X-Forwarded-For, as the TLS proxy sends it. Everything logged goes to stderr.
PROBE = f"""
import sys, types
from django.core import mail
from django.db import connection
from django.test import Client, override_settings
from django.urls import path

connection.creation.create_test_db(verbosity=0)

def boom(request):
    raise RuntimeError("something broke")

urls = types.ModuleType("privacy_probe_urls")
urls.urlpatterns = [path("boom/", boom)]
sys.modules["privacy_probe_urls"] = urls

client = Client(HTTP_HOST="www.example.org", HTTP_X_FORWARDED_PROTO="https",
                HTTP_X_FORWARDED_FOR="{VISITOR}", raise_request_exception=False)
# Hashed static files need collectstatic; logging does not depend on them.
plain = {{
    "default": {{"BACKEND": "django.core.files.storage.FileSystemStorage"}},
    "staticfiles": {{"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}},
}}
statuses = []
# One search a day: django-ratelimit counts in fixed windows, and with "1/m" a minute's edge falling
# between the two searches (a slow first render on a loaded machine) reset the count and let it through.
with override_settings(STORAGES=plain, SEARCH_RATE_LIMIT="1/d", RATELIMIT_ENABLE=True):
    for url in ["/search/?q={SEARCHED}", "/find-a-doctor/?q={SEARCHED}", "/search/?q={SEARCHED}2",
                "/no-such-page/?q={SEARCHED}"]:
        statuses.append(client.get(url).status_code)
with override_settings(STORAGES=plain, ROOT_URLCONF="privacy_probe_urls", ADMINS=[("Ops", "ops@example.invalid")],
                       EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
    mail.outbox = []
    statuses.append(client.get("/boom/?q={SEARCHED}").status_code)
    print("EMAILS", len(mail.outbox))
print("STATUSES", statuses)
"""


@pytest.fixture(scope="module")
def production_logs(tmp_path_factory):
    scratch = tmp_path_factory.mktemp("privacy")
    result = run_django(
        PROBE,
        "hospital_site.settings.production",
        env=production_env(scratch),
    )
    assert result.returncode == 0, result.stderr
    return result


def test_every_kind_of_request_was_made_and_logged(production_logs):
    assert "STATUSES [200, 200, 429, 404, 500]" in production_logs.stdout
    logged = production_logs.stderr
    # The log is not empty: it says what went wrong, and where.
    assert "Not Found: /no-such-page/" in logged
    assert "Too Many Requests: /search/" in logged
    assert "Internal Server Error: /boom/" in logged and "RuntimeError: something broke" in logged


def test_logs_hold_neither_the_search_terms_nor_the_visitors_address(production_logs):
    logged = production_logs.stderr
    assert SEARCHED not in logged
    assert VISITOR not in logged


def test_a_server_error_sends_no_email_with_the_request_in_it(production_logs):
    """Django's default would email ADMINS the whole request, query string and address included."""
    assert "EMAILS 0" in production_logs.stdout
