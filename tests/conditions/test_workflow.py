"""Nothing medical goes live without a clinician: editors submit, medical reviewers approve or send back."""

from datetime import date, timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, WorkflowState
from wagtail.test.utils import WagtailPageTestCase

from base.models import HomePage, SiteSettings
from conditions.models import ConditionPage, ReviewerProfile

from .factories import condition_index
from .staff import staff_user
from .test_admin import page_form


class MedicalReviewWorkflowTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get()
        cls.index = condition_index(cls.home)
        site_settings = SiteSettings.load()
        site_settings.cancer_center_phone = "(562) 728-5000"
        site_settings.save()
        cls.editor = staff_user("edna", "Editors", "Edna", "Editor")
        cls.reviewer = staff_user("rita", "Medical reviewers", "Rita", "Reyes")

    def submit_new_page(self, **overrides):
        """The editor writes a new page, leaves the review to the clinician and submits it."""
        self.client.force_login(self.editor)
        fields = {"reviewer_name": "", "reviewer_credentials": "", "last_reviewed": "", "next_review_due": ""}
        data = page_form(**{**fields, **overrides})
        data["action-submit"] = "Submit for review"
        url = reverse("wagtailadmin_pages:add", args=["conditions", "conditionpage", self.index.pk])
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        return ConditionPage.objects.get(slug="iron-deficiency-anemia")

    def act(self, page, action, comment=""):
        """The reviewer approves or sends back the page from the workflow action the admin shows them."""
        self.client.force_login(self.reviewer)
        task_state = page.current_workflow_state.current_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
        return self.client.post(url, {"comment": comment})

    def test_conditions_section_is_under_medical_review(self):
        workflow = self.index.get_workflow()
        self.assertEqual(workflow.name, "Medical review")
        self.assertEqual(
            [group.name for task in workflow.tasks.all() for group in task.specific.groups.all()],
            ["Medical reviewers"],
        )

    def test_submitting_emails_the_medical_reviewers(self):
        self.submit_new_page()

        to_reviewers = [message for message in mail.outbox if self.reviewer.email in message.to]
        self.assertEqual(len(to_reviewers), 1)
        self.assertIn("Iron Deficiency Anemia", to_reviewers[0].subject)
        self.assertFalse([message for message in mail.outbox if self.editor.email in message.to])

    def test_submitted_page_is_not_public_until_approved(self):
        page = self.submit_new_page()

        self.assertFalse(page.live)
        self.client.logout()
        self.assertEqual(self.client.get("/conditions/iron-deficiency-anemia/").status_code, 404)

    def test_reviewer_sees_the_page_waiting_for_them_on_the_dashboard(self):
        self.submit_new_page()
        self.client.force_login(self.reviewer)

        response = self.client.get(reverse("wagtailadmin_home"))

        self.assertContains(response, "Awaiting your review")
        self.assertContains(response, "Iron Deficiency Anemia")

    def test_approval_publishes_and_records_the_reviewer_and_the_date(self):
        page = self.submit_new_page()

        response = self.act(page, "approve")

        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        today = timezone.localdate()
        self.assertTrue(page.live)
        self.assertEqual(page.reviewer_name, "Rita Reyes")
        self.assertEqual(page.last_reviewed, today)
        self.assertEqual(page.next_review_due, today.replace(year=today.year + 1))
        # What went live is the revision the reviewer approved, stamped with the review.
        self.assertEqual(page.live_revision.as_object().reviewer_name, "Rita Reyes")
        self.assertFalse(page.has_unpublished_changes)
        self.client.logout()
        public = self.client.get("/conditions/iron-deficiency-anemia/")
        self.assertContains(public, "Medically reviewed by <strong>Rita Reyes</strong>", html=False)

    def test_approval_uses_the_reviewers_profile_and_directory_credentials(self):
        provider = _provider()
        ReviewerProfile.objects.create(user=self.reviewer, provider=provider)
        page = self.submit_new_page()

        self.act(page, "approve")

        page.refresh_from_db()
        self.assertEqual(page.reviewer_name, "Rita Reyes")
        self.assertEqual(page.reviewer_credentials, provider.credentials)
        self.assertEqual(page.reviewer_provider, provider)

    def test_a_later_next_review_date_is_kept(self):
        later = timezone.localdate() + timedelta(days=200)
        page = self.submit_new_page(next_review_due=later.isoformat())

        self.act(page, "approve")

        page.refresh_from_db()
        self.assertEqual(page.next_review_due, later)

    def test_rejection_sends_the_page_back_with_the_reviewers_comment(self):
        page = self.submit_new_page()

        self.act(page, "reject", comment="Please say 'bruises' instead of 'petechiae'.")

        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertEqual(page.current_workflow_state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        self.assertIsNone(page.last_reviewed)
        # The editor is told by email and sees the comment in the page's workflow history.
        self.assertTrue([m for m in mail.outbox if self.editor.email in m.to and "rejected" in m.subject.lower()])
        self.client.force_login(self.editor)
        state = page.current_workflow_state
        history = self.client.get(reverse("wagtailadmin_pages:workflow_history_detail", args=[page.pk, state.pk]))
        self.assertContains(history, "Please say &#x27;bruises&#x27; instead of &#x27;petechiae&#x27;.")

    def test_audit_log_shows_who_submitted_approved_and_published(self):
        page = self.submit_new_page()
        self.act(page, "approve")

        entries = {(entry.action, entry.user.username) for entry in PageLogEntry.objects.filter(page=page)}

        self.assertLessEqual(
            {
                ("wagtail.create", "edna"),
                ("wagtail.workflow.start", "edna"),
                ("wagtail.workflow.approve", "rita"),
                ("wagtail.publish", "rita"),
            },
            entries,
        )
        self.client.force_login(self.reviewer)
        history = self.client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
        self.assertContains(history, "Edna Editor")
        self.assertContains(history, "Rita Reyes")

    def test_editor_cannot_publish_even_by_posting_the_publish_button(self):
        self.client.force_login(self.editor)
        data = page_form()
        data["action-publish"] = "Publish"
        url = reverse("wagtailadmin_pages:add", args=["conditions", "conditionpage", self.index.pk])

        self.client.post(url, data)

        page = ConditionPage.objects.filter(slug="iron-deficiency-anemia").first()
        self.assertTrue(page is None or not page.live)
        self.assertFalse(page and page.permissions_for_user(self.editor).can_publish())


def _provider():
    from tests.providers.factories import provider

    return provider(first_name="Rita", last_name="Reyes", credentials="MD, PhD")


def test_review_dates_roll_over_leap_day():
    from conditions.models import one_year_after

    assert one_year_after(date(2028, 2, 29)) == date(2029, 2, 28)
