"""Admin wiring for condition pages: the "Medical reviews due" report, reviewer profiles, dashboard panels."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from base.roles import MEDICAL_REVIEWERS

from .dashboard import MedicalReviewDuePanel
from .views import ReviewDueReportView
from .viewsets import ReviewerProfileViewSet


@hooks.register("register_admin_urls")
def register_review_due_report_urls():
    return [
        path("reports/medical-reviews-due/", ReviewDueReportView.as_view(), name="conditions_review_due"),
        path(
            "reports/medical-reviews-due/results/",
            ReviewDueReportView.as_view(results_only=True),
            name="conditions_review_due_results",
        ),
    ]


def works_on_pages(user):
    """Anyone who can add, edit or publish pages, or approves medical content."""
    return PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"]) or (
        user.groups.filter(name=MEDICAL_REVIEWERS).exists()
    )


class ReviewDueMenuItem(MenuItem):
    """Shown to anyone who can add, edit or publish pages."""

    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"])


@hooks.register("register_reports_menu_item")
def register_review_due_report_menu_item():
    return ReviewDueMenuItem(
        "Medical reviews due",
        reverse("conditions_review_due"),
        name="medical-reviews-due",
        icon_name="calendar-alt",
        order=1300,
    )


@hooks.register("register_admin_viewset")
def register_reviewer_profiles():
    return ReviewerProfileViewSet()


@hooks.register("construct_homepage_panels")
def add_medical_review_due_panel(request, panels):
    """Wagtail's own "Awaiting your review" panel lists what waits for this user; this adds what is due."""
    if works_on_pages(request.user):
        panels.append(MedicalReviewDuePanel())
