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
        context = super().get_context_data(parent_context)
        behind = spanish_pages_behind()
        context["pairs"] = behind[: self.limit]
        context["more"] = len(behind) - self.limit
        return context


def spanish_pages_behind():
    """``[(spanish_page, english_page)]``: Spanish condition pages whose English page was published after them."""
    from wagtail.models import Locale

    default = Locale.get_default()
    spanish = list(ConditionPage.objects.exclude(locale=default).filter(alias_of__isnull=True))
    english = {
        page.translation_key: page
        for page in ConditionPage.objects.filter(
            locale=default, translation_key__in=[page.translation_key for page in spanish]
        )
    }
    behind = []
    for page in spanish:
        source = english.get(page.translation_key)
        if source is None or not source.last_published_at:
            continue
        if not page.last_published_at or page.last_published_at < source.last_published_at:
            behind.append((page, source))
    return sorted(behind, key=lambda pair: pair[1].last_published_at, reverse=True)
