"""Several app servers are configured by environment variables alone, and without them nothing changes."""

import json

import pytest
from django.test import RequestFactory

from base import replica
from tests.helpers import production_env, run_django

SHOW = (
    "import json\n"
    "from django.conf import settings\n"
    "print('RESULT ' + json.dumps({\n"
    "  'databases': {alias: {k: db.get(k) for k in ('ENGINE', 'NAME', 'PORT', 'DISABLE_SERVER_SIDE_CURSORS')}"
    " for alias, db in settings.DATABASES.items()},\n"
    "  'routers': settings.DATABASE_ROUTERS,\n"
    "  'middleware': settings.MIDDLEWARE,\n"
    "  'tasks': settings.TASKS['default']['BACKEND'],\n"
    "  'email': settings.EMAIL_BACKEND,\n"
    "  'media': settings.STORAGES['default'],\n"
    "  'proxies': {name: c['LOCATION'] for name, c in getattr(settings, 'WAGTAILFRONTENDCACHE', {}).items()},\n"
    "  'search': settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND'],\n"
    "}))\n"
)


def production_settings(tmp_path, **env):
    result = run_django(SHOW, "hospital_site.settings.production", production_env(tmp_path, **env))
    assert result.returncode == 0, result.stderr
    return json.loads(next(line for line in result.stdout.splitlines() if line.startswith("RESULT "))[7:])


