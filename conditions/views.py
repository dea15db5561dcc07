"""Admin views for condition pages."""

from datetime import timedelta

from django.utils import timezone
from django.utils.dateformat import format as format_date
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import REVIEW_DUE_SOON_DAYS, ConditionPage


def _date(value):
    return format_date(value, "j M Y") if value else ""


class ReviewDueReportView(ReportView):
    """Live condition pages whose medical review is overdue or due within 30 days, most overdue first."""

    page_title = "Medical reviews due"
    header_icon = "calendar-alt"
    index_url_name = "conditions_review_due"
    index_results_url_name = "conditions_review_due_results"
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    paginate_by = 50
    no_results_message = "No condition pages need a medical review in the next 30 days."
    columns = [
        TitleColumn("title", label="Condition", url_name="wagtailadmin_pages:edit"),
        Column("reviewer", label="Reviewed by"),
        Column("last_reviewed", label="Last reviewed", accessor=lambda page: _date(page.last_reviewed)),
        Column("next_review_due", label="Next review due", accessor=lambda page: _date(page.next_review_due)),
        Column("status", label="Status", accessor=lambda page: page.review_status().capitalize()),
    ]
    list_export = ["title", "reviewer", "last_reviewed", "next_review_due", "review_status"]
    export_headings = {
        "title": "Condition",
        "reviewer": "Reviewed by",
        "last_reviewed": "Last reviewed",
        "next_review_due": "Next review due",
        "review_status": "Status",
    }

    def get_filename(self):
        return f"medical-reviews-due-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        due_by = timezone.localdate() + timedelta(days=REVIEW_DUE_SOON_DAYS)
        return ConditionPage.objects.live().filter(next_review_due__lte=due_by).order_by("next_review_due", "title")
