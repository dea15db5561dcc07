"""Staff roles, scheduling, revisions, renamed pages and the sitemap, as staff and parents meet them."""

import socket
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from conditions.models import ConditionIndexPage, ConditionPage
from conditions.readability import flesch_kincaid_grade, reading_level
from tests.conftest import soup
from tests.helpers import run_django

from .factories import condition_page
from .staff import staff_user
from .test_admin import page_form

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


# --- Who may do what -----------------------------------------------------------------------------


def test_every_install_has_the_four_staff_roles():
    from django.contrib.auth.models import Group

    names = set(Group.objects.values_list("name", flat=True))
    assert {"Editors", "Medical reviewers", "Directory editors", "Site administrators"} <= names


def test_editor_can_edit_but_not_publish_a_condition_page(client, all_condition):
    editor = staff_user("edna", "Editors")
    client.force_login(editor)

    assert client.get(edit_url(all_condition)).status_code == 200
    permissions = all_condition.permissions_for_user(editor)
    assert permissions.can_edit() and not permissions.can_publish()


def test_editor_publish_button_only_saves_a_draft_parents_do_not_see(client, all_condition):
    client.force_login(staff_user("edna", "Editors"))
    data = page_form(title="Acute Lymphoblastic Leukemia", slug=all_condition.slug, summary="A draft summary.")
    data["action-publish"] = "Publish"

    client.post(edit_url(all_condition), data)

    all_condition.refresh_from_db()
    assert all_condition.summary == "ALL is the most common leukemia in children."
    client.logout()
    assert b"A draft summary." not in client.get(all_condition.url).content


def test_medical_reviewer_approves_but_cannot_publish_directly(all_condition):
    reviewer = staff_user("rita", "Medical reviewers")
    assert not all_condition.permissions_for_user(reviewer).can_publish()
    assert all_condition.get_workflow().tasks.first().specific.groups.filter(name="Medical reviewers").exists()


def test_directory_editor_cannot_touch_pages(client, all_condition):
    client.force_login(staff_user("dora", "Directory editors"))

    response = client.get(edit_url(all_condition))

    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert client.get(reverse("wagtailadmin_explore", args=[all_condition.get_parent().pk])).status_code == 302
    assert client.get(reverse("find_a_doctor_providers:index")).status_code == 200


def test_anonymous_visitor_sees_no_draft_preview_or_admin(client, index):
    draft = condition_page(index, "Draft Condition", publish=False)
    draft.save_revision()

    assert client.get("/conditions/draft-condition/").status_code == 404
    for url in [
        reverse("wagtailadmin_pages:view_draft", args=[draft.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[draft.pk]),
        reverse("wagtailadmin_home"),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), url


def test_a_new_conditions_section_gets_the_medical_review_workflow(home_page):
    section = ConditionIndexPage(title="Conditions", slug="conditions-2")
    home_page.add_child(instance=section)

    assert section.get_workflow().name == "Medical review"


# --- Scheduling ----------------------------------------------------------------------------------


def test_scheduled_page_goes_live_exactly_when_due(client, index):
    page = condition_page(index, "Sickle Cell Disease", publish=False)
    page.go_live_at = timezone.now() + timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()

    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert not page.live
    assert client.get("/conditions/sickle-cell-disease/").status_code == 404

    # The hour passes: move the scheduled time (in the revision and its approval) to just before now.
    revision.refresh_from_db()
    due = timezone.now() - timedelta(seconds=1)
    revision.content["go_live_at"] = due.isoformat()
    revision.approved_go_live_at = due
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled", verbosity=0)

    page.refresh_from_db()
    assert page.live
    assert client.get("/conditions/sickle-cell-disease/").status_code == 200


def test_page_is_unpublished_when_it_expires(client, index):
    page = condition_page(index, "Old Advice")
    page.expire_at = timezone.now() + timedelta(hours=1)
    page.save_revision().publish()

    call_command("publish_scheduled", verbosity=0)
    assert client.get("/conditions/old-advice/").status_code == 200

    type(page).objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(seconds=1))
    call_command("publish_scheduled", verbosity=0)

    page.refresh_from_db()
    assert not page.live and page.expired
    assert client.get("/conditions/old-advice/").status_code == 404


# --- Revisions -----------------------------------------------------------------------------------