def test_without_the_new_variables_a_server_runs_as_it_always_has(tmp_path):
    shown = production_settings(tmp_path)

    assert list(shown["databases"]) == ["default"]
    assert shown["databases"]["default"]["DISABLE_SERVER_SIDE_CURSORS"] is False
    assert shown["routers"] == []
    assert "base.replica.ReplicaMiddleware" not in shown["middleware"]
    assert shown["tasks"] == "django_tasks.backends.immediate.ImmediateBackend"
    assert shown["email"] == "django.core.mail.backends.console.EmailBackend"
    assert shown["media"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert shown["proxies"] == {}
    assert shown["search"] == "wagtail.search.backends.database"


def test_a_cluster_server_gets_its_replica_pooler_tasks_proxies_media_and_search_from_the_environment(tmp_path):
    shown = production_settings(
        tmp_path,
        DATABASE_URL="postgres://app@127.0.0.1:6432/hospital",
        DATABASE_REPLICA_URL="postgres://app@127.0.0.1:6432/hospital_replica",
        PGBOUNCER="true",
        TASKS_BACKEND="database",
        FRONTEND_CACHE_URLS="http://127.0.0.1:6081,http://127.0.0.1:6082",
        MEDIA_S3_BUCKET="media",
        MEDIA_S3_ENDPOINT_URL="http://127.0.0.1:9000",
        SEARCH_BACKEND_URL="http://127.0.0.1:9200",
        SEARCH_BACKEND="opensearch2",
    )

    assert shown["databases"]["replica"]["NAME"] == "hospital_replica"
    assert all(db["DISABLE_SERVER_SIDE_CURSORS"] for db in shown["databases"].values()), "PgBouncer transaction mode"
    assert shown["routers"] == ["base.replica.ReplicaRouter"]
    middleware = shown["middleware"]
    assert middleware.index("base.replica.ReplicaMiddleware") < middleware.index("base.middleware.PageCacheMiddleware")
    assert shown["tasks"] == "django_tasks_db.DatabaseBackend"
    assert shown["email"] == "base.mail.TaskEmailBackend"
    assert shown["media"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert shown["media"]["OPTIONS"]["file_overwrite"] is False, "Wagtail must never replace another file"
    assert shown["proxies"] == {"varnish1": "http://127.0.0.1:6081", "varnish2": "http://127.0.0.1:6082"}
    assert shown["search"] == "wagtail.search.backends.opensearch2"


def request(method="GET", path="/conditions/acute-lymphoblastic-leukemia/", cookies=None, **extra):
    made = RequestFactory().generic(method, path, **extra)
    made.COOKIES.update(cookies or {})
    return made


def test_only_anonymous_public_reads_from_clients_that_did_not_just_write_may_use_the_replica():
    assert replica.eligible(request())
    assert replica.eligible(request("HEAD"))
    assert not replica.eligible(request("POST")), "a write"
    assert not replica.eligible(request(path="/admin/pages/3/edit/preview/")), "the admin and previews"
    assert not replica.eligible(request(cookies={"sessionid": "x"})), "signed in"
    assert not replica.eligible(request(cookies={"messages": "x"}))
    assert not replica.eligible(request(HTTP_AUTHORIZATION="Basic eA==")), "credentials"
    assert not replica.eligible(request(cookies={replica.RECENT_WRITE_COOKIE: "1"})), "read-your-writes"


def test_outside_a_request_every_read_goes_to_the_primary():
    """Task workers and management commands never read a replica."""
    assert replica.ReplicaRouter().db_for_read(None) == "default"
    assert replica.ReplicaRouter().db_for_write(None) == "default"
    assert replica.ReplicaRouter().allow_migrate("replica", "providers") is False


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_a_client_that_wrote_gets_a_cookie_that_keeps_its_reads_on_the_primary(settings):
    """Read-your-writes: Varnish passes such requests (default.vcl) and the router reads the primary."""
    from django.http import HttpResponse

    settings.DATABASES = {**settings.DATABASES, "replica": settings.DATABASES["default"]}
    middleware = replica.ReplicaMiddleware(lambda request: HttpResponse("ok"))

    written = middleware(request("POST", "/find-a-doctor/"))
    read = middleware(request())

    cookie = written.cookies[replica.RECENT_WRITE_COOKIE]
    assert int(cookie["max-age"]) == settings.REPLICA["read_your_writes_seconds"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert written["X-Database"] == "primary"
    assert replica.RECENT_WRITE_COOKIE not in read.cookies, "reading is not writing"
    assert not replica.eligible(request(cookies={replica.RECENT_WRITE_COOKIE: cookie.value}))


def test_varnish_keeps_exactly_the_query_parameters_the_site_reads():
    """One list, checked: Find a Doctor's parameters, its pages, and the search and A–Z filter boxes' q."""
    import re

    from providers.filters import PARAMETERS
    from tests.helpers import PROJECT_ROOT

    vcl = (PROJECT_ROOT / "deploy" / "varnish" / "default.vcl").read_text()
    kept = re.search(r"\(\?!\(\?:([a-z|]+)\)=\)", vcl).group(1).split("|")
    assert sorted(kept) == sorted({*PARAMETERS, "page", "q"})
    assert "recent_write" in vcl, "a visitor who just wrote is passed to the app"


def varnishtest(tmp_path, client, fetches):
    """Run ``client`` (varnishtest's language) against deploy/varnish/default.vcl in front of a stand-in app.

    The stand-in answers ``fetches`` requests, each a public page Varnish may keep; ``X-Cache`` (HIT or
    MISS) then says which addresses Varnish took for one page.
    """
    import os
    import subprocess

    from tests.faults import need
    from tests.helpers import PROJECT_ROOT

    program = need("varnishtest", "apt-get install varnish")
    vcl = (PROJECT_ROOT / "deploy" / "varnish" / "default.vcl").read_text()
    vcl = vcl.replace('.host = "127.0.0.1";', '.host = "${s1_addr}";')
    vcl = vcl.replace('.port = "8000";', '.port = "${s1_port}";')
    test = tmp_path / "default.vtc"
    test.write_text(
        'varnishtest "deploy/varnish/default.vcl"\n'
        f"server s1 -repeat {fetches} {{\n"
        '    rxreq\n    txresp -hdr "Cache-Control: public, s-maxage=60" -hdr "Connection: close" -body "page"\n'
        "} -start\n"
        f"varnish v1 -vcl {{\n{vcl}\n}} -start\n"
        f"client c1 {{\n{client}\n}} -run\n"
    )
    env = {**os.environ, "PATH": os.environ.get("PATH", "") + ":/usr/sbin"}
    result = subprocess.run([program, "-q", str(test)], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]


def cached_as(*requests):
    """varnishtest lines asking for each ``(url, "HIT" or "MISS")`` in turn."""
    return "\n".join(
        f'    txreq -url "{url}"\n    rxresp\n    expect resp.http.X-Cache == "{cache}"' for url, cache in requests
    )


def test_varnish_keeps_the_spanish_homes_not_yet_in_spanish_note_and_nothing_else_there(tmp_path):
    """/es/?en=<path> is the Spanish home with a note (docs/spanish.md): Varnish must not strip ``en``."""
    note = "/es/?en=%2Fconditions%2Fhemophilia%2F"
    varnishtest(
        tmp_path,
        cached_as(
            (note, "MISS"),
            ("/es/?utm_source=mail&en=%2Fconditions%2Fhemophilia%2F&r=1", "HIT"),  # other parameters dropped
            ("/es/", "MISS"),  # the home page without the note is another page
            ("/es/?en=https%3A%2F%2Fexample.org%2F", "HIT"),  # not a path: the plain home page
            ("/es/?en=%2F" + "a" * 600, "HIT"),  # longer than the app reads: the plain home page
            ("/?en=%2Fconditions%2Fhemophilia%2F", "MISS"),  # only the Spanish home reads it
            ("/?r=1", "HIT"),
        ),
        fetches=3,
    )


def test_the_varnish_configuration_compiles():
    import shutil
    import subprocess

    from tests.helpers import PROJECT_ROOT

    varnishd = shutil.which("varnishd", path="/usr/sbin:/usr/bin")
    if varnishd is None:
        pytest.skip("varnishd not found: the VCL was NOT compiled (apt-get install varnish)")
    result = subprocess.run(
        [varnishd, "-C", "-f", str(PROJECT_ROOT / "deploy" / "varnish" / "default.vcl")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]
