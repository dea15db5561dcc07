"""Parents get pages from the cache; every change an editor makes shows on the next view.

Each invalidation test looks at a page first (so it is cached), changes
something the way an editor or import would, and checks the next anonymous
view shows the change.
"""

import http.server
import threading

import pytest
from django.db import transaction
from wagtail.models import Page, PageViewRestriction

from base.cache import discard_pending_purges, new_generation
from base.models import SiteSettings
from conditions.models import ConditionIndexPage
from tests.conditions.factories import condition_index, condition_page
from tests.conftest import soup
from tests.providers import factories

ALL_URL = "/conditions/acute-lymphoblastic-leukemia/"


@pytest.fixture
def doctor(all_condition):
    return factories.provider("Maria", "Lopez", conditions=[all_condition])


def text(response):
    return soup(response).get_text(" ", strip=True)


def cached_view(client, url):
    """View a page twice: the second view must come from the cache."""
    first = client.get(url)
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit", url
    assert second.content == first.content
    return second


def card_names(response):
    return [h.get_text(strip=True) for h in soup(response).select(".provider-card__name")]


# --- What is cached, and for whom ------------------------------------------------------------


def test_a_parents_second_view_comes_from_the_cache_without_the_database(
    client, all_condition, django_assert_num_queries
):
    first = client.get(ALL_URL)
    assert first["X-Page-Cache"] == "miss"

    with django_assert_num_queries(0):
        second = client.get(ALL_URL)

    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


@pytest.mark.parametrize("url", ["/", "/conditions/", ALL_URL, "/find-a-doctor/", "/find-a-doctor/?q=lopez"])
def test_every_public_page_is_cached_for_anonymous_visitors(client, doctor, url):
    assert cached_view(client, url).status_code == 200


def test_a_profile_is_cached(client, doctor):
    assert cached_view(client, doctor.get_absolute_url()).status_code == 200


def test_logged_in_staff_never_get_or_fill_the_page_cache(client, admin_client, all_condition):
    from django.test import Client

    staff = admin_client
    parent = Client()
    parent.get(ALL_URL)  # cached for anonymous visitors

    staff_view = staff.get(ALL_URL)
    assert "X-Page-Cache" not in staff_view
    assert soup(staff_view).select("[data-wagtail-userbar], wagtail-userbar, .wagtail-userbar") != []
    assert "private" in staff_view["Cache-Control"] and "no-store" in staff_view["Cache-Control"]

    parent_view = parent.get(ALL_URL)
    assert parent_view["X-Page-Cache"] == "hit"
    assert soup(parent_view).select("[data-wagtail-userbar], wagtail-userbar, .wagtail-userbar") == []


def test_a_request_with_a_session_cookie_is_never_served_from_the_cache(client, all_condition):
    client.cookies["sessionid"] = "not-a-real-session"
    client.get(ALL_URL)

    assert "X-Page-Cache" not in client.get(ALL_URL)


def test_a_preview_is_private_and_never_cached(admin_client, all_condition):
    preview_url = f"/admin/pages/{all_condition.pk}/view_draft/"
    first = admin_client.get(preview_url)
    second = admin_client.get(preview_url)

    assert first.status_code == second.status_code == 200
    assert "X-Page-Cache" not in second
    assert "no-store" in second["Cache-Control"] and "private" in second["Cache-Control"]


# --- Invalidation: change, then the next anonymous view shows it -----------------------------


def test_publishing_an_edit_shows_on_the_next_view(client, all_condition):
    cached_view(client, ALL_URL)

    all_condition.summary = "A brand new summary a reviewer just approved."
    all_condition.save_revision().publish()

    response = client.get(ALL_URL)
    assert response["X-Page-Cache"] == "miss"
    assert "A brand new summary a reviewer just approved." in text(response)


def test_unpublishing_removes_the_page_and_its_index_entry(client, all_condition):
    cached_view(client, ALL_URL)
    cached_view(client, "/conditions/")

    all_condition.unpublish()

    assert client.get(ALL_URL).status_code == 404
    assert "Acute Lymphoblastic Leukemia" not in text(client.get("/conditions/"))


