"""Admin views for condition pages."""

from datetime import timedelta

from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import REVIEW_DUE_SOON_DAYS, ConditionPage

# What the review status column says ("" for a page whose review is not due yet).
REVIEW_STATUS_LABELS = {"overdue": _("Overdue"), "due soon": _("Due soon")}


def _date(value):
    return format_date(value, "j M Y") if value else ""


class ReviewDueReportView(ReportView):
    """Live condition pages whose medical review is overdue or due within 30 days, most overdue first."""

    page_title = _("Medical reviews due")
    header_icon = "calendar-alt"
    index_url_name = "conditions_review_due"
    index_results_url_name = "conditions_review_due_results"
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    paginate_by = 50
    no_results_message = _("No condition pages need a medical review in the next 30 days.")
    columns = [
        TitleColumn(
            "title",
            label=pgettext_lazy("a condition page, in the admin", "Condition"),
            url_name="wagtailadmin_pages:edit",
        ),
        Column("reviewer", label=_("Reviewed by")),
        Column("last_reviewed", label=_("Last reviewed"), accessor=lambda page: _date(page.last_reviewed)),
        Column("next_review_due", label=_("Next review due"), accessor=lambda page: _date(page.next_review_due)),
        Column(
            "status",
            label=pgettext_lazy("of a medical review", "Status"),
            accessor=lambda page: REVIEW_STATUS_LABELS.get(page.review_status(), ""),
        ),
    ]
    list_export = ["title", "reviewer", "last_reviewed", "next_review_due", "review_status"]
    export_headings = {
        "title": pgettext_lazy("a condition page, in the admin", "Condition"),
        "reviewer": _("Reviewed by"),
        "last_reviewed": _("Last reviewed"),
        "next_review_due": _("Next review due"),
        "review_status": pgettext_lazy("of a medical review", "Status"),
    }

    def get_filename(self):
        return f"medical-reviews-due-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        due_by = timezone.localdate() + timedelta(days=REVIEW_DUE_SOON_DAYS)
        return ConditionPage.objects.live().filter(next_review_due__lte=due_by).order_by("next_review_due", "title")