def test_editor_compares_and_restores_an_old_revision(client, all_condition):
    first = all_condition.get_latest_revision()
    all_condition.summary = "A worse summary."
    second = all_condition.save_revision()
    second.publish()
    client.force_login(staff_user("edna", "Editors"))

    compare = client.get(reverse("wagtailadmin_pages:revisions_compare", args=[all_condition.pk, first.pk, second.pk]))
    assert compare.status_code == 200
    assert "A worse summary." in compare.content.decode()
    revert = client.get(reverse("wagtailadmin_pages:revisions_revert", args=[all_condition.pk, first.pk]))
    assert revert.status_code == 200
    assert revert.context["form"].initial["summary"] == "ALL is the most common leukemia in children."

    # Saving the reverted form makes the old text the newest draft, logged as a revert.
    data = page_form(
        title=all_condition.title,
        slug=all_condition.slug,
        summary=revert.context["form"].initial["summary"],
    )
    response = client.post(reverse("wagtailadmin_pages:revisions_revert", args=[all_condition.pk, first.pk]), data)

    assert response.status_code == 302
    all_condition.refresh_from_db()
    assert all_condition.get_latest_revision().as_object().summary == "ALL is the most common leukemia in children."
    assert PageLogEntry.objects.filter(page=all_condition, action="wagtail.revert").exists()


# --- Renamed pages and the sitemap ---------------------------------------------------------------


def test_renamed_page_keeps_its_old_url_working(admin_client, index, django_capture_on_commit_callbacks):
    url = reverse("wagtailadmin_pages:add", args=["conditions", "conditionpage", index.pk])
    data = page_form()
    data["action-publish"] = "Publish"
    assert admin_client.post(url, data).status_code == 302
    page = ConditionPage.objects.get(slug="iron-deficiency-anemia")

    data = page_form(slug="iron-deficiency")
    data["action-publish"] = "Publish"
    # Wagtail creates the redirect once the rename is committed.
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(edit_url(page), data).status_code == 302

    response = admin_client.get("/conditions/iron-deficiency-anemia/")
    assert response.status_code == 301
    assert response["Location"].endswith("/conditions/iron-deficiency/")
    assert admin_client.get(response["Location"]).status_code == 200


def test_sitemap_lists_live_pages_only(client, index):
    condition_page(index, "Live Condition")
    condition_page(index, "Draft Condition", publish=False)
    unpublished = condition_page(index, "Unpublished Condition")
    unpublished.unpublish()
    expiring = condition_page(index, "Expired Condition")
    type(expiring).objects.filter(pk=expiring.pk).update(expire_at=timezone.now() - timedelta(minutes=1))

    sitemap = ElementTree.fromstring(client.get("/sitemap.xml").content)
    locations = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]

    assert any(loc.endswith("/conditions/live-condition/") for loc in locations)
    assert any(loc.endswith("/conditions/") for loc in locations)
    assert not [loc for loc in locations if "draft" in loc or "unpublished" in loc or "expired" in loc]


# --- Reading level, alt text, dashboard, accessibility checker -----------------------------------


def test_reading_level_is_shown_in_the_condition_page_editor(admin_client, all_condition):
    response = admin_client.get(edit_url(all_condition))

    panel = soup(response).select_one("[data-reading-level]")
    assert panel is not None
    expected = flesch_kincaid_grade(all_condition.reading_text())
    assert f"Reading level: grade {expected}" in panel.get_text(" ", strip=True)


def test_reading_level_flags_hard_text_and_passes_plain_text():
    plain = "Your child may feel tired. Call us if you see bruises. We can help."
    hard = (
        "Hematopoietic progenitor malignancies characteristically demonstrate heterogeneous immunophenotypic "
        "presentations necessitating comprehensive multidisciplinary diagnostic evaluation."
    )
    assert reading_level(plain)["ok"] and reading_level(plain)["grade"] <= 6
    assert not reading_level(hard)["ok"] and reading_level(hard)["grade"] > 12


def test_reading_level_works_with_no_network():
    code = (
        "import socket\n"
        "def refuse(*args, **kwargs):\n"
        "    raise OSError('network disabled for this test')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "from conditions.readability import flesch_kincaid_grade\n"
        "print(flesch_kincaid_grade('Your child may feel tired. Call us if you see bruises.'))\n"
    )
    result = run_django(code, "hospital_site.settings.test")

    assert result.returncode == 0, result.stderr
    assert float(result.stdout.strip().splitlines()[-1]) < 6
    assert socket.socket.connect is not None  # this process's socket module is untouched


