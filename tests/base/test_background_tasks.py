"""Slow work runs in the background with the database task backend, and nothing is lost.

The worker may be away (its task rows wait), killed mid-task (``recover`` puts the
task back), or meet a Varnish that does not answer (the purge fails loudly and is
tried again later). With the default immediate backend the same work happens at once.
"""

import http.server
import threading
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from base import tasks
from providers.models import Provider, Specialty
from tests.conditions.factories import condition_page
from tests.conftest import soup
from tests.providers import factories

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS
    settings.TASK_MAX_ATTEMPTS = 3
    settings.TASK_RETRY_SECONDS = 10
    settings.TASK_STUCK_SECONDS = 900


def run_worker(worker_id="worker-1"):
    """What ``manage.py task_worker --batch`` does after recovering: run every ready task, then stop.

    In this test's transaction: the worker's ``close_old_connections`` would close the connection
    that holds it (it is not in autocommit), so it is left out here.
    """
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        _worker(worker_id).run()


def _worker(worker_id):
    return Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


def search_text(provider):
    return Provider.objects.get(pk=provider.pk).search_text


def test_a_renamed_specialty_reaches_its_doctors_search_text_when_the_worker_runs(db, database_tasks):
    specialty = Specialty.objects.create(name="Pediatric Hematology-Oncology")
    doctor = factories.provider("Maria", "Lopez", specialties=[specialty])
    run_worker()
    assert " hematology " in search_text(doctor)

    specialty.synonyms = "blood cancer doctor"
    specialty.save()

    # The editor's save only queued the work: the worker is away.
    assert "blood cancer" not in search_text(doctor)
    assert DBTaskResult.objects.ready().filter(task_path__endswith="refresh_providers_search_text").exists()

    run_worker()

    assert " blood cancer doctor " in search_text(doctor)
    assert not DBTaskResult.objects.ready().exists()


def test_with_the_default_backend_the_work_happens_at_once(db):
    specialty = Specialty.objects.create(name="Pediatric Hematology-Oncology")
    doctor = factories.provider("Maria", "Lopez", specialties=[specialty])

    specialty.synonyms = "blood cancer doctor"
    specialty.save()

    assert " blood cancer doctor " in search_text(doctor)
    assert not DBTaskResult.objects.exists()


def test_a_task_left_running_by_a_killed_worker_runs_again_when_the_worker_restarts(db, database_tasks):
    specialty = Specialty.objects.create(name="Neurology")
    doctor = factories.provider("Ana", "Ruiz", specialties=[specialty])
    run_worker()
    specialty.synonyms = "brain doctor"
    specialty.save()
    # The worker claims the task and is killed (SIGKILL) before it finishes: the row says "running".
    row = DBTaskResult.objects.ready().get()
    row.claim("worker-1")

    run_worker("worker-1")  # a worker that did not recover first finds nothing to do
    assert DBTaskResult.objects.get(pk=row.pk).status == "RUNNING"

    assert tasks.recover(worker_id="worker-1") == (1, 0)
    run_worker("worker-1")

    assert DBTaskResult.objects.get(pk=row.pk).status == "SUCCESSFUL"
    assert " brain doctor " in search_text(doctor)


def test_a_task_stuck_under_a_worker_that_never_came_back_is_queued_again_after_a_while(db, database_tasks):
    tasks.purge.enqueue(["http://localhost/*"])
    row = DBTaskResult.objects.get()
    row.claim("a-host-that-burned-down")

    assert tasks.recover() == (0, 0), "not yet: the task may still be running"
    later = timezone.now() + timedelta(seconds=901)
    assert tasks.recover(now=later) == (1, 0)
    assert DBTaskResult.objects.get(pk=row.pk).status == "READY"


