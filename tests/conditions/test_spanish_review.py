"""Nothing reaches a parent in Spanish that a medical reviewer did not approve.

A translator starts the Spanish page from the English one (a draft), types the
Spanish in wagtail-localize's editor, saves and submits; only a medical
reviewer's approval publishes it. Every other way to publish is closed, each
proven here: making the translation live at once, the translation editor's
Publish, "Sync translated pages → Publish immediately", a site administrator's
Publish, and approving text that still has English in it.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState
from wagtail.test.utils import WagtailPageTestCase
from wagtail_localize.models import Translation, TranslationSource

from base.models import HomePage, SiteSettings
from base.workflows import ReviewRequired
from conditions.models import ConditionPage
from tests.spanish import spanish, start_translation, translate_strings

from .factories import EMERGENCY, ROUTINE, all_page, condition_index
from .staff import staff_user

SPANISH_ALL = "/es/conditions/acute-lymphoblastic-leukemia/"


class SpanishReviewTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get()
        cls.index = condition_index(cls.home)
        site_settings = SiteSettings.load()
        site_settings.cancer_center_phone = "(562) 728-5000"
        site_settings.save()
        cls.english = all_page(cls.index)
        cls.translator = staff_user("tomas", "Editors", "Tomás", "Traductor")
        cls.reviewer = staff_user("rita", "Medical reviewers", "Rita", "Reyes")
        cls.administrator = staff_user("ana", "Site administrators", "Ana", "Admin")

    def setUp(self):
        # The Spanish home page parents reach first (not medical content: no review needed).
        start_translation(self.home)
        spanish_home = self.home.get_translation(spanish())
        spanish_home.save_revision().publish()

    def translated_draft(self, skip=()):
        """The translator's draft of the Spanish ALL page, every piece of text typed in Spanish but ``skip``."""
        page = start_translation(self.english, user=self.translator)
        start_translation(self.index, user=self.translator)
        translate_strings(self.english, skip=skip)
        translate_strings(self.index)
        return page

    def submit(self, page):
        self.client.force_login(self.translator)
        response = self.client.post(reverse("conditions_submit_translation", args=[page.pk]))
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        return page

    def approve(self, page, user=None):
        self.client.force_login(user or self.reviewer)
        task_state = page.current_workflow_state.current_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
        return self.client.post(url, {"comment": ""})

    def assert_refused(self, response, page):
        """The admin answers a refused action by sending the user back with "you do not have permission"."""
        self.assertIn(response.status_code, (302, 403))
        if response.status_code == 302:
            self.assertIn("permission", " ".join(str(m) for m in response.wsgi_request._messages).lower())
        page.refresh_from_db()
        self.assertFalse(page.live)

    def assert_not_public(self):
        self.client.logout()
        self.assertEqual(self.client.get(SPANISH_ALL).status_code, 404)

    # --- The path that works -------------------------------------------------------------------

    def test_a_new_translation_is_a_draft_even_though_the_english_page_is_live(self):
        page = start_translation(self.english, user=self.translator)

        self.assertFalse(page.live)
        parent = page.get_parent().specific
        self.assertEqual(parent.locale, spanish())
        # Wagtail made the untranslated parent an alias of the English index: English words, never served in Spanish.
        self.assertEqual(parent.alias_of_id, self.index.pk)
        self.client.logout()
        self.assertEqual(self.client.get("/es/conditions/").status_code, 404)
        self.assert_not_public()

    def test_the_translator_submits_and_the_reviewers_approval_publishes_with_name_and_date(self):
        page = self.submit(self.translated_draft())
        self.submit(page.get_parent().specific)
        self.assertEqual(page.current_workflow_state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertFalse(page.live)

        self.assertEqual(self.approve(page.get_parent().specific).status_code, 302)
        self.assertEqual(self.approve(page).status_code, 302)

        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(page.reviewer_name, "Rita Reyes")
        self.assertEqual(page.last_reviewed, timezone.localdate())
        # The English page's review stays its own.
        self.english.refresh_from_db()
        self.assertEqual(self.english.reviewer_name, "Maria Lopez")
        self.client.logout()
        response = self.client.get(SPANISH_ALL)
        self.assertContains(response, "ES: Acute Lymphoblastic Leukemia")
        self.assertContains(response, '<html lang="es">', html=False)

    def test_a_translation_starts_without_the_english_pages_review(self):
        page = self.translated_draft()

        self.assertEqual((page.reviewer_name, page.last_reviewed, page.next_review_due), ("", None, None))

    # --- The paths that must not publish -------------------------------------------------------

    def test_translation_with_untranslated_text_cannot_be_approved(self):
        page = self.submit(self.translated_draft(skip={"Follow the treatment plan"}))

        self.client.force_login(self.reviewer)
        actions = [name for name, *_ in page.current_workflow_task.get_actions(page, self.reviewer)]
        self.assertNotIn("approve", actions)
        self.assertIn("reject", actions)
        self.assert_refused(self.approve(page), page)
        with self.assertRaises(ReviewRequired):
            page.current_workflow_task.specific.on_action(
                page.current_workflow_state.current_task_state, self.reviewer, "approve"
            )

    def test_words_changed_after_submitting_must_be_submitted_again(self):
        page = self.submit(self.translated_draft())
        translate_strings(self.english, {"Follow the treatment plan": "Siga el plan de tratamiento"})

        self.assert_refused(self.approve(page), page)

    def test_translation_editor_publish_is_refused_to_the_translator(self):
        page = self.translated_draft()
        self.client.force_login(self.translator)

        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})

        self.assert_refused(response, page)

    def test_translation_editor_publish_is_refused_to_a_site_administrator_too(self):
        page = self.translated_draft()
        self.client.force_login(self.administrator)

        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})

        self.assert_refused(response, page)
        self.assertFalse(page.permissions_for_user(self.administrator).can_publish())
        # The English page keeps Wagtail's rules: administrators may still publish it directly.
        self.assertTrue(self.english.permissions_for_user(self.administrator).can_publish())

    def test_sync_translated_pages_publish_immediately_does_not_publish(self):
        page = self.translated_draft()
        self.english.summary = "A new English summary."
        self.english.save_revision().publish()
        source = TranslationSource.objects.get(object_id=self.english.translation_key)
        # A user with no publish rights at all, who may sync translations: the case seen publishing before.
        self.translator.user_permissions.add(*_submit_translation_permission())
        self.client.force_login(self.translator)

        response = self.client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
        )

        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assert_not_public()

    def test_publishing_a_live_spanish_page_again_without_review_is_refused(self):
        page = self.submit(self.translated_draft())
        self.submit(page.get_parent().specific)
        self.approve(page.get_parent().specific)
        self.approve(page)
        page.refresh_from_db()
        before = page.live_revision_id

        page.summary = "Texto que nadie revisó."
        revision = page.save_revision()
        with self.assertRaises(PermissionDenied):
            revision.publish()

        page.refresh_from_db()
        self.assertEqual(page.live_revision_id, before)
        self.client.logout()
        self.assertNotContains(self.client.get(SPANISH_ALL), "Texto que nadie revisó")

    def test_no_publish_button_for_spanish_pages_in_the_page_editor(self):
        page = self.translated_draft()
        Translation.objects.filter(source__object_id=self.english.translation_key).update(enabled=False)
        self.client.force_login(self.administrator)

        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'name="action-publish"')
        self.assertContains(response, 'name="action-submit"')

    def test_our_setting_keeps_new_translations_drafts(self):
        from django.conf import settings

        self.assertIs(settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE, False)

    @override_settings(WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE=True)
    def test_even_with_wagtail_localizes_make_live_default_a_new_translation_stays_a_draft(self):
        with self.assertRaises(PermissionDenied), self.captureOnCommitCallbacks(execute=True):
            start_translation(self.english, user=self.translator)

        self.assertFalse(self.english.get_translation(spanish()).live)
        self.assert_not_public()

    # --- Urgency levels ------------------------------------------------------------------------

    def test_urgency_is_not_text_a_translator_can_change(self):
        start_translation(self.english)
        source = TranslationSource.objects.get(object_id=self.english.translation_key)

        strings = set(source.stringsegment_set.values_list("string__data", flat=True))

        self.assertNotIn(EMERGENCY, strings)
        self.assertNotIn(ROUTINE, strings)
        self.assertIn("Follow the treatment plan", strings)

    def test_urgency_that_differs_from_the_english_page_cannot_be_approved(self):
        page = self.submit(self.translated_draft())
        body = page.body.raw_data
        for block in body:
            if block["type"] == "symptoms":
                for item in block["value"]["symptoms"]:
                    item["value"]["urgency"] = ROUTINE
        page.body = body
        page.save_revision()

        self.assert_refused(self.approve(page), page)

    def test_spanish_page_shows_the_english_pages_urgency_after_an_english_change(self):
        page = self.submit(self.translated_draft())
        self.submit(page.get_parent().specific)
        self.approve(page.get_parent().specific)
        self.approve(page)
        english = ConditionPage.objects.get(pk=self.english.pk)
        body = english.body.raw_data
        first = body[0]["value"]["symptoms"][0]
        self.assertEqual(first["value"]["urgency"], ROUTINE)
        first["value"]["urgency"] = EMERGENCY
        english.body = body
        english.save_revision().publish()

        self.client.logout()
        response = self.client.get(SPANISH_ALL)

        call_911 = response.content.decode().split('id="call-911"')[1].split("</section>")[0]
        self.assertIn("ES: " + first["value"]["name"], call_911)