def test_image_upload_needs_a_description_for_alt_text(admin_client, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    def upload():
        return SimpleUploadedFile("ward.png", get_test_image_file().file.getvalue(), content_type="image/png")

    settings.MEDIA_ROOT = tmp_path
    url = reverse("wagtailimages:add")

    missing = admin_client.post(url, {"title": "Ward", "file": upload(), "description": ""})
    assert missing.status_code == 200
    assert "description" in missing.context["form"].errors
    assert not get_image_model().objects.exists()

    added = admin_client.post(url, {"title": "Ward", "file": upload(), "description": "A bright ward with two beds"})
    assert added.status_code == 302
    assert get_image_model().objects.get().default_alt_text == "A bright ward with two beds"


def test_dashboard_shows_medical_reviews_due_to_editors(client, index):
    today = timezone.localdate()
    condition_page(index, "Overdue Condition", last_reviewed=today - timedelta(days=400), next_review_due=today)
    condition_page(index, "Fresh Condition")
    client.force_login(staff_user("edna", "Editors"))

    panel = soup(client.get(reverse("wagtailadmin_home"))).select_one("#medical-review-due-section")

    text = panel.get_text(" ", strip=True)
    assert "Overdue Condition" in text and "Fresh Condition" not in text


def test_staff_who_use_the_admin_in_spanish_read_the_review_and_reading_level_panels_in_spanish(
    client, index, all_condition
):
    from wagtail.users.models import UserProfile

    today = timezone.localdate()
    condition_page(index, "Overdue Condition", last_reviewed=today - timedelta(days=400), next_review_due=today)
    editor = staff_user("edna", "Editors")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(editor)

    dashboard = soup(client.get(reverse("wagtailadmin_home"))).select_one("#medical-review-due-section")
    reading = soup(client.get(edit_url(all_condition))).select_one("[data-reading-level]")

    assert dashboard.select_one("h2").get_text(strip=True) == "Revisión médica pendiente"
    headings = [cell.get_text(strip=True) for cell in dashboard.select("th")]
    assert headings == ["Enfermedad", "Revisado por", "Próxima revisión", "Estado"]
    assert "Vencida" in dashboard.get_text(" ", strip=True)
    grade = str(flesch_kincaid_grade(all_condition.reading_text())).replace(".", ",")  # a decimal comma in Spanish
    assert f"Nivel de lectura: grado {grade}" in reading.get_text(" ", strip=True)
    assert "Reading level" not in reading.get_text()


def test_site_settings_navigation_and_the_review_report_are_in_spanish_for_staff_who_chose_it(
    client, index, site_settings
):
    from django.core.exceptions import ValidationError
    from django.utils import translation
    from wagtail.users.models import UserProfile

    from base.models import NavigationSettings
    from providers.validators import validate_npi

    today = timezone.localdate()
    condition_page(index, "Overdue Condition", last_reviewed=today - timedelta(days=400), next_review_due=today)
    administrator = staff_user("sam", "Site administrators")
    profile = UserProfile.get_for_user(administrator)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(administrator)

    def text(url):
        response = client.get(url)
        assert response.status_code == 200, url
        return soup(response).get_text(" ", strip=True)

    settings_page = text(reverse("wagtailsettings:edit", args=["base", "sitesettings", site_settings.pk]))
    navigation = text(
        reverse("wagtailsettings:edit", args=["base", "navigationsettings", NavigationSettings.load().pk])
    )
    report = text(reverse("conditions_review_due"))

    assert "Teléfono principal" in settings_page and "En español (páginas bajo /es/)" in settings_page
    assert "Main phone" not in settings_page
    assert "Menú de arriba" in navigation and "Header menu" not in navigation
    assert "Revisiones médicas pendientes" in report and "Vence pronto" in report and "Última revisión" in report
    with translation.override("es"), pytest.raises(ValidationError, match="Un NPI empieza con 1 o 2"):
        validate_npi("3123456789")


def test_logged_in_editor_gets_the_userbar_with_the_accessibility_checker(client, all_condition):
    client.force_login(staff_user("edna", "Editors"))

    html = client.get(all_condition.url).content.decode()

    assert "wagtail-userbar" in html
    assert 'id="checker-axe-configuration"' in html  # Wagtail's accessibility checker (axe) in the userbar


def test_scheduling_fields_are_in_the_editor(admin_client, all_condition):
    form = admin_client.get(edit_url(all_condition)).context["form"]

    assert {"go_live_at", "expire_at"} <= set(form.fields)