class RefusingProxy(http.server.BaseHTTPRequestHandler):
    """A Varnish that answers every purge with an error."""

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.send_response(503)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def two_proxies(settings):
    """One proxy that purges, one that refuses; both in WAGTAILFRONTENDCACHE as make cluster sets them."""
    received = []

    class Accepting(RefusingProxy):
        def do_PURGE(self):  # noqa: N802
            received.append(self.path)
            self.send_response(200)
            self.end_headers()

    servers = [http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) for handler in (Accepting, RefusingProxy)]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        f"varnish{number}": {
            "BACKEND": "base.frontend_cache.StrictHTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
        for number, server in enumerate(servers, start=1)
    }
    yield received
    for server in servers:
        server.shutdown()
        server.server_close()


def test_a_purge_a_varnish_refuses_fails_and_is_tried_again_later_until_it_gives_up(db, database_tasks, two_proxies):
    tasks.purge.enqueue(["http://localhost/*"])

    run_worker()

    row = DBTaskResult.objects.get()
    assert row.status == "FAILED", "Wagtail's own backend would only log it"
    assert "refused to purge http://localhost/*: 503" in row.traceback
    assert two_proxies == ["/*"], "the Varnish that answered was purged"

    assert tasks.recover() == (0, 1)
    row.refresh_from_db()
    assert row.status == "READY"
    assert row.run_after >= timezone.now() + timedelta(seconds=8), "tried again after a delay, not at once"

    # Two more tries, then it stays failed for an operator to see (TASK_MAX_ATTEMPTS = 3).
    for _attempt in (2, 3):
        DBTaskResult.objects.filter(pk=row.pk).update(run_after=timezone.now())
        run_worker()
        assert DBTaskResult.objects.get(pk=row.pk).status == "FAILED"
        tasks.recover()
    assert DBTaskResult.objects.get(pk=row.pk).status == "FAILED"
    assert len(DBTaskResult.objects.get(pk=row.pk).worker_ids) == 3


def test_with_the_default_backend_a_failed_purge_is_logged_as_an_error(db, two_proxies, caplog):
    from base.cache import purge_from_proxy

    purge_from_proxy({"/*"})

    assert two_proxies == ["/*"]
    assert any("Purge failed" in record.getMessage() and record.levelname == "ERROR" for record in caplog.records)
    assert not DBTaskResult.objects.exists()


def test_a_publish_purges_at_once_and_queues_a_retry_only_for_the_varnish_that_refused(db, database_tasks, two_proxies):
    """At once, so a publish shows within a second even while the worker is away; retried where it failed."""
    from base.cache import purge_from_proxy

    purge_from_proxy({"/*"})

    assert two_proxies == ["/*"]
    retry = DBTaskResult.objects.get()
    assert retry.args_kwargs["args"] == [["http://localhost/*"], ["varnish2"]]
    run_worker()
    assert two_proxies == ["/*"], "the retry goes only to the Varnish that failed"
    assert DBTaskResult.objects.get().status == "FAILED"


# --- What the worker finishes reaches the page cache and every Varnish -------------------------


@pytest.fixture
def proxies(settings):
    """Two Varnish that purge, configured as make cluster configures them; yields every path purged."""
    received = []

    class Accepting(RefusingProxy):
        def do_PURGE(self):  # noqa: N802
            received.append(self.path)
            self.send_response(200)
            self.end_headers()

    servers = [http.server.ThreadingHTTPServer(("127.0.0.1", 0), Accepting) for _number in (1, 2)]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        f"varnish{number}": {
            "BACKEND": "base.frontend_cache.StrictHTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
        for number, server in enumerate(servers, start=1)
    }
    yield received
    for server in servers:
        server.shutdown()
        server.server_close()


def cached(client, url):
    """Parents' searches until the page cache answers one: it first learns which parameters the page reads."""
    for _view in range(3):
        response = client.get(url)
        if response["X-Page-Cache"] == "hit":
            return response
    raise AssertionError(f"{url} was never served from the page cache")


def doctor_names(response):
    return [name.get_text(" ", strip=True) for name in soup(response).select(".provider-card__name")]