def _submit_translation_permission():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename="submit_translation")


class OutOfDateTests(WagtailPageTestCase):
    """When the English page changes, the editor is told, and the dashboard lists the Spanish page."""

    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get()
        cls.index = condition_index(cls.home)
        cls.english = all_page(cls.index)
        cls.editor = staff_user("tomas", "Editors", "Tomás", "Traductor")

    def setUp(self):
        from tests.spanish import spanish_twin

        self.spanish = spanish_twin(self.english)

    def change_the_english_page(self):
        english = ConditionPage.objects.get(pk=self.english.pk)
        english.summary = "A newer English summary."
        english.save_revision().publish()

    def test_a_current_spanish_page_is_not_listed(self):
        self.client.force_login(self.editor)

        response = self.client.get(reverse("wagtailadmin_home"))

        self.assertContains(response, "Every Spanish condition page is as new as its English page.")

    def test_the_dashboard_lists_spanish_pages_older_than_their_english_page(self):
        self.change_the_english_page()
        self.client.force_login(self.editor)

        response = self.client.get(reverse("wagtailadmin_home"))

        self.assertContains(response, "Spanish pages to update")
        self.assertContains(response, reverse("wagtailadmin_pages:edit", args=[self.spanish.pk]))

    def test_opening_the_spanish_page_says_what_is_out_of_date(self):
        self.change_the_english_page()
        self.client.force_login(self.editor)

        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.spanish.pk]), follow=True)

        messages = [str(message) for message in response.context["messages"]]
        self.assertTrue(any("Sync translated pages" in message for message in messages), messages)
        self.assertTrue(any("published before the English page" in message for message in messages), messages)


def test_a_machine_translation_service_stops_the_site_from_starting(settings):
    """``manage.py check`` (and migrate and runserver, which run it) fails with base.E001: nobody's Spanish
    is written by a machine (docs/spanish.md)."""
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    call_command("check")  # the project's own settings name no machine translator

    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    }
    with pytest.raises(SystemCheckError, match=r"base\.E001.*WAGTAILLOCALIZE_MACHINE_TRANSLATOR is set"):
        call_command("check")
