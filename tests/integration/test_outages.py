"""When the database or the cache server goes away, and comes back.

Real servers, broken for real: a throwaway PostgreSQL cluster is stopped under a
running gunicorn, a throwaway Redis is killed. Parents must get a page that helps
(never a 500 or a stack trace), the health check must say what is wrong, and the
site must recover by itself when the server returns. See docs/operations.md.
"""

import json
import re

import pytest
from bs4 import BeautifulSoup

from tests.faults import (
    AppServer,
    RedisServer,
    prepare_site,
    production_env,
    set_hospital_name,
    started_on_a_free_port,
    wait_until,
)
from tests.helpers import run_django, run_manage

PHONE_LINK = "a[href='tel:+15629335437']"


def page(body):
    return BeautifulSoup(body, "html.parser")


def test_when_the_database_goes_away_parents_get_a_helpful_503_and_the_site_recovers_by_itself(postgres, tmp_path):
    env = production_env(tmp_path, postgres.url)
    prepare_site(env)
    app = AppServer(env, tmp_path)
    try:
        # Up: the home page is rendered (and kept in the page cache), the health check is green.
        status, _headers, body = app.get("/")
        assert status == 200, app.log()
        assert "Fault Test Hospital" in body
        assert app.get("/healthz")[0] == 200

        postgres.stop()

        # The health check says what is wrong, so a load balancer can act on it.
        status, headers, body = app.get("/healthz")
        assert (status, json.loads(body)) == (503, {"status": "unavailable", "database": "unreachable"})
        # A page that needs the database: a 503 that still helps, never a 500 or a traceback.
        for path in ["/find-a-doctor/", "/search/?q=leukemia", "/no-such-page/"]:
            status, headers, body = app.get(path)
            assert status == 503, (path, body[:500])
            assert headers["Retry-After"] == "30"
            assert "no-store" in headers["Cache-Control"]
            assert headers["Content-Type"].startswith("text/html")
            assert "default-src 'self'" in headers["Content-Security-Policy"]
            outage = page(body)
            assert outage.h1.get_text(strip=True) == "This page is not available right now"
            assert outage.select_one("main a[href='tel:911']"), "the emergency number"
            # The hospital's number, remembered from the settings read while the database was up.
            assert outage.select_one(f"main {PHONE_LINK}"), "the hospital's number"
            assert "Fault Test Hospital" in outage.title.get_text()
            assert "Traceback" not in body and "OperationalError" not in body
        # The FHIR API answers in FHIR: an OperationOutcome a client can act on, not the HTML page.
        status, headers, body = app.get("/fhir/r4/Practitioner?name=a")
        assert status == 503, body[:500]
        assert headers["Retry-After"] == "30"
        assert headers["Content-Type"] == "application/fhir+json; charset=utf-8"
        (issue,) = json.loads(body)["issue"]
        assert issue["code"] == "transient" and "Try again" in issue["diagnostics"]
        assert "OperationalError" not in body
        # A page already in the page cache is still served: reading needs no database.
        status, headers, body = app.get("/")
        assert (status, headers["X-Page-Cache"]) == (200, "hit")

        postgres.start()

        # Back, with no restart of the app: the dropped connection is replaced on the next request.
        assert app.get("/healthz")[0] == 200
        status, _headers, body = app.get("/find-a-doctor/")
        assert status == 200, body[:500]
        assert app.get("/fhir/r4/Practitioner?name=a")[0] == 200
        assert page(body).select_one(f"header {PHONE_LINK}")
        log = app.log()
        assert "WORKER TIMEOUT" not in log and "Worker exiting" not in log, log
    finally:
        app.stop()


def test_the_outage_page_without_any_remembered_settings_still_says_call_911(tmp_path):
    """A server that never reached its database (started during the outage) knows no hospital number."""
    env = production_env(tmp_path, "postgres://nobody@127.0.0.1:1/nothing")
    collected = run_manage(["collectstatic", "--noinput", "-v", "0"], "hospital_site.settings.production", env)
    assert collected.returncode == 0, collected.stderr
    code = (
        "import json\n"
        "from django.test import Client\n"
        "r = Client(raise_request_exception=False).get('/find-a-doctor/', HTTP_HOST='127.0.0.1')\n"
        "print('RESULT ' + json.dumps({'status': r.status_code, 'retry': r.get('Retry-After'),"
        " 'body': r.content.decode()}))\n"
    )
    result = run_django(code, "hospital_site.settings.production", env)
    assert result.returncode == 0, result.stderr
    answer = json.loads(next(line for line in result.stdout.splitlines() if line.startswith("RESULT "))[7:])

    assert (answer["status"], answer["retry"]) == (503, "30")
    outage = page(answer["body"])
    assert outage.select_one("main a[href='tel:911']")
    assert not outage.select("main a[href^='tel:+']"), "no number was ever read, so none is shown"


@pytest.fixture
def redis(tmp_path):
    server = RedisServer(tmp_path)
    started_on_a_free_port(server)
    yield server
    server.remove()


def searches(app, words):
    """Statuses for one distinct Find a Doctor search per word (distinct, so none comes from the page cache)."""
    return [app.get(f"/find-a-doctor/?q={word}")[0] for word in words]


def test_when_redis_goes_away_pages_still_serve_and_nothing_is_lost(redis, tmp_path):
    # One search a minute per address: low enough to see the limiter work, and fail open.
    env = production_env(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite3'}", REDIS_URL=redis.url, SEARCH_RATE_LIMIT="1/m")
    prepare_site(env)
    app = AppServer(env, tmp_path)
    try:
        # Up: pages come from Redis, the rate limiter counts there.
        assert app.get("/")[0] == 200
        status, headers, body = app.get("/")
        assert (status, headers["X-Page-Cache"]) == (200, "hit")
        assert "Fault Test Hospital" in body
        assert 429 in searches(app, ["alpha", "beta", "gamma"])

        redis.kill()

        # Down: every page is rendered afresh (slower), nothing fails.
        for path in ["/", "/search/?q=leukemia", "/find-a-doctor/", "/admin/login/"]:
            status, headers, body = app.get(path)
            assert status == 200, (path, body[:500])
            assert "X-Page-Cache" not in headers, path
        # The rate limiter fails open: searches go through rather than turning every parent away.
        assert searches(app, ["delta", "epsilon", "zeta"]) == [200, 200, 200]
        assert app.get("/healthz")[0] == 200, "the health check is about the database only"
        # An administrator renames the hospital while Redis is down; the change cannot reach the cache.
        set_hospital_name(env, "Renamed During The Outage")
        assert "Renamed During The Outage" in app.get("/")[2]

        redis.start()

        # Back, with what it held before (the append-only file): the old home page is still in it,
        # under the generation the rename could not replace. Once the app uses the cache again it
        # must start a new generation, or it would serve the old name again.
        def caching_again():
            status, headers, _body = app.get("/")
            return status == 200 and "X-Page-Cache" in headers

        wait_until(caching_again, timeout=30, what="the page cache to be used again")
        for _ in range(2):
            status, headers, body = app.get("/")
            assert status == 200
            assert "Renamed During The Outage" in body, "a page cached before the outage came back"
            assert "Fault Test Hospital" not in body
        assert headers["X-Page-Cache"] == "hit"
        # And the limiter counts again.
        assert 429 in searches(app, ["eta", "theta", "iota"])
        log = app.log()
        assert "Internal Server Error" not in log, log
        assert re.search(r"Cache unreachable", log), "the outage is logged"
    finally:
        app.stop()