def test_moving_a_page_serves_it_at_its_new_address(client, home_page, all_condition):
    cached_view(client, ALL_URL)
    cached_view(client, "/conditions/")
    archive = home_page.add_child(instance=ConditionIndexPage(title="Archive", slug="archive"))

    all_condition.move(archive, pos="last-child")

    old_address = client.get(ALL_URL)
    assert old_address.status_code == 301  # Wagtail's automatic redirect, not the cached page
    assert old_address["Location"].endswith("/archive/acute-lymphoblastic-leukemia/")
    assert client.get("/archive/acute-lymphoblastic-leukemia/").status_code == 200
    assert "Acute Lymphoblastic Leukemia" not in text(client.get("/conditions/"))


def test_deleting_a_page_removes_it(client, all_condition):
    cached_view(client, ALL_URL)
    cached_view(client, "/conditions/")

    all_condition.delete()

    assert client.get(ALL_URL).status_code == 404
    assert "Acute Lymphoblastic Leukemia" not in text(client.get("/conditions/"))


def test_making_a_page_private_stops_serving_it_from_the_cache(client, all_condition):
    cached_view(client, ALL_URL)

    PageViewRestriction.objects.create(page=all_condition, restriction_type="password", password="s3cret-word")

    response = client.get(ALL_URL)
    assert "ALL is the most common leukemia" not in text(response)
    assert "password" in text(response).lower()
    assert "no-store" in response["Cache-Control"]


def test_changing_site_settings_changes_every_cached_page(client, all_condition):
    for url in ("/", ALL_URL):
        cached_view(client, url)

    settings_row = SiteSettings.load()
    settings_row.hospital_name = "Renamed Children's Hospital"
    settings_row.save()

    for url in ("/", ALL_URL):
        assert "Renamed Children's Hospital" in text(client.get(url))


def test_renaming_a_doctor_changes_their_profile_the_search_and_the_condition_page(client, doctor):
    urls = [doctor.get_absolute_url(), "/find-a-doctor/", ALL_URL]
    for url in urls:
        cached_view(client, url)

    doctor.first_name = "Mariana"
    doctor.save()

    assert "Mariana Lopez, MD" in text(client.get(urls[0]))
    assert "Mariana Lopez, MD" in card_names(client.get(urls[1]))
    assert card_names(client.get(urls[2])) == ["Mariana Lopez, MD"]


def test_a_doctor_hidden_from_the_directory_leaves_the_condition_page_and_the_search(client, doctor):
    assert card_names(cached_view(client, ALL_URL)) == ["Maria Lopez, MD"]
    cached_view(client, "/find-a-doctor/?q=lopez")

    doctor.active = False
    doctor.save()

    assert card_names(client.get(ALL_URL)) == []
    assert card_names(client.get("/find-a-doctor/?q=lopez")) == []


def test_a_new_doctor_for_a_condition_appears_on_its_page(client, doctor, all_condition):
    cached_view(client, ALL_URL)

    factories.provider("Ana", "Nguyen", conditions=[all_condition])

    assert "Ana Nguyen, MD" in card_names(client.get(ALL_URL))


def test_linking_a_doctor_to_a_condition_shows_them_on_its_page(client, all_condition):
    other = factories.provider("Sam", "Okafor", conditions=[])
    assert card_names(cached_view(client, ALL_URL)) == []

    other.conditions.add(all_condition)
    other.save()

    assert card_names(client.get(ALL_URL)) == ["Sam Okafor, MD"]


def test_a_changed_clinic_phone_shows_on_the_profile(client, doctor):
    cached_view(client, doctor.get_absolute_url())

    clinic = doctor.provider_locations.first().location
    clinic.phone = "(562) 555-0199"
    clinic.save()

    assert "(562) 555-0199" in text(client.get(doctor.get_absolute_url()))


# --- HTTP caching headers for a CDN or proxy -------------------------------------------------


