"""Editor panels for condition pages, and the dashboard's "Medical review due" panel."""

from datetime import timedelta

from django.utils import timezone
from wagtail.admin.panels import Panel
from wagtail.admin.ui.components import Component


class ReadingLevelPanel(Panel):
    """Shows the Flesch-Kincaid grade of the summary and body text as last saved, against a 6th-grade target.

    Computed on the server from the saved draft, so it needs no JavaScript and
    updates every time the editor saves.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "conditions/panels/reading_level.html"

        def get_context_data(self, parent_context=None):
            from .readability import reading_level

            context = super().get_context_data(parent_context)
            page = self.instance
            saved = bool(page.pk)
            context["saved"] = saved
            context["level"] = reading_level(page.reading_text()) if saved else None
            return context


class MedicalReviewDuePanel(Component):
    """Dashboard: live condition pages whose medical review is overdue or due within 30 days."""

    name = "medical_review_due"
    template_name = "conditions/dashboard/medical_review_due.html"
    order = 230
    limit = 10

    def get_context_data(self, parent_context=None):
        from .models import REVIEW_DUE_SOON_DAYS, ConditionPage

        context = super().get_context_data(parent_context)
        due_by = timezone.localdate() + timedelta(days=REVIEW_DUE_SOON_DAYS)
        pages = ConditionPage.objects.live().filter(next_review_due__lte=due_by).order_by("next_review_due", "title")
        context["pages"] = list(pages[: self.limit])
        context["more"] = pages.count() > self.limit
        return context
