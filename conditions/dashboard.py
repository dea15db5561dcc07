"""The admin dashboard's "Medical review due" panel."""

from datetime import timedelta

from django.utils import timezone
from wagtail.admin.ui.components import Component

from .models import REVIEW_DUE_SOON_DAYS, ConditionPage


class MedicalReviewDuePanel(Component):
    """Dashboard: live condition pages whose medical review is overdue or due within 30 days."""

    name = "medical_review_due"
    template_name = "conditions/dashboard/medical_review_due.html"
    order = 230
    limit = 10

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        due_by = timezone.localdate() + timedelta(days=REVIEW_DUE_SOON_DAYS)
        pages = ConditionPage.objects.live().filter(next_review_due__lte=due_by).order_by("next_review_due", "title")
        context["pages"] = list(pages[: self.limit])
        context["more"] = pages.count() > self.limit
        return context


class SpanishBehindPanel(Component):
    """Dashboard: Spanish condition pages older than their English page, newest English change first."""

    name = "spanish_behind"
    template_name = "conditions/dashboard/spanish_behind.html"
    order = 240
    limit = 10

    def get_context_data(self, parent_context=None):
        from .translation_review import spanish_pages_behind

        context = super().get_context_data(parent_context)
        behind = spanish_pages_behind()
        context["pairs"] = behind[: self.limit]
        context["more"] = len(behind) - self.limit
        return context
