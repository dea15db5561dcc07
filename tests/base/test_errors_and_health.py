"""When something is missing or broken, people get a useful answer."""

import json

import pytest
from django.db import OperationalError

from tests.conftest import soup
from tests.helpers import run_django


def test_missing_page_is_a_helpful_404(client, home_page, site_settings):
    response = client.get("/this-page-does-not-exist/")

    assert response.status_code == 404
    page = soup(response)
    assert page.h1.get_text(strip=True) == "We can't find that page"
    assert page.select_one("main a[href='/']")
    assert page.select_one("main a[href='tel:+15629335437']")
    assert page.select_one("main a[href='tel:911']")


def test_healthz_answers_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_unreachable():
    # A real, unreachable database: nothing listens on port 1, and a SQLite
    # file inside a missing directory cannot be opened.
    code = (
        "from django.test import Client\n"
        "import json\n"
        "r = Client().get('/healthz')\n"
        "print(json.dumps({'status': r.status_code, 'body': r.json()}))\n"
    )
    for url in ["postgres://nobody@127.0.0.1:1/nothing", "sqlite:////nonexistent-dir/for/health/db.sqlite3"]:
        result = run_django(code, "hospital_site.settings.test", env={"DATABASE_URL": url})
        assert result.returncode == 0, result.stderr
        answer = json.loads(result.stdout.strip().splitlines()[-1])
        assert answer == {"status": 503, "body": {"status": "unavailable", "database": "unreachable"}}, url


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_the_home_page(client, home_page):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert "<loc>http://localhost/</loc>" in response.content.decode()


# --- The 500 and 503 pages in Spanish --------------------------------------------------------


@pytest.fixture
def remembered_contact(site_settings, monkeypatch):
    """The site settings as the outage page last read them (what a server keeps while the database is up)."""
    from base import outage

    monkeypatch.setattr(outage, "_last_known", {})
    site_settings.on_call_phone = "(562) 728-5999"
    site_settings.save()
    outage.remember_contact(site_settings)
    return site_settings


def failing_request(rf, path, error):
    """What Django's handler500 answers for ``path`` while ``error`` is being handled."""
    from base.outage import server_error

    try:
        raise error("boom")
    except error:
        return server_error(rf.get(path))


@pytest.mark.parametrize(
    ("error", "status", "heading"),
    [
        (ValueError, 500, "Lo sentimos, algo salió mal"),
        (OperationalError, 503, "Esta página no está disponible en este momento"),
    ],
)
def test_a_spanish_address_gets_the_error_page_in_spanish(rf, remembered_contact, error, status, heading):
    response = failing_request(rf, "/es/find-a-doctor/", error)

    assert response.status_code == status
    page = soup(response)
    assert page.html["lang"] == "es"
    assert page.h1.get_text(strip=True) == heading
    assert page.select_one("main a[href='tel:911']")
    assert page.select_one("a[href='/es/']"), "the way back is the Spanish home page"
    assert not page.select("a[href='/']")


@pytest.mark.parametrize(("error", "status"), [(ValueError, 500), (OperationalError, 503)])
def test_an_english_address_still_gets_the_english_error_page(rf, remembered_contact, error, status):
    page = soup(failing_request(rf, "/find-a-doctor/", error))

    assert page.html["lang"] == "en"
    assert page.select_one("a[href='/']")
    assert "Sorry" in page.h1.get_text() or "not available" in page.h1.get_text()


def test_the_spanish_outage_page_names_the_hospital_and_cancer_center_in_spanish(rf, remembered_contact):
    from base import outage

    remembered_contact.cancer_center_name_es = "Centro de Cáncer de Prueba"
    remembered_contact.save()
    outage.remember_contact(remembered_contact)

    page = soup(failing_request(rf, "/es/conditions/", OperationalError))

    names = [item.get_text(" ", strip=True) for item in page.select("main li")]
    assert any(name.startswith("Centro de Cáncer de Prueba") for name in names), names
    # No Spanish hospital name was given: the English one is shown, marked as English.
    assert page.select_one("main li span[lang='en']").get_text() == "Test Children's Hospital"
    assert page.select_one(".site-header__name[lang='en']").get_text() == "Test Children's Hospital"
    assert "Test Cancer Center" not in page.get_text()


def test_the_english_outage_page_keeps_the_english_names_unmarked(rf, remembered_contact):
    from base import outage

    remembered_contact.hospital_name_es = "Hospital de Niños de Prueba"
    remembered_contact.save()
    outage.remember_contact(remembered_contact)

    page = soup(failing_request(rf, "/conditions/", OperationalError))

    assert page.select_one(".site-header__name").get_text() == "Test Children's Hospital"
    assert not page.body.select("[lang]"), "English on an English page needs no mark"
    assert "Hospital de Niños de Prueba" not in page.get_text()