def test_a_public_page_can_be_kept_by_shared_caches_and_revalidated(client, all_condition, settings):
    response = client.get(ALL_URL)

    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", f"max-age={settings.BROWSER_CACHE_SECONDS}", f"s-maxage={settings.SHARED_CACHE_SECONDS}"} <= (
        directives
    )
    assert "cookie" in response["Vary"].lower()
    assert response["ETag"]

    for _ in range(2):  # freshly rendered, then from the cache
        not_modified = client.get(ALL_URL, HTTP_IF_NONE_MATCH=response["ETag"])
        assert not_modified.status_code == 304
        assert not_modified.content == b""


def test_a_changed_page_gets_a_new_etag(client, all_condition):
    etag = client.get(ALL_URL)["ETag"]

    all_condition.summary = "Updated words for parents."
    all_condition.save_revision().publish()

    response = client.get(ALL_URL, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


@pytest.mark.parametrize("url", ["/admin/login/", "/admin/"])
def test_the_admin_is_private_and_never_stored(client, admin_client, url):
    for visitor in (client, admin_client):
        response = visitor.get(url)
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]


def test_a_logged_in_visitor_gets_private_pages(admin_client, all_condition):
    response = admin_client.get("/find-a-doctor/")

    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert "s-maxage" not in response["Cache-Control"]


def test_the_health_check_is_never_cached(client, db):
    assert "no-store" in client.get("/healthz")["Cache-Control"]
    assert "X-Page-Cache" not in client.get("/healthz")


# --- Purging the reverse proxy (Varnish) through Wagtail's frontend cache ----------------------


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    """A tiny HTTP purge endpoint on loopback that records what it is asked to purge."""

    received = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_proxy(settings):
    discard_pending_purges()  # what the fixtures before this one published
    PurgeRecorder.received = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield PurgeRecorder.received
    server.shutdown()
    server.server_close()