def test_a_search_cached_before_the_worker_ran_finds_the_doctors_once_it_has(
    site_settings, database_tasks, client, proxies, django_capture_on_commit_callbacks
):
    """The editor's save drops the caches before the worker rebuilds the doctors' search text; a search
    for the new words in between finds nobody and is cached, so the worker's work must drop it again."""
    specialty = Specialty.objects.create(name="Pediatric Hematology-Oncology")
    factories.provider("Maria", "Lopez", specialties=[specialty])
    run_worker()
    with django_capture_on_commit_callbacks(execute=True):
        specialty.synonyms = "blood cancer doctor"
        specialty.save()
    proxies.clear()
    url = "/find-a-doctor/?q=blood+cancer+doctor"

    assert doctor_names(cached(client, url)) == [], "the worker is away: nobody has the new words yet"

    with django_capture_on_commit_callbacks(execute=True):
        run_worker()

    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert [name for name in doctor_names(response) if "Maria Lopez" in name]
    assert doctor_names(cached(client, url)) == doctor_names(response)
    # Once per Varnish.
    assert sorted(proxies) == sorted(2 * ["/find-a-doctor/*", "/es/find-a-doctor/*", "/search/*", "/es/search/*"])


def test_a_rebuild_that_changed_nothing_purges_nothing(db, database_tasks, proxies, django_capture_on_commit_callbacks):
    specialty = Specialty.objects.create(name="Neurology")
    factories.provider("Ana", "Ruiz", specialties=[specialty])
    run_worker()
    with django_capture_on_commit_callbacks(execute=True):
        specialty.save()
    proxies.clear()

    with django_capture_on_commit_callbacks(execute=True):
        run_worker()

    assert DBTaskResult.objects.filter(status="SUCCESSFUL", return_value=0).exists()
    assert proxies == []


def test_a_site_search_cached_before_the_worker_updated_the_index_finds_the_page_once_it_has(
    index, database_tasks, client, proxies, django_capture_on_commit_callbacks
):
    """English condition search reads Wagtail's index, which the worker updates after the publish."""
    page = condition_page(index, "Hemophilia", summary="A bleeding disorder: blood does not clot.")
    run_worker()
    with django_capture_on_commit_callbacks(execute=True):
        page.summary = "A bleeding disorder: blood does not clot, because clotting factor VIII is missing."
        page.save_revision().publish()
    proxies.clear()
    url = "/search/?q=clotting+factor"

    def titles(response):
        return [title.get_text(strip=True) for title in soup(response).select(".search-result__title")]

    assert titles(cached(client, url)) == [], "the index still has the old summary"

    with django_capture_on_commit_callbacks(execute=True):
        run_worker()

    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert titles(response) == ["Hemophilia"]
    # Wagtail's own purge of the page's address (its task) comes through the same worker.
    assert {"/conditions/*", "/es/search/*", "/search/*"} <= set(proxies)
    assert not [path for path in proxies if path.startswith("/find-a-doctor")], "no doctor changed"


def test_indexing_a_draft_nobody_can_find_yet_purges_nothing(
    index, database_tasks, proxies, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        condition_page(index, "Hemophilia", publish=False)
    proxies.clear()

    with django_capture_on_commit_callbacks(execute=True):
        run_worker()

    assert DBTaskResult.objects.filter(task_path__endswith="insert_or_update_object_task", status="SUCCESSFUL").exists()
    assert proxies == []


def test_workflow_emails_wait_for_the_worker(db, database_tasks, settings):
    settings.EMAIL_BACKEND = "base.mail.TaskEmailBackend"
    settings.QUEUED_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    mail.send_mail("Page submitted for medical review", "Please review.", "website@localhost", ["dr@example.org"])

    assert mail.outbox == []
    run_worker()
    assert [(message.subject, message.to) for message in mail.outbox] == [
        ("Page submitted for medical review", ["dr@example.org"])
    ]
