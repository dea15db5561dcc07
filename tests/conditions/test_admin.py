"""An editor writes condition pages in the Wagtail admin, without a developer, and sees what to fix."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from base.models import HomePage, SiteSettings
from conditions.models import ConditionIndexPage, ConditionPage

from .factories import EMERGENCY, ROUTINE, condition_index, condition_page, make_image


def listblock(items):
    """Form data for a ListBlock, as the admin's JavaScript would post it."""
    data = {str(i): {"value": item, "deleted": "", "order": str(i), "id": ""} for i, item in enumerate(items)}
    data["count"] = str(len(items))
    return data


def symptom_form(name, urgency, description=""):
    return {"name": name, "description": description, "urgency": urgency}


def page_form(**overrides):
    """Everything an editor fills in for a condition page, valid unless overridden."""
    today = timezone.localdate()
    data = {
        "title": "Iron Deficiency Anemia",
        "slug": "iron-deficiency-anemia",
        "alternate_names": "low iron",
        "summary": "Too little iron makes too few healthy red blood cells.",
        "key_facts": streamfield([]),
        "call_to_action": streamfield([]),
        "body": streamfield(
            [
                (
                    "symptoms",
                    {
                        "heading": "Symptoms",
                        "intro": "",
                        "symptoms": listblock(
                            [
                                symptom_form("Pale skin", ROUTINE),
                                symptom_form("Fainting", EMERGENCY, "Your child passes out."),
                            ]
                        ),
                    },
                ),
                ("section", {"heading": "What is it?", "body": rich_text("<p>Too little iron in the body.</p>")}),
            ]
        ),
        "reviewer_name": "Maria Lopez",
        "reviewer_credentials": "MD",
        "last_reviewed": (today - timedelta(days=1)).isoformat(),
        "next_review_due": (today + timedelta(days=364)).isoformat(),
    }
    data.update(overrides)
    return nested_form_data(data)


def error_messages(error):
    """The messages inside a (possibly nested) StreamField validation error."""
    messages = []
    for nested in getattr(error, "block_errors", {}).values():
        messages += error_messages(nested)
    if hasattr(error, "non_block_errors"):
        for nested in error.non_block_errors.as_data():
            messages += error_messages(nested)
    return messages or list(error.messages)


class ConditionPageAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get()
        cls.index = condition_index(cls.home)
        site_settings = SiteSettings.load()
        site_settings.cancer_center_phone = "(562) 728-5000"
        site_settings.save()

    def setUp(self):
        self.login()

    def add_url(self, parent=None):
        return reverse("wagtailadmin_pages:add", args=["conditions", "conditionpage", (parent or self.index).pk])

    def post_page(self, data):
        data["action-publish"] = "action-publish"
        return self.client.post(self.add_url(), data)

    def test_condition_pages_live_only_under_the_index(self):
        self.assertAllowedParentPageTypes(ConditionPage, {ConditionIndexPage})
        self.assertAllowedSubpageTypes(ConditionPage, {})
        self.assertCanCreateAt(ConditionIndexPage, ConditionPage)
        self.assertCanNotCreateAt(HomePage, ConditionPage)
        self.assertCanNotCreateAt(Page, ConditionPage)

    def test_editor_cannot_add_a_condition_page_under_the_home_page(self):
        data = page_form()
        data["action-publish"] = "action-publish"

        response = self.client.post(self.add_url(parent=self.home), data, follow=True)

        self.assertContains(response, "do not have permission")
        self.assertFalse(ConditionPage.objects.exists())

    def test_editor_creates_and_publishes_a_condition_page(self):
        self.assertCanCreate(self.index, ConditionPage, page_form())

        page = ConditionPage.objects.get(slug="iron-deficiency-anemia")
        self.assertTrue(page.live)
        self.assertEqual([s["name"] for s in page.emergency_symptoms], ["Fainting"])
        response = self.client.get("/conditions/iron-deficiency-anemia/")
        self.assertContains(response, "Call 911 now if your child has:")
        self.assertContains(response, "Medically reviewed by <strong>Maria Lopez, MD</strong>", html=False)

    def test_editor_can_save_a_draft_before_the_review_is_done(self):
        data = page_form(reviewer_name="", last_reviewed="", next_review_due="")

        response = self.client.post(self.add_url(), data)

        self.assertEqual(response.status_code, 302)
        page = ConditionPage.objects.get(slug="iron-deficiency-anemia")
        self.assertFalse(page.live)

    def test_publishing_needs_a_reviewer_and_review_dates(self):
        response = self.post_page(page_form(reviewer_name="", last_reviewed="", next_review_due=""))

        self.assertEqual(response.status_code, 200)
        self.assertEqual(set(response.context["form"].errors), {"reviewer_name", "last_reviewed", "next_review_due"})
        self.assertFalse(ConditionPage.objects.filter(slug="iron-deficiency-anemia").exists())

    def test_review_dates_in_the_wrong_order_are_rejected_with_a_message(self):
        today = timezone.localdate()
        data = page_form(
            last_reviewed=(today - timedelta(days=10)).isoformat(),
            next_review_due=(today - timedelta(days=20)).isoformat(),
        )

        response = self.post_page(data)

        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors["next_review_due"]
        self.assertIn("The next review must be after the last review", errors[0])
        self.assertContains(response, "The next review must be after the last review")
        self.assertFalse(ConditionPage.objects.filter(slug="iron-deficiency-anemia").exists())

    def test_last_review_in_the_future_is_rejected(self):
        today = timezone.localdate()
        data = page_form(
            last_reviewed=(today + timedelta(days=5)).isoformat(),
            next_review_due=(today + timedelta(days=365)).isoformat(),
        )

        response = self.post_page(data)

        self.assertIn("cannot be in the future", response.context["form"].errors["last_reviewed"][0])

    def test_invalid_phone_number_is_rejected_with_a_message(self):
        data = page_form(
            call_to_action=streamfield(
                [
                    (
                        "call_to_action",
                        {"heading": "Call us", "text": "", "phone": "call us maybe", "link_text": "", "link_url": ""},
                    )
                ]
            )
        )

        response = self.post_page(data)

        self.assertEqual(response.status_code, 200)
        messages = error_messages(response.context["form"].errors.as_data()["call_to_action"][0])
        self.assertEqual(
            messages, ["Enter a real phone number with its area code, for example (562) 728-5000."], messages
        )
        self.assertContains(response, "Enter a real phone number with its area code")
        self.assertFalse(ConditionPage.objects.filter(slug="iron-deficiency-anemia").exists())

    def test_image_without_alt_text_is_rejected_with_a_message(self):
        image = make_image()
        body = streamfield([("image", {"image": str(image.pk), "alt_text": "", "caption": ""})])

        response = self.post_page(page_form(body=body))

        self.assertEqual(response.status_code, 200)
        messages = error_messages(response.context["form"].errors.as_data()["body"][0])
        self.assertEqual(messages, ["Add alt text: describe what the picture shows for people who cannot see it."])
        self.assertFalse(ConditionPage.objects.filter(slug="iron-deficiency-anemia").exists())

    def test_empty_symptom_list_is_rejected_with_a_message(self):
        body = streamfield([("symptoms", {"heading": "Symptoms", "intro": "", "symptoms": listblock([])})])

        response = self.post_page(page_form(body=body))

        messages = error_messages(response.context["form"].errors.as_data()["body"][0])
        self.assertEqual(messages, ["Add at least one symptom."])

    def key_facts_form(self, fact, source):
        return streamfield(
            [
                (
                    "key_facts",
                    {
                        "heading": "Key facts",
                        "facts": listblock([{"fact": fact, "topic": "general", "source": source}]),
                    },
                )
            ]
        )

    def test_editor_publishes_key_facts_with_a_sourced_figure(self):
        checked = (timezone.localdate() - timedelta(days=3)).isoformat()
        source = {
            "publisher": "National Cancer Institute",
            "title": "Childhood ALL (PDQ®)",
            "url": "https://www.cancer.gov/types/leukemia",
            "published": "2025",
            "date_checked": checked,
        }

        self.assertCanCreate(
            self.index, ConditionPage, page_form(key_facts=self.key_facts_form("9 in 10 are cured.", source))
        )

        response = self.client.get("/conditions/iron-deficiency-anemia/")
        self.assertContains(response, "9 in 10 are cured.")
        self.assertContains(response, "National Cancer Institute</a>, 2025)")

    def test_a_figure_without_its_source_and_a_future_check_date_are_refused_with_messages(self):
        empty = {"publisher": "", "title": "", "url": "", "published": "", "date_checked": ""}
        future = {
            "publisher": "NCI",
            "title": "Childhood ALL",
            "url": "https://www.cancer.gov/",
            "published": "",
            "date_checked": (timezone.localdate() + timedelta(days=30)).isoformat(),
        }

        no_source = self.post_page(page_form(key_facts=self.key_facts_form("Treatment lasts 2 to 3 years.", empty)))
        in_future = self.post_page(page_form(key_facts=self.key_facts_form("It is not contagious.", future)))

        self.assertEqual(no_source.status_code, 200)
        self.assertEqual(
            error_messages(no_source.context["form"].errors.as_data()["key_facts"][0]),
            ["This states a figure: add the source it comes from (publisher, title, web address, date checked)."],
        )
        self.assertEqual(in_future.status_code, 200)
        self.assertEqual(
            error_messages(in_future.context["form"].errors.as_data()["key_facts"][0]),
            ["The date checked cannot be in the future."],
        )
        self.assertFalse(ConditionPage.objects.filter(slug="iron-deficiency-anemia").exists())

    def test_summary_longer_than_300_characters_is_rejected(self):
        response = self.post_page(page_form(summary="Words. " * 50))

        self.assertIn("summary", response.context["form"].errors)


class ReviewDueReportTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        index = condition_index(HomePage.objects.get())
        today = timezone.localdate()

        def due_in(title, days, publish=True):
            return condition_page(
                index,
                title,
                publish=publish,
                last_reviewed=today - timedelta(days=300),
                next_review_due=today + timedelta(days=days),
            )

        due_in("Overdue Condition", -1)
        due_in("Due In Ten Days", 10)
        due_in("Due In Thirty Days", 30)
        due_in("Due In Thirty One Days", 31)
        due_in("Current Condition", 200)
        due_in("Overdue Draft", -5, publish=False)

    def setUp(self):
        self.login()

    def test_report_lists_exactly_the_overdue_and_due_soon_pages(self):
        response = self.client.get(reverse("conditions_review_due"))

        self.assertEqual(response.status_code, 200)
        titles = [page.title for page in response.context["object_list"]]
        self.assertEqual(titles, ["Overdue Condition", "Due In Ten Days", "Due In Thirty Days"])
        self.assertContains(response, "Overdue")
        self.assertContains(response, "Due soon")
        self.assertNotContains(response, "Due In Thirty One Days")

    def test_report_is_in_the_reports_menu(self):
        response = self.client.get(reverse("wagtailadmin_home"))

        self.assertContains(response, "Medical reviews due")
        self.assertContains(response, reverse("conditions_review_due"))

    def test_report_downloads_as_a_spreadsheet(self):
        response = self.client.get(reverse("conditions_review_due"), {"export": "csv"})

        self.assertEqual(response.status_code, 200)
        rows = b"".join(response.streaming_content).decode().splitlines()
        self.assertEqual(rows[0], "Condition,Reviewed by,Last reviewed,Next review due,Status")
        self.assertEqual(len(rows), 4)

    def test_report_is_for_staff_only(self):
        self.client.logout()

        response = self.client.get(reverse("conditions_review_due"))

        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("wagtailadmin_login"), response["Location"])