def test_publishing_purges_the_english_site_from_the_proxy_after_commit(
    all_condition, purge_proxy, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        all_condition.summary = "New words."
        all_condition.save_revision().publish()
        # Nothing leaves before the transaction commits: a proxy must not re-fetch the old page.
        assert ("localhost", "/conditions/*") not in purge_proxy

    purged = {path for _host, path in purge_proxy}
    assert {"/", "/conditions/*", "/find-a-doctor/*", "/search/*", "/sitemap.xml"} <= purged
    # No Spanish site yet: nothing under /es/ to purge.
    assert not [path for path in purged if path.startswith("/es")]


@pytest.mark.parametrize("change", ["publish", "unpublish", "rename"])
def test_an_english_only_page_purges_the_spanish_a_to_z_that_lists_it(
    all_condition, index, purge_proxy, django_capture_on_commit_callbacks, client, change
):
    """/es/conditions/ lists English pages not yet in Spanish: a change to one reaches it, and no other Spanish page."""
    from tests.spanish import spanish_twin

    spanish_twin(index)
    discard_pending_purges()
    purge_proxy.clear()
    with django_capture_on_commit_callbacks(execute=True):
        if change == "unpublish":
            all_condition.unpublish()
        else:
            all_condition.title = "Acute Lymphoblastic Leukemia (ALL)" if change == "rename" else all_condition.title
            all_condition.save_revision().publish()

    spanish_paths = sorted(path for _host, path in purge_proxy if path.startswith("/es"))
    assert spanish_paths == ["/es/conditions/"]
    listed = "Acute Lymphoblastic Leukemia" in text(client.get("/es/conditions/"))
    assert listed == (change != "unpublish")


def test_a_doctor_change_purges_find_a_doctor_search_and_condition_pages(
    doctor, purge_proxy, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        doctor.last_name = "Lopez-Garcia"
        doctor.save()

    assert {path for _host, path in purge_proxy} == {
        "/find-a-doctor/*",
        "/search/*",
        "/conditions/*",
        "/es/find-a-doctor/*",
        "/es/search/*",
    }


def test_an_import_in_one_transaction_purges_once(all_condition, purge_proxy, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for number in range(5):
            factories.provider("Pat", f"Imported{number}", conditions=[all_condition])

    assert sorted(path for _host, path in purge_proxy) == [
        "/conditions/*",
        "/es/find-a-doctor/*",
        "/es/search/*",
        "/find-a-doctor/*",
        "/search/*",
    ]


def test_a_new_redirect_purges_the_proxy_which_may_hold_a_404(db, purge_proxy, django_capture_on_commit_callbacks):
    from wagtail.contrib.redirects.models import Redirect

    with django_capture_on_commit_callbacks(execute=True):
        Redirect.objects.create(old_path="/old-leukemia-page", redirect_link="/conditions/")

    assert ("localhost", "/*") in purge_proxy


# --- Routing and site data from the cache ----------------------------------------------------


def test_a_section_published_after_the_first_view_is_found(client, home_page, all_condition, settings):
    settings.PAGE_CACHE_ENABLED = False  # routing on every view
    assert client.get("/conditions/").status_code == 200  # the home page's live sections are now cached
    assert client.get("/archive/").status_code == 404

    condition_index(home_page, title="Archive", slug="archive")

    assert client.get("/archive/").status_code == 200


def test_an_unpublished_section_is_gone_at_once(client, index, all_condition, settings):
    settings.PAGE_CACHE_ENABLED = False
    assert client.get(ALL_URL).status_code == 200

    index.refresh_from_db()  # the factory published a revision; this copy still says "draft"
    index.unpublish()

    assert client.get("/conditions/").status_code == 404


def test_a_live_page_under_a_draft_section_is_served_as_wagtail_does(client, home_page, all_condition, settings):
    settings.PAGE_CACHE_ENABLED = False
    assert client.get(ALL_URL).status_code == 200
    drafts = home_page.add_child(instance=ConditionIndexPage(title="Drafts", slug="drafts", live=False))
    condition_page(drafts, "Hemophilia")

    assert client.get("/drafts/").status_code == 404
    response = client.get("/drafts/hemophilia/")
    assert response.status_code == 200
    assert "Hemophilia" in text(response)


def test_site_data_a_worker_keeps_goes_stale_when_another_worker_changes_the_site(client, doctor, settings):
    """Each worker keeps some site data in memory; a change made through another worker must still show."""
    settings.PAGE_CACHE_ENABLED = False
    assert "Maria Lopez" in text(client.get(ALL_URL))

    # Another worker's change: the rows, and a new generation in the shared cache (no signal here).
    type(doctor).objects.filter(pk=doctor.pk).update(first_name="Marisol")
    new_generation()

    assert card_names(client.get(ALL_URL)) == ["Marisol Lopez, MD"]


# --- Without the cache server --------------------------------------------------------------


@pytest.fixture
def cache_server_down(monkeypatch):
    """The cache answers nothing, as when Redis is away (django-redis turns errors into misses).

    Nothing is read or stored through the site cache while its generation cannot be read;
    the worker's own memory must not stand in for it either.
    """
    import time

    from base import cache

    monkeypatch.setattr(cache._outage, "down", True)
    monkeypatch.setattr(cache._outage, "retry_at", time.monotonic() + 3600)
    monkeypatch.setattr(cache, "_in_process", {})


def test_without_the_cache_server_every_page_still_renders_its_own_content(client, doctor, cache_server_down):
    """Site data (the Site, live sections, privacy flag, menus) is computed, each value for itself."""
    home, index_page, all_view = client.get("/"), client.get("/conditions/"), client.get(ALL_URL)

    assert [home.status_code, index_page.status_code, all_view.status_code] == [200, 200, 200]
    assert "Acute Lymphoblastic Leukemia" in text(index_page)
    assert soup(all_view).h1.get_text(strip=True) == "Acute Lymphoblastic Leukemia"
    assert "Maria Lopez" in text(all_view)
    assert "X-Page-Cache" not in all_view


def test_pinning_a_search_result_purges_both_languages_search_pages(
    db, purge_proxy, django_capture_on_commit_callbacks
):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    home = Page.objects.get(depth=2)
    with django_capture_on_commit_callbacks(execute=True):
        SearchPromotion.objects.create(query=Query.get("leucemia"), page=home, sort_order=0)

    assert {path for _host, path in purge_proxy} >= {"/search/*", "/es/search/*"}
