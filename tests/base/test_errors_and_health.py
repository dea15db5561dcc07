"""When something is missing or broken, people get a useful answer."""

import json

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
